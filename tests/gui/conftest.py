"""GUI fixtures: the main window on the demo database with isolated settings and a fixed day."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import pytest


@pytest.fixture
def window(make_window, db_path, qtbot):
    """The main window on a new demo database, shown at a desktop size."""
    w = make_window(db_path)
    w.resize(1400, 850)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def when_modal(qtbot):
    """Act on the next modal dialog as a user would (type, press Enter) once it is shown."""
    def schedule(act):
        done = []

        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(5, poll)
                return
            try:
                act(dialog)
            except BaseException:
                # A failed check must fail the test, not leave a modal dialog waiting forever.
                dialog.reject()
                raise
            done.append(dialog)
        QTimer.singleShot(0, poll)
        return done
    return schedule


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
