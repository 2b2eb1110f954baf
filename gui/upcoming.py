"""Upcoming: pending catalysts across every thesis, overdue first, tickable in place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.tables import RecordTable, catalyst_menu, install_catalyst_delegates


class UpcomingView(QWidget):
    open_thesis = Signal(int)      # the user double-clicked a catalyst: show its thesis

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("upcomingView")
        self.model = None
        self.editor = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(objectName="upcomingSummary")
        self.reload_button = QPushButton("Re&load")
        self.reload_button.setToolTip("Drop what was ticked and look again (F5)")
        top.addWidget(self.summary, 1)
        top.addWidget(self.reload_button)
        layout.addLayout(top)
        from gui.models.parts import UpcomingModel
        # The table exists from the start (scripts find it by name); its model comes when the
        # page is first shown, since listing every pending catalyst costs time at start-up.
        self.table = RecordTable(None, "upcomingTable", self)
        install_catalyst_delegates(self.table, UpcomingModel)
        self.table.customContextMenuRequested.connect(self._menu)
        # Only the tick and status cells edit here; a double-click anywhere else opens.
        self.table.doubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)
        self.reload_button.clicked.connect(self.reload)

    def set_model(self, model, editor) -> None:
        self.model, self.editor = model, editor
        self.table.setModel(model)
        if model is None:
            self.summary.clear()
            return
        self.table.fit_columns({0: 4, 1: 26, 2: 26, 3: 10, 4: 20, 5: 8, 6: 8, 7: 4})
        model.rowsInserted.connect(self._summarise)
        model.rowsRemoved.connect(self._summarise)
        model.dataChanged.connect(self._summarise)
        model.modelReset.connect(self._summarise)
        self._summarise()

    def reload(self) -> None:
        if self.model is not None:
            self.model.reload()

    def _summarise(self, *args) -> None:
        if self.model is None:
            return
        rows = self.model.records()
        today = self.model.today_iso
        overdue = sum(1 for c in rows if c.status == "pending" and c.window_end < today)
        self.summary.setText(f"{overdue} overdue · {len(rows) - overdue} due in the next "
                             f"{self.model.days} days · double-click a row to open its thesis")

    def _double_clicked(self, index) -> None:
        if index.column() not in (self.model.CHECK, self.model.STATUS):
            self.open_thesis.emit(self.model.record(index.row()).thesis_id)

    def _menu(self, position) -> None:
        menu = catalyst_menu(self.table, self.editor, position)
        if menu is None:
            return
        record = self.table.current_record()
        menu.addSeparator()
        menu.addAction("Open thesis", lambda: self.open_thesis.emit(record.thesis_id))
        menu.exec(self.table.viewport().mapToGlobal(position))
