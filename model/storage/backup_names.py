"""Names and places of the files kept beside a database: ``backups/``, the backup names
``<stem>-YYYYmmdd-HHMMSS[-reason].sqlite3`` and the ``<db>.damaged-<stamp>`` copies set aside.

Its own module so that restore (which sets files aside) and backup (which takes and rotates
copies) share them without importing each other.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from model.storage.sqlite_file import name_digest

_NAME_MAX = 255
_STEM_MAX = 120          # leaves room for "-YYYYmmdd-HHMMSS-before-migration.sqlite3"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[a-z-]+?))?(?:-(?P<n>\d+))?"
                   r"\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def _real(db_path: Path) -> Path:
    """The database file a path names, through any symlinks (a loop: the path itself)."""
    try:
        return Path(db_path).resolve()
    except (OSError, RuntimeError):        # a loop of symlinks: no real file to follow
        return Path(os.path.abspath(db_path))


def backup_dir_for(db_path: Path) -> Path:
    """``backups/`` beside the database (beside the file a symlink points to)."""
    return _real(db_path).parent / "backups"


def _fits(name: str) -> bool:
    return len(name.encode("utf-8", "surrogateescape")) <= _NAME_MAX


def backup_stem(db_path: Path) -> str:
    """What the database's backups are named after, shortened (with a hash to stay unique)
    so backup names fit: the name without ".sqlite3" (theses.sqlite3 -> theses), any other
    name whole (a.db -> a.db). With the stem alone, a.db and a.sqlite3 in one folder shared
    their backups, rotated each other's away, and a restore put back the other file."""
    name = _real(db_path).name          # a symlink's backups are its file's
    stem = name[:-len(".sqlite3")] if name.endswith(".sqlite3") and name != ".sqlite3" \
        else name
    return _shortened(stem)


def _legacy_stem(db_path: Path) -> str | None:
    """The stem versions before this one named a non-.sqlite3 database's backups after
    (a.db -> a), when no sibling database (a.sqlite3) could own them; else None."""
    real = _real(db_path)
    name = real.name
    if name.endswith(".sqlite3"):
        return None
    stem = Path(name).stem
    if stem == name or (real.parent / f"{stem}.sqlite3").exists():
        return None
    return _shortened(stem)


def _shortened(stem: str) -> str:
    if len(stem.encode("utf-8", "surrogateescape")) <= _STEM_MAX:
        return stem
    digest = name_digest(stem, 10)
    short = stem.encode("utf-8", "surrogateescape")[:_STEM_MAX - 11].decode("utf-8", "ignore")
    return f"{short}~{digest}"


def list_backups(db_path: Path) -> list[Backup]:
    """Backups of this database, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    stems = {backup_stem(db_path), _legacy_stem(db_path)} - {None}
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and match["stem"] in stems:
            try:
                taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            except ValueError:      # a name that only looks like ours (month 13...)
                continue
            found.append(Backup(entry, taken, match["reason"] or ""))
    # Several backups in one second: the later-written file is the newer one.
    return sorted(found, key=lambda b: (b.taken_at, _mtime(b.path), b.path.name), reverse=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0



def aside_name(db_path: Path, stamp: str, n: int = 1) -> Path:
    """``<db>.damaged-<stamp>`` (``-2``, ``-3``... when taken), shortened to fit the name limit."""
    db_path = Path(db_path)
    tail = f".damaged-{stamp}" + (f"-{n}" if n > 1 else "")
    name = db_path.name
    # Room for our tail plus SQLite's "-journal"/"-wal"/"-shm" beside it.
    while not _fits(name + tail + "-journal"):
        name = name[:-1]
    return db_path.with_name(name + tail)
