"""Numbered schema migrations; the version a file is at lives in PRAGMA user_version.

Each step runs in one transaction together with its record in ``_sqlite_migrations`` and the
new ``user_version`` (sqlite-utils' ``Migrations``), so a crash leaves the old or the new
schema, never something between. Never edit a released step: add a new one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from sqlite_utils import Database, Migrations

from model.constants import (  # noqa: F401 - SCHEMA_VERSION is imported from here too
    CATALYST_STATUSES,
    RISK_STATUSES,
    SCHEMA_VERSION,
    THESIS_STATUSES,
)
from model.storage.date_sql import DATE_COLUMNS, is_date_sql

migrations = Migrations("thesis_tracker")


def _in(values: Iterable[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _set_version(db: Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")


@migrations(name="m001_initial_schema")
def m001_initial_schema(db: Database) -> None:
    """Theses, companies, beneficiaries, risks, catalysts, sources, citations, history, prices.

    History is append-only: a trigger refuses any change to a recorded row except the
    catalyst link, which is cleared when its catalyst is deleted.
    """
    statements = f"""
    CREATE TABLE thesis (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        theme TEXT NOT NULL DEFAULT '',
        statement TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN {_in(THESIS_STATUSES)}),
        conviction INTEGER NOT NULL DEFAULT 3 CHECK (conviction BETWEEN 1 AND 5),
        horizon TEXT NOT NULL DEFAULT '',
        next_review TEXT CHECK (next_review IS NULL OR date(next_review) = next_review),
        review_cadence_days INTEGER NOT NULL DEFAULT 90 CHECK (review_cadence_days BETWEEN 1 AND 3660),
        benchmark_ticker TEXT,
        tags TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX thesis_status ON thesis(status);
    CREATE INDEX thesis_title ON thesis(title COLLATE NOCASE);
    CREATE INDEX thesis_next_review ON thesis(next_review);

    CREATE TABLE company (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        local_name TEXT NOT NULL DEFAULT '',
        ticker TEXT,
        exchange TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX company_ticker ON company(ticker COLLATE NOCASE) WHERE ticker IS NOT NULL;

    CREATE TABLE beneficiary (
        id INTEGER PRIMARY KEY,
        thesis_id INTEGER NOT NULL REFERENCES thesis(id) ON DELETE CASCADE,
        company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE RESTRICT,
        role TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (thesis_id, company_id)
    );
    CREATE INDEX beneficiary_company ON beneficiary(company_id);

    CREATE TABLE risk (
        id INTEGER PRIMARY KEY,
        thesis_id INTEGER NOT NULL REFERENCES thesis(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        description TEXT NOT NULL DEFAULT '',
        severity INTEGER NOT NULL DEFAULT 3 CHECK (severity BETWEEN 1 AND 5),
        likelihood INTEGER NOT NULL DEFAULT 3 CHECK (likelihood BETWEEN 1 AND 5),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN {_in(RISK_STATUSES)})
    );
    CREATE INDEX risk_thesis ON risk(thesis_id);

    CREATE TABLE catalyst (
        id INTEGER PRIMARY KEY,
        thesis_id INTEGER NOT NULL REFERENCES thesis(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        description TEXT NOT NULL DEFAULT '',
        expected TEXT NOT NULL,
        window_start TEXT NOT NULL CHECK (date(window_start) = window_start),
        window_end TEXT NOT NULL CHECK (date(window_end) = window_end AND window_end >= window_start),
        precision TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN {_in(CATALYST_STATUSES)}),
        happened_on TEXT CHECK (happened_on IS NULL OR date(happened_on) = happened_on),
        outcome TEXT NOT NULL DEFAULT '',
        impact TEXT NOT NULL DEFAULT '+' CHECK (impact IN ('+', '-')),
        created_at TEXT NOT NULL
    );
    CREATE INDEX catalyst_thesis ON catalyst(thesis_id, status, window_start, window_end);
    CREATE INDEX catalyst_status_window ON catalyst(status, window_start, window_end);

    CREATE TABLE source (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        publisher TEXT NOT NULL DEFAULT '',
        published_on TEXT CHECK (published_on IS NULL OR date(published_on) = published_on),
        url TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE citation (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        thesis_id INTEGER REFERENCES thesis(id) ON DELETE CASCADE,
        risk_id INTEGER REFERENCES risk(id) ON DELETE CASCADE,
        catalyst_id INTEGER REFERENCES catalyst(id) ON DELETE CASCADE,
        locator TEXT NOT NULL DEFAULT '',
        CHECK ((thesis_id IS NOT NULL) + (risk_id IS NOT NULL) + (catalyst_id IS NOT NULL) = 1)
    );
    CREATE INDEX citation_source ON citation(source_id);
    CREATE UNIQUE INDEX citation_thesis ON citation(thesis_id, source_id) WHERE thesis_id IS NOT NULL;
    CREATE UNIQUE INDEX citation_risk ON citation(risk_id, source_id) WHERE risk_id IS NOT NULL;
    CREATE UNIQUE INDEX citation_catalyst ON citation(catalyst_id, source_id) WHERE catalyst_id IS NOT NULL;

    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        thesis_id INTEGER NOT NULL REFERENCES thesis(id) ON DELETE CASCADE,
        catalyst_id INTEGER REFERENCES catalyst(id) ON DELETE SET NULL,
        field TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        old TEXT,
        new TEXT,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX history_thesis ON history(thesis_id, at);
    CREATE INDEX history_catalyst ON history(catalyst_id);
    CREATE TRIGGER history_append_only BEFORE UPDATE OF at, thesis_id, field, subject, old, new, note
        ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

    CREATE TABLE price (
        company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
        day TEXT NOT NULL CHECK (date(day) = day),
        close REAL NOT NULL,
        adj_close REAL,
        PRIMARY KEY (company_id, day)
    ) WITHOUT ROWID;
    """  # noqa: E501 - a released step's SQL is never edited (the text is stored in each file)
    for statement in _split(statements):
        db.execute(statement)
    _create_search_index(db)
    _set_version(db, 1)


def _create_search_index(db: Database) -> None:
    """One FTS5 trigram index over every searchable record, kept current by triggers.

    The trigram tokenizer finds substrings of three or more characters in any script (so
    Chinese works without word splitting); for shorter terms ``search_vocab`` lists the
    trigrams that start with them.
    """
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, ref_id UNINDEXED, thesis_id UNINDEXED, body, "
        "tokenize = 'trigram')"
    )
    db.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'row')")
    indexed = {
        "thesis": ("id", "new.title || ' ' || new.theme || ' ' || new.statement || ' ' || "
                         "new.horizon || ' ' || new.tags"),
        "catalyst": ("thesis_id", "new.title || ' ' || new.description || ' ' || new.expected "
                                  "|| ' ' || new.outcome"),
        "risk": ("thesis_id", "new.title || ' ' || new.description"),
        "company": ("NULL", "new.name || ' ' || new.local_name || ' ' || coalesce(new.ticker, '')"
                            " || ' ' || new.exchange || ' ' || new.country"),
        "source": ("NULL", "new.title || ' ' || new.publisher || ' ' || new.url || ' ' || "
                           "new.summary"),
    }
    for table, (thesis_col, body) in indexed.items():
        thesis_expr = thesis_col if thesis_col == "NULL" else f"new.{thesis_col}"
        # The trailing space puts every character at the start of some trigram, so a one- or
        # two-character term can be found through the index's vocabulary (see model/search.py).
        insert = (f"INSERT INTO search_index(rowid, kind, ref_id, thesis_id, body) "
                  f"VALUES ({_rowid(table)}, '{table}', new.id, {thesis_expr}, {body} || ' ');")
        delete = f"DELETE FROM search_index WHERE rowid = {_rowid(table, 'old')};"
        db.execute(f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN {insert} END")
        db.execute(f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN {delete} END")
        db.execute(f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN "
                   f"{delete} {insert} END")


_KIND_OFFSET = {"thesis": 1, "catalyst": 2, "risk": 3, "company": 4, "source": 5}


def _rowid(table: str, row: str = "new") -> str:
    # Interleave the tables' ids into one rowid space: id * 8 + kind.
    return f"({row}.id * 8 + {_KIND_OFFSET[table]})"


@migrations(name="m002_external_refs")
def m002_external_refs(db: Database) -> None:
    """A stable key for theses and catalysts that came from another tool (issue #7).

    Importing a market-catalyst-calendar dataset twice must change nothing, so each imported
    thesis and catalyst remembers the peer's id ("mcc:<id>"); NULL for everything made here.
    """
    for table in ("thesis", "catalyst"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN external_ref TEXT")
        db.execute(f"CREATE UNIQUE INDEX {table}_external_ref ON {table}(external_ref) "
                   f"WHERE external_ref IS NOT NULL")
    _set_version(db, 2)


@migrations(name="m003_search_vocab_for_first_release_files")
def m003_search_vocab_for_first_release_files(db: Database) -> None:
    """Files made by the first release (f215db2) have no ``search_vocab``: it was added to m001
    later, so upgraded files raised "no such table" on every short search (found by the
    committed v1 fixture, #6). Create it where it is missing."""
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_index, "
               "'row')")
    _set_version(db, 3)


# The record tables, parents first. Their ids become AUTOINCREMENT in m004.
_RECORD_TABLES = ("thesis", "company", "source", "beneficiary", "risk", "catalyst", "citation",
                  "history")


@migrations(name="m004_ids_never_reused_and_undone_history")
def m004_ids_never_reused_and_undone_history(db: Database) -> None:
    """Undo brings a deleted record back with its own id (#11), so an id, once used, must never
    be handed to a new record: the record tables become AUTOINCREMENT (SQLite otherwise reuses
    the highest id after it is deleted). And an undone change stays in the history, marked
    with ``undone_at``, instead of a second row saying "undo".

    SQLite cannot add AUTOINCREMENT to a table, so each is rebuilt the documented way (create
    the new table, copy, drop, rename, re-create its indexes and triggers) with foreign keys
    off (the store turns them off around migrations); the copy keeps every id, and the
    foreign-key check at the end refuses the step (rolled back) if a reference broke.
    """
    conn = db.conn
    if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("m004 rebuilds tables and must run with foreign keys off")
    for table in _RECORD_TABLES:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (table,)).fetchone()[0]
        rebuilt, n = re.subn(r"\bid INTEGER PRIMARY KEY\b(?! AUTOINCREMENT)",
                             "id INTEGER PRIMARY KEY AUTOINCREMENT", sql, count=1)
        if n != 1:
            raise RuntimeError(f"m004: unexpected definition of {table}: {sql[:80]}")
        rebuilt = re.sub(rf"^CREATE TABLE \"?{table}\"?", f'CREATE TABLE "{table}__m004"',
                         rebuilt, count=1)
        extras = [r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name", (table,))]
        columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f'PRAGMA table_info("{table}")'))
        conn.execute(rebuilt)
        conn.execute(f'INSERT INTO "{table}__m004" ({columns}) SELECT {columns} FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f'ALTER TABLE "{table}__m004" RENAME TO "{table}"')
        for statement in extras:
            conn.execute(statement)
    conn.execute("ALTER TABLE history ADD COLUMN undone_at TEXT")
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"m004 would break {len(broken)} reference(s): {broken[:3]}")
    _set_version(db, 4)


@migrations(name="m005_date_columns_take_dates_only")
def m005_date_columns_take_dates_only(db: Database) -> None:
    """The date columns refuse text that is no YYYY-MM-DD date, whoever writes it (a row from
    another SQLite tool would otherwise reach every view that reads its dates).

    The CHECKs cannot be mended without rebuilding the tables, so triggers do the work: an
    insert, or an update that changes the column, is aborted with a message naming the column.
    A value already stored is left exactly as it was (the user's data is not rewritten; the
    views read it as no date, and ``python main.py check`` names it).

    Undo puts rows back exactly as they were, such a value included: while it does, its
    transaction holds a row in ``undo_in_progress`` and the triggers let it through (else
    deleting a thesis that holds one could not be undone: the thesis would be lost).
    """
    db.execute("CREATE TABLE undo_in_progress (started_at TEXT NOT NULL)")
    for table, column, optional in DATE_COLUMNS:
        bad = f"NOT {is_date_sql('NEW.' + column)}"
        if optional:
            bad = f"NEW.{column} IS NOT NULL AND {bad}"
        bad += " AND NOT EXISTS (SELECT 1 FROM undo_in_progress)"
        message = f"{table}.{column} must be a date written YYYY-MM-DD"
        db.execute(f"CREATE TRIGGER {table}_{column}_is_a_date_insert BEFORE INSERT ON {table} "
                   f"WHEN {bad} BEGIN SELECT RAISE(ABORT, '{message}'); END")
        db.execute(f"CREATE TRIGGER {table}_{column}_is_a_date_update BEFORE UPDATE OF {column} "
                   f"ON {table} WHEN NEW.{column} IS NOT OLD.{column} AND {bad} "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
    _set_version(db, 5)


def _split(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies included)."""
    parts: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if current.strip() and sqlite3.complete_statement(current):
            parts.append(current.strip())
            current = ""
    return parts

