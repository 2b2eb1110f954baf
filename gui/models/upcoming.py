"""Upcoming: pending catalysts and thesis reviews due, across all theses, overdue first."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QFont

from gui.i18n import date_text, translate
from gui.models.base import FONT, FOREGROUND, TOOLTIP, Column
from gui.models.parts import CatalystModel
from gui.style import overdue_brush
from model.changes import Kind, OpChanges, Origin
from model.errors import NotFound


@dataclass(frozen=True)
class ReviewRow:
    """A thesis review due (from ``tracker.queue.reviews``), shaped to sit among catalysts."""

    thesis_id: int
    thesis_title: str
    next_review: str
    cadence_days: int
    last_reviewed: str | None
    kind = "review"
    status = "review due"
    description = ""
    happened_on = None
    impact = ""
    outcome = ""

    @property
    def id(self) -> tuple[str, int]:
        # Catalyst rows are keyed by their int id; a tuple never collides with one.
        return ("review", self.thesis_id)

    title = "Thesis review"       # the Thesis column beside it names the thesis

    @property
    def expected(self) -> str:
        return self.next_review

    window_start = window_end = expected

    def describe_window(self) -> str:
        """What the "Parsed window" column shows for a review: its cadence and the last."""
        every = translate("Upcoming", "every {days} d").format(days=self.cadence_days)
        if self.last_reviewed:
            return translate("Upcoming", "{every}, last {date}").format(
                every=every, date=date_text(self.last_reviewed[:10]))
        return translate("Upcoming", "{every}, never reviewed").format(every=every)

    @classmethod
    def from_due(cls, due) -> "ReviewRow":
        return cls(due.thesis_id, due.title, due.next_review, due.review_cadence_days,
                   due.last_reviewed)


def is_review(record) -> bool:
    return isinstance(record, ReviewRow)


class UpcomingModel(CatalystModel):
    """Pending catalysts (next ``days`` days) and reviews due (this week), overdue first.

    A catalyst ticked here stays in place (now checked) until the list is reloaded, so the
    user sees what they did and can untick it; a recorded review leaves (its date moved on).
    """

    CHECK, THESIS, TITLE, EXPECTED, WINDOW, STATUS, HAPPENED, IMPACT, OUTCOME = range(9)

    def __init__(self, tracker, days: int = 90, parent=None):
        self.days = days
        self._titles: dict[int, str] = {}
        super().__init__(tracker, parent)
        self.reload()

    def make_columns(self):
        columns = super().make_columns()
        columns = [c for c in columns if c.header != "Sources"]
        columns.insert(1, Column(QT_TRANSLATE_NOOP("Column", "Thesis"), self._thesis_title,
                                 sort=lambda c: self._thesis_title(c).casefold()))
        return columns

    def _thesis_title(self, record) -> str:
        if is_review(record):
            return record.thesis_title
        return self._titles.get(record.thesis_id, "")

    def cites(self, record) -> str:
        return ""

    def title_text(self, record) -> str:
        return translate("Upcoming", "Thesis review") if is_review(record) else record.title

    def status_text(self, record) -> str:
        if is_review(record):
            return translate("Upcoming", "review due")
        return super().status_text(record)

    def expected_text(self, record) -> str:
        return date_text(record.next_review) if is_review(record) else record.expected

    def window_text(self, record) -> str:
        return record.describe_window() if is_review(record) else super().window_text(record)

    def is_overdue(self, record) -> bool:
        if is_review(record):
            return record.next_review < self.today_iso
        return super().is_overdue(record)

    def extra_data(self, record, column, role):
        if is_review(record):
            if role == FOREGROUND and self.is_overdue(record):
                return overdue_brush()
            if role == FONT and column == self.TITLE:
                font = QFont()
                font.setItalic(True)
                return font
            if role == TOOLTIP and column in (self.CHECK, self.TITLE):
                text = (translate("Upcoming", "Review overdue since {date}: double-click to "
                                              "open the thesis and press Review…")
                        if self.is_overdue(record) else
                        translate("Upcoming", "Review due on {date}: double-click to open the "
                                              "thesis and press Review…"))
                return text.format(date=date_text(record.next_review))
            return None
        return super().extra_data(record, column, role)

    def flags(self, index):
        flags = super().flags(index)
        if not index.isValid():
            return flags
        if is_review(self._rows[index.row()]):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.STATUS:
            flags &= ~Qt.ItemFlag.ItemIsEditable
        return flags

    # -- order -------------------------------------------------------------------------------
    def _key(self, record):
        """Overdue first, longest overdue first; then by the day it falls, a review before
        the catalysts of its day (ISO dates compare as text)."""
        today = self.today_iso
        if is_review(record):
            return (record.next_review >= today, record.next_review, 0, "", record.thesis_id)
        overdue = record.window_end < today
        return (not overdue, record.window_end if overdue else record.window_start, 1,
                record.window_end, record.id)

    def reload(self) -> None:
        rows = list(self.tracker.catalysts.upcoming(days=self.days))
        self._titles = self._thesis_titles({c.thesis_id for c in rows})
        rows.extend(map(ReviewRow.from_due, self.tracker.queue.reviews()))
        rows.sort(key=self._key)
        self.replace_all(rows)

    def _thesis_titles(self, ids) -> dict[int, str]:
        return {s.id: s.title for s in self.tracker.theses.summaries(ids)} if ids else {}

    # -- in-place updates --------------------------------------------------------------------
    def apply_changes(self, changes: OpChanges) -> None:
        """Follow one operation in place: catalysts and reviews that now belong here come in
        at their place in the order, those that no longer do leave, moved ones move."""
        if changes.reset or changes.origin is Origin.DAY:
            self.forget_today()
            self.reload()
            return
        for thesis_id in changes.removed_theses:
            for row in range(len(self._rows) - 1, -1, -1):
                if self._rows[row].thesis_id == thesis_id:
                    self._remove_row(row)
        catalysts = changes.of(Kind.CATALYST)
        for catalyst_id in catalysts.removed:
            row = self.row_of(catalyst_id)
            if row is not None:
                self._remove_row(row)
        for catalyst_id in catalysts.present:
            self._refresh_catalyst(catalyst_id)
        touched = changes.theses - changes.removed_theses
        if touched and changes.touches(Kind.THESIS):
            self._refresh_reviews(touched)
            retitled = touched & {c.thesis_id for c in self._rows if not is_review(c)}
            if retitled:
                self._titles.update(self._thesis_titles(retitled))
                for row, c in enumerate(self._rows):
                    if c.thesis_id in retitled and not is_review(c):
                        self.dataChanged.emit(self.index(row, self.THESIS),
                                              self.index(row, self.THESIS))

    def _refresh_reviews(self, thesis_ids) -> None:
        """Reviews of the touched theses only: one query limited to their ids."""
        fresh = {r.thesis_id: ReviewRow.from_due(r)
                 for r in self.tracker.queue.reviews(thesis_ids=thesis_ids)}
        for thesis_id in thesis_ids:
            row = self.row_of(("review", thesis_id))
            record = fresh.get(thesis_id)
            if record is None:
                if row is not None:
                    self._remove_row(row)
            elif row is None:
                self._insert(record)
            elif self._rows[row].next_review != record.next_review:
                self._remove_row(row)       # its date moved: it belongs elsewhere in the order
                self._insert(record)
            else:
                self.update_records([record])

    def _insert(self, record) -> None:
        position = bisect.bisect_left(self._rows, self._key(record), key=self._key)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, record)
        self._reindex()
        self.endInsertRows()

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._reindex()
        self.endRemoveRows()

    def _refresh_catalyst(self, catalyst_id: int) -> None:
        row = self.row_of(catalyst_id)
        try:
            fresh = self.tracker.catalysts.get(catalyst_id)
        except NotFound:
            if row is not None:
                self._remove_row(row)
            return
        horizon = (self.tracker.clock.today() + dt.timedelta(days=self.days)).isoformat()
        if row is not None:
            old = self._rows[row]
            if fresh.window_start > horizon:
                self._remove_row(row)           # its window moved beyond the horizon
            elif fresh.status != "pending" or self._key(old) == self._key(fresh):
                # Ticked here stays in place (checked) until Reload, so it can be unticked.
                self.update_records([fresh])
            else:
                self._remove_row(row)           # moved within the horizon: to its new place
                self._insert(fresh)
            return
        if fresh.status != "pending" or fresh.window_start > horizon:
            return
        if fresh.thesis_id not in self._titles:
            self._titles.update(self._thesis_titles({fresh.thesis_id}))
        self._insert(fresh)
