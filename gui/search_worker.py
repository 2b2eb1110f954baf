"""Search as you type on a worker thread: the newest query wins, superseded ones are aborted."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal

from model.errors import UserError
from model.search import Search, SearchInterrupted


class SearchWorker(QObject):
    """Runs ``thesis_ids(text)`` on its own read-only connection, off the GUI thread.

    ``submit(text)`` returns at once; ``found`` then carries the ids (None: no filter) of the
    newest query only: a query superseded before it finishes is interrupted mid-statement,
    and a result that arrives after a newer submit is dropped on the GUI side as well.
    """

    found = Signal(object)          # set[int] | None, on the GUI thread
    failed = Signal(str)            # a store problem worth a status-bar line
    _done = Signal(int, object, str)    # generation, ids, error (worker -> GUI, queued)

    def __init__(self, db_path, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        self._lock = threading.Condition()
        self._pending: tuple[int, str] | None = None
        self._running = 0               # generation the worker is on (0: idle)
        self._generation = 0            # newest submitted
        self._delivered = 0             # newest whose result reached the GUI thread
        self._stopping = False
        self._reader: Search | None = None
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="search", daemon=True)
        self._thread.start()

    def submit(self, text: str | None) -> int:
        """Queue ``text``, superseding whatever is queued or running; returns its generation.
        None only supersedes (the caller applied "no filter" itself)."""
        with self._lock:
            self._generation += 1
            self._pending = None if text is None else (self._generation, text)
            if text is None:
                self._delivered = self._generation
            busy = self._running
            self._lock.notify()
        if busy and self._reader is not None:
            # If the worker moved on to the newest query meanwhile, it sees the interrupt as
            # stale and runs that query again (see _loop).
            self._reader.interrupt()
        return self._generation

    def busy(self) -> bool:
        """A query is queued, running, or its result has not reached the GUI thread yet."""
        with self._lock:
            return (self._pending is not None or bool(self._running)
                    or self._delivered != self._generation)

    def stop(self) -> None:
        """Abort any running query and join the thread (before the database is closed)."""
        with self._lock:
            self._stopping = True
            self._pending = None
            self._lock.notify()
        if self._reader is not None:
            self._reader.interrupt()
        self._thread.join()

    def _loop(self) -> None:
        try:
            while True:
                with self._lock:
                    while self._pending is None and not self._stopping:
                        self._lock.wait()
                    if self._stopping:
                        return
                    generation, text = self._pending
                    self._pending = None
                    self._running = generation
                ids, error = self._run(generation, text)
                with self._lock:
                    self._running = 0
                    stale = generation != self._generation or self._stopping
                if ids is not SearchInterrupted and not stale:
                    self._done.emit(generation, ids, error)
        finally:
            if self._reader is not None:
                self._reader.close()

    def _run(self, generation: int, text: str):
        while True:
            try:
                if self._reader is None:
                    self._reader = Search.reader(self.db_path)
                return self._reader.thesis_ids(text), ""
            except SearchInterrupted:
                with self._lock:
                    if self._stopping or generation != self._generation or self._pending:
                        return SearchInterrupted, ""
                # Interrupted on behalf of a query that had already finished: run it again.
            except UserError as exc:
                return None, f"Search failed: {exc}"

    def _deliver(self, generation: int, ids, error: str) -> None:
        if generation != self._generation or self._stopping:
            return      # a newer query was typed meanwhile: its result follows
        self._delivered = generation
        if error:
            self.failed.emit(error)
            return
        self.found.emit(ids)
