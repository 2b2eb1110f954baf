"""The full integrity check, in the background once the window is up (#14 item 4).

The open-time quick_check does not compare indexes with their tables, and is skipped for a file
untouched since our clean close. ``model.storage.integrity.run_full_check`` runs on a worker
thread with a read-only connection of its own; if the file fails, the store switches to
read-only (every edit is refused with the reason) and the newest good backup is offered.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from model.storage import integrity


class IntegrityCheck(QObject):
    """Runs one full check of ``tracker``'s file and reacts to a failure on the GUI thread."""

    # The check's outcome (model.storage.integrity.FullCheck), queued to the GUI thread.
    finished = Signal(object)

    def __init__(self, window, tracker, parent=None):
        super().__init__(parent)
        self.window = window
        self.tracker = tracker
        self.result: integrity.FullCheck | None = None
        self.thread: threading.Thread | None = None
        self.finished.connect(self._done)

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self.thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def _run(self) -> None:
        self.finished.emit(integrity.run_full_check(self.tracker.path))

    def _done(self, result: integrity.FullCheck) -> None:
        self.result = result
        if result.ok or self.window.tracker is not self.tracker:
            return
        self.tracker.mark_damaged(result)
        self.window.statusBar().showMessage(result.message)
        from gui.dialogs import CorruptDialog
        backup = result.newest_good_backup
        if CorruptDialog.ask(self.window, result.message, backup) == "restore" and backup:
            path = self.tracker.path
            self.window.close_database()
            from model.errors import UserError
            from model.storage import backup as backups
            try:
                backups.restore(path, backup)
            except UserError as exc:
                from gui.dialogs import Messages
                Messages.error(self.window, str(exc))
            self.window.open_database(path)


def start_integrity_check(window, tracker) -> IntegrityCheck:
    """The one call the window makes once it is up, for each writable database it opens."""
    check = IntegrityCheck(window, tracker, parent=window)
    check.start()
    return check
