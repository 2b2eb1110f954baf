"""gui/app.py: the QApplication, the versions Help ▸ About shows, and a start with no display
(#3)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

import pytest

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


@pytest.mark.parametrize("platform, env, blocked", [
    ("linux", {}, True),
    ("linux", {"DISPLAY": ":0"}, False),
    ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, False),
    ("linux", {"QT_QPA_PLATFORM": "offscreen"}, False),
    ("darwin", {}, False),
    ("win32", {}, False),
])
def test_no_display_reason_only_on_linux_without_any_display(monkeypatch, platform, env,
                                                            blocked):
    """Only Linux with neither X11, Wayland nor a Qt platform set is refused, with the ways out
    named; elsewhere Qt decides."""
    from gui.app import no_display_reason
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.platform", platform)
    reason = no_display_reason()
    assert (reason is not None) == blocked
    if blocked:
        assert "xvfb-run" in reason and "python main.py --help" in reason


def test_the_application_is_reused_and_named(qapp):
    """pytest-qt's application (or one a tool made) is reused, named for QSettings and the
    desktop entry, with the one version number (#13)."""
    from gui.app import make_application
    from model import __version__
    assert make_application() is qapp
    assert (qapp.organizationName(), qapp.applicationName()) == ("ThesisTracker",
                                                                 "Thesis Tracker")
    assert qapp.applicationVersion() == __version__
    assert QGuiApplication.desktopFileName() == DESKTOP_ID


def test_versions_name_qt_beside_the_models(qapp):
    """Help ▸ About lists the model's versions with Qt's inserted (bug reports name both)."""
    from PySide6.QtCore import qVersion

    from gui.app import versions
    from model.about import versions as model_versions
    lines = versions().splitlines()
    assert lines[3] == f"Qt {qVersion()}"
    assert [line for line in lines if not line.startswith("Qt ")] == model_versions()


def test_run_ends_at_once_when_another_window_took_the_file(monkeypatch, qapp):
    """#12: a second start answered "Bring it forward" closes its own (empty) window and
    exits 0 without entering the event loop."""
    import gui.app as app_module

    class Window:
        closed = False

        class opener:
            handed_over = True

        def close(self):
            Window.closed = True
    monkeypatch.setattr(app_module, "no_display_reason", lambda: None)
    monkeypatch.setattr(app_module, "start", lambda db=None: Window())
    monkeypatch.setattr(type(qapp), "exec", lambda self: pytest.fail("no event loop"))
    assert app_module.run("x.sqlite3") == 0 and Window.closed
