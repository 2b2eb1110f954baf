"""What a thesis handout shows (#12 defect 13): the history without churn, the paths."""

from __future__ import annotations

from model.analysis.report import build_report, handout_history, path_text
from model.types import HistoryEntry

BIG_LIGHT = 1      # the demo thesis with cited risks


def _h(i, at, field, old, new, note="", undone=None):
    return HistoryEntry(i, at, 1, None, field, "", old, new, note, undone)


def test_handout_history_leaves_out_undone_and_taken_back_changes():
    """A handout shows what stands: undone changes and changes taken back the same day are left out
    (#12 defect 13)."""
    entries = [
        _h(1, "2026-01-01T09:00:00Z", "status", "draft", "active", "go"),
        _h(2, "2026-02-01T09:00:00Z", "conviction", "3", "4"),
        _h(3, "2026-02-01T09:01:00Z", "conviction", "4", "3"),           # taken back
        _h(4, "2026-03-01T09:00:00Z", "conviction", "3", "5", undone="x"),
        _h(5, "2026-03-02T09:00:00Z", "horizon", "2027", "2027"),        # changed nothing
        _h(6, "2026-04-01T09:00:00Z", "conviction", "3", "2", "cut"),
        _h(7, "2026-04-09T09:00:00Z", "conviction", "2", "3"),           # days later: kept
    ]
    assert [h.id for h in handout_history(entries)] == [1, 6, 7]
    assert [h.id for h in handout_history(list(reversed(entries)))] == [7, 6, 1]


def test_paths_never_print_empty_brackets(tracker):
    """A conviction or status path with no history prints no '()' (#12 defect 13)."""
    assert path_text([("", 3)]) == "3 (no change recorded)"
    assert path_text([("2025-12-09T09:01:00Z", 3), ("2026-02-10T09:00:00Z", 4)]) == \
        "3 (2025-12-09) → 4 (2026-02-10)"
    thesis = tracker.theses.add(title="Quiet").id
    report = build_report(tracker, thesis)
    assert all("()" not in value for _, value in report.scorecard)


def test_citations_refer_to_the_numbered_sources(tracker):
    """The report numbers its sources 1..n, and each risk cites the numbers of exactly the
    sources its citations name (#5)."""
    report = build_report(tracker, BIG_LIGHT)
    number = {s.title: s.number for s in report.sources}
    sources = {s.id: s.title for s in tracker.sources.for_thesis(BIG_LIGHT)}
    risks = {r.id: r.title for r in tracker.risks.for_thesis(BIG_LIGHT)}
    expected: dict[str, set[int]] = {}
    for cit in tracker.sources.citations_for_thesis(BIG_LIGHT):
        if cit.risk_id is not None:
            expected.setdefault(risks[cit.risk_id], set()).add(number[sources[cit.source_id]])
    assert expected
    for risk in report.risks:
        assert set(risk.cites) == expected.get(risk.title, set())
    assert [s.number for s in report.sources] == list(range(1, len(report.sources) + 1))
