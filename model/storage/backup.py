"""Verified backups the way Zotero keeps them: online backup API into a temporary file,
``integrity_check`` on the copy, then an atomic rename into place.

Backups live in ``backups/`` beside the database, named ``<stem>-YYYYmmdd-HHMMSS[-reason].sqlite3``.
Rotation keeps the 10 newest plus the newest of each of the last 7 days, and never runs when the
copy just taken fails its check (the main file may be damaged: keep everything).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from model.errors import CorruptDatabaseError, DiskFullError, StoreError
from model.messages import message

# The names were defined here: importers still find them (re-exported with "as").
from model.storage.backup_names import Backup as Backup
from model.storage.backup_names import _mtime
from model.storage.backup_names import aside_name as aside_name
from model.storage.backup_names import backup_dir_for as backup_dir_for
from model.storage.backup_names import backup_stem as backup_stem
from model.storage.backup_names import list_backups as list_backups
from model.storage.sqlite_file import sqlite_uri

KEEP_RECENT = 10
KEEP_DAILY = 7
_STALE_TEMP_S = 3600     # a temp copy this old belongs to a backup that was killed


class BackupSource(Protocol):
    """What a backup reads: the open Store, or a read-only connection of its own."""

    @property
    def path(self) -> Path: ...

    @property
    def conn(self) -> sqlite3.Connection: ...

    @property
    def backup_dir(self) -> Path: ...


@dataclass(frozen=True)
class _OwnConnection:
    """A database read through a connection opened only for the backup."""

    path: Path
    conn: sqlite3.Connection
    backup_dir: Path
def verify_file(path: Path) -> bool:
    """True when the file is a regular SQLite file and passes integrity_check."""
    from model.storage.files import regular_file_problem
    if regular_file_problem(path):
        return False
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return False


def newest_good_backup(db_path: Path) -> Path | None:
    for candidate in list_backups(db_path):
        if verify_file(candidate.path):
            return candidate.path
    return None


def restore_hint(db_path: Path, backup: Path | None) -> str:
    if backup is None:
        return message("No verified backup was found.")
    return message("The newest good backup is {backup}; restore it with: python main.py "
                   "restore \"{backup}\" --db \"{db_path}\"", backup=backup, db_path=db_path)


def take_backup(store: BackupSource, *, reason: str = "manual") -> Path:
    """Copy the open database with SQLite's backup API, verify the copy, rename it into place.

    The copy is one consistent snapshot even while another process writes (the whole copy is
    one step under one read transaction). A copy that fails integrity_check raises and nothing
    is rotated away: the main file may be damaged, so every older backup is kept. The folder
    is 0700 and every copy 0600 (#14 item 14). A "before-import" copy identical to the newest
    backup is not kept twice: repeated refused imports must not rotate the distinct older
    copies away (#14 item 10).
    """
    from model.storage.files import PRIVATE_DIR, fsync_dir, make_private_dir, tighten
    folder = store.backup_dir
    try:
        make_private_dir(folder)
        tighten(folder, PRIVATE_DIR)
    except OSError as exc:
        raise StoreError(f"Cannot create the backup folder {folder}: {exc.strerror}.") from None
    now = dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    stem = backup_stem(store.path)
    final = folder / f"{stem}-{stamp}-{reason}.sqlite3"
    # A temp of this process's own: backups started in the same second by other processes
    # (two imports, a backup beside the app's) each have theirs; they shared one name, and
    # one's clean-up deleted another's copy.
    temp = folder / f".{final.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp"
    created = False
    try:
        _create_private(temp)
        created = True
        target = sqlite3.connect(str(temp))
        try:
            store.conn.backup(target, pages=-1)
            target.execute("PRAGMA journal_mode = DELETE")
            ok = target.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            target.close()
        if not ok:
            raise CorruptDatabaseError(
                f"The backup of {store.path} failed its integrity check: the database itself may "
                f"be damaged. Older backups were kept.", path=store.path)
        if reason == "before-import":
            same = _same_as_newest(store.path, temp)
            if same is not None:
                return same
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        final = _claim(temp, final)
        fsync_dir(folder)
    except sqlite3.Error as exc:
        from model.storage.sqlite_errors import translate_error
        error = translate_error(exc, store.path)
        if isinstance(error, CorruptDatabaseError):
            error = CorruptDatabaseError(f"{error} The backup was not taken; older backups were "
                                         f"kept.", path=store.path)
        elif isinstance(error, DiskFullError):
            error = _disk_full(folder)
        elif type(error) is StoreError:      # keep busy as it is
            error = StoreError(f"The backup into {folder} failed: {exc}")
        raise error from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise _disk_full(folder) from exc
        raise StoreError(f"The backup into {folder} failed: {exc.strerror or exc}.") from exc
    finally:
        if created:
            temp.unlink(missing_ok=True)
    rotate(store.path)
    return final


def _claim(temp: Path, final: Path) -> Path:
    """Give ``temp`` the name ``final``, or ``final`` numbered -2, -3… when another backup of
    the same second took it: a hard link fails rather than replace another process's copy
    (where hard links are not supported, a rename after a look is the best there is)."""
    stem = final.name[:-len(".sqlite3")]
    counter = 1
    while True:
        try:
            os.link(temp, final)
        except FileExistsError:
            pass
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                                 errno.EMLINK, errno.ENOSYS, errno.EACCES):
                raise
            if not final.exists():
                os.replace(temp, final)
                return final
        else:
            temp.unlink(missing_ok=True)
            return final
        counter += 1
        final = final.with_name(f"{stem}-{counter}.sqlite3")


def _disk_full(folder: Path) -> DiskFullError:
    # Not "the change was not saved" (#14 item 16): no change was being made.
    return DiskFullError(f"The disk holding {folder} is full: the backup was not saved. Older "
                         f"backups were kept; free some space and try again.")


def _create_private(path: Path) -> None:
    """The empty copy, created 0600 before SQLite opens it (SQLite would make it 0644)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o600)
    os.close(fd)


def _same_as_newest(db_path: Path, copy: Path) -> Path | None:
    """The newest backup when its bytes equal ``copy`` (nothing changed since), else None."""
    found = list_backups(db_path)
    if not found:
        return None
    newest = found[0].path
    try:
        if newest.stat().st_size != copy.stat().st_size:
            return None
        with open(newest, "rb") as a, open(copy, "rb") as b:
            while True:
                left, right = a.read(1 << 20), b.read(1 << 20)
                if left != right:
                    return None
                if not left:
                    return newest
    except OSError:
        return None


def _fsync_dir(folder: Path) -> None:
    from model.storage.files import fsync_dir
    fsync_dir(folder)


def rotate(db_path: Path) -> list[Path]:
    """Delete old backups beyond the newest 10 and the newest of each of the last 7 days."""
    existing = list_backups(db_path)
    keep = {b.path for b in existing[:KEEP_RECENT]}
    days_seen: set[dt.date] = set()
    for item in existing:
        day = item.taken_at.date()
        if day not in days_seen and len(days_seen) < KEEP_DAILY:
            days_seen.add(day)
            keep.add(item.path)
    removed = []
    for item in existing:
        if item.path not in keep:
            item.path.unlink(missing_ok=True)
            removed.append(item.path)
    _remove_stale_temps(db_path)
    return removed


def _remove_stale_temps(db_path: Path) -> None:
    """Temp copies left by a backup that was killed; recent ones may be another process's."""
    folder = backup_dir_for(db_path)
    prefix = f".{backup_stem(db_path)}-"
    cutoff = time.time() - _STALE_TEMP_S
    for entry in folder.glob(".*.tmp"):
        if entry.name.startswith(prefix) and _mtime(entry) / 1e9 < cutoff:
            entry.unlink(missing_ok=True)


def daily_backup_if_due(store: BackupSource) -> Path | None:
    """On the first open of a day, take a backup; later opens that day do nothing."""
    if _backed_up_today(store.path):
        return None
    return take_backup(store, reason="daily")


def _backed_up_today(db_path: Path) -> bool:
    newest = list_backups(db_path)
    return bool(newest) and newest[0].taken_at.date() == dt.datetime.now().date()


def daily_backup_on_own_connection(db_path: Path) -> Path | None:
    """The daily backup through a read-only connection of its own.

    The GUI runs this on a worker thread after its window is up: at 10,000 theses the verified
    copy takes seconds, which the first start of a day should not spend before showing anything.
    In WAL mode the copy is one consistent snapshot while the app goes on writing.
    """
    db_path = Path(db_path)
    if _backed_up_today(db_path):
        return None
    try:
        conn = sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True, timeout=2.0)
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot read {db_path} for today's backup: {exc}") from exc
    try:
        source = _OwnConnection(path=db_path, conn=conn, backup_dir=backup_dir_for(db_path))
        return take_backup(source, reason="daily")
    finally:
        conn.close()


def move_aside(db_path: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm/-journal) out of the way; never delete it.

    Names are unique: two move-asides in one second never overwrite each other.
    """
    db_path = Path(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    n = 1
    aside = aside_name(db_path, stamp)
    while any(Path(str(aside) + s).exists() for s in ("", "-wal", "-shm", "-journal")):
        n += 1
        aside = aside_name(db_path, stamp, n)
    if db_path.exists():
        os.replace(db_path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = Path(str(db_path) + suffix)
        if extra.exists():
            os.replace(extra, Path(str(aside) + suffix))
    _fsync_dir(db_path.parent)
    return aside


def restore(db_path: Path, backup_file: Path, *, wait: float | None = None) -> Path | None:
    """Replace the database with a backup; the current file is kept aside (see
    model.storage.restore, which checks the backup and makes the swap atomic).

    Returns where the replaced file went (None when there was none).
    """
    from model.storage.restore import restore as put_back
    return put_back(db_path, backup_file, wait=wait)
