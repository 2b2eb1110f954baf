"""gui/charts/__init__.py: the charts in the main window (#4): Timeline and Prices tabs per
thesis and a Roadmap in Upcoming, each a LazyChart that builds its chart (and imports pyqtgraph)
when first shown and passes on what it was told meanwhile; a timeline click selects the
catalyst's row and a selected row is highlighted; a roadmap click opens the thesis on its
timeline."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

import pytest

from gui.charts import LazyChart


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
    """A click on a roadmap bar opens its thesis on the Timeline tab with that catalyst selected in
    the table and on the chart (#4)."""
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


class _Chart(QWidget):
    """Stands in for a pyqtgraph chart: records what the LazyChart passes on."""

    catalystClicked = Signal(int)

    def __init__(self):
        super().__init__()
        self.calls = []

    def set_tracker(self, tracker):
        self.calls.append(("tracker", tracker))

    def set_thesis(self, thesis_id):
        self.calls.append(("thesis", thesis_id))

    def highlight(self, catalyst_id):
        self.calls.append(("highlight", catalyst_id))

    def set_thesis_source(self, source):
        self.calls.append(("source", source))

    def list_changed(self):
        self.calls.append(("list",))

    def apply_changes(self, changes):
        self.calls.append(("changes", changes))


@pytest.fixture
def lazy(qtbot, monkeypatch):
    import gui.charts as charts
    monkeypatch.setitem(charts._CHARTS, "fake", (__name__, "_Chart"))
    chart = LazyChart("fake")
    qtbot.addWidget(chart)
    return chart


def test_a_lazy_chart_keeps_what_it_is_told_until_it_is_built(lazy, tracker):
    """pyqtgraph costs most of a second: nothing is built until the tab is shown, and then
    the chart starts from the tracker, thesis, highlight and list it was given meanwhile."""
    source = lambda: [1, 2]                                 # noqa: E731
    lazy.set_tracker(tracker)
    lazy.set_thesis(3)
    lazy.highlight(7)
    lazy.set_thesis_source(source)
    lazy.list_changed()                                      # nothing built: nothing to do
    lazy.apply_changes(object())
    assert lazy.chart is None and lazy.objectName() == "fakeTab"
    chart = lazy.build()
    assert chart.calls == [("tracker", tracker), ("thesis", 3), ("highlight", 7),
                           ("source", source)]
    assert lazy.build() is chart                              # built once


def test_once_built_everything_passes_straight_on(lazy, tracker, qtbot):
    """After the first show the LazyChart only forwards: thesis, highlight, list changes, tracker,
    and the chart's clicks come out of it."""
    lazy.show()                                               # showing builds it
    chart = lazy.chart
    chart.calls.clear()
    lazy.set_thesis(4)
    lazy.highlight(None)
    lazy.list_changed()
    lazy.set_tracker(None)
    assert chart.calls == [("thesis", 4), ("highlight", None), ("list",), ("tracker", None)]
    with qtbot.waitSignal(lazy.catalystClicked) as clicked:
        chart.catalystClicked.emit(12)
    assert clicked.args == [12]


def test_another_thesis_or_database_forgets_what_was_shown(lazy, tracker):
    """A highlight belongs to its thesis, a thesis to its database: neither reaches a chart
    built after the selection moved on."""
    lazy.set_thesis(3)
    lazy.highlight(7)
    lazy.set_thesis(4)
    lazy.set_tracker(tracker)
    chart = lazy.build()
    assert chart.calls == [("tracker", tracker), ("thesis", None)]
