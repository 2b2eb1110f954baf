"""gui/date_field.py: a date typed as text or picked from a calendar, never changed behind the
user (#11). A QDateEdit turned an out-of-range year into another date without a word; this
field keeps exactly what was typed, and the model judges it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

import pytest

from gui.date_field import CalendarPopup, DateField

# The calendar is a popup, which grabs the keyboard: the offscreen platform cannot, and says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


@pytest.fixture
def field(qtbot):
    widget = DateField(object_name="reviewDate", optional=True)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_what_is_typed_is_kept_exactly_even_if_it_is_no_date(field, qtbot):
    """No fix-up: '2026-02-30' and 'soon' stay for the model to refuse with a message."""
    for typed in ("2026-02-30", "soon", "99999-01-01"):
        field.edit.clear()
        qtbot.keyClicks(field.edit, typed)
        assert field.text() == typed
    field.setText("  2026-03-05 ")
    assert field.text() == "2026-03-05"
    field.setText(None)
    assert field.text() == ""
    field.set_date(dt.date(2026, 11, 24))
    assert field.text() == "2026-11-24"
    field.set_date(None)
    assert field.text() == ""


def test_names_placeholder_and_focus_follow_the_field(field):
    """Scripts find the parts by name; the placeholder says the format (and '(none)' for an optional
    date); focus goes to the text."""
    assert field.objectName() == "reviewDate" and field.edit.objectName() == "reviewDateText"
    assert field.button.objectName() == "reviewDateCalendar"
    assert field.edit.placeholderText() == "YYYY-MM-DD (none)"
    assert field.focusProxy() is field.edit
    field.setFocus()
    assert field.hasFocus() == field.edit.hasFocus()
    required = DateField()
    assert required.edit.placeholderText() == "YYYY-MM-DD"
    required.deleteLater()


def test_enter_finishes_editing(field, qtbot):
    """Enter saves the field (editingFinished), as in the other fields."""
    with qtbot.waitSignal(field.editingFinished, timeout=1000):
        field.edit.setFocus()
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def test_alt_down_opens_the_calendar_on_the_typed_day(field, qtbot):
    """Alt+Down opens the calendar on the day typed, so a user can pick a nearby day."""
    field.setText("2027-01-15")
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup
    assert isinstance(popup, CalendarPopup) and popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2027, 1, 15)
    popup.close()


def test_a_calendar_opened_on_text_that_is_no_date_shows_today(field, qtbot):
    """Text that is no date opens the calendar on today and is left as typed."""
    field.setText("soon")
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.popup.calendar.selectedDate() == QDate.currentDate()
    assert field.text() == "soon"                       # opening changes nothing
    field.popup.close()


def test_picking_a_day_fills_the_field_and_finishes_editing(field, qtbot):
    """Clicking or activating a day writes it as YYYY-MM-DD, closes the calendar and saves."""
    field.show_calendar()
    with qtbot.waitSignal(field.editingFinished, timeout=1000):
        field.popup.calendar.activated.emit(QDate(2026, 12, 31))
    assert field.text() == "2026-12-31" and not field.popup.isVisible()
    field.show_calendar()
    with qtbot.waitSignal(field.popup.picked, timeout=1000):
        field.popup.calendar.clicked.emit(QDate(2027, 2, 1))
    assert field.text() == "2027-02-01"
