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
