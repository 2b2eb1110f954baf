"""Backups (#2): verified copies beside the database, daily on first open, the last 10 kept,
and restore that keeps the replaced file aside."""

from __future__ import annotations

import sqlite3

import pytest

from model.service import Tracker
from model.storage import backup as backups


def test_backup_is_a_verified_copy_that_restores(tracker, tmp_path):
    """A backup is a complete SQLite copy; restoring it brings back what was there and keeps
    the replaced file aside instead of deleting it (#2)."""
    before = tracker.theses.count()
    path = tracker.backup()
    assert path.parent == tracker.path.parent / "backups"
    assert backups.verify_file(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM thesis").fetchone()[0] == before
    conn.close()
    tracker.theses.add(title="after the backup")
    db = tracker.path
    tracker.close()
    aside = backups.restore(db, path)
    assert aside is not None and aside.exists() and aside != db
    t = Tracker.open(db, clock=tracker.clock)
    assert t.theses.count() == before
    t.close()


def test_last_ten_are_kept(tracker):
    """Taking many backups keeps the newest ten (#2)."""
    taken = [tracker.backup() for _ in range(13)]
    kept = backups.list_backups(tracker.path)
    assert len(kept) == 10
    assert {b.path for b in kept} == set(taken[-10:])


def test_daily_backup_on_first_open_of_the_day(db_path, clock):
    """The first open of an existing database each day takes one backup; later opens don't."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    for _ in range(3):
        Tracker.open(db_path, clock=clock).close()
    daily = [b for b in backups.list_backups(db_path) if b.reason == "daily"]
    assert len(daily) == 1


def test_restore_refuses_a_bad_backup(tracker, tmp_path):
    """A file that is not a database is refused as such, the database left as it was (#14)."""
    from model.errors import UserError
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    before = tracker.path.read_bytes()
    with pytest.raises(UserError, match="is not a database"):
        backups.restore(tracker.path, bad)
    assert tracker.path.read_bytes() == before


def test_daily_backup_on_own_connection_runs_beside_writes(tracker):
    """The GUI takes the day's backup on a worker thread with its own read-only connection
    (#3 start-up, #6 daily backups): the copy verifies while the app keeps writing, and a
    second call the same day takes nothing."""
    import threading

    from model.storage import backup as backups

    for item in backups.list_backups(tracker.path):
        item.path.unlink()
    taken = []
    worker = threading.Thread(
        target=lambda: taken.append(backups.daily_backup_on_own_connection(tracker.path)))
    worker.start()
    for n in range(30):
        tracker.theses.add(title=f"written during the backup {n}")
    worker.join(timeout=30)
    assert taken and taken[0] is not None and taken[0].name.endswith("-daily.sqlite3")
    assert backups.verify_file(taken[0])
    assert backups.daily_backup_on_own_connection(tracker.path) is None
