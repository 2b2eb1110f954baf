"""gui/charts/base.py: what every chart shares (#4): a date axis that always says the year,
headless rendering at print resolution, Save as PNG/SVG with failures shown as messages, and
store listening that ends when the chart goes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFileDialog, QMenu

import pytest

pg = pytest.importorskip("pyqtgraph")

from gui.charts.base import (  # noqa: E402
    ChartPanel,
    TimeAxis,
    elide,
    html_key,
    layout_view,
    render_view,
    save_png,
    save_svg,
)
from gui.dialogs import Messages  # noqa: E402
from model.analysis.timeline import day_seconds  # noqa: E402


class Panel(ChartPanel):
    """A chart with one line, which counts the changes it heard."""

    file_stem = "panel"

    def __init__(self, tracker=None):
        super().__init__(tracker)
        self.heard = []
        plot = self.view.addPlot(axisItems={"bottom": TimeAxis()})
        plot.plot([day_seconds(dt.date(2026, 1, 1)), day_seconds(dt.date(2026, 6, 30))], [1, 2])

    def on_changes(self, changes):
        self.heard.append(changes)

    def extra_actions(self, menu):
        menu.addAction("Reset zoom").setObjectName("resetZoom")


@pytest.fixture
def panel(qtbot):
    chart = Panel()
    qtbot.addWidget(chart)
    chart.view.resize(400, 300)
    yield chart
    chart.set_tracker(None)
    chart.view.close()


def test_the_time_axis_labels_come_from_the_shared_tick_rule(qapp):
    """The axis labels are model.analysis.chart_text's: every major tick named with the year said,
    minor ticks unlabelled (#12)."""
    axis = TimeAxis()
    lo, hi = day_seconds(dt.date(2026, 1, 1)), day_seconds(dt.date(2026, 12, 31))
    levels = axis.tickValues(lo, hi, 600)
    majors, minors = levels[0][1], levels[1][1]
    labels = axis.tickStrings(majors, 1.0, 1.0)
    assert labels and all(labels)                            # every major tick is named
    assert any("2026" in label for label in labels)
    assert axis.tickStrings(minors, 1.0, 1.0) == [""] * len(minors)


def test_render_view_gives_the_size_and_resolution_asked(panel):
    """A headless render has the pixel size and dpi asked (the PDF embeds it at 220 dpi), at device
    ratio 1."""
    image = render_view(panel.view, 800, 400, dpi=192)
    assert (image.width(), image.height()) == (800, 400)
    assert round(image.dotsPerMeterX() * 0.0254) == 192
    assert image.devicePixelRatio() == 1.0
    small = panel.render_image(200, 100)
    assert (small.width(), small.height()) == (200, 100)


def test_layout_view_sizes_a_never_shown_view(panel):
    """A chart never shown (the PDF's) is laid out at the size asked without being shown."""
    layout_view(panel.view, QSize(640, 320))
    assert (panel.view.width(), panel.view.height()) == (640, 320)
    assert not panel.view.isVisible()


def test_png_and_svg_are_written_private_and_a_failure_says_why(panel, tmp_path):
    """Save as PNG/SVG write real files, private (0600) like every file the app makes (they
    were 0644); a PNG that cannot be written is an error naming the file and the reason, not
    a silent False."""
    from model.errors import UserError
    png = save_png(panel.view, tmp_path / "c.png", scale=1.5)
    assert png.read_bytes().startswith(b"\x89PNG")
    svg = save_svg(panel.view, tmp_path / "c.svg", title="My chart")
    assert "<svg" in svg.read_text() and "My chart" in svg.read_text()
    assert png.stat().st_mode & 0o777 == svg.stat().st_mode & 0o777 == 0o600
    with pytest.raises(UserError, match="Cannot write .*c.png: No such file or directory"):
        save_png(panel.view, tmp_path / "missing" / "c.png")


def test_the_menu_saves_where_asked_and_shows_why_it_could_not(panel, tmp_path, monkeypatch):
    """The one chart menu: extra actions, then Save as PNG/SVG; the suffix is added; a failure is a
    message; Cancel does nothing."""
    menu = panel.context_menu()
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["resetZoom", "savePng", "saveSvg"]
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, title, name, kind: asked.append(name) or (str(tmp_path / "out"), kind)))
    panel.ask_save_png()
    assert asked == ["panel.png"] and (tmp_path / "out.png").exists()    # suffix added
    errors = []
    monkeypatch.setattr(Messages, "error_titled", classmethod(
        lambda cls, parent, title, text: errors.append((title, text))))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a: (str(tmp_path / "missing" / "x.png"), "")))
    panel.ask_save_png()
    assert errors and errors[0][0] == "Save chart" and "Cannot write" in errors[0][1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    panel.ask_save_svg()                                  # cancelled: nothing, no error
    assert len(errors) == 1 and isinstance(menu, QMenu)


def test_a_chart_follows_changes_only_while_it_has_a_tracker(panel, tracker):
    """The window hands every committed operation to apply_changes (#11: one signal reaches
    every view); a chart with no database ignores them instead of reading a closed one."""
    from model.changes import OpChanges
    panel.apply_changes(OpChanges.everything())
    assert panel.heard == []
    panel.set_tracker(tracker)
    assert panel.tracker is tracker
    changed = tracker.ops.add_thesis(title="Heard").changes
    panel.apply_changes(changed)
    assert panel.heard == [changed]
    panel.set_tracker(None)
    panel.apply_changes(changed)
    assert panel.heard == [changed]


def test_colour_key_and_elided_labels():
    """The colour key names each status in its colour; long labels are cut with an ellipsis and
    whitespace flattened."""
    key = html_key({"done": "#2e7d32", "missed": "#c62828"})
    assert key.count("&#9632;") == 2 and "color:#c62828" in key and "missed" in key
    assert elide("short") == "short"
    assert elide("a  very\nlong   title " * 5, 20) == "a very long title a…"
    assert len(elide("x" * 100)) == 34
