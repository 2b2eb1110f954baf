"""Search as you type off the GUI thread (#3 speed): the list narrows without the window
waiting, only the newest query's result is shown, edits re-run it, closing is safe."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import type_text


def shown_ids(window) -> set[int]:
    model = window.list_model
    return {model.record(window.proxy.mapToSource(window.proxy.index(r, 0)).row()).id
            for r in range(window.proxy.rowCount())}


def settle(window, qtbot) -> None:
    """Wait until the worker has nothing queued or running and its result is delivered."""
    qtbot.waitUntil(lambda: not window.search_worker.busy())


def test_typing_chinese_narrows_the_list_from_the_worker(window, qtbot):
    """Typing 光模块 (committed like an input method) filters to exactly the service's matches;
    if the worker's result never reached the proxy the list would stay whole (#3)."""
    expected = window.tracker.search.thesis_ids("光模块")
    assert expected and len(expected) < window.list_model.rowCount()
    with qtbot.waitSignal(window.proxy.matching_applied):
        type_text(qtbot, window.search_box, "光模块")
    qtbot.waitUntil(lambda: shown_ids(window) == expected)
    window.proxy.sourceModel()      # the proxy stays a well-formed model after the filter
    from pytestqt.modeltest import ModelTester
    ModelTester(None).check(window.proxy)
    window.search_box.clear()       # no searchable words: everything, at once
    assert window.proxy.rowCount() == window.list_model.rowCount()


def test_a_superseded_query_never_overwrites_the_newer_result(window, qtbot):
    """Two keystrokes in one turn of the loop: the first query's result, whenever it finishes,
    must not be applied over the second's (#3: only the newest result is applied)."""
    results = []
    window.search_worker.found.connect(results.append)
    window.search_box.setText("a")          # matches every thesis: the slow, stale one
    window.search_box.setText("中际旭创")
    settle(window, qtbot)
    expected = window.tracker.search.thesis_ids("中际旭创")
    assert expected and len(expected) < window.list_model.rowCount()
    assert results == [expected]
    assert shown_ids(window) == expected


def test_search_follows_an_edit(window, qtbot):
    """A retitled thesis appears in a search for its new title: the store's change notice
    re-runs the search, and the worker's connection sees the commit (#3, WAL)."""
    type_text(qtbot, window.search_box, "Quokka")
    settle(window, qtbot)
    assert window.proxy.rowCount() == 0
    thesis_id = window.current_thesis_id()
    assert thesis_id is not None
    title = window.detail.overview.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Quokka photonics")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_ids(window) == {thesis_id})
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)


def test_closing_while_a_search_runs_is_safe(window, qtbot):
    """Closing the database (or the window) mid-search joins the worker: no thread exception
    (pytest turns one into a failure), no result applied after the close (#3)."""
    worker = window.search_worker
    for text in ("a", "o", "e"):
        window.search_box.setText(text)
    window.close_database()
    assert window.search_worker is None and worker._reader is None   # its connection closed
    qtbot.wait(10)
    type_text(qtbot, window.search_box, "光模块")      # no database: typing does nothing
    assert window.tracker is None


def test_window_close_joins_the_worker(make_window, db_path, qtbot):
    """Closing the window with a query in flight stops the worker thread (#3)."""
    window = make_window(db_path)
    worker = window.search_worker
    window.search_box.setText("i")
    window.close()
    assert worker._reader is None and window.tasks._closed
