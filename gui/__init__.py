"""The desktop app (Qt only; every read and write goes through model/'s service API).

``create_main_window(db_path)`` builds the whole window on a database without starting the
event loop. Extension points for other features:

- ``window.detail.add_detail_tab(widget, title)`` (also ``window.add_detail_tab``) adds a tab
  beside Overview...History in ``detailTabs``; a widget with ``set_thesis(thesis_id | None)``
  is told whenever the selected thesis changes.
- ``window.add_export_action(action)`` puts a File-menu entry (e.g. "Export PDF…") in the
  exports section, after "Export calendar…"; ``window.file_menu`` is the File menu and
  ``window.export_actions`` the separator that ends the section.
- ``window.database_opened`` (signal) hands over the new ``Tracker`` (None on close);
  ``window.tracker`` is the open one and ``window.bridge.changed`` re-emits store changes.
- ``window.editor`` runs undoable edits; ``window.undo_stack`` is the QUndoStack.
"""

from __future__ import annotations


def create_main_window(db_path=None, *, settings=None, clock=None, seed_if_new: bool = True):
    """The main window on ``db_path`` (None: the last database used, else the default one).

    Store errors (corrupt, newer, locked...) are shown as dialogs; the window then opens empty.
    ``settings`` (a QSettings) and ``clock`` let tests isolate themselves. The whole window is
    built before this returns: its deferred start-up work has run, every detail tab exists (the
    app builds them when first shown) and its list is complete.
    """
    window = _window(db_path, settings=settings, clock=clock, seed_if_new=seed_if_new)
    window.finish_startup()
    window.detail.build_all()
    if window.list_model is not None:
        window.list_model.finish_loading()
    return window


def launch(db_path=None, *, settings=None, clock=None, seed_if_new: bool | None = None):
    """The app's start: the window shown as soon as it can paint the list's first rows and the
    selected thesis. The rest of the start-up work runs once that paint is on screen, and the
    rest of the list is read in pages on later turns of the event loop
    (``window.list_model.loaded`` when done). A new file gets the demo only when it is the
    default one in the user's data folder (``seed_if_new=None``, #13)."""
    window = _window(db_path, settings=settings, clock=clock, seed_if_new=seed_if_new)
    window.show()
    return window


def _window(db_path, *, settings, clock, seed_if_new: bool | None):
    from gui.app import make_application
    make_application()
    from gui.main_window import MainWindow
    window = MainWindow(settings=settings, clock=clock)
    window.add_detail_tab = window.detail.add_detail_tab
    if db_path is None:
        db_path = window.settings.value("lastDatabase")
    if db_path is None:
        from model.storage.store import default_database_path
        db_path = default_database_path()
    window.open_database(db_path, seed_if_new=seed_if_new)
    return window
