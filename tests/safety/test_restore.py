"""Restore under attack (#14 items 1-3): never while another process uses the file, atomic at
every instant (a kill between any two steps leaves the old or the new file, and the next start
finishes the job), and only a Thesis Tracker database this version can open."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import main
from model.service import Tracker
from model.storage import backup as backups
from tests.safety.helpers import collect, dump, fingerprint, fork, make_newer, say, wait_for_line

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def saved(tmp_path, clock):
    """The demo database with a backup of it, then one more thesis only in the live file."""
    db = tmp_path / "theses.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    backup = tracker.backup()
    tracker.theses.add(title="only in the live file")
    tracker.close()
    return db, backup


def titles(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM thesis")}
    finally:
        conn.close()


# -- 1. never under a process that has the file open -------------------------------------------
def importing_child(out, db, bundle):
    """A command-line import whose transaction takes a second (a big bundle)."""
    import model.interchange.bundle as bundle_module
    original = bundle_module._import_companies

    def slow(*args, **kwargs):
        say(out, "importing")
        time.sleep(1.0)
        return original(*args, **kwargs)

    bundle_module._import_companies = slow
    code = main.main(["--db", str(db), "import", str(bundle)])
    say(out, "done", code, repr(time.monotonic()))


def big_bundle(path: Path, n: int) -> Path:
    theses = [{"id": i, "title": f"imported {i}", "created_at": "2026-01-01T00:00:00Z",
               "updated_at": "2026-01-01T00:00:00Z"} for i in range(1, n + 1)]
    path.write_text(json.dumps({"format": "thesis-tracker-bundle", "version": 1,
                                "theses": theses}), encoding="utf-8")
    return path


def test_restore_waits_for_a_running_import_and_loses_none_of_it(saved, tmp_path):
    """A restore started while `import` is inside its transaction used to swap the file at
    once: the import then printed "Imported N thesis(es)" and wrote them into the file set
    aside, while the live file had the old theses. Now restore waits until the import has
    finished and closed the file; the import's theses are all in the file it reported, which
    restore then keeps aside (#14 item 1)."""
    db, backup = saved
    bundle = big_bundle(tmp_path / "big.json", 300)
    pid, fd = fork(importing_child, db, bundle)
    wait_for_line(fd, "importing")
    aside = backups.restore(db, backup)
    restored_at = time.monotonic()
    os.waitpid(pid, 0)
    lines = collect(fd)
    done = [line for line in lines if line[0] == "done"][0]
    assert done[1] == "0"
    assert float(done[2]) <= restored_at, "restore swapped the file while the import ran"
    assert titles(db) == titles(backup)
    kept = titles(aside)
    assert {f"imported {i}" for i in range(1, 301)} <= kept
    assert "only in the live file" in kept


def holding_child(out, db):
    tracker = Tracker.open(db, daily_backup=False)
    say(out, "open")
    time.sleep(1.5)
    tracker.theses.add(title="written after the refused restore")
    tracker.close()
    say(out, "closed")


def test_restore_refuses_when_a_command_keeps_the_file_open(saved, monkeypatch, capsys):
    """When the file stays in use longer than restore waits, restore refuses with one line
    saying why and changes nothing; the other process's next write lands in the live file,
    not in a file set aside (#14 item 1)."""
    db, backup = saved
    monkeypatch.setattr("model.storage.instance.RESTORE_WAIT_S", 0.3, raising=False)
    pid, fd = fork(holding_child, db)
    wait_for_line(fd, "open")
    before = fingerprint(db)
    code = main.main(["--db", str(db), "restore", str(backup)])
    err = capsys.readouterr().err
    assert fingerprint(db) == before
    wait_for_line(fd, "closed")
    os.waitpid(pid, 0)
    os.close(fd)
    assert code == 1 and err.startswith("error: Cannot restore a backup") and "in use" in err
    assert len(err.strip().splitlines()) == 1
    assert "written after the refused restore" in titles(db)
    assert not list(db.parent.glob("*.damaged-*"))


# -- 2. atomic at every instant ----------------------------------------------------------------
FILE_CALLS = ("replace", "rename", "link", "unlink")


def restoring_child(out, db, backup, kill_at):
    """Restore, SIGKILLing itself at the ``kill_at``-th rename/link/unlink (like strace's
    inject=...:signal=SIGKILL:when=N)."""
    calls = {"n": 0}
    for name in FILE_CALLS:
        original = getattr(os, name)

        def counted(*args, _original=original, **kwargs):
            calls["n"] += 1
            if calls["n"] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return _original(*args, **kwargs)

        setattr(os, name, counted)
    backups.restore(db, backup)
    say(out, "restored", calls["n"])


def test_a_kill_at_every_step_of_restore_leaves_a_database_and_the_next_start_finishes(
        saved, tmp_path, capsys):
    """SIGKILL at each file-system step of a restore in turn: the path always holds a whole
    database (the old or the restored one), and the next command finishes the restore (the
    restored data at the path, the old file kept aside) instead of creating a demo database
    beside the real data, as a kill between the two renames once did (#14 item 2)."""
    db, backup = saved
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    for entry in tmp_path.iterdir():
        if entry.is_file():
            shutil.copy2(entry, pristine / entry.name)
    shutil.copytree(tmp_path / "backups", pristine / "backups")
    old, new = dump(db), dump(backup)
    step = finishes = 0
    while True:
        step += 1
        assert step < 40, "restore never completed"
        for entry in tmp_path.iterdir():
            if entry.name != "pristine":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        for entry in pristine.iterdir():
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, tmp_path / entry.name)
        pid, fd = fork(restoring_child, db, backup, step)
        _, status = os.waitpid(pid, 0)
        lines = collect(fd)
        finished = any(line[0] == "restored" for line in lines)
        assert finished or os.WIFSIGNALED(status)
        assert db.is_file(), f"no database at the path after a kill at step {step}"
        at_kill = dump(db)
        assert at_kill in (old, new), f"neither file at the path after a kill at step {step}"
        # Once the restore has said what it will do, the next start must finish it; killed
        # before that, the restore never began and the old file stays.
        begun = bool(list(db.parent.glob('.*.restore.json'))) or at_kill == new
        capsys.readouterr()
        assert main.main(["--db", str(db), "list"]) == 0, capsys.readouterr().err
        listing = capsys.readouterr().out
        assert "Big light" in listing
        assert dump(db) == (new if begun else old), f"step {step}"
        kept = [p for p in tmp_path.glob("theses.sqlite3.damaged-*")
                if not p.name.endswith(("-wal", "-shm", "-journal"))]
        if begun:
            finishes += not finished
            assert "only in the live file" not in listing
            assert len(kept) == 1 and "only in the live file" in titles(kept[0]), step
        else:
            assert "only in the live file" in listing and not kept
        if finished:
            break
    assert finishes >= 3, "no kill landed inside the restore"


def test_a_start_never_creates_a_database_beside_newer_data_set_aside(saved, capsys):
    """The state an older restore left when killed between its two renames: no database, the
    real data in <db>.damaged-*, newer than every backup. `list` used to create a fresh demo
    database; now it refuses, names the file and how to put it back, and creates nothing
    (#14 item 2)."""
    db, backup = saved
    aside = backups.move_aside(db)
    assert main.main(["--db", str(db), "list"]) == 1
    err = capsys.readouterr().err
    assert aside.name in err and "python main.py restore" in err
    assert not db.exists()
    assert main.main(["--db", str(db), "restore", str(aside)]) == 0
    assert "only in the live file" in titles(db)


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_strace_kill_on_the_second_rename_as_reported(saved):
    """The report's own reproduction: `strace -f -e inject=rename:signal=SIGKILL:when=2` on
    `restore`, then `list`: the next start must show the restored data, never a new demo
    database beside the real one (#14 item 2)."""
    db, backup = saved
    old = dump(db)
    run = subprocess.run(
        ["strace", "-f", "-qq", "-o", os.devnull, "-e",
         "inject=rename,renameat,renameat2:signal=SIGKILL:when=2",
         sys.executable, str(ROOT / "main.py"), "--db", str(db), "restore", str(backup)],
        capture_output=True, text=True, timeout=120)
    assert run.returncode != 0          # killed
    assert db.is_file() and dump(db) in (old, dump(backup))
    after = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "list"],
                           capture_output=True, text=True, timeout=120)
    assert after.returncode == 0, after.stderr
    assert dump(db) == dump(backup)
    assert any("only in the live file" in titles(p) for p in db.parent.glob("*.damaged-*")
               if not p.name.endswith(("-wal", "-shm", "-journal")))


# -- 3. only a Thesis Tracker database this version can open -----------------------------------
def _newer(path: Path) -> None:
    Tracker.open(path).close()
    conn = sqlite3.connect(path)
    make_newer(conn, 7)
    conn.close()


def _other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()


def _empty_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()


def _foreign_v3(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def _damaged_version(path: Path) -> None:
    Tracker.open(path).close()
    raw = bytearray(path.read_bytes())
    raw[60] ^= 0x7F                                  # user_version: 4 -> 2,130,706,436
    path.write_bytes(bytes(raw))


def _text(path: Path) -> None:
    path.write_text("meeting notes\n" * 40, encoding="utf-8")


CANDIDATES = {
    "newer schema": (_newer, "newer Thesis Tracker"),
    "another program's SQLite file": (_other_program, "not a Thesis Tracker one"),
    "empty SQLite file": (_empty_sqlite, "empty SQLite database"),
    "foreign file with user_version 3": (_foreign_v3, "not a Thesis Tracker one"),
    "damaged version field": (_damaged_version, "version field"),
    "notes.txt": (_text, "is not a database"),
}


@pytest.mark.parametrize("case", list(CANDIDATES))
def test_restore_accepts_only_a_thesis_tracker_database_it_can_open(case, saved, tmp_path,
                                                                    capsys):
    """Each of these passed integrity_check and was swapped in, moving the healthy database
    aside and locking the user out (a text file was called one that "fails the integrity
    check"). Now restore says what the file is in one line and changes nothing (#14 items 3
    and 16)."""
    db, _ = saved
    make, words = CANDIDATES[case]
    candidate = tmp_path / ("notes.txt" if case == "notes.txt" else "candidate.sqlite3")
    make(candidate)
    before = fingerprint(db)
    assert main.main(["--db", str(db), "restore", str(candidate)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and "fails the integrity check" not in err
    assert fingerprint(db) == before
    assert not list(db.parent.glob("*.damaged-*"))


def test_a_file_restored_keeps_the_commits_in_its_wal(tmp_path):
    """A writer dies after committing (its change only in the -wal); `restore` puts the
    newest backup back and sets the file aside with its -wal; restoring that aside file
    brings every thesis back. It restored the main file's bytes alone, and the thesis
    committed last was gone (found by an attack on the data layer)."""
    db = tmp_path / "a.db"

    def cli(*args):
        done = subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    cli("add-thesis", "one")
    cli("backup")
    crash = ("import os, sqlite3, sys\n"
             "c = sqlite3.connect(sys.argv[1])\n"
             "c.execute(\"INSERT INTO thesis (title, created_at, updated_at) VALUES "
             "('two', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')\")\n"
             "c.commit()\n"
             "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", crash, str(db)], check=True, timeout=60)
    assert Path(str(db) + "-wal").stat().st_size > 0
    cli("restore")                                  # the newest backup: "one" alone
    assert titles(db) == {"one"}
    aside = next(p for p in tmp_path.iterdir() if p.name.startswith("a.db.damaged-")
                 and not p.name.endswith(("-wal", "-shm", "-journal")))
    assert Path(str(aside) + "-wal").exists()
    cli("restore", str(aside))
    assert titles(db) == {"one", "two"}
    assert "two" in cli("list")


def test_a_restore_through_a_symlink_restores_the_real_file_and_keeps_the_link(tmp_path):
    """`restore` on link.db (a symlink to real/a.db) puts the backup into real/a.db and
    leaves the link a link; the locks are the real file's, so a command using the real name
    and one using the link see the same lock. The link was turned into a file of its own and
    real/a.db kept its data (found by an attack on the data layer)."""
    from model.storage.instance import InUseError
    real = tmp_path / "real" / "a.db"
    real.parent.mkdir()
    tracker = Tracker.open(real)
    tracker.theses.add(title="one")
    backup = tracker.backup()
    tracker.theses.add(title="two")
    tracker.close()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    assert main.main(["--db", str(link), "restore", str(backup)]) == 0
    assert link.is_symlink() and titles(real) == {"one"}
    pid, fd = fork(_hold_exclusive, real)
    try:
        wait_for_line(fd, "held")
        with pytest.raises(InUseError):
            Tracker.open(link, wait=0)          # the link's user meets the real file's lock
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def _hold_exclusive(out, db):
    from model.storage.instance import UseLock
    UseLock(db).acquire_exclusive(action="test", timeout=5)
    say(out, "held")
    time.sleep(60)
