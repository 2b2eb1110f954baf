"""gui/database.py: every way opening a file can fail becomes a dialog the user can act on, and
the app keeps running (#3, #6, #14)."""

from __future__ import annotations

import sqlite3

import pytest

from gui.dialogs import CorruptDialog
from model.service import Tracker
from tests.gui.helpers import (
    capture_errors,
)
from tests.safety.helpers import make_newer


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
    errors = capture_errors(monkeypatch)
    window = make_window(path)
    assert window.tracker is None and errors and "newer" in errors[0]


@pytest.fixture
def held_elsewhere(db_path, clock):
    """The demo database, held by another desktop app (its instance lock)."""
    from model.storage.instance import InstanceLock
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    with InstanceLock(db_path) as lock:
        yield lock


def test_a_file_open_elsewhere_can_be_opened_read_only_or_left(make_window, db_path,
                                                              held_elsewhere, monkeypatch):
    """#6: the offer names the other window; Cancel opens nothing; read-only opens it for
    reading (writes refused)."""
    from gui.instance_link import AlreadyOpenDialog
    answers = ["cancel", "readonly"]
    offered = []
    monkeypatch.setattr(AlreadyOpenDialog, "ask", classmethod(
        lambda cls, parent, message: offered.append(message) or answers.pop(0)))
    window = make_window(db_path)
    assert window.tracker is None and "open elsewhere" in offered[0]
    assert not window.opener.handed_over
    assert window.open_database(db_path)
    assert window.tracker.readonly and window.proxy.rowCount() == 5


def test_bring_it_forward_with_nobody_answering_says_so(make_window, db_path, held_elsewhere,
                                                       monkeypatch):
    """'Bring it forward' with no window answering says so and opens nothing; answered, this start
    hands over (#6, #12)."""
    from gui import instance_link
    from gui.instance_link import AlreadyOpenDialog
    monkeypatch.setattr(AlreadyOpenDialog, "ask", classmethod(lambda cls, p, m: "raise"))
    monkeypatch.setattr(instance_link, "ask_to_raise", lambda path: False)
    errors = capture_errors(monkeypatch)
    window = make_window(db_path)
    assert window.tracker is None and not window.opener.handed_over
    assert errors and errors[0].endswith("That window did not answer.")
    monkeypatch.setattr(instance_link, "ask_to_raise", lambda path: True)
    assert not window.open_database(db_path) and window.opener.handed_over


def test_a_restore_that_fails_is_a_message_and_nothing_opens(make_window, tmp_path, clock,
                                                            monkeypatch):
    """A restore that cannot be done is a message; the damaged file is not opened."""
    path = tmp_path / "theses.sqlite3"
    tracker = Tracker.open(path, seed_if_new=True, clock=clock)
    tracker.backup()
    tracker.close()
    with open(path, "r+b") as handle:
        handle.write(b"garbage garbage!")
    monkeypatch.setattr(CorruptDialog, "ask", classmethod(lambda cls, p, m, b: "restore"))
    from model.errors import StoreError
    from model.storage import backup as backups

    def refuse(path, backup, **_kwargs):
        raise StoreError("Cannot restore: the folder is read-only.")
    monkeypatch.setattr(backups, "restore", refuse)
    errors = capture_errors(monkeypatch)
    window = make_window(path)
    assert window.tracker is None and errors == ["Cannot restore: the folder is read-only."]


def test_the_session_starts_its_helpers_after_the_first_paint(make_window, db_path, qtbot):
    """Search, the day's backup, the full check and the second-instance listener run beside
    an open writable file once the window is up; closing joins them."""
    window = make_window(db_path, launch=True)
    session = window.session
    assert session.search_worker is None and session.raise_server is None   # not yet
    window.finish_startup()
    qtbot.waitUntil(lambda: session.integrity_check is not None
                    and session.integrity_check.result is not None, timeout=10_000)
    assert session.search_worker is not None and session.raise_server.listening
    qtbot.waitUntil(lambda: "Today's backup" in window.statusBar().currentMessage()
                    or session._backup.done(), timeout=10_000)
    worker = session.search_worker
    window.close_database()
    assert worker._reader is None and window.session is None


def test_a_read_only_session_takes_no_backup_and_listens_for_nobody(make_window, db_path,
                                                                   held_elsewhere,
                                                                   monkeypatch):
    """A read-only window searches but takes no backup, runs no full check and does not answer
    second starts (it does not own the file)."""
    from gui.instance_link import AlreadyOpenDialog
    monkeypatch.setattr(AlreadyOpenDialog, "ask", classmethod(lambda cls, p, m: "readonly"))
    window = make_window(db_path)
    session = window.session
    assert window.tracker.readonly
    assert session.search_worker is not None
    assert session._backup is None and session.raise_server is None
    assert session.integrity_check is None


def test_a_file_in_a_synced_folder_is_warned_about(make_window, tmp_path, clock):
    """A database in a cloud-synced folder gets the warning in the status bar (#6)."""
    synced = tmp_path / "Dropbox" / "theses.sqlite3"
    synced.parent.mkdir()
    window = make_window(synced)
    assert "cloud-synced folder (dropbox)" in window.statusBar().currentMessage()
