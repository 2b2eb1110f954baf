"""Advisory file locks with one interface on Linux, macOS and Windows (#14 item 11).

A lock lives on a small lock file beside the database and is held through an open file
descriptor, so the operating system drops it when the process dies (no stale locks after a
crash or SIGKILL). Shared locks let many readers and writers in; an exclusive lock waits for
all of them to leave.

Two back ends sit behind ``FileLock``: ``fcntl.flock`` on POSIX (Linux, macOS: no import cost
at start-up) and portalocker on Windows (``LockFileEx`` through pywin32, whose shared locks
msvcrt lacks). Tests run the same suite through both on Linux, where portalocker uses flock.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from typing import Protocol

from model.storage.files import PRIVATE_FILE

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
POLL_S = 0.05


class Busy(Exception):
    """Another holder has a conflicting lock."""


class Backend(Protocol):
    name: str

    def lock(self, fd: int, *, shared: bool) -> None:
        """Take the lock without waiting; raise Busy when somebody holds a conflicting one."""

    def unlock(self, fd: int) -> None: ...


class FcntlBackend:
    """flock(2): per open file description, released when the last descriptor closes."""

    name = "fcntl"

    def __init__(self) -> None:
        import fcntl
        self._fcntl = fcntl

    def lock(self, fd: int, *, shared: bool) -> None:
        f = self._fcntl
        try:
            f.flock(fd, (f.LOCK_SH if shared else f.LOCK_EX) | f.LOCK_NB)
        except BlockingIOError:
            raise Busy() from None
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                raise Busy() from None
            raise

    def unlock(self, fd: int) -> None:
        self._fcntl.flock(fd, self._fcntl.LOCK_UN)


class PortalockerBackend:
    """portalocker: LockFileEx on Windows (shared and exclusive), flock elsewhere."""

    name = "portalocker"

    def __init__(self) -> None:
        import portalocker
        self._p = portalocker

    def lock(self, fd: int, *, shared: bool) -> None:
        p = self._p
        flags = (p.LockFlags.SHARED if shared else p.LockFlags.EXCLUSIVE) | p.LockFlags.NON_BLOCKING
        try:
            p.lock(fd, flags)
        except p.exceptions.AlreadyLocked:
            raise Busy() from None
        except p.exceptions.LockException as exc:
            raise OSError(str(exc)) from None

    def unlock(self, fd: int) -> None:
        self._p.unlock(fd)


def default_backend() -> Backend:
    try:
        return FcntlBackend()
    except ImportError:          # Windows
        return PortalockerBackend()


_backend: Backend | None = None


def backend() -> Backend:
    global _backend
    if _backend is None:
        _backend = default_backend()
    return _backend


def use_backend(chosen: Backend | None) -> None:
    """Pick the back end (tests run the lock suite through each); None restores the default."""
    global _backend
    _backend = chosen


class FileLock:
    """A lock on ``path`` (created 0600 when missing). ``acquire`` returns False on timeout."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._fd: int | None = None
        self.shared = False
        self._backend: Backend | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    @property
    def fd(self) -> int | None:
        return self._fd

    def _open(self, *, create: bool) -> int:
        flags = os.O_RDWR | _CLOEXEC | _NOFOLLOW
        if create:
            flags |= os.O_CREAT
        try:
            return os.open(self.path, flags, PRIVATE_FILE)
        except PermissionError:
            # A read-only folder or lock file (a read-only open of somebody's file): a shared
            # lock through a read-only descriptor works with flock.
            return os.open(self.path, os.O_RDONLY | _CLOEXEC | _NOFOLLOW)

    def acquire(self, *, shared: bool, timeout: float = 0.0, create: bool = True) -> bool:
        """Take the lock, waiting up to ``timeout`` seconds. OSError when the lock file cannot
        be opened or created."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already locked by this FileLock")
        fd = self._open(create=create)
        chosen = backend()
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                chosen.lock(fd, shared=shared)
                break
            except Busy:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(POLL_S)
            except BaseException:
                os.close(fd)
                raise
        self._fd, self.shared, self._backend = fd, shared, chosen
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if self._backend is not None:
                self._backend.unlock(fd)
        except OSError:
            pass
        finally:
            # Closing drops the lock too. The file stays: unlinking it would race a process
            # that has opened it but not yet locked it (two holders of two different inodes).
            os.close(fd)

    def write_note(self, text: str) -> None:
        """Replace the lock file's content (the holder's pid, for messages)."""
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, text.encode("ascii"))
        except OSError:
            pass                 # only informative


def probe(path: Path | str, *, shared: bool) -> bool:
    """True when a lock of that kind could be taken now (it is not kept)."""
    lock = FileLock(path)
    try:
        if not lock.acquire(shared=shared, create=False):
            return False
    except OSError:
        return True              # no lock file: nobody holds it
    lock.release()
    return True
