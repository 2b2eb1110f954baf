"""Charts (issue #4): milestone timeline, roadmap, prices and event studies, built on pyqtgraph.

pyqtgraph costs most of a second to import, so nothing here imports it until a chart is built:
the tabs are light placeholders that build their chart the first time they are shown, and
``render_timeline_image`` (used by the PDF export) imports it when called.
"""

from __future__ import annotations

from PySide6.QtGui import QImage


def render_timeline_image(tracker, thesis_id: int, width_px: int, height_px: int, *,
                          dpi: float = 96.0) -> QImage:
    """The thesis's milestone timeline drawn headless into a width x height image.

    ``dpi`` above 96 lays the chart out at the matching smaller size and scales it up, so a
    300-dpi image for print has text of the same printed size as on screen.
    """
    from gui.charts.timeline import TimelineChart
    chart = TimelineChart(tracker, thesis_id=thesis_id, light=True)    # paper is white
    try:
        return chart.render_image(width_px, height_px, dpi=dpi)
    finally:
        chart.set_tracker(None)
        chart.view.close()      # clears the scene now: a half-torn-down scene crashes at exit
        chart.deleteLater()


def png_bytes(image) -> bytes:
    """A QImage encoded as PNG, for ``write_atomically`` (QImage.save would create the file
    itself, readable by everyone)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        from gui.i18n import translate
        from model.errors import UserError
        raise UserError(translate("Charts", "The chart could not be encoded as PNG."))
    buffer.close()
    return bytes(data.data())


from PySide6.QtCore import Signal  # noqa: E402
from PySide6.QtWidgets import QVBoxLayout, QWidget  # noqa: E402

_CHARTS = {"timeline": ("gui.charts.timeline", "TimelineChart"),
           "roadmap": ("gui.charts.roadmap", "RoadmapChart"),
           "prices": ("gui.charts.prices", "PricesTab")}


class LazyChart(QWidget):
    """A tab that builds its chart (and imports pyqtgraph) the first time it is shown.

    It stands in for the chart: ``set_tracker``, ``set_thesis`` and ``highlight`` are kept until
    the chart exists and then passed on; the chart's ``catalystClicked`` comes out of here.
    """

    catalystClicked = Signal(int)      # the user clicked a catalyst in the chart

    def __init__(self, kind: str, tracker=None, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}Tab")
        self.chart = None
        self._tracker = tracker
        self._thesis_id = None
        self._highlight = None
        self._thesis_source = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self):
        """The real chart, built now if it was not yet."""
        if self.chart is None:
            import importlib
            module, name = _CHARTS[self.kind]
            chart = getattr(importlib.import_module(module), name)()
            self.layout().addWidget(chart)
            self.chart = chart
            if hasattr(chart, "catalystClicked"):
                chart.catalystClicked.connect(self.catalystClicked)
            chart.set_tracker(self._tracker)
            if hasattr(chart, "set_thesis"):
                chart.set_thesis(self._thesis_id)
            if self._highlight is not None and hasattr(chart, "highlight"):
                chart.highlight(self._highlight)
            if self._thesis_source is not None and hasattr(chart, "set_thesis_source"):
                chart.set_thesis_source(self._thesis_source)
        return self.chart

    def showEvent(self, event) -> None:
        self.build()
        super().showEvent(event)

    def set_tracker(self, tracker) -> None:
        self._tracker = tracker
        self._thesis_id = None
        if self.chart is not None:
            self.chart.set_tracker(tracker)

    def set_thesis(self, thesis_id) -> None:
        self._thesis_id = thesis_id
        self._highlight = None
        if self.chart is not None and hasattr(self.chart, "set_thesis"):
            self.chart.set_thesis(thesis_id)

    def highlight(self, catalyst_id) -> None:
        self._highlight = catalyst_id
        if self.chart is not None and hasattr(self.chart, "highlight"):
            self.chart.highlight(catalyst_id)

    def set_thesis_source(self, shown_theses) -> None:
        """The roadmap draws the theses ``shown_theses()`` lists (the list's, in its order)."""
        self._thesis_source = shown_theses
        if self.chart is not None and hasattr(self.chart, "set_thesis_source"):
            self.chart.set_thesis_source(shown_theses)

    def apply_changes(self, changes) -> None:
        """Follow one committed operation. A chart not built yet has nothing to follow: it
        reads the store as it is when first shown."""
        if self.chart is not None:
            self.chart.apply_changes(changes)

    def list_changed(self) -> None:
        if self.chart is not None and hasattr(self.chart, "list_changed"):
            self.chart.list_changed()


def install_charts(window) -> dict:
    """Put the charts in the main window: Timeline and Prices tabs beside a thesis's other tabs,
    a Roadmap inside the Upcoming page (List | Roadmap), each built (pyqtgraph imported) the
    first time it is shown. The roadmap draws the theses the list shows, in its order.

    Wiring: a click on a timeline bar selects that catalyst in the Catalysts table and a row
    selected there is highlighted on the timeline; a roadmap click opens the thesis on its
    Timeline with the catalyst selected; each chart follows ``window.database_opened`` and,
    after the list and the detail, every committed operation (``window.changes_applied``).
    """
    detail = window.detail
    charts = {"timeline": LazyChart("timeline"), "prices": LazyChart("prices"),
              "roadmap": LazyChart("roadmap")}
    from gui.i18n import translate
    detail.add_detail_tab(charts["timeline"], lambda: translate("Charts", "Time&line"))
    detail.add_detail_tab(charts["prices"], lambda: translate("Charts", "&Prices"))
    # The roadmap lives inside Upcoming (its List | Roadmap switch), as issue #4 asks.
    window.upcoming.set_roadmap(charts["roadmap"])

    def database(tracker) -> None:
        for chart in charts.values():
            chart.set_tracker(tracker)
        charts["timeline"].set_thesis(detail.thesis_id)
        charts["prices"].set_thesis(detail.thesis_id)

    if hasattr(window, "visible_thesis_ids"):
        charts["roadmap"].set_thesis_source(window.visible_thesis_ids)
        proxy = getattr(window, "proxy", None)
        if proxy is not None:
            # A search or status filter, or a new sort order: the roadmap follows (at once
            # when on screen, else when next shown: typing in the search box never waits).
            for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted,
                           proxy.rowsRemoved):
                signal.connect(lambda *_args: charts["roadmap"].list_changed())
    window.database_opened.connect(database)
    for chart in charts.values():
        window.changes_applied.connect(chart.apply_changes)
    if window.tracker is not None:
        database(window.tracker)

    def select_catalyst(catalyst_id: int) -> None:
        model, table = detail.part("catalysts")
        index = model.index_of(catalyst_id)
        if hasattr(table.model(), "mapFromSource"):
            index = table.model().mapFromSource(index)
        if index.isValid():
            table.setCurrentIndex(index)
            table.scrollTo(index)

    def follow_table(_model, table) -> None:
        def row_changed(*_args) -> None:
            record = table.current_record()
            charts["timeline"].highlight(record.id if record is not None else None)
        table.selectionModel().currentRowChanged.connect(row_changed)

    # The Catalysts tab is built when first shown: wire its table then.
    detail.when_built("catalysts", follow_table)
    charts["timeline"].catalystClicked.connect(select_catalyst)

    def open_from_roadmap(catalyst_id: int) -> None:
        if window.tracker is None:
            return
        window.show_thesis(window.tracker.catalysts.get(catalyst_id).thesis_id)
        detail.tabs.setCurrentWidget(charts["timeline"])
        select_catalyst(catalyst_id)

    charts["roadmap"].catalystClicked.connect(open_from_roadmap)

    charts["prices"].catalystClicked.connect(select_catalyst)   # an event-study row
    return charts
