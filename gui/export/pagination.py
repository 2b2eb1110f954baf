"""Page breaks for exported documents: what must not be split over two pages is moved whole.

QTextDocument paginates line by line: a heading can end a page with its table overleaf, and a
table row (a risk, a catalyst, a source) can leave its first lines at a page's foot and the rest
on the next (#12 defect 13; a walk through the app). ``keep_together`` moves each such thing to
the next page after the document is laid out, one at a time, as every move shifts what follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

MAX_MOVES = 2000        # a runaway guard: each move pushes content down by less than a page


@dataclass(frozen=True)
class _Heading:
    block: QTextBlock


@dataclass(frozen=True)
class _Row:
    table: QTextTable
    row: int


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _lines(doc: QTextDocument, first: int, last: int):
    """(top, bottom) in document coordinates of every line of the blocks from position
    ``first`` to ``last``."""
    layout = doc.documentLayout()
    block = doc.findBlock(first)
    while block.isValid() and block.position() <= last:
        top = layout.blockBoundingRect(block).top()
        text = block.layout()
        for i in range(text.lineCount()):
            line = text.lineAt(i)
            yield top + line.y(), top + line.y() + line.height()
        block = block.next()


def _row_span(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float] | None:
    """The top of a row's first line and the bottom of its last, over all its cells."""
    spans = [span for column in range(table.columns())
             for span in _lines(doc, table.cellAt(row, column).firstPosition(),
                                table.cellAt(row, column).lastPosition())]
    if not spans:
        return None
    return min(top for top, _ in spans), max(bottom for _, bottom in spans)


def _split(doc: QTextDocument, item, page_height: float) -> bool:
    """Whether the item starts on one page and goes on over the next."""
    if isinstance(item, _Heading):
        following = item.block.next()
        if not following.isValid():
            return False
        layout = doc.documentLayout()
        head = layout.blockBoundingRect(item.block)
        line = following.layout().lineAt(0) if following.layout().lineCount() else None
        first = layout.blockBoundingRect(following).top() + (
            line.rect().bottom() if line is not None else 0)
        return _page(head.top(), page_height) != _page(first - 0.01, page_height)
    span = _row_span(doc, item.table, item.row)
    if span is None:
        return False
    top, bottom = span
    # A row taller than a page cannot be kept whole; it runs on as it must.
    return (_page(top, page_height) != _page(bottom - 0.01, page_height)
            and bottom - top < page_height * 0.8)


def _set_break(block: QTextBlock, flag: QTextFormat.PageBreakFlag) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(flag)
    QTextCursor(block).setBlockFormat(fmt)


def _heading_before(doc: QTextDocument, table: QTextTable) -> QTextBlock | None:
    block = doc.findBlock(table.firstPosition() - 1)
    return block if block.isValid() and block.blockFormat().headingLevel() else None


def _move(doc: QTextDocument, item) -> None:
    """Start the item on the next page."""
    if isinstance(item, _Heading):
        _set_break(item.block, QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        return
    table, row = item.table, item.row
    if row > table.format().headerRowCount():
        # A page break after the row above: Qt then starts this row on the next page, under
        # the repeated header (a break before the row's own cells would skip a page).
        for column in range(table.columns()):
            last = doc.findBlock(table.cellAt(row - 1, column).lastPosition())
            _set_break(last, QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter)
        return
    # The first row: the whole table goes over, with its heading when it has one.
    heading = _heading_before(doc, table)
    if heading is not None:
        _set_break(heading, QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    else:
        fmt = table.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(fmt)


def _items(doc: QTextDocument) -> list:
    """Headings and the body rows of every table, in document order."""
    found: list[tuple[int, object]] = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append((block.position(), _Heading(block)))
        block = block.next()
    frames = list(doc.rootFrame().childFrames())
    while frames:
        frame = frames.pop()
        frames.extend(frame.childFrames())
        if isinstance(frame, QTextTable):
            for row in range(frame.format().headerRowCount(), frame.rows()):
                found.append((frame.cellAt(row, 0).firstPosition(), _Row(frame, row)))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def keep_together(doc: QTextDocument, page_height: float) -> int:
    """Move every heading that would end a page to the next one, with what follows it, and
    every table row that would run over a page's foot to the next page whole. Returns how
    many were moved."""
    # The whole document laid out first: Qt lays a new document out lazily, and a format
    # change relays only the blocks near it, so blocks past where the checks had reached
    # were never laid out and drew nothing (the last sources went missing from the PDF).
    doc.pageCount()
    items = _items(doc)
    moved, index, done = 0, 0, set()
    while index < len(items) and moved < MAX_MOVES:
        item = items[index]
        if index not in done and _split(doc, item, page_height):
            _move(doc, item)
            done.add(index)
            moved += 1
            # Moving a table's first row moves its heading: look at that heading again.
            index = max(index - 1, 0)
            continue
        index += 1
    return moved
