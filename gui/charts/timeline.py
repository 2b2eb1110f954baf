"""The milestone timeline of one thesis: a lane per catalyst, conviction and status under it."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPolygonF
from PySide6.QtWidgets import QVBoxLayout

import numpy as np
import pyqtgraph as pg

from gui import palette
from gui.charts.base import ChartPanel, SideAxis, TimeAxis, chart_colours, elide, html_key
from gui.i18n import translate, word
from model.analysis.chart_text import place_labels
from model.analysis.timeline import DAY, Timeline, thesis_timeline

TODAY_COLOUR = palette.TODAY.light


def today_pen(dark: bool = False):
    return pg.mkPen(palette.TODAY.pick(dark), width=1.5, style=Qt.PenStyle.DashLine)


TODAY_PEN = today_pen()
POINT_PX = 8.0          # half-size of the diamond drawn for a one-day window
LABEL_PX = 240          # lane labels are elided to this width
MIN_BAR_PX = 3.0        # a bar is never drawn narrower than this, however far zoomed out
BAR_TEXT_PAD = 4.0      # pixels between a bar's edge and the title written inside it


class BarsItem(pg.GraphicsObject):
    """Every catalyst bar in one item, painted in one pass (one drawRects call per colour).

    Bars are in data coordinates (x: epoch seconds, y: lanes); one-day windows are diamonds
    sized in pixels, so precision shows at any zoom.
    """

    clicked = Signal(int)       # catalyst id of the bar clicked
    hovered = Signal(object)    # catalyst id under the mouse, or None

    def __init__(self, *, labels: bool = False):
        super().__init__()
        self.bars = []
        self.labels = labels        # write each bar's title inside it where it fits
        self.bands: list[tuple[float, float]] = []     # (y0, y1) of shaded lanes
        self.band_x: tuple[float, float] | None = None
        self.selected: int | None = None
        self.dark = False           # the dark palette's colours (a chart on a dark window)
        self._hover: int | None = None
        self._bounds = QRectF()
        self._x0 = self._x1 = self._y0 = self._y1 = np.zeros(0)
        self._points = np.zeros(0, dtype=bool)
        self._font = QFont()
        self._font.setPointSizeF(8.0)
        self._metrics = QFontMetricsF(self._font)
        self._widths: dict[str, float] = {}
        self.setAcceptHoverEvents(True)

    def set_bars(self, bars, *, bands=None, band_x: tuple[float, float] | None = None) -> None:
        """The bars to draw; ``bands`` (y0, y1) shaded over ``band_x`` (else the bars' span)."""
        self.prepareGeometryChange()
        if bands is not None:
            self.bands = list(bands)
        self.band_x = band_x
        self.bars = list(bars)
        self._x0 = np.array([b.x0 for b in self.bars], dtype=float)
        self._x1 = np.array([b.x1 for b in self.bars], dtype=float)
        y = np.array([b.y for b in self.bars], dtype=float)
        h = np.array([b.height for b in self.bars], dtype=float)
        self._y0, self._y1 = y - h / 2, y + h / 2
        self._points = np.array([b.is_point for b in self.bars], dtype=bool)
        if self.bars:
            pad = 30 * DAY      # room for the pixel-sized diamonds at the ends
            self._bounds = QRectF(self._x0.min() - pad, self._y0.min() - 0.5,
                                  self._x1.max() - self._x0.min() + 2 * pad,
                                  self._y1.max() - self._y0.min() + 1.0)
        else:
            self._bounds = QRectF()
        if self.bands and band_x is not None:
            ys = [y for band in self.bands for y in band]
            self._bounds = self._bounds.united(QRectF(band_x[0], min(ys), band_x[1] - band_x[0],
                                                      max(ys) - min(ys)))
        if self.selected is not None and self.index_of(self.selected) is None:
            self.selected = None
        self.update()

    def set_selected(self, catalyst_id: int | None) -> None:
        self.selected = catalyst_id
        self.update()

    def index_of(self, catalyst_id: int) -> int | None:
        return next((i for i, b in enumerate(self.bars) if b.catalyst_id == catalyst_id), None)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _pixel(self) -> tuple[float, float]:
        """Data units per screen pixel, x and y (from the view box: right even when headless)."""
        vb = self.getViewBox()
        if vb is None or not hasattr(vb, "viewPixelSize"):
            return DAY, 0.01
        px, py = vb.viewPixelSize()
        return (abs(px) or DAY), (abs(py) or 0.01)

    def paint(self, p, *args) -> None:
        if not self.bars and not self.bands:
            return
        px, py = self._pixel()
        p.setRenderHint(p.RenderHint.Antialiasing, False)
        shade = QColor(255, 255, 255, 18) if self.dark else QColor(0, 0, 0, 14)
        for y0, y1 in self.bands:
            p.fillRect(QRectF(self._bounds.left(), y0, self._bounds.width(), y1 - y0), shade)
        if not self.bars:
            return
        if self.selected is not None:
            i = self.index_of(self.selected)
            if i is not None:
                band = QRectF(self._bounds.left(), self._y0[i] - 0.15, self._bounds.width(),
                              self._y1[i] - self._y0[i] + 0.3)
                p.fillRect(band, QColor(255, 235, 59, 90))
        groups: dict[str, list[QRectF]] = {}
        diamonds: dict[str, list[QPolygonF]] = {}
        for i, b in enumerate(self.bars):
            if self._points[i]:
                cx, cy = (b.x0 + b.x1) / 2, b.y
                dx, dy = POINT_PX * px, min(POINT_PX * py, (self._y1[i] - self._y0[i]) * 0.75)
                diamonds.setdefault(palette.catalyst(b.status, dark=self.dark), []).append(
                    QPolygonF([
                    QPointF(cx - dx, cy), QPointF(cx, cy - dy), QPointF(cx + dx, cy),
                        QPointF(cx, cy + dy)]))
                continue
            width = max(b.x1 - b.x0, MIN_BAR_PX * px)
            groups.setdefault(palette.catalyst(b.status, dark=self.dark), []).append(
                QRectF(b.x0, self._y0[i], width, self._y1[i] - self._y0[i]))
        p.setPen(Qt.PenStyle.NoPen)
        for colour, rects in groups.items():
            p.setBrush(QBrush(QColor(colour)))
            p.drawRects(rects)
        p.setRenderHint(p.RenderHint.Antialiasing, True)
        for colour, polygons in diamonds.items():
            p.setBrush(QBrush(QColor(colour)))
            for polygon in polygons:
                p.drawPolygon(polygon)
        hover, chosen = ("#bdbdbd", "#ffffff") if self.dark else ("#424242", "#000000")
        for marked, pen in ((self._hover, pg.mkPen(hover, width=1.5)),
                            (self.selected, pg.mkPen(chosen, width=2.5))):
            i = self.index_of(marked) if marked is not None else None
            if i is None:
                continue
            b = self.bars[i]
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            x0 = b.x0 - (POINT_PX * px if self._points[i] else 0)
            x1 = max(b.x1, b.x0 + MIN_BAR_PX * px) + (POINT_PX * px if self._points[i] else 0)
            p.drawRect(QRectF(x0, self._y0[i], x1 - x0, self._y1[i] - self._y0[i]))
        if self.labels:
            self._paint_labels(p, px, py)

    def _paint_labels(self, p, px: float, py: float) -> None:
        """Each bar's title inside it, where the bar is wide and tall enough on screen for the
        whole title (elided titles say little; the tooltip has them): zooming in shows more."""
        vb = self.getViewBox()
        if vb is None:
            return
        (x0, x1), _ = vb.viewRange()
        height = self._metrics.height()
        tall = (self._y1 - self._y0) / py >= height + 1
        wide = (np.minimum(self._x1, x1) - np.maximum(self._x0, x0)) / px \
            >= 2 * BAR_TEXT_PAD + 24
        candidates = np.flatnonzero(tall & wide & ~self._points)
        if not len(candidates):
            return
        to_device = p.transform()
        p.save()
        p.resetTransform()
        p.setFont(self._font)
        # On the dark palette's lighter bars, dark text reads; on the light one's, white.
        p.setPen(QColor("#111111" if self.dark else "white"))
        for i in candidates:
            b = self.bars[i]
            width = self._widths.get(b.title)
            if width is None:
                width = self._widths[b.title] = self._metrics.horizontalAdvance(b.title)
            rect = to_device.mapRect(QRectF(max(b.x0, x0), self._y0[i],
                                            min(b.x1, x1) - max(b.x0, x0),
                                            self._y1[i] - self._y0[i])).normalized()
            if rect.width() < width + 2 * BAR_TEXT_PAD:
                continue
            p.drawText(rect.adjusted(BAR_TEXT_PAD, 0, -BAR_TEXT_PAD, 0),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, b.title)
        p.restore()

    # -- finding a bar under the mouse -----------------------------------------------------------
    def bar_at(self, pos: QPointF) -> int | None:
        """Index of the bar at a point in item coordinates (a few pixels of slack), or None."""
        if not self.bars:
            return None
        px, _ = self._pixel()
        slack = np.where(self._points, POINT_PX * px, 2 * px)
        right = np.maximum(self._x1, self._x0 + MIN_BAR_PX * px)
        hit = ((self._x0 - slack <= pos.x()) & (pos.x() <= right + slack)
               & (self._y0 <= pos.y()) & (pos.y() <= self._y1))
        found = np.flatnonzero(hit)
        if not len(found):
            return None
        # Prefer the narrowest bar: a point on top of a long window is the one aimed at.
        return int(min(found, key=lambda i: self._x1[i] - self._x0[i]))

    def hoverEvent(self, ev) -> None:
        index = None if ev.isExit() else self.bar_at(ev.pos())
        catalyst_id = self.bars[index].catalyst_id if index is not None else None
        if catalyst_id != self._hover:
            self._hover = catalyst_id
            self.setToolTip(self.bars[index].tooltip if index is not None else "")
            self.update()
            self.hovered.emit(catalyst_id)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        index = self.bar_at(ev.pos())
        if index is None:
            ev.ignore()
            return
        ev.accept()
        self.clicked.emit(self.bars[index].catalyst_id)


MARKER_BRUSH, MARKER_PEN = pg.mkBrush("#212121"), pg.mkPen("w", width=1.2)


def marker_style(dark: bool):
    """(brush, pen) of the happened markers: a dark dot ringed white, or the reverse."""
    if dark:
        return pg.mkBrush("#eeeeee"), pg.mkPen("#202020", width=1.2)
    return MARKER_BRUSH, MARKER_PEN


def happened_spots(bars) -> dict:
    """Markers on the day each catalyst happened (or was missed), all one style (one symbol
    rendered once, not once per marker)."""
    marked = [b for b in bars if b.happened_x is not None]
    return {"x": np.array([b.happened_x + DAY / 2 for b in marked]),
            "y": np.array([b.y for b in marked]),
            "data": [b.catalyst_id for b in marked]}


def lane_ticks(timeline: Timeline, limit: int = 34) -> list[list[tuple[float, str]]]:
    return [[(y, elide(label, limit)) for y, label in timeline.lanes]]


class LaneAxis(pg.AxisItem):
    """Lane labels on the left: only those in view, thinned to one every LABEL_GAP_PX so a
    500-lane chart measures a few dozen strings a frame, not 500; zooming in shows them all."""

    LABEL_GAP_PX = 15

    def __init__(self):
        super().__init__("left")
        self.labels: dict[float, str] = {}
        self._ys = np.zeros(0)

    def set_lanes(self, ticks: list[tuple[float, str]]) -> None:
        self.labels = dict(ticks)
        self._ys = np.array(sorted(self.labels), dtype=float)
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):
        lo, hi = sorted((minVal, maxVal))        # reversed when the lanes run downwards
        ys = self._ys[(self._ys >= lo) & (self._ys <= hi)]
        if not len(ys) or size <= 0:
            return []
        lanes_per_px = max(hi - lo, 1e-9) / size
        step = max(1, math.ceil(self.LABEL_GAP_PX * lanes_per_px))
        return [(float(step), ys[::step].tolist())]

    def tickStrings(self, values, scale, spacing):
        return [self.labels.get(v, "") for v in values]


class LanePlot:
    """A PlotItem showing bars in lanes with a today line and happened markers."""

    def __init__(self, view: pg.GraphicsLayoutWidget, row: int, *, dates: bool = True,
                 bar_labels: bool = False, view_box: pg.ViewBox | None = None):
        axes = {"left": LaneAxis()}
        if dates:
            axes["bottom"] = TimeAxis()
        self.plot = plot = view.addPlot(row=row, col=0, axisItems=axes, viewBox=view_box)
        self.axis = axes["left"]
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.invertY(True)
        # No grid: translucent grid lines are the costliest thing in a pan frame (bench_charts).
        self.axis.setStyle(autoExpandTextSpace=True)
        self.bars = BarsItem(labels=bar_labels)
        plot.addItem(self.bars)
        self.markers = pg.ScatterPlotItem(symbol="o", size=7, pxMode=True, brush=MARKER_BRUSH,
                                          pen=MARKER_PEN)
        self.markers.setZValue(5)
        plot.addItem(self.markers)
        self.today = pg.InfiniteLine(angle=90, movable=False, pen=TODAY_PEN)
        self.today.setZValue(10)
        plot.addItem(self.today)
        # "today" in a strip of its own above the first lane (the plot's empty title row),
        # beside the top of the line, on the side with room: inside the lanes it was drawn over
        # the first catalyst's bar when the line ran through it (a walk through the app); on
        # the line itself it was clipped at the plot's edge (#12 defect 13).
        self.today_label = pg.TextItem(translate("Charts", "today"), color=TODAY_COLOUR,
                                       anchor=(0, 1))
        self.today_label.setParentItem(plot)
        self.today_label.setZValue(11)
        plot.layout.setRowFixedHeight(0, math.ceil(self.today_label.boundingRect().height()))
        plot.getViewBox().sigRangeChanged.connect(self.place_today_label)
        plot.getViewBox().sigResized.connect(self.place_today_label)
        self.dark = False

    def recolour(self, dark: bool) -> None:
        """The light or the dark palette's colours for what this plot draws."""
        self.dark = dark
        self.bars.dark = dark
        self.bars.update()
        self.today.setPen(today_pen(dark))
        self.today_label.setColor(palette.TODAY.pick(dark))
        brush, pen = marker_style(dark)
        self.markers.setBrush(brush)
        self.markers.setPen(pen)
        self.markers.opts["brush"], self.markers.opts["pen"] = brush, pen

    def retranslate(self) -> None:
        self.today_label.setText(translate("Charts", "today"))
        self.place_today_label()

    def place_today_label(self, *_args) -> None:
        """Put "today" in the strip above the lanes, beside the top of the line, on whichever
        side has room for it; hide it when today is out of view."""
        vb = self.plot.getViewBox()
        (x0, x1), _ = vb.viewRange()
        x = self.today.value()
        if not x0 <= x <= x1 or vb.width() <= 0:
            self.today_label.setVisible(False)
            return
        self.today_label.setVisible(True)
        width = self.today_label.boundingRect().width()
        box = vb.geometry()                     # in the plot's coordinates, as the label
        line_x = vb.mapFromViewToItem(self.plot, QPointF(x, 0)).x()
        right_of_line = box.right() - line_x >= width + 4
        self.today_label.setAnchor((0, 1) if right_of_line else (1, 1))
        self.today_label.setPos(line_x + (2 if right_of_line else -2), box.top())

    def show(self, timeline: Timeline, *, tick_limit: int = 34, aligned=(),
             bands: bool = False) -> None:
        """Draw a timeline; ``aligned`` plots below get the same left-axis width; ``bands``
        shades every other lane (lanes holding several rows of bars)."""
        self.bars.set_bars(timeline.bars)
        self.bars.bands = [(y - 0.5, y + 0.5) for y, _ in timeline.lanes[1::2]] if bands else []
        brush, pen = marker_style(self.dark)
        self.markers.setData(**happened_spots(timeline.bars), brush=brush, pen=pen)
        self.today.setPos(timeline.today_x)
        metrics = QFontMetricsF(self.axis.style.get("tickFont") or self.axis.font())
        # Elide by measured width too: pyqtgraph drops a label that does not fit whole.
        ticks = [(y, metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_PX))
                 for y, label in lane_ticks(timeline, tick_limit)[0]]
        self.axis.set_lanes(ticks)
        align_left_axes([self.plot, *aligned], [label for _, label in ticks])
        self.place_today_label()

    def fit(self, timeline: Timeline) -> None:
        lanes = max(timeline.lane_count, 1)
        self.plot.setXRange(*timeline.x_range, padding=0)
        self.plot.setYRange(-0.6, lanes - 0.4, padding=0)


class LaneChart(ChartPanel):
    """What the thesis timeline and the roadmap share: catalyst bars in lanes (``self.lanes``
    over ``self.timeline``) that report clicks and can be fitted and located."""

    catalystClicked = Signal(int)       # the user clicked a catalyst's bar or marker

    def _clicked(self, catalyst_id: int) -> None:
        self.highlight(catalyst_id)
        self.catalystClicked.emit(catalyst_id)

    def extra_actions(self, menu) -> None:
        if self.timeline is not None:
            menu.addAction(self.tr("&Fit to all catalysts"), self.fit)

    def fit(self) -> None:
        if self.timeline is not None:
            self.lanes.fit(self.timeline)

    def bar_view_pos(self, catalyst_id: int) -> QPoint | None:
        """Where a catalyst's bar (its middle, or its diamond) is in view pixels (tests)."""
        bar = self.timeline.bar_for(catalyst_id) if self.timeline else None
        if bar is None:
            return None
        scene = self.lanes.bars.mapToScene(QPointF((bar.x0 + bar.x1) / 2, bar.y))
        return self.view.mapFromScene(scene)


class TimelineChart(LaneChart):
    """One thesis's catalysts over time; follows the store, selects and highlights catalysts.

    Under the lanes, on the same time axis, conviction is a step line and the thesis status a
    band of coloured, labelled spans behind it, both only as far back as the history records
    them. The chart opens fitted to the catalysts and today, and keeps fitting itself as
    catalysts come and go until the user pans or zooms (#12 defect 4).
    """

    file_stem = "timeline"

    def __init__(self, tracker=None, parent=None, *, thesis_id: int | None = None,
                 light: bool = False):
        super().__init__(None, parent, light=light)
        self.setObjectName("timelineChart")
        self.thesis_id: int | None = None
        self.timeline: Timeline | None = None
        self._fitted: tuple[float, float] | None = None    # the x range last fitted
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.key = self.view.addLabel("", row=0, col=0, justify="left")
        self.lanes = LanePlot(self.view, 1, dates=False)
        self.lanes.plot.hideAxis("bottom")
        self.history_plot = plot = self.view.addPlot(
            row=2, col=0, axisItems={"bottom": TimeAxis(), "left": SideAxis("left")})
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setXLink(self.lanes.plot)
        plot.setMouseEnabled(x=True, y=False)
        plot.showGrid(x=False, y=True, alpha=0.2)
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 6)]])
        plot.getAxis("left").setLabel(translate("Charts", "conviction"))
        plot.setYRange(0.5, 6.2, padding=0)
        plot.setMaximumHeight(130)
        plot.setMinimumHeight(80)
        self.history_today = pg.InfiniteLine(angle=90, movable=False, pen=today_pen())
        plot.addItem(self.history_today)
        self.conviction_curve = pg.PlotCurveItem(pen=pg.mkPen(palette.CONVICTION.light,
                                                              width=2.5))
        self.conviction_curve.setZValue(5)
        plot.addItem(self.conviction_curve)
        # The value held now, as a dot at the line's end (alone when only today's is known).
        self.conviction_now = pg.ScatterPlotItem(size=7, pxMode=True,
                                                 brush=pg.mkBrush(palette.CONVICTION.light),
                                                 pen=pg.mkPen("w", width=1))
        self.conviction_now.setZValue(6)
        plot.addItem(self.conviction_now)
        self.status_spans: list[tuple[pg.LinearRegionItem, pg.TextItem]] = []
        self._status_xs: list[float] = []
        plot.getViewBox().sigXRangeChanged.connect(self.place_status_labels)
        plot.getViewBox().sigResized.connect(self.place_status_labels)
        self.view.ci.layout.setRowStretchFactor(1, 6)
        self.view.ci.layout.setRowStretchFactor(2, 1)
        self.lanes.bars.clicked.connect(self._clicked)
        self.lanes.markers.sigClicked.connect(
            lambda _item, points, _ev: len(points) and self._clicked(int(points[0].data())))
        self.follow_palette()
        self.apply_language()
        if tracker is not None:
            self.set_tracker(tracker)
        if thesis_id is not None:
            self.set_thesis(thesis_id)

    def recolour(self) -> None:
        dark = self.dark
        self.lanes.recolour(dark)
        self.history_today.setPen(today_pen(dark))
        colour = palette.CONVICTION.pick(dark)
        self.conviction_curve.setPen(pg.mkPen(colour, width=2.5))
        self.conviction_now.setBrush(pg.mkBrush(colour))
        self.conviction_now.setPen(pg.mkPen(chart_colours(dark)[0], width=1))
        if self.timeline is not None:
            self.refresh()

    def retranslate(self) -> None:
        self.history_plot.getAxis("left").setLabel(translate("Charts", "conviction"))
        self.lanes.retranslate()
        if self.timeline is not None:
            self.refresh()

    # -- what is shown -----------------------------------------------------------------------
    def set_tracker(self, tracker) -> None:
        super().set_tracker(tracker)
        self.thesis_id = None

    def set_thesis(self, thesis_id: int | None) -> None:
        self.thesis_id = thesis_id
        self.refresh(fit=True)

    def fit(self) -> None:
        super().fit()
        self._fitted = tuple(self.lanes.plot.viewRange()[0])

    def user_moved(self) -> bool:
        """The user panned or zoomed away from the range the chart last fitted itself to."""
        if self._fitted is None:
            return False
        (x0, x1), (f0, f1) = self.lanes.plot.viewRange()[0], self._fitted
        tolerance = (f1 - f0) * 1e-6
        return abs(x0 - f0) > tolerance or abs(x1 - f1) > tolerance

    def refresh(self, *, fit: bool = False) -> None:
        if self.tracker is None or self.thesis_id is None:
            self.timeline = None
            self._fitted = None
            self.lanes.bars.set_bars([])
            self.lanes.markers.setData(x=[], y=[])
            self.lanes.axis.set_lanes([])
            self.conviction_curve.clear()
            self.conviction_now.setData(x=[], y=[])
            self._show_status([], [])
            self.key.setText("")
            return
        # A tick or an edit keeps the range the user chose; a chart still showing the range
        # it fitted itself re-fits, so new catalysts never land off screen.
        fit = fit or not self.user_moved()
        self.timeline = thesis_timeline(self.tracker, self.thesis_id)
        self.lanes.show(self.timeline, aligned=[self.history_plot])
        self.key.setText(html_key(palette.catalyst_colours(dark=self.dark),
                                  chart_colours(self.dark)[1]), size="9pt")
        steps = self.timeline.conviction
        self.conviction_curve.setData(np.array(steps.xs), np.array(steps.ys), stepMode="center")
        self.conviction_now.setData(x=[steps.xs[-1]], y=[steps.ys[-1]])
        self._show_status(self.timeline.status.xs,
                          [self.timeline.status_names[int(v)] for v in self.timeline.status.ys])
        self.history_today.setPos(self.timeline.today_x)
        if fit:
            self.fit()
        self.place_status_labels()

    def _show_status(self, xs: list[float], names: list[str]) -> None:
        """Coloured spans, one per stretch of a status, each labelled where its name fits."""
        for region, label in self.status_spans:
            self.history_plot.removeItem(region)
            self.history_plot.removeItem(label)
        self.status_spans = []
        self._status_xs = list(xs)
        for x0, x1, name in zip(xs, xs[1:], names):
            colour = QColor(palette.thesis(name, dark=self.dark))
            fill = QColor(colour)
            fill.setAlpha(45)
            region = pg.LinearRegionItem((x0, x1), movable=False, brush=fill,
                                         pen=pg.mkPen(None))
            region.setZValue(-10)
            label = pg.TextItem(word(name), color=colour, anchor=(0, 0))
            label.setVisible(False)
            self.history_plot.addItem(region)
            self.history_plot.addItem(label, ignoreBounds=True)
            self.status_spans.append((region, label))

    def place_status_labels(self, *_args) -> None:
        """Name each status span where the name fits inside it, never two over each other
        (``place_labels``); recomputed as the user pans, zooms or resizes (#12 defect 6)."""
        vb = self.history_plot.getViewBox()
        if not self.status_spans or vb.width() <= 0:
            return
        (x0, x1), _ = vb.viewRange()
        per_px = (x1 - x0) / vb.width()
        spans = [((a - x0) / per_px, (b - x0) / per_px)
                 for a, b in zip(self._status_xs, self._status_xs[1:])]
        widths = [label.boundingRect().width() for _, label in self.status_spans]
        lefts = place_labels(spans, widths, lo=0.0, hi=vb.width())
        for (_, label), left in zip(self.status_spans, lefts):
            label.setVisible(left is not None)
            if left is not None:
                label.setPos(x0 + left * per_px, 6.2)

    def prepare_render(self) -> None:
        self.lanes.place_today_label()
        self.place_status_labels()

    def shown_status_labels(self) -> list[tuple[str, float]]:
        """(name, left x in view pixels) of the status labels drawn (tests)."""
        out = []
        for _, label in self.status_spans:
            if label.isVisible():
                left = self.view.mapFromScene(label.mapToScene(label.boundingRect().topLeft()))
                out.append((label.textItem.toPlainText(), float(left.x())))
        return out

    def highlight(self, catalyst_id: int | None) -> None:
        """Mark a catalyst (selected in the table) and scroll it into view."""
        self.lanes.bars.set_selected(catalyst_id)
        if catalyst_id is None or self.timeline is None:
            return
        bar = self.timeline.bar_for(catalyst_id)
        if bar is None:
            return
        (x0, x1), (y0, y1) = self.lanes.plot.viewRange()
        if bar.x1 < x0 or bar.x0 > x1:
            half = (x1 - x0) / 2
            self.lanes.plot.setXRange(bar.x0 - half, bar.x0 + half, padding=0)
        if not (min(y0, y1) <= bar.y <= max(y0, y1)):
            half = abs(y1 - y0) / 2
            self.lanes.plot.setYRange(bar.y - half, bar.y + half, padding=0)

    def on_changes(self, changes) -> None:
        if self.thesis_id is None:
            return
        if self.thesis_id in changes.removed_theses:
            self.set_thesis(None)
        elif changes.reset or self.thesis_id in changes.theses:
            self.refresh()


def align_left_axes(plots, labels: list[str], *, most: int = LABEL_PX + 60) -> None:
    """One left-axis width for plots stacked on a shared x axis, so their time scales line up;
    wide enough for the longest label (which hidden, headless charts cannot measure later)."""
    axis = plots[0].getAxis("left")
    metrics = QFontMetricsF(axis.style.get("tickFont") or axis.font())
    width = max([metrics.horizontalAdvance(t) for t in labels] + [24.0])
    # Tick length, text offset and rounding: pyqtgraph drops a label that does not fit whole.
    width = min(width * 1.04 + 24 + max((_label_depth(p.getAxis("left")) for p in plots
                                         if p.getAxis("left").label.isVisible()), default=0),
                most)
    for plot in plots:
        plot.getAxis("left").setWidth(int(width))


def _label_depth(axis) -> float:
    """The width an axis's label takes: its height when turned on its side."""
    if isinstance(axis, SideAxis):
        return axis.label_depth()
    return axis.label.boundingRect().height()
