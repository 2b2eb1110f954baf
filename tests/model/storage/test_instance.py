"""model/storage/instance.py: who has a database open. One desktop app per file (a second one
is told at once, and by whom), and the use lock that restore and recovery take exclusively so
nothing swaps the file under a running command (#6, #14 item 1)."""

from __future__ import annotations

import os
import time

import pytest

from model.errors import LockedError
from model.storage import instance
from model.storage.instance import (
    AlreadyOpenError,
    InstanceLock,
    InUseError,
    UseLock,
    ensure_not_open_elsewhere,
    holder,
    in_use_elsewhere,
    lock_path_for,
    use_lock_path_for,
)
from model.storage.locking import FileLock
from tests.safety.helpers import fork, say, wait_for_line


@pytest.fixture
def db(tmp_path):
    return tmp_path / "theses.sqlite3"


def _hold_elsewhere(path, *, shared):
    def child(out, path, shared):
        assert FileLock(path).acquire(shared=shared)
        say(out, "held")
        time.sleep(30)
    pid, fd = fork(child, path, shared)
    wait_for_line(fd, "held")
    return pid, fd


def _stop(pid, fd):
    import signal
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)


def test_lock_files_sit_beside_the_database_with_short_names(tmp_path):
    """The lock files sit beside the database and fit the name limit for any database name."""
    assert lock_path_for(tmp_path / "t.sqlite3") == tmp_path / "t.sqlite3.lock"
    assert use_lock_path_for(tmp_path / "t.sqlite3") == tmp_path / "t.sqlite3.inuse.lock"
    long = tmp_path / ("光" * 84)                 # 252 bytes: the suffix would not fit
    assert len(lock_path_for(long).name.encode()) <= 255
    assert lock_path_for(long).name.startswith(".") and lock_path_for(long).name.endswith(".lock")
    assert lock_path_for(long) != use_lock_path_for(long)


def test_a_second_app_is_told_which_process_has_the_file(db):
    """A second app is refused naming the first's pid; restore is refused while it is open; release
    frees it (#6)."""
    first = InstanceLock(db).acquire()
    try:
        assert first.held and holder(db) == os.getpid()
        with pytest.raises(AlreadyOpenError, match=f"open elsewhere \\(pid {os.getpid()}\\)") \
                as info:
            InstanceLock(db).acquire()
        assert info.value.pid == os.getpid() and info.value.path == db
        with pytest.raises(AlreadyOpenError, match="Cannot restore: .* Close it first"):
            ensure_not_open_elsewhere(db, "restore")
        assert first.acquire() is first                     # already ours: no error
    finally:
        first.release()
    assert holder(db) is None and lock_path_for(db).read_text() == ""
    ensure_not_open_elsewhere(db, "restore")
    with InstanceLock(db) as again:
        assert again.held
    assert not again.held


def test_a_lock_held_by_another_process_is_found_and_freed_when_it_dies(db):
    """Another process's lock is seen (pid unknown: still refused) and is gone once that process
    dies (SIGKILL leaves no stale lock)."""
    lock_path_for(db).write_text("not a pid")
    pid, fd = _hold_elsewhere(lock_path_for(db), shared=False)
    try:
        assert holder(db) == 0                      # held, but the note names nobody
        with pytest.raises(AlreadyOpenError, match="open elsewhere: use that window"):
            InstanceLock(db).acquire()
    finally:
        _stop(pid, fd)
    assert holder(db) is None                       # the kernel dropped it with the process


def test_use_lock_holds_are_counted_within_the_process(db):
    """The app and its worker threads share one hold; restore in this same process is refused
    while any of them has the file open."""
    a, b = UseLock(db).acquire_shared(), UseLock(db).acquire_shared()
    assert a.held and b.held
    with pytest.raises(InUseError, match="Cannot restore: .* is open in this program"):
        UseLock(db).acquire_exclusive(action="restore")
    a.release()
    with pytest.raises(InUseError):
        UseLock(db).acquire_exclusive(action="restore")
    b.release()
    b.release()                                     # twice: harmless
    with UseLock(db).acquire_exclusive(action="restore") as exclusive:
        # Recovery may open the file it recovers: a nested hold joins the exclusive one.
        inner = UseLock(db).acquire_shared()
        assert exclusive.held and inner.held
        inner.release()
    assert not in_use_elsewhere(db)


def test_use_lock_in_a_missing_folder_takes_nothing(tmp_path):
    """Opening a database in a folder not made yet creates no lock folder."""
    lock = UseLock(tmp_path / "no" / "such" / "t.sqlite3").acquire_shared()
    assert not lock.held and not (tmp_path / "no").exists()


def test_another_processs_use_and_restore_are_waited_for_then_refused(db):
    """Users share the file; restore waits for them, then refuses naming why; an opener waits for a
    running restore, then refuses (#14 item 1)."""
    db.parent.mkdir(exist_ok=True)
    pid, fd = _hold_elsewhere(use_lock_path_for(db), shared=True)
    try:
        assert in_use_elsewhere(db)
        UseLock(db).acquire_shared(timeout=0.2).release()        # users share
        started = time.monotonic()
        with pytest.raises(InUseError, match="in use by another Thesis Tracker process"):
            UseLock(db).acquire_exclusive(action="restore", timeout=0.3)
        assert time.monotonic() - started >= 0.25
    finally:
        _stop(pid, fd)
    pid, fd = _hold_elsewhere(use_lock_path_for(db), shared=False)
    try:
        with pytest.raises(InUseError, match="being restored or recovered") as info:
            UseLock(db).acquire_shared(timeout=0.2)
        assert isinstance(info.value, LockedError)
    finally:
        _stop(pid, fd)


def test_a_fork_does_not_inherit_the_parents_holds(db):
    """A forked child is another process: it must take its own lock, not count the parent's."""
    parent = UseLock(db).acquire_shared()
    try:
        def child(out, db):
            say(out, "holds", len(instance._holds))
        pid, fd = fork(child, db)
        assert wait_for_line(fd, "holds") == "0"
        os.waitpid(pid, 0)
        os.close(fd)
    finally:
        parent.release()
