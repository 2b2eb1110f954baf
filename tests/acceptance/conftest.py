"""Journeys through the real window: the app's window on the demo database, dialogs answered as
a user would (the fixtures are the GUI tests' own)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import when_modal, window  # noqa: F401  (fixtures)


def click_tab(qtbot, tabs, widget) -> None:
    """Click a tab's title (the tab holding ``widget``, or the index given), as a user does."""
    index = widget if isinstance(widget, int) else tabs.indexOf(widget)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def prices_csv(path, start: str, days: int, *, first_close: float = 100.0, skip=()) -> str:
    """A Yahoo-style daily file of ``days`` weekdays from ``start`` (without ``skip``)."""
    day = dt.date.fromisoformat(start)
    rows, close = [], first_close
    while len(rows) < days:
        if day.weekday() < 5 and day.isoformat() not in skip:
            close *= 1.004 if len(rows) % 3 else 0.995
            rows.append(f"{day},{close:.2f},{close:.2f},{close:.2f},{close:.2f},{close:.2f},1000")
        day += dt.timedelta(days=1)
    path.write_text("Date,Open,High,Low,Close,Adj Close,Volume\n" + "\n".join(rows) + "\n")
    return str(path)


@pytest.fixture
def big_light(window):  # noqa: F811  (the window fixture imported above)
    """The window showing the demo's "Big light" thesis."""
    thesis = next(t for t in window.tracker.theses.all() if t.title.startswith("Big light"))
    window.show_thesis(thesis.id)
    return thesis
