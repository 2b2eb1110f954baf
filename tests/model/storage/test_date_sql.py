"""model/storage/date_sql.py: the SQL that tells a stored date from text that is no date
(schema 5, #14). The triggers, ``check`` and the queries that place catalysts in time all use
it, so it must accept exactly the real YYYY-MM-DD days."""

from __future__ import annotations

import sqlite3

import pytest

from model.storage.date_sql import DATE_COLUMNS, PLACED, is_date_sql


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:")
    yield connection
    connection.close()


@pytest.mark.parametrize("value, is_date", [
    ("2026-11-24", True), ("2024-02-29", True), ("0001-01-01", True), ("9999-12-31", True),
    ("2026-02-30", False),          # date() gives it back unchanged; '+0 days' rolls it over
    ("2025-02-29", False), ("2026-13-01", False), ("2026-1-5", False), ("soon", False),
    ("2026-11-24 10:00:00", False), ("0000-01-01", False), ("", False), (None, False),
    (20261124, False),
])
def test_is_date_sql_is_one_for_real_days_only(conn, value, is_date):
    """Real YYYY-MM-DD days are dates; Feb 30, month 13, unpadded, timestamps, words and NULL are
    not (the m001 CHECKs let them all through)."""
    found = conn.execute(f"SELECT {is_date_sql(':v')}", {"v": value}).fetchone()[0]
    assert found == int(is_date)


def test_placed_needs_both_window_ends(conn):
    """A catalyst is placed in time only when both window ends are dates."""
    conn.execute("CREATE TABLE c (window_start TEXT, window_end TEXT)")
    conn.executemany("INSERT INTO c VALUES (?, ?)", [("2026-01-01", "2026-03-31"),
                                                     ("2026-01-01", "soon"),
                                                     ("H2 2026", "2026-12-31")])
    assert [r[0] for r in conn.execute(f"SELECT {PLACED} FROM c ORDER BY rowid")] == [1, 0, 0]


def test_every_date_column_of_the_schema_is_listed(tracker):
    """A date column missing here would get no trigger and no check: find them all by name
    (day, *_on, *_start, *_end, next_review) in a current database."""
    conn = sqlite3.connect(tracker.path)
    try:
        found = set()
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' "
                                     "AND name NOT LIKE '\\_%' ESCAPE '\\'"):
            for row in conn.execute(f'PRAGMA table_info("{table}")'):
                name, notnull = row[1], row[3]
                if name in ("day", "next_review") or name.endswith(("_on", "_start", "_end")):
                    found.add((table, name, not notnull))
    finally:
        conn.close()
    assert found == set(DATE_COLUMNS)
