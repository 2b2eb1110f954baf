"""The milestone timeline chart (#4): its items match the model, clicks select catalysts and
selection highlights them, a tick redraws it at once, and it saves and renders headless."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage

import pytest

from gui import palette
from model.analysis.timeline import day_seconds, thesis_timeline


@pytest.fixture
def thesis_id(tracker):
    """A thesis with a day, a quarter and a year window, one done."""
    tid = tracker.theses.add(title="Chart thesis").id
    tracker.catalysts.add(thesis_id=tid, title="Launch day", expected="2026-09-15")
    q = tracker.catalysts.add(thesis_id=tid, title="Quarter results", expected="Q2 2026")
    tracker.catalysts.add(thesis_id=tid, title="Year of ramp", expected="2027")
    tracker.catalysts.tick(q.id, on="2026-05-20")
    return tid


@pytest.fixture
def chart(tracker, thesis_id, show_chart):
    from gui.charts.timeline import TimelineChart
    return show_chart(TimelineChart(tracker, thesis_id=thesis_id), 900, 500)


def test_items_match_the_model(chart, tracker, thesis_id):
    """One bar per catalyst with the model's x-range in epoch seconds and its status;
    lane labels are the titles; a marker per happened catalyst; the today line (#4)."""
    expected = thesis_timeline(tracker, thesis_id)
    bars = chart.lanes.bars.bars
    assert [(b.catalyst_id, b.x0, b.x1, b.status) for b in bars] == [
        (b.catalyst_id, b.x0, b.x1, b.status) for b in expected.bars]
    quarter = next(b for b in bars if b.title == "Quarter results")
    assert (quarter.x0, quarter.x1) == (day_seconds("2026-04-01"), day_seconds("2026-07-01"))
    assert quarter.status == "done"
    labels = chart.lanes.axis.labels
    assert [labels[y] for y in sorted(labels)] == ["Quarter results", "Launch day", "Year of ramp"]
    spots = chart.lanes.markers.data
    assert len(spots) == 1 and spots[0]["data"] == quarter.catalyst_id
    assert spots[0]["x"] == day_seconds("2026-05-20") + 43200
    assert chart.lanes.today.value() == day_seconds("2026-11-24")
    assert chart.conviction_curve.opts["stepMode"] == "center"
    assert chart.lanes.plot.getAxis("bottom") is not None


def test_click_selects_and_selection_highlights(chart, qtbot, tracker):
    """Clicking a bar emits catalystClicked with its id and highlights it; highlight(id) from
    the table marks another bar (#4)."""
    year = next(b for b in chart.timeline.bars if b.title == "Year of ramp")
    pos = chart.bar_view_pos(year.catalyst_id)
    with qtbot.waitSignal(chart.catalystClicked, timeout=2000) as signal:
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert signal.args == [year.catalyst_id]
    assert chart.lanes.bars.selected == year.catalyst_id
    day = next(b for b in chart.timeline.bars if b.title == "Launch day")
    chart.highlight(day.catalyst_id)
    assert chart.lanes.bars.selected == day.catalyst_id
    # The one-day window is a diamond a few pixels wide, still clickable.
    pos = chart.bar_view_pos(day.catalyst_id) + QPoint(5, 0)
    with qtbot.waitSignal(chart.catalystClicked, timeout=2000) as signal:
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert signal.args == [day.catalyst_id]


def test_hover_shows_title_window_status_and_outcome(chart, qtbot, tracker):
    """Hovering a bar names the catalyst, its window, its status with the day it happened and its
    outcome (#4)."""
    quarter = next(b for b in chart.timeline.bars if b.title == "Quarter results")
    tracker.catalysts.update(quarter.catalyst_id, outcome="Beat by 8%")
    qtbot.mouseMove(chart.view.viewport(), chart.bar_view_pos(quarter.catalyst_id))
    qtbot.waitUntil(lambda: "Quarter results" in chart.lanes.bars.toolTip(), timeout=2000)
    tip = chart.lanes.bars.toolTip()
    assert "Window: Q2 2026" in tip and "done on 2026-05-20" in tip and "Beat by 8%" in tip


def test_tick_and_new_catalyst_update_the_chart_at_once(chart, tracker, thesis_id):
    """The store's after-commit notice redraws only this thesis's chart, keeping the zoom (#4)."""
    year = next(b for b in chart.timeline.bars if b.title == "Year of ramp")
    chart.lanes.plot.setXRange(day_seconds("2026-01-01"), day_seconds("2026-12-31"), padding=0)
    before = chart.lanes.plot.viewRange()[0]
    tracker.catalysts.tick(year.catalyst_id, status="missed", on="2026-11-20")
    bar = next(b for b in chart.lanes.bars.bars if b.catalyst_id == year.catalyst_id)
    assert bar.status == "missed"
    assert len(chart.lanes.markers.data) == 2
    assert chart.lanes.plot.viewRange()[0] == pytest.approx(before)
    tracker.catalysts.add(thesis_id=thesis_id, title="Brand new", expected="H1 2027")
    assert len(chart.lanes.bars.bars) == 4
    other = tracker.theses.add(title="Elsewhere").id
    tracker.catalysts.add(thesis_id=other, title="Not here", expected="2027")
    assert len(chart.lanes.bars.bars) == 4
    tracker.theses.set_conviction(thesis_id, 5)
    assert chart.conviction_curve.yData[-1] == 5


def test_context_menu_saves_png_and_svg(chart, tmp_path):
    """The chart's menu offers Save as PNG… and Save as SVG…; both write real files (#4)."""
    menu = chart.context_menu()
    actions = {a.objectName(): a for a in menu.actions()}
    assert actions["savePng"].text() == "Save as &PNG…"
    assert actions["saveSvg"].text() == "Save as &SVG…"
    chart.ask_path = lambda kind, suffix: str(tmp_path / f"chart{suffix}")
    actions["savePng"].trigger()
    actions["saveSvg"].trigger()
    image = QImage(str(tmp_path / "chart.png"))
    assert (image.width(), image.height()) == (chart.view.width() * 2, chart.view.height() * 2)
    svg = (tmp_path / "chart.svg").read_text()
    assert "<svg" in svg and "Quarter results" in svg


def test_render_timeline_image_headless(tracker, thesis_id, qapp):
    """render_timeline_image draws a never-shown chart at the asked size; the done bar is in
    its status colour; a high dpi keeps the layout (#4, used by the PDF export)."""
    from gui.charts import render_timeline_image
    for dpi in (96, 192):
        image = render_timeline_image(tracker, thesis_id, 1000, 500, dpi=dpi)
        assert (image.width(), image.height()) == (1000, 500)
        colours = {image.pixelColor(x, y).name() for x in range(0, 1000, 4)
                   for y in range(0, 500, 4)}
        assert QColor(palette.catalyst("done")).name() in colours
        assert QColor(palette.catalyst("pending")).name() in colours


def test_lane_labels_thin_out_when_crowded(qapp):
    """500 lanes in 300 pixels label every few lanes (a few dozen strings a frame); zoomed to
    ten lanes every one is labelled; downward (inverted) ranges work too (#4 speed)."""
    from gui.charts.timeline import LaneAxis
    axis = LaneAxis()
    axis.set_lanes([(float(i), f"lane {i}") for i in range(500)])
    [(step, ys)] = axis.tickValues(499.5, -0.5, 300)
    assert step == 25 and len(ys) == 20 and ys[0] == 0.0
    [(step, ys)] = axis.tickValues(10.5, 20.5, 300)
    assert step == 1 and ys == [float(i) for i in range(11, 21)]
    assert axis.tickStrings([11.0], 1, 1) == ["lane 11"]


@pytest.fixture
def busy_top(tracker):
    """A thesis whose first lane holds a year-long bar through today (2026-11-24): the red
    "today" label at the top of the line used to be drawn over it."""
    tid = tracker.theses.add(title="Busy top").id
    tracker.catalysts.add(thesis_id=tid, title="Year of ramp", expected="2026")
    tracker.catalysts.add(thesis_id=tid, title="Next year", expected="H2 2027")
    tracker.catalysts.add(thesis_id=tid, title="Early", expected="Q2 2026")
    return tid


def _today_label_clear_of_bars(chart) -> None:
    """The label is shown beside the today line and overlaps no bar, as drawn in the scene."""
    lanes = chart.lanes
    label = lanes.today_label
    assert label.isVisible()
    rect = label.mapRectToScene(label.boundingRect())
    line_x = lanes.plot.getViewBox().mapViewToScene(QPointF(lanes.today.value(), 0)).x()
    assert rect.left() - 6 <= line_x <= rect.right() + 6, (rect, line_x)
    for bar in lanes.bars.bars:
        box = lanes.bars.mapRectToScene(QRectF(bar.x0, bar.y - bar.height / 2,
                                               bar.x1 - bar.x0, bar.height))
        assert not rect.intersects(box), (bar.title, rect, box)


def test_today_label_never_covers_a_bar_on_screen(tracker, busy_top, show_chart):
    """A walk through the app: "today" overlapped the first catalyst's bar when today's line
    ran through a bar at the top. The label sits above the first lane, beside the line."""
    from gui.charts.timeline import TimelineChart
    for width, height in ((900, 500), (500, 260)):
        chart = show_chart(TimelineChart(tracker, thesis_id=busy_top), width, height)
        _today_label_clear_of_bars(chart)
        chart.fit()
        _today_label_clear_of_bars(chart)


def test_today_label_never_covers_a_bar_in_the_pdf_image(tracker, busy_top, qapp):
    """The same in the headless render the PDF embeds (render_timeline_image's chart)."""
    from gui.charts.timeline import TimelineChart
    chart = TimelineChart(tracker, thesis_id=busy_top, light=True)
    try:
        chart.render_image(1400, 590, dpi=220)
        _today_label_clear_of_bars(chart)
    finally:
        chart.set_tracker(None)
        chart.view.close()
        chart.deleteLater()


def _conviction_label(chart):
    return chart.history_plot.getAxis("left").label


def test_chinese_axis_label_stands_upright_latin_lies_on_its_side(tracker, thesis_id,
                                                                  show_chart):
    """A walk through the app: 确信度 was turned 90° like a Latin word, each character on its
    side. In Chinese the characters stand upright, one under the next, beside the conviction
    axis; "conviction" in English stays turned. Switching language switches the drawing."""
    from gui import i18n
    from gui.charts.timeline import TimelineChart
    chart = show_chart(TimelineChart(tracker, thesis_id=thesis_id), 900, 500)
    label = _conviction_label(chart)
    assert label.rotation() == -90 and label.toPlainText().strip() == "conviction"
    i18n.install_language("zh_CN")
    chart.retranslate()
    assert label.rotation() == 0
    assert label.toPlainText().split("\n") == ["确", "信", "度"]
    axis = chart.history_plot.getAxis("left")
    shown = label.mapRectToScene(label.boundingRect())
    room = axis.sceneBoundingRect()
    assert room.left() - 1 <= shown.left() and shown.right() <= room.right() + 1
    assert room.top() - 1 <= shown.top() and shown.bottom() <= room.bottom() + 1
    i18n.install_language("")
    chart.retranslate()
    assert label.rotation() == -90 and label.toPlainText().strip() == "conviction"


def test_chinese_axis_label_stands_upright_in_the_pdf_image(tracker, thesis_id, qapp):
    """The same in the headless render the PDF embeds, laid out in Chinese from the start."""
    from gui import i18n
    from gui.charts.timeline import TimelineChart
    i18n.install_language("zh_CN")
    chart = TimelineChart(tracker, thesis_id=thesis_id, light=True)
    try:
        chart.render_image(1400, 590, dpi=220)
        label = _conviction_label(chart)
        assert label.rotation() == 0
        assert label.toPlainText().split("\n") == ["确", "信", "度"]
        shown = label.mapRectToScene(label.boundingRect())
        assert chart.history_plot.getAxis("left").sceneBoundingRect().contains(shown)
    finally:
        chart.set_tracker(None)
        chart.view.close()
        chart.deleteLater()
