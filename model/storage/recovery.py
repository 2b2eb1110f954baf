"""What to do with a database that will not open: say why, keep it, bring back the best backup.

``diagnose(path)`` only reads. ``recover(path)`` is what the user accepts from the GUI dialog or
``python main.py restore``: the bad file (with its -wal/-shm) is renamed aside with a timestamp,
never deleted, and the newest backup that passes integrity_check is copied into its place. A file
from a newer Thesis Tracker is not damaged and is never moved.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from model.errors import CorruptDatabaseError, NewerSchemaError, NotFound, StoreError, UserError
from model.storage import backup as backups


@dataclass(frozen=True)
class Diagnosis:
    path: Path
    kind: str                    # 'ok', 'missing', 'corrupt', 'newer', 'foreign', 'busy', 'unusable'
    message: str
    newest_good_backup: Path | None

    @property
    def recoverable(self) -> bool:
        """Moving the file aside and restoring a backup is the right offer."""
        return self.kind in ("corrupt", "foreign")


@dataclass(frozen=True)
class Recovery:
    moved_aside: Path | None
    restored_from: Path | None
    restored_sha256: str | None


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
    try:
        problems = [r[0] for r in store.conn.execute("PRAGMA integrity_check(20)").fetchall()]
        fk = store.conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        store.close()
    if problems != ["ok"]:
        return Diagnosis(path, "corrupt", f"{path} is damaged: {'; '.join(problems)}", newest)
    if fk:
        return Diagnosis(path, "corrupt", f"{path} has {len(fk)} broken reference(s) between "
                                          f"records.", newest)
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
    from model.storage.instance import ensure_not_open_elsewhere
    path = Path(path)
    ensure_not_open_elsewhere(path, "recover the database")
    found = diagnose(path)
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
