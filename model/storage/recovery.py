"""What to do with a database that will not open: say why, keep it, bring back the best backup.

``diagnose(path)`` only reads. ``recover(path)`` is what the user accepts from the GUI dialog or
``python main.py restore``: the bad file (with its -wal/-shm) is renamed aside with a timestamp,
never deleted, and the newest backup that passes integrity_check is copied into its place. A file
from a newer Thesis Tracker is not damaged and is never moved.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from model.errors import CorruptDatabaseError, NewerSchemaError, NotFound, StoreError, UserError
from model.storage import backup as backups


@dataclass(frozen=True)
class Diagnosis:
    path: Path
    # 'ok', 'missing', 'corrupt', 'newer', 'foreign', 'busy', 'unusable', or 'text' (readable,
    # but some text cells are not valid UTF-8: repaired in place, #14 item 5)
    kind: str
    message: str
    newest_good_backup: Path | None

    @property
    def recoverable(self) -> bool:
        """Moving the file aside and restoring a backup (or, for 'text', repairing the cells in
        place) is the right offer."""
        return self.kind in ("corrupt", "foreign", "text")


@dataclass(frozen=True)
class Recovery:
    moved_aside: Path | None
    restored_from: Path | None
    restored_sha256: str | None
    repaired_cells: int = 0


def diagnose(path: Path | str) -> Diagnosis:
    """Open read-only and report what is wrong; the file is not written."""
    from model.errors import LockedError
    from model.storage.store import open_store
    path = Path(path)
    newest = backups.newest_good_backup(path)
    if not path.exists():
        return Diagnosis(path, "missing", f"There is no database at {path}.", newest)
    try:
        store = open_store(path, readonly=True, create=False, daily_backup=False)
    except NewerSchemaError as exc:
        return Diagnosis(path, "newer", str(exc), newest)
    except CorruptDatabaseError as exc:
        return Diagnosis(path, "corrupt", str(exc), newest)
    except LockedError as exc:
        return Diagnosis(path, "busy", str(exc), newest)
    except StoreError as exc:
        text = str(exc)
        # An older schema needs a read-write open to upgrade: that is not damage.
        if "needs an upgrade" in text:
            return Diagnosis(path, "ok", text, newest)
        kind = "foreign" if "not a Thesis Tracker" in text else "unusable"
        return Diagnosis(path, kind, text, newest)
    from model.storage.integrity import undecodable_cells
    try:
        problems = [r[0] for r in store.conn.execute("PRAGMA integrity_check(20)").fetchall()]
        fk = store.conn.execute("PRAGMA foreign_key_check").fetchall()
        cells = undecodable_cells(store.conn) if problems == ["ok"] and not fk else []
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        problems, fk, cells = [f"cannot be read ({exc})"], [], []
    finally:
        store.close()
    if problems != ["ok"]:
        return Diagnosis(path, "corrupt", f"{path} is damaged: {'; '.join(problems)}", newest)
    if fk:
        return Diagnosis(path, "corrupt", f"{path} has {len(fk)} broken reference(s) between "
                                          f"records.", newest)
    if cells:
        where = ", ".join(c.describe() for c in cells[:3])
        more = f" and {len(cells) - 3} more" if len(cells) > 3 else ""
        return Diagnosis(path, "text", f"{path} holds {len(cells)} text value(s) that are not "
                                       f"valid UTF-8 ({where}{more}).", newest)
    return Diagnosis(path, "ok", f"{path} is healthy.", newest)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def recover(path: Path | str, backup: Path | str | None = None, *,
            start_empty: bool = False) -> Recovery:
    """Move a damaged or foreign database aside and restore ``backup`` (default: the newest good).

    Refuses a healthy file, a newer-schema file and a file open in another instance. With no good
    backup, ``start_empty`` moves the file aside anyway so the app can start a new database;
    otherwise nothing is changed.
    """
    from model.storage.instance import UseLock, ensure_not_open_elsewhere
    path = Path(path)
    ensure_not_open_elsewhere(path, "recover the database")
    with UseLock(path).acquire_exclusive(action="recover the database"):
        return _recover(path, backup, start_empty=start_empty)


def _recover(path: Path, backup: Path | str | None, *, start_empty: bool) -> Recovery:
    found = diagnose(path)
    if found.kind == "text":
        # The file is sound apart from some bytes: repair them in place (a backup first),
        # rather than going back to a backup and losing the work since.
        from model.storage.integrity import repair_text
        from model.storage.store import open_store
        store = open_store(path, create=False, daily_backup=False)
        try:
            repaired = repair_text(store)
        finally:
            store.close()
        return Recovery(None, None, None, repaired)
    if found.kind == "newer":
        raise NewerSchemaError(f"{found.message} Recovery would throw away a newer version's "
                               f"data, so it was not moved.")
    if found.kind in ("ok", "busy"):
        raise UserError(f"{path} does not need recovering: {found.message}")
    if found.kind == "unusable":
        raise UserError(f"{found.message} Recovery cannot help with this; nothing was changed.")
    source = Path(backup) if backup is not None else found.newest_good_backup
    if source is None:
        if not start_empty:
            raise NotFound(f"There is no good backup of {path}; the file was left as it is. "
                           f"{found.message}")
        aside = backups.move_aside(path) if found.kind != "missing" else None
        return Recovery(aside, None, None)
    aside = backups.restore(path, source)
    return Recovery(aside, source, sha256(path))
