"""Desktop reminders while the app runs (#13): a tray icon whose notification says what fell due
at the turn of the day; clicking it opens the thesis (or Upcoming for several theses).

What to remind of is decided in model/reminders.py; this module only listens for the day's
change on the open database and shows the result. On by default; View ▸ Desktop reminders
turns it off (QSettings ``reminders``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

SETTING = "reminders"


def enabled(settings) -> bool:
    value = settings.value(SETTING, True)
    return value not in (False, "false", "0", 0)


class Reminders(QObject):
    """One per window: follows the open database, notifies at the turn of the day."""

    notified = Signal(object)       # the model.reminders.Notice just shown

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.state = None           # model.reminders.ReminderState of the open database
        self.last_notice = None
        self._tracker = None
        self.tray: QSystemTrayIcon | None = None
        window.database_opened.connect(self._opened)
        window.changes_applied.connect(self._changed)
        if window.tracker is not None:
            self._opened(window.tracker)
        self._follow_setting()

    # -- the tray icon -------------------------------------------------------------------
    def _follow_setting(self) -> None:
        on = enabled(self.window.settings)
        action = self.window.actions_by_name.get("reminders")
        if action is not None:
            action.setCheckable(True)
            action.setChecked(on)
        # No tray on this desktop (or the offscreen platform): notices go to the status bar.
        if on and self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            from gui.assets import app_icon
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setObjectName("reminderTray")
            self.tray.setToolTip("Thesis Tracker")
            menu = QMenu(self.window)
            menu.addAction(self.tr("Show Thesis Tracker"), self.show_window)
            menu.addAction(self.tr("Turn reminders off"), lambda: self.set_enabled(False))
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(self._tray_activated)
            self.tray.messageClicked.connect(self.open_notice)
            self.tray.show()
        elif not on and self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None

    def set_enabled(self, on: bool) -> None:
        self.window.settings.setValue(SETTING, bool(on))
        self._follow_setting()

    def toggle(self) -> None:
        """View ▸ Desktop reminders (a checkable action: it has already flipped)."""
        action = self.window.actions_by_name.get("reminders")
        self.set_enabled(action.isChecked() if action is not None
                         else not enabled(self.window.settings))

    def _tray_activated(self, reason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    # -- the open database -----------------------------------------------------------------
    def _opened(self, tracker) -> None:
        self._tracker = tracker
        self.state = None
        if tracker is None:
            return
        from model.reminders import ReminderState
        self.state = ReminderState(tracker, tracker.clock.today())

    def _changed(self, changes) -> None:
        from model.changes import Origin
        if changes.origin is Origin.DAY:
            self.check()

    def check(self):
        """What fell due since the last check, as one notification (None: nothing)."""
        if self.state is None:
            return None
        from model.reminders import notice_for
        notice = notice_for(self.state.check(self.state.tracker.clock.today()))
        if notice is None or not enabled(self.window.settings):
            return None
        self.last_notice = notice
        from gui.i18n import localize
        title, body = localize(notice.title), localize(notice.body)
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 30000)
        else:
            # No notification service (or no tray): the status bar says it instead.
            self.window.statusBar().showMessage(
                self.tr("{title}: {first_line}").format(title=title,
                                                        first_line=body.splitlines()[0]),
                60000)
        self.notified.emit(notice)
        return notice

    def open_notice(self) -> None:
        """A click on the notification: the thesis it is about, or Upcoming."""
        notice = self.last_notice
        if notice is None:
            return
        self.show_window()
        if notice.thesis_id is not None:
            self.window.show_thesis(notice.thesis_id)
        else:
            self.window.show_upcoming()


def install(window) -> Reminders:
    window.reminders = Reminders(window)
    return window.reminders


def toggle(window) -> None:
    reminders = getattr(window, "reminders", None)
    if reminders is None:
        # Chosen before the reminders were set up (they start after the first paint): the
        # action was not checkable yet, so flip the setting itself.
        was_on = enabled(window.settings)
        install(window).set_enabled(not was_on)
        return
    reminders.toggle()
