"""The full integrity check, in the background once the window is up (#14 item 4).

The open-time quick_check does not compare indexes with their tables, and is skipped for a file
untouched since our clean close. ``model.storage.integrity.run_full_check`` runs on a worker
thread with a read-only connection of its own; if the file fails, the store switches to
read-only (every edit is refused with the reason) and the newest good backup is offered.
"""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from model.storage import integrity


class IntegrityCheck(QObject):
    """Runs one full check of ``tracker``'s file and reacts to a failure on the GUI thread."""

    finished = Signal(object)       # the check's outcome (model.storage.integrity.FullCheck)

    def __init__(self, window, tracker, tasks, parent=None):
        super().__init__(parent)
        self.window = window
        self.tracker = tracker
        self.tasks = tasks
        self.result: integrity.FullCheck | None = None
        self._future: Future | None = None

    def start(self) -> None:
        path = self.tracker.path
        self._future = self.tasks.run_in_background(
            lambda: integrity.run_full_check(path), self._done)

    def wait(self) -> None:
        if self._future is not None:
            self._future.exception()        # waits; its outcome is handled by _done

    def _done(self, future: Future) -> None:
        result = future.result()
        self.result = result
        self.finished.emit(result)
        if result.ok or self.window.tracker is not self.tracker:
            return
        self.tracker.mark_damaged(result)
        from gui.i18n import localize
        self.window.statusBar().showMessage(localize(result.message))
        backup = result.newest_good_backup
        path = self.tracker.path
        if self.window.opener.offer_restore_after_closing(path, localize(result.message),
                                                          backup):
            self.window.open_database(path)
