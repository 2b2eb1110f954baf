"""Thesis PDFs: QTextDocument laid out page by page on a QPdfWriter, with header and footer.

Each thesis is one QTextDocument paginated to the body height; every page is drawn with
``drawContents`` clipped to that page, so tables continuing on the next page keep the header
row QTextDocument repeats for <thead>. Several theses go into one file behind a contents page;
"page n of N" counts the whole file. Needs a QGuiApplication (fonts); the CLI makes one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from gui.export.document import ACCENT, CHART_URL, MUTED, contents_html, thesis_html
from gui.export.fonts import register_fonts
from gui.export.pagination import keep_together
from gui.i18n import date_text, translate
from model import __version__
from model.analysis.report import ThesisReport, build_report
from model.errors import UserError
from model.interchange.textfile import commit_partial, partial_path, write_atomically

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 600           # device units per inch of the PDF painter
CHART_DPI = 220            # the timeline image: sharp when printed, small enough to embed
MARGINS_MM = (18, 20, 18, 18)  # left, top, right, bottom
BODY_PT = 9.5

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


class ExportCancelled(UserError):
    """The user stopped a PDF export; nothing was written."""


@dataclass
class _Laid:
    """One laid-out document: its pages are drawn under a header naming ``title``."""
    doc: QTextDocument
    title: str
    pages: int


class _Layout:
    """Page geometry in device units for one paper size."""

    def __init__(self, writer: QPdfWriter):
        rect = writer.pageLayout().paintRectPixels(RESOLUTION)
        self.page_w, self.page_h = rect.width(), rect.height()
        mm = RESOLUTION / 25.4
        left, top, right, bottom = (m * mm for m in MARGINS_MM)
        self.body = QRectF(left, top, self.page_w - left - right, self.page_h - top - bottom)
        self.header_y = top * 0.45
        self.footer_y = self.page_h - bottom * 0.45
        self.px96 = RESOLUTION / 96.0  # QTextDocument scales CSS pixels by this on the writer

    @property
    def chart_size_px96(self) -> tuple[int, int]:
        width = int(self.body.width() / self.px96)
        return width, int(width * 0.42)


def _font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(register_fonts())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Without ligatures "fi" extracts (and is found by a viewer's search) as "fi", not "ﬁ".
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _timeline_image(tracker, thesis_id: int, width_px: int, height_px: int, *,
                    dpi: float = 96.0) -> QImage:
    """The app's timeline chart (gui.charts), laid out at screen size and scaled up, so its
    text prints at a readable size."""
    from gui.charts import render_timeline_image
    return render_timeline_image(tracker, thesis_id, width_px, height_px, dpi=dpi)


def _document(writer: QPdfWriter, layout: _Layout, html: str,
              chart: QImage | None = None) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(_font(BODY_PT))
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)
    if chart is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), chart)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(layout.body.width(), layout.body.height()))
    keep_together(doc, layout.body.height())
    return doc


def _thesis_doc(tracker, writer, layout: _Layout, report: ThesisReport) -> _Laid:
    w96, h96 = layout.chart_size_px96
    chart = None
    if report.catalysts:        # no catalysts, no empty chart (#12 defect 13)
        # Rendered at CHART_DPI for the physical width it occupies on paper.
        inches = layout.body.width() / RESOLUTION
        chart = _timeline_image(tracker, report.thesis_id, int(inches * CHART_DPI),
                                int(inches * CHART_DPI * h96 / w96), dpi=CHART_DPI)
    doc = _document(writer, layout, thesis_html(report, chart_width=w96, chart_height=h96),
                    chart)
    return _Laid(doc, report.title, doc.pageCount())


def _paint_page(painter: QPainter, layout: _Layout, laid: _Laid, index: int, number: int,
                total: int, generated: str) -> None:
    body = layout.body
    painter.save()
    painter.translate(body.left(), body.top() - index * body.height())
    laid.doc.drawContents(painter, QRectF(0, index * body.height(), body.width(),
                                          body.height()))
    painter.restore()
    # Header: the thesis title, elided to the line; a hairline under it.
    painter.setFont(_font(8))
    painter.setPen(QColor(MUTED))
    metrics = painter.fontMetrics()
    title = metrics.elidedText(laid.title, Qt.TextElideMode.ElideRight,
                               int(body.width() * 0.8))
    painter.drawText(QRectF(body.left(), layout.header_y - metrics.height(), body.width(),
                            metrics.height() * 1.2), Qt.AlignmentFlag.AlignLeft, title)
    painter.drawText(QRectF(body.left(), layout.header_y - metrics.height(), body.width(),
                            metrics.height() * 1.2), Qt.AlignmentFlag.AlignRight,
                     "Thesis Tracker")
    painter.setPen(QPen(QColor(ACCENT), RESOLUTION / 200))
    line_y = layout.header_y + metrics.height() * 0.35
    painter.drawLine(body.left(), line_y, body.right(), line_y)
    painter.setPen(QPen(QColor("#c9d1db"), RESOLUTION / 300))
    foot_line = layout.footer_y - metrics.height() * 1.2
    painter.drawLine(body.left(), foot_line, body.right(), foot_line)
    painter.setPen(QColor(MUTED))
    footer = QRectF(body.left(), layout.footer_y - metrics.height(), body.width(),
                    metrics.height() * 1.2)
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft,
                     translate("Document", "Generated {date} · Thesis Tracker {version}").format(
                         date=date_text(generated), version=__version__))
    painter.drawText(footer, Qt.AlignmentFlag.AlignRight,
                     translate("Document", "page {number} of {total}").format(number=number,
                                                                              total=total))


def _writer(path: Path, paper: str, title: str) -> QPdfWriter:
    paper_id = PAPERS.get(str(paper).lower())
    if paper_id is None:
        raise UserError(translate("Document", "Paper must be one of {papers}, not {paper!r}.")
                        .format(papers=", ".join(PAPERS), paper=paper))
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(paper_id), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator("Thesis Tracker")
    return writer


def export_pdf(tracker, thesis_ids, path, paper: str = "a4", *,
               progress: Progress | None = None, contents: bool | None = None) -> int:
    """Write the theses to one PDF (a contents page first when there are several).

    Returns the number of pages. ``progress(done, total)`` returning False cancels: the file is
    then left untouched and ``ExportCancelled`` is raised.
    """
    ids = [int(i) for i in thesis_ids]
    if not ids:
        raise UserError(translate("Document", "There are no theses to export."))
    target = Path(path)
    if not target.parent.is_dir():
        raise UserError(translate("Document", "Cannot write {path}: the folder {folder} does "
                                              "not exist.").format(path=target,
                                                                   folder=target.parent))
    if str(paper).lower() not in PAPERS:
        raise UserError(translate("Document", "Paper must be one of {papers}, not {paper!r}.")
                        .format(papers=", ".join(PAPERS), paper=paper))
    titles = [tracker.theses.get(i).title for i in ids]  # NotFound before any work
    temp = partial_path(target)                 # private from the first byte
    generated = tracker.clock.today().isoformat()
    contents = len(ids) > 1 if contents is None else contents
    writer = _writer(temp, paper, titles[0] if len(ids) == 1
                     else translate("Document", "Investment theses"))
    layout = _Layout(writer)
    total_steps = len(ids) * 2  # lay out, then paint
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress is not None and progress(step, total_steps) is False:
            raise ExportCancelled(translate("Document", "The PDF export was cancelled."))

    painter = None
    try:
        laid: list[_Laid] = []
        reports = []
        for thesis_id in ids:
            report = build_report(tracker, thesis_id)
            reports.append(report)
            laid.append(_thesis_doc(tracker, writer, layout, report))
            tick()
        if contents:
            laid.insert(0, _contents(writer, layout, reports, laid, generated))
        total = sum(item.pages for item in laid)
        painter = QPainter()
        if not painter.begin(writer):
            raise UserError(translate("Document", "Cannot write {path}: the PDF could not be "
                                                  "started.").format(path=target))
        # Flate instead of JPEG for the chart: no ringing around its lines and text.
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        number = 0
        for n, item in enumerate(laid):
            for index in range(item.pages):
                if number:
                    writer.newPage()
                number += 1
                _paint_page(painter, layout, item, index, number, total, generated)
            if not (contents and n == 0):
                tick()
        painter.end()
        painter = None
        if not temp.exists() or not temp.stat().st_size:
            raise UserError(translate("Document", "Cannot write {path}: the PDF writer wrote "
                                                  "nothing.").format(path=target))
        commit_partial(temp, target)        # private (0600) unless it replaces a file
        return total
    except OSError as exc:
        raise UserError(translate("Document", "Cannot write {path}: {reason}.").format(
            path=target, reason=exc.strerror or exc)) from None
    finally:
        if painter is not None and painter.isActive():
            painter.end()
        del writer
        temp.unlink(missing_ok=True)


def _contents(writer, layout, reports: list[ThesisReport], laid: list[_Laid],
              generated: str) -> _Laid:
    """The contents page(s); page numbers depend on how many pages the contents take."""
    pages = 1
    while True:
        first, entries = pages + 1, []
        for report, item in zip(reports, laid):
            entries.append((report.title, report.status, report.conviction, first))
            first += item.pages
        doc = _document(writer, layout, contents_html(entries, generated))
        if doc.pageCount() == pages:
            return _Laid(doc, translate("Document", "Contents"), pages)
        pages = doc.pageCount()


def export_thesis_pdf(tracker, thesis_id: int, path, paper: str = "a4") -> int:
    """One thesis to a PDF; returns its page count."""
    return export_pdf(tracker, [thesis_id], path, paper)


def render_chart_png(tracker, thesis_id: int, path, *, width_px: int = 1600,
                     height_px: int = 672) -> Path:
    """The timeline as a PNG (for the Markdown export, which only links it; a thesis with no
    catalysts gets none)."""
    image = _timeline_image(tracker, thesis_id, width_px, height_px)
    from gui.charts import png_bytes
    return write_atomically(path, png_bytes(image))       # private, whole or not at all
