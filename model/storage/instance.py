"""One app per database: an flock on ``<db>.lock`` that the kernel drops when the process dies.

A second instance learns at once (no waiting on SQLite's busy timeout) that the file is open
elsewhere and by which process, so it can raise the other window or open read-only. Because the
lock is the kernel's, a SIGKILLed instance leaves no stale lock: the next start works at once.
The pid written into the file is only for the message; the flock is the truth.
"""

from __future__ import annotations

import os
from pathlib import Path

from model.errors import ReadOnlyError, StoreError
from model.storage.sqlite_file import name_digest

try:
    import fcntl
except ImportError:  # Windows: no flock; SQLite's own locking still keeps the file whole.
    fcntl = None

_NAME_MAX = 255


class AlreadyOpenError(StoreError):
    """The database is open in another Thesis Tracker; ``pid`` says which process (or None)."""

    def __init__(self, message: str, *, path=None, pid: int | None = None):
        super().__init__(message)
        self.path = path
        self.pid = pid


def lock_path_for(db_path: Path | str) -> Path:
    """``<db>.lock`` beside the database (a hashed name when that would be too long)."""
    db_path = Path(db_path).absolute()
    name = db_path.name + ".lock"
    if len(name.encode("utf-8", "surrogateescape")) > _NAME_MAX:
        name = f".{name_digest(db_path.name, 16)}.lock"
    return db_path.with_name(name)


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
        return int(text) if text.isdigit() else None
    except OSError:
        return None


class InstanceLock:
    """Held while an app has the database open; ``release()`` (or process death) frees it."""

    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> "InstanceLock":
        if fcntl is None or self._fd is not None:
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise ReadOnlyError(f"Cannot create the lock file {self.path}: "
                                f"{exc.strerror or exc}. Open the database read-only or move it "
                                f"somewhere writable.") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            pid = _read_pid(self.path)
            who = f" (pid {pid})" if pid else ""
            raise AlreadyOpenError(
                f"{self.db_path} is open elsewhere{who}: use that window, or open this one "
                f"read-only.", path=self.db_path, pid=pid) from None
        # The lock is ours: record our pid for the next instance's message.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        # Closing drops the flock. The file stays: unlinking it would race a starting instance
        # that has opened it but not yet locked it (two holders of two different inodes).
        os.close(fd)

    def __enter__(self) -> "InstanceLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def holder(db_path: Path | str) -> int | None:
    """The pid of the instance holding the database, 0 when unknown, None when it is free.

    Probes without taking the lock for longer than the probe itself.
    """
    if fcntl is None:
        return None
    path = lock_path_for(db_path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return _read_pid(path) or 0
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def ensure_not_open_elsewhere(db_path: Path | str, action: str) -> None:
    """Refuse ``action`` (restore, recovery) while another instance has the database open."""
    pid = holder(db_path)
    if pid is not None:
        who = f" (pid {pid})" if pid else ""
        raise AlreadyOpenError(f"Cannot {action}: {db_path} is open in Thesis Tracker{who}. "
                               f"Close it first.", path=Path(db_path), pid=pid or None)
