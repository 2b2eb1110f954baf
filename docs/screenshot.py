"""Draw docs/main-window.png: the main window on a fresh demo database, offscreen.

Run: .venv/bin/python docs/screenshot.py  (no display needed)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui import create_main_window
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_main_window(Path(tmp) / "theses.sqlite3", settings=settings)
        window.resize(1400, 850)
        window.show()
        tracker = window.tracker
        small = next(t.id for t in tracker.theses.all() if t.title.startswith("Small light"))
        window.show_thesis(small)
        window.detail.tabs.setCurrentIndex(3)       # Catalysts
        app = QApplication.instance()
        for _ in range(5):
            app.processEvents()
        target = ROOT / "docs" / "main-window.png"
        window.grab().save(str(target))
        window.close()
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
