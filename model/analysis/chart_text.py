"""Where chart text goes: date-axis ticks that always say the year, and labels placed so they
never print over each other. Pixel arithmetic only: the GUI measures, this decides (#12)."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from model.analysis.timeline import DAY

_EPOCH = dt.date(1970, 1, 1)
# Months are labelled when a year or less is in view (#12), years beyond that.
MONTHS_UP_TO_DAYS = 400
DAYS_UP_TO_DAYS = 45


def _day(x: float) -> dt.date:
    return _EPOCH + dt.timedelta(days=math.floor(x / DAY))


def _x(day: dt.date) -> float:
    return (day - _EPOCH).days * DAY


def _months(first: dt.date, last: dt.date, step: int) -> list[dt.date]:
    out: list[dt.date] = []
    year, month = first.year, first.month
    while True:
        day = dt.date(year, month, 1)
        if day > last:
            return out
        if day >= first and (month - 1) % step == 0:
            out.append(day)
        month += 1
        if month > 12:
            year, month = year + 1, 1


@dataclass(frozen=True)
class TickNames:
    """How the labels are written: English abbreviations unless the GUI passes its
    locale's ("2026年2月"). Each takes numbers: month (1-12), year, day."""

    month: Callable[[int], str] = lambda m: calendar.month_abbr[m]
    month_year: Callable[[int, int], str] = lambda y, m: f"{calendar.month_abbr[m]} {y}"
    day_month_year: Callable[[int, int, int], str] = \
        lambda y, m, d: f"{d} {calendar.month_abbr[m]} {y}"
    day: Callable[[int, int, int], str] = lambda y, m, d: str(d)


ENGLISH = TickNames()


def date_ticks(lo: float, hi: float, width_px: float, *, label_px: float = 64.0,
               names: TickNames = ENGLISH) -> list[tuple[float, str, bool]]:
    """Ticks for a time axis from ``lo`` to ``hi`` (epoch seconds) drawn ``width_px`` wide:
    (x, label, major). Labels are at least ``label_px`` apart, and the year is always said:

    - more than about a year in view: years ("2026"), and quarters ("Apr", "Jul", "Oct")
      named where there is room, else as unlabelled ticks;
    - a year or less: months ("Jan 2026", then "Feb", "Mar" ... with the year again in January);
    - six weeks or less: days ("24 Nov 2026", then "25", ... with month and year on the 1st).
    """
    if hi <= lo or width_px <= 0:
        return []
    days = (hi - lo) / DAY
    px_per_day = width_px / days
    first, last = _day(lo), _day(hi)
    ticks: list[tuple[float, str, bool]] = []
    if days > MONTHS_UP_TO_DAYS:
        per_year = px_per_day * 365.25
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if s * per_year >= label_px)
        edge = label_px * 0.5 / px_per_day * DAY     # a label this close to the left is cut
        for year in range(first.year, last.year + 1):
            start = dt.date(year, 1, 1)
            if year % step == 0 and lo <= _x(start) <= hi:
                ticks.append((_x(start), str(year), True))
            if step == 1 and px_per_day * 91 >= 12:
                # Quarters: named ("Apr", "Jul", "Oct") where there is room, else a tick.
                named = px_per_day * 91 >= label_px * 0.7
                for month in (4, 7, 10):
                    quarter = dt.date(year, month, 1)
                    if lo <= _x(quarter) <= hi:
                        ticks.append((_x(quarter), names.month(month) if named else "",
                                      False))
        # The first label says its year: a year label cut at the left end is dropped, and a
        # quarter before the first year label reads "Apr 2026" (the axis read "Apr, Jul,
        # Oct, 2027": 2026 never appeared).
        ticks = sorted((x, "" if major and x - lo < edge else label, major)
                       for x, label, major in ticks)
        for i, (x, label, major) in enumerate(ticks):
            if label and x - lo >= edge:
                if not major:
                    day = _day(x)
                    ticks[i] = (x, names.month_year(day.year, day.month), major)
                break
        return sorted(ticks)
    if days > DAYS_UP_TO_DAYS:
        per_month = px_per_day * 30.4
        # Wider labels ("Jan 2026") need more room than "Feb".
        step = next(s for s in (1, 2, 3, 6) if s * per_month >= label_px * 0.8)
        said_year = False
        edge = label_px * 0.5 / px_per_day * DAY     # a label this close to the left is cut
        for day in _months(first, last, step):
            x = _x(day)
            if not lo <= x <= hi:
                continue
            show_year = day.month == 1 or not said_year
            said_year = said_year or x - lo >= edge
            label = names.month_year(day.year, day.month) if show_year \
                else names.month(day.month)
            ticks.append((x, label, day.month == 1))
        if not ticks:       # a range inside one month: say which
            ticks.append((lo, names.month_year(first.year, first.month), True))
        return ticks
    step = next(s for s in (1, 2, 7, 14) if s * px_per_day >= label_px * 0.6)
    said = False
    edge = label_px * 0.5 / px_per_day * DAY
    day = first
    while day <= last:
        x = _x(day)
        if lo <= x <= hi and (day.day == 1 or (day - first).days % step == 0):
            if day.day == 1 or not said:
                label = names.day_month_year(day.year, day.month, day.day)
            else:
                label = names.day(day.year, day.month, day.day)
            said = said or x - lo >= edge
            ticks.append((x, label, day.day == 1))
        day += dt.timedelta(days=1)
    return ticks


def place_labels(spans: Sequence[tuple[float, float]], widths: Sequence[float], *,
                 lo: float, hi: float, gap: float = 6.0,
                 pad: float = 4.0) -> list[float | None]:
    """Left edges (pixels) for one label per span, or None for a label left out.

    Each label sits at the start of its span's visible part, or is moved to end at the span's
    end; it is drawn only if it then lies inside ``[lo, hi]`` and inside its own span, and
    clear (by ``gap``) of every label already placed. Longer spans are placed first, so when
    two brief statuses follow each other ("draft" then "active") the one that held longer keeps
    its name and the other is dropped: labels never print over each other (#12 defect 6).
    """
    placed: list[tuple[float, float]] = []
    out: list[float | None] = [None] * len(spans)
    order = sorted(range(len(spans)), key=lambda i: -(min(spans[i][1], hi)
                                                        - max(spans[i][0], lo)))
    for i in order:
        x0, x1 = max(spans[i][0], lo), min(spans[i][1], hi)
        width = widths[i]
        if x1 - x0 < width + 2 * pad:
            continue
        for left in (x0 + pad, x1 - pad - width):
            right = left + width
            if all(right + gap <= a or left >= b + gap for a, b in placed):
                placed.append((left, right))
                out[i] = left
                break
    return out
