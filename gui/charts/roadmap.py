"""The roadmap: the catalysts of the theses the list shows, a lane per thesis grouped under its
theme, in lanes of readable height that scroll (#12 item 15).

Only the lanes on screen (and a screen above and below) have their bars read and drawn, so
opening it at 10,000 theses costs about what one thesis does (bench/bench_charts.py). The
wheel scrolls the lanes; Ctrl+wheel (or dragging) zooms and pans time, and bars write their
titles in themselves once they are wide enough.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollBar,
    QSizePolicy,
    QVBoxLayout,
)

import pyqtgraph as pg

from gui import palette
from gui.charts.base import chart_colours, html_key
from gui.charts.timeline import LABEL_PX, LaneChart, LanePlot, align_left_axes, happened_spots
from gui.i18n import number_text, word
from model.analysis.roadmap import RoadmapPlan, lane_bars, roadmap_plan, themes
from model.analysis.timeline import SHOWN_STATUSES, Timeline
from model.changes import Kind

LANE_PX = 40            # one lane's height on screen: two rows of bars with titles inside


class LaneScrollBox(pg.ViewBox):
    """A ViewBox whose wheel scrolls lanes (Ctrl+wheel zooms time, as the thesis timeline's
    wheel does) and whose drag pans time only."""

    def __init__(self, scroll):
        super().__init__()
        self._scroll = scroll
        self.setMouseEnabled(x=True, y=False)

    def wheelEvent(self, ev, axis=None):
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(ev, axis)
            return
        ev.accept()
        self._scroll(-3 if ev.delta() > 0 else 3)


class RoadmapChart(LaneChart):
    """Status check boxes and a theme box filter what is drawn; the lanes follow the list."""

    file_stem = "roadmap"

    def __init__(self, tracker=None, parent=None):
        super().__init__(None, parent)
        self.setObjectName("roadmapChart")
        self.timeline: Timeline | None = None
        self.plan: RoadmapPlan | None = None
        self._bars: dict[float, list] = {}       # lane y -> its bars, read as lanes come in view
        self._shown_theses = None                # () -> thesis ids the list shows, in order
        self._dirty = False
        self._headings: list[tuple[float, float]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.status_boxes: dict[str, QCheckBox] = {}
        for status in SHOWN_STATUSES:
            box = QCheckBox(objectName=f"roadmap_{status}")
            box.setChecked(status not in ("cancelled",))
            box.toggled.connect(lambda _on: self.refresh(fit=True))
            self.status_boxes[status] = box
            filters.addWidget(box)
        filters.addStretch(1)
        self.theme_label = QLabel()
        filters.addWidget(self.theme_label)
        self.theme = QComboBox(objectName="roadmapTheme")
        self.theme_label.setBuddy(self.theme)
        self.theme.currentIndexChanged.connect(lambda _i: self.refresh(fit=True))
        filters.addWidget(self.theme)
        layout.addLayout(filters)
        self.summary = QLabel(objectName="roadmapSummary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.summary)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.view, 1)
        self.scrollbar = QScrollBar(Qt.Orientation.Vertical, objectName="roadmapScroll")
        self.scrollbar.valueChanged.connect(self._scrolled)
        body.addWidget(self.scrollbar)
        layout.addLayout(body, 1)
        self.key = self.view.addLabel("", row=0, col=0, justify="left")
        self.box = LaneScrollBox(self.scroll_lanes)
        self.lanes = LanePlot(self.view, 1, bar_labels=True, view_box=self.box)
        self.box.sigResized.connect(lambda *_: self._scrolled(self.scrollbar.value()))
        self.lanes.bars.clicked.connect(self._clicked)
        self.lanes.markers.sigClicked.connect(
            lambda _item, points, _ev: len(points) and self._clicked(int(points[0].data())))
        self.follow_palette()
        self.apply_language()
        if tracker is not None:
            self.set_tracker(tracker)

    def recolour(self) -> None:
        self.lanes.recolour(self.dark)
        for status, box in self.status_boxes.items():
            box.setStyleSheet(
                f"QCheckBox {{ color: {palette.catalyst(status, dark=self.dark)}; }}")
        self.key.setText(html_key(palette.catalyst_colours(dark=self.dark),
                                  chart_colours(self.dark)[1]), size="9pt")

    def retranslate(self) -> None:
        for status, box in self.status_boxes.items():
            box.setText(word(status))
        self.theme_label.setText(self.tr("Theme"))
        if self.theme.count():
            self.theme.setItemText(0, self.tr("All themes"))
        self.lanes.retranslate()
        self.key.setText(html_key(palette.catalyst_colours(dark=self.dark),
                                  chart_colours(self.dark)[1]), size="9pt")
        if self.plan is not None:
            self.refresh()

    # -- what it shows -----------------------------------------------------------------------
    def set_tracker(self, tracker) -> None:
        super().set_tracker(tracker)
        self._fill_themes()
        self.refresh(fit=True)

    def set_thesis_source(self, shown_theses) -> None:
        """``shown_theses()`` gives the ids of the theses the list shows, in its order."""
        self._shown_theses = shown_theses
        self.list_changed()

    def list_changed(self) -> None:
        """The list's filter or order changed: redraw now if on screen, else when shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _fill_themes(self) -> None:
        current = self.theme.currentData()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(self.tr("All themes"), None)
        if self.tracker is not None:
            for theme in themes(self.tracker):
                self.theme.addItem(theme, theme)
        index = self.theme.findData(current) if current is not None else 0
        self.theme.setCurrentIndex(max(index, 0))
        self.theme.blockSignals(False)

    def statuses(self) -> list[str]:
        return [s for s, box in self.status_boxes.items() if box.isChecked()]

    def themes(self) -> list[str] | None:
        theme = self.theme.currentData()
        return None if not theme else [theme]

    # -- drawing -----------------------------------------------------------------------------
    def refresh(self, *, fit: bool = False) -> None:
        """Plan the lanes again (one aggregate query) and draw those in view; the time range
        and scroll position stay unless ``fit``."""
        self._dirty = False
        self._bars = {}
        if self.tracker is None:
            self.plan = self.timeline = None
            self.lanes.bars.set_bars([])
            self.lanes.markers.setData(x=[], y=[])
            self.lanes.axis.set_lanes([])
            self.summary.setText("")
            return
        x_range = self.lanes.plot.viewRange()[0]
        ids = self._shown_theses() if self._shown_theses is not None else None
        self.plan = plan = roadmap_plan(self.tracker, ids, statuses=self.statuses(),
                                        themes=self.themes())
        metrics = QFontMetricsF(self.lanes.axis.style.get("tickFont") or self.lanes.axis.font())
        # Elided to the axis's width: pyqtgraph drops a label that does not fit whole.
        def lane_label(lane) -> str:
            if not lane.is_heading:
                return lane.label
            return self.tr("▾ {theme} · %n theses", None, lane.count).format(theme=lane.label)
        labels = [(lane.y, metrics.elidedText(lane_label(lane), Qt.TextElideMode.ElideRight,
                                              LABEL_PX)) for lane in plan.lanes]
        self.lanes.axis.set_lanes(labels)
        align_left_axes([self.lanes.plot], [label[:60] for _, label in labels[:500]],
                        most=LABEL_PX + 20)
        self.lanes.today.setPos(plan.today_x)
        self._headings = [(lane.y - 0.5, lane.y + 0.5) for lane in plan.lanes
                          if lane.is_heading]
        if fit:
            self.scrollbar.setValue(0)
        self._scrolled(self.scrollbar.value())
        if fit or self.timeline is None:
            self.lanes.plot.setXRange(*plan.x_range, padding=0)
        else:
            self.lanes.plot.setXRange(*x_range, padding=0)
        shown = self.tr("%n catalysts in {theses} theses", None, plan.catalysts).format(
            theses=number_text(plan.theses))
        if ids is not None:
            shown += self.tr(" of the {count} the list shows").format(
                count=number_text(len(ids)))
        self.summary.setText(shown + " · " + self.tr("wheel scrolls lanes, Ctrl+wheel zooms "
                                                     "time"))
        self.lanes.place_today_label()

    def visible_lanes(self) -> int:
        return max(1, int(self.box.height() // LANE_PX)) if self.box.height() > 0 else 20

    def scroll_lanes(self, lanes: int) -> None:
        self.scrollbar.setValue(self.scrollbar.value() + lanes)

    def _scrolled(self, first: int) -> None:
        """Show lanes ``first``.. as many as fit; read the bars of those not read yet."""
        if self.plan is None:
            return
        shown = self.visible_lanes()
        total = len(self.plan.lanes)
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, max(0, total - shown))
        self.scrollbar.setPageStep(shown)
        self.scrollbar.blockSignals(False)
        first = min(first, max(0, total - shown))
        # A screen above and below is read ahead, so scrolling a little shows bars at once.
        lo, hi = max(0, first - shown), min(total, first + 2 * shown)
        missing = [lane for lane in self.plan.lanes[lo:hi] if lane.y not in self._bars]
        if missing:
            self._bars.update(lane_bars(self.tracker, missing, statuses=self.plan.statuses))
        bars = [b for lane in self.plan.lanes[lo:hi] for b in self._bars.get(lane.y, ())]
        self.timeline = Timeline(bars, [(lane.y, lane.label) for lane in self.plan.lanes],
                                 self.plan.today_x, self.plan.x_range)
        span = self.plan.x_range[1] - self.plan.x_range[0]
        self.lanes.bars.set_bars(bars, bands=[(y0, y1) for y0, y1 in self._headings
                                              if lo - 1 <= y1 and y0 <= hi + 1],
                                 band_x=(self.plan.x_range[0] - 20 * span,
                                         self.plan.x_range[1] + 20 * span))
        self.lanes.markers.setData(**happened_spots(bars), brush=self.lanes.markers.opts["brush"],
                                   pen=self.lanes.markers.opts["pen"])
        self.lanes.plot.setYRange(first - 0.5, first - 0.5 + shown, padding=0)

    def fit(self) -> None:
        if self.plan is not None:
            self.lanes.plot.setXRange(*self.plan.x_range, padding=0)

    def on_changes(self, changes) -> None:
        if changes.touches(Kind.THESIS):
            self._fill_themes()
        if changes.touches(Kind.THESIS, Kind.CATALYST):
            self.list_changed()

    def highlight(self, catalyst_id: int | None) -> None:
        self.lanes.bars.set_selected(catalyst_id)
