"""gui/__init__.py: ``launch`` paints the window with the list's first page and does the rest
afterwards; ``create_main_window`` builds the whole window before it returns (#3 speed)."""

from __future__ import annotations


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
    assert "exportCalendar" not in window.actions_by_name

    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.list_model.complete)
    tracker = window.tracker
    assert window.list_model.rowCount() == tracker.theses.count() == 5
    titles = _titles_in_view(window)
    assert titles == sorted(titles, key=str.casefold)
    assert window.search_worker is not None
    assert "exportCalendar" in window.actions_by_name
    qtbot.waitUntil(lambda: window.count_label.text().startswith("5 of 5 theses"))
