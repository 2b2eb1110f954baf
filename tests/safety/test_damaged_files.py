"""Damage shown as if nothing were wrong, tracebacks on damaged files, foreign files written to,
and the wrong words for what happened (#14 items 4-7 and 16)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from model.service import Tracker
from model.storage import recovery
from tests.safety.helpers import connect, fingerprint

ROOT = Path(__file__).resolve().parents[2]


def cli(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


# -- 4. index damage that the open-time check cannot see ---------------------------------------
def damage_an_index(db: Path) -> None:
    """Point the catalyst window index at the wrong columns: its entries no longer match the
    table, which quick_check does not compare (integrity_check does)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, '(status, window_start, "
                 "window_end)', '(status, window_end, window_start)') "
                 "WHERE name = 'catalyst_status_window'")
    conn.commit()
    conn.close()


@pytest.fixture
def index_damaged(tmp_path, clock):
    db = tmp_path / "theses.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    backup = tracker.backup()
    tracker.close()
    stat = db.stat()
    damage_an_index(db)
    # Keep size and mtime as they were: the clean-close note then skips quick_check for good.
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return db, backup


def test_index_damage_is_caught_by_the_daily_full_check(index_damaged, capsys):
    """`upcoming` listed 3 of 18 catalysts from a damaged index without a word, and writes
    were accepted. The first command of the day now runs the full integrity_check: the read
    says its output may be incomplete and names the backup, writes are refused, the file is
    not written (#14 item 4)."""
    db, backup = index_damaged
    before = fingerprint(db)
    code = main.main(["--db", str(db), "upcoming", "--days", "3650"])
    captured = capsys.readouterr()
    assert code == 1
    assert "failed its full integrity check" in captured.err and str(backup) in captured.err
    assert "incomplete" in captured.err and "Traceback" not in captured.err
    assert main.main(["--db", str(db), "add-thesis", "written to a damaged file"]) == 1
    err = capsys.readouterr().err
    assert "failed its full integrity check" in err and len(err.strip().splitlines()) == 1
    assert fingerprint(db)[0] == before[0]


def test_full_check_runs_on_its_own_connection_and_is_noted(index_damaged, tmp_path, clock):
    """The background check (model part): a verdict from a read-only connection of its own,
    the newest good backup named, and a note so the command line checks once a day (#14
    item 4)."""
    from model.storage import integrity
    db, backup = index_damaged
    result = integrity.run_full_check(db)
    assert not result.ok and result.newest_good_backup == backup
    assert integrity.full_check_due(db)            # a failed check is never "done for today"
    healthy = tmp_path / "healthy.sqlite3"
    Tracker.open(healthy, clock=clock).close()
    assert integrity.full_check_due(healthy)
    assert integrity.run_full_check(healthy).ok
    assert not integrity.full_check_due(healthy)


def test_check_never_raises_on_a_malformed_file(tmp_path, clock, capsys):
    """`check` on a file whose pages are garbage after the header: one error line, exit 1,
    no traceback (#14 item 4)."""
    db = tmp_path / "theses.sqlite3"
    Tracker.open(db, seed_if_new=True, clock=clock).close()
    raw = bytearray(db.read_bytes())
    rnd = random.Random(4)
    for at in range(4096, len(raw), 3):
        raw[at] = rnd.randrange(256)
    db.write_bytes(bytes(raw))
    assert main.main(["--db", str(db), "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1


# -- 5. text that is not valid UTF-8 -----------------------------------------------------------
@pytest.fixture
def bad_text(tmp_path, clock):
    db = tmp_path / "theses.sqlite3"
    Tracker.open(db, seed_if_new=True, clock=clock).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE thesis SET title = CAST(x'426967206c69676874ff' AS TEXT) WHERE id = 1")
    # Another tool writing behind the app's back (or a flipped byte): the append-only trigger
    # does not stop it.
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'history_append_only'"
                           ).fetchone()[0]
    conn.execute("DROP TRIGGER history_append_only")
    conn.execute("UPDATE history SET note = CAST(x'6f6bfe' AS TEXT) WHERE id = "
                 "(SELECT min(id) FROM history)")
    conn.execute(trigger)
    conn.commit()
    conn.close()
    return db


def test_reads_never_fail_on_a_cell_that_is_not_utf8(bad_text, tmp_path, capsys):
    """`show` and `export` failed with "refused the change: Could not decode to UTF-8" (a read
    called a refused change). Now every read command works, showing U+FFFD for the bad byte
    (#14 item 5)."""
    for args in (["show", "1"], ["list"], ["search", "light"], ["scorecard"],
                 ["export", str(tmp_path / "out.json")], ["upcoming"],
                 ["export-ics", str(tmp_path / "out.ics")]):
        assert main.main(["--db", str(bad_text), *args]) == 0, (args, capsys.readouterr().err)
        captured = capsys.readouterr()
        assert "refused" not in captured.err and "decode" not in captured.err
    assert main.main(["--db", str(bad_text), "show", "1"]) == 0
    assert "Big light\ufffd" in capsys.readouterr().out


def test_check_reports_undecodable_cells_and_recovery_repairs_them(bad_text, capsys):
    """`check` said healthy and recovery "nothing to recover". Now check lists the cells and
    exits 1; recovery repairs them in place (a backup first keeps the raw bytes) and the next
    check is clean (#14 item 5)."""
    assert main.main(["--db", str(bad_text), "check"]) == 1
    out = capsys.readouterr().out
    assert "2 value(s) are not valid UTF-8" in out and "thesis 1 title" in out
    found = recovery.diagnose(bad_text)
    assert found.kind == "text" and found.recoverable
    result = recovery.recover(bad_text)
    assert result.repaired_cells == 2 and result.moved_aside is None
    assert main.main(["--db", str(bad_text), "check"]) == 0
    conn = connect(bad_text, readonly=True)
    assert conn.execute("SELECT title FROM thesis WHERE id = 1").fetchone()[0] == "Big light\ufffd"
    conn.close()


# -- 6. tracebacks on damaged files ------------------------------------------------------------
OPENING_COMMANDS = [["list"], ["show", "1"], ["search", "光模块"], ["search", "light"],
                    ["upcoming", "--days", "400"], ["reviews"], ["scorecard"], ["scorecard", "1"],
                    ["check"], ["backup"], ["event-study", "1"], ["restore", "--list"],
                    ["add-thesis", "after the damage"], ["tick", "1", "--on", "2026-11-01"],
                    ["set-conviction", "1", "2"]]


def flip_sweep(tmp_path: Path, clock, seeds: range, flips_per_file: int, capsys) -> dict:
    source = tmp_path / "source.sqlite3"
    tracker = Tracker.open(source, seed_if_new=True, clock=clock)
    tracker.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tracker.close()
    raw = source.read_bytes()
    page = int.from_bytes(raw[16:18], "big")
    outcomes: dict[str, int] = {"ok": 0, "error": 0}
    work = tmp_path / "work"
    for seed in seeds:
        rnd = random.Random(seed)
        damaged = bytearray(raw)
        for _ in range(rnd.randint(1, flips_per_file)):
            at = rnd.randrange(page, len(raw))
            damaged[at] = rnd.randrange(256)
        for args in OPENING_COMMANDS:
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            db = work / "t.sqlite3"
            db.write_bytes(bytes(damaged))
            out = [str(work / "x.json")] if args == ["export"] else []
            try:
                code = main.main(["--db", str(db), *args, *out])
            except BaseException as exc:  # noqa: BLE001 - a traceback is the failure
                pytest.fail(f"seed {seed}, {' '.join(args)}: {type(exc).__name__}: {exc}")
            captured = capsys.readouterr()
            assert code in (0, 1), (seed, args, code)
            if code:
                lines = captured.err.strip().splitlines()
                reported = args == ["check"] and "Integrity:" in captured.out
                assert reported or (lines and lines[-1].startswith("error:")), \
                    (seed, args, captured.err)
            outcomes["ok" if code == 0 else "error"] += 1
    return outcomes


def test_flipped_bytes_never_raise_a_traceback_in_any_opening_command(tmp_path, clock, capsys):
    """One to eight bytes overwritten anywhere after page 1, 40 seeds, every command that
    opens the file: each ends with output or one "error:" line, never a traceback
    (UnicodeDecodeError from the open-time probe, once about one file in five) (#14 item 6)."""
    outcomes = flip_sweep(tmp_path, clock, range(40), 8, capsys)
    assert outcomes["ok"] and outcomes["error"], outcomes


@pytest.mark.slow
def test_flipped_bytes_sweep_400_seeds(tmp_path, clock, capsys):
    """The long byte-flip sweep (#14 item 6)."""
    flip_sweep(tmp_path, clock, range(1000, 1400), 8, capsys)


def test_schema_names_with_undecodable_bytes_are_damage_not_a_traceback(tmp_path, clock, capsys):
    """A flipped byte inside a table name in sqlite_master makes SQLite quote the broken name
    in its error, which Python fails to decode (UnicodeDecodeError in the probe): now it is
    reported as damage with the backup to restore (#14 item 6)."""
    db = tmp_path / "t.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    tracker.backup()
    tracker.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tracker.close()
    raw = bytearray(db.read_bytes())
    # The schema row of index catalyst_thesis: type, name, table, root page, SQL. Break its
    # name's last byte and its SQL, as random damage to the schema page does.
    row = raw.index(b"indexcatalyst_thesiscatalyst")
    raw[row + len(b"indexcatalyst_thesis") - 1] = 0xFF
    sql = raw.index(b"CREATE INDEX catalyst_thesis", row)
    raw[sql + len(b"CREATE INDEX") - 1] = ord("Y")
    db.write_bytes(bytes(raw))
    assert main.main(["--db", str(db), "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "python main.py restore" in err


def test_a_symlink_loop_at_the_path_is_one_clear_line(tmp_path, capsys):
    """A loop of symlinks at the database path broke every command with "RuntimeError:
    Symlink loop" (#14 item 6)."""
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    a.symlink_to(b)
    b.symlink_to(a)
    for args in (["list"], ["check"], ["restore", "--list"], ["restore"]):
        assert main.main(["--db", str(a), *args]) == 1, args
        err = capsys.readouterr().err
        assert err.startswith("error:") and len(err.strip().splitlines()) == 1, (args, err)


def test_a_fifo_at_the_path_never_hangs(tmp_path):
    """A FIFO at the database path hung every command forever (the first read blocks): now
    each says it is not a database file and exits 1 at once (#14 item 6)."""
    fifo = tmp_path / "t.sqlite3"
    os.mkfifo(fifo)
    for args in (["list"], ["check"], ["restore", "--list"]):
        try:
            result = cli(fifo, *args, timeout=20)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{args} hung on a FIFO")
        assert "Traceback" not in result.stderr
        if args != ["restore", "--list"]:          # listing backups never reads the file
            assert result.returncode == 1 and "named pipe" in result.stderr, (args, result)


def test_restoring_from_a_fifo_or_a_folder_is_refused(tmp_path, tracker, capsys):
    """A backup argument that is a FIFO or a folder is refused in one line (#14 item 6)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    path = tracker.path
    tracker.close()
    for candidate in (fifo, tmp_path):
        assert main.main(["--db", str(path), "restore", str(candidate)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error:") and len(err.strip().splitlines()) == 1


# -- 7. a foreign file with user_version 1-3 ---------------------------------------------------
@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_foreign_file_with_a_small_version_number_is_refused_untouched(version, tmp_path):
    """Somebody else's SQLite file with user_version 1-3 was switched to WAL, backed up and
    given all of our tables; it is now recognised by its tables and refused untouched, with
    no -wal and no backup made (#14 item 7)."""
    db = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    before = fingerprint(db)
    result = cli(db, "list")
    assert result.returncode == 1 and "not a Thesis Tracker one" in result.stderr
    assert fingerprint(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"] or \
        not (tmp_path / "backups").exists()
    assert not Path(str(db) + "-wal").exists()


# -- 16. the right words -----------------------------------------------------------------------
def crashed_with_a_hot_journal(tmp_path: Path, clock) -> tuple[Path, set]:
    """Our database in rollback-journal mode (as a restored backup is), caught mid-transaction
    with changed pages already in the file: the state a crash leaves."""
    live = tmp_path / "live.sqlite3"
    tracker = Tracker.open(live, seed_if_new=True, clock=clock)
    titles = {t.title for t in tracker.theses.all()}
    tracker.close()
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = 2")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE thesis SET statement = statement || printf('%.3000c', 'x')")
    conn.execute("INSERT INTO company (name) SELECT printf('%.2000c', 'y') FROM thesis, thesis, "
                 "thesis")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    shutil.copyfile(live, crashed / "t.sqlite3")
    shutil.copyfile(str(live) + "-journal", crashed / "t.sqlite3-journal")
    conn.execute("ROLLBACK")
    conn.close()
    return crashed / "t.sqlite3", titles


def test_a_leftover_rollback_journal_is_rolled_back_not_called_read_only(tmp_path, clock, capsys):
    """A crash left a hot -journal: the read-only probe reported the file as "read-only" and
    locked the user out. It is rolled back as SQLite does, and the data is as before the
    interrupted transaction (#14 item 16)."""
    db, titles = crashed_with_a_hot_journal(tmp_path, clock)
    code = main.main(["--db", str(db), "list"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "read-only" not in captured.err
    tracker = Tracker.open(db, daily_backup=False)
    try:
        assert {t.title for t in tracker.theses.all()} == titles
        assert tracker.check().ok
        assert tracker.store.scalar("SELECT count(*) FROM company WHERE length(name) = 2000") == 0
    finally:
        tracker.close()


def test_a_damaged_version_field_is_damage_not_a_newer_version(tmp_path, clock, capsys):
    """A flipped byte in the header's version field read as "written by a newer Thesis
    Tracker" (update, it said). It is damage: the message says so and names the backup
    (#14 item 16)."""
    db = tmp_path / "t.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    backup = tracker.backup()
    tracker.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tracker.close()
    raw = bytearray(db.read_bytes())
    raw[62] ^= 0x10                             # user_version 4 -> 4100
    db.write_bytes(bytes(raw))
    before = fingerprint(db)
    assert main.main(["--db", str(db), "list"]) == 1
    err = capsys.readouterr().err
    assert "newer" not in err and "damaged" in err and "version field" in err
    assert str(backup) in err
    assert fingerprint(db) == before


def test_backup_on_a_full_disk_says_the_backup_was_not_saved(tracker, monkeypatch, capsys):
    """SQLite's "database or disk is full" while writing the copy read "the change was not
    saved" — no change was being made (#14 item 16)."""
    from model.storage import backup as backups
    real_connect = sqlite3.connect

    def small_disk(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(".tmp"):
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    path = tracker.path
    tracker.close()
    monkeypatch.setattr(backups.sqlite3, "connect", small_disk)
    assert main.main(["--db", str(path), "backup"]) == 1
    err = capsys.readouterr().err
    assert "the backup was not saved" in err and "change" not in err
