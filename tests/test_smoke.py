"""The first run: a new database gets the demo theses and `list` shows their next catalyst."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_first_run_list_shows_seeded_theses(tmp_path):
    """A fresh database is created, seeded, and listed (issue #2 'done when')."""
    db = tmp_path / "new" / "t.sqlite3"
    result = subprocess.run([sys.executable, "main.py", "--db", str(db), "list"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Big light" in result.stdout
    assert "Small light" in result.stdout
    assert "New light" in result.stdout
    assert "NVIDIA Ethernet CPO switches ship" in result.stdout
