"""Draw the pictures in docs/ from the app on a fresh demo database, offscreen:

- main-window.png: the main window, Small light's catalysts;
- main-window-dark.png: the same in the dark palette, on Big light's Timeline;
- main-window-zh.png: the same in Simplified Chinese, Big light's Overview with its chips;
- prices-tab.png: Big light's Prices tab with prices imported (illustrative closes made up
  here, a random walk per company: the demo ships no market data) and its event study;
- timeline.png: Big light's Timeline, its conviction and status from the history.

Run: .venv/bin/python docs/screenshot.py  (no display needed)
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Illustrative daily closes: (ticker, first close, daily drift, seed).
PRICES = (("300308.SZ", 118.0, 0.0042, 1), ("300502.SZ", 72.0, 0.0048, 2),
          ("300394.SZ", 95.0, 0.0022, 3), ("GOOGL", 168.0, 0.0011, 4),
          ("399006.SZ", 2050.0, 0.0009, 5))


def write_prices(folder: Path, ticker: str, first: float, drift: float, seed: int,
                 start: dt.date, end: dt.date) -> Path:
    """A Yahoo-style CSV of weekday closes from ``start`` to ``end``."""
    rng = random.Random(seed)
    rows, close, day = [], first, start
    while day <= end:
        if day.weekday() < 5:
            close *= 1 + drift + rng.gauss(0, 0.022)
            rows.append(f"{day},{close:.2f},{close:.2f},{close:.2f},{close:.2f},{close:.2f},1")
        day += dt.timedelta(days=1)
    path = folder / f"{ticker}.csv"
    path.write_text("Date,Open,High,Low,Close,Adj Close,Volume\n" + "\n".join(rows) + "\n")
    return path


def dark_palette(light):
    """A dark palette as a desktop in dark mode gives the app."""
    from PySide6.QtGui import QColor, QPalette
    palette = QPalette(light)
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#17181a"),
                         (QPalette.ColorRole.AlternateBase, "#232529"),
                         (QPalette.ColorRole.Button, "#2d2f33"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.ToolTipBase, "#2d2f33"),
                         (QPalette.ColorRole.ToolTipText, "#e8eaed"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
                         (QPalette.ColorRole.Highlight, "#3d6fb6"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.Light, "#3c3f44"),
                         (QPalette.ColorRole.Midlight, "#33363a"),
                         (QPalette.ColorRole.Mid, "#2a2c30"),
                         (QPalette.ColorRole.Dark, "#121314"),
                         (QPalette.ColorRole.Shadow, "#000000")):
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    return palette


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui import create_main_window, i18n
    from model.storage.store import Clock
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")           # the same look whatever the machine's default style

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    written = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        # English, whatever this machine's language.
        settings.setValue(i18n.SETTING, "en")
        i18n.install_translators(settings)
        # The day the demo's notes describe, so the pictures show its overdue and due items.
        clock = Clock.fixed(dt.datetime(2026, 11, 24, 10, tzinfo=dt.timezone.utc))
        window = create_main_window(Path(tmp) / "theses.sqlite3", settings=settings,
                                    clock=clock)
        window.resize(1400, 850)
        window.show()
        tracker = window.tracker
        by_title = {t.title.split(":")[0]: t.id for t in tracker.theses.all()}
        window.show_thesis(by_title["Small light"])
        window.detail.tabs.setCurrentIndex(3)       # Catalysts
        settle()
        target = ROOT / "docs" / "main-window.png"
        window.grab().save(str(target))
        written.append(target)

        window.show_thesis(by_title["Big light"])
        window.detail.tabs.setCurrentWidget(window.charts["timeline"])
        settle()
        target = ROOT / "docs" / "timeline.png"
        window.detail.grab().save(str(target))
        written.append(target)

        # Prices, imported the way a user does it from the tab (the benchmark, 399006.SZ,
        # has no company yet: the import creates it).
        for ticker, first, drift, seed in PRICES:
            path = write_prices(Path(tmp), ticker, first, drift, seed, dt.date(2025, 6, 2),
                                dt.date(2026, 11, 20))
            company = tracker.companies.by_ticker(ticker)
            tracker.ops.import_prices(company.id if company else ticker, str(path),
                                      create_as=None if company else "ChiNext index")
        window.detail.tabs.setCurrentWidget(window.charts["prices"])
        settle()
        target = ROOT / "docs" / "prices-tab.png"
        window.detail.grab().save(str(target))
        written.append(target)

        # The system turns dark while the app runs: everything follows, charts included.
        window.statusBar().clearMessage()
        light = app.palette()
        app.setPalette(dark_palette(light))
        window.detail.tabs.setCurrentWidget(window.charts["timeline"])
        settle()
        target = ROOT / "docs" / "main-window-dark.png"
        window.grab().save(str(target))
        written.append(target)
        app.setPalette(light)

        # View ▸ Language… 简体中文, as a user chooses it: the running window switches.
        i18n.LanguageDialog.ask = classmethod(lambda cls, parent, names, index:
                                              ("简体中文", True))
        window.actions_by_name["language"].trigger()
        window.detail.tabs.setCurrentIndex(0)       # Overview: the theme and tag chips
        settle()
        target = ROOT / "docs" / "main-window-zh.png"
        window.grab().save(str(target))
        written.append(target)
        i18n.install_language("en")
        window.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
