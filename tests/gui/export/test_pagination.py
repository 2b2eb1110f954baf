"""gui/export/pagination.py: what the PDF keeps on one page. A table row (a risk, a catalyst, a
source) never runs over a page's foot, a heading never ends a page, a row taller than a page
still runs on, and every block is laid out (a walk through the app; #12 defect 13)."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument, QTextTable

from gui.export.pagination import keep_together

PAGE = 300.0


def _doc(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(400, PAGE))
    return doc


def _table(rows: int, lines: int = 3, *, head: bool = True) -> str:
    body = "".join(f"<tr><td>row {i}" + "<br/>more" * (lines - 1) + f"</td><td>{i}</td></tr>"
                   for i in range(rows))
    thead = "<thead><tr><th>Title</th><th>N</th></tr></thead>" if head else ""
    return f"<table width='100%' cellspacing='0'>{thead}<tbody>{body}</tbody></table>"


def _pages_of_rows(doc: QTextDocument) -> list[set[int]]:
    """For each row of the first table, the pages its lines are drawn on."""
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    layout = doc.documentLayout()
    out = []
    for row in range(table.rows()):
        pages: set[int] = set()
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            block = doc.findBlock(cell.firstPosition())
            while block.isValid() and block.position() <= cell.lastPosition():
                top = layout.blockBoundingRect(block).top()
                for i in range(block.layout().lineCount()):
                    line = block.layout().lineAt(i)
                    pages |= {int((top + line.y()) // PAGE),
                              int((top + line.y() + line.height() - 0.01) // PAGE)}
                block = block.next()
        out.append(pages)
    return out


def test_no_row_runs_over_a_page_foot(qapp):
    """Three-line rows that Qt would split at every page's foot each go over whole, onto the
    next page, and nothing is skipped: the rows fill consecutive pages."""
    doc = _doc("<p>intro</p>" + _table(30))
    assert any(len(pages) > 1 for pages in _pages_of_rows(doc)[1:])     # Qt alone splits
    assert keep_together(doc, PAGE) > 0
    rows = _pages_of_rows(doc)[1:]
    assert all(len(pages) == 1 for pages in rows)
    firsts = [min(pages) for pages in rows]
    assert firsts == sorted(firsts) and set(firsts) == set(range(firsts[-1] + 1))


def test_a_first_row_that_would_split_takes_its_heading_along(qapp):
    """A table whose first row would split at a page's foot goes over with its heading, not
    leaving the heading (or the header row) alone at the foot."""
    filler = "<p>filler</p>" * 13
    doc = _doc(filler + "<h2>Sources</h2>" + _table(3, lines=6, head=False))
    keep_together(doc, PAGE)
    heading = next(b for b in _blocks(doc) if b.text() == "Sources")
    heading_page = int(doc.documentLayout().blockBoundingRect(heading).top() // PAGE)
    rows = _pages_of_rows(doc)
    assert all(len(pages) == 1 for pages in rows)
    assert min(rows[0]) == heading_page == 1


def test_a_row_taller_than_a_page_still_runs_on(qapp):
    """What cannot fit on any page is left where it starts and runs over (no endless moving,
    no page left empty before it)."""
    doc = _doc(_table(1, lines=40) + _table(4))
    keep_together(doc, PAGE)
    assert min(_pages_of_rows(doc)[1]) == 0 and len(_pages_of_rows(doc)[1]) > 1


def test_every_block_is_laid_out_after_the_moves(qapp):
    """Qt lays a document out lazily; after a format change blocks it had not reached stayed
    without lines and drew nothing (the last sources were missing from a PDF)."""
    doc = _doc("<h2>A</h2>" + _table(80) + "".join(f"<p>source {i}</p>" for i in range(60)))
    keep_together(doc, PAGE)
    assert all(block.layout().lineCount() for block in _blocks(doc) if block.text())


def _blocks(doc: QTextDocument):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()
