"""Search as you type off the GUI thread: the newest query wins, superseded ones are aborted."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from model.errors import UserError
from model.search import Search, SearchInterrupted

LANE = "search"


class SearchWorker(QObject):
    """Runs ``thesis_ids(text)`` on its own read-only connection, in the task manager's
    search lane (one thread, queries in order).

    ``submit(text)`` returns at once; ``found`` then carries the ids (None: no filter) of the
    newest query only: a query superseded while it runs is interrupted mid-statement, one
    superseded before it starts is skipped, and a result that arrives after a newer submit
    is dropped on the GUI side as well.
    """

    found = Signal(object)          # set[int] | None, on the GUI thread
    failed = Signal(str)            # a store problem worth a status-bar line

    def __init__(self, db_path, tasks, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        self.tasks = tasks
        self._lock = threading.Lock()
        self._generation = 0            # newest submitted (read by the lane's thread)
        self._delivered = 0             # newest whose result reached the GUI thread
        self._queued = 0                # submitted and not yet delivered or skipped
        self._reader: Search | None = None     # lives on the lane's thread
        self._stopped = False

    def submit(self, text: str | None) -> int:
        """Queue ``text``, superseding whatever is queued or running; returns its generation.
        None only supersedes (the caller applied "no filter" itself)."""
        with self._lock:
            self._generation += 1
            generation = self._generation
        reader = self._reader
        if reader is not None:
            reader.interrupt()          # a no-op when it is idle
        if text is None:
            self._delivered = generation
            return generation
        self._queued += 1
        self.tasks.run_in_background(lambda: self._query(generation, text), self._deliver,
                                     lane=LANE)
        return generation

    def warm(self) -> None:
        """Open the connection and read what the first query needs now, on the lane's
        thread, so the first keystroke does not pay for it."""
        def warm_up() -> None:
            if self._reader is None and not self._stopped:
                try:
                    self._reader = Search.reader(self.db_path)
                    self._reader.warm_up()
                except (UserError, SearchInterrupted):
                    pass                # the first query reports it, if it is still there
        self.tasks.run_in_background(warm_up, lane=LANE)

    def busy(self) -> bool:
        """A query is queued, running, or its result has not reached the GUI thread yet."""
        return self._queued > 0 or self._delivered != self._generation

    def stop(self) -> None:
        """Abort any running query and close the connection, on the lane's thread (before
        the database is closed)."""
        self._stopped = True
        with self._lock:
            self._generation += 1
        if self._reader is not None:
            self._reader.interrupt()
        self.tasks.run_in_background(self._close, lane=LANE).result()

    # -- on the lane's thread --------------------------------------------------------------------
    def _stale(self, generation: int) -> bool:
        with self._lock:
            return self._stopped or generation != self._generation

    def _query(self, generation: int, text: str):
        while not self._stale(generation):
            try:
                if self._reader is None:
                    self._reader = Search.reader(self.db_path)
                return generation, self._reader.thesis_ids(text), ""
            except SearchInterrupted:
                continue                # stale now (the loop ends), or interrupted too late
            except UserError as exc:
                from gui.i18n import error_text, translate
                return generation, None, translate("Search", "Search failed: {problem}").format(
                    problem=error_text(exc))
        return generation, SearchInterrupted, ""

    def _close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    # -- back on the GUI thread ------------------------------------------------------------------
    def _deliver(self, future) -> None:
        self._queued -= 1
        generation, ids, error = future.result()
        if ids is SearchInterrupted or generation != self._generation or self._stopped:
            return      # a newer query was typed meanwhile: its result follows
        self._delivered = generation
        if error:
            self.failed.emit(error)
            return
        self.found.emit(ids)
