"""Chart test helpers."""

from __future__ import annotations

import pytest


@pytest.fixture
def settled(qtbot):
    """Wait until a just-shown chart's plot has stopped moving (pyqtgraph lays out over a few
    event-loop turns), so a click lands where the bar is drawn."""
    def wait(plot):
        seen = []

        def still() -> bool:
            seen.append(plot.getViewBox().sceneBoundingRect())
            return len(seen) >= 4 and seen[-1] == seen[-2] == seen[-3] == seen[-4]
        qtbot.waitUntil(still, timeout=3000)
    return wait


@pytest.fixture
def show_chart(qtbot, settled):
    """Show a lane chart (timeline, roadmap) at a size and wait until its plot has settled;
    it hears every committed operation as the window's ``changes_applied`` would tell it; its
    view is closed afterwards (a half-torn-down scene crashes at exit)."""
    shown = []

    def show(chart, width: int, height: int):
        qtbot.addWidget(chart)
        chart.tracker.subscribe(chart.apply_changes)
        chart.resize(width, height)
        chart.show()
        qtbot.waitExposed(chart)
        settled(chart.lanes.plot)
        shown.append(chart)
        return chart
    yield show
    for chart in shown:
        chart.tracker.unsubscribe(chart.apply_changes)
        chart.view.close()
