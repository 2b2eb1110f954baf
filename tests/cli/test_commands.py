"""The command line (#2): every command through main.main, and its error paths: a message on
stderr starting with 'error:', a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from model.service import Tracker
from tests.safety.helpers import make_newer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(db_path, capsys):
    """Run one command on the demo database; returns (exit code, stdout, stderr)."""
    Tracker.open(db_path, seed_if_new=True).close()

    def call(*args, db=True):
        argv = [str(a) for a in args] + (["--db", str(db_path)] if db else [])
        try:
            code = main.main(argv)
        except SystemExit as exc:       # argparse: usage errors exit 2
            code = exc.code
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return call


def fails(result, *words):
    code, out, err = result
    assert code not in (0, None), (out, err)
    assert err.strip(), "the message must be on stderr"
    for word in words:
        assert word in err, err


def test_list_and_show(run):
    """`list` shows theses with their next catalyst; `show` prints a thesis in full by title
    prefix (#2)."""
    code, out, _ = run("list")
    assert code == 0 and "Big light" in out and "next catalyst" in out
    code, out, _ = run("list", "--status", "active")
    statuses = [line.split()[1] for line in out.splitlines()[2:]]
    assert code == 0 and statuses and set(statuses) == {"active"}
    code, out, _ = run("show", "big")
    assert code == 0
    for section in ("Beneficiaries", "Risks", "Catalysts", "Sources", "History", "中际旭创"):
        assert section in out


def test_add_thesis_status_conviction_with_history(run, db_path):
    """add-thesis prints the id; set-status --note and set-conviction are in `show`'s
    history (#2)."""
    code, out, _ = run("add-thesis", "Optical DSP pricing", "--theme", "Semis", "--conviction",
                       "2", "--tags", "dsp, pricing", "--next-review", "2027-01-01")
    assert code == 0 and "Added thesis #" in out
    code, out, _ = run("set-status", "optical dsp", "active", "--note", "first design wins")
    assert code == 0 and "draft -> active" in out
    code, out, _ = run("set-conviction", "Optical DSP", "4", "--note", "orders")
    assert code == 0 and "2 -> 4" in out
    code, out, _ = run("show", "Optical DSP")
    assert "status: draft -> active" in out and "first design wins" in out
    assert "conviction: 2 -> 4" in out


def test_tick_done_on_date_missed_and_reopen(run, db_path):
    """tick --on --note, --missed and --reopen change the catalyst and write history (#2)."""
    t = Tracker.open(db_path, seed_if_new=True)
    c = t.catalysts.add(thesis_id=t.theses.resolve("Big light"), title="Unique ramp event",
                        expected="Q3 2026")
    t.close()
    code, out, _ = run("tick", "unique ramp", "--on", "2026-08-03", "--note", "on time")
    assert code == 0 and "done on 2026-08-03" in out
    code, out, _ = run("tick", str(c.id), "--missed", "--thesis", "Big light")
    assert code == 0 and "missed" in out
    code, out, _ = run("tick", str(c.id), "--reopen")
    assert code == 0 and "pending" in out
    t = Tracker.open(db_path)
    assert [h.new for h in t.history.for_catalyst(c.id)] == ["done", "missed", "pending"]
    t.close()


def test_search(run):
    code, out, _ = run("search", "光模")
    assert code == 0 and "光模" in out
    code, out, _ = run("search", '"', "AND", "(")
    assert code == 0
    code, out, _ = run("search", "zzzqqq")
    assert code == 0 and "Nothing matches" in out


def test_export_import_round_trip_and_ics(run, db_path, tmp_path):
    """export writes a bundle that imports into a new database and exports identically;
    export-ics writes a calendar (#2). The new file named with --db starts empty: it got the
    demo too, so the import clashed with it (#13)."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run("export", first)[0] == 0
    other = tmp_path / "other.sqlite3"
    code, out, _ = run("import", first, "--db", other, db=False)
    assert code == 0 and "Imported" in out
    assert run("export", second, "--db", other, db=False)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    code, out, _ = run("export", tmp_path / "one.json", "--thesis", "Big light")
    assert code == 0 and len(json.loads((tmp_path / "one.json").read_text())["theses"]) == 1
    code, out, _ = run("export-ics", tmp_path / "c.ics", "--pending-only")
    assert code == 0 and "event(s)" in out and (tmp_path / "c.ics").exists()


def test_import_csv_in_gbk(run, db_path, tmp_path):
    run("list")
    csv_path = tmp_path / "c.csv"
    csv_path.write_bytes("thesis,title,expected\nBig light,光模块涨价,2H26\n".encode("gbk"))
    code, out, _ = run("import", csv_path)
    assert code == 0 and "Imported 1 catalyst" in out
    assert "光模块涨价" in run("show", "Big light")[1]


def test_check_backup_restore(run, db_path):
    """check reports ok; backup writes a verified copy; restore brings it back and keeps the
    replaced file (#2)."""
    code, out, _ = run("check")
    assert code == 0 and "Integrity:      ok" in out
    code, out, _ = run("backup")
    assert code == 0
    backup = Path(out.strip().removeprefix("Backed up to "))
    assert backup.exists()
    run("add-thesis", "Added after the backup")
    code, out, _ = run("restore", "--list")
    assert code == 0 and backup.name in out
    code, out, _ = run("restore", backup)
    assert code == 0 and "kept as" in out
    assert "Added after the backup" not in run("list")[1]


def test_seed_demo(run, tmp_path):
    db = tmp_path / "big.sqlite3"
    code, out, _ = run("seed-demo", "50", "--db", db, db=False)
    assert code == 0
    t = Tracker.open(db)
    assert t.theses.count() == 50
    t.close()


@pytest.mark.parametrize("args,words", [
    (["show", "no such thesis"], ["error:", "no such thesis"]),
    (["show", "s"], ["error:", "matches"]),
    (["show", "999"], ["error:", "999"]),
    (["set-status", "Big light", "active", "--note", "x\x00"], ["error:", "NUL"]),
    (["set-conviction", "Big light", "9"], ["error:", "1 to 5"]),
    (["set-conviction", "Big light", "high"], ["error:"]),
    (["tick", "999"], ["error:", "999"]),
    (["tick", "Thai", "--on", "2026-13-01"], ["error:", "2026-13-01"]),
    (["tick", "Thai", "--missed", "--cancelled"], ["not allowed"]),
    (["add-thesis", " "], ["error:", "title"]),
    (["add-thesis", "x", "--next-review", "soon"], ["error:", "soon"]),
    (["set-status", "Big light", "zombie"], ["invalid choice"]),
    (["import", "/nonexistent/file.json"], ["error:"]),
    (["export", "/nonexistent/dir/file.json"], ["error:", "Cannot write"]),
    (["export-ics", "/nonexistent/dir/c.ics"], ["error:", "Cannot write"]),
    (["restore", "/nonexistent/backup.sqlite3"], ["error:"]),
    (["seed-demo", "0"], ["error:"]),
    (["nonsense-command"], ["invalid choice"]),
])
def test_error_paths(run, args, words):
    """User mistakes give a message on stderr and a non-zero exit, no traceback (#2)."""
    run("list")
    fails(run(*args), *words)


def test_bad_imports(run, tmp_path):
    """A bad CSV lists its bad rows; a malformed bundle lists its problems (#2)."""
    run("list")
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("thesis,title,expected\nBig light,x,someday\nNobody,y,2027\n",
                       encoding="utf-8")
    fails(run("import", bad_csv), "row 2:", "row 3:", "someday")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(json.dumps({"format": "thesis-tracker-bundle", "version": 1,
                                    "theses": [{"id": 1, "title": "x", "beneficiaries": ["a"]}]}),
                        encoding="utf-8")
    fails(run("import", bad_json), "error:", "theses[0]")
    (tmp_path / "notjson.json").write_text("{", encoding="utf-8")
    fails(run("import", tmp_path / "notjson.json"), "not valid JSON")


def _cli(db, *args):
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


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
