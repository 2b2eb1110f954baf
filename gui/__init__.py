"""The desktop app (Qt only; every read and write goes through model/'s service API).

``create_main_window(db_path)`` builds the whole window on a database without starting the
event loop; ``launch(db_path)`` shows it the way the app starts. The window is made of
declared parts:

- ``window.tasks`` (gui.tasks.TaskManager): the worker threads; ``window.opener``
  (gui.database.DatabaseOpener) and ``window.session`` (DatabaseSession, what runs beside the
  open file: the day's backup, the full check, the second-instance listener, search).
- ``window.editor`` (gui.editing.Editor): every edit as one model operation; undo and redo
  ask the model (``window.undo_stack`` only mirrors it, for Edit ▸ Undo History).
- ``window.menus`` (gui.menus.Menus): the menu bar; ``window.actions_by_name`` its actions by
  object name; ``menus.add_export_action(action)`` adds a File ▸ Export entry;
  ``window.toolbar`` the toolbar of everyday actions.
- The window and its parts set their texts in ``retranslate()`` and say them again when the
  language changes (gui.i18n); ``window.theme_colours`` gives each theme its chip colour and
  ``window.chip_filter`` filters the list by a theme or tag chip.
- ``window.charts``: the Timeline, Prices and Roadmap charts (built when first shown).
- ``window.detail.add_detail_tab(widget, title)`` adds a tab beside Overview…History; a
  widget with ``set_thesis(thesis_id | None)`` is told whenever the selected thesis changes.
- ``window.database_opened`` (signal) hands over the new ``Tracker`` (None on close);
  ``window.bridge.changed`` delivers every committed operation's ``OpChanges``.
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
    if not window.opener.handed_over:
        window.show()
    # else the file was open in another window, which came forward: this start is done (#12)
    return window


def _window(db_path, *, settings, clock, seed_if_new: bool | None):
    from gui.app import make_application
    make_application()
    from gui.i18n import ensure_installed
    from gui.main_window import MainWindow, default_settings
    ensure_installed(settings if settings is not None else default_settings())
    window = MainWindow(settings=settings, clock=clock)
    if db_path is None:
        db_path = window.settings.value("lastDatabase")
    if db_path is None:
        from model.storage.store import default_database_path
        db_path = default_database_path()
    window.open_database(db_path, seed_if_new=seed_if_new)
    return window
