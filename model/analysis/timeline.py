"""Pure data for the milestone charts: catalyst bars in epoch seconds, the conviction and status
steps the history records, and the range a chart opens on.

Colours are not chosen here: a bar carries its shown status and the GUI's one palette
(``gui.palette``) colours it, the same in the app, the PDF and the Markdown PNG.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from model.constants import THESIS_STATUSES
from model.types import Catalyst

if TYPE_CHECKING:
    from model.service import Tracker

DAY = 86_400.0
# What a chart can show of a catalyst: its status, or "overdue" for a pending one whose window
# has ended.
SHOWN_STATUSES = ("pending", "overdue", "done", "missed", "cancelled")
# A chart never opens on less than this much time: a new thesis with one catalyst next week
# still shows months, with their year, around today (#12 defect 4).
MIN_FIT_DAYS = 180


def day_seconds(day: dt.date | str) -> float:
    """Epoch seconds of the day's UTC midnight (what pg.DateAxisItem(utcOffset=0) labels)."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return float((day - dt.date(1970, 1, 1)).days) * DAY


def stamp_seconds(stamp: str) -> float:
    """Epoch seconds of a history stamp like 2026-11-24T10:00:00Z."""
    when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.timestamp()


def shown_status(catalyst: Catalyst, today: dt.date) -> str:
    return "overdue" if catalyst.is_overdue(today) else catalyst.status


@dataclass(frozen=True)
class Bar:
    """One catalyst on a chart: its window [x0, x1) and where it sits vertically."""

    catalyst_id: int
    thesis_id: int
    title: str
    x0: float                   # UTC midnight of the window's first day
    x1: float                   # UTC midnight after the window's last day (a day is 1 day wide)
    y: float                    # centre of the bar, in lane units (lane i is centred on i)
    height: float
    precision: str
    status: str                 # shown status: pending, overdue, done, missed, cancelled
    happened_x: float | None    # UTC midnight of the day it happened (or was missed)
    tooltip: str

    @property
    def is_point(self) -> bool:
        return self.precision == "day"


@dataclass
class Steps:
    """A step series: ``ys[i]`` holds from ``xs[i]`` to ``xs[i + 1]`` (len(xs) = len(ys) + 1).

    It begins where the history first records a value: before ``xs[0]`` the value is unknown
    and a chart draws nothing there, never today's value (#12 defect 5).
    """

    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)

    @property
    def known_from(self) -> float | None:
        return self.xs[0] if self.xs else None


@dataclass
class Timeline:
    bars: list[Bar]
    lanes: list[tuple[float, str]]          # (y, label) for the lane axis
    today_x: float
    x_range: tuple[float, float]            # what the chart opens on (``fit_range``)
    conviction: Steps = field(default_factory=Steps)
    status: Steps = field(default_factory=Steps)     # y = index into THESIS_STATUSES
    status_names: tuple[str, ...] = THESIS_STATUSES

    def bar_for(self, catalyst_id: int) -> Bar | None:
        return next((b for b in self.bars if b.catalyst_id == catalyst_id), None)

    @property
    def lane_count(self) -> int:
        return len(self.lanes)


def tooltip(c: Catalyst, status: str) -> str:
    lines = [c.title, f"Window: {c.expected} ({c.describe_window()})"]
    state = status if not c.happened_on else f"{status} on {c.happened_on}"
    lines.append(f"Status: {state}")
    if c.outcome:
        lines.append(f"Outcome: {c.outcome}")
    return "\n".join(lines)


def catalyst_bar(c: Catalyst, today: dt.date, y: float, height: float) -> Bar:
    status = shown_status(c, today)
    return Bar(c.id, c.thesis_id, c.title, day_seconds(c.window_start),
               day_seconds(c.window_end) + DAY, y, height, c.precision, status,
               day_seconds(c.happened_day) if c.happened_day else None, tooltip(c, status))


def bar_spans(bars: Sequence[Bar]) -> list[tuple[float, float]]:
    """What a chart must show of its bars: each window and each day one happened."""
    return [(b.x0, b.x1) for b in bars] + [(b.happened_x, b.happened_x + DAY) for b in bars
                                           if b.happened_x is not None]


def fit_range(spans: Sequence[tuple[float, float]], today_x: float, *,
              min_days: float = MIN_FIT_DAYS) -> tuple[float, float]:
    """The time a chart opens on: the spans (catalyst windows, the days they happened) and
    today, with a margin; never less than ``min_days`` (centred on what there is), so the axis
    always shows months or years and the today line is always inside (#12 defect 4)."""
    xs = [today_x] + [x for span in spans for x in span]
    lo, hi = min(xs), max(xs)
    least = min_days * DAY
    if hi - lo < least:
        middle = (lo + hi) / 2
        lo, hi = middle - least / 2, middle + least / 2
    pad = max((hi - lo) * 0.04, 10 * DAY)
    return lo - pad, hi + pad


def thesis_timeline(tracker: Tracker, thesis_id: int) -> Timeline:
    """One lane per catalyst (in window order), plus conviction and status steps from history."""
    today = tracker.clock.today()
    # A window stored as no date (another tool, before schema 5) has no place on the axis.
    catalysts = [c for c in tracker.catalysts.for_thesis(thesis_id) if c.placed]
    bars = [catalyst_bar(c, today, float(i), 0.6) for i, c in enumerate(catalysts)]
    lanes = [(float(i), c.title) for i, c in enumerate(catalysts)]
    today_x = day_seconds(today)
    conviction, status = thesis_steps(tracker, thesis_id)
    return Timeline(bars, lanes, today_x, fit_range(bar_spans(bars), today_x),
                    conviction=conviction, status=status)


@dataclass(frozen=True)
class Change:
    """One history row of a field: when, the value before (None: the first one recorded) and
    after."""

    at: float
    old: str | None
    new: str | None


def thesis_steps(tracker: Tracker, thesis_id: int) -> tuple[Steps, Steps]:
    """Conviction and status over time, as far as the history records them, up to now."""
    thesis = tracker.theses.get(thesis_id)
    rows = tracker.store.rows(
        "SELECT at, field, old, new FROM history WHERE thesis_id = ? AND field IN "
        "('created', 'status', 'conviction') AND undone_at IS NULL ORDER BY at, id",
        (thesis_id,))
    created_row = next((r["at"] for r in rows if r["field"] == "created"), None)
    created = stamp_seconds(created_row or thesis.created_at)
    now = tracker.clock.now().timestamp()

    def changes(name: str, convert: Callable[[str | int], float]) -> list[Change]:
        # A value that is none of the field's (a conviction "high" another SQLite tool
        # wrote) says nothing, like a row without values: the chart failed on it.
        return [Change(stamp_seconds(r["at"]), _readable(r["old"], convert),
                       _readable(r["new"], convert))
                for r in rows if r["field"] == name]

    return (recorded_steps(changes("conviction", float), thesis.conviction, created=created,
                           creation_recorded=created_row is not None, now=now, convert=float),
            recorded_steps(changes("status", status_level), thesis.status, created=created,
                           creation_recorded=created_row is not None, now=now,
                           convert=status_level))


def _readable(value: str | None, convert: Callable[[str | int], float]) -> str | None:
    if value is None:
        return None
    try:
        convert(value)
    except (TypeError, ValueError, KeyError):
        return None
    return value


def recorded_steps(changes: Sequence[Change], current: str | int, *, created: float,
                   creation_recorded: bool, now: float,
                   convert: Callable[[str | int], float]) -> Steps:
    """The steps a field's history (oldest first) supports, never inventing a value.

    - The first row without an old value is the first value recorded: the steps start there.
      (The demo's "Big light" records conviction 3 on 9 Dec, then 3 → 4: it never was 4
      before that, whatever it is today.)
    - A first row with an old value: that value held since the thesis was created.
    - No rows: the value has not changed since a recorded creation; with no creation on
      record either it is known only now (a single point).
    - Rows that record neither value (a bundle may hold one) say nothing and are left out:
      as the first row, one made the chart fail with float(None).
    """
    changes = [c for c in changes if c.old is not None or c.new is not None]
    rest: Sequence[Change]
    if not changes:
        start = created if creation_recorded else now
        steps = Steps([min(start, now)], [convert(current)])
        rest = ()
    elif changes[0].old is None:
        first = changes[0].new
        assert first is not None            # rows recording neither value were left out
        steps = Steps([changes[0].at], [convert(first)])
        rest = changes[1:]
    else:
        steps = Steps([min(created, changes[0].at)], [convert(changes[0].old)])
        rest = changes
    for change in rest:
        if change.new is None:
            continue
        x = max(change.at, steps.xs[-1])
        if x == steps.xs[-1]:
            steps.ys[-1] = convert(change.new)      # same instant: the later value wins
        else:
            steps.xs.append(x)
            steps.ys.append(convert(change.new))
    steps.xs.append(max(now, steps.xs[-1]))
    return steps


def status_level(name: str | int) -> float:
    return float(THESIS_STATUSES.index(name)) if name in THESIS_STATUSES else 0.0


def pack_rows(spans: list[tuple[float, float]], *, gap: float = 3 * DAY) -> list[int]:
    """Greedy interval packing (spans sorted by start): the first row whose last bar has ended."""
    ends: list[float] = []
    rows = []
    for x0, x1 in spans:
        for i, end in enumerate(ends):
            if end + gap <= x0:
                ends[i] = x1
                rows.append(i)
                break
        else:
            ends.append(x1)
            rows.append(len(ends) - 1)
    return rows
