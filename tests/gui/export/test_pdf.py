"""The thesis PDF (#5): content, pagination, header/footer, images, fonts, paper and contents."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from gui.export.pdf import ExportCancelled, export_pdf, export_thesis_pdf
from model import __version__
from tests.gui.export.helpers import FOOTER, make_thesis, page_texts

BIG_LIGHT = 1  # seeded demo thesis with beneficiaries, risks, catalysts, sources and history


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_thesis_pdf_holds_title_beneficiaries_catalysts_and_footer(qapp, tracker, tmp_path):
    """Every beneficiary with its Chinese name, every catalyst title, the status marks, numbered
    sources and a "page n of N" footer on each page extract as text (a missing section, CJK drawn
    as boxes or unembedded glyphs without ToUnicode would fail)."""
    path = tmp_path / "big.pdf"
    pages = export_thesis_pdf(tracker, BIG_LIGHT, path)
    texts = page_texts(path)
    assert len(texts) == pages
    whole = " ".join(texts)
    thesis = tracker.theses.get(BIG_LIGHT)
    assert _norm(thesis.title) in texts[0]
    assert "Optical interconnect" in texts[0]
    bens = tracker.beneficiaries.for_thesis(BIG_LIGHT)
    assert any(b.local_name for b in bens)
    for b in bens:
        assert _norm(b.name) in whole
        assert b.local_name in whole
        assert b.ticker in whole
    for c in tracker.catalysts.for_thesis(BIG_LIGHT):
        assert _norm(c.title) in whole
    for r in tracker.risks.for_thesis(BIG_LIGHT):
        assert f"{r.severity} × {r.likelihood} = {r.score}" in whole
    for n, s in enumerate(tracker.sources.for_thesis(BIG_LIGHT), 1):
        assert f"[{n}] {_norm(s.title)}" in whole
    assert "conviction: 3 → 4" in whole  # the history section
    assert "Scorecard" in whole and "Positive catalysts that happened" in whole
    for number, text in enumerate(texts, 1):
        assert f"page {number} of {pages}" in text
        assert "Generated 2026-11-24" in text
        assert _norm(thesis.title)[:40] in text  # running header


def test_status_dates_on_page_one(qapp, tracker, tmp_path):
    """Status and conviction show the day each last changed, from the history (#5)."""
    tracker.theses.set_conviction(BIG_LIGHT, 2, note="downgrade")
    path = tmp_path / "t.pdf"
    export_thesis_pdf(tracker, BIG_LIGHT, path)
    first = page_texts(path)[0]
    status_since = tracker.theses.last_changed(BIG_LIGHT, "status")[:10]
    assert f"active since {status_since}" in first
    assert "2/5 since 2026-11-24" in first
    assert "2026-12-10" in first  # next review


def test_first_page_holds_the_chart_image_at_print_resolution(qapp, tracker, tmp_path):
    """Page 1 carries the milestone timeline as an image XObject, at least 200 dpi over the
    width it is printed at, and losslessly compressed (JPEG would blur its text)."""
    path = tmp_path / "t.pdf"
    export_thesis_pdf(tracker, BIG_LIGHT, path)
    reader = PdfReader(str(path))
    first = reader.pages[0]
    xobjects = first["/Resources"].get("/XObject", {})
    images = [x.get_object() for x in xobjects.values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1
    page_width_in = float(first.mediabox.width) / 72
    assert images[0]["/Width"] >= 200 * page_width_in * 0.6
    assert images[0]["/Filter"] == "/FlateDecode"


def test_fonts_are_embedded_including_the_cjk_font(qapp, tracker, tmp_path):
    """Every font is embedded (FontFile2), and a CJK font is among them (#5: fresh machines)."""
    path = tmp_path / "t.pdf"
    export_thesis_pdf(tracker, BIG_LIGHT, path)
    names = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in font.get("/DescendantFonts", [font]):
                desc = desc.get_object()
                descriptor = desc["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, desc["/BaseFont"]
                names.add(str(desc["/BaseFont"]))
    assert any("WenQuanYi" in n or "CJK" in n for n in names), names


def test_200_catalysts_paginate_with_repeated_table_header(qapp, tracker, many, tmp_path):
    """200 catalysts run over many pages: each title appears exactly once in the text (no row
    split and drawn, clipped, on two pages), in order, footers count consistently, and every
    page the catalyst table continues onto starts with its header row again (QTextDocument
    <thead>)."""
    small = make_thesis(tracker, 20, title="Twenty catalysts")
    small_pages = export_thesis_pdf(tracker, small.id, tmp_path / "small.pdf")
    path = tmp_path / "many.pdf"
    pages = export_thesis_pdf(tracker, many.id, path)
    texts = page_texts(path)
    assert len(texts) == pages
    # 180 more rows at >= one text line each cannot fit in fewer than 5 extra A4 pages.
    assert pages >= small_pages + 5
    header = "Catalyst Window Status Happened +/−"
    # Rows are kept whole (gui.export.pagination): no row is drawn, clipped, on two pages.
    whole = " ".join(texts)
    whole = whole[:whole.index("History Date Change Note")]  # ticks name catalysts there too
    positions = []
    for i in range(200):
        title = f"Milestone {i:03d} 光模块 ramp"
        assert whole.count(title) == 1, title
        positions.append(whole.index(title))
    sorted_titles = [c.title for c in tracker.catalysts.for_thesis(many.id)]
    assert [whole.index(t) for t in sorted_titles] == sorted(positions)
    for number, text in enumerate(texts, 1):
        found = FOOTER.findall(text)
        assert found == [(str(number), str(pages))]
    first = next(n for n, t in enumerate(texts) if "Milestone 000 光模块 ramp" in t)
    last = next(n for n, t in enumerate(texts) if "History Date Change Note" in t)
    if "光模块 ramp" not in texts[last].split("History Date Change Note")[0]:
        last -= 1
    assert last - first >= 4
    for text in texts[first:last + 1]:
        assert header in text
    assert "OVERDUE" in whole and "missed" in whole and "done" in whole


def test_paper_size_a4_and_letter(qapp, tracker, tmp_path):
    """--paper letter gives 8.5 x 11 in pages, a4 210 x 297 mm (#5)."""
    export_thesis_pdf(tracker, BIG_LIGHT, tmp_path / "a4.pdf", paper="a4")
    export_thesis_pdf(tracker, BIG_LIGHT, tmp_path / "letter.pdf", paper="letter")
    a4 = PdfReader(str(tmp_path / "a4.pdf")).pages[0].mediabox
    letter = PdfReader(str(tmp_path / "letter.pdf")).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_all_theses_with_contents_page(qapp, tracker, tmp_path):
    """One file of all theses: page 1 lists each with the page it starts on, and that page's
    header and title are that thesis; the total is the sum of the single exports plus contents."""
    ids = tracker.theses.ids()
    singles = {i: export_thesis_pdf(tracker, i, tmp_path / f"{i}.pdf") for i in ids}
    path = tmp_path / "all.pdf"
    total = export_pdf(tracker, ids, path, "a4")
    texts = page_texts(path)
    assert total == len(texts) == 1 + sum(singles.values())
    assert "Contents" in texts[0] and "Investment theses" in texts[0]
    start = 2
    for i in ids:
        title = _norm(tracker.theses.get(i).title)
        assert f"{title} {tracker.theses.get(i).status}" in texts[0]
        assert title in texts[start - 1]
        assert "Milestone timeline" in texts[start - 1]
        start += singles[i]
    assert f"page {total} of {total}" in texts[-1]


def test_render_first_page_to_png(qapp, tracker, tmp_path):
    """Page 1 renders to a PNG with pypdfium2 (a broken content stream would not), and the
    chart area is not blank."""
    pdfium = pytest.importorskip("pypdfium2")
    from PySide6.QtGui import QImage
    path = tmp_path / "t.pdf"
    export_thesis_pdf(tracker, BIG_LIGHT, path)
    doc = pdfium.PdfDocument(str(path))
    bitmap = doc[0].render(scale=100 / 72)
    array = bitmap.to_numpy()
    height, width = array.shape[:2]
    assert abs(width - 827) <= 1 and abs(height - 1169) <= 1  # A4 at 100 dpi
    image = QImage(array.tobytes(), width, height, bitmap.stride, QImage.Format.Format_BGR888
                   if array.shape[2] == 3 else QImage.Format.Format_RGB32)
    png = tmp_path / "page1.png"
    assert image.save(str(png))
    assert png.stat().st_size > 10_000
    assert (array[:, :, :3] < 128).sum() > 10_000  # text and chart, not a white page
    doc.close()


def test_cancelling_leaves_no_file(qapp, tracker, tmp_path):
    """Cancel from the progress callback: nothing at the target, no partial file left (#5)."""
    out = tmp_path / "out"
    out.mkdir()
    path = out / "all.pdf"
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 2

    with pytest.raises(ExportCancelled):
        export_pdf(tracker, tracker.theses.ids(), path, progress=progress)
    assert calls[-1][0] == 2 and calls[0][1] == 2 * len(tracker.theses.ids())
    assert list(out.iterdir()) == []


def test_bad_paper_and_missing_folder_are_user_errors(qapp, tracker, tmp_path):
    """Mistakes a user can make are UserErrors with a message, and nothing is written."""
    from model.errors import NotFound, UserError
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="Paper"):
        export_thesis_pdf(tracker, BIG_LIGHT, out / "x.pdf", paper="a3")
    with pytest.raises(UserError, match="does not exist"):
        export_thesis_pdf(tracker, BIG_LIGHT, out / "nope" / "x.pdf")
    with pytest.raises(NotFound):
        export_thesis_pdf(tracker, 999, out / "x.pdf")
    assert list(out.iterdir()) == []


def test_pdf_footer_names_the_version(qapp, tracker, tmp_path):
    """One version number everywhere (#13): the PDF footer says which Thesis Tracker made it."""
    path = tmp_path / "big.pdf"
    export_thesis_pdf(tracker, 1, path)
    for text in page_texts(path):
        assert f"Thesis Tracker {__version__}" in text


def test_sources_risks_and_catalysts_are_never_split_over_a_page_foot(qapp, tracker, tmp_path):
    """A source, a risk or a catalyst row starts and ends on one page: a walk through the app
    found a source's title at the foot of a page with its link and "cited by" line alone on
    the next. Qt draws a block it splits on both pages (clipped), so a split one's title is in
    two pages' text; whole, each title and its last line are on one page only."""
    with tracker.store.write():
        thesis = tracker.theses.add(title="Kept whole", statement="A statement. " * 40)
        for i in range(30):
            tracker.risks.add(thesis_id=thesis.id, title=f"Risk {i:02d} 风险",
                                     description=f"What would go wrong {i:02d}. " * 6)
            catalyst = tracker.catalysts.add(thesis_id=thesis.id, title=f"Catalyst {i:02d} 催化",
                                             expected="Q3 2027",
                                             description="Long enough. " * 10)
            tracker.catalysts.update(catalyst.id, outcome=f"Outcome {i:02d}: " + "more. " * 12)
            source = tracker.sources.add(title=f"Source {i:02d} 来源 report", publisher="Desk",
                                         url=f"https://example.com/reports/{i:02d}")
            tracker.sources.cite(source.id, thesis_id=thesis.id)
    path = tmp_path / "whole.pdf"
    export_thesis_pdf(tracker, thesis.id, path)
    texts = page_texts(path)
    for i in range(30):
        for first, last in ((f"Source {i:02d} 来源 report", f"reports/{i:02d}"),
                            (f"Risk {i:02d} 风险", f"What would go wrong {i:02d}. What"),
                            (f"Catalyst {i:02d} 催化", f"Outcome {i:02d}:")):
            pages = [n for n, text in enumerate(texts) if first in text]
            ends = [n for n, text in enumerate(texts) if last in text]
            assert len(pages) == 1 and ends == pages, (first, pages, ends)
