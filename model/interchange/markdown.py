"""A thesis as Markdown: the same content as the PDF, deterministic so it diffs cleanly in git.

No generation time is written (it would change every export); the chart PNG is written by the
caller (it needs Qt) and only linked here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from model.analysis.report import ThesisReport, build_report, cite_text
from model.interchange.textfile import write_atomically

if TYPE_CHECKING:
    from model.service import Tracker

# Characters that make Markdown out of text: emphasis, code, links and images, raw HTML and
# entities, tables, strikethrough. Escaped with a backslash they render as themselves (#14).
_INLINE = re.compile(r"([\\`*_\[\]<|~&])")
# What starts a block when it opens a line: headings, lists and task items, quotes, rules,
# numbered items, setext underlines, code fences.
_BLOCK = re.compile(r"^(\s*)([#>+=-]|\d+[.)]|`{3,}|~{3,})")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINKABLE = re.compile(r"^(https?|ftp)://[^\s<>]+$", re.IGNORECASE)


def inline(value: object) -> str:
    """Field text inside a line: whitespace folded, control characters dropped, emphasis,
    links, images, raw HTML and table pipes escaped."""
    return _INLINE.sub(r"\\\1", " ".join(_CONTROL.sub("", str(value or "")).split()))


def text(value: object) -> str:
    """Field text that may open a line, escaped like ``inline`` and so that it cannot start a
    heading, a list or ``- [x]`` task item, a quote or a code fence (#14 item 15)."""
    return _BLOCK.sub(r"\1\\\2", inline(value))


def paragraph(value: object) -> str:
    """Multi-line field text: each line escaped like ``text`` (line breaks kept)."""
    return "\n".join(text(line) for line in str(value or "").splitlines())


def link(url: object) -> str:
    """A web address as an autolink; anything else (javascript:, file:, data:...) as text."""
    url = _CONTROL.sub("", str(url or "")).strip()
    return f"<{url}>" if _LINKABLE.match(url) else text(url)


def _cell(value: object) -> str:
    """Table cells: one line, escaped, never empty (GitHub drops empty trailing cells)."""
    return inline(value) or "–"


def _table(header: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(report: ThesisReport, *, chart: str | None = None) -> str:
    """The document; ``chart`` is the relative file name of the timeline PNG, if any."""
    r = report
    out = [f"# {text(r.title)}", ""]
    meta = [("Theme", text(r.theme) or "–"),
            ("Status", f"{r.status} (since {r.status_since})" if r.status_since else r.status),
            ("Conviction", f"{r.conviction}/5 (since {r.conviction_since})"
             if r.conviction_since else f"{r.conviction}/5"),
            ("Next review", r.next_review or "–"), ("Horizon", text(r.horizon) or "–"),
            ("Tags", text(r.tags) or "–")]
    out += [f"- **{k}:** {v}" for k, v in meta]
    out.append("")
    if r.statement:
        paragraphs = [paragraph(p.strip()) for p in r.statement.split("\n\n") if p.strip()]
        out += [p + "\n" for p in paragraphs if p.strip()]
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
        line = f"- [{c.mark}] **{text(c.title)}** — {c.label}; window {text(c.window_text)}"
        if c.happened_on:
            line += f"; happened {c.happened_on}"
        line += f"; impact {c.impact}"
        if c.cites:
            line += " " + cite_text(c.cites)
        out.append(line)
        if c.outcome:
            out.append(f"  - Outcome: {text(c.outcome)}")
    out += ["", "## History", ""]
    if r.history:
        out += _table(["date", "change", "note"], [[h.on, h.change, h.note] for h in r.history])
    else:
        out.append("No changes recorded.")
    out += ["", "## Sources", ""]
    if not r.sources:
        out.append("None cited.")
    for s in r.sources:
        line = f"{s.number}. {text(s.title)} — {text(s.publisher) or 'unknown publisher'}, " \
               f"{s.published_on or 'undated'}"
        if s.url:
            line += f". {link(s.url)}"
        out.append(line)
        if s.cited_by:
            out.append(f"   Cited by: {'; '.join(text(c) for c in s.cited_by)}.")
    return "\n".join(out).rstrip() + "\n"


def export_markdown(tracker: Tracker, thesis_id: int, path: Path | str, *,
                    chart: str | None = None) -> Path:
    """Write the Markdown file atomically; returns its path."""
    text = render_markdown(build_report(tracker, thesis_id), chart=chart)
    return write_atomically(path, text)
