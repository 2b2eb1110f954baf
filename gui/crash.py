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

from PySide6.QtWidgets import QApplication

log = logging.getLogger("thesis_tracker")


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
        from gui.crash_dialog import CrashDialog
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
    """The exception hook and faulthandler, once per process, before the window is built (a
    bug at start-up gets its report too); ``start_logging`` follows after the first paint."""
    if "handler" in _installed:
        return _installed["handler"]
    import faulthandler

    from model.logs import open_fatal_file, take_fatal_report
    handler = CrashHandler(directory)
    previous_fatal = take_fatal_report(directory)
    fatal = open_fatal_file(directory)
    faulthandler_was = faulthandler.is_enabled()
    faulthandler.enable(file=fatal, all_threads=True)
    _installed.update(handler=handler, fatal=fatal, previous_fatal=previous_fatal,
                      # gui.app's early hook stands in for this one until it is installed
                      previous_hook=getattr(sys.excepthook, "previous", sys.excepthook),
                      faulthandler_was=faulthandler_was,
                      directory=directory)
    sys.excepthook = handler
    return handler


def start_logging() -> Path:
    """The rotating log and Qt's messages in it. Called once the window has painted: the
    logging machinery (logging.handlers) costs start-up time the first paint need not wait
    for; until then Qt's messages go to stderr as before, and crash reports are written
    either way."""
    from model.logs import setup_logging
    path = setup_logging(_installed.get("directory"))
    if "previous_qt" not in _installed:
        _installed["previous_qt"] = route_qt_messages()
    log.info("Thesis Tracker started (log: %s)", path)
    return path


def uninstall() -> None:
    """Undo install() (tests: the next test gets the hooks it had)."""
    if "handler" not in _installed:
        return
    import faulthandler

    from PySide6.QtCore import qInstallMessageHandler

    from model.logs import stop_logging
    sys.excepthook = _installed["previous_hook"]
    if "previous_qt" in _installed:
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
        from gui.crash_dialog import CrashDialog
        text = report.read_text(encoding="utf-8", errors="replace")
        CrashDialog.ask(parent, report, "The last session stopped unexpectedly.\n\n" + text)


def open_log_folder(window) -> bool:
    """Help ▸ Open log folder."""
    from gui.crash_dialog import open_folder
    from model.logs import log_dir
    folder = log_dir()
    opened = open_folder(folder)
    from gui.i18n import translate
    text = (translate("Crash", "The log is in {folder}") if opened
            else translate("Crash", "Could not open {folder}"))
    window.statusBar().showMessage(text.format(folder=folder), 10000)
    return opened
