"""The service API: one object that the GUI and the command line both call.

``Tracker`` wires the store to one service per kind of record (``tracker.theses``,
``tracker.catalysts``, ...). Every write is one transaction that also writes its history row;
``tracker.store.subscribe`` tells listeners what each committed write touched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from model.catalysts import Catalysts
from model.history import History
from model.storage.store import Clock, Store, open_store
from model.theses import Theses


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]
    foreign_key_problems: list[tuple]
    schema_version: int
    backups: int
    newest_backup: Path | None
    newest_backup_age: dt.timedelta | None

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.foreign_key_problems


class Tracker:
    """The services, each built (and its module imported) on first use: the thesis list is
    all a start-up needs, and prices, scorecards or search can wait until somebody asks."""

    def __init__(self, store: Store):
        self.store = store
        self.history = History(store)
        self.theses = Theses(store, self.history)
        self.catalysts = Catalysts(store, self.history)

    @cached_property
    def companies(self):
        from model.companies import Companies
        return Companies(self.store)

    @cached_property
    def beneficiaries(self):
        from model.companies import Beneficiaries
        return Beneficiaries(self.store)

    @cached_property
    def risks(self):
        from model.risks import Risks
        return Risks(self.store, self.history)

    @cached_property
    def sources(self):
        from model.sources import Sources
        return Sources(self.store)

    @cached_property
    def search(self):
        from model.search import Search
        return Search(self.store)

    @cached_property
    def prices(self):
        from model.prices import Prices
        return Prices(self.store, self.companies)

    # Review discipline (#7): the queue, thesis reviews and the scorecard.
    @cached_property
    def queue(self):
        from model.upcoming import Queue
        return Queue(self.store)

    @cached_property
    def reviews(self):
        from model.reviews import Reviews
        return Reviews(self.store, self.history, self.theses)

    @cached_property
    def scorecard(self):
        from model.analysis.scorecard import Scorecards
        return Scorecards(self.store)

    @classmethod
    def open(cls, path=None, *, seed_if_new: bool = False, clock: Clock | None = None,
             **options) -> "Tracker":
        """Open or create a database; a new one gets the demo data when ``seed_if_new``."""
        on_new = None
        if seed_if_new:
            from model.demo import load_seeds

            def on_new(store: Store) -> None:
                load_seeds(cls(store))
        return cls(open_store(path, clock=clock, on_new=on_new, **options))

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
        integrity = [r[0] for r in self.store.conn.execute("PRAGMA integrity_check").fetchall()]
        fk = [tuple(r) for r in self.store.conn.execute("PRAGMA foreign_key_check").fetchall()]
        from model.storage import backup as backups
        found = backups.list_backups(self.store.path)
        newest = found[0] if found else None
        return CheckReport(integrity, fk, self.store.schema_version, len(found),
                           newest.path if newest else None,
                           dt.datetime.now() - newest.taken_at if newest else None)

    def backup(self, reason: str = "manual") -> Path:
        from model.storage import backup as backups
        return backups.take_backup(self.store, reason=reason)
