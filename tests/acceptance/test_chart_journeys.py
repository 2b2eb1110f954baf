"""Charts as an analyst reads them (#12 defects 4, 5, 6 and 15, "Roadmap bars carry their
labels", "months when a year or less is in view"): through the real window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt

from model.analysis.timeline import day_seconds, stamp_seconds
from tests.acceptance.conftest import click_tab


def _timeline(window, qtbot):
    tab = window.charts["timeline"]
    click_tab(qtbot, window.detail.tabs, tab)
    qtbot.waitUntil(lambda: tab.chart is not None and tab.chart.isVisible(), timeout=3000)
    return tab.chart


def _axis_labels(plot) -> list[str]:
    axis = plot.getAxis("bottom")
    (x0, x1), _ = plot.viewRange()
    levels = axis.tickValues(x0, x1, axis.width() or plot.width())
    return [s for _, values in levels for s in axis.tickStrings(values, 1, 1) if s]


def test_new_thesis_timeline_opens_on_its_catalysts_and_today(window, qtbot, when_modal):
    """Ctrl+N, type a title, Enter, open Timeline: the chart shows months with their year and
    the today line, not four weeks of day numbers; adding two catalysts re-fits it so neither
    bar runs off an edge (#12 defect 4)."""
    def name_it(dialog):
        qtbot.keyClicks(dialog.title, "Fresh idea")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    done = when_modal(name_it)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(done) and any(
        t.title == "Fresh idea" for t in window.tracker.theses.all()), timeout=3000)
    thesis = next(t for t in window.tracker.theses.all() if t.title == "Fresh idea")
    qtbot.waitUntil(lambda: window.detail.thesis_id == thesis.id, timeout=3000)
    chart = _timeline(window, qtbot)
    plot = chart.history_plot
    (x0, x1), _ = plot.viewRange()
    today = day_seconds(window.tracker.clock.today())
    assert x0 < today < x1 and chart.lanes.today_label.isVisible()
    assert x1 - x0 >= 150 * 86400, "opens on months, not weeks"
    labels = _axis_labels(plot)
    assert any(label.endswith(str(window.tracker.clock.today().year)) for label in labels), labels
    ops = window.tracker.ops
    ops.add_catalyst(thesis.id, title="Launch", expected="H1 2027")
    ops.add_catalyst(thesis.id, title="Results", expected="Q3 2026")
    (x0, x1), _ = chart.lanes.plot.viewRange()
    for bar in chart.lanes.bars.bars:
        assert x0 <= bar.x0 and bar.x1 <= x1, f"{bar.title} runs off the chart"
    assert x0 < today < x1


def test_big_light_conviction_starts_where_the_history_does(window, qtbot):
    """Big light's history records conviction 3 on 9 Dec 2025, then 3 → 4: the line starts at
    3 on that day, never at today's 4 before it (#12 defect 5: it showed 4, then 3, then 4)."""
    thesis = next(t for t in window.tracker.theses.all() if t.title.startswith("Big light"))
    window.show_thesis(thesis.id)
    chart = _timeline(window, qtbot)
    xs, ys = chart.conviction_curve.xData, chart.conviction_curve.yData
    assert list(ys) == [3.0, 4.0]
    assert xs[0] == stamp_seconds("2025-12-09T09:01:00Z")


def test_recent_status_change_labels_do_not_overlap(window, qtbot):
    """A thesis opened as a draft on 20 Nov and made active on 22 Nov, seen on 24 Nov: the two
    status names are never drawn over each other ("draftactive"), in the app nor in the PDF's
    chart; zoomed in on those days, both are named (#12 defect 6)."""
    tracker = window.tracker
    clock = type(tracker.clock)
    tracker.store.clock = clock.fixed(dt.datetime(2026, 11, 20, 9, tzinfo=dt.timezone.utc))
    thesis = tracker.ops.add_thesis(title="Quick start").value
    tracker.store.clock = clock.fixed(dt.datetime(2026, 11, 22, 9, tzinfo=dt.timezone.utc))
    tracker.ops.set_status(thesis.id, "active")
    tracker.ops.add_catalyst(thesis.id, title="Order", expected="H2 2027")
    tracker.store.clock = clock.fixed(dt.datetime(2026, 11, 24, 10, tzinfo=dt.timezone.utc))
    window.show_thesis(thesis.id)
    chart = _timeline(window, qtbot)
    font = chart.status_spans[0][1].textItem.font()
    from PySide6.QtGui import QFontMetricsF
    metrics = QFontMetricsF(font)

    def overlaps(chart=chart) -> list:
        shown = chart.shown_status_labels()
        return [(a, b) for i, (a, xa) in enumerate(shown) for b, xb in shown[i + 1:]
                if xa < xb + metrics.horizontalAdvance(b) and
                xb < xa + metrics.horizontalAdvance(a)]
    assert overlaps() == []
    from gui.charts.timeline import TimelineChart
    printed = TimelineChart(tracker, thesis_id=thesis.id)    # as the PDF draws it, headless
    printed.render_image(1600, 672, dpi=220)
    assert overlaps(printed) == []
    printed.set_tracker(None)
    printed.view.close()
    chart.lanes.plot.setXRange(day_seconds("2026-11-19"), day_seconds("2026-11-26"), padding=0)
    # Positions are read from the scene, which takes the new range when it next paints.
    chart.view.viewport().repaint()
    qtbot.wait(20)
    assert [name for name, _ in chart.shown_status_labels()] == ["draft", "active"]
    assert overlaps() == []


def test_roadmap_shows_the_theses_the_list_shows_grouped_by_theme(window, qtbot):
    """Filter the list by typing in the search box, then open Upcoming ▸ Roadmap: its lanes are
    the theses the list shows, under their theme; typing while the roadmap is hidden does no
    roadmap work; a lane scrolls with the wheel (#12 item 15)."""
    window.show_upcoming()
    qtbot.mouseClick(window.upcoming.roadmap_button, Qt.MouseButton.LeftButton)
    roadmap_tab = window.charts["roadmap"]
    qtbot.waitUntil(lambda: roadmap_tab.chart is not None and roadmap_tab.chart.isVisible(),
                    timeout=3000)
    roadmap = roadmap_tab.chart
    calls = []
    original = roadmap.refresh
    roadmap.refresh = lambda **kw: (calls.append(kw), original(**kw))
    window.focus_search()
    total = window.proxy.rowCount()
    qtbot.keyClicks(window.search_box, "Soochow")
    qtbot.waitUntil(lambda: 0 < window.proxy.rowCount() < total, timeout=3000)
    assert calls == [], "the hidden roadmap worked while the user typed"
    window.show_upcoming()
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    shown = set(window.visible_thesis_ids())
    lanes = roadmap.plan.lanes
    assert {lane.thesis_id for lane in lanes if not lane.is_heading} == shown
    assert lanes[0].is_heading and lanes[0].label == "Optical interconnect"
    assert {b.thesis_id for b in roadmap.lanes.bars.bars} <= shown


def test_roadmap_bars_carry_their_titles_where_they_fit(window, qtbot):
    """Zoomed in on a few months, a wide bar has its title written in it (white text on the
    bar); zoomed out to years, where titles do not fit, none is drawn (#12)."""
    window.show_upcoming()
    qtbot.mouseClick(window.upcoming.roadmap_button, Qt.MouseButton.LeftButton)
    tab = window.charts["roadmap"]
    qtbot.waitUntil(lambda: tab.chart is not None and tab.chart.isVisible(), timeout=3000)
    roadmap = tab.chart
    # The widest bar in a lane of at most two rows (room for a line of text).
    bar = max((b for b in roadmap.lanes.bars.bars if b.height >= 0.4 and b.happened_x is None),
              key=lambda b: b.x1 - b.x0)

    def white_in_bar() -> int:
        """White (text) pixels inside the bar's coloured rectangle on screen."""
        image = roadmap.view.grab().toImage()
        y = roadmap.bar_view_pos(bar.catalyst_id).y()
        (x0, x1), _ = roadmap.lanes.plot.viewRange()
        ends = [roadmap.view.mapFromScene(roadmap.lanes.bars.mapToScene(
            QPointF(min(max(x, x0), x1), bar.y))).x() for x in (bar.x0, bar.x1)]
        return sum(image.pixelColor(x, y + dy).lightness() > 200
                   for x in range(ends[0] + 2, ends[1] - 2) for dy in range(-3, 4))
    roadmap.lanes.plot.setXRange(bar.x0 - 86400 * 10, bar.x1 + 86400 * 10, padding=0)
    qtbot.wait(20)
    assert white_in_bar() > 20
    roadmap.lanes.plot.setXRange(bar.x0 - 86400 * 365 * 30, bar.x1 + 86400 * 365 * 30,
                                 padding=0)
    qtbot.wait(20)
    assert white_in_bar() == 0
    # A year or less in view: the axis names months.
    roadmap.lanes.plot.setXRange(day_seconds("2026-03-01"), day_seconds("2026-12-01"),
                                 padding=0)
    assert {"Apr", "Jun", "Aug"} & set(_axis_labels(roadmap.lanes.plot))
