"""The Prices tab: beneficiaries' prices (rebased or absolute) with catalyst markers, the event
study table under it, and importing prices from a CSV."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.charts.base import ChartPanel, UtcDateAxis, elide
from gui.models.base import SORT_ROLE, Column, RecordTableModel
from model.analysis.event_study import HORIZONS, EventStudy, event_study, percent
from model.analysis.timeline import DAY, STATUS_COLOURS, day_seconds, shown_status
from model.errors import UserError

# Distinct, print-safe line colours (Tableau 10).
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")


def epoch_days(days: list[str]) -> np.ndarray:
    """ISO days -> epoch seconds of their UTC midnight, vectorised (100k days in a few ms)."""
    return np.array(days, dtype="datetime64[D]").astype("int64").astype(float) * DAY


def rebase(values: np.ndarray, xs: np.ndarray, at_x: float) -> np.ndarray:
    """Values scaled so the last close on or before ``at_x`` is 100 (the first close if none)."""
    i = int(np.searchsorted(xs, at_x, side="right")) - 1
    return values / values[max(i, 0)] * 100.0


class PricesChart(ChartPanel):
    """Each beneficiary's daily close, rebased to 100 on a chosen day or absolute."""

    file_stem = "prices"
    REBASED, ABSOLUTE = "Rebased to 100", "Absolute"

    def __init__(self, tracker=None, parent=None, *, thesis_id: int | None = None):
        super().__init__(None, parent)
        self.setObjectName("pricesChart")
        self.thesis_id: int | None = None
        self.curves: dict[int, pg.PlotDataItem] = {}     # company id -> curve
        self.markers: list[pg.InfiniteLine] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        self.mode = QComboBox(objectName="priceMode")
        self.mode.addItems([self.REBASED, self.ABSOLUTE])
        self.rebase_date = QDateEdit(objectName="rebaseDate", calendarPopup=True)
        self.rebase_date.setDisplayFormat("yyyy-MM-dd")
        self.import_button = QPushButton("&Import prices…", objectName="importPrices")
        self.note = QLabel(objectName="pricesNote")
        controls.addWidget(self.mode)
        controls.addWidget(QLabel("on"))
        controls.addWidget(self.rebase_date)
        controls.addWidget(self.note, 1)
        controls.addWidget(self.import_button)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self.plot = self.view.addPlot(axisItems={"bottom": UtcDateAxis()})
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        # No grid: translucent grid lines cost more per frame than 100k points (bench_charts).
        self.legend = self.plot.addLegend(offset=(10, 10))
        # Draw only what is on screen, a few points per pixel (peaks kept): 100k points pan
        # and zoom smoothly. PlotItem hands these to every curve added.
        self.plot.setDownsampling(auto=True, mode="peak")
        self.plot.setClipToView(True)
        self.mode.currentTextChanged.connect(lambda _t: self.redraw())
        self.rebase_date.dateChanged.connect(lambda _d: self.redraw())
        self.import_button.clicked.connect(self.ask_import)
        self._data: dict[int, tuple[str, np.ndarray, np.ndarray]] = {}
        if tracker is not None:
            self.set_tracker(tracker)
        if thesis_id is not None:
            self.set_thesis(thesis_id)

    @property
    def rebased(self) -> bool:
        return self.mode.currentText() == self.REBASED

    def set_tracker(self, tracker) -> None:
        super().set_tracker(tracker)
        self.thesis_id = None

    def set_thesis(self, thesis_id: int | None) -> None:
        self.thesis_id = thesis_id
        self.reload(fit=True)

    def on_changes(self, changes) -> None:
        if self.thesis_id is not None and (changes.reset or self.thesis_id in changes.theses):
            self.reload()

    def reload(self, *, fit: bool = False) -> None:
        """Read the beneficiaries' prices again, then draw."""
        self._data = {}
        missing = []
        if self.tracker is not None and self.thesis_id is not None:
            for b in self.tracker.beneficiaries.for_thesis(self.thesis_id):
                series = self.tracker.prices.series(b.company_id)
                if not len(series):
                    missing.append(b.ticker or b.name)
                    continue
                self._data[b.company_id] = (b.ticker or b.name, epoch_days(series.days),
                                            np.array(series.values, dtype=float))
        if self._data and fit:
            # Default rebase day: the first day every shown company has a price.
            first = max(xs[0] for _, xs, _ in self._data.values())
            day = dt.date(1970, 1, 1) + dt.timedelta(days=int(first // DAY))
            self.rebase_date.blockSignals(True)
            self.rebase_date.setDate(QDate(day.year, day.month, day.day))
            self.rebase_date.blockSignals(False)
        self.note.setText(f"No prices for {', '.join(missing)}" if missing else "")
        self.redraw(fit=fit)

    def redraw(self, *, fit: bool = False) -> None:
        self.rebase_date.setEnabled(self.rebased)
        for company_id in list(self.curves):
            if company_id not in self._data:
                self.plot.removeItem(self.curves.pop(company_id))
        self.legend.clear()
        at = day_seconds(self.rebase_date.date().toPython())
        for i, (company_id, (label, xs, ys)) in enumerate(self._data.items()):
            values = rebase(ys, xs, at) if self.rebased else ys
            curve = self.curves.get(company_id)
            if curve is None:
                curve = pg.PlotDataItem(pen=pg.mkPen(PALETTE[i % len(PALETTE)], width=1),
                                        skipFiniteCheck=True,
                                        # Peak mode keeps each bin's low and high, so ~1.5
                                        # bins a pixel look the same as every point.
                                        autoDownsampleFactor=1.5)
                self.plot.addItem(curve)     # takes the plot's downsampling and clipping
                self.curves[company_id] = curve
            curve.setData(xs, values)
            self.legend.addItem(curve, label)
        self.plot.getAxis("left").setLabel("rebased (100 = %s)" % self.rebase_date.date()
                                           .toString("yyyy-MM-dd") if self.rebased else "close")
        self._draw_markers()
        if fit and self._data:
            self.plot.enableAutoRange()
            self.plot.autoRange()

    def _draw_markers(self) -> None:
        """The thesis's catalysts as vertical lines: solid where they happened, dashed at the
        start of the window of those still pending."""
        for line in self.markers:
            self.plot.removeItem(line)
        self.markers = []
        if self.tracker is None or self.thesis_id is None:
            return
        today = self.tracker.clock.today()
        for c in self.tracker.catalysts.for_thesis(self.thesis_id):
            status = shown_status(c, today)
            day = c.happened_on or c.window_start
            style = Qt.PenStyle.SolidLine if c.happened_on else Qt.PenStyle.DashLine
            line = pg.InfiniteLine(day_seconds(day), angle=90, movable=False,
                                   pen=pg.mkPen(STATUS_COLOURS[status], width=1, style=style))
            line.setToolTip(f"{c.title}\n{status} · {day}")
            line.setZValue(-5)
            line.catalyst_id = c.id
            self.plot.addItem(line, ignoreBounds=True)
            self.markers.append(line)

    # -- importing ---------------------------------------------------------------------------
    def ask_import(self) -> None:
        if self.tracker is None or self.thesis_id is None:
            return
        companies = [(b.company_id, f"{b.name} ({b.ticker})" if b.ticker else b.name)
                     for b in self.tracker.beneficiaries.for_thesis(self.thesis_id)]
        thesis = self.tracker.theses.get(self.thesis_id)
        bench = self.tracker.companies.by_ticker(thesis.benchmark_ticker) \
            if thesis.benchmark_ticker else None
        if bench is not None and all(cid != bench.id for cid, _ in companies):
            companies.append((bench.id, f"{bench.name} ({bench.ticker}) · benchmark"))
        if not companies:
            QMessageBox.information(self, "Import prices",
                                    "Add a beneficiary company to this thesis first.")
            return
        answer = ImportPricesDialog.ask(self, companies)
        if answer is None:
            return
        company_id, path = answer
        try:
            done = self.tracker.prices.import_file(company_id, path)
        except UserError as exc:
            QMessageBox.warning(self, "Import prices", str(exc))
            return
        self.note.setText(f"Imported {done.rows} days ({done.first} to {done.last}).")


class ImportPricesDialog(QDialog):
    """Which company, which file."""

    def __init__(self, companies, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import prices")
        form = QFormLayout(self)
        self.company = QComboBox(objectName="priceCompany")
        for company_id, label in companies:
            self.company.addItem(label, company_id)
        self.path = QLineEdit(objectName="pricePath")
        browse = QPushButton("&Browse…")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow("&Company", self.company)
        form.addRow("CSV &file", row)
        form.addRow(QLabel("Yahoo download (Date,…,Close,Adj Close,Volume) or date,close."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        browse.clicked.connect(self._browse)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Prices CSV", "", "CSV files (*.csv);;All (*)")
        if path:
            self.path.setText(path)

    @classmethod
    def ask(cls, parent, companies) -> tuple[int, str] | None:
        """(company id, path) or None; tests replace this."""
        dialog = cls(companies, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path.text().strip():
            return None
        return dialog.company.currentData(), dialog.path.text().strip()


class EventStudyModel(RecordTableModel):
    """One row per (done catalyst, beneficiary with prices); keyed so a refresh touches only
    changed rows."""

    def __init__(self, tracker=None, parent=None, horizons=HORIZONS):
        super().__init__(parent)
        self.tracker = tracker
        self.thesis_id: int | None = None
        self.study: EventStudy | None = None
        self.horizons = tuple(horizons)
        self.columns = [
            Column("Date", lambda r: r.happened_on),
            Column("Catalyst", lambda r: elide(r.catalyst, 60), tooltip=lambda r: r.catalyst),
            Column("Company", lambda r: r.ticker or r.company, tooltip=lambda r: r.company),
            Column("Base close", lambda r: f"{r.base_close:,.2f}", sort=lambda r: r.base_close,
                   tooltip=lambda r: f"close of {r.base_day}", align_right=True)]
        for h in self.horizons:
            self.columns.append(Column(f"+{h}d", self._ret(h, "returns"),
                                       sort=self._raw(h, "returns"), align_right=True))
        for h in self.horizons:
            self.columns.append(Column(f"Excess +{h}d", self._ret(h, "excess"),
                                       sort=self._raw(h, "excess"), align_right=True,
                                       tooltip=lambda r: "over the thesis's benchmark"))

    @staticmethod
    def _ret(h, what):
        return lambda r: percent(getattr(r, what).get(h))

    @staticmethod
    def _raw(h, what):
        # None sorts below every number.
        return lambda r: getattr(r, what).get(h) if getattr(r, what).get(h) is not None else -1e9

    def extra_data(self, record, column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and column >= 4:
            what = "returns" if column < 4 + len(self.horizons) else "excess"
            value = getattr(record, what).get(self.horizons[(column - 4) % len(self.horizons)])
            if value:
                return QColor("#2e7d32" if value > 0 else "#c62828")
        return None

    def load(self, thesis_id: int | None) -> None:
        self.thesis_id = thesis_id
        self.replace_all(self._compute())

    def refresh(self) -> None:
        self.sync(self._compute())

    def _compute(self) -> list:
        if self.tracker is None or self.thesis_id is None:
            self.study = None
            return []
        self.study = event_study(self.tracker, self.thesis_id, self.horizons)
        return self.study.rows


class PricesTab(QWidget):
    """Chart above, event study table below; follows the selected thesis."""

    catalystClicked = Signal(int)   # a row of the event table was double-clicked

    def __init__(self, tracker=None, parent=None):
        super().__init__(parent)
        self.setObjectName("pricesTab")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart = PricesChart()
        self.model = EventStudyModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="eventStudyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(objectName="eventStudySummary")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.table, 1)
        splitter.addWidget(self.chart)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self.table.doubleClicked.connect(
            lambda index: self.catalystClicked.emit(
                self.model.record(self.proxy.mapToSource(index).row()).catalyst_id))
        self.tracker = None
        # The chart listens to the store; the table follows what it hears.
        self.chart.changesSeen.connect(self._on_changes)
        if tracker is not None:
            self.set_tracker(tracker)

    def set_tracker(self, tracker) -> None:
        self.tracker = tracker
        self.model.tracker = tracker
        self.chart.set_tracker(tracker)
        self.model.load(None)

    def set_thesis(self, thesis_id: int | None) -> None:
        self.chart.set_thesis(thesis_id)
        self.model.load(thesis_id)
        self._summarise()

    def _on_changes(self, changes) -> None:
        if self.model.thesis_id is not None and (changes.reset
                                                 or self.model.thesis_id in changes.theses):
            self.model.refresh()
            self._summarise()

    def _summarise(self) -> None:
        study = self.model.study
        if study is None:
            self.summary.setText("")
            return
        parts = [f"Event study: {len(study.rows)} row(s) from {study.events} done catalyst(s)"]
        if study.benchmark:
            parts.append(f"excess over {study.benchmark}" if study.benchmark_has_prices else
                         f"benchmark {study.benchmark} has no prices yet")
        else:
            parts.append("no benchmark set for this thesis")
        self.summary.setText(" · ".join(parts) + " · day 0 = first trading day on or after "
                             "the event; base = the close before it")
