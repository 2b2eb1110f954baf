"""model/cli/data.py (#2): import, export, export-ics, check, backup, restore and seed-demo
through main.main, and their error paths (one line on stderr, a non-zero exit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.service import Tracker
from tests.model.cli.helpers import fails


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
    """A catalysts CSV saved in GBK imports with its Chinese title intact (#2)."""
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
    """seed-demo N makes N theses for benchmarks (#2)."""
    db = tmp_path / "big.sqlite3"
    code, out, _ = run("seed-demo", "50", "--db", db, db=False)
    assert code == 0
    t = Tracker.open(db)
    assert t.theses.count() == 50
    t.close()


@pytest.mark.parametrize("args,words", [
    (["import", "/nonexistent/file.json"], ["error:"]),
    (["export", "/nonexistent/dir/file.json"], ["error:", "Cannot write"]),
    (["export-ics", "/nonexistent/dir/c.ics"], ["error:", "Cannot write"]),
    (["restore", "/nonexistent/backup.sqlite3"], ["error:"]),
    (["seed-demo", "0"], ["error:"]),
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
    # A thesis named in other digits or beyond SQLite's 64 bits is a bad row, not a
    # ValueError or OverflowError traceback.
    odd_ids = tmp_path / "odd.csv"
    odd_ids.write_text("thesis,title,expected\n²,x,2027\n99999999999999999999,y,2027\n",
                       encoding="utf-8")
    fails(run("import", odd_ids), "row 2:", "²", "row 3:", "99999999999999999999")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(json.dumps({"format": "thesis-tracker-bundle", "version": 1,
                                    "theses": [{"id": 1, "title": "x", "beneficiaries": ["a"]}]}),
                        encoding="utf-8")
    fails(run("import", bad_json), "error:", "theses[0]")
    (tmp_path / "notjson.json").write_text("{", encoding="utf-8")
    fails(run("import", tmp_path / "notjson.json"), "not valid JSON")
