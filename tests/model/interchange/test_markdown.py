"""The Markdown export (#5): same content as the PDF, deterministic and safe in tables."""

from __future__ import annotations

from model.analysis.report import build_report
from model.interchange.markdown import export_markdown, render_markdown

BIG_LIGHT, SMALL_LIGHT = 1, 2


def test_markdown_holds_every_part_of_the_thesis(tracker):
    """Title, status dates, beneficiaries with local names, risks, a checklist line per
    catalyst with its mark, history and numbered sources; the chart is linked."""
    text = render_markdown(build_report(tracker, SMALL_LIGHT), chart="small.png")
    thesis = tracker.theses.get(SMALL_LIGHT)
    assert text.startswith(f"# {thesis.title}\n")
    since = tracker.theses.last_changed(SMALL_LIGHT, "status")[:10]
    assert f"- **Status:** {thesis.status} (since {since})" in text
    assert "![Milestone timeline](small.png)" in text
    for b in tracker.beneficiaries.for_thesis(SMALL_LIGHT):
        assert f"| {b.name} | {b.local_name or '–'} | {b.ticker} |" in text
    for r in tracker.risks.for_thesis(SMALL_LIGHT):
        assert f"| {r.title} | {r.severity} × {r.likelihood} = {r.score} | {r.status} |" in text
    today = tracker.clock.today()
    lines = [line for line in text.splitlines() if line.startswith("- [")]
    catalysts = tracker.catalysts.for_thesis(SMALL_LIGHT)
    assert len(lines) == len(catalysts)
    for line, c in zip(lines, catalysts):
        mark = {"done": "x", "missed": "!", "cancelled": "-"}.get(c.status, " ")
        assert line.startswith(f"- [{mark}] **{c.title}** — ")
        assert ("OVERDUE" in line) == c.is_overdue(today)
    for n, s in enumerate(tracker.sources.for_thesis(SMALL_LIGHT), 1):
        assert f"\n{n}. {s.title} — " in text
    assert ("| 2026-10-06 | catalyst “Domestic high-speed laser chip qualified at an overseas "
            "CSP”: pending -> missed |") in text


def test_export_is_deterministic_and_escapes_tables(tracker, tmp_path):
    """Two exports are byte-identical (diffable in git); a pipe or newline in a cell cannot
    break the table."""
    tracker.risks.add(thesis_id=BIG_LIGHT, title="Pipes | and\nnewlines", severity=5,
                      likelihood=5)
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    export_markdown(tracker, BIG_LIGHT, a, chart="a.png")
    export_markdown(tracker, BIG_LIGHT, b, chart="a.png")
    assert a.read_bytes() == b.read_bytes()
    assert "| Pipes \\| and newlines | 5 × 5 = 25 | open |" in a.read_text(encoding="utf-8")
    assert b"\r\n" not in a.read_bytes()


def test_scorecard_is_part_of_the_document(tracker):
    """The scorecard of issue #7 (counts, slips, hit rate, conviction path, verdict) is in the
    document, with the counts of this thesis's catalysts."""
    report = build_report(tracker, BIG_LIGHT)
    rows = dict(report.scorecard)
    statuses = [c.status for c in tracker.catalysts.for_thesis(BIG_LIGHT)]
    assert rows["Catalysts"].startswith(
        f"{statuses.count('done')} done, {statuses.count('missed')} missed")
    assert rows["Conviction path"].endswith(
        f"{tracker.theses.get(BIG_LIGHT).conviction} "
        f"({tracker.theses.last_changed(BIG_LIGHT, 'conviction')[:10]})")
    text = render_markdown(report)
    assert "## Scorecard" in text and f"| Verdict | {rows['Verdict']} |" in text
