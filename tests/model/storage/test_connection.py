"""model/storage/connection.py: reads never fail on a text cell that is not valid UTF-8
(#14 item 5). The connection decodes strictly until the first bad cell, then leniently, and
every way of reading rows (iterating, fetchone, fetchmany, fetchall) goes on past it."""

from __future__ import annotations

import sqlite3

import pytest

from model.storage.connection import (
    TolerantConnection,
    connect,
    lenient_text,
    undecodable,
)

ROWS = ["first", b"bad \xff\xfe text", "third", "fourth"]


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "t.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    for i, value in enumerate(ROWS, 1):
        if isinstance(value, bytes):
            conn.execute("INSERT INTO t VALUES (?, CAST(? AS TEXT))", (i, value))
        else:
            conn.execute("INSERT INTO t VALUES (?, ?)", (i, value))
    conn.commit()
    conn.close()
    return path


EXPECTED = [(1, "first"), (2, "bad \ufffd\ufffd text"), (3, "third"), (4, "fourth")]


def test_a_plain_connection_fails_where_this_one_reads_on(path):
    """One cell that is not UTF-8 made every read of its table fail; the tolerant connection reads
    it as U+FFFD and notes it (#14 item 5)."""
    plain = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError) as info:
        plain.execute("SELECT * FROM t ORDER BY id").fetchall()
    assert undecodable(info.value)
    plain.close()
    conn = connect(path, "ro", timeout=1)
    assert isinstance(conn, TolerantConnection) and not conn.bad_text_seen
    assert conn.execute("SELECT * FROM t ORDER BY id").fetchall() == EXPECTED
    assert conn.bad_text_seen
    conn.close()


@pytest.mark.parametrize("read", [
    lambda cur: list(cur),
    lambda cur: [cur.fetchone() for _ in range(4)],
    lambda cur: cur.fetchmany(2) + cur.fetchmany(10),
    lambda cur: [cur.fetchone()] + cur.fetchall(),
])
def test_every_way_of_reading_goes_past_the_bad_cell(path, read):
    """Iterating, fetchone, fetchmany and fetchall all return every row, the bad cell replaced, none
    lost or repeated."""
    conn = connect(path, "ro", timeout=1)
    try:
        assert read(conn.execute("SELECT * FROM t ORDER BY id")) == EXPECTED
    finally:
        conn.close()


def test_a_cursor_made_by_hand_tolerates_too(path):
    """Code that makes its own cursor gets the same tolerance."""
    conn = connect(path, "ro", timeout=1)
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT body FROM t WHERE id = ?", (2,))
        assert cursor.fetchone() == ("bad \ufffd\ufffd text",)
    finally:
        conn.close()


def test_other_errors_are_not_swallowed(path):
    """Only the decoding error is tolerated: a missing table or a refused write still raises."""
    conn = connect(path, "ro", timeout=1)
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            conn.execute("SELECT * FROM missing")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("INSERT INTO t VALUES (9, 'x')")
        assert not conn.bad_text_seen
    finally:
        conn.close()


def test_modes_and_lenient_text(tmp_path):
    """ro refuses a missing file, rwc creates one; lenient decoding replaces only the bad bytes."""
    with pytest.raises(sqlite3.OperationalError):
        connect(tmp_path / "missing.sqlite3", "ro", timeout=1)
    created = connect(tmp_path / "new.sqlite3", "rwc", timeout=1)
    created.close()
    assert (tmp_path / "new.sqlite3").exists()
    assert lenient_text(b"ok \xff") == "ok \ufffd"
    assert not undecodable(ValueError("Could not decode to UTF-8"))


def test_an_error_quoting_damaged_schema_bytes_is_a_readable_damage_error(tmp_path):
    """A flipped byte turned a trigger's "body" into b"\\xd5ody": SQLite's error names the
    column, and Python raised UnicodeDecodeError decoding the message itself (a traceback
    from `tick` in the byte-flip sweep, seed 1096). It is a DatabaseError saying "malformed",
    readable, for every way of running a statement."""
    path = tmp_path / "t.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, status TEXT)")
    conn.execute("CREATE TABLE log (body TEXT)")
    conn.execute("CREATE TRIGGER t_log AFTER UPDATE ON t BEGIN "
                 "INSERT INTO log (body) VALUES (NEW.status); END")
    conn.execute("INSERT INTO t VALUES (1, 'pending')")
    conn.commit()
    conn.close()
    raw = path.read_bytes()
    assert raw.count(b"log (body)") == 1
    path.write_bytes(raw.replace(b"log (body)", b"log (\xd5ody)"))
    conn = connect(path, "rw", timeout=1)
    try:
        with pytest.raises(UnicodeDecodeError):      # what a plain cursor does
            sqlite3.Cursor(conn).execute("UPDATE t SET status = 'done'")
        for run in (lambda: conn.execute("UPDATE t SET status = 'done'"),
                    lambda: conn.cursor().execute("UPDATE t SET status = 'done'"),
                    lambda: conn.executemany("UPDATE t SET status = ?", [("done",)])):
            with pytest.raises(sqlite3.DatabaseError, match="malformed.*no column named \ufffdody"):
                run()
    finally:
        conn.close()
    from model.errors import CorruptDatabaseError
    from model.storage.sqlite_errors import translate_error
    assert isinstance(translate_error(sqlite3.DatabaseError("malformed database: x")),
                      CorruptDatabaseError)
