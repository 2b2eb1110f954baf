"""The thesis list: summaries from the service, filtered by search text and status in a proxy."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont

from gui.chips import CHIPS_ROLE
from gui.i18n import date_text, translate, word
from gui.models.base import FONT, FOREGROUND, SORT_ROLE, Column, RecordTableModel, TodayCache
from gui.models.base import orderable as _orderable
from gui.style import overdue_brush
from model.changes import OpChanges, Origin

_CHIPS = int(CHIPS_ROLE)


def _next(summary) -> str:
    if not summary.next_catalyst:
        return ""
    return f"{summary.next_catalyst} · {summary.next_expected}"


def _overdue_tip(summary) -> str | None:
    overdue = summary.overdue
    if not overdue:
        return None
    return translate("ThesisList", "%n pending catalyst(s) past their window", None, overdue)


class ThesisListModel(RecordTableModel):
    """One row per thesis (``ThesisSummary``); refreshed row by row from store changes. The
    theme and the tags are chips (``CHIPS_ROLE``; gui.chips paints them)."""

    TITLE, THEME, STATUS, CONVICTION, NEXT, OVERDUE, REVIEW, TAGS = range(8)
    columns = [
        Column(QT_TRANSLATE_NOOP("Column", "Title"), lambda s: s.title,
               sort=lambda s: s.title.casefold()),
        Column(QT_TRANSLATE_NOOP("Column", "Theme"), lambda s: s.theme,
               sort=lambda s: s.theme.casefold()),
        Column(QT_TRANSLATE_NOOP("Column", "Status"), lambda s: word(s.status),
               sort=lambda s: s.status),
        Column(QT_TRANSLATE_NOOP("Column", "Conviction"), lambda s: s.conviction,
               align_right=True),
        Column(QT_TRANSLATE_NOOP("Column", "Next catalyst"), _next,
               sort=lambda s: s.next_start or "9999-99-99", tooltip=_next),
        Column(QT_TRANSLATE_NOOP("Column", "Overdue"), lambda s: s.overdue or "",
               sort=lambda s: s.overdue, align_right=True, tooltip=_overdue_tip),
    ]

    # Rows read before the window first paints (more than a screenful at any window size,
    # 2 ms); the rest follow in pages of PAGE (about 12 ms each at 10,000 theses), one per
    # turn of the event loop, so the window answers input while the list fills.
    FIRST_PAGE = 200
    PAGE = 1000

    loaded = Signal()                           # every thesis is in the list now

    def __init__(self, tracker, parent=None):
        super().__init__(parent)
        self.tracker = tracker
        self._today = TodayCache(tracker.clock)
        self.columns = self.columns + [
            Column(QT_TRANSLATE_NOOP("Column", "Next review"), self._review_text,
                   sort=lambda s: s.next_review or "9999", tooltip=self._review_tip),
            Column(QT_TRANSLATE_NOOP("Column", "Tags"), lambda s: s.tags,
                   sort=lambda s: s.tags.casefold())]
        self._sorted_by: tuple | None = None
        self._rows = tracker.theses.summaries(tracker.theses.ids_by_title(self.FIRST_PAGE))
        self._more = len(self._rows) == self.FIRST_PAGE     # the rest not even listed yet
        self._unread: list[int] = []            # ids whose summaries are still to be read
        self._reindex()
        self._paging = False
        self._totals: tuple[int, int] | None = None
        for signal in (self.dataChanged, self.rowsInserted, self.rowsRemoved, self.modelReset):
            signal.connect(self._forget_totals)

    def totals(self) -> tuple[int, int]:
        """(pending catalysts overdue, reviews overdue) over every thesis, kept until a row
        changes: a search or status filter changes what is shown, not these."""
        if self._totals is None:
            overdue = sum(s.overdue for s in self._rows)
            self._totals = (overdue, sum(map(self.review_overdue, self._rows)))
        return self._totals

    def _forget_totals(self, *_args) -> None:
        self._totals = None

    @property
    def complete(self) -> bool:
        return not (self._more or self._unread)

    # -- the rest of the list, a page per turn of the event loop -------------------------------
    def load_rest(self) -> None:
        """Start reading the rest (the window calls this after its first paint). Writes made
        meanwhile need no care: each page is read when its turn comes, on the one connection,
        and a thesis already in the list (added or selected meanwhile) is not read twice."""
        self._list_rest()
        if self._unread and not self._paging:
            self._paging = True
            QTimer.singleShot(0, self._next_page)

    def finish_loading(self) -> None:
        """Read the rest of the list now (tests and tools)."""
        self._list_rest()
        while self._unread:
            self._read_page()

    def stop_loading(self) -> None:
        """The database is closing: read no more."""
        self._more, self._unread = False, []

    def _list_rest(self) -> None:
        if self._more:
            self._more = False
            self._unread = [i for i in self.tracker.theses.ids_by_title()
                            if i not in self._row_of]
            if not self._unread:
                self._finished()

    def _next_page(self) -> None:
        if not self._paging or not self._unread:     # stopped, or reset meanwhile
            self._paging = False
            return
        self._read_page()
        if self._unread:
            QTimer.singleShot(0, self._next_page)

    def _read_page(self) -> None:
        page, self._unread = self._unread[:self.PAGE], self._unread[self.PAGE:]
        self._append([s for s in self.tracker.theses.summaries(page)
                      if s.id not in self._row_of])
        if not self._unread:
            self._finished()

    def _finished(self) -> None:
        self._paging = False
        # Rows added or selected meanwhile went to the end: put every row in its place.
        self.sort(*(self._sorted_by or (self.TITLE, Qt.SortOrder.AscendingOrder)))
        self.loaded.emit()

    def ensure_loaded(self, thesis_id: int) -> bool:
        """Put one thesis in the list now if its page has not been read yet (selecting it)."""
        if thesis_id in self._row_of:
            return True
        if self.complete:
            return False
        fresh = self.tracker.theses.summaries([thesis_id])
        self._append(fresh)
        return bool(fresh)

    def _append(self, records: list) -> None:
        """Insert rows at the end (the proxy and a final sort put them in order)."""
        if records:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
            self._rows.extend(records)
            self._reindex()
            self.endInsertRows()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sorted_by = (column, order)
        super().sort(column, order)

    def review_overdue(self, summary) -> bool:
        """Its next review date has passed (``review_due`` already leaves out settled theses)."""
        return summary.review_due and summary.next_review < self._today.iso()

    def themes(self) -> set[str]:
        """Every theme in the list (the chips' colours are assigned over them)."""
        return {s.theme for s in self._rows if s.theme}

    def _review_text(self, s) -> str:
        if not s.next_review:
            return ""
        if self.review_overdue(s):
            return translate("ThesisList", "⚠ {date} overdue").format(
                date=date_text(s.next_review))
        return date_text(s.next_review)

    def _review_tip(self, s) -> str | None:
        if self.review_overdue(s):
            return translate("ThesisList", "Review overdue since {date}: select it and press "
                                           "Review…").format(date=date_text(s.next_review))
        return translate("ThesisList", "Review due this week") if s.review_due else None

    def extra_data(self, record, column, role):
        if role == _CHIPS:
            if column == self.THEME:
                return (record.theme,) if record.theme else ()
            if column == self.TAGS:
                return record.tag_list
            return None
        if role == FOREGROUND and (
                (column == self.OVERDUE and record.overdue)
                or (column == self.REVIEW and self.review_overdue(record))):
            return overdue_brush()
        if role == FONT and column == self.REVIEW and record.review_due:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def apply_changes(self, changes: OpChanges) -> None:
        """Follow one operation: only the theses it touched, each put where the list's sort
        order wants it (a new or retitled thesis does not land at the bottom)."""
        if changes.reset or changes.origin is Origin.DAY:
            # Another database, a restore, a big import, or a new day (every overdue count).
            self.forget_today()
            self._more, self._unread = False, []
            self.replace_all(self.tracker.theses.summaries())
            self.sort(*(self._sorted_by or (self.TITLE, Qt.SortOrder.AscendingOrder)))
            return
        for thesis_id in changes.removed_theses:
            row = self.row_of(thesis_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._reindex()
                self.endRemoveRows()
        added = [i for i in changes.added_theses if self.row_of(i) is None]
        for summary in self.tracker.theses.summaries(added) if added else ():
            self._insert_sorted(summary)
        touched = changes.theses - changes.removed_theses - set(added)
        if touched:
            fresh = self.tracker.theses.summaries(touched)
            self.update_records(fresh)
            for summary in fresh:
                self._keep_in_order(summary.id)

    # -- keeping the sort order through edits ------------------------------------------------
    def _order(self):
        column, order = self._sorted_by or (self.TITLE, Qt.SortOrder.AscendingOrder)
        spec = self.columns[column]
        key = spec.sort or spec.text
        return (lambda record: _orderable(key(record))), order == Qt.SortOrder.DescendingOrder

    def _position(self, record, rows) -> int:
        """Where ``record`` goes among ``rows`` (already in order): after its equals."""
        key, descending = self._order()
        wanted = key(record)
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            other = key(rows[middle])
            before = other > wanted if descending else other < wanted
            if before or other == wanted:
                low = middle + 1
            else:
                high = middle
        return low

    def _insert_sorted(self, record) -> None:
        if not self.complete:
            self._append([record])      # the final sort of the paging puts it in place
            return
        position = self._position(record, self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, record)
        self._reindex()
        self.endInsertRows()

    def _keep_in_order(self, thesis_id: int) -> None:
        """Move an edited row if its sort key no longer fits between its neighbours."""
        row = self.row_of(thesis_id)
        if row is None or not self.complete:
            return
        record = self._rows[row]
        key, descending = self._order()
        here = key(record)

        def out_of_order(a, b) -> bool:
            return a > b if not descending else a < b
        if not ((row > 0 and out_of_order(key(self._rows[row - 1]), here))
                or (row + 1 < len(self._rows) and out_of_order(here, key(self._rows[row + 1])))):
            return
        others = self._rows[:row] + self._rows[row + 1:]
        target = self._position(record, others)
        destination = target if target < row else target + 1
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows = others[:target] + [record] + others[target:]
        self._reindex()
        self.endMoveRows()


class ThesisFilterProxy(QSortFilterProxyModel):
    """Sorts on raw values; filters by one set of matching ids and one status, each one setter."""

    matching_applied = Signal()     # set_matching_ids finished (the list shows that result)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: set[int] | None = None
        self._status: str | None = None
        self._theme: str | None = None          # a theme chip clicked (#13)
        self._tag: str | None = None            # a tag chip clicked
        self._accept: bytearray | None = None     # per source row, only during a re-filter
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    # A filter change that flips more rows than this re-filters in one layout change: the
    # row-by-row path emits one remove/insert signal per run of rows (thousands at 10,000
    # theses, 40 ms) where one layoutChanged costs 15 ms; small changes keep the row signals.
    BULK_CHANGE = 200

    def set_matching_ids(self, ids: set[int] | None) -> None:
        """None shows every thesis; a set shows only those (search results)."""
        source = self.sourceModel()
        if ids is not None and source is not None and len(ids) >= source.rowCount() \
                and source.complete and all(r.id in ids for r in source.records()):
            ids = None          # every thesis matches (a one-character word): no filter to run
        if ids != self._ids:
            old = self._ids
            ids = None if ids is None else set(ids)
            source = self.sourceModel()
            if source is None:
                self._ids = ids
            elif old is None or ids is None or len(old ^ ids) > self.BULK_CHANGE:
                self._ids = ids
                self._refilter_all()
            else:
                self._filter_change(lambda: setattr(self, "_ids", ids))
        self.matching_applied.emit()

    def _refilter_all(self) -> None:
        """One layout change, with acceptance worked out for every row up front (a bytearray
        lookup per filterAcceptsRow call instead of reading the record)."""
        self._accept = bytearray(self._accepts(r) for r in self.sourceModel().records())
        try:
            self.invalidate()
        finally:
            self._accept = None

    def set_status(self, status: str | None) -> None:
        status = status or None
        if status == self._status:
            return
        self._filter_change(lambda: setattr(self, "_status", status))

    def set_theme(self, theme: str | None) -> None:
        """Only the theses of this theme (a theme chip clicked); None: any."""
        theme = theme or None
        if theme != self._theme:
            self._filter_change(lambda: setattr(self, "_theme", theme))

    def set_tag(self, tag: str | None) -> None:
        """Only the theses with this tag (a tag chip clicked); None: any."""
        tag = tag or None
        if tag != self._tag:
            self._filter_change(lambda: setattr(self, "_tag", tag))

    def _accepts(self, summary) -> bool:
        return ((self._ids is None or summary.id in self._ids)
                and (self._status is None or summary.status == self._status)
                and (self._theme is None or summary.theme == self._theme)
                and (self._tag is None or self._tag in summary.tag_list))

    def _filter_change(self, apply) -> None:
        # Qt 6.10 deprecates invalidateFilter() for begin/endFilterChange(); older Qt lacks them.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateFilter()

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        # The source model sorts (fast, in Python); the proxy keeps its order and only filters.
        if self.sourceModel() is not None:
            self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row, source_parent):
        accept = self._accept
        if accept is not None:
            return accept[source_row] == 1
        return self._accepts(self.sourceModel().record(source_row))
