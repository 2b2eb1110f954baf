"""Upcoming across all theses: tick in place, double-click opens the thesis (issue #3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView


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
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert model.rowCount() == rows
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    summary = window.list_model.record(window.list_model.row_of(record.thesis_id))
    assert summary.overdue == 0
    window.actions_by_name["undo"].trigger()
    assert model.record(0).status == "pending"
    window.actions_by_name["reloadUpcoming"].trigger()
    assert model.rowCount() == rows
