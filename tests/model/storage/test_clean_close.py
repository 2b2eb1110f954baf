"""The open-time quick_check is skipped only for a file untouched since our clean close (#3
start-up at 10,000 theses, #6 damaged files are never written)."""

import os

import pytest

from model.errors import CorruptDatabaseError
from model.service import Tracker
from model.storage import clean_close


def test_clean_close_is_noted_and_any_write_voids_it(db_path, clock):
    """A later write by anything (here: appending a byte) must bring the full check back."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    assert clean_close.untouched_since_clean_close(db_path)
    with open(db_path, "ab") as handle:
        handle.write(b"\0")
    assert not clean_close.untouched_since_clean_close(db_path)


def test_touch_and_open_connection_void_the_note(db_path, clock):
    """A changed mtime, or a -wal (someone has it open), means the file may have changed."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    os.utime(db_path, ns=(0, 10**18))
    assert not clean_close.untouched_since_clean_close(db_path)
    Tracker.open(db_path, clock=clock).close()
    assert clean_close.untouched_since_clean_close(db_path)
    other = Tracker.open(db_path, clock=clock, daily_backup=False)
    try:
        other.theses.add(title="keeps a -wal while open")
        assert not clean_close.untouched_since_clean_close(db_path)
    finally:
        other.close()


def test_damage_right_after_a_clean_close_is_still_caught(db_path, clock):
    """Flipping page headers immediately after closing (same second) is found at the next open:
    the note is only written once the file clock has moved past our last write."""
    tracker = Tracker.open(db_path, seed_if_new=True, clock=clock)
    for n in range(30):
        tracker.theses.add(title=f"padding {n}", statement="x" * 4000)
    tracker.close()
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for offset in range(page, len(data), page):
        data[offset] = 0x77                       # not a valid b-tree page type
    with open(db_path, "r+b") as handle:       # same inode, as a disk or stray program would
        handle.write(bytes(data))
    assert not clean_close.untouched_since_clean_close(db_path)
    with pytest.raises(CorruptDatabaseError):
        Tracker.open(db_path, clock=clock)


def _statements_of_open(db_path, clock, monkeypatch) -> list[str]:
    import sqlite3

    import model.storage.store
    seen: list[str] = []
    real = sqlite3.connect

    def traced(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(model.storage.store.sqlite3, "connect", traced)
    Tracker.open(db_path, clock=clock, daily_backup=False, single_instance=True).close()
    monkeypatch.setattr(model.storage.store.sqlite3, "connect", real)
    return seen


def test_open_after_a_clean_close_skips_the_check_and_after_a_touch_runs_it(
        db_path, clock, monkeypatch):
    """The open itself must ask before its first connection: even a read-only connection to
    a WAL file creates the -wal that voids the note."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    assert not any("quick_check" in s for s in _statements_of_open(db_path, clock, monkeypatch))
    os.utime(db_path, ns=(0, 10**18))
    assert any("quick_check" in s for s in _statements_of_open(db_path, clock, monkeypatch))
