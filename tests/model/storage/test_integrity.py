"""model/storage/integrity.py: the full integrity check the open-time check skips (#14 item 4),
noted so it runs once a day, and text cells that are not valid UTF-8, listed and repaired
after a backup (#14 item 5)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from model.errors import ReadOnlyError
from model.service import Tracker
from model.storage import backup as backups
from model.storage import clean_close, integrity
from model.storage.integrity import (
    FullCheck,
    bad_dates,
    full_check_due,
    last_full_check,
    mark_damaged,
    note_path,
    record_passed,
    repair_text,
    run_full_check,
    undecodable_cells,
)
from tests.safety.test_damaged_files import damage_an_index

NOW = dt.datetime(2026, 11, 24, 12, 0)


def _bad_text(path, table="thesis", column="title", row=1, raw=b"Big \xff light"):
    """Bytes that are not UTF-8 in one cell, as a flipped byte or another tool leaves them
    (the history trigger is lifted for the write and put back)."""
    conn = sqlite3.connect(path)
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                           "'history_append_only'").fetchone()[0]
    conn.execute("DROP TRIGGER history_append_only")
    conn.execute(f"UPDATE {table} SET {column} = CAST(? AS TEXT) WHERE id = ?", (raw, row))
    conn.execute(trigger)
    conn.commit()
    conn.close()


def test_a_healthy_file_passes_and_the_pass_is_noted(tracker):
    """A pass is noted beside the backups, so the daily full check does not run again today."""
    result = run_full_check(tracker.path)
    assert result.ok and result.problems == [] and result.newest_good_backup is None
    assert "passed its full integrity check" in result.message
    assert note_path(tracker.path).parent == tracker.path.parent / "backups"
    assert last_full_check(tracker.path) == result.checked_at
    assert not full_check_due(tracker.path)


def test_index_damage_fails_naming_the_problem_and_the_backup(tracker):
    """Index damage quick_check misses fails the full check, which names the newest good backup; a
    failure is not noted as a pass (#14 item 4)."""
    backup = tracker.backup()
    path = tracker.path
    tracker.close()
    damage_an_index(path)
    result = run_full_check(path)
    assert not result.ok and result.problems and result.newest_good_backup == backup
    assert "failed its full integrity check" in result.message
    assert "open read-only" in result.message and str(backup) in result.message
    assert last_full_check(path) is None and full_check_due(path)     # failures are not a pass


def test_a_file_that_cannot_be_read_is_a_failed_check_not_an_exception(tmp_path):
    """A file that is no database fails the check with the reason; it never raises into the caller.
    """
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"not a database " * 100)
    result = run_full_check(path)
    assert not result.ok and result.problems[0].startswith("cannot be read")


def test_a_busy_file_is_no_verdict(tmp_path, monkeypatch):
    """A check that could not run (locked) neither fails the file nor counts as a pass."""
    def busy(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")
    monkeypatch.setattr(integrity.sqlite3, "connect", busy)
    result = run_full_check(tmp_path / "t.sqlite3")
    assert result.ok and last_full_check(tmp_path / "t.sqlite3") is None


def test_the_check_is_due_once_a_day(tmp_path):
    """Due when never run, a day after the last pass, or when the clock went back; not again the
    same day; an unreadable note means due."""
    db = tmp_path / "t.sqlite3"
    assert full_check_due(db)                                   # never checked
    record_passed(db)
    assert not full_check_due(db)
    when = last_full_check(db)
    assert full_check_due(db, now=when + dt.timedelta(days=1, seconds=1))
    assert full_check_due(db, now=when - dt.timedelta(hours=1))     # clock went back
    assert not full_check_due(db, now=when + dt.timedelta(hours=3))
    note_path(db).write_text("{broken", encoding="utf-8")
    assert last_full_check(db) is None and full_check_due(db)


def test_the_message_lists_three_problems_and_counts_the_rest(tmp_path):
    """The message stays readable however many problems integrity_check finds, and says when there
    is no backup."""
    check = FullCheck(tmp_path / "t.sqlite3", False, [f"p{i}" for i in range(5)], NOW)
    assert "(p0; p1; p2 (and 2 more))" in check.message
    assert "No verified backup was found." in check.message


def test_mark_damaged_makes_the_store_read_only_with_the_reason(tracker):
    """Every write is refused, reads go on, and the clean-close note goes: the next open
    must not skip its check on the strength of it."""
    clean_close._note(tracker.path).parent.mkdir(exist_ok=True)
    clean_close._note(tracker.path).write_text("{}", encoding="utf-8")
    check = FullCheck(tracker.path, False, ["index broken"], NOW)
    mark_damaged(tracker.store, check)
    mark_damaged(tracker.store, check)                    # the warning is listed once
    assert tracker.readonly and tracker.damage == check.message
    assert tracker.warnings.count(check.message) == 1
    with pytest.raises(ReadOnlyError):
        tracker.theses.add(title="refused")
    assert tracker.theses.count() == 5                    # reads go on
    assert not clean_close._note(tracker.path).exists()


def test_undecodable_cells_are_found_in_every_record_table(tracker):
    """check lists each text cell that is not UTF-8 by table, row and column, and leaves the
    connection's decoding as it was."""
    path = tracker.path
    tracker.close()
    _bad_text(path)
    _bad_text(path, table="catalyst", column="outcome", row=2, raw=b"\xc3")
    conn = sqlite3.connect(path)
    try:
        cells = undecodable_cells(conn)
        assert [c.describe() for c in cells] == ["catalyst 2 outcome", "thesis 1 title"]
        assert cells[1].text == "Big \ufffd light" and cells[1].raw == b"Big \xff light"
        assert len(undecodable_cells(conn, limit=1)) == 1
        assert conn.text_factory is str                    # put back as it was
    finally:
        conn.close()


def test_repair_text_rewrites_bad_bytes_after_a_backup(tracker):
    """History rows are append-only, yet their damaged bytes are the one rewrite allowed;
    the trigger is back afterwards, and the backup keeps the raw bytes."""
    history_id = tracker.store.scalar("SELECT min(id) FROM history")
    path = tracker.path
    tracker.close()
    _bad_text(path)
    _bad_text(path, table="history", column="note", row=history_id)
    t = Tracker.open(path)
    try:
        assert repair_text(t.store) == 2
        assert t.theses.get(1).title == "Big \ufffd light"
        assert [b.reason for b in backups.list_backups(path)][:1] == ["before-repair"]
        assert repair_text(t.store) == 0
        with pytest.raises(Exception, match="append-only"):
            t.store.conn.execute("UPDATE history SET note = 'x'")
        assert not t.can_undo()                            # a repair is no undo step
    finally:
        t.close()


def test_dates_stored_before_schema_5_are_named(tracker):
    """A value another tool wrote into a date column before m005's triggers refused it is
    listed by ``check`` (its table, row and column), never rewritten (#14)."""
    path = tracker.path
    tracker.close()
    conn = sqlite3.connect(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                            "name LIKE '%is_a_date%'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE thesis SET next_review = 'soon' WHERE id = 2")
    conn.execute("UPDATE catalyst SET window_end = '2026-02-30' WHERE id = 3")
    for _name, sql in triggers:
        conn.execute(sql)
    conn.commit()
    try:
        found = bad_dates(conn)
        assert [d.describe() for d in found] == ["thesis 2 next_review 'soon'",
                                                 "catalyst 3 window_end '2026-02-30'"]
        assert len(bad_dates(conn, limit=1)) == 1
    finally:
        conn.close()
    t = Tracker.open(path)
    try:
        report = t.check()
        assert not report.ok and len(report.bad_dates) == 2
        assert t.store.scalar("SELECT next_review FROM thesis WHERE id = 2") == "soon"
    finally:
        t.close()
