"""The main window as an analyst uses it: create, find, select, come back to it (issue #3)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QTableView, QTabWidget

import pytest

from gui.dialogs import Messages
from model.service import Tracker
from tests.gui.helpers import (
    OVERDUE_REVIEW,
    open_upcoming,
    row_with,
    type_text,
)

NAMES = {"thesisList": QTableView, "searchBox": QLineEdit, "statusFilter": QComboBox,
         "detailTabs": QTabWidget, "catalystTable": QTableView, "riskTable": QTableView,
         "beneficiaryTable": QTableView, "sourceTable": QTableView, "historyTable": QTableView,
         "upcomingTable": QTableView}


def test_widgets_have_the_documented_object_names(window):
    """Scripts and screen readers find the main widgets by name (#3 'for tests and tools')."""
    for name, kind in NAMES.items():
        assert window.findChild(kind, name) is not None, name


def test_create_a_thesis_with_the_new_thesis_shortcut(window, qtbot, when_modal, db_path, clock):
    """Ctrl+N opens the form; Enter creates the thesis, selects it, and it is in the file (#3)."""
    def fill(dialog):
        type_text(qtbot, dialog.title, "Silicon photonics 硅光 wins share")
        qtbot.keyClicks(dialog.theme, "Optical interconnect")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    when_modal(fill)
    window.actions_by_name["newThesis"].trigger()
    assert window.detail.heading.text() == "Silicon photonics 硅光 wins share"
    current = window.thesis_list.currentIndex()
    assert current.data() == "Silicon photonics 硅光 wins share"
    assert window.findChild(QLineEdit, "themeEdit").text() == "Optical interconnect"
    fresh = Tracker.open(db_path, clock=clock)
    try:
        assert "Silicon photonics 硅光 wins share" in [t.title for t in fresh.theses.all()]
    finally:
        fresh.close()
    assert window.actions_by_name["undo"].text() == \
        "&Undo New thesis “Silicon photonics 硅光 wins share”"


def _choose_next_status(combo, qtbot) -> None:
    """Down opens the status list; Down and Enter there choose the next status."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)


def test_change_status_with_a_note_shows_the_history_row(window, qtbot, when_modal):
    """A status change asks for a note and lands on top of History (#3 overview)."""
    combo = window.findChild(QComboBox, "statusCombo")
    before = combo.currentText()
    def note(dialog):
        qtbot.keyClicks(dialog.note, "Orders slipped a quarter")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    when_modal(note)
    _choose_next_status(combo, qtbot)
    after = combo.currentText()
    assert after != before
    window.detail.tabs.setCurrentIndex(5)      # History: built when first shown
    history = window.findChild(QTableView, "historyTable").model()
    first = [history.index(0, c).data() for c in range(history.columnCount())]
    assert first[2:] == ["status", before, after, "Orders slipped a quarter"]
    summary = window.list_model.record(window.list_model.row_of(window.current_thesis_id()))
    assert summary.status == after


def test_cancelling_the_note_keeps_the_old_status(window, qtbot, when_modal):
    """Escape in the note dialog cancels the change: no history row, combo back (#3)."""
    combo = window.findChild(QComboBox, "statusCombo")
    before = combo.currentText()
    rows = window.detail.history.rowCount()
    when_modal(lambda dialog: qtbot.keyClick(dialog.note, Qt.Key.Key_Escape))
    _choose_next_status(combo, qtbot)
    assert combo.currentText() == before
    assert window.detail.history.rowCount() == rows


def test_search_with_chinese_text_filters_the_list(window, qtbot):
    """Typing 中际旭创 (a company's local name) or 光模块 (a tag) narrows the list (#3 search)."""
    box = window.findChild(QLineEdit, "searchBox")
    type_text(qtbot, box, "中际旭创")
    qtbot.waitUntil(lambda: not window.search_worker.busy())   # searched off the GUI thread
    expected = window.tracker.search.thesis_ids("中际旭创")
    assert expected and len(expected) < window.list_model.rowCount()
    shown = {window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())}
    assert shown == {window.tracker.theses.get(i).title for i in expected}
    box.clear()
    type_text(qtbot, box, "光模块")
    qtbot.waitUntil(lambda: not window.search_worker.busy())
    assert window.proxy.rowCount() == len(window.tracker.search.thesis_ids("光模块")) > 0
    box.clear()
    assert window.proxy.rowCount() == window.list_model.rowCount()
    qtbot.keyClicks(box, "zzzz-nothing")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)


def test_status_filter_and_search_combine(window, qtbot):
    """The status filter and the search box each narrow the list; both apply together (#3)."""
    combo = window.findChild(QComboBox, "statusFilter")
    combo.setCurrentIndex(combo.findData("watch"))
    watch = {s.title for s in window.tracker.theses.summaries(status="watch")}
    assert {window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())} == watch
    type_text(qtbot, window.search_box, "光模块")
    qtbot.waitUntil(lambda: not window.search_worker.busy())
    found = window.tracker.search.thesis_ids("光模块")
    assert window.proxy.rowCount() == len(
        [s for s in window.tracker.theses.summaries(status="watch") if s.id in found])


def test_find_shortcut_focuses_the_search_box(window, qtbot):
    """Ctrl+F (QKeySequence.Find) puts the cursor in the search box (#3 shortcuts)."""
    window.thesis_list.setFocus()
    window.actions_by_name["find"].trigger()
    assert window.search_box.hasFocus()


def test_sorting_uses_raw_values(window):
    """Conviction and overdue sort as numbers, next catalyst by date, not by display text (#3)."""
    window.thesis_list.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    values = [window.proxy.index(r, 3).data() for r in range(window.proxy.rowCount())]
    assert values == sorted(values, reverse=True)
    window.thesis_list.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    starts = [window.list_model.record(window.proxy.mapToSource(window.proxy.index(r, 0)).row())
              .next_start or "9999" for r in range(window.proxy.rowCount())]
    assert starts == sorted(starts)


def test_startup_notice_counts_and_opens_upcoming(window, qtbot):
    """The notice says how many are overdue and due this week; its button opens Upcoming (#3)."""
    import datetime as dt
    today = window.tracker.clock.today()
    overdue = window.tracker.catalysts.overdue_count(today)
    week = window.tracker.catalysts.due_between(today,
                                                today + dt.timedelta(days=6 - today.weekday()))
    assert window.notice.isVisible()
    assert window.notice_label.text().startswith(f"{overdue} catalyst")
    assert f"{week} due this week" in window.notice_label.text()
    qtbot.mouseClick(window.notice_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.upcoming


def test_overdue_count_shows_in_the_list_in_red(window):
    """The Overdue column counts pending catalysts past their window, in the overdue colour (#3)."""
    row = next(r for r in range(window.list_model.rowCount())
               if window.list_model.record(r).overdue)
    index = window.list_model.index(row, window.list_model.OVERDUE)
    assert int(index.data()) == window.list_model.record(row).overdue
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_settings_bring_back_geometry_and_selected_thesis(make_window, db_path, qtbot, settings):
    """Closing and reopening restores the window size, splitter and last thesis (#3 QSettings)."""
    first = make_window(db_path)
    first.resize(720, 520)  # fits the offscreen screen (restoreGeometry clamps)
    first.show()
    row = row_with(first.proxy, 0, "Space computing")
    first.thesis_list.setCurrentIndex(first.proxy.index(row, 0))
    chosen = first.current_thesis_id()
    first.splitter.setSizes([300, 800])
    sizes = first.splitter.sizes()
    first.close()
    second = make_window(None)
    second.show()
    assert second.tracker.path == db_path
    assert second.current_thesis_id() == chosen
    assert (second.width(), second.height()) == (720, 520)
    assert second.splitter.sizes() == sizes


def test_delete_thesis_asks_first(window, monkeypatch):
    """Delete on the list asks; No keeps the thesis, Yes removes just that row (#3)."""
    answers = []
    monkeypatch.setattr(Messages, "confirm",
                        classmethod(lambda cls, p, t, title="": answers.append(t) or False))
    count = window.list_model.rowCount()
    window.thesis_list.setFocus()
    QTest.keyClick(window.thesis_list, Qt.Key.Key_Delete)
    assert answers and window.list_model.rowCount() == count
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, p, t, title="": True))
    doomed = window.current_thesis_id()
    QTest.keyClick(window.thesis_list, Qt.Key.Key_Delete)
    assert window.list_model.rowCount() == count - 1
    assert window.list_model.row_of(doomed) is None


def test_exports_of_the_shown_theses_wait_for_the_whole_list(launch):
    """An export of the theses shown reads the rest of the list first: none may be missing (#3, #5).
    """
    window = launch()
    assert not window.list_model.complete
    assert sorted(window.visible_thesis_ids()) == sorted(window.tracker.theses.ids())
    assert window.list_model.complete


def test_reopening_the_database_keeps_the_second_instance_listener(make_window, db_path, qtbot):
    """The old listener closes before the new one listens (it used to delete the new one's
    socket file when deleted later), and the list's selection is wired once, not per open."""
    import os

    from PySide6.QtCore import SIGNAL, QEvent
    from PySide6.QtWidgets import QApplication
    window = make_window(db_path)
    selection = window.thesis_list.selectionModel()
    wired = selection.receivers(SIGNAL("currentRowChanged(QModelIndex,QModelIndex)"))
    window.open_database(db_path)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old helpers go
    assert os.path.exists(window.session.raise_server.server.fullServerName())
    assert selection.receivers(SIGNAL("currentRowChanged(QModelIndex,QModelIndex)")) == wired


def test_selecting_a_thesis_whose_page_is_unread(launch, qtbot):
    """A thesis opened from Upcoming before its page was read is shown at once and is in the list
    once when it fills (#3 speed)."""
    window = launch()
    model = window.list_model
    late = window.tracker.theses.ids_by_title()[-1]
    assert model.row_of(late) is None
    window.show_thesis(late)
    assert window.current_thesis_id() == late
    window.finish_startup()
    qtbot.waitUntil(lambda: model.complete)
    assert [model.record(r).id for r in range(model.rowCount())].count(late) == 1
    assert window.current_thesis_id() == late
    current = window.thesis_list.currentIndex()
    assert window.proxy.mapToSource(current).row() == model.row_of(late)


def test_counts_follow_edits_but_not_filters(window, qtbot):
    """The list's totals are kept between edits: a search changes "N of M" only, a tick that
    settles an overdue catalyst lowers the overdue figures at once."""
    tracker = window.tracker
    today = tracker.clock.today().isoformat()
    overdue = [c for t in tracker.theses.ids() for c in tracker.catalysts.for_thesis(t)
               if c.status == "pending" and c.window_end < today]
    assert overdue, "the demo data has an overdue catalyst on the test day"
    window._count_now()
    before = window.count_label.text()
    def figure_for(count: int) -> str:      # English plural forms (#13)
        return f"{count} catalyst{'' if count == 1 else 's'} overdue"
    figure = figure_for(len(overdue))
    assert figure in before

    kept = window.list_model.totals()
    window.search_box.setText("CPO")
    qtbot.waitUntil(lambda: window.proxy.rowCount() < window.list_model.rowCount())
    window._count_now()
    assert window.list_model._totals is kept         # a filter does not recount
    assert figure in window.count_label.text()
    assert not window.count_label.text().startswith(before.split(" of ")[0] + " of ")

    window.editor.tick(overdue[0], "done", on=None, note="it happened")
    window._count_now()
    assert figure_for(len(overdue) - 1) in window.count_label.text()
    assert window.count_label.toolTip() == window.count_label.text()


def test_a_window_that_never_paints_still_finishes_starting(launch, qtbot, monkeypatch):
    """Shown minimised, the window may not paint: the deferred work runs after a while."""
    from gui.main_window import MainWindow
    monkeypatch.setattr(MainWindow, "STARTUP_FALLBACK_MS", 50)
    window = launch()
    window.removeEventFilter(window._first_paint)      # as if no paint ever came
    qtbot.waitUntil(lambda: window.list_model.complete and window.search_worker is not None)


def test_a_failing_start_up_step_does_not_stop_the_others(launch, qtbot):
    """A bug in one deferred start-up step is raised, but the list, search and exports still come.
    """
    window = launch()
    window._deferred.insert(0, lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        window.finish_startup()
    qtbot.waitUntil(lambda: window.list_model.complete)
    assert window.search_worker is not None and "exportCalendar" in window.actions_by_name


def test_startup_notice_counts_reviews_and_opens_upcoming(reviewed_window, qtbot):
    """The notice says catalysts overdue, reviews due and due this week, and its button opens
    Upcoming with the list built (#3, #7)."""
    w = reviewed_window
    today = w.tracker.clock.today()
    week = w.tracker.catalysts.due_between(today, dt.date(2026, 11, 29))
    assert w.notice.isVisible()
    assert w.notice_label.text().startswith(f"1 catalyst overdue, 2 reviews due, {week} due "
                                            f"this week: ")
    qtbot.mouseClick(w.notice_button, Qt.MouseButton.LeftButton)
    assert w.pages.currentWidget() is w.upcoming
    assert w.upcoming.table.model() is not None and w.upcoming.table.model().rowCount() > 0


def test_list_marks_overdue_review_and_title_counts_it(reviewed_window):
    """The thesis list's Next review cell of an overdue review is red and says so, one due this
    week is bold, and the window title's overdue figure adds reviews to catalysts (#7)."""
    w = reviewed_window
    model = w.list_model
    small = model.index(model.row_of(w.ids["small"]), model.REVIEW)
    scale = model.index(model.row_of(w.ids["scale"]), model.REVIEW)
    assert "overdue" in small.data() and small.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "overdue" not in scale.data()
    assert scale.data(Qt.ItemDataRole.ForegroundRole) is None
    font = scale.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert w.windowTitle() == "Thesis Tracker — theses.sqlite3 — 2 overdue"
    assert "1 review overdue" in w.count_label.text()


def test_review_button_records_it_everywhere_in_place(reviewed_window, qtbot, when_modal,
                                                      clock):
    """Overview ▸ Review…: the note is required, the next date defaults to today + cadence;
    recording changes conviction, adds the History row, drops the review from Upcoming and
    the title's figure without resetting any view; Undo puts the dates back (#7)."""
    w = reviewed_window
    _table, upcoming = open_upcoming(w)
    resets = []
    for model in (upcoming, w.list_model):
        model.modelReset.connect(lambda: resets.append(1))
    w.show_thesis(w.ids["small"])
    overview = w.detail.overview
    seen = {}

    def answer(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["enabled_empty"] = ok.isEnabled()
        seen["default"] = dialog.next_date.text()
        qtbot.keyClicks(dialog.note, "Checked 2026 orders: still on track")
        dialog.conviction.setCurrentIndex(dialog.conviction.findData(5))
        seen["enabled_typed"] = ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    when_modal(answer)
    qtbot.mouseClick(overview.review_button, Qt.MouseButton.LeftButton)
    assert seen == {"enabled_empty": False, "enabled_typed": True,
                    "default": (clock.today() + dt.timedelta(days=90)).isoformat()}
    thesis = w.tracker.theses.get(w.ids["small"])
    assert (thesis.next_review, thesis.conviction) == (seen["default"], 5)
    history = w.detail.history
    fields = [history.record(r).field for r in range(history.rowCount())]
    row = fields.index("review")
    assert history.record(row).note == "Checked 2026 orders: still on track"
    assert "conviction" in fields
    assert overview.conviction.value() == 5
    assert upcoming.row_of(("review", w.ids["small"])) is None
    assert upcoming.row_of(("review", w.ids["scale"])) is not None
    summary = w.list_model.index(w.list_model.row_of(w.ids["small"]), w.list_model.REVIEW)
    assert "overdue" not in summary.data()
    qtbot.waitUntil(lambda: w.windowTitle().endswith("— 1 overdue"))
    assert resets == []
    assert "Review" in w.actions_by_name["undo"].text()
    w.actions_by_name["undo"].trigger()
    thesis = w.tracker.theses.get(w.ids["small"])
    assert (thesis.next_review, thesis.conviction) == (OVERDUE_REVIEW, 3)
    assert upcoming.row_of(("review", w.ids["small"])) is not None
    qtbot.waitUntil(lambda: w.windowTitle().endswith("— 2 overdue"))


def test_day_change_marks_a_review_overdue_without_an_edit(make_window, db_path, qtbot):
    """A review due tomorrow becomes overdue at midnight while the app stays open: the list
    mark and the window title follow at once, no edit needed (#7)."""
    import datetime as dt

    from model.service import Tracker
    from model.storage.store import Clock

    now = [dt.datetime(2026, 11, 24, 23, 0, tzinfo=dt.timezone.utc)]
    clock = Clock(lambda: now[0])
    seeded = Tracker.open(db_path, seed_if_new=True, clock=clock)
    thesis_id = seeded.theses.resolve("Big light")
    seeded.theses.update(thesis_id, next_review="2026-11-25")
    for other in seeded.theses.ids():
        if other != thesis_id:
            seeded.theses.update(other, next_review="2027-06-30")
    seeded.close()
    window = make_window(db_path, clock=clock)
    model = window.list_model
    row = model.row_of(thesis_id)
    assert not model.review_overdue(model.record(row))
    qtbot.waitUntil(lambda: window.windowTitle().endswith("— 1 overdue"))   # the catalyst
    now[0] = dt.datetime(2026, 11, 26, 0, 0, 5, tzinfo=dt.timezone.utc)
    window.day_changed()
    row = model.row_of(thesis_id)
    assert model.review_overdue(model.record(row))
    qtbot.waitUntil(lambda: window.windowTitle().endswith("— 2 overdue"))   # and the review
    assert window.day_timer.isActive()


def test_every_alt_key_in_the_window_does_one_thing(window):
    """The menus, the detail tabs and the Overview's fields each have an Alt key of their own:
    Alt+H went to Theme instead of History (and the Help menu), Alt+R was Next review and
    Risks, and Status and Conviction had none (found by a walk through the app)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel
    keys: dict[str, list[str]] = {}

    def note(text: str, where: str) -> None:
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found:
            keys.setdefault(found.group(1).casefold(), []).append(f"{where} {text!r}")
    for action in window.menuBar().actions():
        note(action.text(), "menu")
    tabs = window.detail.tabs
    for i in range(tabs.count()):
        note(tabs.tabText(i), "tab")
    overview = window.detail.overview
    for label in overview.findChildren(QLabel):
        if label.buddy() is not None:
            note(label.text(), "field")
    for button in overview.findChildren(QAbstractButton):
        note(button.text(), "button")
    clashes = {key: where for key, where in keys.items() if len(where) > 1}
    assert clashes == {}
    for name in ("statusCombo", "convictionSpin"):
        assert any(label.buddy() is not None and label.buddy().objectName() == name
                   for label in overview.findChildren(QLabel)), f"{name} has no Alt key"


def test_a_wider_list_gives_its_room_to_the_titles(window, qtbot):
    """Widening the window widens the Title column, not the last one (Next review took all
    of it while titles stayed cut; found by a walk through the app)."""
    header = window.thesis_list.horizontalHeader()
    last = header.count() - 1
    before = header.sectionSize(0), header.sectionSize(last)
    window.resize(2200, 850)
    qtbot.waitUntil(lambda: header.sectionSize(0) > before[0])
    assert header.sectionSize(last) == before[1]
