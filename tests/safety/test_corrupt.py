"""Promise 3 of #6: corrupt or foreign files are never written to; each gets a clear message; the
bad file is moved aside (never deleted) and the newest backup passing integrity_check comes back."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from model.errors import CorruptDatabaseError, NewerSchemaError, StoreError, UserError
from model.service import Tracker
from model.storage import backup as backups
from model.storage import recovery
from tests.safety.helpers import connect, dump, fingerprint, make_newer, sha256


@pytest.fixture
def saved(tmp_path, clock):
    """A healthy database with two verified backups; the newer one holds one more thesis."""
    db = tmp_path / "my theses.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    older = tracker.backup()
    time.sleep(0.01)
    tracker.theses.add(title="only in the newest backup")
    newest = tracker.backup()
    tracker.close()
    assert backups.list_backups(db)[0].path == newest
    return db, older, newest


def page_size(raw: bytes) -> int:
    size = int.from_bytes(raw[16:18], "big")
    return 65536 if size == 1 else size


def used_pages(db: Path) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        return sorted({r[0] for r in conn.execute("SELECT pageno FROM dbstat")})
    finally:
        conn.close()


def flip_page_header(raw: bytes, pageno: int) -> bytes:
    size = page_size(raw)
    at = (pageno - 1) * size + (100 if pageno == 1 else 0)
    data = bytearray(raw)
    for i in range(at, at + 8):
        data[i] ^= 0xA5
    return bytes(data)


def stray_wal(db: Path, tmp_path: Path) -> None:
    """Copy beside ``db`` the live -wal of a different Thesis Tracker database."""
    other = tmp_path / "elsewhere" / "other.sqlite3"
    other.parent.mkdir()
    Tracker.open(other).close()
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.executemany("INSERT INTO company (name) VALUES (?)", [("x" * 3000,)] * 50)
    conn.commit()
    shutil.copyfile(str(other) + "-wal", str(db) + "-wal")   # while it is still un-checkpointed
    conn.close()


def zip_file(db: Path) -> None:
    db.unlink()
    with zipfile.ZipFile(db, "w") as archive:
        archive.writestr("theses.csv", "thesis,title,expected\n" * 50)


MATRIX = {
    "empty file": (lambda db, raw, tmp: db.write_bytes(b""), "is empty"),
    "random bytes": (lambda db, raw, tmp: db.write_bytes(os.urandom(len(raw))), "not SQLite"),
    "truncated file": (lambda db, raw, tmp: db.write_bytes(raw[:len(raw) // 2 + 123]),
                       "truncated"),
    "flipped bytes inside a page": (
        lambda db, raw, tmp: db.write_bytes(flip_page_header(raw, len(raw) // page_size(raw) // 2)),
        "damaged"),
    "damaged header": (lambda db, raw, tmp: db.write_bytes(raw[:16] + b"\xff" * 8 + raw[24:]),
                       "damaged header"),
    "stray -wal from another database": (lambda db, raw, tmp: stray_wal(db, tmp), "damaged"),
    "ZIP renamed to .db": (lambda db, raw, tmp: zip_file(db), "ZIP archive"),
}


@pytest.mark.parametrize("case", list(MATRIX))
def test_damaged_file_is_refused_untouched_then_recovered_from_newest_good_backup(
        case, saved, tmp_path):
    """Each kind of damage gets a clear message naming the file and the backup to restore;
    the damaged bytes are not changed by opening; accepting recovery renames the file (with
    its -wal) aside with a timestamp and restores a copy equal to the newest good backup.
    Otherwise opening a damaged file could write over what is left of the user's work (#6)."""
    db, older, newest = saved
    mutate, words = MATRIX[case]
    mutate(db, db.read_bytes(), tmp_path)
    damaged = fingerprint(db)
    wal = Path(str(db) + "-wal")
    damaged_wal = wal.read_bytes() if wal.exists() else None

    with pytest.raises(StoreError) as caught:
        Tracker.open(db)
    message = str(caught.value)
    assert words in message and str(db) in message
    assert str(newest) in message and "python main.py restore" in message
    assert fingerprint(db) == damaged, "opening wrote to the damaged file"

    found = recovery.diagnose(db)
    assert found.recoverable and found.newest_good_backup == newest
    assert fingerprint(db) == damaged

    result = recovery.recover(db)
    assert re.fullmatch(r"my theses\.sqlite3\.damaged-\d{8}-\d{6}", result.moved_aside.name)
    assert sha256(result.moved_aside) == damaged[0]          # kept, byte for byte
    if damaged_wal is not None:
        assert Path(str(result.moved_aside) + "-wal").read_bytes() == damaged_wal
    assert result.restored_from == newest
    assert sha256(db) == sha256(newest) == result.restored_sha256
    assert dump(db) == dump(newest)
    tracker = Tracker.open(db)
    try:
        assert "only in the newest backup" in [t.title for t in tracker.theses.all()]
    finally:
        tracker.close()


def test_every_used_page_with_a_flipped_header_is_caught(saved, tmp_path):
    """Damage to any in-use page's b-tree header (page 1 included) is refused on open with the
    file unchanged. (Flips inside record payloads cannot be detected: SQLite keeps no page
    checksums; free pages hold nothing.) (#6)"""
    db = saved[0]
    raw = db.read_bytes()
    pages = used_pages(db)
    assert len(pages) > 20
    probe = tmp_path / "probe.sqlite3"
    for pageno in pages:
        probe.write_bytes(flip_page_header(raw, pageno))
        before = fingerprint(probe)
        with pytest.raises(CorruptDatabaseError):
            Tracker.open(probe, daily_backup=False)
        assert fingerprint(probe) == before, pageno
        for suffix in ("-wal", "-shm"):
            Path(str(probe) + suffix).unlink(missing_ok=True)


def test_recovery_skips_a_newest_backup_that_fails_integrity_check(saved):
    """When the newest backup is itself damaged, the newest one that passes integrity_check is
    offered and restored; never a damaged copy (#6)."""
    db, older, newest = saved
    newest.write_bytes(flip_page_header(newest.read_bytes(), 3))
    db.write_bytes(b"")
    assert recovery.diagnose(db).newest_good_backup == older
    result = recovery.recover(db)
    assert result.restored_from == older and sha256(db) == sha256(older)


def test_newer_schema_is_refused_with_hash_and_mtime_unchanged(saved):
    """A file from a newer Thesis Tracker is not opened, not upgraded, not "recovered": its
    hash and mtime stay the same, and the message says to update (#6)."""
    db = saved[0]
    conn = connect(db)
    make_newer(conn)
    conn.close()
    before = fingerprint(db)
    with pytest.raises(NewerSchemaError, match="newer Thesis Tracker.*999"):
        Tracker.open(db)
    with pytest.raises(NewerSchemaError):
        Tracker.open(db, readonly=True)
    assert recovery.diagnose(db).kind == "newer"
    with pytest.raises(NewerSchemaError, match="not moved"):
        recovery.recover(db)
    assert fingerprint(db) == before
    assert not list(db.parent.glob("*.damaged-*"))


def test_newer_schema_waiting_in_the_wal_is_refused_untouched(saved):
    """A newer version's change still in the -wal (header not yet updated) is seen through a
    read-only connection: neither the file nor the -wal is written (#6)."""
    db = saved[0]
    holder = connect(db)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    make_newer(holder)
    wal = Path(str(db) + "-wal")
    saved_wal = wal.read_bytes()
    holder_copy = db.with_name("copy.sqlite3")
    shutil.copyfile(db, holder_copy)
    shutil.copyfile(wal, str(holder_copy) + "-wal")
    holder.close()
    before = (fingerprint(holder_copy), saved_wal)
    with pytest.raises(NewerSchemaError):
        Tracker.open(holder_copy)
    assert (fingerprint(holder_copy), Path(str(holder_copy) + "-wal").read_bytes()) == before


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    """Somebody else's SQLite database chosen by mistake is refused without switching it to WAL
    or adding our tables (#6)."""
    db = tmp_path / "firefox-places.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = fingerprint(db)
    with pytest.raises(StoreError, match="not a Thesis Tracker one"):
        Tracker.open(db)
    assert fingerprint(db) == before
    assert recovery.diagnose(db).kind == "foreign"


def test_recover_refuses_a_healthy_file_and_a_missing_backup(saved, tmp_path):
    """Recovery never moves a healthy database, and without a good backup leaves the damaged
    file in place unless the user chose to start empty (#6)."""
    db = saved[0]
    with pytest.raises(UserError, match="does not need recovering"):
        recovery.recover(db)
    lonely = tmp_path / "lonely" / "t.sqlite3"
    lonely.parent.mkdir()
    lonely.write_bytes(b"garbage" * 100)
    with pytest.raises(UserError, match="no good backup"):
        recovery.recover(lonely)
    assert lonely.read_bytes() == b"garbage" * 100
    result = recovery.recover(lonely, start_empty=True)
    assert result.moved_aside.read_bytes() == b"garbage" * 100 and not lonely.exists()


def test_two_move_asides_in_one_second_never_overwrite(tmp_path):
    """The timestamped name gets a counter: a second damaged file in the same second must not
    replace the first one kept aside (#6)."""
    db = tmp_path / "t.sqlite3"
    db.write_bytes(b"first")
    first = backups.move_aside(db)
    db.write_bytes(b"second")
    second = backups.move_aside(db)
    assert first != second
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"


def test_restore_moves_a_leftover_wal_aside_even_without_a_database(saved):
    """A -wal left behind without its database would be replayed into the restored file;
    restore moves it aside first (#6)."""
    db, older, newest = saved
    db.unlink()
    Path(str(db) + "-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 28)
    backups.restore(db, newest)
    assert not Path(str(db) + "-wal").exists()
    assert dump(db) == dump(newest)


def test_cli_restore_list_and_restore_newest(saved, capsys):
    """`restore --list` lists the backups; `restore` with no file puts back the newest good one
    and says where the replaced file went (#6)."""
    import main
    db, older, newest = saved
    db.write_bytes(b"")
    assert main.main(["--db", str(db), "restore", "--list"]) == 0
    listing = capsys.readouterr().out
    assert str(newest) in listing and str(older) in listing
    assert main.main(["--db", str(db), "restore"]) == 0
    said = capsys.readouterr().out
    assert f"from {newest}" in said and ".damaged-" in said
    assert sha256(db) == sha256(newest)
