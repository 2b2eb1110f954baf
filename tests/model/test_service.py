"""model/service.py: the Tracker wires the store to its services (#2, #11)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from model.changes import Origin
from model.errors import ReadOnlyError, StoreError, UserError
from model.service import Tracker
from model.storage import integrity


def test_a_start_imports_neither_openssl_nor_the_services_it_does_not_show(db_path):
    """Tracker.open builds the services it is asked for; hashlib's OpenSSL (3 MB) stays out."""
    Tracker.open(db_path, seed_if_new=True).close()
    code = (f"import sys; from model.service import Tracker; "
            f"t = Tracker.open({str(db_path)!r}, single_instance=True); t.theses.summaries(); "
            f"t.close(); print(sorted(m for m in ('_hashlib', 'model.prices', "
            f"'model.analysis.scorecard', 'model.search', 'model.companies', 'csv') "
            f"if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_a_new_file_is_seeded_only_when_asked(tmp_path, clock):
    """seed_if_new loads the demo into a file being created, never into an existing one."""
    empty = Tracker.open(tmp_path / "empty.sqlite3", clock=clock)
    assert empty.theses.count() == 0
    empty.close()
    assert Tracker.open(tmp_path / "empty.sqlite3", seed_if_new=True, clock=clock).theses \
        .count() == 0
    seeded = Tracker.open(tmp_path / "demo.sqlite3", seed_if_new=True, clock=clock)
    try:
        assert seeded.theses.count() == 5 and not seeded.can_undo()     # seeding is no step
    finally:
        seeded.close()


def test_undo_and_redo_on_empty_stacks_are_user_errors(empty_tracker):
    """Edit ▸ Undo with nothing to undo says so; it is no crash (#11)."""
    with pytest.raises(UserError, match="nothing to undo"):
        empty_tracker.undo()
    with pytest.raises(UserError, match="nothing to redo"):
        empty_tracker.redo()
    assert (empty_tracker.undo_label(), empty_tracker.redo_label()) == (None, None)


def test_undo_history_labels_and_watchers_follow_every_step(empty_tracker):
    """The menus follow ``watch_undo``; the Undo History mirror reads ``undo_history``: done
    steps oldest first, undone steps with the next redo first."""
    t = empty_tracker
    heard = []
    t.watch_undo(lambda event, step: heard.append(event))
    for title in ("A", "B", "C"):
        t.ops.add_thesis(title=title)
    t.undo()
    t.undo()
    assert t.undo_history() == (["New thesis “A”"], ["New thesis “B”", "New thesis “C”"])
    assert (t.undo_label(), t.redo_label()) == ("New thesis “A”", "New thesis “B”")
    t.redo()
    assert heard == ["push", "push", "push", "undo", "undo", "redo"]
    t.drop_undo_step()
    assert t.undo_history()[0] == ["New thesis “A”"] and heard[-1] == "drop"
    t.unwatch_undo(heard.append)         # not watching: no error either
    assert [th.title for th in t.theses.all()] == ["A", "B"]


def test_undo_keeps_nothing_for_a_one_shot_command(db_path, clock):
    """undo=False (the command line) keeps no steps: nothing to capture or hold in memory."""
    t = Tracker.open(db_path, clock=clock, undo=False)
    try:
        t.ops.add_thesis(title="Once")
        assert not t.can_undo()
    finally:
        t.close()


def test_subscribers_hear_each_write_and_a_new_day(empty_tracker):
    """Views follow the tracker: one notice per committed write naming what changed, one DAY notice
    at midnight; an unsubscribed listener hears nothing more."""
    t = empty_tracker
    heard = []
    t.subscribe(heard.append)
    thesis = t.ops.add_thesis(title="Heard").value
    t.new_day()
    t.unsubscribe(heard.append)
    t.ops.add_thesis(title="Not heard")
    assert len(heard) == 2
    assert heard[0].added_theses == {thesis.id}
    assert heard[1].origin is Origin.DAY and not heard[1].records


def test_adopt_takes_a_workers_operation_as_ours(db_path, clock):
    """An import on a worker's own connection becomes this tracker's undo step and every
    listener hears it (File ▸ Import, #11)."""
    mine = Tracker.open(db_path, clock=clock)
    worker = Tracker.open(db_path, clock=clock)
    try:
        heard = []
        mine.subscribe(heard.append)
        result = worker.ops.add_thesis(title="From the worker")
        mine.adopt(result)
        assert heard and heard[-1].added_theses == {result.value.id}
        assert mine.undo_label() == "New thesis “From the worker”"
        mine.undo()
        assert mine.theses.count() == 0
    finally:
        worker.close()
        mine.close()


def test_check_outside_hears_other_programs_only(db_path, clock):
    """Another connection's commit (the command line's) is one reset notice for every
    listener, once; this tracker's own writes and quiet spells are none."""
    mine = Tracker.open(db_path, clock=clock)
    other = Tracker.open(db_path, clock=clock)
    try:
        heard = []
        mine.subscribe(heard.append)
        assert mine.check_outside() is None
        mine.ops.add_thesis(title="Mine")
        assert mine.check_outside() is None and len(heard) == 1
        other.ops.add_thesis(title="From the command line")
        changes = mine.check_outside()
        assert changes is not None and changes.reset and changes.origin is Origin.OUTSIDE
        assert heard[-1] is changes and len(heard) == 2
        assert mine.check_outside() is None                   # heard once
    finally:
        other.close()
        mine.close()


def test_cancel_when_interrupts_and_rolls_back(empty_tracker):
    """Cancel in a progress dialog: the running statement stops and its transaction is rolled
    back; nothing half-written remains (#3 long work)."""
    t = empty_tracker
    t.cancel_when(lambda: True, every=100)
    with pytest.raises(StoreError), t.store.write():
        t.store.execute("INSERT INTO thesis (title, created_at, updated_at) "
                        "VALUES ('half', 'x', 'x')")
        t.store.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "LIMIT 10000000) SELECT count(*) FROM n")
    t.cancel_when(lambda: False)
    assert t.theses.count() == 0


def test_check_reports_integrity_backups_and_notes_a_passed_check(tracker, monkeypatch):
    """check() reports integrity, backups and their age, and a pass is noted so the daily full check
    does not run again today (#14 item 4)."""
    report = tracker.check()
    assert report.ok and report.integrity == ["ok"] and report.backups == 0
    assert report.newest_backup is None and report.newest_backup_age is None
    assert not integrity.full_check_due(tracker.path)       # noted: not due again today
    taken = tracker.backup()
    report = tracker.check()
    assert report.backups == 1 and report.newest_backup == taken
    assert report.newest_backup_age < dt.timedelta(minutes=5)


def test_daily_full_check_runs_once_a_day_and_a_failure_makes_it_read_only(tracker,
                                                                           monkeypatch):
    """The command line's daily check: due on a file never checked, not again the same day;
    a failing check turns the tracker read-only with the reason in ``damage`` (#14 item 4)."""
    first = tracker.daily_full_check()
    assert first is not None and first.ok and tracker.daily_full_check() is None
    (integrity.note_path(tracker.path)).unlink()
    monkeypatch.setattr(integrity, "run_full_check", lambda path: integrity.FullCheck(
        path, False, ["index broken"], dt.datetime(2026, 11, 24)))
    failed = tracker.daily_full_check()
    assert not failed.ok and tracker.readonly and "index broken" in tracker.damage
    assert tracker.damage in tracker.warnings
    with pytest.raises(ReadOnlyError):
        tracker.ops.add_thesis(title="refused")
