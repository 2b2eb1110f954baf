"""Telling the user what happened (#13): the log, Qt's messages in it, and a dialog instead of
a silent failure when code of ours raises.

``install(app)`` (once, from gui.app) starts the rotating log in the platform's log folder,
routes Qt's own messages into it, writes native crashes there with ``faulthandler`` and
replaces ``sys.excepthook``: an exception that escapes a slot or an event handler is written to
a crash report and shown as "Something went wrong — details saved to …" with Copy details,
while the window goes on running.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

log = logging.getLogger("thesis_tracker")


class CrashDialog(QDialog):
    """"Something went wrong — details saved to …", the details, Copy details, Open log
    folder."""

    def __init__(self, parent, report: Path, details: str):
        super().__init__(parent, objectName="crashDialog")
        self.setWindowTitle("Something went wrong")
        self.report = report
        self.details = details
        layout = QVBoxLayout(self)
        message = QLabel(
            f"Something went wrong — details saved to {report}.\n\nWhat you were doing may "
            f"not have finished; your saved data is safe. Please send the details with a "
            f"note of what you did.", objectName="crashMessage")
        message.setWordWrap(True)
        message.setTextInteractionFlags(message.textInteractionFlags()
                                        | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        self.text = QPlainTextEdit(details, objectName="crashDetails")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy details", objectName="copyDetails")
        folder = QPushButton("Open log &folder", objectName="openLogFolder")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        folder.clicked.connect(lambda: open_folder(report.parent))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(f"{self.details}\n(report: {self.report})")
        self.copy_button.setText("Copied")

    @classmethod
    def ask(cls, parent, report: Path, details: str) -> None:
        """Show it and wait until the user closes it (tests replace this)."""
        dialog = cls(parent, report, details)
        dialog.exec()
        dialog.deleteLater()


class CrashHandler:
    """sys.excepthook for the running app: report, log, dialog; never a second dialog over
    the first, never an exception of its own."""

    def __init__(self, directory: Path | None = None):
        self.directory = directory
        self.showing = False
        self.reports: list[Path] = []

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        import traceback

        from model.logs import write_crash_report
        try:
            report = write_crash_report(exc_type, exc, tb, directory=self.directory)
        except Exception:                       # noqa: BLE001 - the hook must not raise
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.reports.append(report)
        if sys.stderr is not None:              # pythonw on Windows has none
            traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        if self.showing or QApplication.instance() is None:
            return                              # one dialog at a time; the rest is logged
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self.show(report, details)

    def show(self, report: Path, details: str) -> None:
        self.showing = True
        try:
            CrashDialog.ask(QApplication.activeWindow(), report, details)
        except Exception:                       # noqa: BLE001
            log.exception("the crash dialog failed")
        finally:
            self.showing = False


_QT_LEVELS = {"QtDebugMsg": logging.DEBUG, "QtInfoMsg": logging.INFO,
              "QtWarningMsg": logging.WARNING, "QtCriticalMsg": logging.ERROR,
              "QtFatalMsg": logging.CRITICAL}


def route_qt_messages():
    """Send Qt's own messages (qWarning and friends) to the log, then on to whatever handled
    them before (the terminal, or pytest-qt). Returns the previous handler."""
    from PySide6.QtCore import qInstallMessageHandler
    qt_log = logging.getLogger("qt")
    previous = None

    def handler(mode, context, message):
        level = _QT_LEVELS.get(getattr(mode, "name", str(mode)), logging.WARNING)
        where = f" ({context.file}:{context.line})" if context and context.file else ""
        qt_log.log(level, "%s%s", message, where)
        if previous is not None:
            previous(mode, context, message)
        elif level >= logging.WARNING and sys.stderr is not None:
            print(message, file=sys.stderr)
    previous = qInstallMessageHandler(handler)
    return previous


_installed: dict = {}


def install(directory: Path | None = None) -> CrashHandler:
    """Log, Qt messages, faulthandler and the exception hook, once per process."""
    if "handler" in _installed:
        return _installed["handler"]
    import faulthandler

    from model.logs import open_fatal_file, setup_logging, take_fatal_report
    path = setup_logging(directory)
    log.info("Thesis Tracker starting (log: %s)", path)
    previous_qt = route_qt_messages()
    handler = CrashHandler(directory)
    previous_fatal = take_fatal_report(directory)
    fatal = open_fatal_file(directory)
    faulthandler_was = faulthandler.is_enabled()
    faulthandler.enable(file=fatal, all_threads=True)
    _installed.update(handler=handler, fatal=fatal, previous_fatal=previous_fatal,
                      previous_hook=sys.excepthook, previous_qt=previous_qt,
                      faulthandler_was=faulthandler_was)
    sys.excepthook = handler
    return handler


def uninstall() -> None:
    """Undo install() (tests: the next test gets the hooks it had)."""
    if "handler" not in _installed:
        return
    import faulthandler

    from PySide6.QtCore import qInstallMessageHandler

    from model.logs import stop_logging
    sys.excepthook = _installed["previous_hook"]
    qInstallMessageHandler(_installed["previous_qt"])
    faulthandler.disable()
    if _installed["faulthandler_was"] and sys.__stderr__ is not None:
        faulthandler.enable(file=sys.__stderr__)
    _installed["fatal"].close()
    stop_logging()
    _installed.clear()


def report_previous_fatal(parent) -> None:
    """If the last run died in native code, say so once (after the window is up)."""
    report = _installed.pop("previous_fatal", None)
    if report is not None:
        text = report.read_text(encoding="utf-8", errors="replace")
        CrashDialog.ask(parent, report, "The last session stopped unexpectedly.\n\n" + text)


def open_folder(path: Path) -> bool:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    path.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_log_folder(window) -> bool:
    """Help ▸ Open log folder."""
    from model.logs import log_dir
    folder = log_dir()
    opened = open_folder(folder)
    window.statusBar().showMessage(f"The log is in {folder}" if opened
                                   else f"Could not open {folder}", 10000)
    return opened
