"""The roadmap's data: a lane per thesis the list shows, grouped under a lane per theme, and the
bars of only the lanes in view.

At 10,000 theses (100,000 catalysts) nobody reads every bar at once: the plan (which lanes,
how many catalysts each, the time they span) is one aggregate query, and bars are read for
the few dozen lanes on screen as the user scrolls (#12 item 15).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.analysis.timeline import (
    DAY,
    SHOWN_STATUSES,
    Bar,
    catalyst_bar,
    day_seconds,
    fit_range,
    pack_rows,
    shown_status,
)
from model.storage.date_sql import PLACED, is_date_sql
from model.types import Catalyst

if TYPE_CHECKING:
    from model.service import Tracker

NO_THEME = "No theme"


@dataclass(frozen=True)
class Lane:
    """One row of the roadmap: a theme's heading or a thesis, centred on ``y``."""

    y: float
    label: str
    thesis_id: int | None       # None for a theme heading
    theme: str
    count: int                  # catalysts shown (a heading: its theses)

    @property
    def is_heading(self) -> bool:
        return self.thesis_id is None


@dataclass(frozen=True)
class RoadmapPlan:
    lanes: list[Lane]
    theses: int
    catalysts: int
    today_x: float
    x_range: tuple[float, float]
    statuses: tuple[str, ...]

    def lane_at(self, y: float) -> Lane | None:
        i = round(y)
        return self.lanes[i] if 0 <= i < len(self.lanes) else None


def _status_sql(statuses: Iterable[str], today: str) -> tuple[str, list[str]]:
    """A WHERE condition for catalysts whose shown status is one of ``statuses``."""
    parts: list[str] = []
    params: list[str] = []
    for status in statuses:
        if status == "overdue":
            parts.append("(status = 'pending' AND window_end < ?)")
            params.append(today)
        elif status == "pending":
            parts.append("(status = 'pending' AND window_end >= ?)")
            params.append(today)
        elif status in SHOWN_STATUSES:
            parts.append("status = ?")
            params.append(status)
    return ("(" + " OR ".join(parts) + ")" if parts else "0"), params


def roadmap_plan(tracker: Tracker, thesis_ids: Sequence[int] | None = None, *,
                 statuses: Sequence[str] = SHOWN_STATUSES,
                 themes: Sequence[str] | None = None) -> RoadmapPlan:
    """Lanes for ``thesis_ids`` in that order (every thesis by title when None), grouped by
    theme (groups in the order of their first thesis); theses with no catalyst of the chosen
    statuses, or not of ``themes``, are left out."""
    today = tracker.clock.today()
    where, params = _status_sql(statuses, today.isoformat())
    counts = {r["thesis_id"]: r for r in tracker.store.rows(
        f"SELECT thesis_id, count(*) AS n, min(window_start) AS first, max(window_end) AS last, "
        f"max(CASE WHEN {is_date_sql('happened_on')} THEN happened_on END) AS happened "
        f"FROM catalyst WHERE {where} AND {PLACED} GROUP BY thesis_id", params)}
    info = {r["id"]: r for r in tracker.store.rows(
        "SELECT id, title, theme FROM thesis ORDER BY title COLLATE NOCASE, id")}
    order = list(info) if thesis_ids is None else [i for i in thesis_ids if i in info]
    wanted = set(themes) if themes is not None else None
    groups: dict[str, list[int]] = {}
    for thesis_id in order:
        theme = (info[thesis_id]["theme"] or "").strip() or NO_THEME
        if thesis_id in counts and (wanted is None or theme in wanted):
            groups.setdefault(theme, []).append(thesis_id)
    lanes: list[Lane] = []
    for theme, members in groups.items():
        lanes.append(Lane(float(len(lanes)), theme, None, theme, len(members)))
        for thesis_id in members:
            lanes.append(Lane(float(len(lanes)), info[thesis_id]["title"], thesis_id, theme,
                              counts[thesis_id]["n"]))
    shown = [counts[lane.thesis_id] for lane in lanes if not lane.is_heading]
    today_x = day_seconds(today)
    extent = []
    if shown:
        first = min(r["first"] for r in shown)
        last = max(max(r["last"], r["happened"] or r["last"]) for r in shown)
        extent = [(day_seconds(first), day_seconds(last) + DAY)]
    return RoadmapPlan(lanes, len(shown), sum(r["n"] for r in shown), today_x,
                       fit_range(extent, today_x), tuple(statuses))


def lane_bars(tracker: Tracker, lanes: Sequence[Lane], *,
              statuses: Sequence[str] = SHOWN_STATUSES,
              today: dt.date | None = None) -> dict[float, list[Bar]]:
    """The bars of these lanes (headings have none), keyed by lane y. Bars whose windows
    overlap stack inside their lane without overlapping."""
    today = today or tracker.clock.today()
    by_thesis = {lane.thesis_id: lane for lane in lanes if not lane.is_heading}
    out: dict[float, list[Bar]] = {lane.y: [] for lane in lanes}
    if not by_thesis:
        return out
    wanted = set(statuses)
    found: dict[int, list[Catalyst]] = {}
    ids = list(by_thesis)
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for row in tracker.store.rows(
                f"SELECT * FROM catalyst WHERE thesis_id IN ({marks}) "
                f"ORDER BY window_start, window_end, id", part):
            c = Catalyst.from_row(row)
            if c.placed and shown_status(c, today) in wanted:
                found.setdefault(c.thesis_id, []).append(c)
    for thesis_id, items in found.items():
        lane = by_thesis[thesis_id]
        rows = pack_rows([(day_seconds(c.window_start), day_seconds(c.window_end) + DAY)
                          for c in items])
        depth = max(rows) + 1
        out[lane.y] = [catalyst_bar(c, today, lane.y - 0.5 + (row + 0.5) / depth, 0.8 / depth)
                       for c, row in zip(items, rows)]
    return out


def themes(tracker: Tracker) -> list[str]:
    return sorted({t.theme for t in tracker.theses.all() if t.theme})
