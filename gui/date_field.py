"""A date typed as text (YYYY-MM-DD) or picked from a calendar, never changed behind the user.

A QDateEdit fixes up what it cannot take (an out-of-range year becomes another date without a
word, #11): this field keeps exactly what was typed, and the model judges it, so a refused date
is refused with a message and stays in the field to be corrected.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import Retranslating


class CalendarPopup(QWidget):
    """The calendar under a date field; a click (or Enter) picks, Escape closes."""

    picked = Signal(QDate)      # the user chose this day

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.calendar = QCalendarWidget(objectName="calendar")
        self.calendar.setGridVisible(True)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class DateField(Retranslating, QWidget):
    """A line edit for YYYY-MM-DD with a calendar button beside it."""

    editingFinished = Signal()      # Enter, leaving the field, or a day picked

    def __init__(self, parent=None, *, object_name: str = "dateField", optional: bool = False):
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(objectName=f"{object_name}Text")
        self.optional = optional
        self.edit.setClearButtonEnabled(optional)
        self.button = QToolButton(objectName=f"{object_name}Calendar")
        self.button.setText("…")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.popup: CalendarPopup | None = None
        self.button.clicked.connect(self.show_calendar)
        self.edit.editingFinished.connect(self.editingFinished)
        self.edit.installEventFilter(self)
        self.apply_language()

    def retranslate(self) -> None:
        # Typed and stored as ISO whatever the language: the placeholder says so.
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD (none)") if self.optional
                                     else self.tr("YYYY-MM-DD"))
        self.button.setToolTip(self.tr("Pick a day from the calendar (Alt+Down)"))

    # -- value -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str | None) -> None:        # noqa: N802 - Qt naming
        self.edit.setText(text or "")

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day.isoformat() if day else "")

    def selectAll(self) -> None:                         # noqa: N802 - Qt naming
        self.edit.selectAll()

    def hasFocus(self) -> bool:                          # noqa: N802 - Qt naming
        return self.edit.hasFocus()

    # -- calendar ----------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:          # noqa: N802 - Qt naming
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return True
        return super().eventFilter(watched, event)

    def show_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        try:
            shown = dt.date.fromisoformat(self.text())
            self.popup.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        except ValueError:
            self.popup.calendar.setSelectedDate(QDate.currentDate())
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString("yyyy-MM-dd"))
        self.edit.setFocus()
        self.editingFinished.emit()
