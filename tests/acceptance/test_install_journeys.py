"""The wheel installs and runs anywhere Python does (#13): built from the checkout, installed
into a fresh virtualenv outside it, run from another folder. A wheel without seeds/ crashed on
its first start (FileNotFoundError: …/seeds/demo.json)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel as `pip wheel .` builds it (no network: setuptools from our virtualenv)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(ROOT)], check=True,
                   capture_output=True, timeout=300)
    (built,) = out.glob("thesis_tracker-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv outside the checkout with only the wheel installed in it; its
    dependencies come from our virtualenv's site-packages, added after its own (so the
    checkout, installed there in editable mode, is not on its path)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"], check=True,
                             capture_output=True, text=True).stdout.strip()
    Path(purelib, "our-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    return venv


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "THESIS_TRACKER_DB", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"))
    return env


def test_wheel_ships_seeds_resources_and_the_gui_script(wheel):
    """The seeds, icons, desktop files, font and schema are in the wheel; thesis-tracker is a
    gui-script (no console window on Windows) and thesis-tracker-cli a console script."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(next(n for n in names
                                         if n.endswith("entry_points.txt"))).decode()
    for name in ("model/seeds/demo.json", "model/interchange/bundle.schema.json",
                 "gui/resources/icons/app/thesis-tracker.svg",
                 "gui/resources/icons/app/thesis-tracker-512.png",
                 "gui/resources/icons/actions/tick.svg",
                 "gui/resources/fonts/NotoSansSC-Subset.otf", "gui/resources/fonts/OFL.txt",
                 "gui/resources/desktop/io.github.thesistracker.ThesisTracker.desktop",
                 "main.py"):
        assert name in names, name
    gui_scripts = entry_points.split("[gui_scripts]")[1]
    assert "thesis-tracker = main:main" in gui_scripts
    assert "thesis-tracker-cli = main:main" in entry_points.split("[gui_scripts]")[0]


def test_installed_wheel_runs_the_cli_and_the_window_from_another_folder(installed, tmp_path):
    """From a folder that is not the checkout: the code comes from the virtualenv, `--version`
    names the one version, `--db X list` works, `demo` finds the shipped seeds, and the
    window starts offscreen and shows (it writes so to the log)."""
    from model import __version__
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _env(tmp_path / "home")
    script = installed / "bin" / "thesis-tracker"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(script), *args], cwd=elsewhere, env=env,
                              capture_output=True, text=True, timeout=120)

    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import model, gui.resources; print(model.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert str(installed) in where.stdout and str(ROOT) not in where.stdout
    version = run("--version")
    assert version.returncode == 0 and f"Thesis Tracker {__version__}" in version.stdout
    db = tmp_path / "x.sqlite3"
    listed = run("--db", str(db), "list")
    assert listed.returncode == 0, listed.stderr
    assert "No theses yet" in listed.stdout            # a file named with --db starts empty
    assert run("--db", str(db), "demo").returncode == 0
    listed = run("--db", str(db), "list")
    assert "Big light" in listed.stdout, listed.stderr

    log = tmp_path / "home" / "state" / "thesis-tracker" / "log" / "thesis-tracker.log"
    app = subprocess.Popen([str(script), "--db", str(db)], cwd=elsewhere, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None:
            if log.exists() and "window shown: Thesis Tracker — x.sqlite3" in log.read_text():
                break
            time.sleep(0.2)
        assert app.poll() is None, app.communicate()
        assert "window shown: Thesis Tracker — x.sqlite3" in log.read_text()
        assert "Traceback" not in log.read_text()
    finally:
        app.send_signal(signal.SIGTERM)
        app.communicate(timeout=30)
