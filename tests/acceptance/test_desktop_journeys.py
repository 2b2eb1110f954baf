"""A desktop citizen (#13), through the real window: the first start, the demo removed and
brought back, a new database, a crash in a slot, reminders, the language and the log folder.

Each journey fails on the code #13 started from: there the first start said nothing about the
demo, every new file got the demo, an exception in a slot only reached stderr, and none of
the menu entries existed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableView

import pytest

from model.service import Tracker
from model.storage.store import Clock
from tests.acceptance.conftest import click_button, menu, rows, shortcut


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user's folders of their own: data, log (state) and config under tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("THESIS_TRACKER_DB", raising=False)
    return tmp_path


@pytest.fixture
def started(home, settings, qtbot):
    """gui.app.start as `thesis-tracker` runs it (log, crash hook, language, window, then the
    welcome and reminders after the first paint); closed and unhooked afterwards."""
    from gui import crash
    from gui.app import start
    made = []

    def begin(db=None):
        window = start(db, settings=settings, log_dir=home / "log")
        made.append(window)
        qtbot.waitExposed(window)
        return window
    yield begin
    for window in made:
        window.close()
    crash.uninstall()


def default_db(home):
    return home / "data" / "thesis-tracker" / "theses.sqlite3"


def count_in(path) -> int:
    tracker = Tracker.open(path, undo=False)
    try:
        return tracker.theses.count()
    finally:
        tracker.close()


def test_first_start_says_it_is_demo_data_and_can_start_empty(started, home, dialogs, qtbot):
    """The first start in the default data folder loads the demo and says so, with big /
    small / new light explained; "Start empty" leaves an empty list (one step: Edit ▸ Undo
    brings the demo back)."""
    said = []

    def welcome(dialog):
        said.append(dialog.findChild(object, "welcomeText").text())
        click_button(dialog, "Start empty")
    dialogs.expect(welcome)
    window = started()
    dialogs.done()
    assert "demo data" in said[0]
    for words in ("Big light (大光)", "Small light (小光)", "New light (新光)"):
        assert words in said[0]
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert count_in(default_db(home)) == 0
    shortcut(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 5)
    assert not dialogs.unexpected


def test_keep_the_demo_then_remove_it_from_the_edit_menu(started, home, dialogs, qtbot):
    """Keep the demo, add a thesis of one's own, then Edit ▸ Remove demo theses: only the
    user's thesis stays; the second start asks nothing."""
    dialogs.expect(lambda d: click_button(d, "Keep the demo"))
    window = started()
    dialogs.done()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 5)
    window.new_thesis({"title": "My own: DSP pricing"})
    dialogs.expect(lambda d: click_button(d, "Yes"))
    menu(window, "removeDemo")
    dialogs.done()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    table = window.findChild(QTableView, "thesisList")
    assert rows(table) == ["My own: DSP pricing"]
    window.close()
    assert count_in(default_db(home)) == 1
    again = started()                   # not the first start: no welcome
    qtbot.waitUntil(lambda: again.proxy.rowCount() == 1)
    qtbot.wait(50)
    assert not dialogs.unexpected


def test_a_file_named_on_the_command_line_starts_empty(started, home, tmp_path, qtbot,
                                                      dialogs):
    """`thesis-tracker --db NEW` opens an empty database and no welcome: only the first start
    in the default data folder loads the demo (#13)."""
    window = started(tmp_path / "mine.sqlite3")
    qtbot.wait(50)                       # the first paint's follow-up work has run
    assert window.tracker.path == tmp_path / "mine.sqlite3"
    assert window.proxy.rowCount() == 0 and count_in(tmp_path / "mine.sqlite3") == 0
    assert not default_db(home).exists()
    assert not dialogs.unexpected


def test_new_database_starts_empty(make_window, db_path, dialogs, qtbot, tmp_path,
                                   monkeypatch):
    """File ▸ New database makes an empty file: only the first start in the default data
    folder loads the demo (#13), so exporting and importing between files gives the same
    bundle."""
    from gui.dialogs import Files
    window = make_window(db_path)
    window.show()
    target = tmp_path / "fresh.sqlite3"
    monkeypatch.setattr(Files, "save", classmethod(lambda cls, *a, **k: str(target)))
    menu(window, "newDatabase")
    qtbot.waitUntil(lambda: window.tracker is not None and window.tracker.path == target)
    assert window.proxy.rowCount() == 0
    assert not dialogs.unexpected


@pytest.mark.qt_no_exception_capture
def test_a_crash_in_a_slot_is_reported_and_the_window_lives_on(make_window, db_path, qtbot,
                                                                tmp_path, monkeypatch):
    """A bug in a slot (here Edit ▸ Remove demo theses with a broken query) writes a crash
    report to the log folder and shows "Something went wrong — details saved to …" with the
    traceback; the window keeps working. Before #13 the traceback went to stderr only."""
    from gui import crash
    from gui.crash_dialog import CrashDialog
    shown = []
    monkeypatch.setattr(CrashDialog, "ask", classmethod(
        lambda cls, parent, report, details: shown.append((report, details))))
    crash.install(tmp_path / "log")
    try:
        window = make_window(db_path)
        window.show()
        qtbot.waitExposed(window)

        def broken(tracker):
            raise RuntimeError("no such column: external_reff")
        monkeypatch.setattr("model.demo.demo_thesis_ids", broken)
        menu(window, "removeDemo")
        qtbot.waitUntil(lambda: bool(shown))
        report, details = shown[0]
        assert report.parent == tmp_path / "log" and report.is_file()
        assert "RuntimeError: no such column: external_reff" in report.read_text()
        assert "RuntimeError" in details
        assert window.isVisible() and window.tracker is not None
        window.new_thesis({"title": "Still working"})
        qtbot.waitUntil(lambda: window.proxy.rowCount() == 6)
    finally:
        crash.uninstall()


def test_crash_dialog_says_where_and_copies_the_details(qtbot, tmp_path):
    """The dialog names the report file and Copy details puts the traceback (and the path)
    on the clipboard."""
    from gui.crash_dialog import CrashDialog
    report = tmp_path / "crash-1.txt"
    dialog = CrashDialog(None, report, "Traceback …\nValueError: boom")
    qtbot.addWidget(dialog)
    message = dialog.findChild(object, "crashMessage").text()
    assert message.startswith(f"Something went wrong — details saved to {report}")
    dialog.findChild(object, "copyDetails").click()
    copied = QApplication.clipboard().text()
    assert "ValueError: boom" in copied and str(report) in copied


def test_reminder_at_the_turn_of_the_day_opens_the_thesis(make_window, db_path, qtbot):
    """With the app running, a catalyst whose window opens today raises one notification at
    midnight (the status bar stands in where there is no tray, as offscreen); clicking it
    opens the thesis. View ▸ Desktop reminders off: the next day says nothing."""
    from gui import reminders
    day = [dt.datetime(2026, 11, 24, 12, tzinfo=dt.timezone.utc)]
    clock = Clock(lambda: day[0])
    window = make_window(db_path, clock=clock)
    window.show()
    qtbot.waitExposed(window)
    tracker = window.tracker
    small = tracker.theses.resolve("Small light")
    tracker.ops.add_catalyst(small, title="Isolator price list", expected="2026-11-25")
    tracker.ops.add_catalyst(small, title="Second look", expected="2026-11-27")
    notes = reminders.install(window)
    assert window.actions_by_name["reminders"].isChecked()
    day[0] += dt.timedelta(days=1)
    with qtbot.waitSignal(notes.notified) as seen:
        window.day_changed()
    notice = seen.args[0]
    assert notice.title == "Catalyst window opens" and "Isolator price list" in notice.body
    assert "Isolator price list" in window.statusBar().currentMessage()
    window.show_thesis(tracker.theses.resolve("Big light"))
    notes.open_notice()                     # the click on the notification
    assert window.detail.thesis_id == small
    window.actions_by_name["reminders"].trigger()       # View ▸ Desktop reminders: off
    assert not window.actions_by_name["reminders"].isChecked()
    assert reminders.enabled(window.settings) is False
    day[0] += dt.timedelta(days=2)
    with qtbot.assertNotEmitted(notes.notified):
        window.day_changed()


def test_language_choice_is_remembered_and_loads_qts_chinese(make_window, db_path, settings,
                                                             qtbot, monkeypatch):
    """View ▸ Language… 简体中文 is remembered and loads Qt's own translation too, so a
    standard Cancel button reads 取消. Back to English loads only our English plural forms."""
    from gui import i18n
    window = make_window(db_path)
    monkeypatch.setattr(i18n.LanguageDialog, "ask",
                        classmethod(lambda cls, parent, names, index: ("简体中文", True)))
    menu(window, "language")
    assert QSettings(settings.fileName(), QSettings.Format.IniFormat).value("language") \
        == "zh_CN"
    loaded = i18n.install_translators(settings)
    assert any(path.endswith("qtbase_zh_CN.qm") for path in loaded)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    settings.setValue("language", "en")
    loaded = i18n.install_translators(settings)
    assert [path.rsplit("/", 1)[-1] for path in loaded] == ["thesis_tracker_en.qm"]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_help_opens_the_log_folder(make_window, db_path, tmp_path, monkeypatch):
    """Help ▸ Open log folder opens the platform's log folder in the file manager."""
    from PySide6.QtGui import QDesktopServices
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window(db_path)
    menu(window, "openLogFolder")
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "state" / "thesis-tracker"
                                                     / "log")]


def test_reminders_menu_before_they_are_set_up_turns_them_off(make_window, db_path):
    """View ▸ Desktop reminders chosen before the reminders started (they start after the
    first paint) still turns them off, and the entry shows it."""
    from gui import reminders
    window = make_window(db_path)
    assert reminders.enabled(window.settings)
    menu(window, "reminders")
    assert reminders.enabled(window.settings) is False
    assert window.actions_by_name["reminders"].isCheckable()
    assert not window.actions_by_name["reminders"].isChecked()
