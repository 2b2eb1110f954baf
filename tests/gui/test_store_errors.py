"""Store trouble and long work: dialogs instead of crashes, nothing half-written (issue #3)."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableView

from gui.dialogs import CorruptDialog, Files, Messages
from model.service import Tracker
from tests.safety.helpers import make_newer


def _capture_errors(monkeypatch):
    errors = []
    monkeypatch.setattr(Messages, "error", classmethod(
        lambda cls, parent, text, title="": errors.append(text)))
    return errors


def test_opening_a_corrupt_database_shows_the_dialog_not_a_crash(make_window, tmp_path,
                                                                  monkeypatch):
    """A damaged file gives the corrupt-database dialog; the window opens empty (#3 errors)."""
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database at all " * 20)
    asked = []
    monkeypatch.setattr(CorruptDialog, "ask", classmethod(
        lambda cls, parent, message, backup: asked.append((message, backup)) or "cancel"))
    window = make_window(bad)
    assert asked and "bad.sqlite3" in asked[0][0]
    assert window.tracker is None
    assert bad.read_bytes().startswith(b"this is not")   # left untouched


def test_corrupt_database_restores_the_newest_backup_when_asked(make_window, tmp_path, clock,
                                                                  monkeypatch):
    """Choosing 'restore' in the dialog brings back the newest backup and opens it (#3)."""
    path = tmp_path / "theses.sqlite3"
    tracker = Tracker.open(path, seed_if_new=True, clock=clock)
    tracker.backup()
    titles = sorted(t.title for t in tracker.theses.all())
    tracker.close()
    with open(path, "r+b") as handle:
        handle.write(b"garbage garbage!")          # the header is gone
    monkeypatch.setattr(CorruptDialog, "ask", classmethod(
        lambda cls, parent, message, backup: "restore" if backup else "cancel"))
    window = make_window(path)
    assert window.tracker is not None
    assert sorted(s.title for s in window.list_model.records()) == titles


def test_newer_schema_is_refused_with_a_message(make_window, tmp_path, clock, monkeypatch):
    """A file from a newer version is shown as a message and left alone (#3 errors)."""
    path = tmp_path / "newer.sqlite3"
    Tracker.open(path, clock=clock).close()
    conn = sqlite3.connect(path)
    make_newer(conn)
    conn.close()
    errors = _capture_errors(monkeypatch)
    window = make_window(path)
    assert window.tracker is None and errors and "newer" in errors[0]


def test_a_locked_database_shows_a_dialog_and_the_app_keeps_running(window, db_path,
                                                                      monkeypatch):
    """Another program holding the write lock makes the edit fail with a message; after the
    lock goes the same edit works (#3 errors)."""
    errors = _capture_errors(monkeypatch)
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


def test_export_json_then_import_it_back_through_the_menu(window, tmp_path, monkeypatch):
    """File ▸ Export JSON writes a bundle; File ▸ Import (run with a progress dialog on its
    own connection) adds its theses and the list shows them (#3 long work)."""
    target = tmp_path / "out.json"
    monkeypatch.setattr(Files, "save", classmethod(lambda cls, *a, **k: str(target)))
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: str(target)))
    errors = _capture_errors(monkeypatch)
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
    errors = _capture_errors(monkeypatch)
    count = window.list_model.rowCount()
    window.actions_by_name["import"].trigger()
    assert errors and "not imported" in errors[0].lower() \
        or "not a thesis tracker" in errors[0].lower()
    assert window.list_model.rowCount() == count


def test_cancelling_long_work_rolls_it_back(window, qtbot):
    """Cancel in the progress dialog interrupts the work; nothing is written (#3 long work)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    import pytest

    from gui.tasks import Cancelled

    def slow_write(tracker):
        with tracker.store.write():
            tracker.store.execute("INSERT INTO thesis (title, created_at, updated_at) "
                                  "VALUES ('half-written', 'x', 'x')")
            # A long statement that only the cancel stops.
            tracker.store.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                  "FROM n) SELECT count(*) FROM n")

    def cancel():
        dialog = window.findChild(QProgressDialog, "taskProgress")
        if dialog is None:
            QTimer.singleShot(10, cancel)
            return
        from PySide6.QtWidgets import QPushButton
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    QTimer.singleShot(50, cancel)
    with pytest.raises(Cancelled):
        window.tasks.run_on_own_tracker(window, "Working…", window.tracker.path,
                                        window.tracker.clock, slow_write)
    assert "half-written" not in [t.title for t in window.tracker.theses.all()]


def test_export_calendar_with_a_choice_of_theses(window, tmp_path, qtbot, when_modal):
    """File ▸ Export calendar is the one dialog with a choice of theses and pending-only (#5):
    unticking all but the current thesis and keeping pending-only writes its pending events."""
    target = tmp_path / "cal.ics"
    current = window.current_thesis_id()
    assert sum("calendar" in a.text().lower() for a in window.menus.file.actions()) == 1

    def answer(dialog):
        assert dialog.objectName() == "exportCalendarDialog"
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) != current:
                item.setCheckState(Qt.CheckState.Unchecked)
        dialog.pending_only.setChecked(True)
        dialog.path.setText(str(target))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_modal(answer)
    window.actions_by_name["exportCalendar"].trigger()
    text = target.read_text(encoding="utf-8")
    pending = [c for c in window.tracker.catalysts.for_thesis(current) if c.status == "pending"]
    assert text.count("BEGIN:VEVENT") == len(pending) > 0


def test_back_up_now_writes_a_backup(window):
    """File ▸ Back up now makes a verified copy and says where (#3 menus)."""
    window.actions_by_name["backUp"].trigger()
    assert "Backed up to" in window.statusBar().currentMessage()


def test_open_recent_lists_the_database(window, db_path):
    """Open Recent remembers the database just opened (#3 menus)."""
    assert str(db_path) in [a.text() for a in window.menus.recent.actions()]
