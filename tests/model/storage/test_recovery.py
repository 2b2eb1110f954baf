"""model/storage/recovery.py: a database that will not open is diagnosed without writing it,
and recovered by moving it aside (never deleting it) and restoring the newest good backup;
a healthy or newer file is never moved (#2, #6, #14)."""

from __future__ import annotations

import sqlite3

import pytest

from model.errors import NewerSchemaError, NotFound, UserError
from model.service import Tracker
from model.storage import backup as backups
from model.storage.instance import AlreadyOpenError, InstanceLock
from model.storage.recovery import diagnose, recover, sha256
from tests.safety.helpers import fingerprint, make_newer


@pytest.fixture
def backed_up(db_path, clock):
    """The demo database with one verified backup, closed."""
    t = Tracker.open(db_path, seed_if_new=True, clock=clock)
    backup = t.backup()
    t.close()
    return db_path, backup


def _garble(path):
    with open(path, "r+b") as handle:
        handle.write(b"garbage garbage!")


def _bad_text(path):
    conn = sqlite3.connect(path)
    conn.execute("UPDATE thesis SET title = CAST(? AS TEXT) WHERE id = 1", (b"x \xff",))
    conn.commit()
    conn.close()


def test_diagnose_names_each_kind_and_never_writes(backed_up, tmp_path):
    """Healthy, missing, foreign and damaged files are told apart, with the backup to offer;
    diagnosing writes nothing."""
    db, backup = backed_up
    healthy = diagnose(db)
    assert (healthy.kind, healthy.newest_good_backup, healthy.recoverable) == ("ok", backup,
                                                                              False)
    assert diagnose(tmp_path / "none.sqlite3").kind == "missing"
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    assert diagnose(foreign).kind == "foreign" and diagnose(foreign).recoverable
    before = fingerprint(db)
    _garble(db)
    damaged = fingerprint(db)
    found = diagnose(db)
    assert found.kind == "corrupt" and found.recoverable and found.newest_good_backup == backup
    assert fingerprint(db) == damaged != before


def test_diagnose_tells_newer_and_bad_text_apart_from_damage(backed_up):
    """Bad text is repairable in place and a newer file is not damage: neither may be sent to the
    restore path."""
    db, _ = backed_up
    _bad_text(db)
    found = diagnose(db)
    assert found.kind == "text" and "1 text value(s) that are not valid UTF-8" in found.message
    assert "thesis 1 title" in found.message and found.recoverable
    conn = sqlite3.connect(db)
    make_newer(conn)
    conn.close()
    newer = diagnose(db)
    assert newer.kind == "newer" and not newer.recoverable


def test_recover_moves_the_damaged_file_aside_and_restores_the_newest_good_backup(backed_up):
    """The damaged file is kept aside (never deleted) and the restored copy is verified by its hash.
    """
    db, backup = backed_up
    _garble(db)
    damaged = db.read_bytes()
    result = recover(db)
    assert result.restored_from == backup and result.restored_sha256 == sha256(db)
    assert result.moved_aside.read_bytes() == damaged          # kept, not deleted
    assert result.moved_aside.name.startswith(db.name + ".damaged-")
    t = Tracker.open(db)
    try:
        assert t.theses.count() == 5
    finally:
        t.close()


def test_recover_repairs_bad_text_in_place_instead_of_going_back(backed_up, clock):
    """Text that is not UTF-8 is mended where it is: the work since the backup is kept."""
    db, _ = backed_up
    t = Tracker.open(db, clock=clock)
    t.theses.add(title="Written after the backup")
    t.close()
    _bad_text(db)
    result = recover(db)
    assert (result.repaired_cells, result.moved_aside, result.restored_from) == (1, None, None)
    t = Tracker.open(db, clock=clock)
    try:
        assert "Written after the backup" in [x.title for x in t.theses.all()]
    finally:
        t.close()


def test_recover_refuses_what_it_must_not_move(backed_up):
    """A healthy file, a file open in another app and a newer file are never moved aside."""
    db, _ = backed_up
    with pytest.raises(UserError, match="does not need recovering"):
        recover(db)
    with InstanceLock(db), pytest.raises(AlreadyOpenError, match="Cannot recover the database"):
        recover(db)
    conn = sqlite3.connect(db)
    make_newer(conn)
    conn.close()
    kept = fingerprint(db)
    with pytest.raises(NewerSchemaError, match="was not moved"):
        recover(db)
    assert fingerprint(db) == kept


def test_without_a_good_backup_the_file_stays_unless_starting_empty(tmp_path):
    """No backup: the file stays unless the user chose to start empty (then it is moved aside, not
    deleted)."""
    db = tmp_path / "lost.sqlite3"
    db.write_bytes(b"\x00" * 4096)
    with pytest.raises(NotFound, match="There is no good backup"):
        recover(db)
    assert db.exists()
    result = recover(db, start_empty=True)
    assert result.restored_from is None and result.moved_aside.exists() and not db.exists()


def test_a_chosen_backup_is_restored_instead_of_the_newest(backed_up, clock):
    """restore BACKUP brings back that backup, not the newest."""
    db, first = backed_up
    t = Tracker.open(db, clock=clock)
    t.theses.add(title="Only in the second backup")
    t.backup()
    t.close()
    assert backups.newest_good_backup(db) != first
    _garble(db)
    assert recover(db, first).restored_from == first
    t = Tracker.open(db, clock=clock)
    try:
        assert "Only in the second backup" not in [x.title for x in t.theses.all()]
    finally:
        t.close()
