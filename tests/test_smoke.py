"""The first run: the default database gets the demo theses and `list` shows their next
catalyst; a file chosen with --db starts empty (#13)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, data_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    env.pop("THESIS_TRACKER_DB", None)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_first_run_list_shows_seeded_theses(tmp_path):
    """The first start in the default data folder creates the database, loads the demo and
    lists it (issue #2 'done when'; #13: only there)."""
    result = _run("list", data_home=tmp_path / "data")
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
    result = _run("--db", str(db), "list", data_home=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "No theses yet" in result.stdout
    assert not (tmp_path / "data" / "thesis-tracker" / "theses.sqlite3").exists()
    loaded = _run("--db", str(db), "demo", data_home=tmp_path / "data")
    assert loaded.returncode == 0 and "Loaded 5 demo theses" in loaded.stdout, loaded.stderr
    assert "Big light" in _run("--db", str(db), "list", data_home=tmp_path / "data").stdout
    removed = _run("--db", str(db), "demo", "--remove", data_home=tmp_path / "data")
    assert "Removed 5 demo theses" in removed.stdout, removed.stderr
    assert "No theses yet" in _run("--db", str(db), "list", data_home=tmp_path / "data").stdout
