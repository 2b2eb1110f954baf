"""Promise 4 of #6: backups are real and verified, taken when they matter, rotated 10 + 7 daily,
never rotated away while the database is damaged, consistent under concurrent writes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import CorruptDatabaseError
from model.service import Tracker
from model.storage import backup as backups
from tests.safety.helpers import collect, connect, dump, fork, say, wait_for_line
from tests.safety.test_corrupt import flip_page_header


def fake_backups(db, stamps, source):
    """Backup files with chosen timestamps (copies of a real verified backup)."""
    folder = backups.backup_dir_for(db)
    folder.mkdir(exist_ok=True)
    made = []
    for when in stamps:
        target = folder / f"{db.stem}-{when:%Y%m%d-%H%M%S}-manual.sqlite3"
        shutil.copyfile(source, target)
        made.append(target)
    return made


def test_backup_is_a_verified_copy_renamed_into_place(tracker):
    """On demand: the copy passes integrity_check, holds the same data, leaves no temp file
    and sits in backups/ beside the database (#6)."""
    path = tracker.backup()
    assert path.parent == tracker.path.parent / "backups"
    assert backups.verify_file(path)
    assert dump(path)["thesis"] == dump(tracker.path)["thesis"]
    assert not list(path.parent.glob(".*.tmp"))
    assert connect(path, readonly=True).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_rotation_keeps_ten_recent_and_seven_daily(tracker):
    """30 backups over 12 days: the 10 newest stay, plus the newest of each of the 7 most
    recent days; everything else goes (#6)."""
    source = tracker.backup()
    base = dt.datetime(2026, 11, 24, 9, 0, 0)
    stamps = [base - dt.timedelta(days=d, hours=h) for d in range(12) for h in (0, 3, 5)
              if not (d > 0 and h == 5)]
    made = fake_backups(tracker.path, stamps, source)
    source.unlink()
    backups.rotate(tracker.path)
    newest_first = sorted(stamps, reverse=True)
    expected = set(newest_first[:10])
    days = []
    for when in newest_first:
        if when.date() not in days and len(days) < 7:
            days.append(when.date())
            expected.add(when)
    kept = {b.taken_at for b in backups.list_backups(tracker.path)}
    assert kept == expected
    assert len(kept) == len(made) - len(set(stamps) - expected)


def test_a_damaged_database_never_rotates_old_backups_away(tmp_path, clock):
    """When the copy of a damaged database fails integrity_check the backup is refused and
    every older backup is kept: rotating then would delete the last good copies (#6)."""
    db = tmp_path / "t.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    good = tracker.backup()
    tracker.close()
    old = fake_backups(db, [dt.datetime(2026, 1, 1) + dt.timedelta(hours=h) for h in range(15)],
                       good)
    before = sorted(p.name for p in good.parent.iterdir())
    db.write_bytes(flip_page_header(db.read_bytes(), 5))
    damaged = Tracker.open(db, verify=False, daily_backup=False)
    try:
        with pytest.raises(CorruptDatabaseError, match="older backups were kept"):
            damaged.backup()
    finally:
        damaged.close()
    assert sorted(p.name for p in good.parent.iterdir()) == before
    assert all(p.exists() for p in old)


def test_daily_backup_on_the_first_start_of_each_day_only(db_path, clock):
    """The first open of a day takes a 'daily' backup, later opens that day do not; a new day
    takes another (#6)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    assert backups.list_backups(db_path) == []        # a brand-new file has nothing to save
    Tracker.open(db_path, clock=clock).close()
    first = backups.list_backups(db_path)
    assert [b.reason for b in first] == ["daily"]
    Tracker.open(db_path, clock=clock).close()
    assert backups.list_backups(db_path) == first
    yesterday = first[0].taken_at - dt.timedelta(days=1)
    first[0].path.rename(first[0].path.with_name(
        f"{db_path.stem}-{yesterday:%Y%m%d-%H%M%S}-daily.sqlite3"))
    Tracker.open(db_path, clock=clock).close()
    assert [b.reason for b in backups.list_backups(db_path)] == ["daily", "daily"]


def test_backup_before_every_import(tracker, tmp_path):
    """A CSV import and a bundle import each take a 'before-import' backup holding the data as
    it was, so a bad import can be undone (#6)."""
    from model.interchange.bundle import export_bundle, import_bundle
    from model.interchange.catalyst_csv import import_catalyst_csv
    thesis = tracker.theses.all()[0]
    csv_file = tmp_path / "c.csv"
    csv_file.write_text(f"thesis,title,expected\n{thesis.id},imported catalyst,H1 2027\n")
    import_catalyst_csv(tracker, csv_file)
    taken = backups.list_backups(tracker.path)
    assert [b.reason for b in taken] == ["before-import"]
    assert "imported catalyst" not in str(dump(taken[0].path)["catalyst"])
    bundle = export_bundle(tracker, [thesis.id])
    import_bundle(tracker, bundle)
    taken = backups.list_backups(tracker.path)
    assert [b.reason for b in taken] == ["before-import", "before-import"]
    assert len(dump(taken[0].path)["thesis"]) == tracker.theses.count() - 1


def with_test_migration(monkeypatch, fn, name="m900_test_step"):
    """The real migrations plus one test-only step after them (a future release's upgrade)."""
    from sqlite_utils import Migrations

    import model.storage.store
    from model.storage import schema
    extended = Migrations(schema.migrations.name)
    for step in schema.migrations._migrations:
        extended(name=step.name)(step.fn)
    extended(name=name)(fn)
    monkeypatch.setattr(model.storage.store, "migrations", extended)
    monkeypatch.setattr(model.storage.store, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)


def test_backup_before_every_migration(db_path, clock, monkeypatch):
    """Opening a file that needs an upgrade first takes a 'before-migration' backup at the old
    version, so a failed or regretted upgrade can be undone (#6)."""
    from model.storage.schema import SCHEMA_VERSION
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    old = dump(db_path)

    def step(db):
        db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    with_test_migration(monkeypatch, step)
    Tracker.open(db_path, clock=clock).close()
    taken = backups.list_backups(db_path)
    assert "before-migration" in [b.reason for b in taken]
    before = next(b for b in taken if b.reason == "before-migration")
    assert dump(before.path) == old
    assert connect(db_path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def concurrent_writer(out, db_path, count):
    tracker = Tracker.open(db_path, daily_backup=False)
    say(out, "ready")
    for n in range(count):
        tracker.theses.add(title=f"concurrent {n}", statement="x" * 500)
    say(out, "done")


def test_backup_during_1000_concurrent_writes_is_consistent(db_path, clock):
    """Backups taken while another process commits 1,000 theses are each a consistent
    snapshot: integrity ok, theses 1..k with no gap, each with its history row (#6)."""
    tracker = Tracker.open(db_path, clock=clock, daily_backup=False)
    pid, fd = fork(concurrent_writer, db_path, 1000)
    wait_for_line(fd, "ready")
    counts = []
    finished = False
    try:
        while True:
            path = tracker.backup(reason="concurrent")
            conn = connect(path, readonly=True)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                ids = [r[0] for r in conn.execute("SELECT id FROM thesis ORDER BY id")]
                created = conn.execute("SELECT count(*) FROM history WHERE field = 'created'"
                                       ).fetchone()[0]
            finally:
                conn.close()
            assert ids == list(range(1, len(ids) + 1)) and created == len(ids)
            counts.append(len(ids))
            finished = os.waitpid(pid, os.WNOHANG)[0] != 0
            if finished or len(ids) == 1000:
                break
    finally:
        if not finished:
            os.waitpid(pid, 0)
        lines = collect(fd)
        tracker.close()
    assert ["done"] in lines
    # Snapshots were taken mid-stream, not only before or after the writes.
    assert any(0 < c < 1000 for c in counts), counts


_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=40)
_dataset = st.lists(st.tuples(_text.filter(lambda s: s.strip()), _text,
                              st.integers(1, 5), st.lists(_text.filter(lambda s: s.strip()),
                                                          max_size=3)), max_size=6)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Tracker.open(path).close()
    return path


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dataset=_dataset)
def test_backup_then_restore_reproduces_the_data_exactly(dataset, template, tmp_path,
                                                         monkeypatch):
    """Hypothesis, 100 datasets (any Unicode text): back up, change everything, restore; the
    data equals the backed-up data row for row (#6)."""
    # Durability is the crash test's subject; fsyncs here would only make 100 examples slow.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    folder = tmp_path / f"h{time.monotonic_ns()}"
    folder.mkdir()
    db = folder / "t.sqlite3"
    shutil.copyfile(template, db)
    tracker = Tracker.open(db, daily_backup=False)
    tracker.store.conn.execute("PRAGMA synchronous = OFF")
    try:
        for title, statement, conviction, risks in dataset:
            thesis = tracker.theses.add(title=title, statement=statement, conviction=conviction)
            for risk in risks:
                tracker.risks.add(thesis_id=thesis.id, title=risk)
        backup = tracker.backup()
        snapshot = dump(db)
        tracker.theses.add(title="after the backup")
        for thesis_id in tracker.theses.ids()[:2]:
            tracker.theses.delete(thesis_id)
    finally:
        tracker.close()
    backups.restore(db, backup)
    assert dump(db) == snapshot


def test_stale_temp_files_of_killed_backups_are_cleaned(tracker):
    """A backup killed mid-copy leaves a hidden temp file; the next rotation removes it once it
    is old, but never a fresh one another process may be writing (#6)."""
    folder = tracker.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stale = folder / f".{tracker.path.stem}-20260101-000000-daily.sqlite3.tmp"
    fresh = folder / f".{tracker.path.stem}-20261124-000000-daily.sqlite3.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"partial")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    tracker.backup()
    assert not stale.exists() and fresh.exists()


def test_backups_of_a_database_with_a_very_long_name(tmp_path, clock):
    """A 240-byte database name still gets backups (the backup name is shortened with a hash)
    and they are listed and restorable (#6)."""
    db = tmp_path / ("论文" * 38 + ".sqlite3")
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    try:
        path = tracker.backup()
    finally:
        tracker.close()
    assert len(path.name.encode()) <= 255
    assert [b.path for b in backups.list_backups(db)] == [path]
    backups.restore(db, path)
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backups_started_in_the_same_second_all_succeed(tmp_path):
    """Six `backup` commands at once (or imports, each taking its backup first): each is
    written, under a name of its own. They shared one temp name; most failed with "File
    exists" or "disk I/O error", and one's clean-up deleted another's copy (found by an
    attack on the data layer)."""
    import subprocess
    import sys

    from tests.helpers import ROOT
    db = tmp_path / "x.sqlite3"
    Tracker.open(db, seed_if_new=True).close()
    runs = [subprocess.Popen([sys.executable, "main.py", "--db", str(db), "backup"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(6)]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert [code for code, _ in results] == [0] * 6, results
    manual = [b for b in backups.list_backups(db) if b.reason == "manual"]
    assert len(manual) == 6 and len({b.path for b in manual}) == 6
    assert all(backups.verify_file(b.path) for b in manual)
    assert not list((tmp_path / "backups").glob(".*.tmp"))
