"""A table of one kind of record with Add/Remove buttons and keys (Insert, Delete asks first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
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
from gui.i18n import Retranslating, translate, word
from gui.models.parts import ThesisPartModel
from model.constants import CATALYST_STATUSES, RISK_STATUSES


class RecordTable(QTableView):
    """The view: Insert adds, Delete removes (after asking), Enter/F2 edits.

    Over a model with a new row (a draft, ``ThesisPartModel.start_draft``) it is the view that
    decides when the row is done: Enter, or leaving the row, stores it once complete; Escape
    on a row never filled removes it, and nothing is stored or put on the undo stack."""

    add_requested = Signal()        # the user pressed Insert
    remove_requested = Signal()     # the user pressed Delete
    draft_committed = Signal(object)    # the record a new row became
    columns_changed = Signal()          # a column shown or hidden from the header's menu

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

    # -- the new row -------------------------------------------------------------------------
    def _drafting(self) -> ThesisPartModel | None:
        model = self.model()
        if isinstance(model, ThesisPartModel) and model.draft is not None:
            return model
        return None

    def finish_editing(self) -> None:
        """Keep what is typed in an open cell before the rows change under it (another thesis
        is shown): the text goes into the model (a new row's draft keeps it), and the editor
        closes now rather than committing later into rows that are gone."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.viewport():
            editor = editor.parentWidget()
        if editor is None:      # the focus went elsewhere first: the open editor, if any
            editor = next((w for w in self.viewport().findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if w.isVisible()), None)
        if editor is None:
            return
        self.commitData(editor)
        # The view's own close: no new-row logic (storing it, or moving to what it lacks).
        QTableView.closeEditor(self, editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def closeEditor(self, editor, hint) -> None:        # noqa: N802 - Qt naming
        model = self._drafting()
        on_draft = model is not None and model.is_draft(self.currentIndex().row())
        super().closeEditor(editor, hint)
        if not on_draft or model.draft is None:
            return
        Hint = QAbstractItemDelegate.EndEditHint
        if hint == Hint.RevertModelCache:
            if model.draft.empty():
                model.discard_draft()
        elif hint in (Hint.SubmitModelCache, Hint.NoHint):
            self.commit_draft()
        elif not model.is_draft(self.currentIndex().row()):
            self.commit_draft()             # Tab went past the new row's last cell

    def currentChanged(self, current, previous) -> None:   # noqa: N802 - Qt naming
        super().currentChanged(current, previous)
        model = self._drafting()
        if (model is not None and previous.isValid() and model.is_draft(previous.row())
                and current.row() != previous.row()):
            # Leaving the new row: store it if complete (later, not while Qt moves the cursor).
            QTimer.singleShot(0, self, self.commit_draft)   # dropped with the table

    def commit_draft(self) -> None:
        """Store the new row if it is complete; otherwise put the cursor on what it lacks."""
        model = self._drafting()
        if model is None or self.state() == QAbstractItemView.State.EditingState:
            return
        if not model.draft.complete():
            if model.is_draft(self.currentIndex().row()):
                missing = next(name for name in model.draft.required
                               if not str(model.draft.values.get(name) or "").strip())
                column = next(i for i, c in enumerate(model.columns) if c.field == missing)
                index = model.index(model.draft_row(), column)
                self.setCurrentIndex(index)
                self.edit(index)
            return
        record = model.commit_draft()
        if record is not None:
            self.draft_committed.emit(record)

    def focusOutEvent(self, event) -> None:                # noqa: N802 - Qt naming
        super().focusOutEvent(event)
        model = self._drafting()
        focus = QApplication.focusWidget()
        if (model is not None and model.draft.complete()
                and self.state() != QAbstractItemView.State.EditingState
                and not self.isAncestorOf(focus)
                # Not for a message box or dialog taking the focus (the one saying why the
                # row was refused: storing it again said so a second time).
                and (focus is None or focus.window() is self.window())):
            QTimer.singleShot(0, self, self.commit_draft)   # dropped with the table

    def keyPressEvent(self, event):
        model = self._drafting()
        if (model is not None and self.state() != QAbstractItemView.State.EditingState
                and model.is_draft(self.currentIndex().row())
                and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Delete)):
            model.discard_draft()           # nothing of it was stored
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Insert:
                self.add_requested.emit()
                return
            if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Delete:
                self.remove_requested.emit()
                return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:                  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            model = self.model()
            while hasattr(model, "sourceModel"):
                model = model.sourceModel()
            if hasattr(model, "retranslate"):
                model.retranslate()         # headers and cells in the new language
        super().changeEvent(event)

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

    # -- the columns shown ---------------------------------------------------------------------
    def offer_column_choice(self) -> None:
        """A right click on the header offers the columns to show or hide (the first, which
        names the record, always shows); ``columns_changed`` tells whoever remembers them."""
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._exec_column_menu)

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        model, header = self.model(), self.horizontalHeader()
        for column in range(model.columnCount() if model is not None else 0):
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
        return menu

    def _exec_column_menu(self, position) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()

    def show_column(self, column: int, shown: bool) -> None:
        if column == 0 or self.isColumnHidden(column) != shown:
            return
        self.setColumnHidden(column, not shown)
        self.columns_changed.emit()

    def hidden_columns(self) -> list[int]:
        model = self.model()
        return [c for c in range(model.columnCount() if model is not None else 0)
                if self.isColumnHidden(c)]

    def hide_columns(self, columns) -> None:
        """Hide exactly these columns (others show): what a saved choice brings back. Values
        that name no column (a setting from another version) are ignored."""
        model = self.model()
        count = model.columnCount() if model is not None else 0
        wanted = set()
        for value in columns or ():
            try:
                wanted.add(int(value))
            except (TypeError, ValueError):
                continue
        for column in range(1, count):
            self.setColumnHidden(column, column in wanted)

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


class PartPanel(Retranslating, QWidget):
    """A RecordTable with Add/Remove buttons wired to callbacks; remove asks first. ``noun``
    is one of model.messages.VOCABULARY ("catalyst"), shown in the interface's language."""

    def __init__(self, table: RecordTable, *, noun: str, add: Callable[[], object],
                 remove: Callable[[object], object], label: Callable[[object], str],
                 parent=None):
        super().__init__(parent)
        self.table, self.noun = table, noun
        self._add, self._remove, self._label = add, remove, label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"add_{noun}")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName(f"remove_{noun}")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(table)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        table.add_requested.connect(self.add)
        table.remove_requested.connect(self.remove)
        table.draft_committed.connect(self.select)
        self.apply_language()

    def retranslate(self) -> None:
        noun = word(self.noun)
        self.add_button.setText(self.tr("Add {noun}").format(noun=noun))
        self.add_button.setToolTip(self.tr("Add a {noun} (Insert)").format(noun=noun))
        self.remove_button.setText(self.tr("Remove {noun}").format(noun=noun))
        self.remove_button.setToolTip(self.tr("Remove the selected {noun} (Delete)").format(
            noun=noun))

    def add(self) -> None:
        """A new row to type into (catalysts, risks, sources), or the add dialog; the new
        record is then selected, with an editor open only on a cell that can be edited."""
        model = self.table.model()
        if isinstance(model, ThesisPartModel) and model.draft_fields:
            if model.creator is None:
                model.creator = self._add
            row = model.start_draft()
            if row is None:
                return
            column = next(i for i, c in enumerate(model.columns)
                          if c.field == model.draft_fields[0])
            index = model.index(row, column)
            self.table.setFocus()
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.edit(index)
            return
        added = self._add()
        if added not in (None, False, True):
            self.select(added)

    def select(self, record) -> None:
        model = self.table.model()
        index = model.index_of(record.id)
        if not index.isValid():
            return
        editable = next((c for c in range(model.columnCount())
                         if model.flags(model.index(index.row(), c))
                         & Qt.ItemFlag.ItemIsEditable), None)
        self.table.setCurrentIndex(index if editable is None
                                   else model.index(index.row(), editable))
        self.table.scrollTo(index)

    def remove(self) -> None:
        model = self.table.model()
        if isinstance(model, ThesisPartModel) and model.is_draft(self.table.currentIndex().row()):
            model.discard_draft()           # a new row not stored yet: nothing to ask
            return
        record = self.table.current_record()
        if record is None:
            return
        if Messages.confirm(self, self.tr("Remove the {noun} “{name}”?\n(Edit ▸ Undo brings it "
                                          "back.)").format(noun=word(self.noun),
                                                           name=self._label(record))):
            self._remove(record)


def install_catalyst_delegates(table: RecordTable, model) -> None:
    table.setItemDelegateForColumn(model.EXPECTED, WindowDelegate(table))
    table.setItemDelegateForColumn(model.STATUS, ComboDelegate(CATALYST_STATUSES, table,
                                                               words=True))
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
    for status, text in (("done", QT_TRANSLATE_NOOP("Catalysts", "Tick off…")),
                         ("missed", QT_TRANSLATE_NOOP("Catalysts", "Mark missed…")),
                         ("cancelled", QT_TRANSLATE_NOOP("Catalysts", "Mark cancelled…")),
                         ("pending", QT_TRANSLATE_NOOP("Catalysts", "Reopen (pending)"))):
        action = QAction(translate("Catalysts", text), menu)
        action.setEnabled(record.status != status)
        action.triggered.connect(lambda _=False, s=status, r=record: editor.tick(r, s))
        menu.addAction(action)
    return menu


def install_risk_delegates(table: RecordTable, model) -> None:
    table.setItemDelegateForColumn(model.SEVERITY, ScoreDelegate(table))
    table.setItemDelegateForColumn(model.LIKELIHOOD, ScoreDelegate(table))
    table.setItemDelegateForColumn(model.STATUS, ComboDelegate(RISK_STATUSES, table,
                                                               words=True))
