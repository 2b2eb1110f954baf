"""Work that must not hold up the window: today's backup on a worker thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from model.errors import UserError
from model.storage import backup as backups


class DailyBackup(QObject):
    """Takes the first backup of the day through its own connection, then reports."""

    # A line for the status bar: where the backup went, or why it could not be taken.
    finished = Signal(str)

    def __init__(self, db_path, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="daily-backup", daemon=True)
        self.thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def _run(self) -> None:
        try:
            taken = backups.daily_backup_on_own_connection(self.db_path)
        except UserError as exc:
            message = f"Today's backup could not be taken: {exc}"
        else:
            message = f"Today's backup: {taken.name}" if taken else ""
        if message:
            self.finished.emit(message)     # queued to the window's thread
