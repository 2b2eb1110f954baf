"""`make dist` (#13): a stand-alone folder built with PyInstaller that runs without Python:
`--version`, `list` on a database and the window (offscreen), with an environment that names
no Python at all."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(1200)      # PyInstaller's build alone may take minutes
def test_make_dist_builds_a_folder_that_runs_without_python(tmp_path):
    """The folder holds its own interpreter, Qt, the seeds and resources: the commands and
    the window work from it with PATH=/usr/bin:/bin and no Python variables."""
    dist = tmp_path / "dist"
    build = subprocess.run(["make", "-C", str(ROOT), "dist", f"DIST={dist}"],
                           capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stdout + build.stderr
    program = dist / "thesis-tracker" / "thesis-tracker"
    assert program.is_file()
    home = tmp_path / "home"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(program), *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)

    from model import __version__
    version = run("--version")
    assert version.returncode == 0 and f"Thesis Tracker {__version__}" in version.stdout
    db = tmp_path / "d.sqlite3"
    assert "No theses yet" in run("--db", str(db), "list").stdout
    assert run("--db", str(db), "demo").returncode == 0
    listed = run("--db", str(db), "list")
    assert listed.returncode == 0 and "Big light" in listed.stdout, listed.stderr

    log = home / ".local" / "state" / "thesis-tracker" / "log" / "thesis-tracker.log"
    app = subprocess.Popen([str(program), "--db", str(db)], cwd=tmp_path, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None:
            if log.exists() and "window shown: Thesis Tracker — d.sqlite3" in log.read_text():
                break
            time.sleep(0.2)
        assert "window shown: Thesis Tracker — d.sqlite3" in log.read_text()
    finally:
        app.terminate()
        app.wait(timeout=30)
