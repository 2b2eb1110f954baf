"""Who has a database open: the desktop app's single-instance lock and every opener's use lock.

Two lock files sit beside the database, both held through ``model.storage.locking`` (flock on
Linux and macOS, LockFileEx on Windows), which the kernel drops when a process dies, so a
SIGKILL leaves no stale lock:

- ``<db>.lock``: one desktop app per database. A second app learns at once, and from which
  process (the pid written into the file is only for the message; the lock is the truth), so
  it can raise the other window or open read-only.
- ``<db>.inuse.lock``: held *shared* by every process that opens the database — the app, each
  command line run, an import on a worker thread — for as long as it has it open. ``restore``
  and recovery take it *exclusively*: they wait for every user to finish, or refuse, and while
  they run every opener waits for them (#14 item 1). Without it a restore could swap the file
  under a running import, whose "Imported 8000 theses" then went into the file set aside.

Within one process the use lock is counted, not re-taken: recovery (exclusive) may open the
file it is recovering, and the app's worker threads share the app's hold.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from model.errors import LockedError, ReadOnlyError, StoreError
from model.messages import message
from model.storage.locking import FileLock, probe
from model.storage.sqlite_file import name_digest

_NAME_MAX = 255
USE_WAIT_S = 10.0        # an opener waits this long for a restore to finish
RESTORE_WAIT_S = 10.0    # restore waits this long for the commands using the file to finish


class AlreadyOpenError(StoreError):
    """The database is open in another Thesis Tracker; ``pid`` says which process (or None)."""

    def __init__(self, message: str, *, path: Path | str | None = None, pid: int | None = None):
        super().__init__(message)
        self.path = path
        self.pid = pid


class InUseError(LockedError):
    """Restore or recovery found the database in use by another process (or a restore is
    running and an opener gave up waiting)."""


def _beside(db_path: Path | str, suffix: str) -> Path:
    db_path = Path(db_path).absolute()
    name = db_path.name + suffix
    if len(name.encode("utf-8", "surrogateescape")) > _NAME_MAX:
        name = f".{name_digest(db_path.name, 16)}{suffix}"
    return db_path.with_name(name)


def lock_path_for(db_path: Path | str) -> Path:
    """``<db>.lock`` beside the database (a hashed name when that would be too long)."""
    return _beside(db_path, ".lock")


def use_lock_path_for(db_path: Path | str) -> Path:
    """``<db>.inuse.lock`` beside the database."""
    return _beside(db_path, ".inuse.lock")


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
        self._lock = FileLock(self.path)

    @property
    def held(self) -> bool:
        return self._lock.held

    def acquire(self) -> InstanceLock:
        if self._lock.held:
            return self
        try:
            taken = self._lock.acquire(shared=False)
        except OSError as exc:
            raise ReadOnlyError(message("Cannot create the lock file {path}: {reason}. Open the "
                                        "database read-only or move it somewhere writable.",
                                        path=self.path, reason=exc.strerror or exc)) from None
        if not taken:
            pid = _read_pid(self.path)
            who = message(" (pid {pid})", pid=pid) if pid else ""
            raise AlreadyOpenError(
                message("{path} is open elsewhere{who}: use that window, or open this one "
                        "read-only.", path=self.db_path, who=who), path=self.db_path, pid=pid)
        # The lock is ours: record our pid for the next instance's message.
        self._lock.write_note(f"{os.getpid()}\n")
        return self

    def release(self) -> None:
        if self._lock.held:
            self._lock.write_note("")
        self._lock.release()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder(db_path: Path | str) -> int | None:
    """The pid of the instance holding the database, 0 when unknown, None when it is free.

    Probes without taking the lock for longer than the probe itself.
    """
    path = lock_path_for(db_path)
    if not path.exists() or probe(path, shared=True):
        return None
    return _read_pid(path) or 0


def ensure_not_open_elsewhere(db_path: Path | str, action: str) -> None:
    """Refuse ``action`` (restore, recovery) while another instance has the database open."""
    pid = holder(db_path)
    if pid is not None:
        who = f" (pid {pid})" if pid else ""
        raise AlreadyOpenError(f"Cannot {action}: {db_path} is open in Thesis Tracker{who}. "
                               f"Close it first.", path=Path(db_path), pid=pid or None)


# -- the use lock ----------------------------------------------------------------------------
@dataclass
class _Hold:
    lock: FileLock
    exclusive: bool
    count: int


_holds: dict[str, _Hold] = {}
_holds_guard = threading.Lock()


def _forget_holds_in_child() -> None:
    # A forked child is another process: the parent's holds are not its own.
    global _holds_guard
    _holds.clear()
    _holds_guard = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_holds_in_child)


class UseLock:
    """This process's hold on ``<db>.inuse.lock`` (see the module docstring)."""

    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self.path = use_lock_path_for(db_path)
        self._key = str(self.path)
        self._active = False

    @property
    def held(self) -> bool:
        return self._active

    def acquire_shared(self, *, timeout: float = USE_WAIT_S) -> UseLock:
        """Register as a user; waits up to ``timeout`` for a restore in another process.
        Without a folder to put the lock file in (nothing to protect yet) nothing is taken."""
        if self._active:
            return self
        with _holds_guard:
            hold = _holds.get(self._key)
            if hold is not None:
                hold.count += 1
                self._active = True
                return self
            if not self.path.parent.is_dir():
                return self
            lock = FileLock(self.path)
            try:
                taken = lock.acquire(shared=True, timeout=timeout)
            except OSError:
                return self          # a read-only folder without a lock file: nobody restores
            if not taken:
                raise InUseError(f"{self.db_path} is being restored or recovered by another "
                                 f"Thesis Tracker process; nothing was opened. Try again in a "
                                 f"moment.")
            _holds[self._key] = _Hold(lock, exclusive=False, count=1)
            self._active = True
        return self

    def acquire_exclusive(self, *, action: str, timeout: float = RESTORE_WAIT_S) -> UseLock:
        """Be the only user (restore, recovery): waits up to ``timeout`` for the others to
        finish, then raises InUseError saying why nothing was changed."""
        if self._active:
            return self
        with _holds_guard:
            hold = _holds.get(self._key)
            if hold is not None:
                if not hold.exclusive:
                    raise InUseError(f"Cannot {action}: {self.db_path} is open in this program. "
                                     f"Close it first; nothing was changed.")
                hold.count += 1
                self._active = True
                return self
            lock = FileLock(self.path)
            try:
                taken = lock.acquire(shared=False, timeout=timeout)
            except OSError as exc:
                raise StoreError(f"Cannot {action}: the lock file {self.path} cannot be "
                                 f"created ({exc.strerror or exc}). Nothing was changed.") from None
            if not taken:
                raise InUseError(
                    f"Cannot {action}: {self.db_path} is in use by another Thesis Tracker "
                    f"process (a command still running, or the app). Nothing was changed: let "
                    f"it finish or close it, then try again.")
            _holds[self._key] = _Hold(lock, exclusive=True, count=1)
            self._active = True
        return self

    def release(self) -> None:
        if not self._active:
            return
        self._active = False
        with _holds_guard:
            hold = _holds.get(self._key)
            if hold is None:
                return
            hold.count -= 1
            if hold.count <= 0:
                del _holds[self._key]
                hold.lock.release()

    def __enter__(self) -> UseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def in_use_elsewhere(db_path: Path | str) -> bool:
    """True when another process has the database open (informative; restore locks instead)."""
    path = use_lock_path_for(db_path)
    with _holds_guard:
        if str(path) in _holds:
            return False
    return path.exists() and not probe(path, shared=False)
