"""The one lock interface (#14 item 11): the same guarantees through each back end, tested on
Linux through the interface itself. Windows has no fcntl, so the single-instance and restore
guards once did nothing there; it now goes through portalocker, which this suite also drives."""

from __future__ import annotations

import os
import time

import pytest

from model.errors import StoreError
from model.storage import instance, locking
from model.storage.locking import FcntlBackend, FileLock, PortalockerBackend
from tests.safety.helpers import fork, say, wait_for_line


@pytest.fixture(params=["fcntl", "portalocker"])
def backend(request):
    chosen = FcntlBackend() if request.param == "fcntl" else PortalockerBackend()
    locking.use_backend(chosen)
    yield chosen
    locking.use_backend(None)


def holder_child(out, path, shared):
    lock = FileLock(path)
    assert lock.acquire(shared=shared)
    say(out, "held")
    time.sleep(30)


def hold_elsewhere(path, *, shared):
    pid, fd = fork(holder_child, path, shared)
    wait_for_line(fd, "held")
    return pid, fd


def stop(pid, fd):
    import signal
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)


def test_exclusive_excludes_another_process_then_frees_at_its_death(backend, tmp_path):
    """An exclusive lock held by another process refuses ours (after the timeout); the kernel
    frees it when that process is killed: no stale lock (#14 item 11)."""
    path = tmp_path / "x.lock"
    pid, fd = hold_elsewhere(path, shared=False)
    lock = FileLock(path)
    started = time.monotonic()
    assert lock.acquire(shared=False, timeout=0.2) is False
    assert lock.acquire(shared=True, timeout=0) is False
    assert time.monotonic() - started >= 0.2
    stop(pid, fd)
    assert lock.acquire(shared=False)
    lock.release()


def test_shared_admits_shared_and_keeps_exclusive_out(backend, tmp_path):
    """Many users share the use lock; a restore (exclusive) waits for all of them (#14 item
    11, the interface restore relies on)."""
    path = tmp_path / "x.lock"
    pid, fd = hold_elsewhere(path, shared=True)
    mine = FileLock(path)
    assert mine.acquire(shared=True)
    assert FileLock(path).acquire(shared=False, timeout=0.1) is False
    mine.release()
    assert FileLock(path).acquire(shared=False, timeout=0.1) is False    # the other remains
    stop(pid, fd)
    other = FileLock(path)
    assert other.acquire(shared=False)
    other.release()


def test_instance_lock_and_holder_through_the_interface(backend, tmp_path):
    """The single-instance lock and its probe work through whichever back end is in use
    (#14 item 11)."""
    db = tmp_path / "t.sqlite3"
    first = instance.InstanceLock(db).acquire()
    assert instance.holder(db) == os.getpid()
    pid, fd = fork(lambda out: (say(out, "tried"), _try_instance(out, db)))
    wait_for_line(fd, "tried")
    assert wait_for_line(fd, "result") == "refused"
    os.waitpid(pid, 0)
    os.close(fd)
    first.release()
    assert instance.holder(db) is None


def _try_instance(out, db):
    try:
        instance.InstanceLock(db).acquire()
    except instance.AlreadyOpenError:
        say(out, "result", "refused")
    else:
        say(out, "result", "taken")


def test_lock_files_are_private(backend, tmp_path):
    """Lock files are created 0600 like every file the app makes (#14 item 14)."""
    path = tmp_path / "x.lock"
    lock = FileLock(path)
    assert lock.acquire(shared=True)
    lock.release()
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_planted_symlink_at_the_lock_name_is_not_followed(backend, tmp_path):
    """A lock file name pointing elsewhere is refused (O_NOFOLLOW) rather than creating or
    truncating the file it points to (#14 item 14)."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "x.lock").symlink_to(victim)
    lock = instance.InstanceLock(tmp_path / "x")
    with pytest.raises(StoreError, match="lock file"):
        lock.acquire()
    assert victim.read_text() == "keep me"
