"""gui/editing.py: the GUI's write path (#11) — every edit one model operation, refusals as
dialogs with the reason kept, undo and redo asked of the model, the Undo History mirror."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QTableView

import pytest

from gui.dialogs import Messages, UndoRefusedDialog
from gui.editing import Editor, UndoMirror
from model.errors import StoreError, ValidationError
from tests.gui.helpers import capture_errors


@pytest.fixture
def editor(qtbot, tracker):
    from PySide6.QtWidgets import QWidget
    parent = QWidget()
    qtbot.addWidget(parent)
    edit = Editor(parent)
    edit.set_tracker(tracker)
    yield edit
    edit.set_tracker(None)


@pytest.fixture
def shown(monkeypatch):
    """The messages the editor would show."""
    said = []
    monkeypatch.setattr(Messages, "error",
                        classmethod(lambda cls, parent, text, title="": said.append(text)))
    return said


def test_an_edit_is_one_model_operation_named_for_undo(editor, tracker):
    """edit_thesis runs tracker.ops.edit_thesis: one step, named for the user (#11)."""
    thesis_id = tracker.theses.ids()[0]
    result = editor.edit_thesis(thesis_id, "horizon", "2026-2030")
    assert result.horizon == "2026-2030"
    assert tracker.undo_label().startswith("Edit horizon of “")
    assert editor.undo_text() == f"&Undo {tracker.undo_label()}" and editor.can_undo()


def test_a_refused_value_is_shown_and_told_apart_from_a_store_failure(editor, tracker, shown,
                                                                      monkeypatch):
    """A ValidationError (the value) and a StoreError (disk full) are both shown, and
    ``refused()`` says which it was: Overview puts the stored value back only for the first
    (#11 defect 7, #6)."""
    thesis_id = tracker.theses.ids()[0]
    assert editor.edit_thesis(thesis_id, "title", "  ") is None
    assert shown and "must not be empty" in shown[-1] and editor.refused()
    assert isinstance(editor.last_error, ValidationError)

    def full(*_a, **_k):
        raise StoreError("The disk holding the database is full: the change was not saved.")
    monkeypatch.setattr(tracker.ops, "edit_thesis", full)
    assert editor.edit_thesis(thesis_id, "title", "New title") is None
    assert "disk" in shown[-1] and not editor.refused()


def test_status_change_asks_for_a_note_and_cancelling_changes_nothing(editor, tracker,
                                                                      monkeypatch):
    """Status and conviction ask for a note; Cancel in that dialog writes nothing (#3)."""
    from gui.dialogs import NoteDialog
    thesis = tracker.theses.get(tracker.theses.ids()[0])
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, parent, question: None))
    assert editor.change_thesis(thesis.id, "conviction", 1) is None
    assert tracker.theses.get(thesis.id).conviction == thesis.conviction
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, parent, q: "orders cut"))
    assert editor.change_thesis(thesis.id, "conviction", 1).conviction == 1
    assert tracker.history.for_thesis(thesis.id)[0].note == "orders cut"


def test_undo_and_redo_ask_the_model(editor, tracker):
    """Undo takes back the model's newest step and Redo does it again (#11)."""
    thesis_id = tracker.theses.ids()[0]
    before = tracker.theses.get(thesis_id).tags
    editor.edit_thesis(thesis_id, "tags", "optics, 光模块")
    assert editor.undo() and tracker.theses.get(thesis_id).tags == before
    assert editor.can_redo() and editor.redo()
    assert tracker.theses.get(thesis_id).tags == "optics, 光模块"


def test_a_refused_undo_offers_to_forget_the_step(editor, tracker, monkeypatch):
    """Another writer deleted what a step would restore: undo is refused with the reason;
    "Forget this step" drops it and the step before it can then be undone (#11 defect 2)."""
    thesis_id = tracker.theses.ids()[0]
    editor.edit_thesis(thesis_id, "horizon", "first")
    catalyst = editor.add_catalyst(thesis_id, title="Deleted elsewhere", expected="2027")
    other = sqlite3.connect(tracker.path)
    other.execute("PRAGMA foreign_keys = ON")
    other.execute("DELETE FROM catalyst WHERE id = ?", (catalyst.id,))
    other.commit()
    other.close()
    asked = []
    monkeypatch.setattr(UndoRefusedDialog, "ask",
                        classmethod(lambda cls, parent, message: asked.append(message)
                                    or "keep"))
    assert not editor.undo()
    assert "deleted elsewhere" in asked[-1] and "Deleted elsewhere" in editor.undo_text()
    monkeypatch.setattr(UndoRefusedDialog, "ask",
                        classmethod(lambda cls, parent, message: "drop"))
    assert not editor.undo()
    assert editor.undo_text().startswith("&Undo Edit horizon")
    assert editor.undo() and tracker.theses.get(thesis_id).horizon != "first"


def test_the_history_mirror_follows_the_model_and_moves_it(editor, tracker, qtbot):
    """The QUndoStack mirrors the model's steps; picking an earlier entry (as in Edit ▸ Undo
    History) undoes down to it, one model step at a time (#11)."""
    mirror = UndoMirror(editor)
    thesis_id = tracker.theses.ids()[0]
    for horizon in ("a", "b", "c"):
        editor.edit_thesis(thesis_id, "horizon", horizon)
    assert mirror.stack.count() == 3 and mirror.stack.index() == 3
    assert mirror.stack.text(2).startswith("Edit horizon")
    mirror.stack.setIndex(1)
    assert tracker.theses.get(thesis_id).horizon == "a"
    assert mirror.stack.index() == 1 and mirror.stack.count() == 3
    mirror.stack.setIndex(3)
    assert tracker.theses.get(thesis_id).horizon == "c"


def test_ticking_done_asks_the_day_and_keeps_a_refused_day(editor, tracker, monkeypatch):
    """Tick asks when it happened; the dialog's submit runs the model's tick, so a day after
    today is refused while the dialog is still open (#11 defect 5)."""
    from gui.dialogs import TickDialog
    catalyst = next(c for c in tracker.catalysts.for_thesis(tracker.theses.ids()[0])
                    if c.status == "pending")
    refused = []

    def answer(cls, parent, title, status, today, submit=None):
        try:
            submit("2030-01-01", "too early")
        except ValidationError as exc:
            refused.append(str(exc))
        submit("2026-11-20", "shipped")
        return "2026-11-20", "shipped"
    monkeypatch.setattr(TickDialog, "ask", classmethod(answer))
    ticked = editor.tick(catalyst, "done")
    assert refused and "after today" in refused[0]
    assert (ticked.status, ticked.happened_on, ticked.outcome) == ("done", "2026-11-20",
                                                                   "shipped")


def test_a_locked_database_shows_a_dialog_and_the_app_keeps_running(window, db_path,
                                                                      monkeypatch):
    """Another program holding the write lock makes the edit fail with a message; after the
    lock goes the same edit works (#3 errors)."""
    errors = capture_errors(monkeypatch)
    other = sqlite3.connect(db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.detail.tabs.setCurrentIndex(2)
        model = window.findChild(QTableView, "riskTable").model()
        risk = model.record(0)
        assert not model.setData(model.index(0, model.TITLE), "Renamed while locked")
        assert errors and "busy" in errors[0]
        assert window.undo_stack.count() == 0
    finally:
        other.rollback()
        other.close()
    assert model.setData(model.index(model.row_of(risk.id), model.TITLE), "Renamed later")
    assert window.tracker.risks.get(risk.id).title == "Renamed later"
