"""Per-thesis tables (catalysts, risks, beneficiaries, sources, history), synced by record id."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.models.base import CHECK_STATE, FOREGROUND, TOOLTIP, Column, RecordTableModel, TodayCache
from gui.style import muted_brush, overdue_brush
from model.changes import Kind, OpChanges


class ThesisPartModel(RecordTableModel):
    """The rows of one thesis; refreshed when a write touches that thesis and one of ``kinds``."""

    kinds: frozenset[Kind] = frozenset()

    def __init__(self, tracker, parent=None):
        super().__init__(parent)
        self.tracker = tracker
        self.thesis_id: int | None = None

    def fetch(self, thesis_id: int) -> list:
        raise NotImplementedError

    def load(self, thesis_id: int | None) -> None:
        self.thesis_id = thesis_id
        self.before_fetch()
        self.replace_all([] if thesis_id is None else self.fetch(thesis_id))

    def before_fetch(self) -> None:
        """Subclasses refresh side data (citations) here."""

    def apply_changes(self, changes: OpChanges) -> None:
        """Follow one operation: rows of this thesis added, removed or repainted in place."""
        if self.thesis_id is None:
            return
        if changes.reset or self.thesis_id in changes.removed_theses:
            gone = self.thesis_id in changes.removed_theses
            self.load(None if gone else self.thesis_id)
            return
        if changes.for_thesis(self.thesis_id, *self.kinds):
            self.before_fetch()
            self.sync(self.fetch(self.thesis_id))
            if changes.touches(Kind.CITATION, Kind.SOURCE):
                self._repaint_all()

    def _repaint_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1))


class _Cited(ThesisPartModel):
    """Adds the titles of the sources each row cites (citations stay visible in the table)."""

    cite_key = "catalyst_id"

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self._cites: dict[int, str] = {}

    def before_fetch(self) -> None:
        self._cites = {}
        if self.thesis_id is None:
            return
        titles = {s.id: s.title for s in self.tracker.sources.for_thesis(self.thesis_id)}
        found: dict[int, list[str]] = {}
        for c in self.tracker.sources.citations_for_thesis(self.thesis_id):
            owner = getattr(c, self.cite_key)
            if owner is not None:
                label = titles.get(c.source_id, "?") + (f" ({c.locator})" if c.locator else "")
                found.setdefault(owner, []).append(label)
        self._cites = {k: "; ".join(v) for k, v in found.items()}

    def cites(self, record) -> str:
        return self._cites.get(record.id, "")


class CatalystModel(_Cited):
    """A thesis's catalysts with a check column: ticking asks the editor (which asks the user)."""

    CHECK, TITLE, EXPECTED, WINDOW, STATUS, HAPPENED, IMPACT, OUTCOME, SOURCES = range(9)
    kinds = frozenset({Kind.CATALYST, Kind.CITATION, Kind.SOURCE})

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self.columns = self.make_columns()

    def make_columns(self) -> list[Column]:
        return [
            Column("Done", lambda c: "", sort=lambda c: c.status),
            Column("Catalyst", lambda c: c.title, field="title",
                   tooltip=lambda c: c.description or None),
            Column("Expected", lambda c: c.expected, field="expected",
                   sort=lambda c: (c.window_start, c.window_end),
                   tooltip=lambda c: c.window.describe()),
            Column("Parsed window", lambda c: c.window.describe(),
                   sort=lambda c: (c.window_start, c.window_end)),
            Column("Status", lambda c: c.status, field="status"),
            Column("Happened", lambda c: c.happened_on or "", field="happened_on"),
            Column("Impact", lambda c: c.impact, field="impact"),
            Column("Outcome", lambda c: c.outcome, field="outcome", tooltip=lambda c: c.outcome or None),
            Column("Sources", self.cites, tooltip=lambda c: self.cites(c) or None),
        ]

    def fetch(self, thesis_id):
        return self.tracker.catalysts.for_thesis(thesis_id)

    @property
    def today_iso(self) -> str:
        if getattr(self, "_today", None) is None or self._today.clock is not self.tracker.clock:
            self._today = TodayCache(self.tracker.clock)
        return self._today.iso()

    def is_overdue(self, record) -> bool:
        return record.status == "pending" and record.window_end < self.today_iso

    def extra_data(self, record, column, role):
        if role == CHECK_STATE and column == self.CHECK:
            return (Qt.CheckState.Checked if record.status == "done"
                    else Qt.CheckState.Unchecked)
        if role == FOREGROUND:
            if self.is_overdue(record):
                return overdue_brush()
            if record.status in ("missed", "cancelled"):
                return muted_brush()
        if role == TOOLTIP and column == self.CHECK:
            if self.is_overdue(record):
                return f"Overdue: the window ended {record.window_end}"
            return f"{record.status}" + (f" on {record.happened_on}" if record.happened_on else "")
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == self.CHECK and self.editor is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if (role == Qt.ItemDataRole.CheckStateRole and index.isValid()
                and index.column() == self.CHECK and self.editor is not None):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            status = "done" if checked else "pending"
            return bool(self.editor(self._rows[index.row()], "status", status))
        return super().setData(index, value, role)


class RiskModel(_Cited):
    TITLE, DESCRIPTION, SEVERITY, LIKELIHOOD, SCORE, STATUS, SOURCES = range(7)
    kinds = frozenset({Kind.RISK, Kind.CITATION, Kind.SOURCE})
    cite_key = "risk_id"

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self.columns = [
            Column("Risk", lambda r: r.title, field="title"),
            Column("Description", lambda r: r.description, field="description",
                   tooltip=lambda r: r.description or None),
            Column("Severity", lambda r: r.severity, field="severity", align_right=True),
            Column("Likelihood", lambda r: r.likelihood, field="likelihood", align_right=True),
            Column("Score", lambda r: r.score, align_right=True),
            Column("Status", lambda r: r.status, field="status"),
            Column("Sources", self.cites, tooltip=lambda r: self.cites(r) or None),
        ]

    def fetch(self, thesis_id):
        return self.tracker.risks.for_thesis(thesis_id)


class BeneficiaryModel(ThesisPartModel):
    COMPANY, LOCAL, TICKER, EXCHANGE, ROLE = range(5)
    kinds = frozenset({Kind.BENEFICIARY, Kind.COMPANY})
    columns = [
        Column("Company", lambda b: b.name),
        Column("Local name", lambda b: b.local_name),
        Column("Ticker", lambda b: b.ticker or ""),
        Column("Exchange", lambda b: b.exchange),
        Column("Role", lambda b: b.role, field="role", tooltip=lambda b: b.role or None),
    ]

    def fetch(self, thesis_id):
        return self.tracker.beneficiaries.for_thesis(thesis_id)


class SourceModel(ThesisPartModel):
    TITLE, PUBLISHER, PUBLISHED, URL, SUMMARY, CITED = range(6)
    kinds = frozenset({Kind.SOURCE, Kind.CITATION})

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self._cited: dict[int, str] = {}
        self.columns = [
            Column("Source", lambda s: s.title, field="title"),
            Column("Publisher", lambda s: s.publisher, field="publisher"),
            Column("Published", lambda s: s.published_on or "", field="published_on"),
            Column("URL or file", lambda s: s.url, field="url"),
            Column("Summary", lambda s: s.summary, field="summary",
                   tooltip=lambda s: s.summary or None),
            Column("Cited for", lambda s: self._cited.get(s.id, "")),
        ]

    def before_fetch(self) -> None:
        self._cited = {}
        if self.thesis_id is None:
            return
        found: dict[int, list[str]] = {}
        for c in self.tracker.sources.citations_for_thesis(self.thesis_id):
            what = "thesis" if c.thesis_id else ("risk" if c.risk_id else "catalyst")
            found.setdefault(c.source_id, []).append(what + (f": {c.locator}" if c.locator else ""))
        self._cited = {k: "; ".join(v) for k, v in found.items()}

    def fetch(self, thesis_id):
        return self.tracker.sources.for_thesis(thesis_id)


class HistoryModel(ThesisPartModel):
    """The append-only log, newest first; new entries slide in at the top."""

    kinds = frozenset({Kind.HISTORY})
    columns = [
        Column("When", lambda h: h.at.replace("T", " ").rstrip("Z")),
        Column("What", lambda h: h.subject or h.field,
               tooltip=lambda h: h.describe()),
        Column("Field", lambda h: h.field),
        Column("From", lambda h: h.old or ""),
        Column("To", lambda h: h.new or ""),
        Column("Note", lambda h: h.note, tooltip=lambda h: h.note or None),
    ]

    def fetch(self, thesis_id):
        return self.tracker.history.for_thesis(thesis_id)
