"""Small builders shared by tests in different folders."""

from __future__ import annotations

import datetime as dt


def trading_days(start: dt.date, count: int) -> list[str]:
    """``count`` weekdays from ``start`` as ISO dates: a price series' calendar."""
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day.isoformat())
        day += dt.timedelta(days=1)
    return days
