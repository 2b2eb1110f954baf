"""The service API: one object that the GUI and the command line both call.

``Tracker`` wires the store to one service per kind of record (``tracker.theses``,
``tracker.catalysts``, ...). Every write is one transaction that also writes its history row;
``tracker.store.subscribe`` tells listeners what each committed write touched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from model import backup as backups
from model.catalysts import Catalysts
from model.history import History
from model.parts import Beneficiaries, Companies, Risks, Sources
from model.prices import Prices
from model.queue import Queue
from model.reviews import Reviews
from model.scorecard import Scorecards
from model.search import Search
from model.store import Clock, Store, open_store
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
    def __init__(self, store: Store):
        self.store = store
        self.history = History(store)
        self.theses = Theses(store, self.history)
        self.catalysts = Catalysts(store, self.history)
        self.companies = Companies(store)
        self.beneficiaries = Beneficiaries(store)
        self.risks = Risks(store, self.history)
        self.sources = Sources(store)
        self.search = Search(store)
        self.prices = Prices(store, self.companies)
        # Review discipline (#7): the queue, thesis reviews and the scorecard.
        self.queue = Queue(store)
        self.reviews = Reviews(store, self.history, self.theses)
        self.scorecard = Scorecards(store)

    @classmethod
    def open(cls, path=None, *, seed_if_new: bool = False, clock: Clock | None = None,
             **options) -> "Tracker":
        """Open or create a database; a new one gets the demo data when ``seed_if_new``."""
        on_new = None
        if seed_if_new:
            from model.demo import load_seeds
            on_new = load_seeds
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
        found = backups.list_backups(self.store.path)
        newest = found[0] if found else None
        return CheckReport(integrity, fk, self.store.schema_version, len(found),
                           newest.path if newest else None,
                           dt.datetime.now() - newest.taken_at if newest else None)

    def backup(self, reason: str = "manual") -> Path:
        return backups.take_backup(self.store, reason=reason)
