"""A table of one kind of record with Add/Remove buttons and keys (Insert, Delete asks first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.delegates import ComboDelegate, ScoreDelegate, TextDelegate, WindowDelegate
from gui.dialogs import Messages
from model.constants import CATALYST_STATUSES, RISK_STATUSES


class RecordTable(QTableView):
    """The view: Insert adds, Delete removes (after asking), Enter/F2 edits."""

    add_requested = Signal()        # the user pressed Insert
    remove_requested = Signal()     # the user pressed Delete

    def __init__(self, model, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setModel(model)
        self.setItemDelegate(TextDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)

    def keyPressEvent(self, event):
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Insert:
                self.add_requested.emit()
                return
            if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Delete:
                self.remove_requested.emit()
                return
        super().keyPressEvent(event)

    def current_record(self):
        index = self.currentIndex()
        if not index.isValid():
            rows = self.selectionModel().selectedRows() if self.selectionModel() else []
            if not rows:
                return None
            index = rows[0]
        source = self.model()
        while hasattr(source, "mapToSource"):
            index = source.mapToSource(index)
            source = source.sourceModel()
        return source.record(index.row()) if index.isValid() else None

    def fit_columns(self, widths: dict[int, int]) -> None:
        """Initial widths in characters, so the layout scales with the font (150 % too), and
        never narrower than the column's header."""
        unit = self.fontMetrics().horizontalAdvance("M")
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        room = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 2
        model = self.model()
        for column, chars in widths.items():
            title = model.headerData(column, Qt.Orientation.Horizontal) if model else None
            needed = metrics.horizontalAdvance(str(title)) + room if title else 0
            self.setColumnWidth(column, max(chars * unit, needed))


class PartPanel(QWidget):
    """A RecordTable with Add/Remove buttons wired to callbacks; remove asks first."""

    def __init__(self, table: RecordTable, *, noun: str, add: Callable[[], object],
                 remove: Callable[[object], object], label: Callable[[object], str],
                 parent=None):
        super().__init__(parent)
        self.table, self.noun = table, noun
        self._add, self._remove, self._label = add, remove, label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(f"Add {noun}")
        self.add_button.setObjectName(f"add_{noun}")
        self.add_button.setToolTip(f"Add a {noun} (Insert)")
        self.remove_button = QPushButton(f"Remove {noun}")
        self.remove_button.setObjectName(f"remove_{noun}")
        self.remove_button.setToolTip(f"Remove the selected {noun} (Delete)")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(table)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        table.add_requested.connect(self.add)
        table.remove_requested.connect(self.remove)

    def add(self) -> None:
        added = self._add()
        if added not in (None, False, True):
            index = self.table.model().index_of(added.id, 1 if self.noun == "catalyst" else 0)
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.edit(index)

    def remove(self) -> None:
        record = self.table.current_record()
        if record is None:
            return
        if Messages.confirm(self, f"Remove the {self.noun} “{self._label(record)}”?\n"
                                  f"(Edit ▸ Undo brings it back.)"):
            self._remove(record)


def install_catalyst_delegates(table: RecordTable, model) -> None:
    table.setItemDelegateForColumn(model.EXPECTED, WindowDelegate(table))
    table.setItemDelegateForColumn(model.STATUS, ComboDelegate(CATALYST_STATUSES, table))
    table.setItemDelegateForColumn(model.IMPACT, ComboDelegate(("+", "-"), table))
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)


def catalyst_menu(table: RecordTable, editor, position) -> QMenu | None:
    """Tick off, missed, cancelled, reopen: the ways a catalyst ends (or comes back)."""
    index = table.indexAt(position)
    if index.isValid():
        table.setCurrentIndex(index)
    record = table.current_record()
    if record is None:
        return None
    menu = QMenu(table)
    for status, text in (("done", "Tick off…"), ("missed", "Mark missed…"),
                         ("cancelled", "Mark cancelled…"), ("pending", "Reopen (pending)")):
        action = QAction(text, menu)
        action.setEnabled(record.status != status)
        action.triggered.connect(lambda _=False, s=status, r=record: editor.tick(r, s))
        menu.addAction(action)
    return menu


def install_risk_delegates(table: RecordTable, model) -> None:
    table.setItemDelegateForColumn(model.SEVERITY, ScoreDelegate(table))
    table.setItemDelegateForColumn(model.LIKELIHOOD, ScoreDelegate(table))
    table.setItemDelegateForColumn(model.STATUS, ComboDelegate(RISK_STATUSES, table))
