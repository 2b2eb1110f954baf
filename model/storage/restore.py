"""Putting a backup back: only a Thesis Tracker database, only when nobody is using the file,
and atomic at every instant (#14 items 1-3).

The protocol, under the exclusive use lock (model.storage.instance):

1. the backup is copied into ``.<digest>.restoring`` beside the database and fsynced;
2. an intent note ``.<digest>.restore.json`` (what goes where) is written atomically;
3. the current file and its -wal/-journal/-shm are hard-linked to the aside name
   ``<db>.damaged-<stamp>`` (they stay at the path too);
4. the -wal, -shm and -journal are removed from the path (a stale -wal would be replayed into
   the restored file);
5. ``rename(.restoring, <db>)`` swaps the file in one step;
6. the folder is fsynced and the note removed.

So the path always holds a file, the old or the new one. A kill anywhere leaves the note, and
the next open (``finish_unfinished``) completes steps 3-6 before anything reads the file. Where
hard links are not supported (FAT, some network shares) step 3 renames instead; the note still
lets the next open finish. A start that finds no database but a set-aside file newer than every
backup (left by a version without this protocol) refuses to create a new one beside it and
names it (``refuse_beside_stranded``).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import sqlite3
from pathlib import Path

from model.errors import DiskFullError, NotFound, StoreError, UserError
from model.storage import backup_names as backups
from model.storage.files import (
    PRIVATE_FILE,
    fsync_dir,
    mode_of,
    open_regular,
    real_path,
    regular_file_problem,
    write_atomically,
)
from model.storage.identity import describe, identify
from model.storage.sqlite_file import header_problem, name_digest, sqlite_uri

_SIDECARS = ("-wal", "-shm", "-journal")


class NotRestorable(UserError):
    """The file chosen for a restore is not a Thesis Tracker database this version can open."""


def _hidden(db_path: Path, suffix: str) -> Path:
    """``.<db name><suffix>`` beside the database, hashed only when the name would be too long
    (hashlib loads OpenSSL, which a start should not pay for)."""
    name = f".{db_path.name}{suffix}"
    if len(name.encode("utf-8", "surrogateescape")) > 255:
        name = f".{name_digest(db_path.name, 16)}{suffix}"
    return db_path.with_name(name)


def _temp(db_path: Path) -> Path:
    return _hidden(db_path, ".restoring")


def _legacy_temp(db_path: Path) -> Path:
    """Where versions before the intent note copied the backup (``.<sha1>.restoring``)."""
    return db_path.with_name(f".{name_digest(db_path.name, 16)}.restoring")


def intent_path(db_path: Path) -> Path:
    return _hidden(db_path, ".restore.json")


def check_restorable(source: Path) -> None:
    """Refuse (NotRestorable) anything but a healthy Thesis Tracker database this version can
    open: not a file, not SQLite, damaged, empty, another program's, from a newer version."""
    source = Path(source)
    problem = regular_file_problem(source)
    if problem is None and not source.exists():
        raise NotFound(f"There is no backup file at {source}.")
    if problem:
        raise NotRestorable(f"{source} {problem}: nothing was restored.")
    try:
        with open_regular(source) as fd:
            head = os.read(fd, 100)
            size = os.fstat(fd).st_size
    except OSError as exc:
        raise NotRestorable(f"Cannot read {source}: {exc.strerror or exc}. Nothing was "
                            f"restored.") from None
    problem = header_problem(source, head, size)
    if problem:
        what = problem.replace("is not a Thesis Tracker database", "is not a database")
        raise NotRestorable(f"{source} {what}: nothing was restored.")
    try:
        conn = sqlite3.connect(sqlite_uri(source, "ro"), uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(5)").fetchall()]
            identity = identify(conn) if result == ["ok"] else None
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise NotRestorable(f"{source} is damaged and cannot be read ({exc}): nothing was "
                            f"restored.") from None
    if identity is None:
        raise NotRestorable(f"{source} fails the integrity check ({'; '.join(result)}): "
                            f"nothing was restored.")
    if not identity.ours:
        raise NotRestorable(f"{describe(identity, source)}: nothing was restored.")


def restore(db_path: Path | str, source: Path | str, *, wait: float | None = None) -> Path | None:
    """Replace the database with ``source`` (checked first); the current file is kept aside.

    Refuses while the desktop app has the file open, and waits up to ``wait`` seconds for
    command-line runs using it, then refuses (InUseError) with nothing changed. Returns where
    the replaced file went (None when there was none).
    """
    from model.storage.instance import RESTORE_WAIT_S, UseLock, ensure_not_open_elsewhere
    db_path, source = real_path(Path(db_path)), Path(source)
    check_restorable(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise UserError(f"{source} is the database itself: choose a backup to restore.")
    ensure_not_open_elsewhere(db_path, "restore a backup")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with UseLock(db_path).acquire_exclusive(
            action="restore a backup", timeout=RESTORE_WAIT_S if wait is None else wait):
        ensure_not_open_elsewhere(db_path, "restore a backup")
        finish_unfinished(db_path)
        return _swap(db_path, source)


def _swap(db_path: Path, source: Path) -> Path | None:
    temp = _temp(db_path)
    intent = intent_path(db_path)
    present = [s for s in ("", *_SIDECARS) if os.path.lexists(str(db_path) + s)]
    aside = _free_aside(db_path) if present else None
    # The restored file keeps the mode of the file it replaces (a 0600 database stays 0600);
    # a new one is private.
    mode = mode_of(db_path) or PRIVATE_FILE
    try:
        temp.unlink(missing_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     mode)
        os.close(fd)
        _copy_database(source, temp)
        if hasattr(os, "chmod"):
            os.chmod(temp, mode)
        note = {"temp": temp.name, "aside": aside.name if aside else None,
                "source": str(source), "started": dt.datetime.now().isoformat(timespec="seconds")}
        write_atomically(intent, json.dumps(note).encode("utf-8"), mode=PRIVATE_FILE)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(f"The disk holding {db_path} is full: nothing was "
                                f"restored.") from exc
        raise StoreError(f"Cannot restore into {db_path}: {exc.strerror or exc}. Nothing was "
                         f"restored.") from exc
    try:
        _complete(db_path, temp, aside, intent)
    except OSError as exc:
        raise StoreError(f"The restore into {db_path} stopped half-way ({exc.strerror or exc}); "
                         f"the next start finishes it. The previous file is kept as "
                         f"{aside}.") from exc
    return aside


def _copy_database(source: Path, temp: Path) -> None:
    """``source`` into the (empty, private) ``temp``, fsynced: its bytes (a backup is restored
    byte for byte), or, when its -wal holds commits (a file set aside after a crash, a copy
    of a database in use), as SQLite reads it, through the backup API: a byte copy of the
    main file alone lost those commits (restore printed success, the latest theses gone)."""
    wal = Path(str(source) + "-wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        with open(temp, "r+b") as out, open(source, "rb") as src_file:
            shutil.copyfileobj(src_file, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        return
    src = sqlite3.connect(sqlite_uri(source, "ro"), uri=True)
    try:
        dst = sqlite3.connect(temp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        full = "full" in str(exc).lower()
        raise OSError(errno.ENOSPC if full else errno.EIO,
                      f"cannot copy {source.name} ({exc})") from exc
    finally:
        src.close()
    for leftover in ("-journal", "-wal", "-shm"):
        Path(str(temp) + leftover).unlink(missing_ok=True)
    fd = os.open(temp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _free_aside(db_path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    n = 1
    aside = backups.aside_name(db_path, stamp)
    while any(os.path.lexists(str(aside) + s) for s in ("", *_SIDECARS)):
        n += 1
        aside = backups.aside_name(db_path, stamp, n)
    return aside


def _keep(source: Path, kept: Path) -> None:
    """``kept`` becomes another name of ``source`` (a hard link), or ``source`` moves there."""
    if os.path.lexists(kept):
        return                                   # done before a kill: finishing again
    try:
        os.link(source, kept, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS, errno.EACCES):
            raise
        os.replace(source, kept)                 # no hard links here: the note covers the gap


def _complete(db_path: Path, temp: Path, aside: Path | None, intent: Path) -> None:
    """Steps 3-6 of the protocol; safe to run again after a kill at any point."""
    if temp.exists():
        if aside is not None:
            for suffix in ("-wal", "-journal", "-shm", ""):
                here = Path(str(db_path) + suffix)
                if os.path.lexists(here):
                    _keep(here, Path(str(aside) + suffix))
        for suffix in _SIDECARS:
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        os.replace(temp, db_path)
    fsync_dir(db_path.parent)
    intent.unlink(missing_ok=True)
    fsync_dir(db_path.parent)


def finish_unfinished(db_path: Path | str) -> list[str]:
    """Complete a restore that was interrupted (see the module docstring); returns what was
    done, for the user. Runs under the exclusive use lock when there is anything to do."""
    db_path = Path(db_path)
    intent = intent_path(db_path)
    legacy = None
    if not os.path.lexists(intent):
        if os.path.lexists(db_path):
            return []
        legacy = next((t for t in (_temp(db_path), _legacy_temp(db_path))
                       if os.path.lexists(t)), None)
        if legacy is None:
            return []
    from model.storage.instance import UseLock
    with UseLock(db_path).acquire_exclusive(action="finish an interrupted restore"):
        return _finish_locked(db_path, intent, legacy or _temp(db_path))


def _finish_locked(db_path: Path, intent: Path, temp: Path) -> list[str]:
    if os.path.lexists(intent):
        try:
            note = json.loads(intent.read_text(encoding="utf-8"))
            aside = db_path.with_name(note["aside"]) if note.get("aside") else None
            source = note.get("source", "a backup")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"An interrupted restore of {db_path} left a note {intent} that "
                             f"cannot be read ({exc}); nothing was changed. Move the note away "
                             f"after checking the files beside the database.") from None
        if not temp.exists() and not db_path.exists():
            raise StoreError(f"An interrupted restore of {db_path} left neither the database "
                             f"nor its copy; the previous file is kept as {aside}. Restore it "
                             f"with: python main.py restore \"{aside}\" --db \"{db_path}\"")
        try:
            _complete(db_path, temp, aside, intent)
        except OSError as exc:
            raise StoreError(f"Cannot finish the interrupted restore of {db_path}: "
                             f"{exc.strerror or exc}.") from None
        kept = f" The previous file is kept as {aside}." if aside else ""
        return [f"An interrupted restore of {db_path} from {source} was finished.{kept}"]
    # A copy left by a version without the note, killed between its two renames: the
    # database is gone and the copy is complete if it checks out.
    try:
        check_restorable(temp)
    except UserError:
        return []
    os.replace(temp, db_path)
    fsync_dir(db_path.parent)
    return [f"An interrupted restore of {db_path} was finished from the copy it left."]


def stranded_aside(db_path: Path) -> Path | None:
    """The newest ``<db>.damaged-*`` file when it is newer than every backup and a healthy
    Thesis Tracker database (it may hold the latest work), else None. A file set aside because
    it was damaged or foreign (recovery that starts afresh) is not one to put back."""
    db_path = Path(db_path)
    prefix = db_path.name + ".damaged-"
    try:
        candidates = [p for p in db_path.parent.iterdir() if p.name.startswith(prefix)
                      and not p.name.endswith(_SIDECARS) and p.is_file()]
    except OSError:
        return None
    if not candidates:
        return None
    def changed(path: Path) -> float:       # its -wal may hold the newest commits
        wal = Path(str(path) + "-wal")
        return max(path.stat().st_mtime, wal.stat().st_mtime if wal.exists() else 0.0)

    newest = max(candidates, key=changed)
    found = backups.list_backups(db_path)
    if found and max(b.path.stat().st_mtime for b in found) >= changed(newest):
        return None
    try:
        check_restorable(newest)
    except UserError:
        return None
    return newest


def refuse_beside_stranded(db_path: Path) -> None:
    """Never create a new (demo) database while the real data may sit in a copy set aside."""
    aside = stranded_aside(db_path)
    if aside is None:
        return
    raise StoreError(
        f"There is no database at {db_path}, but {aside.name} beside it was set aside more "
        f"recently than any backup was taken: it may hold your latest work, so no new database "
        f"was created. Put it back with: python main.py restore \"{aside}\" --db \"{db_path}\" "
        f"(or move it away to start afresh).")
