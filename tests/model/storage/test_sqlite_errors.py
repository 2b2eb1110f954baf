"""model/storage/sqlite_errors.py: SQLite's errors become ones a user can act on (#2, #6):
busy -> retry, read-only -> where, full -> free space, damaged -> the backup offer; and a
refused change says nothing was changed."""

from __future__ import annotations

import sqlite3

import pytest

from model.errors import (
    CorruptDatabaseError,
    DiskFullError,
    LockedError,
    ReadOnlyError,
    StoreError,
    ValidationError,
)
from model.storage.sqlite_errors import one_line, translate_error, translated


@pytest.mark.parametrize("text, cls, words", [
    ("database is locked", LockedError, "busy"),
    ("database table is locked", LockedError, "Retry in a moment"),
    ("attempt to write a readonly database", ReadOnlyError, "read-only"),
    ("database or disk is full", DiskFullError, "is full"),
    ("database disk image is malformed", CorruptDatabaseError, "damaged"),
    ("file is not a database", CorruptDatabaseError, "damaged (file is not a database)"),
    ("Could not decode to UTF-8 column 'title'", CorruptDatabaseError, "--repair mends it"),
    ("unable to open database file", StoreError, "cannot be opened or read"),
    ("disk I/O error", StoreError, "cannot be opened or read"),
    ("no such table: nope", StoreError, "could not do this: no such table"),
])
def test_each_error_becomes_the_one_to_act_on(text, cls, words):
    """Busy -> retry, read-only -> where, full -> free space, damaged -> restore, each naming the
    file; a raw sqlite3 message would tell the user nothing (#2, #6)."""
    error = translate_error(sqlite3.OperationalError(text), "/data/t.sqlite3")
    assert type(error) is cls and words in str(error)
    assert "(/data/t.sqlite3)" in str(error)


def test_a_damaged_file_error_names_the_path_for_the_restore_offer():
    """The damaged-database dialog needs the path; without a path the message does not pretend to
    have one."""
    error = translate_error(sqlite3.DatabaseError("database disk image is malformed"), "/x.db")
    assert error.path == "/x.db"
    assert "(" not in str(translate_error(sqlite3.OperationalError("locked"))).split("busy")[0]


def test_one_line_joins_a_multi_line_report():
    """integrity_check reports span lines; a message on stderr is one line."""
    assert one_line("row 1 missing\n  from index\tthesis") == "row 1 missing from index thesis"


def test_translated_turns_a_broken_rule_into_a_validation_error():
    """A CHECK or UNIQUE failure is the value's fault (a ValidationError, shown as such); other
    SQLite errors are store errors; anything else passes through untouched."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT NOT NULL CHECK (length(x) > 0))")
    with pytest.raises(ValidationError, match="breaks a rule of the database") as info, \
            translated("/x.db"):
        conn.execute("INSERT INTO t VALUES ('')")
    assert isinstance(info.value.__cause__, sqlite3.IntegrityError)
    with pytest.raises(StoreError, match="no such table"), translated():
        conn.execute("SELECT * FROM missing")
    with translated():
        conn.execute("INSERT INTO t VALUES ('ok')")      # no error: nothing raised
    with pytest.raises(KeyError), translated():
        raise KeyError("not SQLite's: passes through")
