"""gui/onboarding.py: the first start (#13) says the five theses are demo data (big / small /
new light explained) and offers to keep them or start empty; Edit ▸ Remove demo theses takes
them out later, asking first, as one step Edit ▸ Undo brings back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

import pytest

from gui import onboarding
from gui.dialogs import Messages
from gui.onboarding import EMPTY, KEEP, WelcomeDialog, remove_demo, welcome


@pytest.fixture
def said(monkeypatch):
    """Messages replaced: what they said, and confirm answers Yes unless told otherwise."""
    record = {"info": [], "error": [], "confirm": [], "answer": True}
    monkeypatch.setattr(Messages, "info", classmethod(
        lambda cls, parent, text, title="": record["info"].append(text)))
    monkeypatch.setattr(Messages, "error", classmethod(
        lambda cls, parent, text, title="": record["error"].append(text)))
    monkeypatch.setattr(Messages, "confirm", classmethod(
        lambda cls, parent, text, title="": record["confirm"].append(text)
        or record["answer"]))
    return record


def _asked(monkeypatch, answer):
    asked = []
    monkeypatch.setattr(WelcomeDialog, "ask",
                        classmethod(lambda cls, parent: asked.append(parent) or answer))
    return asked


def test_the_welcome_comes_once_and_only_after_a_start_that_loaded_the_demo(
        window, monkeypatch, db_path):
    """Only a start that loaded the demo says so, once; an everyday start asks nothing (#13)."""
    asked = _asked(monkeypatch, KEEP)
    assert window.tracker.demo_loaded                      # the file was made with the demo
    assert welcome(window) == KEEP and asked == [window]
    assert window.proxy.rowCount() == 5
    assert welcome(window) is None and len(asked) == 1     # asked once
    window.open_database(db_path)                          # an everyday start: no demo loaded
    assert not window.tracker.demo_loaded
    assert welcome(window) is None and len(asked) == 1


def test_start_empty_removes_the_demo_without_asking_again(window, monkeypatch, said, qtbot):
    """'Start empty' removes the demo without a second question, as one step Edit ▸ Undo brings back
    (#13)."""
    _asked(monkeypatch, EMPTY)
    assert welcome(window) == EMPTY
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert said["confirm"] == []
    assert "Removed 5 demo theses" in window.statusBar().currentMessage()
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 5)


def test_remove_demo_asks_first_and_keeps_the_users_own_theses(window, said, qtbot):
    """Edit ▸ Remove demo theses asks first, removes only the demo's theses, and says when there are
    none left."""
    mine = window.editor.add_thesis(title="My own thesis")
    said["answer"] = False
    assert remove_demo(window) == 0 and window.tracker.theses.count() == 6
    assert said["confirm"] == ["Remove the 5 demo theses with their catalysts, risks and "
                               "sources?\n(Edit ▸ Undo brings them back.)"]
    said["answer"] = True
    assert remove_demo(window) == 5
    assert [t.id for t in window.tracker.theses.all()] == [mine.id]
    assert remove_demo(window) == 0
    assert said["info"] == ["There are no demo theses in this database."]


def test_a_refused_removal_is_a_message_and_no_database_is_nothing(window, said,
                                                                   monkeypatch):
    """A removal the store refuses is a message; with no database open nothing happens."""
    from model.errors import ReadOnlyError

    def refused(*_a, **_k):
        raise ReadOnlyError("The database cannot be written.")
    monkeypatch.setattr(window.tracker.ops, "remove_demo", refused)
    assert remove_demo(window) == 0 and said["error"] == ["The database cannot be written."]
    window.close_database()
    assert remove_demo(window) == 0


def test_the_welcome_explains_the_demo_and_escape_keeps_it(qtbot, when_modal):
    """The welcome explains big, small and new light; Keep is the default and Escape keeps the demo.
    """
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(object, "welcomeText").text()
    for words in ("demo data", "Big light (大光)", "Small light (小光)", "New light (新光)"):
        assert words in text
    assert dialog.findChild(QPushButton, "keepDemo").isDefault()
    when_modal(lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    assert WelcomeDialog.ask(None) == KEEP
    when_modal(lambda d: d.findChild(QPushButton, "startEmpty").click())
    assert WelcomeDialog.ask(None) == EMPTY
    assert onboarding.KEEP != onboarding.EMPTY
