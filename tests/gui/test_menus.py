"""gui/menus.py: the File actions (import, export, back up, recent files) through the menu, as
a user triggers them: long work with progress, bad files refused whole with the reason (#3, #7)."""

from __future__ import annotations

import json

import pytest

from gui.dialogs import Files, Messages
from tests.gui.helpers import (
    capture_errors,
)
from tests.model.interchange.peer_dataset import dataset, to_csv


def test_export_json_then_import_it_back_through_the_menu(window, tmp_path, monkeypatch):
    """File ▸ Export JSON writes a bundle; File ▸ Import (run with a progress dialog on its
    own connection) adds its theses and the list shows them (#3 long work)."""
    target = tmp_path / "out.json"
    monkeypatch.setattr(Files, "save", classmethod(lambda cls, *a, **k: str(target)))
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: str(target)))
    errors = capture_errors(monkeypatch)
    window.actions_by_name["exportJson"].trigger()
    bundle = json.loads(target.read_text(encoding="utf-8"))
    count = window.list_model.rowCount()
    assert len(bundle["theses"]) == count
    window.actions_by_name["import"].trigger()
    assert not errors
    assert window.list_model.rowCount() == 2 * count


def test_a_bad_import_changes_nothing_and_says_why(window, tmp_path, monkeypatch):
    """A broken bundle is refused whole with its problems listed (#3 errors)."""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "thesis-tracker", "version": 1,
                               "theses": [{"title": ""}]}), encoding="utf-8")
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: str(bad)))
    errors = capture_errors(monkeypatch)
    count = window.list_model.rowCount()
    window.actions_by_name["import"].trigger()
    assert errors and "not imported" in errors[0].lower() \
        or "not a thesis tracker" in errors[0].lower()
    assert window.list_model.rowCount() == count


def test_back_up_now_writes_a_backup(window):
    """File ▸ Back up now makes a verified copy and says where (#3 menus)."""
    window.actions_by_name["backUp"].trigger()
    assert "Backed up to" in window.statusBar().currentMessage()


def test_open_recent_lists_the_database(window, db_path):
    """Open Recent remembers the database just opened (#3 menus)."""
    assert str(db_path) in [a.text() for a in window.menus.recent.actions()]


def _import(window, monkeypatch, path):
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: str(path)))
    window.actions_by_name["import"].trigger()


@pytest.mark.parametrize("form", ["json", "csv"])
def test_import_peer_dataset_twice(window, monkeypatch, tmp_path, form):
    """A peer dataset becomes theses named from thesis_id, shown in the list at once; the same
    file again adds and changes nothing (#7)."""
    path = tmp_path / f"peer.{form}"
    data = dataset()
    path.write_text(json.dumps(data) if form == "json" else to_csv(data), encoding="utf-8")
    before = window.list_model.rowCount()
    _import(window, monkeypatch, path)
    titles = {s.title for s in window.list_model.records()}
    assert {"Ai infrastructure capex", "Rates duration risk"} <= titles
    assert window.list_model.rowCount() == before + 3
    assert "market-catalyst-calendar" in window.statusBar().currentMessage()
    catalysts = window.tracker.store.scalar("SELECT count(*) FROM catalyst")
    _import(window, monkeypatch, path)
    assert window.list_model.rowCount() == before + 3
    assert window.tracker.store.scalar("SELECT count(*) FROM catalyst") == catalysts
    assert f"{len(data['records'])} unchanged" in window.statusBar().currentMessage()


def test_bad_peer_dataset_lists_problems_and_writes_nothing(window, monkeypatch, tmp_path):
    """An unknown status and a record without dates refuse the whole file; the dialog names
    each bad record and the database is untouched (#7, all or nothing)."""
    data = dataset()
    data["records"][1]["status"] = "postponed"
    del data["records"][2]["date"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    errors = []
    monkeypatch.setattr(Messages, "error", classmethod(
        lambda cls, parent, text, title="": errors.append(text)))
    before = window.tracker.store.scalar("SELECT count(*) FROM catalyst")
    theses = window.list_model.rowCount()
    _import(window, monkeypatch, path)
    assert len(errors) == 1
    assert "avgo-watch" in errors[0] and "postponed" in errors[0]
    assert "spy-fomc" in errors[0]
    assert window.tracker.store.scalar("SELECT count(*) FROM catalyst") == before
    assert window.list_model.rowCount() == theses


def test_an_import_the_store_refuses_says_why_not_cancelled(window, tmp_path, monkeypatch):
    """A full disk (or a locked file) during File ▸ Import is reported as such. It read
    "Cancelled: nothing was changed." (the progress dialog's close counted as Cancel), so
    the user was told they had cancelled what had failed."""
    from model.errors import DiskFullError
    from model.operations import Operations
    path = tmp_path / "b.json"
    path.write_text("{}", encoding="utf-8")

    def full(self, path, *, initiator=None):
        raise DiskFullError("The disk holding the database is full: the change was not saved.")
    monkeypatch.setattr(Operations, "import_file", full)
    errors = capture_errors(monkeypatch)
    count = window.list_model.rowCount()
    _import(window, monkeypatch, path)
    assert errors == ["The disk holding the database is full: the change was not saved."]
    assert window.list_model.rowCount() == count and not window.tracker.can_undo()


def test_menu_entries_with_no_database_do_nothing(window, monkeypatch):
    """Import, Export JSON and Back up now with no database open ask nothing and do nothing
    (no file dialog, no error)."""
    asked = []
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: asked.append(a)))
    monkeypatch.setattr(Files, "save", classmethod(lambda cls, *a, **k: asked.append(a)))
    window.close_database()
    for name in ("import", "exportJson", "backUp"):
        window.actions_by_name[name].trigger()
    assert asked == []


def test_new_database_refuses_an_existing_file_and_opens_a_new_one(window, tmp_path,
                                                                 monkeypatch):
    """File ▸ New database refuses an existing file (use Open), makes an empty new one and remembers
    it; Open cancelled keeps the current file."""
    existing = tmp_path / "existing.sqlite3"
    existing.write_bytes(b"")
    monkeypatch.setattr(Files, "save", classmethod(lambda cls, *a, **k: str(existing)))
    errors = capture_errors(monkeypatch)
    window.actions_by_name["newDatabase"].trigger()
    assert errors == [f"{existing} already exists: use File ▸ Open to open it."]
    assert window.tracker.path != existing
    fresh = tmp_path / "fresh.sqlite3"
    monkeypatch.setattr(Files, "save", classmethod(lambda cls, *a, **k: str(fresh)))
    window.actions_by_name["newDatabase"].trigger()
    assert window.tracker.path == fresh and window.proxy.rowCount() == 0
    assert str(fresh) == window.recent_files()[0]
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: None))
    window.actions_by_name["openDatabase"].trigger()          # cancelled: stays
    assert window.tracker.path == fresh


def test_undo_history_shows_every_step_and_the_menu_names_the_next(window):
    """Undo and Redo name the step on offer and are off when there is none; Undo History shows the
    steps in one reused dialog (#11)."""
    window.editor.add_thesis(title="Step one")
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.text() == "&Undo New thesis “Step one”" and undo.isEnabled()
    assert redo.text() == "&Redo" and not redo.isEnabled()
    window.actions_by_name["undoHistory"].trigger()
    dialog = window.undo_history_dialog
    assert dialog.isVisible() and window.undo_stack.count() == 1
    undo.trigger()
    assert redo.text() == "&Redo New thesis “Step one”" and redo.isEnabled()
    window.actions_by_name["undoHistory"].trigger()
    assert window.undo_history_dialog is dialog                 # one dialog, shown again
    dialog.close()


def test_undo_history_draws_undone_steps_apart(window):
    """Two steps, one undone: the undone one is slanted and grey, the one in effect is not
    (they looked the same; found by a walk through the app)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyleOptionViewItem, QUndoView

    window.editor.add_thesis(title="Step one")
    window.editor.add_thesis(title="Step two")
    window.actions_by_name["undo"].trigger()
    window.actions_by_name["undoHistory"].trigger()
    view = window.undo_history_dialog.findChild(QUndoView)
    model = view.model()
    assert model.rowCount() == 3        # opened, step one, step two

    def drawn(row):
        option = QStyleOptionViewItem()
        view.itemDelegate().initStyleOption(option, model.index(row, 0))
        return option.font.italic(), option.palette.color(QPalette.ColorRole.Text)

    disabled = view.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert drawn(2) == (True, disabled)
    assert drawn(1)[0] is False and drawn(1)[1] != disabled
    window.actions_by_name["redo"].trigger()
    assert drawn(2)[0] is False
    window.undo_history_dialog.close()


def test_export_entries_go_between_export_json_and_back_up(window):
    """A feature's export entry lands in the File menu's exports section and by name in
    actions_by_name."""
    from PySide6.QtGui import QAction
    extra = QAction("Export &Test…", window)
    extra.setObjectName("exportTest")
    window.menus.add_export_action(extra)
    texts = [a.text() for a in window.menus.file.actions() if not a.isSeparator()]
    assert texts.index("Export &JSON…") < texts.index("Export &Test…") < texts.index(
        "&Back up now")
    assert window.actions_by_name["exportTest"] is extra


def test_export_json_starts_where_the_last_export_went(window, tmp_path, monkeypatch):
    """Export JSON suggests theses.json in the documents folder (it suggested the folder the
    app was started from: a source checkout), then in the folder the last export went to,
    like Export PDF (found by a walk through the app)."""
    docs, chosen = tmp_path / "Documents", tmp_path / "shared"
    docs.mkdir()
    chosen.mkdir()
    monkeypatch.setattr("gui.export.dialogs.documents_folder", lambda: docs)
    suggested = []

    def save(cls, parent, title, filters, suggestion=""):
        suggested.append(suggestion)
        return str(chosen / "bundle.json")
    monkeypatch.setattr(Files, "save", classmethod(save))
    window.actions_by_name["exportJson"].trigger()
    window.actions_by_name["exportJson"].trigger()
    assert suggested == [str(docs / "theses.json"), str(chosen / "theses.json")]
    assert (chosen / "bundle.json").exists()
