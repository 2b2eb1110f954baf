"""gui/database.py: every way opening a file can fail becomes a dialog the user can act on, and
the app keeps running (#3, #6, #14)."""

from __future__ import annotations

import sqlite3

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
