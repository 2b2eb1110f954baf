"""The service API: one object that the GUI and the command line both call.

``Tracker`` wires the store to one service per kind of record (``tracker.theses``,
``tracker.catalysts``, ...) and to ``tracker.ops``, the edits a user makes, each returning what
it changed. Every write is one transaction that also writes its history row and becomes one
undo step (``tracker.undo()`` / ``tracker.redo()``); ``tracker.subscribe`` tells listeners what
each committed write changed (``model.changes.OpChanges``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.catalysts import Catalysts
from model.changes import OpChanges, Origin
from model.errors import UserError
from model.history import History
from model.messages import message
from model.storage.store import Clock, OpenOptions, Store, open_store
from model.theses import Theses

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from model.analysis.scorecard import Scorecards
    from model.companies import Beneficiaries, Companies
    from model.operations import Operations, OpResult
    from model.prices import Prices
    from model.reviews import Reviews
    from model.risks import Risks
    from model.search import Search
    from model.sources import Sources
    from model.storage.integrity import BadDate, Cell, FullCheck
    from model.upcoming import Queue


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]
    foreign_key_problems: list[tuple[Any, ...]]
    schema_version: int
    backups: int
    newest_backup: Path | None
    newest_backup_age: dt.timedelta | None
    # Text cells that are not valid UTF-8 (model.storage.integrity.Cell), #14 item 5.
    undecodable: tuple[Cell, ...] = ()
    # Values in date columns that are no YYYY-MM-DD dates (model.storage.integrity.BadDate).
    bad_dates: tuple[BadDate, ...] = ()

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and not self.foreign_key_problems
                and not self.undecodable and not self.bad_dates)


class Tracker:
    """The services, each built (and its module imported) on first use: the thesis list is
    all a start-up needs, and prices, scorecards or search can wait until somebody asks."""

    def __init__(self, store: Store, *, undo: bool = True):
        self.store = store
        self.history = History(store)
        self.theses = Theses(store, self.history)
        self.catalysts = Catalysts(store, self.history)
        if undo and not store.readonly:
            store.start_capture()

    @cached_property
    def ops(self) -> Operations:
        """The edits a user makes (desktop app and command line alike), each one step that
        returns what it changed and can be undone."""
        from model.operations import Operations
        return Operations(self)

    # -- undo and redo (in memory, for this process) ----------------------------------------
    def can_undo(self) -> bool:
        return bool(self.store.undo_stack.steps)

    def can_redo(self) -> bool:
        return bool(self.store.undo_stack.undone)

    def undo_label(self) -> str | None:
        """The name of the step Undo would take back ("Tick “Google TPU v7 ramp”")."""
        steps = self.store.undo_stack.steps
        return steps[-1].label if steps else None

    def redo_label(self) -> str | None:
        undone = self.store.undo_stack.undone
        return undone[-1].label if undone else None

    def undo(self, *, initiator: object = None) -> OpChanges:
        """Take back the newest step. If a row it would restore was changed or deleted by
        another writer since, raises UndoRefused and changes nothing (the step stays)."""
        from model.undo import apply_images, check_unchanged
        stack = self.store.undo_stack
        if not stack.steps:
            raise UserError(message("There is nothing to undo."))
        step = stack.steps[-1]
        with self.store.write(step.label, initiator=initiator,
                              origin=Origin.UNDO) as write:
            conn = self.store.conn
            check_unchanged(conn, step, expect_after=True, verb="undo")
            conn.execute("PRAGMA defer_foreign_keys = ON")
            apply_images(conn, step, to_after=False, stamp=self.clock.stamp())
        stack.steps.pop()
        stack.undone.append(step)
        stack._tell("undo", step)
        return write.changes

    def redo(self, *, initiator: object = None) -> OpChanges:
        """Do again the step undone last (refused, like undo, when its rows moved on)."""
        from model.undo import apply_images, check_unchanged
        stack = self.store.undo_stack
        if not stack.undone:
            raise UserError(message("There is nothing to redo."))
        step = stack.undone[-1]
        with self.store.write(step.label, initiator=initiator,
                              origin=Origin.REDO) as write:
            conn = self.store.conn
            check_unchanged(conn, step, expect_after=False, verb="redo")
            conn.execute("PRAGMA defer_foreign_keys = ON")
            apply_images(conn, step, to_after=True, stamp=self.clock.stamp())
        stack.undone.pop()
        stack.steps.append(step)
        stack._tell("redo", step)
        return write.changes

    def drop_undo_step(self) -> None:
        """Forget the newest undo step (one that can no longer apply); nothing is written."""
        stack = self.store.undo_stack
        if stack.steps:
            step = stack.steps.pop()
            stack._tell("drop", step)

    def undo_history(self) -> tuple[list[str], list[str]]:
        """(names of the steps that can be undone, oldest first; of those that can be redone,
        the next redo first)."""
        stack = self.store.undo_stack
        return [s.label for s in stack.steps], [s.label for s in reversed(stack.undone)]

    def watch_undo(self, listener: Callable[[str, object], None]) -> None:
        """``listener(event, step)`` when a step is pushed, undone, redone, dropped or all
        cleared (menus follow the step on offer)."""
        self.store.undo_stack.listeners.append(listener)

    def unwatch_undo(self, listener: Callable[[str, object], None]) -> None:
        if listener in self.store.undo_stack.listeners:
            self.store.undo_stack.listeners.remove(listener)

    def adopt(self, result: OpResult[Any]) -> None:
        """Take an operation committed on another connection of this process (an import on
        a worker thread, an ``OpResult``) as one of ours: it becomes our undo step and every
        listener hears what it changed."""
        self.store.adopt(result.step, result.changes)

    def cancel_when(self, cancelled: Callable[[], bool], every: int = 5000) -> None:
        """Abort the running statement (rolling its transaction back) once ``cancelled()``
        says so; SQLite asks every ``every`` steps. For long work on a worker's tracker."""
        self.store.conn.set_progress_handler(lambda: 1 if cancelled() else 0, every)

    def check_outside(self) -> OpChanges | None:
        """If another program (the command line, say) changed the file since the last look,
        tell every listener to reload (a reset: which rows changed is not known here) and
        return that notice; else None. The app calls this every few seconds and when its
        window comes back to the front."""
        if not self.store.changed_elsewhere():
            return None
        changes = OpChanges.everything(label=message("Changed by another program"),
                                       origin=Origin.OUTSIDE)
        self.store.notify(changes)
        return changes

    def new_day(self) -> None:
        """Tell every listener the date moved on: nothing was written, but what is overdue
        or due this week changed (the app calls this at midnight)."""
        self.store.notify(OpChanges.day_changed())

    def subscribe(self, listener: Callable[[OpChanges], None]) -> None:
        """``listener(changes)`` after every committed write, undo and redo."""
        self.store.subscribe(listener)

    def unsubscribe(self, listener: Callable[[OpChanges], None]) -> None:
        self.store.unsubscribe(listener)

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    @property
    def warnings(self) -> list[str]:
        """Problems found while opening that did not stop it (a backup that failed...)."""
        return self.store.warnings

    @cached_property
    def companies(self) -> Companies:
        from model.companies import Companies
        return Companies(self.store)

    @cached_property
    def beneficiaries(self) -> Beneficiaries:
        from model.companies import Beneficiaries
        return Beneficiaries(self.store)

    @cached_property
    def risks(self) -> Risks:
        from model.risks import Risks
        return Risks(self.store, self.history)

    @cached_property
    def sources(self) -> Sources:
        from model.sources import Sources
        return Sources(self.store)

    @cached_property
    def search(self) -> Search:
        from model.search import Search
        return Search(self.store)

    @cached_property
    def prices(self) -> Prices:
        from model.prices import Prices
        return Prices(self.store, self.companies)

    # Review discipline (#7): the queue, thesis reviews and the scorecard.
    @cached_property
    def queue(self) -> Queue:
        from model.upcoming import Queue
        return Queue(self.store)

    @cached_property
    def reviews(self) -> Reviews:
        from model.reviews import Reviews
        return Reviews(self.store, self.history, self.theses)

    @cached_property
    def scorecard(self) -> Scorecards:
        from model.analysis.scorecard import Scorecards
        return Scorecards(self.store)

    # True when this open created the file and loaded the demo into it (the app then says
    # so and offers to start empty, #13).
    demo_loaded: bool = False

    @classmethod
    def open(cls, path: Path | str | None = None, *, seed_if_new: bool | None = False,
             clock: Clock | None = None, undo: bool = True,
             **options: Unpack[OpenOptions]) -> "Tracker":
        """Open or create a database; a new one gets the demo data when ``seed_if_new``, or
        with ``seed_if_new=None`` only when it is the default file in the user's data folder
        (the first start; #13). ``undo=False`` (one-shot commands) keeps no undo steps and
        captures no rows."""
        on_new: Callable[[Store], None] | None = None
        loaded: list[bool] = []
        if seed_if_new is not False:

            def on_new(store: Store) -> None:
                # Decided only for a file being created: an everyday start opens an existing
                # one and needs neither the demo module nor the data folder's name.
                from model.demo import is_default_location, load_seeds
                if seed_if_new or is_default_location(store.path):
                    load_seeds(cls(store, undo=False))
                    loaded.append(True)
        tracker = cls(open_store(path, clock=clock, on_new=on_new, **options), undo=undo)
        tracker.demo_loaded = bool(loaded)
        return tracker

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def clock(self) -> Clock:
        return self.store.clock

    def close(self) -> None:
        self.store.close()

    # -- safety ------------------------------------------------------------------------------
    def check(self) -> CheckReport:
        """integrity_check, foreign_key_check, text that is not valid UTF-8 and dates that are
        no dates; a file too
        damaged to read reports that instead of raising (#14 items 4-5). A full check that
        passes is noted, so the daily one need not run again today."""
        import sqlite3

        from model.storage import backup as backups
        from model.storage import integrity as full
        conn = self.store.conn
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            fk = [tuple(r) for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
            cells = tuple(full.undecodable_cells(conn))
            dates = tuple(full.bad_dates(conn))
            version = self.store.schema_version
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            integrity, fk, cells, dates, version = [f"cannot be read ({exc})"], [], (), (), 0
        found = backups.list_backups(self.store.path)
        newest = found[0] if found else None
        report = CheckReport(integrity, fk, version, len(found),
                             newest.path if newest else None,
                             dt.datetime.now() - newest.taken_at if newest else None, cells,
                             dates)
        if integrity == ["ok"] and not fk:
            full.record_passed(self.store.path)
        return report

    @property
    def damage(self) -> str | None:
        """Why the database was switched to read-only after a failed full check, or None."""
        return self.store.damage

    def mark_damaged(self, result: FullCheck) -> None:
        """Switch to read-only after a failed full check (model.storage.integrity.FullCheck,
        run on a connection of its own, e.g. on the desktop app's worker thread)."""
        from model.storage import integrity
        integrity.mark_damaged(self.store, result)

    def daily_full_check(self) -> FullCheck | None:
        """The full integrity_check the open-time quick_check skips (it misses index damage),
        when none has passed today for this file; on failure the database turns read-only
        (#14 item 4). Returns the FullCheck, or None when it was not due."""
        from model.storage import integrity
        if self.readonly or not integrity.full_check_due(self.path):
            return None
        result = integrity.run_full_check(self.path)
        if not result.ok:
            self.mark_damaged(result)
        return result

    def backup(self, reason: str = "manual") -> Path:
        from model.storage import backup as backups
        return backups.take_backup(self.store, reason=reason)
