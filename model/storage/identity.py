"""Is this SQLite file a Thesis Tracker database, and of which version? Told by its tables.

``PRAGMA user_version`` alone says little: another program's file may carry 3 (it was then
migrated and written to, #14 item 7), and a damaged header can read 2,134,835,712 ("written by
a newer Thesis Tracker", item 16). So a file is ours when it has our record tables with their
key columns, and its version is checked against the migrations it records having run
(``_sqlite_migrations``, set ``thesis_tracker``): every step raises the version by one, so a
newer Thesis Tracker has recorded more steps than this version knows, and a version field that
disagrees with the number of steps recorded is damage.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from model.constants import SCHEMA_VERSION
from model.messages import message

# Tables every released version has had since m001, with the columns code relies on.
KEY_COLUMNS: dict[str, frozenset[str]] = {
    "thesis": frozenset({"id", "title", "status", "conviction", "created_at"}),
    "company": frozenset({"id", "name", "ticker"}),
    "beneficiary": frozenset({"id", "thesis_id", "company_id"}),
    "risk": frozenset({"id", "thesis_id", "title", "severity", "likelihood"}),
    "catalyst": frozenset({"id", "thesis_id", "title", "expected", "window_start",
                           "window_end", "status"}),
    "source": frozenset({"id", "title"}),
    "citation": frozenset({"id", "source_id"}),
    "history": frozenset({"id", "at", "thesis_id", "field"}),
    "price": frozenset({"company_id", "day", "close"}),
}
# The record tables' columns, in order, at schema 1; later steps add the ones below.
_COLUMNS_V1: dict[str, tuple[str, ...]] = {
    "thesis": ("id", "title", "theme", "statement", "status", "conviction", "horizon",
               "next_review", "review_cadence_days", "benchmark_ticker", "tags", "created_at",
               "updated_at"),
    "company": ("id", "name", "local_name", "ticker", "exchange", "country"),
    "beneficiary": ("id", "thesis_id", "company_id", "role", "position"),
    "risk": ("id", "thesis_id", "title", "description", "severity", "likelihood", "status"),
    "catalyst": ("id", "thesis_id", "title", "description", "expected", "window_start",
                 "window_end", "precision", "status", "happened_on", "outcome", "impact",
                 "created_at"),
    "source": ("id", "title", "publisher", "published_on", "url", "summary"),
    "citation": ("id", "source_id", "thesis_id", "risk_id", "catalyst_id", "locator"),
    "history": ("id", "at", "thesis_id", "catalyst_id", "field", "subject", "old", "new", "note"),
    "price": ("company_id", "day", "close", "adj_close"),
}
_ADDED: dict[int, dict[str, tuple[str, ...]]] = {
    2: {"thesis": ("external_ref",), "catalyst": ("external_ref",)},
    4: {"history": ("undone_at",)},
}
_LATEST_KNOWN = SCHEMA_VERSION    # a step adding columns adds them to _ADDED
MIGRATION_SET = "thesis_tracker"
_PLAUSIBLE_NEWER = 10_000      # a version field beyond this is damage, not a future release


@dataclass(frozen=True)
class Identity:
    """What a file is. ``kind``: 'ours' (version 1..SCHEMA_VERSION), 'new' (an empty SQLite
    file, ready to be made ours), 'newer', 'foreign', 'damaged-version', 'damaged-schema'."""

    kind: str
    version: int
    detail: str = ""

    @property
    def ours(self) -> bool:
        return self.kind == "ours"


def expected_columns(version: int) -> dict[str, tuple[str, ...]]:
    """The record tables' columns a file at ``version`` has (1..the latest released)."""
    columns = dict(_COLUMNS_V1)
    for step, added in sorted(_ADDED.items()):
        if step <= version:
            for table, names in added.items():
                columns[table] = columns[table] + names
    return columns


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}


def recorded_steps(conn: sqlite3.Connection) -> list[str] | None:
    """The migration steps the file says it ran (None when it keeps no record)."""
    if "_sqlite_migrations" not in _tables(conn):
        return None
    try:
        return [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,))]
    except sqlite3.DatabaseError:
        return None


def identify(conn: sqlite3.Connection, schema_version: int = SCHEMA_VERSION) -> Identity:
    """Tell the file behind ``conn`` by its tables (see the module docstring). Reads only; the
    caller turns sqlite3 errors (a damaged file) into its own message."""
    tables = _tables(conn) - {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    steps = recorded_steps(conn)
    ours = [t for t in KEY_COLUMNS if t in tables]
    if not ours:
        if not (tables - {"_sqlite_migrations"}) and not steps and version == 0:
            return Identity("new", 0)
        return Identity("foreign", version, "it has none of Thesis Tracker's tables")
    missing = [t for t in KEY_COLUMNS if t not in tables]
    if missing:
        return Identity("foreign", version, f"it lacks the table(s) {', '.join(missing)}")
    for table, needed in KEY_COLUMNS.items():
        lacking = needed - _columns(conn, table)
        if lacking:
            return Identity("foreign", version, f"its {table} table lacks "
                                                f"{', '.join(sorted(lacking))}")
    recorded = len(steps or [])
    if recorded and version != recorded:
        if recorded > schema_version:
            return Identity("newer", recorded)
        return Identity("damaged-version", version,
                        f"its version field reads {version}, but the upgrades it records "
                        f"bring it to {recorded}")
    if version > schema_version:
        if version > _PLAUSIBLE_NEWER:
            return Identity("damaged-version", version,
                            f"its version field reads {version}, which no release has had")
        return Identity("newer", version)
    if version < 1:
        return Identity("damaged-version", version,
                        f"its version field reads {version}, but it has Thesis Tracker's tables")
    # A flipped byte in the schema's text renames a column ("url" -> "uzl"): SQLite reads
    # that happily, and every query naming the column then fails. Up to the latest version
    # this module knows the columns must be exactly these; a later one may have added more.
    exact = version <= _LATEST_KNOWN
    for table, names in expected_columns(version).items():
        found = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{table}")'))
        if (found != names) if exact else (found[:len(names)] != names):
            return Identity("damaged-schema", version,
                            f"the {table} table has the columns {', '.join(found)}, not "
                            f"{', '.join(names)}")
    return Identity("ours", version)


def describe(identity: Identity, path: object, schema_version: int = SCHEMA_VERSION) -> str:
    """A sentence for a file that is not ours to open or restore."""
    if identity.kind == "newer":
        return message("{path} was written by a newer Thesis Tracker (schema version "
                       "{version}; this version reads up to {supported})", path=path,
                       version=identity.version, supported=schema_version)
    if identity.kind in ("damaged-version", "damaged-schema"):
        return message("{path} is damaged: {detail}", path=path, detail=identity.detail)
    if identity.kind == "new":
        return message("{path} is an empty SQLite database, not a Thesis Tracker one",
                       path=path)
    return message("{path} is a SQLite database, but not a Thesis Tracker one ({detail})",
                   path=path, detail=identity.detail)
