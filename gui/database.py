"""Opening a database for the window, and what runs beside it while it is open.

``DatabaseOpener.open`` turns every way opening can fail into the offer a user can act on: the
file is open in another window (bring that one forward, or look read-only), it is damaged
(restore the newest good backup), or any other store problem (a message; the app keeps
running). ``DatabaseSession`` is the work that follows a file while it is open, started once
the window is up: the day's backup and the full integrity check on worker threads, the
listener that lets a second start bring this window forward, the search worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from gui.dialogs import CorruptDialog, Messages
from gui.i18n import error_text, localize, translate
from model.errors import CorruptDatabaseError, UserError


class DatabaseOpener:
    """Opens (or creates) database files for one window, asking the user what they can do."""

    def __init__(self, window):
        self.window = window
        # True once a start found the file open in another window and brought that one
        # forward: this start has nothing left to show and should end (#12).
        self.handed_over = False

    def open(self, path, *, seed_if_new: bool = False, clock=None):
        """The opened Tracker, or None when it could not be opened (the user was told why)."""
        from model.service import Tracker
        from model.storage.instance import AlreadyOpenError
        window = self.window
        path = Path(path)
        try:
            return Tracker.open(path, seed_if_new=seed_if_new, clock=clock,
                                single_instance=True, daily_backup=False)
        except AlreadyOpenError as exc:
            return self._open_elsewhere(path, exc, clock)
        except CorruptDatabaseError as exc:
            if self.offer_restore(path, error_text(exc), exc.newest_backup):
                return self.open(path, clock=clock)
            return None
        except UserError as exc:
            Messages.error(window, error_text(exc))
            return None

    def _open_elsewhere(self, path: Path, exc, clock):
        """Another window has the file (#6): bring it forward, or look at it read-only."""
        from gui.instance_link import AlreadyOpenDialog, ask_to_raise
        from model.service import Tracker
        choice = AlreadyOpenDialog.ask(self.window, error_text(exc))
        if choice == "raise":
            if not ask_to_raise(path):
                Messages.error(self.window, translate("DatabaseOpener", "{problem} That window "
                                                                        "did not answer.")
                               .format(problem=error_text(exc)))
            else:
                self.handed_over = True
            return None
        if choice != "readonly":
            return None
        try:
            return Tracker.open(path, readonly=True, clock=clock)
        except UserError as again:
            Messages.error(self.window, error_text(again))
            return None

    def offer_restore_after_closing(self, path: Path, message: str, backup) -> bool:
        """A file found damaged while open: offer the backup; the window closes the file
        before it is replaced. True once restored (reopen it then)."""
        if CorruptDialog.ask(self.window, message, backup) != "restore" or backup is None:
            return False
        self.window.close_database()
        return self._restore(path, backup)

    def offer_restore(self, path: Path, message: str, backup) -> bool:
        """A damaged file: offer its newest good backup; True once it has been restored (the
        damaged file is kept aside, never deleted)."""
        if CorruptDialog.ask(self.window, message, backup) != "restore" or backup is None:
            return False
        return self._restore(path, backup)

    def _restore(self, path: Path, backup) -> bool:
        from model.storage import backup as backups
        try:
            backups.restore(path, backup)
        except UserError as exc:
            Messages.error(self.window, error_text(exc))
            return False
        return True


class DatabaseSession(QObject):
    """The helpers of one open database; ``close()`` before the database closes. Deleted
    with the session, so nothing of one file outlives it into the next."""

    def __init__(self, window, tracker, tasks, parent=None):
        super().__init__(parent)
        self.window = window
        self.tracker = tracker
        self.tasks = tasks
        self.search_worker = None
        self.raise_server = None
        self.integrity_check = None
        self._backup = None             # the day's backup (a Future) while it runs

    def start(self) -> None:
        """After the first paint: the search worker, and for a writable file the day's
        backup, the full integrity check and the second-instance listener."""
        if self.window.tracker is not self.tracker:
            return                      # another database was opened before this ran
        self.search().warm()
        from model.storage.location import location_warning
        warning = location_warning(self.tracker.path)
        if warning:
            self.window.statusBar().showMessage(localize(warning))
        if self.tracker.readonly:
            return
        # The day's first backup copies the whole file (seconds at 10,000 theses), so it
        # runs beside the window.
        from model.storage import backup as backups
        path = self.tracker.path
        self._backup = self.tasks.run_in_background(
            lambda: backups.daily_backup_on_own_connection(path), self._backup_done)
        from gui.instance_link import RaiseServer
        self.raise_server = RaiseServer(path, self.window, parent=self)
        from gui.integrity import IntegrityCheck  # the full check (#14 item 4)
        self.integrity_check = IntegrityCheck(self.window, self.tracker, self.tasks,
                                              parent=self)
        self.integrity_check.start()

    def search(self):
        """The search worker, made on first use (its connection opens on its own thread)."""
        if self.search_worker is None:
            from gui.search_worker import SearchWorker
            self.search_worker = SearchWorker(self.tracker.path, self.tasks, parent=self)
            self.search_worker.found.connect(self.window.proxy.set_matching_ids)
            self.search_worker.failed.connect(self.window.statusBar().showMessage)
        return self.search_worker

    def _backup_done(self, future) -> None:
        try:
            taken = future.result()
        except UserError as exc:
            message = self.tr("Today's backup could not be taken: {problem}").format(
                problem=error_text(exc))
        else:
            message = self.tr("Today's backup: {name}").format(name=taken.name) if taken else ""
        if message and self.window.tracker is self.tracker:
            self.window.statusBar().showMessage(message)

    def close(self) -> None:
        if self._backup is not None:
            try:
                self._backup.result()   # never leave a half-written copy behind
            except Exception:  # noqa: BLE001 - reported by its callback, if still open
                pass
        if self.integrity_check is not None:
            self.integrity_check.wait()
        if self.search_worker is not None:
            self.search_worker.stop()   # its connection goes before the database does
        if self.raise_server is not None:
            # Now, not when deleted later: closing removes the socket file, which by then
            # would be the one a reopened database's new server listens on.
            self.raise_server.close()
        self.deleteLater()
