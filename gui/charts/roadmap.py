"""The roadmap: every thesis's catalysts on one timeline, a lane per thesis, filterable."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from gui.charts.base import html_key
from gui.charts.timeline import LaneChart, LanePlot
from model.analysis.timeline import SHOWN_STATUSES, STATUS_COLOURS, Timeline, roadmap, themes
from model.changes import Kind

ALL_THEMES = "All themes"


class RoadmapChart(LaneChart):
    """All theses' catalysts; status check boxes and a theme box filter what is drawn."""

    file_stem = "roadmap"

    def __init__(self, tracker=None, parent=None):
        super().__init__(None, parent)
        self.setObjectName("roadmapChart")
        self.timeline: Timeline | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.status_boxes: dict[str, QCheckBox] = {}
        for status in SHOWN_STATUSES:
            box = QCheckBox(status, objectName=f"roadmap_{status}")
            box.setChecked(status not in ("cancelled",))
            box.setStyleSheet(f"QCheckBox {{ color: {STATUS_COLOURS[status]}; }}")
            box.toggled.connect(lambda _on: self.refresh(fit=True))
            self.status_boxes[status] = box
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(QLabel("Theme"))
        self.theme = QComboBox(objectName="roadmapTheme")
        self.theme.currentTextChanged.connect(lambda _t: self.refresh(fit=True))
        filters.addWidget(self.theme)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self.key = self.view.addLabel("", row=0, col=0, justify="left")
        self.lanes = LanePlot(self.view, 1)
        self.lanes.bars.clicked.connect(self._clicked)
        self.lanes.markers.sigClicked.connect(
            lambda _item, points, _ev: len(points) and self._clicked(int(points[0].data())))
        if tracker is not None:
            self.set_tracker(tracker)

    def set_tracker(self, tracker) -> None:
        super().set_tracker(tracker)
        self._fill_themes()
        self.refresh(fit=True)

    def _fill_themes(self) -> None:
        current = self.theme.currentText()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(ALL_THEMES)
        if self.tracker is not None:
            self.theme.addItems(themes(self.tracker))
        index = self.theme.findText(current)
        self.theme.setCurrentIndex(max(index, 0))
        self.theme.blockSignals(False)

    # -- filters -----------------------------------------------------------------------------

    def statuses(self) -> list[str]:
        return [s for s, box in self.status_boxes.items() if box.isChecked()]

    def themes(self) -> list[str] | None:
        text = self.theme.currentText()
        return None if text in ("", ALL_THEMES) else [text]

    # -- drawing -----------------------------------------------------------------------------
    def refresh(self, *, fit: bool = False) -> None:
        if self.tracker is None:
            self.timeline = None
            self.lanes.bars.set_bars([])
            self.lanes.markers.setData(x=[], y=[])
            self.lanes.axis.set_lanes([])
            return
        view_range = self.lanes.plot.viewRange()
        self.timeline = roadmap(self.tracker, statuses=self.statuses(), themes=self.themes())
        self.lanes.show(self.timeline, tick_limit=40, bands=True)
        shown = {s: STATUS_COLOURS[s] for s in self.statuses()}
        self.key.setText(html_key(shown) + f"&nbsp;&nbsp;·&nbsp;&nbsp;{len(self.timeline.bars)} "
                         f"catalysts in {self.timeline.lane_count} theses", size="9pt")
        if not fit and self.timeline.bars:
            self.lanes.plot.setXRange(*view_range[0], padding=0)

    def on_changes(self, changes) -> None:
        if changes.touches(Kind.THESIS):
            self._fill_themes()
        if changes.touches(Kind.THESIS, Kind.CATALYST):
            self.refresh()

    def highlight(self, catalyst_id: int | None) -> None:
        self.lanes.bars.set_selected(catalyst_id)
