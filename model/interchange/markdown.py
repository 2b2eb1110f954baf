"""A thesis as Markdown: the same content as the PDF, deterministic so it diffs cleanly in git.

No generation time is written (it would change every export); the chart PNG is written by the
caller (it needs Qt) and only linked here.
"""

from __future__ import annotations

from pathlib import Path

from model.analysis.report import ThesisReport, build_report, cite_text
from model.interchange.textfile import write_atomically


def _cell(text) -> str:
    """Table cells: one line, pipes escaped, never empty (GitHub drops empty trailing cells)."""
    text = " ".join(str(text or "").split())
    return text.replace("\\", "\\\\").replace("|", "\\|") or "–"


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(report: ThesisReport, *, chart: str | None = None) -> str:
    """The document; ``chart`` is the relative file name of the timeline PNG, if any."""
    r = report
    out = [f"# {r.title}", ""]
    meta = [("Theme", r.theme or "–"),
            ("Status", f"{r.status} (since {r.status_since})" if r.status_since else r.status),
            ("Conviction", f"{r.conviction}/5 (since {r.conviction_since})"
             if r.conviction_since else f"{r.conviction}/5"),
            ("Next review", r.next_review or "–"), ("Horizon", r.horizon or "–"),
            ("Tags", r.tags or "–")]
    out += [f"- **{k}:** {v}" for k, v in meta]
    out.append("")
    if r.statement:
        paragraphs = [p.strip() for p in r.statement.split("\n\n") if p.strip()]
        out += [p + "\n" for p in paragraphs]
        if r.statement_cites:
            out[-1] = out[-1].rstrip("\n") + " " + cite_text(r.statement_cites) + "\n"
    if chart:
        out += [f"![Milestone timeline]({chart})", ""]
    if r.scorecard:
        out += ["## Scorecard", ""] + _table(["measure", "value"], r.scorecard) + [""]
    out += ["## Beneficiaries", ""]
    if r.beneficiaries:
        out += _table(["company", "local name", "ticker", "role"],
                      [[b.name, b.local_name, b.ticker, b.role] for b in r.beneficiaries])
    else:
        out.append("None recorded.")
    out += ["", "## Risks", ""]
    if r.risks:
        out += _table(["risk", "severity × likelihood", "status", "sources"],
                      [[k.title, f"{k.severity} × {k.likelihood} = {k.score}", k.status,
                        cite_text(k.cites)] for k in r.risks])
    else:
        out.append("None recorded.")
    counts = r.catalyst_counts
    summary = ", ".join(f"{n} {state}" for state, n in counts.items() if n)
    out += ["", "## Catalysts", ""] + ([summary, ""] if summary else [])
    if not r.catalysts:
        out.append("None recorded.")
    for c in r.catalysts:
        line = f"- [{c.mark}] **{c.title}** — {c.label}; window {c.window_text}"
        if c.happened_on:
            line += f"; happened {c.happened_on}"
        line += f"; impact {c.impact}"
        if c.cites:
            line += " " + cite_text(c.cites)
        out.append(line)
        if c.outcome:
            out.append(f"  - Outcome: {' '.join(c.outcome.split())}")
    out += ["", "## History", ""]
    if r.history:
        out += _table(["date", "change", "note"], [[h.on, h.change, h.note] for h in r.history])
    else:
        out.append("No changes recorded.")
    out += ["", "## Sources", ""]
    if not r.sources:
        out.append("None cited.")
    for s in r.sources:
        line = f"{s.number}. {s.title} — {s.publisher or 'unknown publisher'}, " \
               f"{s.published_on or 'undated'}"
        if s.url:
            line += f". <{s.url}>" if "://" in s.url else f". {s.url}"
        out.append(line)
        if s.cited_by:
            out.append(f"   Cited by: {'; '.join(s.cited_by)}.")
    return "\n".join(out).rstrip() + "\n"


def export_markdown(tracker, thesis_id: int, path, *, chart: str | None = None) -> Path:
    """Write the Markdown file atomically; returns its path."""
    text = render_markdown(build_report(tracker, thesis_id), chart=chart)
    return write_atomically(path, text)
