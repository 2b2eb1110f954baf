"""Start the desktop app: the QApplication, then the main window on the last database."""

from __future__ import annotations

import sys

# No CJK font is registered for the screen: fontconfig (and macOS and Windows) fall back to an
# installed CJK font by themselves, while registering one costs ~15 ms and ~5 MB at every start.
# PDF export registers its own (gui.export.fonts), since a PDF must embed a known font.


def make_application(argv=None):
    """The QApplication (reused when one exists, as under pytest-qt)."""
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    app.setOrganizationName("ThesisTracker")
    app.setApplicationName("Thesis Tracker")
    from model import __version__
    app.setApplicationVersion(__version__)
    # The launcher and the taskbar match the window to thesis-tracker's .desktop entry (#13);
    # the icon follows after the first paint (set_app_icon).
    from PySide6.QtGui import QGuiApplication

    from gui.assets import DESKTOP_ID
    QGuiApplication.setDesktopFileName(DESKTOP_ID)
    return app


def set_app_icon() -> None:
    """The app icon on every window (#13), once the first paint is on screen: reading the
    icon files through importlib.resources costs start-up time the window need not wait for."""
    from PySide6.QtGui import QGuiApplication

    from gui.assets import app_icon
    QGuiApplication.setWindowIcon(app_icon())


def versions() -> str:
    """The model's versions plus the Qt this window runs on (Help ▸ About)."""
    from PySide6.QtCore import qVersion

    from model.about import versions as model_versions
    lines = model_versions()
    lines.insert(3, f"Qt {qVersion()}")
    return "\n".join(lines)


def no_display_reason() -> str | None:
    """Why a window cannot be shown here (Linux without X11 or Wayland), or None."""
    import os
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("There is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
            "set). Run it in a desktop session, under Xvfb (xvfb-run make run), or use the "
            "command line: python main.py --help")


def start(db_path=None, *, settings=None, log_dir=None):
    """Everything the app does before its event loop (#13): the log and crash reports, the
    interface language, the window (the first start in the default data folder loads the
    demo, then the welcome says so), desktop reminders."""
    app = make_application()
    # A bug before the first paint gets its crash report too; the hook's module (and the
    # log, faulthandler, Qt's messages) are set up once the window has painted.
    _early_hook.log_dir = log_dir
    if sys.excepthook is not _early_hook:
        _early_hook.previous = sys.excepthook       # what crash.uninstall puts back
    sys.excepthook = _early_hook
    from PySide6.QtCore import QSettings
    # QSettings() is the window's own default: the organisation and application names above.
    settings = settings if settings is not None else QSettings()
    from gui.i18n import install_translators
    install_translators(settings, app)
    from gui import launch
    window = launch(db_path, settings=settings)

    def after_first_paint() -> None:
        import logging

        from gui import crash
        crash.install(log_dir)
        crash.start_logging()
        set_app_icon()
        logging.getLogger("thesis_tracker").info("window shown: %s", window.windowTitle())
        from gui import onboarding, reminders
        reminders.install(window)
        crash.report_previous_fatal(window)
        onboarding.welcome(window)
    _after_first_paint(window, after_first_paint)
    return window


def _after_first_paint(window, step) -> None:
    """Run ``step`` once the window's first paint is on screen and the window's own deferred
    start-up work has run (a timer started now would fire before the paint, which would
    then wait for the step): two turns of the event loop after the first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    ran: list[bool] = []

    def once() -> None:
        if not ran:
            ran.append(True)
            step()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj is window:
                window.removeEventFilter(self)
                QTimer.singleShot(0, window, lambda: QTimer.singleShot(0, window, once))
            return False
    window.installEventFilter(FirstPaint(window))
    # A window started minimised may not paint for a long time: the step runs anyway. Tied
    # to the window: a window deleted before then takes its step with it.
    QTimer.singleShot(2000, window, once)


def _early_hook(exc_type, exc, tb) -> None:
    from gui import crash
    crash.install(getattr(_early_hook, "log_dir", None))(exc_type, exc, tb)


def run(db_path=None) -> int:
    """The desktop app on ``db_path`` (else the last database, else the default, seeded)."""
    reason = no_display_reason()
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 1
    app = make_application()
    window = start(db_path)         # kept alive while the loop runs
    if window.opener.handed_over:
        # "Bring it forward" answered: the other window has the file; no empty window stays.
        window.close()
        return 0
    return app.exec()
