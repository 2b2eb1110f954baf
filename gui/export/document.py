"""The thesis document as Qt rich-text HTML (the subset QTextDocument understands), from a report.

Tables use <thead> so QTextDocument repeats their header row on every page they continue onto.
"""

from __future__ import annotations

import re
from html import escape

from gui import palette
from model.analysis.report import ThesisReport, cite_text

ACCENT = palette.ACCENT.light
MUTED = palette.MUTED.light
RULE = "#c9d1db"
STATE_STYLE = {  # checklist box, label colour (the app's palette, as on the chart)
    state: (box, palette.catalyst(state)) for state, box in (
        ("done", "☑"), ("missed", "☒"), ("cancelled", "☐"), ("overdue", "☐"),
        ("pending", "☐"))}
CHART_URL = "thesis-chart://timeline"


# Han, kana, Hangul and full-width forms. The CJK font has no bold face and Qt's PDF engine
# fakes bold by drawing such glyphs twice, which makes them extract twice ("光光模模"); these
# runs are therefore always set in the regular weight.
_CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7af"
                  "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]+")


def _e(text) -> str:
    return _CJK.sub(lambda m: f"<span style='font-weight:400'>{m.group(0)}</span>",
                    escape(str(text or ""), quote=True))


def _para(text: str) -> str:
    """Plain text with blank-line paragraphs and single newlines kept."""
    parts = [p.strip() for p in str(text or "").split("\n\n") if p.strip()]
    return "".join(f"<p style='margin-top:0; margin-bottom:6px'>"
                   f"{_e(p).replace(chr(10), '<br/>')}</p>" for p in parts)


def _cites(numbers) -> str:
    return f" <span style='color:{ACCENT}'>{cite_text(numbers)}</span>" if numbers else ""


def _table(header: list[tuple[str, str]], rows: list[list[str]]) -> str:
    """header: (label, width%) pairs; rows: cells already escaped HTML."""
    head = "".join(f"<th width='{w}' align='left' style='background-color:{ACCENT}; "
                   f"color:white; font-weight:600; padding:4px'>{_e(label)}</th>"
                   for label, w in header)
    body = []
    for i, row in enumerate(rows):
        shade = "#f3f6f9" if i % 2 else "#ffffff"
        body.append("<tr>" + "".join(
            f"<td valign='top' style='background-color:{shade}; padding:4px; "
            f"border-bottom: 1px solid {RULE}'>{cell}</td>" for cell in row) + "</tr>")
    return (f"<table width='100%' cellspacing='0' cellpadding='4' "
            f"style='border-collapse: collapse; margin-bottom: 8px'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _h2(text: str, *, break_before: bool = False) -> str:
    brk = " page-break-before: always;" if break_before else ""
    return (f"<h2 style='color:{ACCENT}; font-size:13pt; margin-top:14px; margin-bottom:6px;"
            f"{brk}'>{_e(text)}</h2>")


def _small(text: str) -> str:
    return f"<br/><span style='color:{MUTED}; font-size:8pt'>{text}</span>" if text else ""


def thesis_html(r: ThesisReport, *, chart_width: int = 0, chart_height: int = 0) -> str:
    """The whole thesis; the chart (if sized) is the image resource ``CHART_URL``."""
    out = [f"<p style='color:{MUTED}; font-size:9pt; margin-bottom:2px'>"
           f"{_e(r.theme or 'Investment thesis')}</p>",
           f"<h1 style='color:{ACCENT}; font-size:20pt; margin-top:0; margin-bottom:8px'>"
           f"{_e(r.title)}</h1>"]
    since = lambda d: f" <span style='color:{MUTED}'>since {_e(d)}</span>" if d else ""  # noqa
    meta = [("Status", f"<b>{_e(r.status)}</b>{since(r.status_since)}"),
            ("Conviction", f"<b>{r.conviction}/5</b>{since(r.conviction_since)}"),
            ("Next review", _e(r.next_review or "not scheduled")),
            ("Horizon", _e(r.horizon or "–"))]
    cells = "".join(f"<td width='25%' style='background-color:#eef2f7; padding:6px'>"
                    f"<span style='color:{MUTED}; font-size:8pt'>{k.upper()}</span><br/>{v}</td>"
                    for k, v in meta)
    out.append(f"<table width='100%' cellspacing='3' cellpadding='6'><tr>{cells}</tr></table>")
    if r.tags:
        out.append(f"<p style='color:{MUTED}; font-size:8pt'>Tags: {_e(r.tags)}</p>")
    if r.statement:
        out.append(_h2("Thesis"))
        out.append(_para(r.statement))
        if r.statement_cites:
            out.append(f"<p style='color:{MUTED}; font-size:8pt'>Sources: "
                       f"{cite_text(r.statement_cites)}</p>")
    if chart_width and r.catalysts:
        out.append(_h2("Milestone timeline"))
        out.append(f"<p align='center'><img src='{CHART_URL}' width='{chart_width}' "
                   f"height='{chart_height}'/></p>")
        counts = r.catalyst_counts
        legend = " · ".join(f"<span style='color:{STATE_STYLE[s][1]}'>■</span> {n} {s}"
                            for s, n in counts.items() if n)
        out.append(f"<p align='center' style='color:{MUTED}; font-size:8pt'>{legend}</p>")

    first = True  # the sections start on page 2, after the title block and chart

    def section(title: str) -> str:
        nonlocal first
        html, first = _h2(title, break_before=first), False
        return html

    if r.scorecard:
        out.append(section("Scorecard"))
        out.append(_table([("Measure", "50%"), ("Value", "50%")],
                          [[_e(k), _e(v)] for k, v in r.scorecard]))
    out.append(section("Beneficiaries"))
    if r.beneficiaries:
        out.append(_table(
            [("Company", "28%"), ("Local name", "14%"), ("Ticker", "13%"), ("Role", "45%")],
            [[f"<b>{_e(b.name)}</b>", _e(b.local_name), _e(b.ticker) + _small(_e(b.exchange)),
              _e(b.role)] for b in r.beneficiaries]))
    else:
        out.append("<p>None recorded.</p>")
    out.append(section("Risks"))
    if r.risks:
        out.append(_table(
            [("Risk", "56%"), ("Severity × likelihood", "20%"), ("Status", "14%"),
             ("Sources", "10%")],
            [[f"<b>{_e(k.title)}</b>" + _small(_e(k.description)),
              f"{k.severity} × {k.likelihood} = <b>{k.score}</b>", _e(k.status),
              cite_text(k.cites)] for k in r.risks]))
    else:
        out.append("<p>None recorded.</p>")
    out.append(section("Catalysts"))
    if r.catalysts:
        rows = []
        for c in r.catalysts:
            box, colour = STATE_STYLE[c.state]
            detail = _e(f"Outcome: {c.outcome}") if c.outcome else ""
            rows.append([
                f"<span style='color:{colour}; font-size:12pt'>{box}</span>",
                f"<b>{_e(c.title)}</b>{_cites(c.cites)}" + _small(detail),
                _e(c.expected) + _small(_e(c.window_start if c.window_start == c.window_end
                                           else f"{c.window_start} – {c.window_end}")),
                f"<span style='color:{colour}; font-weight:600'>{_e(c.label)}</span>",
                _e(c.happened_on or "–"), _e(c.impact)])
        out.append(_table([("", "4%"), ("Catalyst", "43%"), ("Window", "18%"),
                           ("Status", "13%"), ("Happened", "14%"), ("+/−", "8%")], rows))
    else:
        out.append("<p>None recorded.</p>")
    out.append(section("History"))
    if r.history:
        out.append(_table([("Date", "14%"), ("Change", "36%"), ("Note", "50%")],
                          [[_e(h.on), _e(h.change.replace(' -> ', ' → ')), _e(h.note)]
                           for h in r.history]))
    else:
        out.append("<p>No changes recorded.</p>")
    out.append(section("Sources"))
    if r.sources:
        for s in r.sources:
            where = f"{_e(s.publisher or 'unknown publisher')}, {_e(s.published_on or 'undated')}"
            link = _small(_e(s.url)) if s.url else ""
            cited = _small("Cited by: " + _e("; ".join(s.cited_by))) if s.cited_by else ""
            out.append(f"<p style='margin-bottom:6px'><b>[{s.number}]</b> {_e(s.title)} — "
                       f"{where}{link}{cited}</p>")
    else:
        out.append("<p>None cited.</p>")
    return "\n".join(out)


def contents_html(entries: list[tuple[str, str, int, int]], generated_on: str) -> str:
    """entries: (title, status, conviction, first page)."""
    rows = [[_e(title), _e(status), f"{conviction}/5", str(page)]
            for title, status, conviction, page in entries]
    return (f"<h1 style='color:{ACCENT}; font-size:20pt'>Investment theses</h1>"
            f"<p style='color:{MUTED}'>{len(entries)} theses · generated {_e(generated_on)}</p>"
            + _h2("Contents")
            + _table([("Thesis", "62%"), ("Status", "14%"), ("Conviction", "14%"),
                      ("Page", "10%")], rows))
