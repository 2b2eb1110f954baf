"""Promise 6 of #6 in the GUI: a full disk says "not saved", keeps the user's edit in the form,
harms nothing saved, and the app keeps running."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

import pytest

from gui.dialogs import Messages
from model.service import Tracker
from tests.safety.helpers import dump
from tests.safety.test_gui_instance import make_window  # noqa: F401 - fixture


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(Messages, "error", classmethod(
        lambda cls, parent, text, title="": shown.append(text)))
    return shown


def paste(qtbot, widget, text: str) -> None:
    """Replace the widget's text by pasting, as a user would with a long text."""
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_full_disk_keeps_the_edit_in_the_form_and_the_app_running(
        make_window,  # noqa: F811 - the fixture imported above, which pytest finds by name
        db_path, clock, qtbot, errors):
    """Disk full (max_page_count) while saving a pasted statement and a title: each time a
    message says the change was not saved, the text stays in the field, saved data is
    unchanged; once there is room the same edit saves (#6)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    window = make_window(db_path)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)     # focus (so "leaving a field saves it") needs an active window
    overview = window.detail.overview
    thesis = overview.thesis
    assert thesis is not None
    store = window.tracker.store
    before = dump(db_path)
    store.execute(f"PRAGMA max_page_count = {store.scalar('PRAGMA page_count')}")

    statement = window.findChild(QPlainTextEdit, "statementEdit")
    text = "光模块订单 CPO 📈 — evidence\n" * 20_000
    paste(qtbot, statement, text)
    theme = window.findChild(QLineEdit, "themeEdit")
    theme.setFocus()                                         # leaving the field saves it
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert "not saved" in errors[0]
    assert statement.toPlainText() == text

    title = window.findChild(QLineEdit, "titleEdit")
    long_title = "Optics " + "光" * 30_000
    paste(qtbot, title, long_title)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert "not saved" in errors[1] and title.text() == long_title
    assert dump(db_path) == before

    store.execute("PRAGMA max_page_count = 1073741823")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    statement.setFocus()
    qtbot.waitUntil(statement.hasFocus)
    theme.setFocus()
    qtbot.waitUntil(lambda: window.tracker.theses.get(thesis.id).statement == text)
    assert window.tracker.theses.get(thesis.id).title == long_title
    assert len(errors) == 2
