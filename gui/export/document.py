"""The thesis document as Qt rich-text HTML (the subset QTextDocument understands), from a report.

Tables use <thead> so QTextDocument repeats their header row on every page they continue onto.
Its labels are in the interface's language (context "Document"; the command line loads no
translation, so its PDFs are English), dates as the locale writes them; what the user wrote
stays as written.
"""

from __future__ import annotations

import re
from html import escape

from gui import palette
from gui.i18n import date_text, localize, translate, word
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


def labels() -> dict[str, str]:
    """The document's words in the interface's language."""
    return {
        "thesis": translate("Document", "Investment thesis"),
        "since": translate("Document", "since {date}"),
        "status": translate("Document", "Status"),
        "conviction": translate("Document", "Conviction"),
        "next review": translate("Document", "Next review"),
        "not scheduled": translate("Document", "not scheduled"),
        "horizon": translate("Document", "Horizon"),
        "tags": translate("Document", "Tags: {tags}"),
        "statement": translate("Document", "Thesis"),
        "sources of": translate("Document", "Sources: {numbers}"),
        "timeline": translate("Document", "Milestone timeline"),
        "none recorded": translate("Document", "None recorded."),
        "scorecard": translate("Document", "Scorecard"),
        "measure": translate("Document", "Measure"),
        "value": translate("Document", "Value"),
        "beneficiaries": translate("Document", "Beneficiaries"),
        "company": translate("Document", "Company"),
        "local name": translate("Document", "Local name"),
        "ticker": translate("Document", "Ticker"),
        "role": translate("Document", "Role"),
        "risks": translate("Document", "Risks"),
        "risk": translate("Document", "Risk"),
        "severity": translate("Document", "Severity × likelihood"),
        "sources": translate("Document", "Sources"),
        "catalysts": translate("Document", "Catalysts"),
        "catalyst": translate("Document", "Catalyst"),
        "outcome": translate("Document", "Outcome: {outcome}"),
        "window": translate("Document", "Window"),
        "happened": translate("Document", "Happened"),
        "history": translate("Document", "History"),
        "date": translate("Document", "Date"),
        "change": translate("Document", "Change"),
        "note": translate("Document", "Note"),
        "no changes": translate("Document", "No changes recorded."),
        "unknown publisher": translate("Document", "unknown publisher"),
        "undated": translate("Document", "undated"),
        "cited by": translate("Document", "Cited by: {list}"),
        "none cited": translate("Document", "None cited."),
    }


def thesis_html(r: ThesisReport, *, chart_width: int = 0, chart_height: int = 0) -> str:
    """The whole thesis; the chart (if sized) is the image resource ``CHART_URL``."""
    t = labels()
    out = [f"<p style='color:{MUTED}; font-size:9pt; margin-bottom:2px'>"
           f"{_e(r.theme or t['thesis'])}</p>",
           f"<h1 style='color:{ACCENT}; font-size:20pt; margin-top:0; margin-bottom:8px'>"
           f"{_e(r.title)}</h1>"]

    def since(day: str) -> str:
        if not day:
            return ""
        return f" <span style='color:{MUTED}'>{_e(t['since'].format(date=date_text(day)))}</span>"
    meta = [(t["status"], f"<b>{_e(word(r.status))}</b>{since(r.status_since)}"),
            (t["conviction"], f"<b>{r.conviction}/5</b>{since(r.conviction_since)}"),
            (t["next review"], _e(date_text(r.next_review) or t["not scheduled"])),
            (t["horizon"], _e(r.horizon or "–"))]
    cells = "".join(f"<td width='25%' style='background-color:#eef2f7; padding:6px'>"
                    f"<span style='color:{MUTED}; font-size:8pt'>{_e(k.upper())}</span><br/>"
                    f"{v}</td>" for k, v in meta)
    out.append(f"<table width='100%' cellspacing='3' cellpadding='6'><tr>{cells}</tr></table>")
    if r.tags:
        out.append(f"<p style='color:{MUTED}; font-size:8pt'>"
                   f"{_e(t['tags'].format(tags=r.tags))}</p>")
    if r.statement:
        out.append(_h2(t["statement"]))
        out.append(_para(r.statement))
        if r.statement_cites:
            numbers = t["sources of"].format(numbers=cite_text(r.statement_cites))
            out.append(f"<p style='color:{MUTED}; font-size:8pt'>{_e(numbers)}</p>")
    if chart_width and r.catalysts:
        out.append(_h2(t["timeline"]))
        out.append(f"<p align='center'><img src='{CHART_URL}' width='{chart_width}' "
                   f"height='{chart_height}'/></p>")
        counts = r.catalyst_counts
        legend = " · ".join(f"<span style='color:{STATE_STYLE[s][1]}'>■</span> {n} "
                            f"{_e(word(s))}" for s, n in counts.items() if n)
        out.append(f"<p align='center' style='color:{MUTED}; font-size:8pt'>{legend}</p>")

    first = True  # the sections start on page 2, after the title block and chart

    def section(title: str) -> str:
        nonlocal first
        html, first = _h2(title, break_before=first), False
        return html

    none = f"<p>{_e(t['none recorded'])}</p>"
    if r.scorecard:
        out.append(section(t["scorecard"]))
        out.append(_table([(t["measure"], "50%"), (t["value"], "50%")],
                          [[_e(localize(k)), _e(localize(v))] for k, v in r.scorecard]))
    out.append(section(t["beneficiaries"]))
    if r.beneficiaries:
        out.append(_table(
            [(t["company"], "28%"), (t["local name"], "14%"), (t["ticker"], "13%"),
             (t["role"], "45%")],
            [[f"<b>{_e(b.name)}</b>", _e(b.local_name), _e(b.ticker) + _small(_e(b.exchange)),
              _e(b.role)] for b in r.beneficiaries]))
    else:
        out.append(none)
    out.append(section(t["risks"]))
    if r.risks:
        out.append(_table(
            [(t["risk"], "56%"), (t["severity"], "20%"), (t["status"], "14%"),
             (t["sources"], "10%")],
            [[f"<b>{_e(k.title)}</b>" + _small(_e(k.description)),
              f"{k.severity} × {k.likelihood} = <b>{k.score}</b>", _e(word(k.status)),
              cite_text(k.cites)] for k in r.risks]))
    else:
        out.append(none)
    out.append(section(t["catalysts"]))
    if r.catalysts:
        rows = []
        for c in r.catalysts:
            box, colour = STATE_STYLE[c.state]
            detail = _e(t["outcome"].format(outcome=c.outcome)) if c.outcome else ""
            window = (date_text(c.window_start) if c.window_start == c.window_end
                      else f"{date_text(c.window_start)} – {date_text(c.window_end)}")
            rows.append([
                f"<span style='color:{colour}; font-size:12pt'>{box}</span>",
                f"<b>{_e(c.title)}</b>{_cites(c.cites)}" + _small(detail),
                _e(c.expected) + _small(_e(window)),
                f"<span style='color:{colour}; font-weight:600'>{_e(localize(c.label))}</span>",
                _e(date_text(c.happened_on) or "–"), _e(c.impact)])
        out.append(_table([("", "4%"), (t["catalyst"], "43%"), (t["window"], "18%"),
                           (t["status"], "13%"), (t["happened"], "14%"), ("+/−", "8%")], rows))
    else:
        out.append(none)
    out.append(section(t["history"]))
    if r.history:
        out.append(_table([(t["date"], "14%"), (t["change"], "36%"), (t["note"], "50%")],
                          [[_e(date_text(h.on)), _e(localize(h.change).replace(" -> ", " → ")),
                            _e(h.note)] for h in r.history]))
    else:
        out.append(f"<p>{_e(t['no changes'])}</p>")
    out.append(section(t["sources"]))
    if r.sources:
        # One row each, so the PDF keeps a source whole on one page (gui.export.pagination):
        # as paragraphs its title could end a page with its link and "cited by" overleaf.
        entries = []
        for s in r.sources:
            where = (f"{_e(s.publisher or t['unknown publisher'])}, "
                     f"{_e(date_text(s.published_on) or t['undated'])}")
            link = _small(_e(s.url)) if s.url else ""
            cited = (_small(_e(t["cited by"].format(
                list="; ".join(localize(c) for c in s.cited_by)))) if s.cited_by else "")
            entries.append(f"<tr><td style='padding-bottom:6px'><b>[{s.number}]</b> "
                           f"{_e(s.title)} — {where}{link}{cited}</td></tr>")
        out.append(f"<table width='100%' cellpadding='0' cellspacing='0'>{''.join(entries)}"
                   f"</table>")
    else:
        out.append(f"<p>{_e(t['none cited'])}</p>")
    return "\n".join(out)


def contents_html(entries: list[tuple[str, str, int, int]], generated_on: str) -> str:
    """entries: (title, status, conviction, first page)."""
    rows = [[_e(title), _e(word(status)), f"{conviction}/5", str(page)]
            for title, status, conviction, page in entries]
    theses = len(entries)
    count = translate("Document", "%n theses · generated {date}", None, theses).format(
        date=date_text(generated_on))
    return (f"<h1 style='color:{ACCENT}; font-size:20pt'>"
            f"{_e(translate('Document', 'Investment theses'))}</h1>"
            f"<p style='color:{MUTED}'>{_e(count)}</p>"
            + _h2(translate("Document", "Contents"))
            + _table([(translate("Document", "Thesis"), "62%"),
                      (translate("Document", "Status"), "14%"),
                      (translate("Document", "Conviction"), "14%"),
                      (translate("Document", "Page"), "10%")], rows))
