"""One task manager for everything that must not hold up the window (Anki's ``taskman``).

Work runs on a small pool of worker threads; its callback comes back on the GUI thread. Work
that must run one at a time on one connection (search) takes a *lane*: a single thread of its
own, still owned here. Long work the user waits for (imports, exports) runs behind a
cancellable progress dialog, on a connection of its own: Cancel interrupts SQLite
mid-statement, which rolls the transaction back, so nothing is half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from model.errors import StoreError, UserError


class Cancelled(UserError):
    """The user cancelled long work; nothing was changed."""


class TaskManager(QObject):
    """The window's worker threads: ``run_in_background`` for work the user does not wait
    for, ``run_with_progress`` for work they do, ``shutdown`` when the window closes."""

    # (callback, future) from a worker thread, delivered on the GUI thread (queued).
    _finished = Signal(object, object)

    def __init__(self, parent=None, *, workers: int = 2):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="task")
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run_in_background(self, work: Callable[[], Any],
                          on_done: Callable[[Future], None] | None = None, *,
                          lane: str | None = None) -> Future:
        """Run ``work()`` on a worker (or on ``lane``'s one thread, in order); then, on the GUI
        thread, ``on_done(future)`` (``future.result()`` gives the value or raises)."""
        if self._closed:
            raise RuntimeError("the task manager is shut down")
        executor = self._pool if lane is None else self._lane(lane)
        future = executor.submit(work)
        if on_done is not None:
            future.add_done_callback(lambda done: self._finished.emit(on_done, done))
        return future

    def _lane(self, name: str) -> ThreadPoolExecutor:
        if name not in self._lanes:
            self._lanes[name] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        return self._lanes[name]

    def _deliver(self, on_done: Callable[[Future], None], future: Future) -> None:
        if self._closed:
            return
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return          # its object went (a closed database's helper): nobody to tell
        on_done(future)

    def run_with_progress(self, parent, label: str, work: Callable[[threading.Event], Any]):
        """Run ``work(cancelled)`` on a worker behind a progress dialog (shown after 300 ms,
        so quick work never flashes one) while the window keeps painting; return its result
        or raise what it raised. Cancel sets ``cancelled``; work that stops because of it
        raises ``Cancelled``."""
        cancelled = threading.Event()
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        dialog.setObjectName("taskProgress")
        dialog.setWindowTitle("Thesis Tracker")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(self.show_after_ms)
        # The first value starts the wait of the minimum duration; without it the dialog kept
        # the 4 s wait its constructor starts (busy dialogs never get another value).
        dialog.setValue(0)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(cancelled.set)
        loop = QEventLoop()
        future = self.run_in_background(lambda: work(cancelled), lambda _f: loop.quit())
        if not future.done():
            loop.exec()
        # Closing a progress dialog emits canceled(): let go of it first, or every store
        # failure of work that finished would be reported as "Cancelled" below.
        dialog.canceled.disconnect(cancelled.set)
        dialog.close()
        dialog.deleteLater()
        try:
            return future.result()
        except (StoreError, Cancelled) as exc:
            if cancelled.is_set():
                from gui.i18n import translate
                raise Cancelled(translate("TaskManager", "Cancelled: nothing was "
                                                         "changed.")) from exc
            raise

    show_after_ms = 300

    def run_on_own_tracker(self, parent, label: str, db_path, clock,
                           work: Callable[[Any], Any]):
        """``run_with_progress`` for work on the database: ``work(tracker)`` gets a tracker of
        its own on ``db_path`` (closed afterwards) that Cancel interrupts."""
        from model.service import Tracker

        def on_own_connection(cancelled: threading.Event):
            tracker = Tracker.open(db_path, clock=clock, verify=False, daily_backup=False)
            try:
                # SQLite asks every few thousand steps; non-zero aborts (and rolls back).
                tracker.cancel_when(cancelled.is_set)
                return work(tracker)
            finally:
                tracker.close()
        return self.run_with_progress(parent, label, on_own_connection)

    def shutdown(self) -> None:
        """Wait for running work (a backup half-copied must finish) and stop the threads."""
        self._closed = True
        for executor in (self._pool, *self._lanes.values()):
            executor.shutdown(wait=True, cancel_futures=True)
