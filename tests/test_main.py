"""main.py: a bare start opens the desktop app without building the command parser; a command
opens the store, runs, and turns every user mistake or damaged file into one line on stderr and
a non-zero exit (#2, #3, #14), while a bug keeps its traceback."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from model.cli import COMMANDS, build_parser
from model.service import Tracker
from model.storage import integrity
from tests.helpers import ROOT
from tests.safety.helpers import make_newer


def _cli(db, *args):
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def demo_db(db_path, clock):
    """The demo database, closed again: commands open it themselves."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    return db_path


@pytest.fixture
def started(monkeypatch):
    """gui.app.run replaced: the database each desktop start was given."""
    starts = []
    monkeypatch.setattr("gui.app.run", lambda db=None: starts.append(db) or 0)
    return starts


def _failing_check(path):
    return integrity.FullCheck(path, False, ["row 7 missing from index thesis_title"],
                               dt.datetime(2026, 11, 24, 10, 0))


def _run_home(*args: str, data_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    env.pop("THESIS_TRACKER_DB", None)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_first_run_list_shows_seeded_theses(tmp_path):
    """The first start in the default data folder creates the database, loads the demo and
    lists it (issue #2 'done when'; #13: only there)."""
    result = _run_home("list", data_home=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "Big light" in result.stdout
    assert "Small light" in result.stdout
    assert "New light" in result.stdout
    assert "NVIDIA Ethernet CPO switches ship" in result.stdout
    assert (tmp_path / "data" / "thesis-tracker" / "theses.sqlite3").is_file()


def test_new_file_named_with_db_starts_empty(tmp_path):
    """`--db NEW` makes an empty database: the demo in every new file made export, import into
    a new file, export differ (#13); `demo` loads it on request, `demo --remove` takes it out."""
    db = tmp_path / "new" / "t.sqlite3"
    result = _run_home("--db", str(db), "list", data_home=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "No theses yet" in result.stdout
    assert not (tmp_path / "data" / "thesis-tracker" / "theses.sqlite3").exists()
    loaded = _run_home("--db", str(db), "demo", data_home=tmp_path / "data")
    assert loaded.returncode == 0 and "Loaded 5 demo theses" in loaded.stdout, loaded.stderr
    assert "Big light" in _run_home("--db", str(db), "list", data_home=tmp_path / "data").stdout
    removed = _run_home("--db", str(db), "demo", "--remove", data_home=tmp_path / "data")
    assert "Removed 5 demo theses" in removed.stdout, removed.stderr
    assert "No theses yet" in _run_home("--db", str(db), "list", data_home=tmp_path / "data").stdout


def test_only_a_bare_start_skips_building_the_command_parser():
    """`python main.py [--db PATH]` opens the app without the full parser; anything else
    (a command, --version, a malformed --db) goes through it and its messages."""
    assert main._desktop_only([]) == (True, None)
    assert main._desktop_only(["--db", "x.sqlite3"]) == (True, "x.sqlite3")
    assert main._desktop_only(["--db=x.sqlite3"]) == (True, "x.sqlite3")
    for argv in (["list"], ["--version"], ["--db"], ["--db="], ["--db", "--version"],
                 ["--db", "x", "list"], ["-h"]):
        assert main._desktop_only(argv) == (False, None), argv


def test_a_malformed_start_gets_the_parsers_message(capsys):
    """`main.py --db` with no path is argparse's usage error (exit 2), not an app start."""
    with pytest.raises(SystemExit) as exit_:
        main.main(["--db"])
    assert exit_.value.code == 2
    assert "--db: expected one argument" in capsys.readouterr().err


def test_search_takes_a_dash_word_as_a_word_to_leave_out(demo_db, capsys):
    """`search optics -CPO` leaves out what holds "CPO"; argparse took -CPO for an unknown
    option and refused the command. Other commands still refuse unknown options."""
    assert main.main(["--db", str(demo_db), "search", "optics"]) == 0
    everything = capsys.readouterr().out
    assert main.main(["--db", str(demo_db), "search", "optics", "-CPO"]) == 0
    fewer = capsys.readouterr().out
    assert "New light" in everything and "New light" not in fewer and "Space computing" in fewer
    with pytest.raises(SystemExit) as exit_:
        main.main(["--db", str(demo_db), "list", "-x"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: -x" in capsys.readouterr().err


def test_no_command_starts_the_desktop_app_on_the_named_file(started):
    """Both the fast path (`--db PATH`) and the parser's (no command after it) start the app
    on the file named; a mix-up here opened the default database instead."""
    assert main.main(["--db", "mine.sqlite3"]) == 0
    assert main.main(["--db=other.sqlite3"]) == 0
    assert main.main([]) == 0
    assert main.main(["--db", ""]) == 0          # through the parser: no command named
    assert started == ["mine.sqlite3", "other.sqlite3", None, ""]


def test_version_prints_every_version_and_opens_nothing(capsys, started, tmp_path,
                                                        monkeypatch):
    """--version prints the tracker's, Python's and SQLite's versions, then stops: no window,
    no database created in the working folder."""
    monkeypatch.chdir(tmp_path)
    assert main.main(["--version"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Thesis Tracker ") and lines[2] == f"SQLite {sqlite3.sqlite_version}"
    assert started == [] and list(tmp_path.iterdir()) == []


def test_damaged_and_newer_databases_from_a_real_process(tmp_path):
    """In a real process: a text file, a newer schema and a help request; messages only (#2)."""
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("just some notes\n" * 20, encoding="utf-8")
    result = _cli(text_file, "list")
    assert result.returncode == 1 and result.stderr.startswith("error:")
    assert "Traceback" not in result.stderr
    newer = tmp_path / "newer.sqlite3"
    Tracker.open(newer).close()
    conn = sqlite3.connect(newer)
    make_newer(conn)
    conn.close()
    result = _cli(newer, "list")
    assert result.returncode == 1 and "newer" in result.stderr
    assert "Traceback" not in result.stderr
    result = _cli(newer, "tick", "--help")
    assert result.returncode == 0 and "--missed" in result.stdout and "--on" in result.stdout


def test_a_read_on_a_file_that_fails_its_daily_check_exits_1_with_the_reason(
        demo_db, capsys, monkeypatch):
    """The day's full check runs before a command; when it fails, what the command printed
    may be incomplete, so the exit is 1 and stderr says why (#14 item 4)."""
    monkeypatch.setattr(integrity, "run_full_check", _failing_check)
    assert main.main(["list", "--db", str(demo_db)]) == 1
    out, err = capsys.readouterr()
    assert "Big light" in out                        # the read itself went ahead
    assert err.startswith("error: ") and "failed its full integrity check" in err
    assert "may be incomplete" in err and "Traceback" not in err


def test_a_write_refused_on_a_damaged_file_names_the_damage(demo_db, capsys, monkeypatch):
    """A write on a file switched to read-only by the failed check reports the damage, not a
    bare "read-only" (which would send the user looking at file permissions)."""
    monkeypatch.setattr(integrity, "run_full_check", _failing_check)
    assert main.main(["add-thesis", "Not written", "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "failed its full integrity check" in err and "row 7 missing" in err
    monkeypatch.undo()
    tracker = Tracker.open(demo_db)
    try:
        assert "Not written" not in [t.title for t in tracker.theses.all()]
    finally:
        tracker.close()


def test_check_does_not_run_the_daily_check_first(demo_db, capsys, monkeypatch):
    """`check` runs its own full check: the daily one before it would only double the time
    (and a failing daily check would turn check's report into a read-only error)."""
    calls = []
    monkeypatch.setattr(integrity, "run_full_check",
                        lambda path: calls.append(path) or _failing_check(path))
    assert main.main(["check", "--db", str(demo_db)]) == 0
    assert calls == [] and "Integrity:      ok" in capsys.readouterr().out


def test_ctrl_c_and_a_closed_pipe_end_quietly(demo_db, capsys, monkeypatch):
    """Ctrl+C mid-command exits 130 saying what may not be saved; a reader that went away
    (`| head`) ends the command with 0 and no traceback."""
    build_parser()                      # every command registered before one is replaced

    def interrupted(tracker, args, out):
        raise KeyboardInterrupt
    monkeypatch.setattr(COMMANDS["list"], "run", interrupted)
    assert main.main(["list", "--db", str(demo_db)]) == 130
    assert "interrupted" in capsys.readouterr().err

    def closed(tracker, args, out):
        raise BrokenPipeError
    monkeypatch.setattr(COMMANDS["list"], "run", closed)
    assert main.main(["list", "--db", str(demo_db)]) == 0


def test_a_reader_that_goes_away_is_not_an_error(demo_db):
    """`python main.py list | head -1`: the pipe closes before the list is written. That
    printed a BrokenPipeError traceback and exited 1 (the catch-all for damage caught it
    first); it ends quietly with 0."""
    process = subprocess.Popen([sys.executable, "main.py", "--db", str(demo_db), "list"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()              # the reader is gone before the first line
    with process.stderr:
        err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, err
    assert "Traceback" not in err and "BrokenPipeError" not in err


def test_a_bug_keeps_its_traceback_but_damage_is_one_line(demo_db, capsys, monkeypatch):
    """An exception that is not a UserError on a healthy file is a bug and propagates; the
    same on a file that fails a full check is damage no check caught, reported in one line."""
    build_parser()

    def broken(tracker, args, out):
        raise KeyError("a bug")
    monkeypatch.setattr(COMMANDS["list"], "run", broken)
    with pytest.raises(KeyError):
        main.main(["list", "--db", str(demo_db)])
    integrity.record_passed(demo_db)        # the daily check is not due: only the fallback
    monkeypatch.setattr(integrity, "run_full_check", _failing_check)
    assert main.main(["list", "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "row 7 missing" in err
    assert "nothing was changed" in err and "open read-only" not in err


def test_damage_behind_answers_only_damaged_or_not(tracker, monkeypatch):
    """_damage_behind: None without a tracker, for a healthy file, and when the check itself
    fails; the check's message for a damaged file."""
    assert main._damage_behind(None) is None
    assert main._damage_behind(tracker) is None

    def cannot(path):
        raise OSError("gone")
    monkeypatch.setattr(integrity, "run_full_check", cannot)
    assert main._damage_behind(tracker) is None
    monkeypatch.setattr(integrity, "run_full_check", _failing_check)
    assert "row 7 missing" in main._damage_behind(tracker)


_NO_DEV_FULL = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def _cli_into(db, stdout, *args, close_stdout=False):
    """One command in a real process whose stdout is ``stdout`` (or closed); its stderr."""
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=60,
                          preexec_fn=(lambda: os.close(1)) if close_stdout else None)


@_NO_DEV_FULL
@pytest.mark.parametrize("args", [("list",), ("show", "Big light"), ("--version",),
                                  ("add-thesis", "Added, but not said")])
def test_a_full_disk_under_stdout_is_one_line_and_exit_1(demo_db, args):
    """`python main.py list > /dev/full` was an OSError (ENOSPC) traceback; a short output
    (held in the buffer until exit, as add-thesis's one line) was Python's 'Exception
    ignored' complaint and exit 120. Now: one line on stderr naming the reason, exit 1."""
    with open("/dev/full", "w") as full:
        done = _cli_into(demo_db, full, *args)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "error: Cannot write the output: No space left on device.\n"


@_NO_DEV_FULL
def test_a_full_stdout_and_a_closed_stderr_still_exit_1(demo_db):
    """Nowhere to say it: no traceback either, just exit 1."""
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "main.py", "--db", str(demo_db), "list"],
                              cwd=ROOT, stdout=full, stderr=subprocess.DEVNULL, timeout=60,
                              preexec_fn=lambda: os.close(2))
    assert done.returncode == 1


@pytest.mark.skipif(sys.platform == "win32", reason="closes fd 1 in the child (POSIX)")
@pytest.mark.parametrize("args", [("list",), ("--version",), ("add-thesis", "Never added")])
def test_a_closed_stdout_is_one_line_and_exit_1_before_anything_changes(demo_db, args):
    """`python main.py list >&-` was an AttributeError traceback (sys.stdout is None): the
    command is refused with one line before it runs, so add-thesis adds nothing."""
    done = _cli_into(demo_db, None, *args, close_stdout=True)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "error: Cannot write the output: standard output is closed.\n"
    tracker = Tracker.open(demo_db)
    try:
        assert "Never added" not in [s.title for s in tracker.theses.summaries()]
    finally:
        tracker.close()
