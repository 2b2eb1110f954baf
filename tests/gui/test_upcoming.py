"""Upcoming across all theses: tick in place, double-click opens the thesis (issue #3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from gui.models.upcoming import is_review
from tests.gui.helpers import (
    open_upcoming,
)


def test_double_click_opens_the_thesis(window, qtbot):
    """Double-clicking a catalyst in Upcoming shows its thesis in the Theses page (#3)."""
    window.show_upcoming()
    table = window.findChild(QTableView, "upcomingTable")
    model = table.model()
    record = model.record(model.rowCount() - 1)
    rect = table.visualRect(model.index(model.rowCount() - 1, model.TITLE))
    # A real double-click is press, release, then the double-click event.
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentIndex() == 0
    assert window.current_thesis_id() == record.thesis_id


def test_tick_in_upcoming_stays_in_place_and_undoes(window, qtbot, when_modal):
    """Space ticks the overdue catalyst in Upcoming; it stays shown, checked; Undo reopens (#3)."""
    window.show_upcoming()
    table = window.findChild(QTableView, "upcomingTable")
    model = table.model()
    record = model.record(0)
    assert model.is_overdue(record)
    rows = model.rowCount()

    def answer(dialog):
        qtbot.keyClicks(dialog.note, "shipped late")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    when_modal(answer)
    summary_text = window.upcoming.summary.text
    due = sum(1 for r in model.records() if not is_review(r)) - 1
    assert summary_text().startswith(f"1 overdue · {due} due")
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert model.rowCount() == rows
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # Ticked, it is no longer counted as overdue, nor as due (it was counted as due).
    assert summary_text().startswith(f"0 overdue · {due} due")
    assert "1 settled here" in summary_text()
    summary = window.list_model.record(window.list_model.row_of(record.thesis_id))
    assert summary.overdue == 0
    window.actions_by_name["undo"].trigger()
    assert model.record(0).status == "pending"
    window.actions_by_name["reloadUpcoming"].trigger()
    assert model.rowCount() == rows


def test_upcoming_puts_overdue_reviews_with_overdue_catalysts(reviewed_window, qtbot,
                                                              qtmodeltester):
    """Upcoming lists reviews due beside catalysts, the overdue review inside the overdue block
    at the top, the one due Friday later; double-clicking a review opens its thesis (#7)."""
    w = reviewed_window
    table, model = open_upcoming(w)
    qtmodeltester.check(model)
    rows = [model.record(r) for r in range(model.rowCount())]
    overdue = [model.is_overdue(r) for r in rows]
    assert overdue == sorted(overdue, reverse=True), "everything overdue comes first"
    reviews = {r.thesis_id: i for i, r in enumerate(rows) if is_review(r)}
    assert set(reviews) == {w.ids["small"], w.ids["scale"]}
    assert overdue[reviews[w.ids["small"]]] and not overdue[reviews[w.ids["scale"]]]
    assert sum(overdue) == w.tracker.queue.overdue().total == 2
    row = reviews[w.ids["small"]]
    assert model.index(row, model.TITLE).data() == "Thesis review"
    assert model.index(row, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not model.flags(model.index(row, model.CHECK)) & Qt.ItemFlag.ItemIsUserCheckable
    assert "2 reviews due" in w.upcoming.summary.text()     # English plural forms (#13)
    rect = table.visualRect(model.index(row, model.EXPECTED))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.pages.currentIndex() == 0
    assert w.current_thesis_id() == w.ids["small"]


def test_roadmap_lives_in_upcoming_and_builds_when_first_shown(window, qtbot):
    """The roadmap is inside Upcoming (List | Roadmap), not a page of its own, and pyqtgraph
    is only built when it is first switched to (#4)."""
    w = window
    assert [w.pages.tabText(i) for i in range(w.pages.count())] == ["&Theses", "&Upcoming"]
    w.show_upcoming()
    roadmap = w.charts["roadmap"]
    assert w.upcoming.stack.currentWidget() is w.upcoming.table
    assert roadmap.chart is None
    assert w.upcoming.isAncestorOf(roadmap)
    qtbot.mouseClick(w.upcoming.roadmap_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roadmap.chart is not None, timeout=3000)
    assert w.upcoming.stack.currentWidget() is roadmap
    qtbot.mouseClick(w.upcoming.list_button, Qt.MouseButton.LeftButton)
    assert w.upcoming.stack.currentWidget() is w.upcoming.table
