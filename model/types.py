"""Domain records handed out by the service API: plain frozen dataclasses built from rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import Field, dataclass, fields
from typing import Any, ClassVar, TypeVar

from model.constants import CATALYST_STATUSES, RISK_STATUSES, THESIS_STATUSES  # noqa: F401
from model.date_windows import Window
from model.messages import message, term

_Record = TypeVar("_Record", bound="FromRow")


class FromRow:
    """Base of the records: ``from_row`` builds one from a row dict, ignoring extra columns."""

    __slots__ = ()     # ThesisSummary keeps its slots (no __dict__)
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @classmethod
    def from_row(cls: type[_Record], row: Mapping[str, Any]) -> _Record:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(t for t in (part.strip() for part in (text or "").split(",")) if t)


@dataclass(frozen=True)
class Thesis(FromRow):
    id: int
    title: str
    theme: str
    statement: str
    status: str
    conviction: int
    horizon: str
    next_review: str | None
    review_cadence_days: int
    benchmark_ticker: str | None
    tags: str
    created_at: str
    updated_at: str

    @property
    def tag_list(self) -> tuple[str, ...]:
        return split_tags(self.tags)


@dataclass(frozen=True, slots=True)     # 10,000 of them live in the thesis list
class ThesisSummary(FromRow):
    """One line of the thesis list: the thesis plus its next catalyst and overdue counts."""

    id: int
    title: str
    theme: str
    status: str
    conviction: int
    next_review: str | None
    next_catalyst: str | None
    next_expected: str | None
    next_start: str | None
    overdue: int
    pending: int
    review_due: bool = False
    tags: str = ""          # comma-separated, as stored ("optics, 光模块")

    @property
    def tag_list(self) -> tuple[str, ...]:
        return split_tags(self.tags)


@dataclass(frozen=True)
class Company(FromRow):
    id: int
    name: str
    local_name: str
    ticker: str | None
    exchange: str
    country: str

    @property
    def label(self) -> str:
        parts = [self.name]
        if self.local_name:
            parts.append(self.local_name)
        if self.ticker:
            parts.append(f"({self.ticker})")
        return " ".join(parts)


@dataclass(frozen=True)
class Beneficiary(FromRow):
    id: int
    thesis_id: int
    company_id: int
    role: str
    name: str
    local_name: str
    ticker: str | None
    exchange: str
    country: str


@dataclass(frozen=True)
class Risk(FromRow):
    id: int
    thesis_id: int
    title: str
    description: str
    severity: int
    likelihood: int
    status: str

    @property
    def score(self) -> int:
        return self.severity * self.likelihood


@dataclass(frozen=True)
class Catalyst(FromRow):
    id: int
    thesis_id: int
    title: str
    description: str
    expected: str
    window_start: str
    window_end: str
    precision: str
    status: str
    happened_on: str | None
    outcome: str
    impact: str
    created_at: str

    @property
    def placed(self) -> bool:
        """Both window ends are dates. Only a row another tool wrote before schema 5 (whose
        triggers refuse such writes) can be otherwise; charts and calendars leave it off."""
        return _is_date(self.window_start) and _is_date(self.window_end)

    @property
    def window(self) -> Window:
        """The stored window (ValueError for one that is not placed: see ``describe_window``)."""
        return Window(dt.date.fromisoformat(self.window_start),
                      dt.date.fromisoformat(self.window_end), self.precision, self.expected)

    def describe_window(self) -> str:
        """The parsed window in words; a window stored as no date says so."""
        if not self.placed:
            return message("no date (stored as {start!r} – {end!r})", start=self.window_start,
                           end=self.window_end)
        return self.window.describe()

    @property
    def happened_day(self) -> dt.date | None:
        """The day it happened, when that is stored as a date."""
        happened = self.happened_on
        return dt.date.fromisoformat(happened) if happened and _is_date(happened) else None

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == "pending" and self.window_end < today.isoformat()

    def days_overdue(self, today: dt.date) -> int:
        if not _is_date(self.window_end):
            return 0
        return (today - dt.date.fromisoformat(self.window_end)).days


def _is_date(text: object) -> bool:
    """``text`` is a YYYY-MM-DD date (what SQLite's date() gives back unchanged)."""
    if not isinstance(text, str) or len(text) != 10:
        return False
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


@dataclass(frozen=True)
class Source(FromRow):
    id: int
    title: str
    publisher: str
    published_on: str | None
    url: str
    summary: str


@dataclass(frozen=True)
class Citation(FromRow):
    id: int
    source_id: int
    thesis_id: int | None
    risk_id: int | None
    catalyst_id: int | None
    locator: str


@dataclass(frozen=True)
class HistoryEntry(FromRow):
    id: int
    at: str
    thesis_id: int
    catalyst_id: int | None
    field: str
    subject: str
    old: str | None
    new: str | None
    note: str
    undone_at: str | None = None     # when the change was undone (kept in the log, marked)

    def describe(self) -> str:
        """"status: draft -> active", "Google TPU v7 ramp: pending -> done" (the words
        translatable: ``model.messages``)."""
        what = self.subject or term(self.field)
        if self.old is None and self.new is not None:
            return message("{what}: {new}", what=what, new=_value(self.new))
        return message("{what}: {old} -> {new}", what=what, old=_value(self.old),
                       new=_value(self.new))


_STATUSES = frozenset(THESIS_STATUSES + CATALYST_STATUSES + RISK_STATUSES)


def _value(value: str | None) -> str:
    """A value in the history: a status is a word of the vocabulary, anything else as it is."""
    return term(value) if value in _STATUSES else str(value)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_id: int
    thesis_id: int | None
    snippet: str
