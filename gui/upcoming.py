"""Upcoming: pending catalysts and reviews due across every thesis, overdue first, tickable in
place; a List | Roadmap switch shows the same horizon as one timeline of all theses."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import Retranslating
from gui.tables import RecordTable, catalyst_menu, install_catalyst_delegates


class UpcomingView(Retranslating, QWidget):
    open_thesis = Signal(int)      # the user double-clicked a row: show its thesis

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("upcomingView")
        self.model = None
        self.editor = None
        self.roadmap = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.list_button = QPushButton(objectName="upcomingListButton", checkable=True)
        self.roadmap_button = QPushButton(objectName="upcomingRoadmapButton", checkable=True)
        self.list_button.setChecked(True)
        self.roadmap_button.setEnabled(False)      # until install_charts gives it a roadmap
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.list_button)
        group.addButton(self.roadmap_button)
        self.summary = QLabel(objectName="upcomingSummary")
        self.reload_button = QPushButton(objectName="upcomingReload")
        top.addWidget(self.list_button)
        top.addWidget(self.roadmap_button)
        top.addWidget(self.summary, 1)
        top.addWidget(self.reload_button)
        layout.addLayout(top)
        from gui.models.upcoming import UpcomingModel
        # The table exists from the start (scripts find it by name); its model comes when the
        # page is first shown, since listing every pending catalyst costs time at start-up.
        self.table = RecordTable(None, "upcomingTable", self)
        install_catalyst_delegates(self.table, UpcomingModel)
        self.table.customContextMenuRequested.connect(self._menu)
        # Only the tick and status cells edit here; a double-click anywhere else opens.
        self.table.doubleClicked.connect(self._double_clicked)
        self.stack = QStackedWidget(objectName="upcomingStack")
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.reload_button.clicked.connect(self.reload)
        self.list_button.toggled.connect(lambda on: on and self.show_list())
        self.roadmap_button.toggled.connect(lambda on: on and self.show_roadmap())
        self.apply_language()

    def retranslate(self) -> None:
        self.list_button.setText(self.tr("&List"))
        self.roadmap_button.setText(self.tr("Road&map"))
        self.roadmap_button.setToolTip(self.tr("All theses' catalysts on one timeline, "
                                               "filterable by status and theme"))
        self.reload_button.setText(self.tr("Re&load"))
        self.reload_button.setToolTip(self.tr("Drop what was ticked and look again (F5)"))
        self._summarise()

    # -- List | Roadmap ----------------------------------------------------------------------
    def set_roadmap(self, widget) -> None:
        """The roadmap page (a LazyChart: pyqtgraph is imported when it is first shown)."""
        self.roadmap = widget
        self.stack.addWidget(widget)
        self.roadmap_button.setEnabled(True)

    def show_list(self) -> None:
        self.list_button.setChecked(True)
        self.stack.setCurrentWidget(self.table)

    def show_roadmap(self) -> None:
        if self.roadmap is None:
            return
        self.roadmap_button.setChecked(True)
        self.stack.setCurrentWidget(self.roadmap)

    # -- the list ----------------------------------------------------------------------------
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
        from gui.models.upcoming import is_review
        rows = self.model.records()
        reviews = sum(1 for r in rows if is_review(r))
        # A catalyst ticked here stays on the list (checked) until it is reloaded: it is
        # neither overdue nor due any more.
        pending = [c for c in rows if not is_review(c) and c.status == "pending"]
        overdue = sum(1 for c in pending if self.model.is_overdue(c))
        settled = len(rows) - reviews - len(pending)
        parts = [self.tr("%n overdue", None, overdue),
                 self.tr("%n due in the next {days} days", None, len(pending) - overdue).format(
                     days=self.model.days),
                 self.tr("%n review(s) due", None, reviews)]
        if settled:
            parts.append(self.tr("%n settled here (gone on Reload)", None, settled))
        parts.append(self.tr("double-click a row to open its thesis"))
        self.summary.setText(" · ".join(parts))

    def _double_clicked(self, index) -> None:
        from gui.models.upcoming import is_review
        record = self.model.record(index.row())
        if is_review(record) or index.column() not in (self.model.CHECK, self.model.STATUS):
            self.open_thesis.emit(record.thesis_id)

    def _menu(self, position) -> None:
        from gui.models.upcoming import is_review
        index = self.table.indexAt(position)
        record = self.model.record(index.row()) if index.isValid() and self.model else None
        if record is not None and is_review(record):
            menu = QMenu(self.table)
        else:
            menu = catalyst_menu(self.table, self.editor, position)
            if menu is None:
                return
            record = self.table.current_record()
            menu.addSeparator()
        menu.addAction(self.tr("Open thesis"), lambda: self.open_thesis.emit(record.thesis_id))
        menu.exec(self.table.viewport().mapToGlobal(position))
