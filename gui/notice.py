"""The start-up notice above the window: "3 catalysts overdue, 2 reviews due, 3 due this
week: A, B, C" (#3, #7, #12), with Show Upcoming and Dismiss. Shown at start-up and kept true
after every change until the user dismisses it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

from gui.i18n import Retranslating
from gui.labels import ElidedLabel
from gui.models.base import plain_tooltip


class StartupNotice(Retranslating, QFrame):
    upcoming_requested = Signal()       # Show Upcoming

    def __init__(self, parent=None):
        super().__init__(parent, objectName="startupNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tracker = None
        self.dismissed = False          # the user closed it: it stays closed this session
        self._due = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        # Plain text (catalyst titles), cut with "…" where the room ends rather than widening
        # the window (the tooltip lists them all).
        self.label = ElidedLabel(objectName="noticeLabel")
        self.button = QPushButton(objectName="noticeButton")
        self.close_button = QPushButton(objectName="noticeDismiss")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self.button.clicked.connect(self.upcoming_requested)
        self.close_button.clicked.connect(self.dismiss)
        self.hide()
        self.apply_language()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Show &Upcoming"))
        self.close_button.setText(self.tr("Dismiss"))
        self.update_now()

    def set_tracker(self, tracker) -> None:
        self.tracker = tracker
        self.update_now()

    def update_later(self) -> None:
        """After the repaint, once for a burst of changes: the counts are four queries."""
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self, self._update_due)

    def _update_due(self) -> None:
        self._due = False
        self.update_now()

    def update_now(self) -> None:
        t = self.tracker
        if t is None or self.dismissed:
            if t is None:
                self.hide()
            return
        today = t.clock.today()
        overdue = t.catalysts.overdue_count(today)
        reviews = t.queue.reviews_due_count(today=today)
        sunday = today + dt.timedelta(days=6 - today.weekday())
        week = t.catalysts.due_between(today, sunday)
        if not (overdue or reviews or week):
            self.hide()
            return
        comma, semicolon = self.tr(", ", "list separator"), self.tr("; ", "list separator")
        text = comma.join((self.tr("%n catalyst(s) overdue", None, overdue),
                           self.tr("%n review(s) due", None, reviews),
                           self.tr("%n due this week", None, week)))
        named = t.catalysts.due_between_titles(today, sunday, limit=10)
        if named:
            text += self.tr(": ", "before a list") + semicolon.join(
                title for title, _thesis in named[:3])
            if week > 3:
                text += self.tr(" and %n more", None, week - 3)
        self.label.setText(text)
        self.label.setToolTip(plain_tooltip("\n".join(
            f"{title} ({thesis})" for title, thesis in named)) if named else "")
        self.show()

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()
