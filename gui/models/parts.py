"""Per-thesis tables (catalysts, risks, beneficiaries, sources, history), synced by record id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal

from gui.delegates import window_text
from gui.i18n import date_text, localize, timestamp_text, translate, word
from gui.models.base import (
    CHECK_STATE,
    DISPLAY,
    EDIT,
    FOREGROUND,
    TOOLTIP,
    Column,
    RecordTableModel,
    TodayCache,
)
from gui.style import muted_brush, overdue_brush, status_brush
from model.changes import Kind, OpChanges, Origin


@dataclass
class Draft:
    """A new row being typed: nothing is stored until its required fields are filled and the
    user leaves the row (or presses Enter); Escape on a row never filled removes it (#11)."""

    required: tuple[str, ...]
    defaults: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        return self.values.get(name, self.defaults.get(name, ""))

    def complete(self) -> bool:
        return all(str(self.values.get(name) or "").strip() for name in self.required)

    def empty(self) -> bool:
        return not any(str(v).strip() for v in self.values.values())


class ThesisPartModel(RecordTableModel):
    """The rows of one thesis; refreshed when a write touches that thesis and one of ``kinds``.

    A model with ``draft_fields`` can show one new row at the end (``start_draft``): typed into
    like any row, it becomes a record through ``creator(values)`` once complete."""

    kinds: frozenset[Kind] = frozenset()
    draft_gone = Signal()       # the new row was stored or thrown away (Escape)
    noun = "row"
    unfinished_text = ""                        # QT_TRANSLATE_NOOP("Parts", …)
    draft_fields: tuple[str, ...] = ()          # fields a new row lets the user type
    draft_required: tuple[str, ...] = ()
    draft_defaults: dict[str, Any] = {}
    draft_hint = ""                             # QT_TRANSLATE_NOOP("Parts", …)

    def __init__(self, tracker, parent=None):
        super().__init__(parent)
        self.tracker = tracker
        self.thesis_id: int | None = None
        self.draft: Draft | None = None
        self.creator: Callable[[dict], Any] | None = None
        # New rows left half typed on another thesis, waiting for the user to come back.
        self._waiting: dict[int, Draft] = {}

    def fetch(self, thesis_id: int) -> list:
        raise NotImplementedError

    def load(self, thesis_id: int | None) -> None:
        if self.draft is not None and thesis_id != self.thesis_id and self.draft.complete():
            self.commit_draft()         # a finished new row is stored in its own thesis
        if (self.draft is not None and thesis_id != self.thesis_id
                and self.thesis_id is not None and not self.draft.empty()):
            # Half typed: not stored (it lacks a required field), not thrown away either.
            self._waiting[self.thesis_id] = self.draft
        # The same thesis again (a reload: another program changed the file) keeps its new
        # row as typed; another thesis brings back the one waiting on it, if any.
        if thesis_id is not None and thesis_id == self.thesis_id:
            waiting = self.draft
        else:
            waiting = self._waiting.pop(thesis_id, None) if thesis_id is not None else None
        self.thesis_id = thesis_id
        self.before_fetch()
        records = [] if thesis_id is None else self.fetch(thesis_id)
        self.beginResetModel()          # the rows and the new row change together
        self._rows = list(records)
        self.draft = waiting
        self._reindex()
        self.endResetModel()

    def unfinished_draft(self) -> str | None:
        """The new row being typed, in words, when it is neither empty nor complete (it would
        wait on its thesis if the user went to another), else None."""
        draft = self.draft
        if draft is None or draft.empty() or draft.complete():
            return None
        name = next((str(draft.values[f]).strip() for f in self.draft_fields
                     if str(draft.values.get(f) or "").strip()), "")
        headers = {c.field: self.header_text(c.header) for c in self.columns
                   if getattr(c, "field", None)}
        missing = [headers.get(f, f) for f in draft.required
                   if not str(draft.values.get(f) or "").strip()]
        return translate("Parts", self.unfinished_text).format(
            name=name, fields=translate("Parts", " and ").join(missing))

    # -- the new row -------------------------------------------------------------------------
    def draft_row(self) -> int | None:
        return len(self._rows) if self.draft is not None else None

    def is_draft(self, row: int) -> bool:
        return self.draft is not None and row == len(self._rows)

    def start_draft(self) -> int | None:
        """Show a new, empty row at the end (or return the one already there)."""
        if self.thesis_id is None or not self.draft_fields or self.creator is None:
            return None
        if self.draft is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self.draft = Draft(self.draft_required, dict(self.draft_defaults))
            self.endInsertRows()
        return len(self._rows)

    def discard_draft(self) -> None:
        if self.draft is not None:
            row = len(self._rows)
            self.beginRemoveRows(QModelIndex(), row, row)
            self.draft = None
            self.endRemoveRows()
            self.draft_gone.emit()

    def commit_draft(self):
        """Store the new row if it is complete: the record, or None (incomplete or refused,
        in which case the row stays with what was typed)."""
        if self.draft is None or not self.draft.complete() or self.creator is None:
            return None
        values = {k: v for k, v in self.draft.values.items() if str(v).strip()}
        created = self.creator(values)
        if created in (None, False, True):
            return None
        self.discard_draft()
        return created

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._rows) + (self.draft is not None)

    def record(self, row: int):
        """The record on a row; None on the new row (it is no record yet)."""
        return None if self.is_draft(row) else self._rows[row]

    def data(self, index, role=DISPLAY):
        if self.draft is not None and index.row() == len(self._rows):
            return self._draft_data(index.column(), role)
        return super().data(index, role)

    def _draft_data(self, column: int, role):
        name = self.columns[column].field
        if role in (DISPLAY, EDIT):
            return self.draft.value(name) if name in self.draft_fields else ""
        if role == FOREGROUND and name not in self.draft.values:
            return muted_brush()
        if role == TOOLTIP:
            return translate("Parts", self.draft_hint) if self.draft_hint else None
        return None

    def flags(self, index):
        if self.draft is not None and index.isValid() and index.row() == len(self._rows):
            if self.columns[index.column()].field in self.draft_fields:
                return _DRAFT_EDITABLE
            return _DRAFT_SELECTABLE
        return super().flags(index)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if self.draft is not None and index.isValid() and index.row() == len(self._rows):
            name = self.columns[index.column()].field
            if role != Qt.ItemDataRole.EditRole or name not in self.draft_fields:
                return False
            self.draft.values[name] = value
            self.dataChanged.emit(self.index(index.row(), 0),
                                  self.index(index.row(), len(self.columns) - 1))
            return True
        return super().setData(index, value, role)

    def before_fetch(self) -> None:
        """Subclasses refresh side data (citations) here."""

    def apply_changes(self, changes: OpChanges) -> None:
        """Follow one operation: rows of this thesis added, removed or repainted in place."""
        if self.thesis_id is None:
            return
        if changes.origin is Origin.DAY:
            self.forget_today()
            self._repaint_all()         # overdue marks move on; no record changed
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


_DRAFT_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_STATUSES = frozenset(("draft", "active", "watch", "confirmed", "broken", "closed", "open",
                       "materialised", "retired", "pending", "done", "missed", "cancelled"))


def history_value(value) -> str:
    """An old or new value in the History: a status in the interface's language, a date as
    the locale writes it, anything else as stored."""
    if value is None:
        return ""
    if value in _STATUSES:
        return word(value)
    if len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        return date_text(value)
    return value
_DRAFT_EDITABLE = _DRAFT_SELECTABLE | Qt.ItemFlag.ItemIsEditable


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
    noun = "catalyst"
    unfinished_text = QT_TRANSLATE_NOOP("Parts", "The new catalyst “{name}” is not stored yet: "
                                                 "it needs {fields}. It waits on its thesis "
                                                 "until you fill it in (or press Escape on it).")
    draft_fields = ("title", "expected", "impact")
    draft_required = ("title", "expected")
    draft_defaults = {"impact": "+", "status": "pending"}
    draft_hint = QT_TRANSLATE_NOOP("Parts", "New catalyst: type its title and expected window "
                                            "(H2 2026, Q3 2026, end of 2027…); it is saved "
                                            "when you leave the row or press Enter. Escape "
                                            "cancels.")

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self.columns = self.make_columns()

    def make_columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("Column", "Done"), lambda c: "", sort=lambda c: c.status),
            Column(QT_TRANSLATE_NOOP("Column", "Catalyst"), self.title_text, field="title",
                   edit_value=lambda c: c.title, tooltip=lambda c: c.description or None),
            Column(QT_TRANSLATE_NOOP("Column", "Expected"), self.expected_text,
                   field="expected", edit_value=lambda c: c.expected,
                   sort=lambda c: (c.window_start, c.window_end), tooltip=self.window_text),
            Column(QT_TRANSLATE_NOOP("Column", "Parsed window"), self.window_text,
                   sort=lambda c: (c.window_start, c.window_end)),
            Column(QT_TRANSLATE_NOOP("Column", "Status"), self.status_text, field="status",
                   edit_value=lambda c: c.status, sort=lambda c: c.status),
            Column(QT_TRANSLATE_NOOP("Column", "Happened"), lambda c: date_text(c.happened_on),
                   field="happened_on", edit_value=lambda c: c.happened_on or "",
                   sort=lambda c: c.happened_on or ""),
            Column(QT_TRANSLATE_NOOP("Column", "Impact"), lambda c: c.impact, field="impact"),
            Column(QT_TRANSLATE_NOOP("Column", "Outcome"), lambda c: c.outcome, field="outcome",
                   tooltip=lambda c: c.outcome or None),
            Column(QT_TRANSLATE_NOOP("Column", "Sources"),
                   self.cites, tooltip=lambda c: self.cites(c) or None),
        ]

    def title_text(self, record) -> str:
        return record.title

    def expected_text(self, record) -> str:
        return record.expected

    def status_text(self, record) -> str:
        return word(record.status)

    def window_text(self, record) -> str:
        if not record.placed:           # a window another tool stored as no date
            return localize(record.describe_window())
        return window_text(record.window)

    def fetch(self, thesis_id):
        return self.tracker.catalysts.for_thesis(thesis_id)

    @property
    def today_iso(self) -> str:
        if self._today is None or self._today.clock is not self.tracker.clock:
            self._today = TodayCache(self.tracker.clock)
        return self._today.iso()

    def is_overdue(self, record) -> bool:
        return record.status == "pending" and record.window_end < self.today_iso

    def extra_data(self, record, column, role):
        if role == CHECK_STATE and column == self.CHECK:
            return (Qt.CheckState.Checked if record.status == "done"
                    else Qt.CheckState.Unchecked)
        if role == FOREGROUND:
            # The colours of the timeline and the PDF: one palette (#12 item 14).
            if self.is_overdue(record):
                return overdue_brush()
            if record.status in ("missed", "cancelled"):
                return status_brush(record.status)
        if role == TOOLTIP and column == self.CHECK:
            if self.is_overdue(record):
                return translate("Parts", "Overdue: the window ended {date}").format(
                    date=date_text(record.window_end))
            if record.happened_on:
                return translate("Parts", "{status} on {date}").format(
                    status=word(record.status), date=date_text(record.happened_on))
            return word(record.status)
        return None

    def flags(self, index):
        flags = super().flags(index)
        if (index.isValid() and index.column() == self.CHECK and self.editor is not None
                and not self.is_draft(index.row())):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if (role == Qt.ItemDataRole.CheckStateRole and index.isValid()
                and index.column() == self.CHECK and self.editor is not None
                and not self.is_draft(index.row())):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            status = "done" if checked else "pending"
            return bool(self.editor(self._rows[index.row()], "status", status))
        return super().setData(index, value, role)


class RiskModel(_Cited):
    TITLE, DESCRIPTION, SEVERITY, LIKELIHOOD, SCORE, STATUS, SOURCES = range(7)
    kinds = frozenset({Kind.RISK, Kind.CITATION, Kind.SOURCE})
    noun = "risk"
    unfinished_text = QT_TRANSLATE_NOOP("Parts", "The new risk “{name}” is not stored yet: "
                                                 "it needs {fields}. It waits on its thesis "
                                                 "until you fill it in (or press Escape on it).")
    draft_fields = ("title", "description", "severity", "likelihood")
    draft_required = ("title",)
    draft_defaults = {"severity": 3, "likelihood": 3, "status": "open"}
    draft_hint = QT_TRANSLATE_NOOP("Parts", "New risk: type what would break the thesis; it "
                                            "is saved when you leave the row or press Enter. "
                                            "Escape cancels.")
    cite_key = "risk_id"

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self.columns = [
            Column(QT_TRANSLATE_NOOP("Column", "Risk"), lambda r: r.title, field="title"),
            Column(QT_TRANSLATE_NOOP("Column", "Description"),
                   lambda r: r.description, field="description",
                   tooltip=lambda r: r.description or None),
            Column(QT_TRANSLATE_NOOP("Column", "Severity"),
                   lambda r: r.severity, field="severity", align_right=True),
            Column(QT_TRANSLATE_NOOP("Column", "Likelihood"),
                   lambda r: r.likelihood, field="likelihood", align_right=True),
            Column(QT_TRANSLATE_NOOP("Column", "Score"), lambda r: r.score, align_right=True),
            Column(QT_TRANSLATE_NOOP("Column", "Status"), lambda r: word(r.status),
                   field="status", edit_value=lambda r: r.status, sort=lambda r: r.status),
            Column(QT_TRANSLATE_NOOP("Column", "Sources"),
                   self.cites, tooltip=lambda r: self.cites(r) or None),
        ]

    def fetch(self, thesis_id):
        return self.tracker.risks.for_thesis(thesis_id)


class BeneficiaryModel(ThesisPartModel):
    COMPANY, LOCAL, TICKER, EXCHANGE, ROLE = range(5)
    kinds = frozenset({Kind.BENEFICIARY, Kind.COMPANY})
    columns = [
        Column(QT_TRANSLATE_NOOP("Column", "Company"), lambda b: b.name),
        Column(QT_TRANSLATE_NOOP("Column", "Local name"), lambda b: b.local_name),
        Column(QT_TRANSLATE_NOOP("Column", "Ticker"), lambda b: b.ticker or ""),
        Column(QT_TRANSLATE_NOOP("Column", "Exchange"), lambda b: b.exchange),
        Column(QT_TRANSLATE_NOOP("Column", "Role"),
               lambda b: b.role, field="role", tooltip=lambda b: b.role or None),
    ]

    def fetch(self, thesis_id):
        return self.tracker.beneficiaries.for_thesis(thesis_id)


class SourceModel(ThesisPartModel):
    TITLE, PUBLISHER, PUBLISHED, URL, SUMMARY, CITED = range(6)
    kinds = frozenset({Kind.SOURCE, Kind.CITATION})
    noun = "source"
    unfinished_text = QT_TRANSLATE_NOOP("Parts", "The new source “{name}” is not stored yet: "
                                                 "it needs {fields}. It waits on its thesis "
                                                 "until you fill it in (or press Escape on it).")
    draft_fields = ("title", "publisher", "published_on", "url", "summary")
    draft_required = ("title",)
    draft_hint = QT_TRANSLATE_NOOP("Parts", "New source: type its title (publisher, date and "
                                            "link too if you like); it is saved when you leave "
                                            "the row or press Enter. Escape cancels.")

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self._cited: dict[int, str] = {}
        self.columns = [
            Column(QT_TRANSLATE_NOOP("Column", "Source"), lambda s: s.title, field="title"),
            Column(QT_TRANSLATE_NOOP("Column", "Publisher"),
                   lambda s: s.publisher, field="publisher"),
            Column(QT_TRANSLATE_NOOP("Column", "Published"), lambda s: date_text(s.published_on),
                   field="published_on", edit_value=lambda s: s.published_on or "",
                   sort=lambda s: s.published_on or ""),
            Column(QT_TRANSLATE_NOOP("Column", "URL or file"), lambda s: s.url, field="url"),
            Column(QT_TRANSLATE_NOOP("Column", "Summary"), lambda s: s.summary, field="summary",
                   tooltip=lambda s: s.summary or None),
            Column(QT_TRANSLATE_NOOP("Column", "Cited for"), lambda s: self._cited.get(s.id, "")),
        ]

    def before_fetch(self) -> None:
        self._cited = {}
        if self.thesis_id is None:
            return
        found: dict[int, list[str]] = {}
        for c in self.tracker.sources.citations_for_thesis(self.thesis_id):
            what = word("thesis" if c.thesis_id else ("risk" if c.risk_id else "catalyst"))
            found.setdefault(c.source_id, []).append(
                what + (translate("Parts", ": {locator}").format(locator=c.locator)
                        if c.locator else ""))
        self._cited = {k: "; ".join(v) for k, v in found.items()}

    def fetch(self, thesis_id):
        return self.tracker.sources.for_thesis(thesis_id)

    def retranslate(self) -> None:
        self.before_fetch()             # "Cited for" names what cites in the language now
        super().retranslate()


class HistoryModel(ThesisPartModel):
    """The log, newest first; new entries slide in at the top. A row names the record it is
    about (a tick names its catalyst). Changes that were undone stay in the log, marked and
    greyed, shown only when ``show_undone`` (View in the History tab)."""

    kinds = frozenset({Kind.HISTORY, Kind.CATALYST})

    def __init__(self, tracker, parent=None):
        super().__init__(tracker, parent)
        self.show_undone = False
        self._catalysts: dict[int, str] = {}
        self.columns = [
            Column(QT_TRANSLATE_NOOP("Column", "When"),
                   lambda h: timestamp_text(h.at.replace("T", " ").rstrip("Z")),
                   sort=lambda h: h.at),
            Column(QT_TRANSLATE_NOOP("Column", "What"), self._what,
                   tooltip=lambda h: localize(h.describe())),
            Column(QT_TRANSLATE_NOOP("Column", "Field"), lambda h: word(h.field)),
            Column(QT_TRANSLATE_NOOP("Column", "From"), lambda h: history_value(h.old)),
            Column(QT_TRANSLATE_NOOP("Column", "To"), lambda h: history_value(h.new)),
            Column(QT_TRANSLATE_NOOP("Column", "Note"),
                   self._note, tooltip=lambda h: h.note or None),
        ]

    def _what(self, entry) -> str:
        if entry.subject:
            return entry.subject
        if entry.catalyst_id is not None and entry.catalyst_id in self._catalysts:
            return self._catalysts[entry.catalyst_id]
        return word(entry.field)

    def _note(self, entry) -> str:
        if entry.undone_at:
            return translate("Parts", "(undone) {note}").format(note=entry.note).strip()
        return entry.note

    def set_show_undone(self, show: bool) -> None:
        self.show_undone = show
        self.load(self.thesis_id)

    def before_fetch(self) -> None:
        self._catalysts = {}
        if self.thesis_id is not None:
            self._catalysts = {c.id: c.title
                               for c in self.tracker.catalysts.for_thesis(self.thesis_id)}

    def fetch(self, thesis_id):
        return self.tracker.history.for_thesis(thesis_id, include_undone=self.show_undone)

    def extra_data(self, record, column, role):
        if role == FOREGROUND and record.undone_at:
            return muted_brush()
        return None
