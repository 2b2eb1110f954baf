"""The roadmap (#4, #12 item 15): the catalysts of the theses the list shows, a lane per thesis
under its theme, filtered by status and theme, scrolling lanes, following the store."""

from __future__ import annotations

from PySide6.QtCore import Qt

import pytest

from model.analysis.roadmap import lane_bars, roadmap_plan


@pytest.fixture
def chart(tracker, show_chart):
    from gui.charts.roadmap import RoadmapChart
    return show_chart(RoadmapChart(tracker), 1000, 500)


def ids(bars):
    return sorted(b.catalyst_id for b in bars)


def test_lanes_and_filters(chart, tracker, qtbot):
    """Default: everything but cancelled; unticking a status box and choosing a theme redraw
    just those catalysts, lane labels naming the theses under their theme (#4)."""
    default = [s for s in chart.status_boxes if s != "cancelled"]
    plan = roadmap_plan(tracker, statuses=default)
    expected = [b for bars in lane_bars(tracker, plan.lanes, statuses=default).values()
                for b in bars]
    assert ids(chart.lanes.bars.bars) == ids(expected)
    labels = [chart.lanes.axis.labels[y] for y in sorted(chart.lanes.axis.labels)]
    assert len(labels) == len(plan.lanes) and labels[0].startswith("▾ Optical")
    assert labels[1].startswith("Big light")
    qtbot.mouseClick(chart.status_boxes["pending"], Qt.MouseButton.LeftButton)
    assert not chart.status_boxes["pending"].isChecked()
    assert {b.status for b in chart.lanes.bars.bars} <= {"overdue", "done", "missed"}
    qtbot.mouseClick(chart.status_boxes["pending"], Qt.MouseButton.LeftButton)
    theme = chart.theme.itemText(2)
    chart.theme.setCurrentText(theme)
    theses = {t.id: t.theme for t in tracker.theses.all()}
    assert chart.lanes.bars.bars
    assert {theses[b.thesis_id] for b in chart.lanes.bars.bars} == {theme}


def test_follows_ticks_and_clicks(chart, tracker, qtbot):
    """A tick anywhere recolours its bar; clicking a bar emits its catalyst id (#4)."""
    pending = next(b for b in chart.lanes.bars.bars if b.status == "pending")
    tracker.catalysts.tick(pending.catalyst_id, on="2026-11-23")
    bar = next(b for b in chart.lanes.bars.bars if b.catalyst_id == pending.catalyst_id)
    assert bar.status == "done"
    with qtbot.waitSignal(chart.catalystClicked, timeout=2000) as signal:
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.bar_view_pos(bar.catalyst_id))
    assert signal.args == [bar.catalyst_id]
    tracker.theses.add(title="New theme thesis", theme="Robotics")
    assert chart.theme.findText("Robotics") > 0
