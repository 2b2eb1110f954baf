"""gui/export/document.py: the thesis document as the HTML QTextDocument lays out for the PDF
(#5). User text is escaped (a title is never markup), CJK runs are never set bold (Qt fakes bold
by drawing twice, which extracts as "光光模模"), tables repeat their header on every page, and a
thesis without parts says so instead of leaving an empty section."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtGui import QTextDocument

import pytest

from gui import palette
from gui.export.document import CHART_URL, contents_html, thesis_html
from model.analysis.report import build_report

BIG_LIGHT = 1


@pytest.fixture
def report(tracker):
    return build_report(tracker, BIG_LIGHT)


def _text(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_every_section_is_there_with_the_theses_parts(qapp, tracker, report):
    """Thesis, timeline, scorecard, beneficiaries (local names too), risks, catalysts, history and
    sources are all in the document (#5)."""
    text = _text(thesis_html(report, chart_width=600, chart_height=200))
    for heading in ("Thesis", "Milestone timeline", "Scorecard", "Beneficiaries", "Risks",
                    "Catalysts", "History", "Sources"):
        assert heading in text, heading
    for b in tracker.beneficiaries.for_thesis(BIG_LIGHT):
        assert b.local_name in text
    assert f"{report.conviction}/5" in text and report.status in text


def test_the_chart_is_an_image_only_when_sized_and_there_are_catalysts(report):
    """No empty chart: the image is there only when the export sized one and the thesis has
    catalysts."""
    assert f"src='{CHART_URL}' width='600' height='200'" in thesis_html(
        report, chart_width=600, chart_height=200)
    assert CHART_URL not in thesis_html(report)
    no_catalysts = dataclasses.replace(report, catalysts=[])
    assert CHART_URL not in thesis_html(no_catalysts, chart_width=600, chart_height=200)


def test_user_text_is_escaped_never_markup(qapp, report):
    """A title or statement with HTML shows as typed (#12), paragraphs kept."""
    hostile = dataclasses.replace(report, title="<img src=x onerror=alert(1)>&amp;",
                                  statement="a <b>bold</b> claim\n\nsecond paragraph")
    html = thesis_html(hostile)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;&amp;amp;" in html
    text = _text(html)
    assert "<img src=x onerror=alert(1)>&amp;" in text and "a <b>bold</b> claim" in text
    assert "second paragraph" in text


def test_cjk_runs_are_never_bold(report):
    """Chinese in a bold heading is set regular: Qt's fake bold draws it twice and it extracts as
    光光模模 (#5)."""
    html = thesis_html(dataclasses.replace(report, title="光模块 800G"))
    assert "<span style='font-weight:400'>光模块</span> 800G" in html


def test_tables_repeat_their_header_and_sections_break_once(report):
    """<thead> makes QTextDocument repeat the header row on every page a table runs onto;
    the sections start on page 2, after the title block and chart."""
    html = thesis_html(report)
    assert html.count("<thead>") == html.count("<table width='100%' cellspacing='0'")
    assert html.count("page-break-before: always") == 1


def test_a_thesis_without_parts_says_so(qapp, report):
    """Empty sections say 'None recorded.' (or 'No changes recorded.', 'None cited.') instead of a
    bare heading; no empty scorecard or tags line."""
    empty = dataclasses.replace(report, beneficiaries=[], risks=[], catalysts=[], history=[],
                                sources=[], scorecard=[], statement="", tags="")
    text = _text(thesis_html(empty))
    assert text.count("None recorded.") == 3
    assert "No changes recorded." in text and "None cited." in text
    assert "Scorecard" not in text and "Tags:" not in text


def test_catalyst_states_use_the_apps_palette(report):
    """The checklist colours are the tables' and the chart's (#12 item 14: one palette)."""
    html = thesis_html(report)
    for state in {c.state for c in report.catalysts}:
        assert palette.catalyst(state) in html


def test_contents_lists_each_thesis_with_its_first_page(qapp):
    """The contents page of an all-theses PDF lists each thesis (escaped) with its status,
    conviction and first page."""
    html = contents_html([("Big light <x>", "active", 4, 2), ("光模块", "watch", 3, 9)],
                         "2026-11-24")
    text = _text(html)
    assert "2 theses · generated 2026-11-24" in text and "Big light <x>" in text
    rows = re.findall(r"<tr>.*?</tr>", html.split("<tbody>")[1])
    assert len(rows) == 2 and "9</td>" in rows[1] and "3/5" in rows[1]
    assert "&lt;x&gt;" in rows[0]
