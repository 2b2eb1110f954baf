"""The Prices tab: beneficiaries' prices (rebased or absolute) with catalyst markers, the event
study table under it, and importing prices from a CSV."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QSortFilterProxyModel, Qt, Signal
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
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import numpy as np
import pyqtgraph as pg

from gui import palette
from gui.charts.base import ChartPanel, TimeAxis, chart_colours, elide
from gui.dialogs import Messages, run_modal
from gui.i18n import (
    Retranslating,
    date_text,
    english_count,
    error_text,
    number_text,
    translate,
    word,
)
from gui.models.base import SORT_ROLE, Column, RecordTableModel
from model.analysis.event_study import HORIZONS, EventStudy, event_study, percent
from model.analysis.price_chart import (
    SeriesSpec,
    assign_colours,
    chart_series,
    first_common_day,
)
from model.analysis.timeline import DAY, day_seconds, shown_status
from model.changes import Kind
from model.errors import NotFound, UserError


def formats_text() -> str:
    return translate("Prices", "CSV, one file per company: a Yahoo Finance download (Date, Open, "
                               "High, Low, Close, Adj Close, Volume; the adjusted close is "
                               "used) or two columns date,close, in any encoding. Days without "
                               "trading (Yahoo's null rows) are skipped.")
DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
          "dot": Qt.PenStyle.DotLine}


def epoch_days(days: list[str]) -> np.ndarray:
    """ISO days -> epoch seconds of their UTC midnight, vectorised (100k days in a few ms)."""
    return np.array(days, dtype="datetime64[D]").astype("int64").astype(float) * DAY


def rebase(values: np.ndarray, xs: np.ndarray, at_x: float) -> np.ndarray:
    """Values scaled so the last close on or before ``at_x`` is 100 (the first close if none)."""
    i = int(np.searchsorted(xs, at_x, side="right")) - 1
    return values / values[max(i, 0)] * 100.0


def concerns(changes, tracker, thesis_id: int | None) -> bool:
    """Does a store change touch what the Prices tab shows for this thesis: the thesis and its
    parts, or the prices of its benchmark (a company that is no beneficiary of it)?"""
    if thesis_id is None or tracker is None:
        return False
    if changes.reset or thesis_id in changes.theses:
        return True
    priced = changes.of(Kind.PRICE).ids | changes.of(Kind.COMPANY).ids
    if not priced:
        return False
    try:
        ticker = tracker.theses.get(thesis_id).benchmark_ticker
    except NotFound:
        return False
    company = tracker.companies.by_ticker(ticker) if ticker else None
    return company is not None and company.id in priced


class PricesChart(ChartPanel):
    """Each beneficiary's daily close (and the thesis's benchmark), rebased to 100 on a chosen
    day or absolute; each line its own colour for as long as the chart shows the thesis."""

    file_stem = "prices"
    REBASED, ABSOLUTE = "Rebased to 100", "Absolute"     # the modes' English names

    def __init__(self, tracker=None, parent=None, *, thesis_id: int | None = None):
        super().__init__(None, parent)
        self.setObjectName("pricesChart")
        self.thesis_id: int | None = None
        self.curves: dict[int, pg.PlotDataItem] = {}     # company id -> curve
        self.markers: list[pg.InfiniteLine] = []
        self.series: list[SeriesSpec] = []             # every company the thesis names
        self.colours: dict[int, int] = {}               # company id -> palette index
        self.missing: list[SeriesSpec] = []             # those without prices yet
        self._chosen_day = False                        # the user picked the rebase day
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        self.mode = QComboBox(objectName="priceMode")
        self.mode.addItem("", True)         # rebased
        self.mode.addItem("", False)        # absolute
        self.rebase_date = QDateEdit(objectName="rebaseDate", calendarPopup=True)
        self.rebase_date.setDisplayFormat("yyyy-MM-dd")
        self.import_button = QPushButton(objectName="importPrices")
        self.note = QLabel(objectName="pricesNote")
        # Long notes must never widen the tab (and squeeze the thesis list, #12 defect 3).
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        controls.addWidget(self.mode)
        self.on_label = QLabel()
        controls.addWidget(self.on_label)
        controls.addWidget(self.rebase_date)
        controls.addWidget(self.note, 1)
        controls.addWidget(self.import_button)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self.plot = self.view.addPlot(axisItems={"bottom": TimeAxis()})
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        # No grid: translucent grid lines cost more per frame than 100k points (bench_charts).
        self.legend = self.plot.addLegend(offset=(10, 10))
        # Draw only what is on screen, a few points per pixel (peaks kept): 100k points pan
        # and zoom smoothly. PlotItem hands these to every curve added.
        self.plot.setDownsampling(auto=True, mode="peak")
        self.plot.setClipToView(True)
        self.mode.currentIndexChanged.connect(lambda _i: self.redraw())
        self.rebase_date.dateChanged.connect(self._day_chosen)
        self.import_button.clicked.connect(self.ask_import)
        self._data: dict[int, tuple[str, np.ndarray, np.ndarray]] = {}
        self.follow_palette()
        self.apply_language()
        if tracker is not None:
            self.set_tracker(tracker)
        if thesis_id is not None:
            self.set_thesis(thesis_id)

    def retranslate(self) -> None:
        self.mode.setItemText(0, self.tr("Rebased to 100"))
        self.mode.setItemText(1, self.tr("Absolute"))
        self.on_label.setText(self.tr("on"))
        self.import_button.setText(self.tr("&Import prices…"))
        self._note_missing()
        self.redraw()

    def recolour(self) -> None:
        self.legend.setLabelTextColor(chart_colours(self.dark)[1])
        self.redraw()

    @property
    def rebased(self) -> bool:
        return bool(self.mode.currentData())

    @property
    def has_prices(self) -> bool:
        return bool(self._data)

    def set_tracker(self, tracker) -> None:
        super().set_tracker(tracker)
        self.thesis_id = None

    def set_thesis(self, thesis_id: int | None) -> None:
        if thesis_id != self.thesis_id:
            self.colours = {}
            self._chosen_day = False
        self.thesis_id = thesis_id
        self.reload(fit=True)

    def on_changes(self, changes) -> None:
        if concerns(changes, self.tracker, self.thesis_id):
            # A first import changes the range: fit it, as when the thesis is opened.
            self.reload(fit=not self._data)

    def _day_chosen(self, _date) -> None:
        self._chosen_day = True
        self.redraw()

    def reload(self, *, fit: bool = False) -> None:
        """Read the thesis's companies and their prices again, then draw."""
        self._data = {}
        self.series, self.missing = [], []
        if self.tracker is not None and self.thesis_id is not None:
            try:
                self.series = chart_series(self.tracker, self.thesis_id)
            except NotFound:
                self.series = []
            for spec in self.series:
                prices = self.tracker.prices.series(spec.company_id)
                if not len(prices):
                    self.missing.append(spec)
                    continue
                self._data[spec.company_id] = (prices.days, epoch_days(prices.days),
                                               np.array(prices.values, dtype=float))
        # Colours go by the thesis's companies, not by which have prices yet, and a line keeps
        # its colour as others arrive: three companies never share one (#12 defect 1).
        self.colours = assign_colours([s.company_id for s in self.series if not s.benchmark],
                                      self.colours)
        if not self._chosen_day:
            # Default rebase day: the first day every line has a close, after every import.
            first = first_common_day([days for days, _, _ in self._data.values()])
            if first is not None:
                day = dt.date.fromisoformat(first)
                self.rebase_date.blockSignals(True)
                self.rebase_date.setDate(QDate(day.year, day.month, day.day))
                self.rebase_date.blockSignals(False)
        self._note_missing()
        self.redraw(fit=fit)

    def _note_missing(self) -> None:
        if self.missing and self._data:
            self.note.setText(self.tr("No prices yet for {companies}").format(
                companies=", ".join(s.label for s in self.missing)))
        elif not self.missing:
            self.note.setText("")

    def redraw(self, *, fit: bool = False) -> None:
        self.rebase_date.setEnabled(self.rebased and bool(self._data))
        for company_id in list(self.curves):
            if company_id not in self._data:
                self.plot.removeItem(self.curves.pop(company_id))
        self.legend.clear()
        at = day_seconds(self.rebase_date.date().toPython())
        for spec in self.series:
            if spec.company_id not in self._data:
                continue
            _, xs, ys = self._data[spec.company_id]
            values = rebase(ys, xs, at) if self.rebased else ys
            curve = self.curves.get(spec.company_id)
            if curve is None:
                curve = pg.PlotDataItem(skipFiniteCheck=True,
                                        # Peak mode keeps each bin's low and high, so ~1.5
                                        # bins a pixel look the same as every point.
                                        autoDownsampleFactor=1.5)
                self.plot.addItem(curve)     # takes the plot's downsampling and clipping
                self.curves[spec.company_id] = curve
            curve.setPen(self.pen_for(spec))
            curve.setData(xs, values)
            self.legend.addItem(curve, self.series_label(spec))
        self.plot.getAxis("left").setLabel(
            self.tr("rebased (100 = {date})").format(
                date=date_text(self.rebase_date.date().toPython()))
            if self.rebased else self.tr("close"))
        self._draw_markers()
        if fit and self._data:
            self.plot.enableAutoRange()
            self.plot.autoRange()

    def series_label(self, spec: SeriesSpec) -> str:
        """A line's name in the legend; the benchmark says so in the interface's language."""
        suffix = " (benchmark)"
        if spec.benchmark and spec.label.endswith(suffix):
            return self.tr("{name} (benchmark)").format(name=spec.label[:-len(suffix)])
        return spec.label

    def pen_for(self, spec: SeriesSpec):
        if spec.benchmark:
            return pg.mkPen(palette.BENCHMARK.pick(self.dark), width=1.5,
                            style=Qt.PenStyle.DashLine)
        colour, dash = palette.series(self.colours.get(spec.company_id, 0), dark=self.dark)
        return pg.mkPen(colour, width=1.5, style=DASHES[dash])

    def legend_entries(self) -> list[tuple[str, str, Qt.PenStyle]]:
        """(label, colour, line style) of each line in the legend (tests, docs)."""
        out = []
        for sample, label in self.legend.items:
            pen = sample.item.opts["pen"]
            out.append((label.text, pen.color().name(), pen.style()))
        return out

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
                                   pen=pg.mkPen(palette.catalyst(status, dark=self.dark),
                                                width=1, style=style))
            line.setToolTip(f"{c.title}\n{word(status)} · {date_text(day)}")
            line.setZValue(-5)
            line.catalyst_id = c.id
            self.plot.addItem(line, ignoreBounds=True)
            self.markers.append(line)

    # -- importing ---------------------------------------------------------------------------
    def import_targets(self) -> list[tuple[int | str, str]]:
        """(company id, or the ticker of a benchmark with no company yet; label) to import
        prices for: the beneficiaries, then the benchmark."""
        if self.tracker is None or self.thesis_id is None:
            return []
        benchmark = self.tr("benchmark")
        targets: list[tuple[int | str, str]] = [
            (s.company_id, s.label.replace(" (benchmark)", f" · {benchmark}"))
            for s in self.series]
        ticker = self.tracker.theses.get(self.thesis_id).benchmark_ticker
        if ticker and self.tracker.companies.by_ticker(ticker) is None:
            targets.append((ticker, self.tr("{ticker} · benchmark (new company)").format(
                ticker=ticker)))
        return targets

    def ask_import(self) -> None:
        if self.tracker is None or self.thesis_id is None:
            return
        targets = self.import_targets()
        if not targets:
            Messages.info_titled(self, self.tr("Import prices"),
                                 self.tr("Add a beneficiary company to this thesis first, or "
                                         "set its benchmark ticker in Overview."))
            return
        without = [i for i, (ref, _) in enumerate(targets)
                   if not isinstance(ref, int) or ref in {s.company_id for s in self.missing}]
        answer = ImportPricesDialog.ask(self, targets, current=without[0] if without else 0)
        if answer is None:
            return
        ref, path = answer
        try:
            done = self.tracker.ops.import_prices(
                ref, path, create_as=ref if isinstance(ref, str) else None,
                initiator=self).value
        except UserError as exc:
            Messages.error_titled(self, self.tr("Import prices"), error_text(exc))
            return
        # The store's notice has redrawn the chart (and fitted it for a first import).
        text = self.tr("Imported %n days ({first} to {last}).", None, done.rows).format(
            first=date_text(done.first), last=date_text(done.last))
        if self.missing:
            text += " · " + self.tr("No prices yet for {companies}").format(
                companies=", ".join(s.label for s in self.missing))
        self.note.setText(text)
        self.note.setToolTip(self.note.text())


class ImportPricesDialog(QDialog):
    """Which company, which file."""

    def __init__(self, companies, parent=None, *, current: int = 0):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import prices"))
        self.setObjectName("importPricesDialog")
        form = QFormLayout(self)
        self.company = QComboBox(objectName="priceCompany")
        for company_id, label in companies:
            self.company.addItem(label, company_id)
        self.company.setCurrentIndex(current)
        self.path = QLineEdit(objectName="pricePath")
        self.path.setMinimumWidth(360)
        browse = QPushButton(self.tr("&Browse…"), objectName="browsePrices")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        company_label = QLabel(self.tr("&Company"))
        company_label.setBuddy(self.company)
        # A row whose field is a layout has no buddy of its own: without one the label shows
        # its "&" instead of underlining the shortcut ("CSV &file", #12 item 14).
        file_label = QLabel(self.tr("CSV &file"), objectName="priceFileLabel")
        file_label.setBuddy(self.path)
        form.addRow(company_label, self.company)
        form.addRow(file_label, row)
        formats = QLabel(formats_text(), objectName="priceFormats")
        formats.setWordWrap(True)
        form.addRow(formats)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        browse.clicked.connect(self._browse)
        # Import waits for a file: clicked with none, the dialog closed without a word.
        self.path.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.path.text().strip()))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Prices CSV"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.path.setText(path)

    @classmethod
    def ask(cls, parent, companies, *, current: int = 0) -> tuple[int | str, str] | None:
        """(company id or new benchmark ticker, path) or None; tests replace this."""
        dialog = cls(companies, parent, current=current)

        def answer(result):
            if result != QDialog.DialogCode.Accepted or not dialog.path.text().strip():
                return None
            return dialog.company.currentData(), dialog.path.text().strip()
        return run_modal(dialog, answer)


class EmptyPrices(Retranslating, QWidget):
    """What the Prices tab shows before any of the thesis's companies has prices: what to
    import, a button to do it, and the file formats (#12 defect 2)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pricesEmpty")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = QLabel(objectName="pricesEmptyHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel(objectName="pricesEmptyMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.import_button = QPushButton(objectName="pricesEmptyImport")
        self.formats = QLabel(objectName="pricesEmptyFormats")
        self.formats.setWordWrap(True)
        self.formats.setEnabled(False)       # drawn muted: a note, not an instruction
        for widget in (self.heading, self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.formats.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.formats)
        layout.addStretch(2)
        for label in (self.heading, self.message, self.formats):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._chart = None
        self.apply_language()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("No prices yet"))
        self.import_button.setText(self.tr("&Import prices…"))
        self.formats.setText(formats_text())
        if self._chart is not None:
            self.show_for(self._chart)

    def show_for(self, chart: PricesChart) -> None:
        self._chart = chart
        companies = [s.label for s in chart.series]
        if companies:
            self.message.setText(self.tr(
                "Import daily prices for {companies} to chart them against this thesis's "
                "catalysts and fill the event study (returns after each done catalyst, and the "
                "excess over the benchmark once it has prices).").format(
                    companies=", ".join(companies)))
            self.import_button.setEnabled(True)
        elif chart.import_targets():
            self.message.setText(self.tr("Import the benchmark's prices now; add beneficiary "
                                         "companies in the Beneficiaries tab to chart them "
                                         "too."))
            self.import_button.setEnabled(True)
        else:
            self.message.setText(self.tr("This thesis names no companies yet: add "
                                         "beneficiaries in the Beneficiaries tab (or a "
                                         "benchmark ticker in Overview), then import their "
                                         "prices here."))
            self.import_button.setEnabled(False)


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
            Column(QT_TRANSLATE_NOOP("Column", "Date"), lambda r: date_text(r.happened_on),
                   sort=lambda r: r.happened_on),
            Column(QT_TRANSLATE_NOOP("Column", "Catalyst"), lambda r: elide(r.catalyst, 60),
                   tooltip=lambda r: r.catalyst),
            Column(QT_TRANSLATE_NOOP("Column", "Company"), lambda r: r.ticker or r.company,
                   tooltip=lambda r: r.company),
            Column(QT_TRANSLATE_NOOP("Column", "Base close"),
                   lambda r: number_text(r.base_close, 2), sort=lambda r: r.base_close,
                   tooltip=lambda r: translate("Prices", "close of {date}").format(
                       date=date_text(r.base_day)), align_right=True)]
        # "+5d" and "Excess +5d": the horizons are numbers, put into a translated pattern.
        for h in self.horizons:
            self.columns.append(Column(f"+{h}", self._ret(h, "returns"),
                                       sort=self._raw(h, "returns"), align_right=True))
        for h in self.horizons:
            self.columns.append(Column(f"excess+{h}", self._ret(h, "excess"),
                                       sort=self._raw(h, "excess"), align_right=True,
                                       tooltip=lambda r: translate(
                                           "Prices", "over the thesis's benchmark")))

    def header_text(self, header: str) -> str:
        if header.startswith("+"):
            return translate("Prices", "+{days}d", "a return after so many trading days"
                             ).format(days=header[1:])
        if header.startswith("excess+"):
            return translate("Prices", "Excess +{days}d", "a return over the benchmark "
                             "after so many trading days").format(days=header[7:])
        return super().header_text(header)

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
                return QColor(palette.catalyst("done" if value > 0 else "missed"))
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


class PricesTab(Retranslating, QWidget):
    """Chart above, event study table below, or what to import while there are no prices;
    follows the selected thesis."""

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
        self.summary.setWordWrap(True)
        # Its sentence must never set the tab's width (#12 defect 3).
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.table, 1)
        splitter.addWidget(self.chart)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.empty = EmptyPrices()
        self.empty.import_button.clicked.connect(self.chart.ask_import)
        self.pages = QStackedWidget(objectName="pricesPages")
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)
        self.content = splitter
        layout.addWidget(self.pages)
        self.table.doubleClicked.connect(
            lambda index: self.catalystClicked.emit(
                self.model.record(self.proxy.mapToSource(index).row()).catalyst_id))
        self.tracker = None
        if tracker is not None:
            self.set_tracker(tracker)
        self.apply_language()

    def retranslate(self) -> None:
        self.model.retranslate()
        self._summarise()

    def set_tracker(self, tracker) -> None:
        self.tracker = tracker
        self.model.tracker = tracker
        self.chart.set_tracker(tracker)
        self.model.load(None)
        self._show_page()

    def set_thesis(self, thesis_id: int | None) -> None:
        self.chart.set_thesis(thesis_id)
        self.model.load(thesis_id)
        self._summarise()
        self._show_page()

    def apply_changes(self, changes) -> None:
        """Follow one committed operation: the chart first, then the table and the page."""
        self.chart.apply_changes(changes)
        if self.tracker is not None and concerns(changes, self.tracker, self.model.thesis_id):
            self.model.refresh()
            self._summarise()
            self._show_page()

    def _show_page(self) -> None:
        if self.chart.has_prices:
            self.pages.setCurrentWidget(self.content)
        else:
            self.empty.show_for(self.chart)
            self.pages.setCurrentWidget(self.empty)

    def _summarise(self) -> None:
        study = self.model.study
        if study is None:
            self.summary.setText("")
            return
        # %n counts the rows; the catalysts' "(s)" follows their own count.
        parts = [english_count(self.tr("Event study: %n row(s) from {events} done "
                                       "catalyst(s)", None, len(study.rows)).format(
                                           events=study.events), study.events)]
        if study.benchmark:
            parts.append(self.tr("excess over {benchmark}").format(benchmark=study.benchmark)
                         if study.benchmark_has_prices else
                         self.tr("benchmark {benchmark} has no prices yet: import them above for "
                                 "the Excess columns").format(benchmark=study.benchmark))
        else:
            parts.append(self.tr("no benchmark: set one in Overview for the Excess columns"))
        parts.append(self.tr("day 0 = first trading day on or after the event; base = the "
                             "close before it"))
        self.summary.setText(" · ".join(parts))
