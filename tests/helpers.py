"""Small builders shared by tests in different folders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def trading_days(start: dt.date, count: int) -> list[str]:
    """``count`` weekdays from ``start`` as ISO dates: a price series' calendar."""
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day.isoformat())
        day += dt.timedelta(days=1)
    return days


def jump_series(days, jump_day: str, before: float, after: float, drift: float = 0.0):
    """Flat (or drifting by ``drift`` a day) at ``before``; from ``jump_day`` on, x after/before."""
    values, level = [], before
    for d in days:
        level *= 1 + drift
        values.append(level * (after / before if d >= jump_day else 1.0))
    return values


ROOT = Path(__file__).resolve().parent.parent      # the repository: main.py lives here
