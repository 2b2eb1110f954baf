"""Shared fixtures: a seeded database on a fixed day, an empty one, and the --runslow flag."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from model.service import Tracker  # noqa: E402
from model.storage.store import Clock  # noqa: E402

TODAY = dt.date(2026, 11, 24)


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run the slow variants (many kills, big datasets)")
    # Used by tests/safety (#6); registered here because only the root conftest may add options.
    parser.addoption("--kills", type=int, default=None,
                     help="SIGKILLs in the crash-safety test (default 200), for longer runs")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow variant: run with --runslow (make test-all)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def clock():
    return Clock.fixed(dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "theses.sqlite3"


@pytest.fixture
def tracker(db_path, clock):
    """The demo database (seeded from seeds/demo.json) on 2026-11-24."""
    t = Tracker.open(db_path, seed_if_new=True, clock=clock)
    yield t
    t.close()


@pytest.fixture
def empty_tracker(db_path, clock):
    t = Tracker.open(db_path, clock=clock)
    yield t
    t.close()


@pytest.fixture
def settings(tmp_path):
    """A QSettings file of the test's own, so no test reads or writes the user's settings."""
    from PySide6.QtCore import QSettings
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings, clock):
    """Windows on a database: built whole (create_main_window), or with ``launch=True`` shown
    the way the app starts (gui.launch: the rest after the first paint)."""
    import gui
    made = []

    def make(db_path, *, launch: bool = False, **kwargs):
        build = gui.launch if launch else gui.create_main_window
        # A new test file is the demo database (the app itself seeds only the default file).
        kwargs.setdefault("seed_if_new", True)
        window = build(db_path, settings=kwargs.pop("settings", settings),
                       clock=kwargs.pop("clock", clock), **kwargs)
        qtbot.addWidget(window)
        made.append(window)
        return window
    yield make
    for window in made:
        if window.tracker is not None:
            window.close()


@pytest.fixture(autouse=True)
def _close_export_notices():
    """Close the "exported to …" boxes a test left open (they are not modal: nothing waits on
    them), so none lingers into the next test."""
    yield
    import sys
    if "gui.export.dialogs" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "exportDone":
            widget.close()


@pytest.fixture(autouse=True)
def _system_language(request):
    """Every Qt test runs in the interface language a user with no choice of their own gets
    (the system's: C, so English with its plural forms, ISO dates), whatever the test before
    it chose (#13): translators, QLocale's default and the dates it writes are process-wide."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        request.getfixturevalue("qapp")
        from gui import i18n
        if i18n.installed_language() != "":
            i18n.install_language("")
    yield
