"""Verified backups the way Zotero keeps them: online backup API into a temporary file,
``integrity_check`` on the copy, then an atomic rename into place.

Backups live in ``backups/`` beside the database, named ``<stem>-YYYYmmdd-HHMMSS[-reason].sqlite3``.
Rotation keeps the 10 newest plus the newest of each of the last 7 days, and never runs when the
copy just taken fails its check (the main file may be damaged: keep everything).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from model.errors import CorruptDatabaseError, NotFound, StoreError

KEEP_RECENT = 10
KEEP_DAILY = 7
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[a-z-]+))?\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_dir_for(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / "backups"


def list_backups(db_path: Path) -> list[Backup]:
    """Backups of this database, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    stem = Path(db_path).stem
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and match["stem"] == stem:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(Backup(entry, taken, match["reason"] or ""))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def verify_file(path: Path) -> bool:
    """True when the file is SQLite and passes integrity_check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def newest_good_backup(db_path: Path) -> Path | None:
    for candidate in list_backups(db_path):
        if verify_file(candidate.path):
            return candidate.path
    return None


def restore_hint(db_path: Path, backup: Path | None) -> str:
    if backup is None:
        return "No verified backup was found."
    return (f"The newest good backup is {backup}; restore it with: "
            f"python main.py restore \"{backup}\" --db \"{db_path}\"")


def take_backup(store, *, reason: str = "manual") -> Path:
    """Copy the open database with SQLite's backup API, verify the copy, rename it into place."""
    folder = store.backup_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the backup folder {folder}: {exc.strerror}.") from None
    now = dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    final = folder / f"{store.path.stem}-{stamp}-{reason}.sqlite3"
    counter = 1
    while final.exists():
        counter += 1
        final = folder / f"{store.path.stem}-{stamp}-{reason}{'-' * counter}.sqlite3"
    temp = folder / f".{final.name}.tmp"
    try:
        target = sqlite3.connect(str(temp))
        try:
            store.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            ok = target.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            target.close()
        if not ok:
            raise CorruptDatabaseError(
                f"The backup of {store.path} failed its integrity check: the database itself may "
                f"be damaged. Older backups were kept.", path=store.path)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, final)
    except sqlite3.Error as exc:
        raise StoreError(f"The backup into {folder} failed: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"The backup into {folder} failed: {exc.strerror or exc}.") from exc
    finally:
        if temp.exists():
            temp.unlink()
    rotate(store.path)
    return final


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
    return removed


def daily_backup_if_due(store) -> Path | None:
    """On the first open of a day, take a backup; later opens that day do nothing."""
    newest = list_backups(store.path)
    today = dt.datetime.now().date()
    if newest and newest[0].taken_at.date() == today:
        return None
    return take_backup(store, reason="daily")


def move_aside(db_path: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; never delete it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(db_path) + suffix)
        if extra.exists():
            os.replace(extra, Path(str(aside) + suffix))
    return aside


def restore(db_path: Path, backup_file: Path) -> Path | None:
    """Replace the database with a verified backup; the current file is moved aside first.

    Returns where the replaced file went (None when there was none).
    """
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise NotFound(f"There is no backup file at {backup_file}.")
    if not verify_file(backup_file):
        raise CorruptDatabaseError(f"{backup_file} is not a good backup: it fails the integrity "
                                   f"check. Nothing was changed.", path=backup_file)
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    temp = db_path.with_name(f".{db_path.name}.restoring")
    shutil.copyfile(backup_file, temp)
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    aside = move_aside(db_path) if db_path.exists() else None
    os.replace(temp, db_path)
    return aside
