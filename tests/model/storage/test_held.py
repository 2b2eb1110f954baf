"""model.storage.held: which database files a Store of this process holds, by device and
inode, so nothing opens them plainly (a plain close would drop SQLite's locks)."""

from __future__ import annotations

import os
import threading

from model.service import Tracker
from model.storage import held


def test_a_file_is_held_while_a_store_has_it_open_and_counted_per_store(tmp_path):
    """Two stores on one file: held until the last closes; closing twice releases once."""
    db = tmp_path / "a.sqlite3"
    assert not held.is_held(db)                 # no file yet
    first = Tracker.open(db, daily_backup=False)
    second = Tracker.open(db, daily_backup=False, undo=False)
    assert held.is_held(db)
    second.close()
    second.close()
    assert held.is_held(db), "the first store still has it open"
    first.close()
    assert not held.is_held(db)


def test_the_file_put_in_its_place_is_another_file(tmp_path):
    """A restore renames a new file over the path: it is not the held one (its header may
    be read), and releasing the old key leaves the new file's count alone."""
    db = tmp_path / "a.sqlite3"
    db.write_bytes(b"x")
    key = held.hold(db)
    replacement = tmp_path / "b.sqlite3"
    replacement.write_bytes(b"y")
    os.replace(replacement, db)
    assert not held.is_held(db)
    newer = held.hold(db)
    held.release(key)
    assert held.is_held(db)
    held.release(newer)
    assert not held.is_held(db)


def test_a_missing_file_is_never_held_and_releasing_nothing_is_harmless(tmp_path):
    assert held.hold(tmp_path / "none.sqlite3") is None
    held.release(None)
    assert not held.is_held(tmp_path / "none.sqlite3")


def test_threads_holding_and_releasing_keep_the_count(tmp_path):
    """Stores open and close on worker threads (exports, imports): the count stays exact."""
    db = tmp_path / "a.sqlite3"
    db.write_bytes(b"x")

    def churn():
        for _ in range(500):
            held.release(held.hold(db))
    workers = [threading.Thread(target=churn) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not held.is_held(db)
