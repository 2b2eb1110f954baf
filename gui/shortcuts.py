"""Help ▸ Keyboard shortcuts (#13): every menu action's keys, read from the actions themselves
(``Menus.shortcuts``) so the list cannot drift from what the keys do, then the keys that work
inside tables and fields (their handlers are not actions: each is listed where it is
handled, in ``TABLE_KEYS``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from gui.i18n import translate

# (keys, what they do) in tables and fields: gui/tables.py (Insert, Delete, F2, Escape),
# gui/models/parts.py (Space on Done), gui/date_field.py (Alt+Down), gui/dialogs.py
# (Ctrl+Enter in the review dialog).
TABLE_KEYS = (
    ("Ins", QT_TRANSLATE_NOOP("Shortcuts", "Add a row to the table (a new thesis in the "
                                           "list)")),
    ("Del", QT_TRANSLATE_NOOP("Shortcuts", "Remove the selected row, after asking")),
    ("F2", QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected cell")),
    ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "Cancel a new row you have not filled in")),
    ("Space", QT_TRANSLATE_NOOP("Shortcuts", "Tick the catalyst (on its Done box)")),
    ("Alt+Down", QT_TRANSLATE_NOOP("Shortcuts", "Open the calendar of a date field")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "Record the review from its note")),
)


class ShortcutsDialog(QDialog):
    """Menu, action and keys, one row each; not modal, so it can stay open beside the work."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(objectName="shortcutsList")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("Shortcuts", "Action"),
                                   translate("Shortcuts", "Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, action, keys in window.menus.shortcuts():
            group = groups.get(menu)
            if group is None:
                group = groups[menu] = self._heading(menu)
            QTreeWidgetItem(group, [action, keys])
        group = self._heading(translate("Shortcuts", "In tables and fields"))
        from PySide6.QtGui import QKeySequence
        for keys, what in TABLE_KEYS:
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            QTreeWidgetItem(group, [translate("Shortcuts", what), shown])
        self.tree.expandAll()
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _heading(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [text])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) of every row under a heading (tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out += [(group.child(j).text(0), group.child(j).text(1))
                    for j in range(group.childCount())]
        return out

    @classmethod
    def show_for(cls, window) -> ShortcutsDialog:
        dialog = cls(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
