"""The review queue: pending catalysts (overdue first, then upcoming) and theses due for review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, NamedTuple

from model.constants import SETTLED_STATUSES
from model.storage.sqlite_errors import translated

if TYPE_CHECKING:
    from model.storage.store import Store

# Rows come back as tuples in field order, so one NamedTuple per row is all the Python work
# (the bench holds the query to 1.5x raw sqlite3 at 100,000 catalysts).
_CATALYST_SQL = """
SELECT c.id, c.thesis_id, t.title, t.theme, c.title, c.expected, c.window_start, c.window_end,
       c.impact,
       max(0, CAST(julianday(:today) - julianday(c.window_end) AS INTEGER)),
       CAST(julianday(c.window_start) - julianday(:today) AS INTEGER)
FROM catalyst c INDEXED BY catalyst_status_window
JOIN thesis t ON t.id = c.thesis_id
WHERE c.status = 'pending' AND c.window_start <= :horizon {filters}
ORDER BY c.window_end >= :today,
         CASE WHEN c.window_end < :today THEN c.window_end ELSE c.window_start END,
         c.window_start, c.window_end, c.id
"""

# A review is due when its date has passed or falls this week, unless the thesis is settled.
_REVIEW_DUE = (f"t.next_review IS NOT NULL AND t.next_review <= :until "
               f"AND t.status NOT IN {tuple(SETTLED_STATUSES)!r}")
_REVIEW_SQL = f"""
SELECT t.id, t.title, t.theme, t.status, t.conviction, t.next_review, t.review_cadence_days,
       (SELECT max(h.at) FROM history h WHERE h.thesis_id = t.id AND h.field = 'review'
                                                AND h.undone_at IS NULL),
       CAST(julianday(:today) - julianday(t.next_review) AS INTEGER)
FROM thesis t
WHERE {_REVIEW_DUE} {{filters}}
ORDER BY t.next_review, t.title COLLATE NOCASE, t.id
"""


class UpcomingCatalyst(NamedTuple):
    """A pending catalyst in the queue, with its thesis and how late or near it is."""

    catalyst_id: int
    thesis_id: int
    thesis_title: str
    theme: str
    title: str
    expected: str
    window_start: str
    window_end: str
    impact: str
    overdue_days: int     # days since the window ended; 0 unless overdue
    days_to_go: int       # days until the window starts; <= 0 once it has started

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0

    @property
    def state(self) -> str:
        """'overdue', 'under way' (inside its window) or 'upcoming'."""
        if self.overdue_days > 0:
            return "overdue"
        return "under way" if self.days_to_go <= 0 else "upcoming"

    def when(self) -> str:
        """Short text for a table cell: '12 d overdue', 'under way', 'in 5 d'."""
        if self.overdue_days > 0:
            return f"{self.overdue_days} d overdue"
        return "under way" if self.days_to_go <= 0 else f"in {self.days_to_go} d"


class ReviewDue(NamedTuple):
    """A thesis whose next review date has passed or falls this week."""

    thesis_id: int
    title: str
    theme: str
    status: str
    conviction: int
    next_review: str
    review_cadence_days: int
    last_reviewed: str | None     # time stamp of the last recorded review, if any
    overdue_days: int             # > 0 past due, 0 due today, < 0 later this week

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0

    def when(self) -> str:
        if self.overdue_days > 0:
            return f"{self.overdue_days} d overdue"
        return "today" if self.overdue_days == 0 else f"in {-self.overdue_days} d"


class QueueItem(NamedTuple):
    """One line of the GUI's Upcoming view: a catalyst or a thesis review, in one order."""

    kind: str              # 'catalyst' or 'review'
    ref_id: int            # catalyst id, or thesis id for a review
    thesis_id: int
    thesis_title: str
    title: str             # the catalyst title, or 'Review: <thesis title>'
    expected: str          # the catalyst's window text, or the review date
    overdue_days: int
    days_to_go: int

    @property
    def key(self) -> tuple[str, int]:
        """Stable identity for in-place view updates."""
        return (self.kind, self.ref_id)

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


class Overdue(NamedTuple):
    catalysts: int
    reviews: int

    @property
    def total(self) -> int:
        return self.catalysts + self.reviews


def week_end(today: dt.date) -> dt.date:
    """The Sunday ending today's week: 'falls this week' in the issue's words."""
    return today + dt.timedelta(days=6 - today.weekday())


class Queue:
    def __init__(self, store: Store):
        self.store = store

    def _today(self, today: dt.date | None) -> dt.date:
        return today or self.store.clock.today()

    def catalysts(self, *, days: int = 30, theme: str | None = None, today: dt.date | None = None,
                  thesis_ids: Iterable[int] | None = None) -> list[UpcomingCatalyst]:
        """Pending catalysts of every thesis: overdue first (longest overdue first), then those
        whose window has started or starts within ``days`` (soonest first). ``theme`` keeps
        theses whose theme contains it (any case); ``thesis_ids`` limits to those theses (for
        refreshing touched rows)."""
        day = self._today(today)
        params = {"today": day.isoformat(),
                  "horizon": (day + dt.timedelta(days=max(0, int(days)))).isoformat()}
        filters = self._filters(params, theme, thesis_ids, "c.thesis_id")
        if filters is None:
            return []
        sql = _CATALYST_SQL.format(filters=filters)
        with translated(self.store.path):
            rows = self.store.conn.execute(sql, params).fetchall()
        return list(map(UpcomingCatalyst._make, rows))

    def reviews(self, *, today: dt.date | None = None, theme: str | None = None,
                thesis_ids: Iterable[int] | None = None) -> list[ReviewDue]:
        """Theses (not settled) whose next review has passed or falls this week, most
        overdue first."""
        day = self._today(today)
        params = {"today": day.isoformat(), "until": week_end(day).isoformat()}
        filters = self._filters(params, theme, thesis_ids, "t.id")
        if filters is None:
            return []
        with translated(self.store.path):
            rows = self.store.conn.execute(_REVIEW_SQL.format(filters=filters), params).fetchall()
        return list(map(ReviewDue._make, rows))

    def reviews_due_count(self, *, today: dt.date | None = None) -> int:
        """How many theses ``reviews()`` lists, counted without reading them (the start-up
        notice needs only the number)."""
        until = week_end(self._today(today)).isoformat()
        return int(self.store.scalar(f"SELECT count(*) FROM thesis t WHERE {_REVIEW_DUE}",
                                     {"until": until}))

    def items(self, *, days: int = 30, theme: str | None = None, today: dt.date | None = None,
              include_reviews: bool = True,
              thesis_ids: Collection[int] | None = None) -> list[QueueItem]:
        """Catalysts and reviews due in one list: everything overdue first (longest overdue
        first), then by the day it falls (reviews before catalysts on the same day)."""
        day = self._today(today)
        if thesis_ids is not None:
            thesis_ids = list(thesis_ids)      # read twice (catalysts, then reviews)
        out = [QueueItem("catalyst", c.catalyst_id, c.thesis_id, c.thesis_title, c.title,
                         c.expected, c.overdue_days, c.days_to_go)
               for c in self.catalysts(days=days, theme=theme, today=day, thesis_ids=thesis_ids)]
        if include_reviews:
            out.extend(QueueItem("review", r.thesis_id, r.thesis_id, r.title, f"Review: {r.title}",
                                 r.next_review, max(0, r.overdue_days), -r.overdue_days)
                       for r in self.reviews(today=day, theme=theme, thesis_ids=thesis_ids))
        out.sort(key=lambda i: (not i.overdue, -i.overdue_days, i.days_to_go,
                                i.kind != "review", i.ref_id))
        return out

    def overdue(self, today: dt.date | None = None) -> Overdue:
        """How many pending catalysts and how many reviews are past due (window title figure)."""
        day = self._today(today).isoformat()
        from model.catalysts import OVERDUE_COUNT_SQL
        catalysts = self.store.scalar(OVERDUE_COUNT_SQL, {"today": day})
        reviews = self.store.scalar(
            f"SELECT count(*) FROM thesis WHERE next_review < ? AND status NOT IN "
            f"{tuple(SETTLED_STATUSES)!r}", (day,))
        return Overdue(catalysts, reviews)

    def review_overdue_ids(self, today: dt.date | None = None) -> set[int]:
        """Theses whose review date has passed (the list marks them)."""
        day = self._today(today).isoformat()
        rows = self.store.rows(f"SELECT id FROM thesis WHERE next_review < ? AND status NOT IN "
                               f"{tuple(SETTLED_STATUSES)!r}", (day,))
        return {r["id"] for r in rows}

    @staticmethod
    def _filters(params: dict[str, str], theme: str | None, thesis_ids: Iterable[int] | None,
                 thesis_column: str) -> str | None:
        clauses: list[str] = []
        if theme is not None and str(theme).strip():
            params["theme"] = str(theme).strip().lower()
            clauses.append("AND instr(lower(t.theme), :theme) > 0")
        if thesis_ids is not None:
            ids = sorted({int(i) for i in thesis_ids})
            if not ids:
                return None
            clauses.append(f"AND {thesis_column} IN ({','.join(str(i) for i in ids)})")
        return " ".join(clauses)
