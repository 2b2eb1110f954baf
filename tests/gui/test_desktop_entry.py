"""`make install-desktop` (#13): the launcher entry, metainfo and icons for the current user in
the XDG folders, its Exec line starting this program; --uninstall removes them."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import main
from gui.assets import APP_ICON_SIZES, DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share"


def test_install_desktop_writes_entry_icons_and_metainfo(data_home, capsys):
    """install-desktop writes the .desktop entry, every icon size and the metainfo where the desktop
    looks for them (#13)."""
    assert main.main(["install-desktop"]) == 0
    entry_path = data_home / "applications" / f"{DESKTOP_ID}.desktop"
    assert "Installed" in capsys.readouterr().out
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(entry_path.read_text())
    command = shlex.split(entry["Desktop Entry"]["Exec"])
    # The thesis-tracker script beside this Python (else this Python on main.py): the
    # launcher starts the program that was installed, which answers --version.
    assert command[-1] == "%f" and Path(command[0]).is_file()
    assert command[0] == str(Path(sys.executable).with_name("thesis-tracker")) \
        or command[:2] == [sys.executable, str(ROOT / "main.py")]
    started = subprocess.run(command[:-1] + ["--version"], capture_output=True, text=True,
                             timeout=60)
    assert started.returncode == 0 and "Thesis Tracker" in started.stdout
    assert "TryExec" not in entry["Desktop Entry"]
    assert (data_home / "metainfo" / f"{DESKTOP_ID}.metainfo.xml").is_file()
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    for size in APP_ICON_SIZES:
        assert (data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                / f"{DESKTOP_ID}.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True,
                               text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    assert main.main(["install-desktop", "--uninstall"]) == 0
    assert not entry_path.exists()
    assert not list((data_home / "icons").rglob(f"{DESKTOP_ID}.*"))


def test_make_install_desktop_runs_the_command(data_home):
    """The Makefile target is the command (so it works the same from a wheel)."""
    result = subprocess.run(["make", "-s", "-C", str(ROOT), "install-desktop",
                             f"VENV={Path(sys.executable).parent.parent}"],
                            env=dict(os.environ, XDG_DATA_HOME=str(data_home)),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (data_home / "applications" / f"{DESKTOP_ID}.desktop").is_file()
