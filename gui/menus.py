"""Menus, the toolbar and the File actions: databases, import, exports (with progress),
backups, About, Help ▸ Keyboard shortcuts.

Every action is declared once here with its text, shortcut, icon and tooltip (in the
"Menus" translation context); the toolbar shows the everyday ones (New thesis, Tick, Review,
Search, Upcoming, Export PDF) and Help ▸ Keyboard shortcuts lists every action that has a
shortcut, read from the actions themselves. Other features add File ▸ export entries with
``window.menus.add_export_action(action)``; they are placed after the PDF, Markdown and
calendar exports and before "Back up now".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QMessageBox, QStyledItemDelegate, QToolBar

from gui import desktop_actions
from gui.dialogs import Files, Messages
from gui.i18n import error_text, localize, translate
from model.errors import UserError

Key = QKeySequence.StandardKey
TOOLBAR = ("newThesis", "tickCatalyst", "reviewThesis", "find", "viewUpcoming",
           "actionExportPdf")


class Menus:
    """The window's menu bar and toolbar, declared in one place: ``actions`` by object name
    (scripts and tests trigger them), the menus themselves, and the two things other parts
    add to it: the File menu's export entries (``add_export_action``) and Open Recent
    (``refresh_recent``). ``retranslate()`` sets every text in the interface's language."""

    def __init__(self, window):
        self.window = window
        self.actions: dict[str, QAction] = {}
        # action -> (its text, its tooltip or None) in English: translated in retranslate()
        self._sources: dict[QAction, tuple[str, str | None]] = {}
        self._icons: dict[QAction, str] = {}        # action -> its icon's name
        self._menus: list[tuple[object, str]] = []
        bar = window.menuBar()
        add = self._add

        self.file = self._menu(bar, QT_TRANSLATE_NOOP("Menus", "&File"))
        add(self.file, QT_TRANSLATE_NOOP("Menus", "New &database…"),
            lambda: new_database(window), name="newDatabase")
        add(self.file, QT_TRANSLATE_NOOP("Menus", "&Open…"), lambda: open_database(window),
            Key.Open, "openDatabase")
        self.recent = self._menu(self.file, QT_TRANSLATE_NOOP("Menus", "Open &Recent"))
        self.refresh_recent()
        self.file.addSeparator()
        add(self.file, QT_TRANSLATE_NOOP("Menus", "&Import…"), lambda: import_file(window),
            QKeySequence("Ctrl+I"), "import", icon="import",
            tip=QT_TRANSLATE_NOOP("Menus", "Import a JSON bundle, a catalysts CSV or a "
                                           "market-catalyst-calendar dataset"))
        add(self.file, QT_TRANSLATE_NOOP("Menus", "Export &JSON…"), lambda: export_json(window),
            name="exportJson")
        add(self.file, QT_TRANSLATE_NOOP("Menus", "Export &PDF…"),
            lambda: _export(window, "export_pdf"), Key.Print, "actionExportPdf",
            icon="export-pdf",
            tip=QT_TRANSLATE_NOOP("Menus", "Export the selected thesis, the theses shown or "
                                           "all of them as a PDF"))
        add(self.file, QT_TRANSLATE_NOOP("Menus", "Export &Markdown…"),
            lambda: _export(window, "export_markdown"), name="actionExportMarkdown")
        calendar = add(self.file, QT_TRANSLATE_NOOP("Menus", "Export &Calendar…"),
                       lambda: _export(window, "export_calendar"), name="actionExportCalendar")
        self.actions["exportCalendar"] = calendar     # the one calendar export (#5)
        # Export entries of other features go before this line.
        self.exports_end = self.file.addSeparator()
        add(self.file, QT_TRANSLATE_NOOP("Menus", "&Back up now"), lambda: back_up(window),
            name="backUp")
        self.file.addSeparator()
        add(self.file, QT_TRANSLATE_NOOP("Menus", "&Quit"), window.close, Key.Quit, "quit")

        self.edit = self._menu(bar, QT_TRANSLATE_NOOP("Menus", "&Edit"))
        # Undo and redo ask the model; their texts name the step ("Undo Tick “…”").
        editor = window.editor
        self.undo = add(self.edit, QT_TRANSLATE_NOOP("Menus", "&Undo"), editor.undo, Key.Undo,
                        "undo", icon="undo")
        self.redo = add(self.edit, QT_TRANSLATE_NOOP("Menus", "&Redo"), editor.redo, Key.Redo,
                        "redo", icon="redo")
        # Ctrl+Y as well, wherever the platform's Redo is only Ctrl+Shift+Z (Linux desktops).
        redo_keys = QKeySequence.keyBindings(Key.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            self.redo.setShortcuts([*redo_keys, QKeySequence("Ctrl+Y")])
        editor.undo_changed.connect(self.follow_undo)
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "Undo &History…"),
            lambda: show_undo_history(window), name="undoHistory")
        self.edit.addSeparator()
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "&New thesis…"), window.new_thesis, Key.New,
            "newThesis", icon="new-thesis",
            tip=QT_TRANSLATE_NOOP("Menus", "Write down a new investment thesis"))
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "&Delete thesis…"), window.delete_thesis,
            QKeySequence("Ctrl+Shift+Del"), "deleteThesis", icon="delete",
            tip=QT_TRANSLATE_NOOP("Menus", "Delete the selected thesis with everything in it "
                                           "(Undo brings it back)"))
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "&Tick catalyst…"), window.tick_selected,
            QKeySequence("Ctrl+T"), "tickCatalyst", icon="tick",
            tip=QT_TRANSLATE_NOOP("Menus", "Tick off the selected catalyst: when it happened "
                                           "and what came of it"))
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "Re&view thesis…"), window.review_thesis,
            QKeySequence("Ctrl+Shift+R"), "reviewThesis", icon="review",
            tip=QT_TRANSLATE_NOOP("Menus", "Review the selected thesis: a note, any change of "
                                           "conviction or status, the next review date"))
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "Remove de&mo theses…"),
            lambda: desktop_actions.remove_demo(window), name="removeDemo")
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "&Companies…"),
            lambda: show_companies(window), QKeySequence("Ctrl+Shift+K"), "companies")
        self.edit.addSeparator()
        add(self.edit, QT_TRANSLATE_NOOP("Menus", "&Find"), window.focus_search, Key.Find,
            "find", icon="search",
            tip=QT_TRANSLATE_NOOP("Menus", "Search every thesis, catalyst, risk, company and "
                                           "source"))

        self.view = self._menu(bar, QT_TRANSLATE_NOOP("Menus", "&View"))
        add(self.view, QT_TRANSLATE_NOOP("Menus", "&Theses"),
            lambda: window.pages.setCurrentIndex(0), QKeySequence("Ctrl+1"), "viewTheses")
        add(self.view, QT_TRANSLATE_NOOP("Menus", "&Upcoming"), window.show_upcoming,
            QKeySequence("Ctrl+2"), "viewUpcoming", icon="upcoming",
            tip=QT_TRANSLATE_NOOP("Menus", "Catalysts and reviews due, overdue first, across "
                                           "every thesis"))
        add(self.view, QT_TRANSLATE_NOOP("Menus", "&Reload Upcoming"), window.upcoming.reload,
            Key.Refresh, "reloadUpcoming")
        self.view.addSeparator()
        add(self.view, QT_TRANSLATE_NOOP("Menus", "Show the &toolbar"),
            lambda: self.toolbar.setVisible(self.actions["showToolbar"].isChecked()),
            name="showToolbar")
        add(self.view, QT_TRANSLATE_NOOP("Menus", "Desktop re&minders"),
            lambda: desktop_actions.toggle_reminders(window), name="reminders")
        add(self.view, QT_TRANSLATE_NOOP("Menus", "&Language…"),
            lambda: desktop_actions.choose_language(window), name="language")

        self.help = self._menu(bar, QT_TRANSLATE_NOOP("Menus", "&Help"))
        add(self.help, QT_TRANSLATE_NOOP("Menus", "&Keyboard shortcuts"),
            lambda: show_shortcuts(window), QKeySequence("Ctrl+/"), "shortcuts")
        add(self.help, QT_TRANSLATE_NOOP("Menus", "Open &log folder"),
            lambda: desktop_actions.open_log_folder(window), name="openLogFolder")
        add(self.help, QT_TRANSLATE_NOOP("Menus", "&About Thesis Tracker"),
            lambda: about(window), name="about")

        self.toolbar = self._toolbar()
        show = self.actions["showToolbar"]
        show.setCheckable(True)
        show.setChecked(True)
        self.toolbar.toggleViewAction().toggled.connect(show.setChecked)

    # -- declaring -----------------------------------------------------------------------------
    def _menu(self, parent, title: str):
        menu = parent.addMenu(title)
        self._menus.append((menu, title))
        return menu

    def _add(self, menu, text, slot, shortcut=None, name=None, *, icon: str | None = None,
             tip: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if name:
            action.setObjectName(name)
            self.actions[name] = action
        if icon is not None:
            self._icons[action] = icon
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self._sources[action] = (text, tip)
        return action

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(objectName="mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in TOOLBAR:
            bar.addAction(self.actions[name])
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        # The toolbar's icons are drawn now (the first paint shows them); the menus' own when
        # a menu first opens.
        self.draw_icons([self.actions[name] for name in TOOLBAR])
        for menu, _title in self._menus:
            menu.aboutToShow.connect(lambda m=menu: self.draw_icons(m.actions()))
        return bar

    def draw_icons(self, actions=None) -> None:
        """Draw (or, after the palette changed, draw again) the icons of ``actions`` (None:
        every action whose icon was drawn before) in the palette's text colour."""
        from gui.assets import tinted_icon
        for action in (actions if actions is not None
                       else [a for a in self._icons if not a.icon().isNull()]):
            name = self._icons.get(action)
            if name is not None and (actions is None or action.icon().isNull()):
                action.setIcon(tinted_icon(name))

    def retranslate(self) -> None:
        for menu, title in self._menus:
            menu.setTitle(translate("Menus", title))
        for action, (text, tip) in self._sources.items():
            action.setText(translate("Menus", text))
            shown = translate("Menus", tip) if tip else action.text().replace("&", "")
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            # The toolbar's tooltip says the shortcut too (menus show it beside the text).
            action.setToolTip(f"{shown} ({keys})" if keys else shown)
        self.toolbar.setWindowTitle(translate("Menus", "Toolbar"))
        self.follow_undo()

    # -- what other parts add ------------------------------------------------------------------
    def add_export_action(self, action: QAction) -> None:
        """A File ▸ Export entry, after the exports above and before Back up now."""
        self.file.insertAction(self.exports_end, action)
        if action.objectName():
            self.actions[action.objectName()] = action

    def follow_undo(self) -> None:
        editor = self.window.editor
        self.undo.setText(editor.undo_text())
        self.undo.setEnabled(editor.can_undo())
        self.redo.setText(editor.redo_text())
        self.redo.setEnabled(editor.can_redo())

    def refresh_recent(self) -> None:
        self.recent.clear()
        files = self.window.recent_files()
        for path in files:
            self.recent.addAction(path, lambda p=path: self.window.open_database(p))
        self.recent.setEnabled(bool(files))

    def shortcuts(self) -> list[tuple[str, str, str]]:
        """(menu, action, keys) of every action with a shortcut, in menu order: what Help ▸
        Keyboard shortcuts lists, read from the actions (they cannot drift apart)."""
        rows = []
        for menu, _title in self._menus:
            for action in menu.actions():
                keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                                 for key in action.shortcuts())     # Redo: Ctrl+Shift+Z, Ctrl+Y
                if keys and action.menu() is None:
                    rows.append((plain_text(menu.title()), plain_text(action.text()), keys))
        return rows


def plain_text(text: str) -> str:
    """A menu text as a list shows it: no mnemonic ("&File", "文件(&F)") and no "…"."""
    import re
    return re.sub(r"\(&\w\)|&(?=\w)", "", text).rstrip("…").strip()


def _export(window, name: str):
    """File ▸ Export PDF / Markdown / Calendar: the export module loads when first used."""
    from gui.export import dialogs
    return getattr(dialogs, name)(window)


def show_companies(window) -> None:
    """Edit ▸ Companies…: correct, see where each is used, merge duplicates (#12)."""
    from gui.companies import CompaniesDialog
    CompaniesDialog.show_for(window)


def show_shortcuts(window):
    """Help ▸ Keyboard shortcuts (#13)."""
    from gui.shortcuts import ShortcutsDialog
    return ShortcutsDialog.show_for(window)


def show_undo_history(window) -> None:
    """Every step of this session, newest at the bottom; click one to go back to it. Steps
    undone (which Redo brings back) are grey and slanted, below the current one."""
    from PySide6.QtWidgets import QDialog, QLabel, QUndoView, QVBoxLayout
    dialog = window.undo_history_dialog
    if dialog is None:
        dialog = QDialog(window, objectName="undoHistoryDialog")
        layout = QVBoxLayout(dialog)
        hint = QLabel(dialog, objectName="undoHistoryHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        view = QUndoView(window.undo_stack, dialog)
        view.setObjectName("undoHistoryView")
        view.setItemDelegate(UndoneSteps(window.undo_stack, view))
        window.undo_stack.indexChanged.connect(view.viewport().update)
        layout.addWidget(view)
        dialog.resize(dialog.fontMetrics().horizontalAdvance("M") * 44,
                      dialog.fontMetrics().height() * 26)
        window.undo_history_dialog = dialog
    dialog.findChild(QLabel, "undoHistoryHint").setText(translate(
        "Menus", "Click a step to go back to it. Steps in grey are undone: Redo, or a click on "
                 "one, brings them back."))
    dialog.setWindowTitle(translate("Menus", "Undo History"))
    dialog.findChild(QUndoView).setEmptyLabel(translate("Menus", "<opened>"))
    dialog.show()
    dialog.raise_()


class UndoneSteps(QStyledItemDelegate):
    """Undo History's rows: a step below the current one (undone, Redo brings it back) is
    drawn grey and slanted, so the list says which steps are in effect."""

    def __init__(self, stack, parent=None):
        super().__init__(parent)
        self.stack = stack

    def initStyleOption(self, option, index) -> None:     # noqa: N802 - Qt naming
        super().initStyleOption(option, index)
        if index.row() > self.stack.index():        # row 0 is the state when opened
            option.font.setItalic(True)
            grey = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            option.palette.setColor(QPalette.ColorRole.Text, grey)
            option.palette.setColor(QPalette.ColorRole.HighlightedText, grey)


# -- file actions ----------------------------------------------------------------------------
def _database_filter() -> str:
    return translate("Menus", "Thesis Tracker database (*.sqlite3 *.db)")


def new_database(window) -> bool:
    path = Files.save(window, translate("Menus", "New database"), _database_filter(),
                      "theses.sqlite3")
    if not path:
        return False
    if Path(path).exists():
        Messages.error(window, translate("Menus", "{path} already exists: use File ▸ Open to "
                                                  "open it.").format(path=path))
        return False
    return window.open_database(path)


def open_database(window) -> bool:
    path = Files.open(window, translate("Menus", "Open database"),
                      _database_filter() + ";;" + translate("Menus", "All files (*)"))
    return bool(path) and window.open_database(path)


def _long(window, label, fn):
    """Run long work on a connection of its own behind a progress dialog; errors (and
    cancelling) become a message."""
    try:
        return window.tasks.run_on_own_tracker(window, label, window.tracker.path,
                                               window.tracker.clock, fn)
    except UserError as exc:
        Messages.error(window, error_text(exc))
        return None


def import_file(window):
    """File ▸ Import: a JSON bundle, a catalysts CSV, or a market-catalyst-calendar dataset
    (JSON or CSV, recognised by its content, #7). All or nothing: a bad file lists its
    problems in the error dialog and writes nothing; a good one is one undoable step."""
    if window.tracker is None:
        return None
    path = Files.open(window, translate("Menus", "Import"),
                      translate("Menus", "JSON bundle, catalysts CSV or "
                                         "market-catalyst-calendar dataset (*.json *.csv)")
                      + ";;" + translate("Menus", "All files (*)"))
    if not path:
        return None
    # The import runs on a connection of its own (the window keeps painting; Cancel rolls it
    # back); its undo step then joins this window's, so Edit ▸ Undo takes the import back.
    result = _long(window, translate("Menus", "Importing {name}…").format(name=Path(path).name),
                   lambda tracker: tracker.ops.import_file(path))
    if result is None:
        return None
    window.tracker.adopt(result)
    window.statusBar().showMessage(localize(result.value), 10000)
    return result.value


def export_json(window):
    if window.tracker is None:
        return None
    from gui.export.dialogs import export_folder, remember_export_folder
    path = Files.save(window, translate("Menus", "Export JSON"),
                      translate("Menus", "JSON bundle (*.json)"),
                      str(export_folder(window.settings) / "theses.json"))
    if not path:
        return None
    from model.interchange.bundle import write_bundle
    bundle = _long(window, translate("Menus", "Exporting JSON…"),
                   lambda tracker: write_bundle(tracker, path))
    if bundle is not None:
        remember_export_folder(window.settings, path)
        theses = len(bundle["theses"])
        window.statusBar().showMessage(
            translate("Menus", "Exported %n thesis(es) to {path}.", None, theses).format(
                path=path), 10000)
    return bundle


def back_up(window):
    if window.tracker is None:
        return None
    try:
        path = window.tracker.backup()
    except UserError as exc:
        Messages.error(window, error_text(exc))
        return None
    window.statusBar().showMessage(translate("Menus", "Backed up to {path}.").format(path=path),
                                   10000)
    return path


def about(window) -> None:
    from html import escape

    from gui.app import versions
    QMessageBox.about(window, translate("Menus", "About Thesis Tracker"),
                      "<b>Thesis Tracker</b><br>"
                      + escape(translate("Menus", "Investment theses, their beneficiaries, "
                                                  "risks and dated catalysts in one local "
                                                  "SQLite file."))
                      + "<br><br>" + versions().replace("\n", "<br>"))
