"""gui/reminders.py: desktop reminders while the app runs (#13). At the turn of the day what
fell due is one notification (the status bar where there is no tray, as offscreen); a click
opens the thesis, or Upcoming for several; View ▸ Desktop reminders turns them off."""

from __future__ import annotations

import datetime as dt

import pytest

from gui import reminders
from gui.reminders import Reminders, enabled
from model.reminders import Notice
from model.storage.store import Clock


@pytest.fixture
def day():
    return [dt.datetime(2026, 11, 24, 12, tzinfo=dt.timezone.utc)]


@pytest.fixture
def app(make_window, db_path, day, qtbot):
    window = make_window(db_path, clock=Clock(lambda: day[0]))
    window.show()
    qtbot.waitExposed(window)
    return window


def _next_day(window, day, days=1):
    day[0] += dt.timedelta(days=days)
    window.day_changed()


@pytest.mark.parametrize("stored, on", [(None, True), (True, True), ("true", True),
                                        (False, False), ("false", False), ("0", False),
                                        (0, False)])
def test_enabled_reads_the_setting_as_qsettings_stores_it(settings, stored, on):
    """QSettings gives back 'false' and '0' from an ini file: those are off, not truthy strings;
    unset is on."""
    if stored is not None:
        settings.setValue(reminders.SETTING, stored)
    assert enabled(settings) is on


def test_without_a_tray_a_reminder_is_a_status_bar_line(app, day, qtbot):
    """Where there is no tray (offscreen, some desktops) a reminder is the status bar line; the same
    day again says nothing new (#13)."""
    tracker = app.tracker
    thesis = tracker.theses.resolve("Small light")
    tracker.ops.add_catalyst(thesis, title="Isolator price list", expected="2026-11-25")
    notes = Reminders(app)
    assert notes.tray is None                       # offscreen: no system tray
    assert app.actions_by_name["reminders"].isCheckable()
    with qtbot.waitSignal(notes.notified) as seen:
        _next_day(app, day)
    notice = seen.args[0]
    assert notice is notes.last_notice and notice.thesis_id == thesis
    assert app.statusBar().currentMessage() == "Catalyst window opens: Isolator price list"
    with qtbot.assertNotEmitted(notes.notified):
        assert notes.check() is None                # the same day again: nothing new


def test_turned_off_says_nothing_and_back_on_reminds_of_what_comes_next(app, day, qtbot):
    """Off: nothing at the turn of the day; back on: only what falls due from then, not what was
    missed."""
    tracker = app.tracker
    thesis = tracker.theses.resolve("Small light")
    tracker.ops.add_catalyst(thesis, title="Day two", expected="2026-11-25")
    tracker.ops.add_catalyst(thesis, title="Day three", expected="2026-11-26")
    notes = Reminders(app)
    notes.set_enabled(False)
    assert not app.actions_by_name["reminders"].isChecked()
    with qtbot.assertNotEmitted(notes.notified):
        _next_day(app, day)
    notes.set_enabled(True)
    with qtbot.waitSignal(notes.notified) as seen:
        _next_day(app, day)
    body = seen.args[0].body
    # What fell due while off is not replayed; what happens next is (day two now overdue).
    assert "Window opens: Day three" in body and "Window opens: Day two" not in body
    assert "Overdue: Day two" in body


def test_a_click_opens_the_thesis_or_upcoming(app):
    """A click on the notification opens its thesis, or Upcoming for several theses; with none shown
    it does nothing."""
    notes = Reminders(app)
    notes.open_notice()                             # nothing shown yet: nothing happens
    assert app.pages.currentIndex() == 0
    big = app.tracker.theses.resolve("Big light")
    notes.last_notice = Notice("Review due", "Big light", big)
    app.show_upcoming()
    notes.open_notice()
    assert app.pages.currentIndex() == 0 and app.current_thesis_id() == big
    notes.last_notice = Notice("3 things fell due", "…", None)
    notes.open_notice()
    assert app.pages.currentWidget() is app.upcoming


def test_it_follows_the_open_database(app, db_path):
    """Another database opened gets its own reminders; none while no database is open."""
    notes = Reminders(app)
    assert notes.state is not None and notes.state.tracker is app.tracker
    app.close_database()
    assert notes.state is None and notes.check() is None
    app.open_database(db_path)
    assert notes.state.tracker is app.tracker


def test_toggle_installs_them_if_needed_and_follows_the_menu_entry(app):
    """View ▸ Desktop reminders works before and after the reminders are set up, and its check mark
    says the setting."""
    assert reminders.enabled(app.settings)
    reminders.toggle(app)                           # not installed yet: install, then off
    assert isinstance(app.reminders, Reminders) and not reminders.enabled(app.settings)
    action = app.actions_by_name["reminders"]
    action.setChecked(True)                         # the checkable entry flipped itself
    reminders.toggle(app)
    assert reminders.enabled(app.settings) and action.isChecked()
    assert reminders.install(app) is app.reminders
