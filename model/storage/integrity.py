"""The full check that the open-time one skips, and text that is not valid UTF-8 (#14 items 4-5).

Opening runs ``quick_check``, which does not compare indexes with their tables: a damaged
index passed it, and ``upcoming`` silently listed 3 of 18 catalysts. And a file untouched since
our clean close skips even that. So a full ``integrity_check`` runs on a read-only connection of
its own — in the desktop app in the background once the window is up, from the command line at
least once a day per file — and its outcome is noted beside the backups
(``backups/.<stem>.integrity.json``). On failure the caller switches the store to read-only and
offers the newest good backup.

``undecodable_cells`` finds text cells that are not valid UTF-8 (``check`` lists them), and
``repair_text`` rewrites them with U+FFFD for the bad bytes, after a backup.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from model.messages import message
from model.storage.backup import backup_dir_for, backup_stem, newest_good_backup, restore_hint
from model.storage.files import PRIVATE_FILE, make_private_dir, write_atomically
from model.storage.sqlite_errors import one_line
from model.storage.sqlite_file import sqlite_uri

if TYPE_CHECKING:
    from model.storage.store import Store

DAILY = dt.timedelta(days=1)
_LIMIT = 20          # problems reported by integrity_check


@dataclass(frozen=True)
class FullCheck:
    """The outcome of a full check of one file."""

    path: Path
    ok: bool
    problems: list[str]
    checked_at: dt.datetime
    newest_good_backup: Path | None = None

    @property
    def message(self) -> str:
        if self.ok:
            return message("{path} passed its full integrity check.", path=self.path)
        shown = "; ".join(self.problems[:3])
        more = (message(" (and {count} more)", count=len(self.problems) - 3)
                if len(self.problems) > 3 else "")
        return message("{path} failed its full integrity check ({problems}{more}): it is open "
                       "read-only so nothing more is written to it. {hint}", path=self.path,
                       problems=shown, more=more,
                       hint=restore_hint(self.path, self.newest_good_backup))


@dataclass(frozen=True)
class Cell:
    """One stored text value that is not valid UTF-8."""

    table: str
    rowid: int
    column: str
    raw: bytes = field(repr=False)

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8", "replace")

    def describe(self) -> str:
        return f"{self.table} {self.rowid} {self.column}"


def note_path(db_path: Path) -> Path:
    return backup_dir_for(db_path) / f".{backup_stem(db_path)}.integrity.json"


def last_full_check(db_path: Path) -> dt.datetime | None:
    """When the file last passed a full check (None: never, or the note is unreadable)."""
    try:
        note = json.loads(note_path(Path(db_path)).read_text(encoding="utf-8"))
        if not note.get("ok"):
            return None
        return dt.datetime.fromisoformat(note["checked_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def full_check_due(db_path: Path, *, now: dt.datetime | None = None,
                   every: dt.timedelta = DAILY) -> bool:
    last = last_full_check(db_path)
    now = now or dt.datetime.now()
    return last is None or not (dt.timedelta(0) <= now - last < every)


def run_full_check(db_path: Path | str) -> FullCheck:
    """``integrity_check`` and ``foreign_key_check`` on a read-only connection of its own (the
    app goes on reading and writing meanwhile: WAL keeps this reader's snapshot); the outcome
    is noted. Never raises for a damaged file: that is a failed check."""
    db_path = Path(db_path)
    now = dt.datetime.now().replace(microsecond=0)
    problems: list[str]
    try:
        conn = sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True, timeout=5.0)
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            problems = [one_line(r[0]) for r in
                        conn.execute(f"PRAGMA integrity_check({_LIMIT})").fetchall()]
            if problems == ["ok"]:
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                problems = ([f"{len(broken)} broken reference(s) between records"]
                            if broken else [])
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError, OSError) as exc:
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc)
                                                          or "busy" in str(exc)):
            # Not a verdict: try again next time.
            return FullCheck(db_path, True, [], now)
        problems = [f"cannot be read: {exc}"]
    ok = not problems
    _note(db_path, ok, now)
    backup = None if ok else newest_good_backup(db_path)
    return FullCheck(db_path, ok, problems, now, backup)


def record_passed(db_path: Path) -> None:
    """Note a full check that passed elsewhere (the ``check`` command runs its own)."""
    _note(Path(db_path), True, dt.datetime.now().replace(microsecond=0))


def _note(db_path: Path, ok: bool, when: dt.datetime) -> None:
    path = note_path(db_path)
    try:
        make_private_dir(path.parent)
        write_atomically(path, json.dumps({"checked_at": when.isoformat(), "ok": ok}).encode(),
                         mode=PRIVATE_FILE, durable=False)
    except OSError:
        pass         # only decides when the next check runs


def mark_damaged(store: Store, check: FullCheck) -> None:
    """Switch an open store to read-only after a failed full check: every write is refused,
    reads go on, and the clean-close note that skipped the open-time check is dropped."""
    from model.storage import clean_close
    store.readonly = True
    store.damage = check.message
    if check.message not in store.warnings:
        store.warnings.append(check.message)
    clean_close.forget(check.path)


# -- text that is not valid UTF-8 -------------------------------------------------------------
def _text_columns(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_%' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name")]
    found = []
    for table in tables:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
                   if "INT" not in (r[2] or "").upper() and "REAL" not in (r[2] or "").upper()]
        if columns:
            found.append((table, columns))
    return found


def undecodable_cells(conn: sqlite3.Connection, *, limit: int | None = None) -> list[Cell]:
    """Every text cell (record tables) that is not valid UTF-8, or holds bytes (a BLOB that
    another tool wrote where text belongs: `export` failed on it), in table order."""
    cells: list[Cell] = []
    tables = _text_columns(conn)
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, columns in tables:
            names = ", ".join(f'"{c}", typeof("{c}")' for c in columns)
            for row in conn.execute(f'SELECT rowid, {names} FROM "{table}"'):
                for i, column in enumerate(columns):
                    value, kind = row[1 + 2 * i], row[2 + 2 * i]
                    if not isinstance(value, bytes):
                        continue
                    bad = kind == b"blob"
                    if not bad:
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            bad = True
                    if bad:
                        cells.append(Cell(table, row[0], column, value))
                        if limit is not None and len(cells) >= limit:
                            return cells
    finally:
        conn.text_factory = previous
    return cells


# -- dates that are no dates --------------------------------------------------------------------
@dataclass(frozen=True)
class BadDate:
    """A stored value in a date column that is no YYYY-MM-DD date (written by another tool
    before m005's triggers, which refuse such writes now)."""

    table: str
    key: int            # the row's id (a price row: its company id)
    column: str
    value: object

    def describe(self) -> str:
        return f"{self.table} {self.key} {self.column} {self.value!r}"


def bad_dates(conn: sqlite3.Connection, *, limit: int = 1000) -> list[BadDate]:
    """Values in the date columns that are no dates, up to ``limit``, in table order."""
    from model.storage.date_sql import DATE_COLUMNS, is_date_sql
    found: list[BadDate] = []
    for table, column, _optional in DATE_COLUMNS:
        key = "company_id" if table == "price" else "id"
        for row in conn.execute(
                f'SELECT "{key}", "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
                f'AND NOT {is_date_sql(column)} ORDER BY 1 LIMIT ?',
                (limit - len(found),)):
            found.append(BadDate(table, row[0], column, row[1]))
        if len(found) >= limit:
            break
    return found


def repair_text(store: Store) -> int:
    """Rewrite every undecodable cell with U+FFFD for its bad bytes, in one transaction,
    after a backup (the raw bytes stay in it). Returns the number of cells repaired."""
    from model.storage.backup import take_backup
    conn = store.conn
    cells = undecodable_cells(conn)
    if not cells:
        return 0
    take_backup(store, reason="before-repair")
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = "
                           "'history_append_only'").fetchone()
    with store.write("Repair damaged text") as write:
        write.keep_undo = False
        if trigger is not None:
            # The history is append-only by trigger; a repair of its damaged bytes is the one
            # rewrite allowed, inside this same transaction.
            conn.execute("DROP TRIGGER history_append_only")
        for cell in cells:
            conn.execute(f'UPDATE "{cell.table}" SET "{cell.column}" = ? WHERE rowid = ?',
                         (cell.text, cell.rowid))
        if trigger is not None:
            conn.execute(trigger[0])
    return len(cells)
