"""Menus and the File actions: databases, import, exports (with progress), backups, About.

Other features add File ▸ export entries with ``window.add_export_action(action)``; they are
placed after "Export JSON…" and before "Back up now" (gui/export adds PDF, Markdown and
Calendar there).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from gui import desktop_actions
from gui.dialogs import Files, Messages
from gui.tasks import TaskRunner
from model.errors import UserError

Key = QKeySequence.StandardKey


def _action(window, text, slot, shortcut=None, name=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda _=False: slot())
    return action


def build_menus(window) -> None:
    bar = window.menuBar()
    actions = window.actions_by_name = {}

    def add(menu, text, slot, shortcut=None, name=None):
        action = _action(window, text, slot, shortcut, name)
        menu.addAction(action)
        if name:
            actions[name] = action
        return action

    file_menu = window.file_menu = bar.addMenu("&File")
    add(file_menu, "New &database…", lambda: new_database(window), name="newDatabase")
    add(file_menu, "&Open…", lambda: open_database(window), Key.Open, "openDatabase")
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.refresh_recent_menu = lambda: _fill_recent(window)
    _fill_recent(window)
    file_menu.addSeparator()
    add(file_menu, "&Import…", lambda: import_file(window), name="import")
    add(file_menu, "Export &JSON…", lambda: export_json(window), name="exportJson")
    # Export actions from other features go just before this separator.
    window.export_actions = file_menu.addSeparator()
    window.add_export_action = lambda action: file_menu.insertAction(window.export_actions, action)
    add(file_menu, "&Back up now", lambda: back_up(window), name="backUp")
    file_menu.addSeparator()
    add(file_menu, "&Quit", window.close, Key.Quit, "quit")

    edit = window.edit_menu = bar.addMenu("&Edit")
    # Undo and redo ask the model; their texts name the step ("Undo Tick “…”").
    editor = window.editor
    undo = add(edit, "&Undo", editor.undo, Key.Undo, "undo")
    redo = add(edit, "&Redo", editor.redo, Key.Redo, "redo")

    def follow_undo() -> None:
        undo.setText(editor.undo_text())
        undo.setEnabled(editor.can_undo())
        redo.setText(editor.redo_text())
        redo.setEnabled(editor.can_redo())
    editor.undo_changed.connect(follow_undo)
    follow_undo()
    add(edit, "Undo &History…", lambda: show_undo_history(window), name="undoHistory")
    edit.addSeparator()
    add(edit, "&New thesis…", window.new_thesis, Key.New, "newThesis")
    add(edit, "&Delete thesis…", window.delete_thesis, None, "deleteThesis")
    add(edit, "Re&view thesis…", window.review_thesis, QKeySequence("Ctrl+Shift+R"),
        "reviewThesis")
    add(edit, "Remove de&mo theses…", lambda: desktop_actions.remove_demo(window),
        name="removeDemo")
    edit.addSeparator()
    add(edit, "&Find", window.focus_search, Key.Find, "find")

    view = window.view_menu = bar.addMenu("&View")
    add(view, "&Theses", lambda: window.pages.setCurrentIndex(0), QKeySequence("Ctrl+1"),
        "viewTheses")
    add(view, "&Upcoming", window.show_upcoming, QKeySequence("Ctrl+2"), "viewUpcoming")
    add(view, "&Reload Upcoming", window.upcoming.reload, Key.Refresh, "reloadUpcoming")
    add(view, "Desktop re&minders", lambda: desktop_actions.toggle_reminders(window),
        name="reminders")
    add(view, "&Language…", lambda: desktop_actions.choose_language(window), name="language")

    help_menu = window.help_menu = bar.addMenu("&Help")
    add(help_menu, "Open &log folder", lambda: desktop_actions.open_log_folder(window),
        name="openLogFolder")
    add(help_menu, "&About Thesis Tracker", lambda: about(window), name="about")


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


def _fill_recent(window) -> None:
    menu = window.recent_menu
    menu.clear()
    for path in window.recent_files():
        menu.addAction(path, lambda p=path: window.open_database(p))
    menu.setEnabled(bool(window.recent_files()))


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
    path = Files.open(window, "Open database", "Thesis Tracker database (*.sqlite3 *.db);;All files (*)")
    return bool(path) and window.open_database(path)


def _long(window, label, fn, *, open_tracker=True):
    """Run long work with a progress dialog; errors (and cancelling) become a message."""
    try:
        return TaskRunner.run(window, label, window.tracker.path, window.tracker.clock, fn,
                              open_tracker=open_tracker)
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
    path = Files.save(window, "Export JSON", "JSON bundle (*.json)", "theses.json")
    if not path:
        return None
    from model.interchange.bundle import write_bundle
    bundle = _long(window, "Exporting JSON…", lambda tracker: write_bundle(tracker, path))
    if bundle is not None:
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
