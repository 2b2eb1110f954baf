"""Pure data for the milestone charts: catalyst bars in epoch seconds, status colours, step series."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from model.constants import THESIS_STATUSES
from model.types import Catalyst

DAY = 86_400.0

# One colour per shown status; "overdue" is a pending catalyst whose window has ended.
STATUS_COLOURS = {"pending": "#1565c0", "overdue": "#ef6c00", "done": "#2e7d32",
                  "missed": "#c62828", "cancelled": "#9e9e9e"}
SHOWN_STATUSES = tuple(STATUS_COLOURS)
THESIS_STATUS_COLOURS = {"draft": "#9e9e9e", "active": "#1565c0", "watch": "#f9a825",
                         "confirmed": "#2e7d32", "broken": "#c62828", "closed": "#616161"}


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
    colour: str
    happened_x: float | None    # UTC midnight of the day it happened (or was missed)
    tooltip: str

    @property
    def is_point(self) -> bool:
        return self.precision == "day"


@dataclass
class Steps:
    """A step series: value ``ys[i]`` holds from ``xs[i]`` to ``xs[i + 1]`` (len(xs) = len(ys) + 1)."""

    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)


@dataclass
class Timeline:
    bars: list[Bar]
    lanes: list[tuple[float, str]]          # (y, label) for the lane axis
    today_x: float
    x_range: tuple[float, float]
    colours: dict[str, str] = field(default_factory=lambda: dict(STATUS_COLOURS))
    conviction: Steps = field(default_factory=Steps)
    status: Steps = field(default_factory=Steps)     # y = index into THESIS_STATUSES
    status_names: tuple[str, ...] = THESIS_STATUSES

    def bar_for(self, catalyst_id: int) -> Bar | None:
        return next((b for b in self.bars if b.catalyst_id == catalyst_id), None)

    @property
    def lane_count(self) -> int:
        return len(self.lanes)


def tooltip(c: Catalyst, status: str) -> str:
    lines = [c.title, f"Window: {c.expected} ({c.window.describe()})"]
    state = status if not c.happened_on else f"{status} on {c.happened_on}"
    lines.append(f"Status: {state}")
    if c.outcome:
        lines.append(f"Outcome: {c.outcome}")
    return "\n".join(lines)


def _bar(c: Catalyst, today: dt.date, y: float, height: float) -> Bar:
    status = shown_status(c, today)
    return Bar(c.id, c.thesis_id, c.title, day_seconds(c.window_start),
               day_seconds(c.window_end) + DAY, y, height, c.precision, status,
               STATUS_COLOURS.get(status, STATUS_COLOURS["pending"]),
               day_seconds(c.happened_on) if c.happened_on else None, tooltip(c, status))


def _x_range(bars: list[Bar], today_x: float, extra: list[float] = ()) -> tuple[float, float]:
    xs = [today_x, *extra] + [b.x0 for b in bars] + [b.x1 for b in bars] + \
        [b.happened_x for b in bars if b.happened_x is not None]
    lo, hi = min(xs), max(xs)
    pad = max((hi - lo) * 0.03, 15 * DAY)
    return lo - pad, hi + pad


def thesis_timeline(tracker, thesis_id: int) -> Timeline:
    """One lane per catalyst (in window order), plus conviction and status steps from history."""
    today = tracker.clock.today()
    catalysts = tracker.catalysts.for_thesis(thesis_id)
    bars = [_bar(c, today, float(i), 0.6) for i, c in enumerate(catalysts)]
    lanes = [(float(i), c.title) for i, c in enumerate(catalysts)]
    today_x = day_seconds(today)
    conviction, status = thesis_steps(tracker, thesis_id)
    return Timeline(bars, lanes, today_x, _x_range(bars, today_x, conviction.xs[:1]),
                    conviction=conviction, status=status)


def thesis_steps(tracker, thesis_id: int) -> tuple[Steps, Steps]:
    """Conviction and status over time: from creation, each recorded change, up to now."""
    thesis = tracker.theses.get(thesis_id)
    rows = tracker.store.rows(
        "SELECT at, field, old, new FROM history WHERE thesis_id = ? "
        "AND field IN ('created', 'status', 'conviction') AND undone_at IS NULL ORDER BY at, id", (thesis_id,))
    created = next((r["at"] for r in rows if r["field"] == "created"), thesis.created_at)
    start = stamp_seconds(created)
    now = max(tracker.clock.now().timestamp(), start)
    series = []
    for name, current, convert in (("conviction", thesis.conviction, float),
                                   ("status", thesis.status, _status_level)):
        changes = [r for r in rows if r["field"] == name]
        steps = Steps([start], [])
        value = changes[0]["old"] if changes and changes[0]["old"] is not None else current
        steps.ys.append(convert(value))
        for r in changes:
            x = max(stamp_seconds(r["at"]), steps.xs[-1])
            if x == steps.xs[-1]:
                steps.ys[-1] = convert(r["new"])      # same instant: the later value wins
            else:
                steps.xs.append(x)
                steps.ys.append(convert(r["new"]))
        steps.xs.append(max(now, steps.xs[-1]))
        series.append(steps)
    return series[0], series[1]


def _status_level(name) -> float:
    return float(THESIS_STATUSES.index(name)) if name in THESIS_STATUSES else 0.0


def roadmap(tracker, *, statuses=None, themes=None) -> Timeline:
    """All theses' catalysts, a lane per thesis; bars that overlap in time stack inside it.

    ``statuses`` keeps only catalysts whose shown status is listed (pending, overdue, done,
    missed, cancelled); ``themes`` keeps only theses of those themes. Empty lanes are dropped.
    """
    today = tracker.clock.today()
    wanted = set(statuses) if statuses is not None else None
    theme_set = set(themes) if themes is not None else None
    theses = [t for t in tracker.theses.all()
              if theme_set is None or (t.theme or "") in theme_set]
    by_thesis: dict[int, list[Catalyst]] = {t.id: [] for t in theses}
    for row in tracker.store.rows("SELECT * FROM catalyst ORDER BY window_start, window_end, id"):
        c = Catalyst.from_row(row)
        if c.thesis_id in by_thesis and (wanted is None or shown_status(c, today) in wanted):
            by_thesis[c.thesis_id].append(c)
    bars, lanes = [], []
    for thesis in theses:
        items = by_thesis[thesis.id]
        if not items:
            continue
        lane = float(len(lanes))
        rows = pack_rows([(day_seconds(c.window_start), day_seconds(c.window_end) + DAY)
                          for c in items])
        depth = max(rows) + 1
        for c, row in zip(items, rows):
            y = lane - 0.5 + (row + 0.5) / depth
            bars.append(_bar(c, today, y, 0.8 / depth))
        lanes.append((lane, thesis.title))
    today_x = day_seconds(today)
    return Timeline(bars, lanes, today_x, _x_range(bars, today_x))


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


def themes(tracker) -> list[str]:
    return sorted({t.theme for t in tracker.theses.all() if t.theme})
