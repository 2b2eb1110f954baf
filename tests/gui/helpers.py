"""Helpers shared by the GUI tests: find a row by its text, type as a user (CJK included)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from gui.dialogs import Messages

OVERDUE_REVIEW = "2026-11-10"     # 14 days before the fixed today, 2026-11-24 (a Tuesday)
DUE_THIS_WEEK = "2026-11-27"


def row_with(model, column: int, text: str) -> int:
    for row in range(model.rowCount()):
        if text in str(model.index(row, column).data()):
            return row
    raise AssertionError(f"no row with {text!r} in column {column}")


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user would: ASCII as key presses, CJK committed the way an input method does
    (QTest cannot press keys for characters outside ASCII)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent
    chunk = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii() == (chunk[:1].isascii() if chunk else ch.isascii()):
            chunk += ch
            continue
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QCoreApplication.sendEvent(widget, event)
        chunk = ch if ch != "\0" else ""


def capture_errors(monkeypatch):
    """Messages.error replaced: the texts it would have shown, in order."""
    errors = []
    monkeypatch.setattr(Messages, "error", classmethod(
        lambda cls, parent, text, title="": errors.append(text)))
    return errors


def open_upcoming(window):
    """Upcoming shown: (its table, its model)."""
    window.show_upcoming()
    table = window.findChild(QTableView, "upcomingTable")
    return table, table.model()
