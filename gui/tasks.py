"""Long work (imports, exports) on a worker thread with its own connection, behind a cancellable
progress dialog, so the window keeps painting. Cancel interrupts SQLite mid-statement, which
rolls the transaction back: nothing is half-written."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from model.errors import StoreError, UserError


class Cancelled(UserError):
    """The user cancelled long work; nothing was changed."""


class _Relay(QObject):
    done = Signal()     # the worker finished (emitted from the worker thread, queued to the GUI)


class TaskRunner:
    """Runs ``fn(tracker)`` on a fresh connection to ``db_path``; returns its result or raises."""

    show_after_ms = 300     # quick work never flashes a dialog

    @classmethod
    def run(cls, parent, label: str, db_path, clock, fn: Callable, *,
            open_tracker: bool = True):
        from model.service import Tracker

        relay = _Relay()
        outcome: dict = {}
        cancelled = threading.Event()

        def work():
            tracker = None
            try:
                if open_tracker:
                    tracker = Tracker.open(db_path, clock=clock, verify=False, daily_backup=False)
                    # SQLite calls this every N steps; non-zero aborts the statement (rollback).
                    tracker.cancel_when(cancelled.is_set)
                outcome["result"] = fn(tracker)
            except BaseException as exc:  # noqa: BLE001 - handed back to the GUI thread
                outcome["error"] = exc
            finally:
                if tracker is not None:
                    tracker.close()
                relay.done.emit()

        dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        dialog.setObjectName("taskProgress")
        dialog.setWindowTitle("Thesis Tracker")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(cls.show_after_ms)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(cancelled.set)
        loop = QEventLoop()
        relay.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        thread = threading.Thread(target=work, name="thesis-tracker-task", daemon=True)
        thread.start()
        loop.exec()
        thread.join()
        dialog.close()
        dialog.deleteLater()
        error = outcome.get("error")
        if error is not None:
            if cancelled.is_set() and isinstance(error, (StoreError, Cancelled)):
                raise Cancelled("Cancelled: nothing was changed.") from error
            raise error
        return outcome.get("result")
