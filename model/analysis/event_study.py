"""Did the catalysts move the stocks? Returns around each done catalyst, per beneficiary.

Convention (the usual [-1, +h] event window): day 0 is the first trading day on or after the
date the catalyst happened; the base is the close of the trading day before day 0 (so news
that broke before the open is inside the window); the h-day return runs from the base close to
the close h trading days after day 0. Excess return is the stock's return minus the
benchmark's over the same calendar dates (the benchmark's last close on or before each date),
so exchanges with different holidays still compare like with like.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from model.prices import PriceSeries

if TYPE_CHECKING:
    from model.service import Tracker
    from model.types import Beneficiary

HORIZONS = (1, 5, 20)


@dataclass(frozen=True)
class EventWindow:
    """Where one event sits in a price series."""

    base_day: str
    base_close: float
    event_day: str                      # day 0: first trading day on or after the event
    returns: dict[int, float | None]    # horizon -> simple return (0.1 = +10 %), None if short
    end_days: dict[int, str | None]     # horizon -> the day whose close ends the window


def event_window(series: PriceSeries, event_date: str,
                 horizons: Iterable[int] = HORIZONS) -> EventWindow | None:
    """Returns after an event, or None when there is no close before it or no trading on or
    after it."""
    day0 = bisect.bisect_left(series.days, event_date)
    if day0 == 0 or day0 >= len(series.days):
        return None
    base = series.values[day0 - 1]
    returns: dict[int, float | None] = {}
    ends: dict[int, str | None] = {}
    for h in horizons:
        i = day0 + h
        if i < len(series.days):
            returns[h] = series.values[i] / base - 1.0
            ends[h] = series.days[i]
        else:
            returns[h], ends[h] = None, None
    return EventWindow(series.days[day0 - 1], base, series.days[day0], returns, ends)


def close_on_or_before(series: PriceSeries, day: str) -> float | None:
    i = bisect.bisect_right(series.days, day)
    return series.values[i - 1] if i else None


def benchmark_returns(benchmark: PriceSeries, window: EventWindow) -> dict[int, float | None]:
    """The benchmark's return over the stock's window, by calendar dates."""
    base = close_on_or_before(benchmark, window.base_day)
    out: dict[int, float | None] = {}
    for h, end_day in window.end_days.items():
        end = close_on_or_before(benchmark, end_day) if end_day else None
        out[h] = end / base - 1.0 if base and end else None
    return out


@dataclass(frozen=True)
class EventRow:
    catalyst_id: int
    catalyst: str
    happened_on: str
    company_id: int
    company: str
    ticker: str | None
    base_day: str
    base_close: float
    returns: dict[int, float | None]
    excess: dict[int, float | None]     # empty when the thesis has no usable benchmark

    @property
    def id(self) -> tuple[int, int]:
        return (self.catalyst_id, self.company_id)


@dataclass
class EventStudy:
    thesis_id: int
    horizons: tuple[int, ...]
    rows: list[EventRow] = field(default_factory=list)
    benchmark: str | None = None                   # the thesis's benchmark ticker
    benchmark_has_prices: bool = False
    without_prices: list[str] = field(default_factory=list)   # beneficiaries with no prices
    events: int = 0                                # done catalysts with a date


def _excess(stock: float | None, benchmark: float | None) -> float | None:
    return stock - benchmark if stock is not None and benchmark is not None else None


def event_study(tracker: Tracker, thesis_id: int,
                horizons: Iterable[int] = HORIZONS) -> EventStudy:
    """For each done catalyst and each beneficiary with prices, returns (and excess) after it."""
    thesis = tracker.theses.get(thesis_id)
    horizons = tuple(horizons)
    study = EventStudy(thesis_id, horizons, benchmark=thesis.benchmark_ticker)
    done = [(c, c.happened_on) for c in tracker.catalysts.for_thesis(thesis_id)
            if c.status == "done" and c.happened_on]
    done.sort(key=lambda pair: (pair[1], pair[0].id))
    study.events = len(done)
    bench_id = tracker.prices.benchmark_for(thesis)
    bench = tracker.prices.series(bench_id) if bench_id is not None else None
    study.benchmark_has_prices = bench is not None
    series: dict[int, tuple[Beneficiary, PriceSeries]] = {}
    for b in tracker.beneficiaries.for_thesis(thesis_id):
        s = tracker.prices.series(b.company_id)
        if len(s):
            series[b.company_id] = (b, s)
        else:
            study.without_prices.append(b.ticker or b.name)
    for c, happened_on in done:
        for b, s in series.values():
            window = event_window(s, happened_on, horizons)
            if window is None:
                continue
            excess: dict[int, float | None] = {}
            if bench is not None:
                br = benchmark_returns(bench, window)
                excess = {h: _excess(window.returns[h], br[h]) for h in horizons}
            study.rows.append(EventRow(c.id, c.title, happened_on, b.company_id, b.name,
                                       b.ticker, window.base_day, window.base_close,
                                       window.returns, excess))
    return study


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:+.1f}%"
