"""gui/app.py: the QApplication, the versions Help ▸ About shows, and a start with no display
(#3)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

import main
from gui.assets import DESKTOP_ID


def test_no_display_is_a_clear_error(monkeypatch, capsys, tmp_path):
    """Starting the desktop app where no window can be shown gives a message, not a Qt abort,
    and creates no database (#3)."""
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    db = tmp_path / "never-created.sqlite3"
    assert main.main(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "no display" in err and "Traceback" not in err
    assert not db.exists()


def test_about_box_names_the_one_version(qapp):
    """Help ▸ About shows model.__version__, the number --version and pyproject use (#13)."""
    from gui.app import versions
    from model import __version__
    assert versions().splitlines()[0] == f"Thesis Tracker {__version__}"


def test_window_has_the_icon_and_the_desktop_file_name(tmp_path, settings, qtbot,
                                                       monkeypatch):
    """The app's window gets the app icon (right after its first paint) and the application
    names its .desktop file, so the taskbar shows our icon (Wayland matches windows to the
    entry by this name)."""
    from gui import crash
    from gui.app import start
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = start(tmp_path / "t.sqlite3", settings=settings, log_dir=tmp_path / "log")
    try:
        # The icon is set in the step after the first paint, with the log: wait for that step
        # (another test may have set the application's icon already), so it cannot run after
        # this test and install its crash hook into the next one.
        qtbot.waitUntil(lambda: (tmp_path / "log" / "thesis-tracker.log").exists()
                        and not window.windowIcon().isNull())
        assert window.windowIcon().cacheKey() == QGuiApplication.windowIcon().cacheKey()
        assert QGuiApplication.desktopFileName() == DESKTOP_ID
    finally:
        window.close()
        crash.uninstall()
