"""gui/crash_dialog.py: "Something went wrong — details saved to …" (#13). The dialog names the
report, shows the details, copies them with the report's path, and opens the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QPushButton

import pytest

from gui import crash_dialog
from gui.crash_dialog import CrashDialog, open_folder


@pytest.fixture
def opened(monkeypatch):
    """QDesktopServices.openUrl replaced: the folders the file manager was asked to show."""
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def dialog(qtbot, tmp_path):
    shown = CrashDialog(None, tmp_path / "log" / "crash-20261124.txt",
                        "Traceback (most recent call last):\nValueError: <b>boom</b>")
    qtbot.addWidget(shown)
    return shown


def test_it_names_the_report_and_shows_the_details_read_only(dialog, tmp_path):
    """The user reads where the report is and that their saved data is safe; the details shown are
    the traceback as written, read-only (#13)."""
    assert dialog.windowTitle() == "Something went wrong"
    message = dialog.findChild(object, "crashMessage").text()
    assert message.startswith("Something went wrong — details saved to "
                              f"{tmp_path / 'log' / 'crash-20261124.txt'}.")
    assert "your saved data is safe" in message
    details = dialog.findChild(QPlainTextEdit, "crashDetails")
    assert details.isReadOnly() and details.toPlainText().endswith("ValueError: <b>boom</b>")


def test_copy_details_puts_the_traceback_and_the_report_on_the_clipboard(dialog, tmp_path):
    """Copy details gives the traceback and the report's path, ready to paste into a bug report, and
    says it did."""
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == (
        "Traceback (most recent call last):\nValueError: <b>boom</b>\n"
        f"(report: {tmp_path / 'log' / 'crash-20261124.txt'})")
    assert dialog.copy_button.text() == "Copied"


def test_open_log_folder_opens_the_reports_folder_making_it_if_needed(dialog, tmp_path,
                                                                     opened):
    """Open log folder shows the report's folder in the file manager, creating it first if it is
    missing."""
    assert not (tmp_path / "log").exists()
    dialog.findChild(QPushButton, "openLogFolder").click()
    assert (tmp_path / "log").is_dir()
    assert [Path(u.toLocalFile()) for u in opened] == [tmp_path / "log"]
    assert open_folder(tmp_path / "other")
    assert (tmp_path / "other").is_dir()


def test_ask_waits_for_the_user_then_deletes_the_dialog(monkeypatch, tmp_path, qapp):
    """The dialog is modal and deleted after use (no hidden dialog lingers with the window)."""
    ran = []

    def exec_(self):
        ran.append(self)
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec", exec_)
    assert CrashDialog.ask(None, tmp_path / "r.txt", "details") is None
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    import shiboken6
    assert len(ran) == 1 and not shiboken6.isValid(ran[0])
