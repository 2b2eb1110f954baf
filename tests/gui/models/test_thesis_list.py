"""gui/models/thesis_list.py: the thesis list model and its filter proxy keep Qt's invariants,
follow each edit row by row, and fill in pages without losing or doubling an edit (#3)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.models.base import SORT_ROLE
from gui.models.thesis_list import ThesisFilterProxy, ThesisListModel
from model.changes import OpChanges


def test_thesis_list_and_proxy_pass_the_model_tester(qtmodeltester, tracker):
    """The list model and its filter proxy keep Qt's invariants under filter and row changes."""
    model = ThesisListModel(tracker)
    tracker.subscribe(model.apply_changes)
    proxy = ThesisFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_status("active")
    proxy.set_matching_ids(tracker.search.thesis_ids("光模块"))
    qtmodeltester.check(proxy)
    added = tracker.theses.add(title="Model tester thesis", status="active")
    tracker.theses.set_conviction(added.id, 5)
    tracker.theses.delete(added.id)
    proxy.set_matching_ids(None)
    proxy.set_status(None)
    proxy.sort(ThesisListModel.CONVICTION, Qt.SortOrder.DescendingOrder)
    convictions = [proxy.index(r, ThesisListModel.CONVICTION).data()
                   for r in range(proxy.rowCount())]
    assert convictions == sorted(convictions, reverse=True)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_list_updates_touched_rows_only(tracker):
    """A write repaints only the theses it touched; only OpChanges.reset resets (#3)."""
    model = ThesisListModel(tracker)
    tracker.subscribe(model.apply_changes)
    events = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.dataChanged.connect(lambda a, b, r=(): events.append((a.row(), b.row())))
    thesis_id = tracker.theses.ids()[1]
    tracker.theses.set_conviction(thesis_id,
                                  1 if tracker.theses.get(thesis_id).conviction != 1 else 2)
    row = model.row_of(thesis_id)
    assert events == [(row, row)]
    model.apply_changes(OpChanges.everything())
    assert events[-1] == "reset"


def _titles_in_view(window) -> list[str]:
    proxy = window.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_edits_while_the_list_fills_are_neither_lost_nor_doubled(launch, qtbot):
    """Adds, deletes and renames made before the list's later pages are read end with each thesis
    once, with its latest title, in order (#3 speed)."""
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
