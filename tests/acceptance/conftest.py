"""What a user does, through the real window: keys, clicks, menus and the dialogs they open.

Journeys touch only what a user touches (widgets by their object names, menu actions, keys)
and read the results from the file (a fresh Tracker) or from what the window shows, so a
journey replays the user's steps whatever the code behind them looks like.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QMessageBox,
    QStyle,
    QStyleOptionSpinBox,
    QTableView,
    QWidget,
)

import pytest

from model.service import Tracker


@pytest.fixture
def app(make_window, db_path, qtbot):
    """The app on a new demo database, shown, active and at a desktop size."""
    window = make_window(db_path)
    window.resize(1400, 850)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def stored(db_path, clock):
    """Read the file as another program would: ``stored(lambda tracker: ...)``."""
    def read(fn: Callable):
        tracker = Tracker.open(db_path, clock=clock, undo=False)
        try:
            return fn(tracker)
        finally:
            tracker.close()
    return read


class Dialogs:
    """Answers the modal dialogs the user's steps open, in order: each ``answer(dialog)`` runs
    when a dialog comes to the top (a new one, or one the user is back in after a message
    over it closed). A new dialog nobody expected (an error the journey says must not happen,
    a second question) is recorded in ``unexpected`` and closed, so a journey fails on it
    instead of waiting forever. ``seen`` keeps what every dialog said."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.answers: list[Callable[[QWidget], None]] = []
        self.seen: list[str] = []
        self.unexpected: list[str] = []
        self.errors: list[BaseException] = []
        self._handled: set[int] = set()
        self._top: QWidget | None = None
        self._timer = QTimer(interval=20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def expect(self, *answers: Callable[[QWidget], None]) -> Dialogs:
        self.answers.extend(answers)
        return self

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not dialog.isVisible():
            return
        if dialog is self._top:
            return
        self._top = dialog
        if dialog is None:
            return
        returning = id(dialog) in self._handled
        self._handled.add(id(dialog))
        if not self.answers:
            if not returning:
                self.unexpected.append(describe(dialog))
                dialog.reject()
            return
        self.seen.append(describe(dialog))
        answer = self.answers.pop(0)
        dialog.activateWindow()
        # Answered on the next turn of the event loop, not inside this timer's slot: an
        # answer that opens another dialog (a refusal) must find this watcher still polling.
        QTimer.singleShot(0, lambda: self._answer(answer, dialog))

    def _answer(self, answer: Callable[[QWidget], None], dialog: QWidget) -> None:
        try:
            answer(dialog)
        except BaseException as exc:      # a failed check closes the dialog, fails the test
            self.errors.append(exc)
            dialog.reject()

    def done(self) -> list[str]:
        """Every scripted dialog came and was answered; returns what they said."""
        self.qtbot.waitUntil(lambda: not self.answers or bool(self.errors), timeout=5000)
        if self.errors:
            raise self.errors[0]
        return self.seen

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def dialogs(qtbot):
    watcher = Dialogs(qtbot)
    yield watcher
    watcher.stop()


def describe(dialog: QWidget) -> str:
    if isinstance(dialog, QMessageBox):
        return f"{dialog.windowTitle()}: {dialog.text()}"
    return dialog.windowTitle()


# -- what a user does ----------------------------------------------------------------------------
def press(widget: QWidget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)


def bring_to_front(window: QWidget) -> None:
    """Make ``window`` the active one, as the user's click into it does. (Offscreen, a
    closed dialog can leave no window active, or keep the focus in itself until it is
    deleted: its deletion is done first.)"""
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if window.isActiveWindow():
        return
    window.activateWindow()
    if not QTest.qWaitForWindowActive(window, 1000):
        window.windowHandle().requestActivate()
        QTest.qWaitForWindowActive(window, 1000)


def shortcut(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key combination pressed with the window in front (as after a click into it): a
    dialog that just closed may have left no window active, and shortcuts need one."""
    bring_to_front(window)
    QTest.keyClick(window.focusWidget() or window, key, modifiers)


def type_into(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text)


def focused() -> QWidget:
    return QApplication.focusWidget()


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_button(dialog: QWidget, text: str) -> None:
    """Click the dialog's button whose text (without its & mnemonic) starts with ``text``."""
    for button in dialog.findChildren(QAbstractButton):
        if button.text().replace("&", "").startswith(text):
            click(button)
            return
    raise AssertionError(f"no button {text!r} in {describe(dialog)!r}")


def accept(dialog: QWidget) -> None:
    """Enter in the dialog (on its focused field), as a user confirming it."""
    target = focused()
    if target is None or not (target is dialog or dialog.isAncestorOf(target)):
        target = dialog
    press(target, Qt.Key.Key_Return)


def dismiss(dialog: QWidget) -> None:
    press(dialog, Qt.Key.Key_Escape)


def menu(window, name: str) -> None:
    """Choose a menu entry (by its action's object name), as a click on it would."""
    window.actions_by_name[name].trigger()


def select_thesis(window, title: str, qtbot) -> None:
    """Click the thesis in the list whose title starts with ``title``."""
    table: QTableView = window.findChild(QTableView, "thesisList")
    model = table.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if str(index.data()).startswith(title):
            table.scrollTo(index)
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                             pos=table.visualRect(index).center())
            qtbot.waitUntil(lambda: window.detail.heading.text().startswith(title))
            return
    raise AssertionError(f"no thesis titled {title!r} in the list")


def open_tab(window, title: str) -> QWidget:
    """Click a detail tab by its visible title ("Catalysts")."""
    tabs = window.detail.tabs
    for i in range(tabs.count()):
        if tabs.tabText(i).replace("&", "") == title:
            bar = tabs.tabBar()
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
            return tabs.widget(i)
    raise AssertionError(f"no tab {title!r}")


def rows(table: QTableView, column: int = 0) -> list[str]:
    model = table.model()
    return [str(model.index(r, column).data()) for r in range(model.rowCount())]


def click_spin_arrow(spin, up: bool = True) -> None:
    """A mouse click on the spin box's up (or down) arrow."""
    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.rect = spin.rect()
    option.frame = spin.hasFrame()
    option.buttonSymbols = spin.buttonSymbols()
    option.subControls = QStyle.SubControl.SC_All
    option.stepEnabled = (QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
                          | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled)
    control = (QStyle.SubControl.SC_SpinBoxUp if up else QStyle.SubControl.SC_SpinBoxDown)
    rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, control, spin)
    QTest.mouseClick(spin, Qt.MouseButton.LeftButton, pos=rect.center())


def cell_point(table: QTableView, row: int, column: int) -> QPoint:
    return table.visualRect(table.model().index(row, column)).center()


def field(dialog: QWidget, label: str) -> QWidget:
    """The input beside a form label that starts with ``label`` (as a user reads the form)."""
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            text = item.widget().text().replace("&", "") if item and item.widget() else ""
            if text.startswith(label):
                found = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
                return found
    raise AssertionError(f"no field labelled {label!r} in {describe(dialog)!r}")


def text_input(widget: QWidget) -> QWidget:
    """Where a field takes its keys: an editable combo's line edit, a compound field's proxy."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return widget.focusProxy() or widget


def type_in_field(widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Click into a field, select what is there, type."""
    target = text_input(widget)
    bring_to_front(target.window())         # a click into the field would
    target.setFocus(Qt.FocusReason.MouseFocusReason)
    if replace:
        press(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into(target, text)


# -- journeys of #12 (charts, prices, exports) ----------------------------------------------
import datetime as dt  # noqa: E402


@pytest.fixture(name="window")
def _demo_window(make_window, db_path, qtbot):
    """The main window on a new demo database, shown at a desktop size."""
    shown = make_window(db_path)
    shown.resize(1400, 850)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture(name="when_modal")
def _when_modal(qtbot):
    """Act on the next modal dialog as a user would once it is shown; the list it returns
    holds the dialog once acted on."""
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
                dialog.reject()     # a failed check must fail the test, not hang it
                raise
            done.append(dialog)
        QTimer.singleShot(0, poll)
        return done
    return schedule


def click_tab(qtbot, tabs, widget) -> None:
    """Click a tab's title (the tab holding ``widget``, or the index given), as a user does."""
    index = widget if isinstance(widget, int) else tabs.indexOf(widget)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def prices_csv(path, start: str, days: int, *, first_close: float = 100.0, skip=()) -> str:
    """A Yahoo-style daily file of ``days`` weekdays from ``start`` (without ``skip``)."""
    day = dt.date.fromisoformat(start)
    lines, close = [], first_close
    while len(lines) < days:
        if day.weekday() < 5 and day.isoformat() not in skip:
            close *= 1.004 if len(lines) % 3 else 0.995
            lines.append(f"{day},{close:.2f},{close:.2f},{close:.2f},{close:.2f},{close:.2f},1000")
        day += dt.timedelta(days=1)
    path.write_text("Date,Open,High,Low,Close,Adj Close,Volume\n" + "\n".join(lines) + "\n")
    return str(path)


@pytest.fixture
def big_light(window):
    """The window showing the demo's "Big light" thesis."""
    thesis = next(t for t in window.tracker.theses.all() if t.title.startswith("Big light"))
    window.show_thesis(thesis.id)
    return thesis
