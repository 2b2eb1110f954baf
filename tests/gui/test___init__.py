"""gui/__init__.py: ``launch`` paints the window with the list's first page and does the rest
afterwards; ``create_main_window`` builds the whole window before it returns (#3 speed)."""

from __future__ import annotations


def _titles_in_view(window) -> list[str]:
    proxy = window.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_the_first_paint_waits_for_nothing_but_the_first_page(launch, qtbot):
    """Before the first paint: the first page of the list and the selected thesis only; after it the
    rest of the list, the helpers and the scorecard (#3 speed). The File ▸ Export actions are
    there from the start (the toolbar shows Export PDF); their module loads when one is
    chosen."""
    window = launch()
    # Before the first paint: two rows, one thesis shown, no helpers and no part tabs yet.
    assert window.list_model.rowCount() == 2 and not window.list_model.complete
    assert window.count_label.text() == "Loading the list…"
    assert window.current_thesis_id() is not None
    assert window.search_worker is None and window.detail.part_models == ()
    assert "actionExportPdf" in window.actions_by_name
    assert window.detail.overview.scorecard.labels["verdict"].text() == ""

    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.list_model.complete)
    tracker = window.tracker
    assert window.list_model.rowCount() == tracker.theses.count() == 5
    titles = _titles_in_view(window)
    assert titles == sorted(titles, key=str.casefold)
    assert window.search_worker is not None
    assert "exportCalendar" in window.actions_by_name
    qtbot.waitUntil(lambda: window.detail.overview.scorecard.labels["verdict"].text() != "")
    qtbot.waitUntil(lambda: window.count_label.text().startswith("5 of 5 theses"))


def test_create_main_window_builds_the_whole_window_before_returning(make_window, db_path):
    """For tools and tests: every part tab, the exports, the helpers and the whole list."""
    window = make_window(db_path)
    assert window.list_model.complete and window.list_model.rowCount() == 5
    assert len(window.detail.part_models) == len(window.detail.PARTS)
    assert "exportCalendar" in window.actions_by_name and window.search_worker is not None
    assert not window.isVisible()


def test_no_path_opens_the_last_database_else_the_default(qtbot, settings, clock, tmp_path,
                                                          monkeypatch):
    """No file named: the database used last, else the default one (seeded on first use)."""
    import gui
    from model.storage import store
    default = tmp_path / "default" / "theses.sqlite3"
    monkeypatch.setattr(store, "default_database_path", lambda: default)
    first = gui.create_main_window(settings=settings, clock=clock)
    qtbot.addWidget(first)
    assert first.tracker.path == default and first.proxy.rowCount() == 5    # demo: seeded
    first.close()
    other = tmp_path / "other.sqlite3"
    second = gui.create_main_window(other, settings=settings, clock=clock)
    qtbot.addWidget(second)
    second.close()
    third = gui.create_main_window(settings=settings, clock=clock)
    qtbot.addWidget(third)
    assert third.tracker.path == other                  # the one used last
    third.close()


def test_a_start_handed_over_to_another_window_shows_nothing(qtbot, settings, clock, db_path,
                                                           monkeypatch):
    """#12: "Bring it forward" answered, the other window has the file: this start ends
    without a window of its own."""
    import gui
    from gui.instance_link import AlreadyOpenDialog
    from model.storage.instance import InstanceLock
    monkeypatch.setattr(AlreadyOpenDialog, "ask", classmethod(lambda cls, p, m: "raise"))
    monkeypatch.setattr("gui.instance_link.ask_to_raise", lambda path: True)
    with InstanceLock(db_path):
        window = gui.launch(db_path, settings=settings, clock=clock)
        qtbot.addWidget(window)
    assert window.opener.handed_over and not window.isVisible() and window.tracker is None


def test_launch_on_a_named_new_file_starts_it_empty(qtbot, settings, clock, tmp_path, monkeypatch):
    """A file named on the command line starts empty: only the first start in the default
    data folder loads the demo (#13)."""
    import gui
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    named = gui.launch(tmp_path / "named.sqlite3", settings=settings, clock=clock)
    qtbot.addWidget(named)
    named.finish_startup()
    named.list_model.finish_loading()
    assert named.list_model.rowCount() == 0
    named.close()
