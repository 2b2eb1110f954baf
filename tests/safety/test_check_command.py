"""`python main.py check` (#6): integrity, foreign keys, schema version, backup count and age."""

from __future__ import annotations

import re

import main
from model.storage.schema import SCHEMA_VERSION


def test_check_reports_integrity_keys_version_and_backups(tracker, capsys):
    """A healthy database with two backups: every line the issue asks for, exit 0 (#6)."""
    tracker.backup()
    tracker.backup()
    path = tracker.path
    tracker.close()
    assert main.main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Integrity:\s+ok", out)
    assert re.search(r"Foreign keys:\s+ok", out)
    assert re.search(rf"Schema version:\s+{SCHEMA_VERSION}\b", out)
    # Two on demand; this start takes no daily one, as today's backup exists.
    assert re.search(r"Backups:\s+2, newest \S+-manual-2\.sqlite3 \(0\.0 h old\)", out), out


def test_check_reports_broken_references_and_exits_1(tracker, capsys):
    """A foreign-key problem (written behind the app's back) is reported and exits 1 (#6)."""
    tracker.store.conn.execute("PRAGMA foreign_keys = OFF")
    tracker.store.conn.execute("INSERT INTO risk (thesis_id, title) VALUES (424242, 'orphan')")
    tracker.store.conn.commit()
    path = tracker.path
    tracker.close()
    assert main.main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "Foreign keys:" in out and "424242" not in out.split("Foreign keys:")[0]
    assert re.search(r"Foreign keys:\s+\[\('risk'", out), out


def test_check_on_a_damaged_file_says_what_and_how_to_restore(tracker, capsys):
    """A damaged file: "error: ..." with the restore command, exit 1, no traceback (#6)."""
    backup = tracker.backup()
    path = tracker.path
    tracker.close()
    path.write_bytes(b"\x00" * 8192)
    assert main.main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err
    assert str(backup) in err and "python main.py restore" in err
