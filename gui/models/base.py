"""A flat table model over a list of records, with per-column specs and keyed in-place sync."""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

# Roles as plain ints: data() runs for every role of every painted cell, and comparing with
# Qt.ItemDataRole.X looks the enum member up each time (0.5 µs against 0.07 µs; at 10,000
# theses that was a quarter of repainting the list).
DISPLAY, EDIT, TOOLTIP, ALIGNMENT, FOREGROUND, FONT, CHECK_STATE = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.CheckStateRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
SORT_ROLE = Qt.ItemDataRole.UserRole + 1       # raw value to sort on (not the display text)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2     # the whole record of the row
ID_ROLE = Qt.ItemDataRole.UserRole + 3         # the record's id


@dataclass
class Column:
    """One column: header, display text, optional raw sort value, and the field it edits.

    The header is English, marked ``QT_TRANSLATE_NOOP("Column", …)`` where it is written;
    ``headerData`` shows it in the interface's language."""

    header: str
    text: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    field: str | None = None                   # editable when set
    edit_value: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], Any] | None = None
    align_right: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows are frozen records with an ``id``; edits go to ``editor(record, field, value)``."""

    columns: list[Column] = []
    _today: TodayCache | None = None        # models that colour by the date keep one

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._row_of: dict[int, int] = {}
        self.editor: Callable[[Any, str, Any], bool] | None = None

    # -- Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.header_text(self.columns[section].header)
        return None

    def header_text(self, header: str) -> str:
        from gui.i18n import translate
        return translate("Column", header)

    def retranslate(self) -> None:
        """The interface's language changed: headers and cells say it again."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, len(self.columns) - 1))

    def data(self, index, role=DISPLAY):
        row = index.row()               # -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        record = self._rows[row]
        column = self.columns[index.column()]
        if role == DISPLAY:
            value = column.text(record)
            return "" if value is None else value
        if role == EDIT and column.field:
            getter = column.edit_value or column.text
            return getter(record)
        if role == SORT_ROLE:
            value = (column.sort or column.text)(record)
            return "" if value is None else value
        if role == TOOLTIP and column.tooltip:
            tip = column.tooltip(record)
            if tip:
                return plain_tooltip(tip)
            # none from the column: a subclass may have one (extra_data, below)
        if role == ALIGNMENT and column.align_right:
            return _RIGHT
        if role == RECORD_ROLE:
            return record
        if role == ID_ROLE:
            return record.id
        return self.extra_data(record, index.column(), role)

    def forget_today(self) -> None:
        """The date changed: look today up again (overdue marks move on)."""
        if self._today is not None:
            self._today.forget()

    def extra_data(self, record, column: int, role):
        """Subclasses add roles (colours, check states) here; ``role`` is a plain int."""
        return None

    def flags(self, index):
        if not index.isValid():
            return _NO_FLAGS
        if self.columns[index.column()].field and self.editor is not None:
            return _EDITABLE
        return _SELECTABLE

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.editor is None:
            return False
        column = self.columns[index.column()]
        if not column.field:
            return False
        # The store notifies after commit and sync() repaints the row; nothing to set here.
        return bool(self.editor(self._rows[index.row()], column.field, value))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the column's raw value in Python: one key per row, not a data() call per
        comparison (which made sorting 10,000 theses in the proxy take over a second)."""
        if not 0 <= column < len(self.columns):
            return
        spec = self.columns[column]
        key = spec.sort or spec.text
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in persistent]
        self._rows.sort(key=lambda r: orderable(key(r)),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of[i], p.column()) for i, p in zip(ids, persistent)])
        self.layoutChanged.emit()

    # -- records -----------------------------------------------------------------------------
    def record(self, row: int):
        return self._rows[row]

    def records(self) -> list:
        return list(self._rows)

    def row_of(self, record_id: int) -> int | None:
        return self._row_of.get(record_id)

    def index_of(self, record_id: int, column: int = 0) -> QModelIndex:
        row = self._row_of.get(record_id)
        return QModelIndex() if row is None else self.index(row, column)

    def _reindex(self) -> None:
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    def replace_all(self, records: list) -> None:
        """Whole reset: only for a new thesis or database (Changes.reset)."""
        self.beginResetModel()
        self._rows = list(records)
        self._reindex()
        self.endResetModel()

    def sync(self, records: list) -> None:
        """Bring rows in line with ``records`` by id: remove, insert and repaint only what differs.

        Rows still present keep their current order, so an edit never makes the row jump away
        from under the user's cursor.
        """
        new_ids = {r.id for r in records}
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].id not in new_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        self._reindex()
        kept = [r for r in self._rows]
        by_id = {r.id: r for r in records}
        kept_iter = iter(by_id[r.id] for r in kept)
        target = [next(kept_iter) if r.id in self._row_of else r for r in records]
        for position, record in enumerate(target):
            if position < len(self._rows) and self._rows[position].id == record.id:
                if self._rows[position] != record:
                    self._rows[position] = record
                    self.dataChanged.emit(self.index(position, 0),
                                          self.index(position, len(self.columns) - 1))
                continue
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, record)
            self.endInsertRows()
        self._reindex()

    def update_records(self, records: list) -> None:
        """Replace the given records in place (those present) and repaint just their rows."""
        for record in records:
            row = self._row_of.get(record.id)
            if row is not None and self._rows[row] != record:
                self._rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))


def plain_tooltip(text):
    """A tooltip showing text exactly as typed. Qt reads any tooltip that looks like markup
    as rich text, so a title ``<b>bold</b><img src=x>`` would render; escaped inside <qt>
    it shows as written (#12)."""
    if not text:
        return None
    return "<qt>" + html.escape(str(text)).replace("\n", "<br>") + "</qt>"


def orderable(value):
    # Blank sorts last among text; numbers and text never meet in one column.
    if value is None or value == "":
        return (1, "")
    return (0, value)


class TodayCache:
    """Today's date as ISO text, looked up at most once a minute (painting asks per cell)."""

    def __init__(self, clock):
        self.clock = clock
        self._value, self._at = "", -1e9

    def forget(self) -> None:
        """Look the date up again on the next call (the day changed)."""
        self._at = -1e9

    def iso(self) -> str:
        now = time.monotonic()
        if now - self._at > 60:
            self._value, self._at = self.clock.today().isoformat(), now
        return self._value


def persistent(index: QModelIndex) -> QPersistentModelIndex:
    return QPersistentModelIndex(index)
