"""GUI fixtures: the main window on the demo database with isolated settings and a fixed day,
the app's start with small list pages, a database with reviews due."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import pytest

from gui.models.thesis_list import ThesisListModel
from model.service import Tracker
from tests.gui.helpers import DUE_THIS_WEEK, OVERDUE_REVIEW


@pytest.fixture
def window(make_window, db_path, qtbot):
    """The main window on a new demo database, shown at a desktop size."""
    w = make_window(db_path)
    w.resize(1400, 850)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def when_modal(qtbot):
    """Act on the next modal dialog as a user would (type, press Enter) once it is shown."""
    def schedule(act):
        done = []

        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(5, poll)
                return
            try:
                act(dialog)
            except BaseException:
                # A failed check must fail the test, not leave a modal dialog waiting forever.
                dialog.reject()
                raise
            done.append(dialog)
        QTimer.singleShot(0, poll)
        return done
    return schedule


@pytest.fixture
def launch(make_window, db_path, monkeypatch):
    """gui.launch as the app starts, with pages small enough that the demo's five theses take
    several: a first page of two, then one per turn of the event loop."""
    monkeypatch.setattr(ThesisListModel, "FIRST_PAGE", 2)
    monkeypatch.setattr(ThesisListModel, "PAGE", 1)
    return lambda: make_window(db_path, launch=True)


@pytest.fixture
def reviewed_window(make_window, db_path, clock, qtbot):
    """The demo database with one thesis's review 14 days overdue and one due this Friday."""
    t = Tracker.open(db_path, seed_if_new=True, clock=clock)
    small = next(th.id for th in t.theses.all() if th.title.startswith("Small light"))
    scale = next(th.id for th in t.theses.all() if th.title.startswith("Scale-across"))
    t.theses.update(small, next_review=OVERDUE_REVIEW)
    t.theses.update(scale, next_review=DUE_THIS_WEEK)
    t.close()
    w = make_window(db_path)
    w.resize(1400, 850)
    w.show()
    qtbot.waitExposed(w)
    w.ids = {"small": small, "scale": scale}
    return w
