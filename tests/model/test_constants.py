"""model/constants.py: the statuses every layer shares and the schema version. They are written
into the schema's CHECK constraints when a file is created, so the constants and the database
must agree: a status added here but not in the schema is refused by every write."""

from __future__ import annotations

import sqlite3

import pytest

from model.constants import (
    CATALYST_STATUSES,
    RISK_STATUSES,
    SCHEMA_VERSION,
    SETTLED_STATUSES,
    THESIS_STATUSES,
)


def test_settled_statuses_are_thesis_statuses():
    """Reviews stop coming due for settled theses; a settled status that is no thesis status
    would silently keep every thesis's reviews due."""
    assert set(SETTLED_STATUSES) <= set(THESIS_STATUSES)
    assert "active" not in SETTLED_STATUSES and "draft" not in SETTLED_STATUSES


def test_defaults_come_first():
    """The schema's defaults (a new thesis is a draft, a new catalyst pending, a new risk
    open) are the first of each tuple, which the GUI offers first."""
    assert (THESIS_STATUSES[0], CATALYST_STATUSES[0], RISK_STATUSES[0]) == (
        "draft", "pending", "open")


def test_a_new_database_is_at_the_current_schema_version(empty_tracker):
    """A new file is made at SCHEMA_VERSION: an older number would run migrations on every open, a
    newer one would be refused."""
    assert empty_tracker.store.schema_version == SCHEMA_VERSION
    conn = sqlite3.connect(empty_tracker.path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


@pytest.mark.parametrize("table, statuses, insert", [
    ("thesis", THESIS_STATUSES,
     "INSERT INTO thesis (title, status, created_at, updated_at) VALUES ('t', ?, 'x', 'x')"),
    ("catalyst", CATALYST_STATUSES,
     "INSERT INTO catalyst (thesis_id, title, expected, window_start, window_end, precision, "
     "status, created_at) VALUES (1, 'c', '2026', '2026-01-01', '2026-12-31', 'year', ?, 'x')"),
    ("risk", RISK_STATUSES, "INSERT INTO risk (thesis_id, title, status) VALUES (1, 'r', ?)"),
])
def test_the_schema_accepts_exactly_these_statuses(tracker, table, statuses, insert):
    """Every status here can be stored, and a word that is not one is refused by the
    database itself (the CHECK constraint built from these tuples)."""
    conn = sqlite3.connect(tracker.path)
    try:
        for status in statuses:
            conn.execute(insert, (status,))
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(insert, ("someday",))
    finally:
        conn.rollback()
        conn.close()
