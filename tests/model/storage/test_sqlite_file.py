"""model/storage/sqlite_file.py: what a file's first 100 bytes say, so a file that is not a
healthy database is refused with what it is (#6, #14), and the URI that opens any path."""

from __future__ import annotations

import sqlite3
import urllib.parse

import pytest

from model.storage.sqlite_file import SQLITE_HEADER, header_problem, name_digest, sqlite_uri


def _database(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 50)
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_a_healthy_database_has_no_problem(tmp_path):
    """A real database's header passes, or every open would refuse it."""
    raw = _database(tmp_path / "ok.sqlite3")
    assert header_problem(tmp_path / "ok.sqlite3", raw[:100], len(raw)) is None


@pytest.mark.parametrize("head, what", [
    (b"", "is empty (0 bytes)"),
    (b"PK\x03\x04rest", "a ZIP archive"),
    (b"%PDF-1.7", "a PDF"),
    (b"\x1f\x8b\x08", "a gzip archive"),
    (b'{"format": 1}', "a JSON file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite forXXX", "damaged header (the SQLite signature is broken)"),
    (b"thesis,title\n", "not SQLite"),
    (SQLITE_HEADER + b"\x10\x00", "is truncated (18 bytes"),
])
def test_foreign_damaged_and_truncated_headers_say_what_they_are(tmp_path, head, what):
    """A ZIP, PDF, JSON or text file renamed .sqlite3 is named for what it is instead of 'file is
    not a database' (#14)."""
    assert what in header_problem(tmp_path / "x", head, len(head))


def test_a_header_with_an_impossible_page_size_is_damaged(tmp_path):
    """Header fields SQLite would trust are checked: garbage there is damage, not a newer version.
    """
    raw = bytearray(_database(tmp_path / "ok.sqlite3")[:100])
    raw[16:18] = (1000).to_bytes(2, "big")          # not a power of two
    assert header_problem(tmp_path / "x", bytes(raw), 100_000) == "has a damaged header"


def test_a_file_shorter_than_its_header_says_is_truncated(tmp_path):
    """A file cut short (a failed copy) is named truncated, unless its -wal may hold the rest."""
    path = tmp_path / "cut.sqlite3"
    raw = _database(path)
    cut = raw[: len(raw) // 2]
    path.write_bytes(cut)
    problem = header_problem(path, cut[:100], len(cut))
    assert problem.startswith("is truncated") and f"{len(raw):,}" in problem
    (tmp_path / "cut.sqlite3-wal").write_bytes(b"x" * 10)
    assert header_problem(path, cut[:100], len(cut)) is None      # newer pages may be there


def test_the_uri_quotes_characters_that_would_end_the_path(tmp_path):
    """'?' or '#' in a folder name must not end the path inside the file: URI (the database would be
    made elsewhere)."""
    folder = tmp_path / "a?b#c d%"
    folder.mkdir()
    uri = sqlite_uri(folder / "t.sqlite3", "rwc")
    assert uri.startswith("file:") and uri.endswith("?mode=rwc") and uri.count("?") == 1
    assert urllib.parse.unquote(uri[5:-9]) == str((folder / "t.sqlite3").resolve())
    conn = sqlite3.connect(uri, uri=True)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert (folder / "t.sqlite3").exists()


def test_name_digest_is_short_stable_and_distinct():
    """Hashed names of files beside a long-named database must be the same each time and differ
    between databases."""
    assert name_digest("theses", 10) == name_digest("theses", 10)
    assert len(name_digest("theses", 16)) == 16 and name_digest("a", 10) != name_digest("b", 10)
    assert name_digest("bad \udcff name", 8)            # undecodable names too
