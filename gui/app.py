"""Start the desktop app: the QApplication, a CJK font, the main window on the last database."""

from __future__ import annotations

import sys
from pathlib import Path

CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
             "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc")


def register_cjk_font() -> str | None:
    """Register a CJK font (if one is installed) as a fallback so Chinese never shows as boxes."""
    from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
    for candidate in CJK_FONTS:
        if Path(candidate).is_file():
            font_id = QFontDatabase.addApplicationFont(candidate)
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                font = QGuiApplication.font()
                font.setFamilies([font.family(), families[0]])
                QGuiApplication.setFont(font)
                for base in ("Sans Serif", "DejaVu Sans", font.family()):
                    QFont.insertSubstitution(base, families[0])
                return families[0]
    return None


def make_application(argv=None):
    """The QApplication (reused when one exists, as under pytest-qt)."""
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    app.setOrganizationName("ThesisTracker")
    app.setApplicationName("Thesis Tracker")
    if not getattr(app, "_thesis_tracker_font", False):
        app._thesis_tracker_font = register_cjk_font() or True
    return app


def versions() -> str:
    import platform
    import sqlite3
    import PySide6
    from PySide6.QtCore import qVersion
    from model import __version__
    return "\n".join([f"Thesis Tracker {__version__}", f"Python {platform.python_version()}",
                      f"Qt {qVersion()} · PySide6 {PySide6.__version__}",
                      f"SQLite {sqlite3.sqlite_version}"])


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


def run(db_path=None) -> int:
    """The desktop app on ``db_path`` (else the last database, else the default, seeded)."""
    reason = no_display_reason()
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 1
    app = make_application()
    from gui import create_main_window
    window = create_main_window(db_path)
    window.show()
    return app.exec()
