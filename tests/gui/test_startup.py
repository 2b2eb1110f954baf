"""The app's start (#3 speed): the window paints with the list's first page and the selected
thesis; the rest of the list, the other tabs and the background helpers follow, and nothing a
user does meanwhile is lost or shown twice."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView

import pytest

from gui.models.base import SORT_ROLE
from gui.models.thesis_list import ThesisListModel


@pytest.fixture
def launch(make_window, db_path, monkeypatch):
    """gui.launch as the app starts, with pages small enough that the demo's five theses take
    several: a first page of two, then one per turn of the event loop."""
    monkeypatch.setattr(ThesisListModel, "FIRST_PAGE", 2)
    monkeypatch.setattr(ThesisListModel, "PAGE", 1)
    return lambda: make_window(db_path, launch=True)


def _titles_in_view(window) -> list[str]:
    proxy = window.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_the_first_paint_waits_for_nothing_but_the_first_page(launch, qtbot):
    window = launch()
    # Before the first paint: two rows, one thesis shown, no helpers and no part tabs yet.
    assert window.list_model.rowCount() == 2 and not window.list_model.complete
    assert window.count_label.text() == "Loading the list…"
    assert window.current_thesis_id() is not None
    assert window.search_worker is None and window.detail.part_models == ()
    # File ▸ Export's actions are there (the toolbar shows Export PDF); their module is not.
    assert "actionExportPdf" in window.actions_by_name

    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.list_model.complete)
    tracker = window.tracker
    assert window.list_model.rowCount() == tracker.theses.count() == 5
    titles = _titles_in_view(window)
    assert titles == sorted(titles, key=str.casefold)
    assert window.search_worker is not None
    assert "exportCalendar" in window.actions_by_name
    qtbot.waitUntil(lambda: window.count_label.text().startswith("5 of 5 theses"))


def test_a_part_tab_is_built_when_first_shown_and_then_wired(launch, qtbot):
    window = launch()
    window.resize(1400, 850)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.list_model.complete)
    assert window.findChild(QTableView, "catalystTable") is None

    bar = window.detail.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    table = window.findChild(QTableView, "catalystTable")
    assert table is not None and table.isVisible()
    thesis_id = window.current_thesis_id()
    expected = {c.id for c in window.tracker.catalysts.for_thesis(thesis_id)}
    model = table.model()
    assert {model.index(r, 0).data(Qt.ItemDataRole.UserRole + 3)
            for r in range(model.rowCount())} == expected

    # Wired to the timeline once built: a row chosen in the table is marked on the chart.
    cell = QPoint(table.columnViewportPosition(1) + 5, table.rowViewportPosition(0) + 5)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    chosen = table.current_record()
    assert chosen is not None and window.charts["timeline"]._highlight == chosen.id


def test_edits_while_the_list_fills_are_neither_lost_nor_doubled(launch, qtbot):
    window = launch()                   # not painted yet: three theses still unread
    model, tracker = window.list_model, window.tracker
    unread = tracker.theses.ids_by_title()[2:]
    assert len(unread) == 3 and not any(model.row_of(i) is not None for i in unread)
    added = window.editor.add_thesis(title="Aardvark first", theme="test")
    tracker.theses.delete(unread[0])
    tracker.theses.update(unread[1], title="Renamed before its page was read")
    window.finish_startup()
    qtbot.waitUntil(lambda: model.complete)

    ids = [model.record(row).id for row in range(model.rowCount())]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(tracker.theses.ids()) and added.id in ids and unread[0] not in ids
    assert model.record(model.row_of(unread[1])).title == "Renamed before its page was read"
    titles = _titles_in_view(window)
    assert titles == sorted(titles, key=str.casefold)


def test_edits_between_pages_are_neither_lost_nor_doubled(launch, qtbot):
    """Sorted by conviction, with one page read and three still due: add, delete and rename
    theses on both sides of the line; the finished list matches the database, in order."""
    window = launch()
    model, tracker = window.list_model, window.tracker
    window.thesis_list.sortByColumn(model.CONVICTION, Qt.SortOrder.DescendingOrder)
    model._list_rest()
    model._read_page()                  # one of the three unread theses is in now
    loaded = [model.record(r).id for r in range(model.rowCount())]
    unread = list(model._unread)
    assert len(loaded) == 3 and len(unread) == 2
    added = window.editor.add_thesis(title="Added between pages", theme="test", conviction=5)
    tracker.theses.delete(loaded[0])
    tracker.theses.delete(unread[0])
    tracker.theses.update(loaded[1], title="Renamed after its page")
    tracker.theses.update(unread[1], title="Renamed before its page")
    window.finish_startup()
    qtbot.waitUntil(lambda: model.complete)

    rows = [model.record(r) for r in range(model.rowCount())]
    assert sorted(r.id for r in rows) == sorted(tracker.theses.ids())
    assert added.id in {r.id for r in rows}
    titles = {r.id: r.title for r in rows}
    assert titles[loaded[1]] == "Renamed after its page"
    assert titles[unread[1]] == "Renamed before its page"
    shown = [window.proxy.index(i, model.CONVICTION).data(SORT_ROLE)
             for i in range(window.proxy.rowCount())]
    assert shown == sorted(shown, reverse=True)


def test_exports_of_the_shown_theses_wait_for_the_whole_list(launch):
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


def test_a_start_imports_neither_openssl_nor_the_services_it_does_not_show(db_path):
    """Tracker.open builds the services it is asked for; hashlib's OpenSSL (3 MB) stays out."""
    from model.service import Tracker
    Tracker.open(db_path, seed_if_new=True).close()
    code = (f"import sys; from model.service import Tracker; "
            f"t = Tracker.open({str(db_path)!r}, single_instance=True); t.theses.summaries(); "
            f"t.close(); print(sorted(m for m in ('_hashlib', 'model.prices', "
            f"'model.analysis.scorecard', 'model.search', 'model.companies', 'csv') "
            f"if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


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
    def figure_for(count: int) -> str:
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
    window = launch()
    window._deferred.insert(0, lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        window.finish_startup()
    qtbot.waitUntil(lambda: window.list_model.complete)
    assert window.search_worker is not None and "exportCalendar" in window.actions_by_name
