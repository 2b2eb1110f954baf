"""gui/crash.py (#13): Qt's own messages reach the log; a second error while the first dialog
is open is reported to the file and the log without a second dialog; the hooks go back."""

from __future__ import annotations

import sys

from PySide6.QtCore import qInfo

import pytest

from gui import crash
from gui.crash import CrashHandler
from gui.crash_dialog import CrashDialog


@pytest.fixture
def installed(tmp_path):
    handler = crash.install(tmp_path / "log")
    crash.start_logging()
    yield handler
    crash.uninstall()


def test_qt_messages_go_to_the_log(installed, tmp_path):
    """A message from Qt (qInfo here; warnings alike) is a line of the log, so a user's
    report says what Qt complained about."""
    qInfo("font fallback chosen for 光模块")
    text = (tmp_path / "log" / "thesis-tracker.log").read_text(encoding="utf-8")
    assert "qt: font fallback chosen for 光模块" in text


def test_one_dialog_at_a_time(tmp_path, monkeypatch, qapp):
    """An error raised while the crash dialog is open (a timer firing behind it) gets its own
    report but no second dialog over the first."""
    handler = CrashHandler(tmp_path)
    shown = []

    def ask(cls, parent, report, details):
        shown.append(report)
        try:
            raise ValueError("second")
        except ValueError:
            handler(*sys.exc_info())
    monkeypatch.setattr(CrashDialog, "ask", classmethod(ask))
    try:
        raise KeyError("first")
    except KeyError:
        handler(*sys.exc_info())
    assert len(shown) == 1 and len(handler.reports) == 2
    assert "ValueError: second" in handler.reports[1].read_text()


def test_uninstall_restores_the_hooks(tmp_path):
    """Uninstalling puts the previous excepthook back (the next test, or an embedding tool, gets its
    own)."""
    before = sys.excepthook
    crash.install(tmp_path / "log")
    assert sys.excepthook is not before
    crash.uninstall()
    assert sys.excepthook is before
