"""Menus and the File actions: databases, import, exports (with progress), backups, About.

Other features add File ▸ export entries with ``window.menus.add_export_action(action)``; they
are placed after "Export JSON…" and before "Back up now" (gui/export adds PDF, Markdown and
Calendar there).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from gui import desktop_actions
from gui.dialogs import Files, Messages
from model.errors import UserError

Key = QKeySequence.StandardKey


class Menus:
    """The window's menu bar, declared in one place: ``actions`` by object name (scripts and
    tests trigger them), the menus themselves, and the two things other parts add to it: the
    File menu's export entries (``add_export_action``) and Open Recent (``refresh_recent``)."""

    def __init__(self, window):
        self.window = window
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()
        add = self._add

        self.file = bar.addMenu("&File")
        add(self.file, "New &database…", lambda: new_database(window), name="newDatabase")
        add(self.file, "&Open…", lambda: open_database(window), Key.Open, "openDatabase")
        self.recent = self.file.addMenu("Open &Recent")
        self.refresh_recent()
        self.file.addSeparator()
        add(self.file, "&Import…", lambda: import_file(window), name="import")
        add(self.file, "Export &JSON…", lambda: export_json(window), name="exportJson")
        # Export entries of other features (PDF, Markdown, calendar) go before this line.
        self.exports_end = self.file.addSeparator()
        add(self.file, "&Back up now", lambda: back_up(window), name="backUp")
        self.file.addSeparator()
        add(self.file, "&Quit", window.close, Key.Quit, "quit")

        self.edit = bar.addMenu("&Edit")
        # Undo and redo ask the model; their texts name the step ("Undo Tick “…”").
        editor = window.editor
        self.undo = add(self.edit, "&Undo", editor.undo, Key.Undo, "undo")
        self.redo = add(self.edit, "&Redo", editor.redo, Key.Redo, "redo")
        # Ctrl+Y as well, wherever the platform's Redo is only Ctrl+Shift+Z (Linux desktops).
        redo_keys = QKeySequence.keyBindings(Key.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            self.redo.setShortcuts([*redo_keys, QKeySequence("Ctrl+Y")])
        editor.undo_changed.connect(self.follow_undo)
        self.follow_undo()
        add(self.edit, "Undo &History…", lambda: show_undo_history(window), name="undoHistory")
        self.edit.addSeparator()
        add(self.edit, "&New thesis…", window.new_thesis, Key.New, "newThesis")
        add(self.edit, "&Delete thesis…", window.delete_thesis, QKeySequence("Ctrl+Shift+Del"),
            "deleteThesis")
        add(self.edit, "Re&view thesis…", window.review_thesis, QKeySequence("Ctrl+Shift+R"),
            "reviewThesis")
        add(self.edit, "Remove de&mo theses…", lambda: desktop_actions.remove_demo(window),
            name="removeDemo")
        add(self.edit, "&Companies…", lambda: show_companies(window),
            QKeySequence("Ctrl+Shift+K"), "companies")
        self.edit.addSeparator()
        add(self.edit, "&Find", window.focus_search, Key.Find, "find")

        self.view = bar.addMenu("&View")
        add(self.view, "&Theses", lambda: window.pages.setCurrentIndex(0),
            QKeySequence("Ctrl+1"), "viewTheses")
        add(self.view, "&Upcoming", window.show_upcoming, QKeySequence("Ctrl+2"),
            "viewUpcoming")
        add(self.view, "&Reload Upcoming", window.upcoming.reload, Key.Refresh,
            "reloadUpcoming")
        add(self.view, "Desktop re&minders", lambda: desktop_actions.toggle_reminders(window),
            name="reminders")
        add(self.view, "&Language…", lambda: desktop_actions.choose_language(window),
            name="language")

        self.help = bar.addMenu("&Help")
        add(self.help, "Open &log folder", lambda: desktop_actions.open_log_folder(window),
            name="openLogFolder")
        add(self.help, "&About Thesis Tracker", lambda: about(window), name="about")

    def _add(self, menu, text, slot, shortcut=None, name=None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if name:
            action.setObjectName(name)
            self.actions[name] = action
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def add_export_action(self, action: QAction) -> None:
        """A File ▸ Export entry, after Export JSON and before Back up now."""
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


def show_companies(window) -> None:
    """Edit ▸ Companies…: correct, see where each is used, merge duplicates (#12)."""
    from gui.companies import CompaniesDialog
    CompaniesDialog.show_for(window)


def show_undo_history(window) -> None:
    """Every step of this session, newest at the bottom; click one to go back to it."""
    from PySide6.QtWidgets import QDialog, QUndoView, QVBoxLayout
    dialog = window.undo_history_dialog
    if dialog is None:
        dialog = QDialog(window, objectName="undoHistoryDialog")
        dialog.setWindowTitle("Undo History")
        layout = QVBoxLayout(dialog)
        view = QUndoView(window.undo_stack, dialog)
        view.setObjectName("undoHistoryView")
        view.setEmptyLabel("<opened>")
        layout.addWidget(view)
        dialog.resize(420, 360)
        window.undo_history_dialog = dialog
    dialog.show()
    dialog.raise_()


# -- file actions ----------------------------------------------------------------------------
def new_database(window) -> bool:
    path = Files.save(window, "New database", "Thesis Tracker database (*.sqlite3 *.db)",
                      "theses.sqlite3")
    if not path:
        return False
    if Path(path).exists():
        Messages.error(window, f"{path} already exists: use File ▸ Open to open it.")
        return False
    return window.open_database(path)


def open_database(window) -> bool:
    path = Files.open(window, "Open database",
                      "Thesis Tracker database (*.sqlite3 *.db);;All files (*)")
    return bool(path) and window.open_database(path)


def _long(window, label, fn):
    """Run long work on a connection of its own behind a progress dialog; errors (and
    cancelling) become a message."""
    try:
        return window.tasks.run_on_own_tracker(window, label, window.tracker.path,
                                               window.tracker.clock, fn)
    except UserError as exc:
        Messages.error(window, str(exc))
        return None


def import_file(window):
    """File ▸ Import: a JSON bundle, a catalysts CSV, or a market-catalyst-calendar dataset
    (JSON or CSV, recognised by its content, #7). All or nothing: a bad file lists its
    problems in the error dialog and writes nothing; a good one is one undoable step."""
    if window.tracker is None:
        return None
    path = Files.open(window, "Import", "JSON bundle, catalysts CSV or market-catalyst-calendar "
                                        "dataset (*.json *.csv);;All files (*)")
    if not path:
        return None
    # The import runs on a connection of its own (the window keeps painting; Cancel rolls it
    # back); its undo step then joins this window's, so Edit ▸ Undo takes the import back.
    result = _long(window, f"Importing {Path(path).name}…",
                   lambda tracker: tracker.ops.import_file(path))
    if result is None:
        return None
    window.tracker.adopt(result)
    window.statusBar().showMessage(result.value, 10000)
    return result.value


def export_json(window):
    if window.tracker is None:
        return None
    from gui.export.dialogs import export_folder, remember_export_folder
    path = Files.save(window, "Export JSON", "JSON bundle (*.json)",
                      str(export_folder(window.settings) / "theses.json"))
    if not path:
        return None
    from model.interchange.bundle import write_bundle
    bundle = _long(window, "Exporting JSON…", lambda tracker: write_bundle(tracker, path))
    if bundle is not None:
        remember_export_folder(window.settings, path)
        window.statusBar().showMessage(f"Exported {len(bundle['theses'])} thesis(es) to {path}.",
                                       10000)
    return bundle


def back_up(window):
    if window.tracker is None:
        return None
    try:
        path = window.tracker.backup()
    except UserError as exc:
        Messages.error(window, str(exc))
        return None
    window.statusBar().showMessage(f"Backed up to {path}.", 10000)
    return path


def about(window) -> None:
    from gui.app import versions
    QMessageBox.about(window, "About Thesis Tracker",
                      "<b>Thesis Tracker</b><br>Investment theses, their beneficiaries, risks "
                      "and dated catalysts in one local SQLite file.<br><br>"
                      + versions().replace("\n", "<br>"))
