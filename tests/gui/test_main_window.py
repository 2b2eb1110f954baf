"""The main window as an analyst uses it: create, find, select, come back to it (issue #3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView, QTabWidget

from model.service import Tracker
from tests.gui.conftest import row_with, type_text

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


def test_change_status_with_a_note_shows_the_history_row(window, qtbot, when_modal):
    """A status change asks for a note and lands on top of History (#3 overview)."""
    combo = window.findChild(QComboBox, "statusCombo")
    before = combo.currentText()
    def note(dialog):
        qtbot.keyClicks(dialog.note, "Orders slipped a quarter")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    when_modal(note)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
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
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
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
    from gui.dialogs import Messages
    answers = []
    monkeypatch.setattr(Messages, "confirm",
                        classmethod(lambda cls, p, t, title="": answers.append(t) or False))
    count = window.list_model.rowCount()
    window.thesis_list.setFocus()
    from PySide6.QtTest import QTest
    QTest.keyClick(window.thesis_list, Qt.Key.Key_Delete)
    assert answers and window.list_model.rowCount() == count
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, p, t, title="": True))
    doomed = window.current_thesis_id()
    QTest.keyClick(window.thesis_list, Qt.Key.Key_Delete)
    assert window.list_model.rowCount() == count - 1
    assert window.list_model.row_of(doomed) is None
