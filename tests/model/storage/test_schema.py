"""model/storage/schema.py: the numbered migrations. Applied in order they bring any file to
SCHEMA_VERSION; each step records itself and the version together; the tables carry the rules
the service relies on (statuses, ids never reused, the search index kept by triggers)."""

from __future__ import annotations

import sqlite3

import pytest

from model.constants import SCHEMA_VERSION
from model.storage.schema import _split, migrations
from model.storage.store import load_sqlite_utils


@pytest.fixture
def migrated(tmp_path):
    sqlite_utils = load_sqlite_utils()
    db = sqlite_utils.Database(tmp_path / "m.sqlite3")
    db.execute("PRAGMA foreign_keys = OFF")
    migrations.apply(db)
    yield db
    db.close()


def test_the_steps_are_numbered_in_order_up_to_the_schema_version(migrated):
    """Each step is recorded by name in order and the file ends at SCHEMA_VERSION; a step renamed or
    reordered would run twice on released files."""
    names = [r[0] for r in migrated.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'thesis_tracker' "
        "ORDER BY id")]
    assert names == ["m001_initial_schema", "m002_external_refs",
                     "m003_search_vocab_for_first_release_files",
                     "m004_ids_never_reused_and_undone_history",
                     "m005_date_columns_take_dates_only"]
    assert len(names) == SCHEMA_VERSION
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_applying_again_changes_nothing(migrated):
    """Opening a current file runs no step again (a step running twice would fail or duplicate
    triggers)."""
    before = migrated.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    migrations.apply(migrated)
    assert migrated.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before


def test_ids_are_never_reused(migrated):
    """m004: a deleted record's id is never handed to a new one, so undo can bring it back
    with its own id (#11)."""
    conn = migrated.conn
    conn.execute("INSERT INTO thesis (title, created_at, updated_at) VALUES ('a', 'x', 'x')")
    conn.execute("INSERT INTO thesis (title, created_at, updated_at) VALUES ('b', 'x', 'x')")
    conn.execute("DELETE FROM thesis WHERE id = 2")
    conn.execute("INSERT INTO thesis (title, created_at, updated_at) VALUES ('c', 'x', 'x')")
    assert [r[0] for r in conn.execute("SELECT id FROM thesis ORDER BY id")] == [1, 3]
    assert "undone_at" in [r[1] for r in conn.execute("PRAGMA table_info(history)")]


def test_the_search_index_follows_inserts_updates_and_deletes(migrated):
    """The triggers keep the FTS index current: a renamed thesis is found by its new title and not
    by its old one."""
    conn = migrated.conn
    conn.execute("INSERT INTO thesis (title, created_at, updated_at) "
                 "VALUES ('光模块 upcycle', 'x', 'x')")

    def found(word):
        return conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                            (f'"{word}"',)).fetchone()[0]
    assert found("光模块") == 1
    conn.execute("UPDATE thesis SET title = 'silicon photonics'")
    assert (found("光模块"), found("photonics")) == (0, 1)
    conn.execute("DELETE FROM thesis")
    assert found("photonics") == 0


@pytest.mark.parametrize("statement", [
    "INSERT INTO thesis (title, created_at, updated_at) VALUES ('   ', 'x', 'x')",
    "INSERT INTO thesis (title, conviction, created_at, updated_at) VALUES ('t', 6, 'x', 'x')",
    "INSERT INTO thesis (title, status, created_at, updated_at) VALUES ('t', 'zombie', 'x', 'x')",
    "INSERT INTO thesis (title, review_cadence_days, created_at, updated_at) "
    "VALUES ('t', 0, 'x', 'x')",
    "INSERT INTO company (name) VALUES ('')",
])
def test_the_tables_refuse_what_the_service_would(migrated, statement):
    """Blank titles, unknown statuses and out-of-range numbers are refused by the database itself,
    whoever writes."""
    with pytest.raises(sqlite3.IntegrityError):
        migrated.conn.execute(statement)


@pytest.mark.parametrize("value", ["soon", "2026-13-01", "2026-02-30", "2026-1-5", ""])
def test_date_columns_refuse_text_that_is_no_date(migrated, value):
    """m005: whoever writes the file, a date column takes only a real YYYY-MM-DD day (m001's
    CHECK (date(x) = x) let any text through: date('soon') is NULL and a NULL check passes),
    so a row written by another tool cannot crash every view that reads its dates."""
    conn = migrated.conn
    with pytest.raises(sqlite3.IntegrityError, match="thesis.next_review must be a date"):
        conn.execute("INSERT INTO thesis (title, next_review, created_at, updated_at) "
                     "VALUES ('t', ?, 'x', 'x')", (value,))
    conn.execute("INSERT INTO thesis (title, next_review, created_at, updated_at) "
                 "VALUES ('t', NULL, 'x', 'x')")          # optional: none is allowed
    with pytest.raises(sqlite3.IntegrityError, match="thesis.next_review must be a date"):
        conn.execute("UPDATE thesis SET next_review = ?", (value,))
    conn.execute("UPDATE thesis SET next_review = '2026-02-28'")


def test_required_date_columns_refuse_none_as_well(migrated):
    """A price row needs a real day: a word there would break every chart of the company."""
    conn = migrated.conn
    conn.execute("INSERT INTO company (name) VALUES ('c')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO price (company_id, day, close) VALUES (1, 'today', 1.0)")
    conn.execute("INSERT INTO price (company_id, day, close) VALUES (1, '2024-01-02', 1.0)")


def test_m004_refuses_to_run_with_foreign_keys_on(tmp_path):
    """It rebuilds tables; with foreign keys on, dropping a parent would cascade-delete."""
    sqlite_utils = load_sqlite_utils()
    db = sqlite_utils.Database(tmp_path / "m.sqlite3")
    try:
        db.execute("PRAGMA foreign_keys = OFF")
        from model.storage.schema import (
            m001_initial_schema,
            m004_ids_never_reused_and_undone_history,
        )
        m001_initial_schema(db)
        db.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(RuntimeError, match="foreign keys off"):
            m004_ids_never_reused_and_undone_history(db)
    finally:
        db.close()


def test_split_keeps_trigger_bodies_whole():
    """A script is split at complete statements: a trigger body's inner semicolons must not cut it.
    """
    script = ("CREATE TABLE t (x);\n"
              "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
              "\nCREATE INDEX i ON t(x);\n")
    parts = _split(script)
    assert len(parts) == 3 and parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;")
