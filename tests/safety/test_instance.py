"""Promise 2 of #6: a second instance cannot corrupt; no stale lock after SIGKILL; busy is a
message, not a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.errors import LockedError
from model.service import Tracker
from model.storage import backup as backups
from model.storage import instance
from model.storage.instance import AlreadyOpenError
from tests.safety.helpers import connect, fingerprint, fork, say, wait_for_line

ROOT = Path(__file__).resolve().parents[2]


def first_instance(out, db_path):
    tracker = Tracker.open(db_path, single_instance=True, daily_backup=False)
    tracker.theses.add(title="written by the first instance")
    say(out, "ready", os.getpid())
    time.sleep(60)


@pytest.fixture
def first(db_path, clock):
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    pid, fd = fork(first_instance, db_path)
    wait_for_line(fd, "ready")
    yield pid
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass
    os.close(fd)


def db_files(db_path) -> dict:
    return {s: fingerprint(Path(str(db_path) + s)) for s in ("", "-wal")
            if Path(str(db_path) + s).exists()}


def test_second_instance_is_told_at_once_and_touches_nothing(db_path, first):
    """A second app on an open database gets "open elsewhere (pid N)" within 2 s, and no byte of
    the database or its -wal changes; without the lock two windows would overwrite each
    other's edits (#6)."""
    before = db_files(db_path)
    started = time.monotonic()
    with pytest.raises(AlreadyOpenError) as caught:
        Tracker.open(db_path, single_instance=True)
    elapsed = time.monotonic() - started
    assert elapsed < 2.0
    assert caught.value.pid == first
    assert f"open elsewhere (pid {first})" in str(caught.value)
    assert "read-only" in str(caught.value)
    assert db_files(db_path) == before
    assert instance.holder(db_path) == first


def test_read_only_open_works_beside_the_first_instance(db_path, first):
    """The offered alternative, opening read-only, shows the data (including the first
    instance's committed edit) and cannot write (#6)."""
    before = db_files(db_path)
    viewer = Tracker.open(db_path, readonly=True)
    try:
        titles = [t.title for t in viewer.theses.all()]
        assert "written by the first instance" in titles
        with pytest.raises(Exception) as caught:
            viewer.theses.add(title="nope")
        assert "read-only" in str(caught.value)
    finally:
        viewer.close()
    assert db_files(db_path) == before


def test_after_sigkill_the_next_start_works_at_once(db_path, first):
    """The lock is the kernel's flock: a SIGKILLed first instance leaves no stale lock, so the
    next start needs no waiting and no manual clean-up (#6)."""
    os.kill(first, signal.SIGKILL)
    os.waitpid(first, 0)
    started = time.monotonic()
    tracker = Tracker.open(db_path, single_instance=True)
    try:
        assert time.monotonic() - started < 2.0
        assert "written by the first instance" in [t.title for t in tracker.theses.all()]
        assert instance.holder(db_path) == os.getpid()
    finally:
        tracker.close()
    assert instance.holder(db_path) is None


def test_restore_is_refused_while_another_instance_has_the_file(db_path, first, tmp_path):
    """Replacing the file under a running app would lose its next save or mix two files (#6)."""
    good = tmp_path / "good.sqlite3"
    Tracker.open(good).close()
    before = db_files(db_path)
    with pytest.raises(AlreadyOpenError, match="Close it first"):
        backups.restore(db_path, good)
    assert db_files(db_path) == before


def test_a_closed_instance_frees_the_lock(db_path):
    """Closing the app releases the database for the next one immediately (#6)."""
    a = Tracker.open(db_path, single_instance=True)
    assert instance.holder(db_path) == os.getpid()
    a.close()
    b = Tracker.open(db_path, single_instance=True)
    b.close()
    assert instance.holder(db_path) is None


def test_a_write_lock_held_by_another_program_is_busy_retry(db_path, clock):
    """Another program in the middle of a write: our save waits the busy timeout, then says
    "busy ... retry", rolls back cleanly, and works once the lock is gone (#6)."""
    tracker = Tracker.open(db_path, seed_if_new=True, clock=clock)
    other = connect(db_path)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE thesis SET title = title")
        count = tracker.theses.count()
        with pytest.raises(LockedError) as caught:
            tracker.theses.add(title="blocked")
        text = str(caught.value)
        assert "busy" in text and "Retry" in text
        assert tracker.theses.count() == count
        other.rollback()
        tracker.theses.add(title="after the lock")
        assert tracker.theses.count() == count + 1
    finally:
        other.close()
        tracker.close()


def test_cli_gets_a_message_not_a_traceback_when_locked_exclusively(db_path, clock):
    """A program holding an exclusive lock (no reader allowed) makes `main.py check` print
    "error: ... busy" and exit 1, never a traceback (#6)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    other = connect(db_path)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE thesis SET title = title")
        result = subprocess.run([sys.executable, "main.py", "--db", str(db_path), "check"],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        other.rollback()
        other.close()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error:") and "busy" in result.stderr


def test_lock_file_name_stays_short_for_long_database_names(tmp_path):
    """A database name near the 255-byte limit still gets a lock file (hashed name) (#6)."""
    db = tmp_path / ("长" * 82 + ".sqlite3")   # 254 bytes: "<name>.lock" would not fit
    lock = instance.lock_path_for(db)
    assert len(lock.name.encode()) <= 255 and lock.parent == db.parent
    assert lock.name != db.name + ".lock"
    with instance.InstanceLock(db):
        assert instance.holder(db) == os.getpid()
