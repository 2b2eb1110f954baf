"""Recognising our files by their tables (model/storage/identity.py, #14 items 3, 7, 16)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from model.constants import SCHEMA_VERSION
from model.service import Tracker
from model.storage.identity import expected_columns, identify

FIXTURES = Path(__file__).resolve().parents[2] / "safety" / "fixtures"


def test_a_new_database_has_exactly_the_columns_identity_expects(db_path):
    """A migration that adds a column must add it to identity's list too, or every file of the
    new version would be called damaged; this fails first (#14)."""
    Tracker.open(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        for table, names in expected_columns(SCHEMA_VERSION).items():
            assert tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')) == names
        assert identify(conn).kind == "ours"
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("v*.sqlite3")), ids=lambda p: p.stem)
def test_every_released_version_is_recognised_as_ours(fixture, tmp_path):
    """Committed files of each released schema are ours at their own version (#14)."""
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    conn = sqlite3.connect(copy)
    try:
        found = identify(conn)
    finally:
        conn.close()
    assert found.kind == "ours" and found.version == int(fixture.stem[1:])


def test_a_renamed_column_is_a_damaged_schema(db_path):
    """A flipped byte that renames ``url`` to ``uzl`` in the schema text reads fine to SQLite
    but breaks every query naming the column: damage, not "ours" (#14 item 6)."""
    Tracker.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE source RENAME COLUMN url TO uzl")
    conn.commit()
    assert identify(conn).kind == "damaged-schema"
    conn.close()
