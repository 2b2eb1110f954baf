"""The charts in the main window (#4): Timeline and Prices tabs per thesis, a Roadmap page,
built on first show; a timeline click selects the catalyst's row and a selected row is
highlighted; a roadmap click opens the thesis on its timeline."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt


def test_tabs_are_lazy_and_linked_to_the_catalyst_table(window, qtbot, settled):
    """pyqtgraph is not built until a chart tab is shown; then click and selection go both
    ways between the timeline and the Catalysts table (#4)."""
    detail = window.detail
    charts = window.charts
    assert charts["timeline"].chart is None and charts["roadmap"].chart is None
    titles = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert "Time&line" in titles and "&Prices" in titles
    detail.tabs.setCurrentWidget(charts["timeline"])
    qtbot.waitUntil(lambda: charts["timeline"].chart is not None, timeout=3000)
    assert "pyqtgraph" in sys.modules
    chart = charts["timeline"].chart
    assert chart.thesis_id == detail.thesis_id
    ids = [c.id for c in window.tracker.catalysts.for_thesis(detail.thesis_id)]
    assert sorted(b.catalyst_id for b in chart.lanes.bars.bars) == sorted(ids)

    target = ids[-1]
    qtbot.waitExposed(chart.view)
    settled(chart.lanes.plot)
    with qtbot.waitSignal(chart.catalystClicked, timeout=2000):
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.bar_view_pos(target))
    assert detail.catalyst_table.current_record().id == target

    other = ids[0]
    detail.catalyst_table.setCurrentIndex(detail.catalysts.index_of(other))
    assert chart.lanes.bars.selected == other

    window.tracker.catalysts.tick(other, status="missed", on="2026-11-20")
    assert next(b for b in chart.lanes.bars.bars if b.catalyst_id == other).status == "missed"


def test_roadmap_click_opens_the_thesis_timeline(window, qtbot, settled):
    charts = window.charts
    window.show_upcoming()
    qtbot.mouseClick(window.upcoming.roadmap_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: charts["roadmap"].chart is not None, timeout=3000)
    roadmap = charts["roadmap"].chart
    qtbot.waitExposed(roadmap.view)
    settled(roadmap.lanes.plot)
    bar = roadmap.lanes.bars.bars[-1]
    with qtbot.waitSignal(roadmap.catalystClicked, timeout=2000):
        qtbot.mouseClick(roadmap.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=roadmap.bar_view_pos(bar.catalyst_id))
    assert window.detail.thesis_id == bar.thesis_id
    assert window.detail.tabs.currentWidget() is charts["timeline"]
    assert window.detail.catalyst_table.current_record().id == bar.catalyst_id
    assert charts["timeline"].chart.lanes.bars.selected == bar.catalyst_id
