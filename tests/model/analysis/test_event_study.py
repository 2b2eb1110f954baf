"""Event studies (#4): returns from the close before a done catalyst to 1, 5 and 20 trading
days after, and excess over the thesis's benchmark, checked on series built by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from model.analysis.event_study import event_study, event_window
from model.prices import PriceSeries
from tests.helpers import jump_series, trading_days


def test_window_on_a_known_jump():
    """A +10 % jump on the event day shows as +10 % at every horizon; the base is the close
    of the day before and day 0 the event day (#4)."""
    days = trading_days(dt.date(2025, 3, 3), 60)
    event = days[30]
    series = PriceSeries(1, days, jump_series(days, event, 100.0, 110.0))
    w = event_window(series, event)
    assert (w.base_day, w.event_day, w.base_close) == (days[29], event, 100.0)
    assert w.returns == pytest.approx({1: 0.10, 5: 0.10, 20: 0.10})
    assert w.end_days == {1: days[31], 5: days[35], 20: days[50]}


def test_event_on_a_weekend_counts_from_the_next_trading_day():
    """News on a Saturday: the base is Friday's close, day 0 is Monday (#4)."""
    days = trading_days(dt.date(2025, 3, 3), 40)      # Monday 3 March 2025
    saturday = "2025-03-08"
    values = [100.0 + i for i in range(len(days))]     # +1 a day, by hand
    w = event_window(PriceSeries(1, days, values), saturday)
    assert (w.base_day, w.event_day) == ("2025-03-07", "2025-03-10")
    friday = days.index("2025-03-07")
    assert w.returns[1] == pytest.approx(values[friday + 2] / values[friday] - 1)
    assert w.returns[5] == pytest.approx(values[friday + 6] / values[friday] - 1)


def test_short_or_missing_data_gives_no_number():
    """Too few days after an event, or no prices, gives no return rather than a made-up one (#4)."""
    days = trading_days(dt.date(2025, 3, 3), 10)
    series = PriceSeries(1, days, [10.0] * 10)
    assert event_window(series, days[0]) is None            # no close before the event
    assert event_window(series, "2030-01-01") is None       # no trading after it
    w = event_window(series, days[5])
    assert w.returns[1] == 0.0 and w.returns[20] is None and w.end_days[20] is None


def test_event_study_over_the_store_with_benchmark(tracker):
    """Per done catalyst and beneficiary with prices: the stock jumps +20 % on the event while
    the benchmark rises 5 %, so the excess is +15 %; a catalyst still pending gives no row and
    a beneficiary without prices is reported (#4)."""
    thesis_id = tracker.theses.add(title="Jump test", benchmark_ticker="IDX").id
    stock = tracker.companies.add(name="Jumper", ticker="JMP")
    other = tracker.companies.add(name="No prices", ticker="NOP")
    index = tracker.companies.add(name="Index", ticker="IDX")
    tracker.beneficiaries.add(thesis_id=thesis_id, company_id=stock.id)
    tracker.beneficiaries.add(thesis_id=thesis_id, company_id=other.id)
    days = trading_days(dt.date(2025, 1, 6), 80)
    event = days[40]
    tracker.prices.store_rows(stock.id, [(d, v, None) for d, v in
                                         zip(days, jump_series(days, event, 50.0, 60.0))])
    tracker.prices.store_rows(index.id, [(d, v, None) for d, v in
                                         zip(days, jump_series(days, days[41], 200.0, 210.0))])
    done = tracker.catalysts.add(thesis_id=thesis_id, title="Big news", expected=event[:7])
    tracker.catalysts.tick(done.id, on=event)
    tracker.catalysts.add(thesis_id=thesis_id, title="Later", expected="2027")

    study = event_study(tracker, thesis_id)
    assert study.benchmark == "IDX" and study.benchmark_has_prices
    assert study.without_prices == ["NOP"] and study.events == 1
    [row] = study.rows
    assert (row.catalyst_id, row.company_id, row.base_day, row.base_close) == (
        done.id, stock.id, days[39], 50.0)
    assert row.returns == pytest.approx({1: 0.20, 5: 0.20, 20: 0.20})
    assert row.excess == pytest.approx({1: 0.15, 5: 0.15, 20: 0.15})


def test_event_study_without_benchmark_prices_has_no_excess(tracker):
    """Without the benchmark's prices there is no excess column, and the raw returns stand (#4)."""
    thesis_id = tracker.theses.add(title="No bench", benchmark_ticker="NONE").id
    stock = tracker.companies.add(name="Jumper", ticker="JMP")
    tracker.beneficiaries.add(thesis_id=thesis_id, company_id=stock.id)
    days = trading_days(dt.date(2025, 1, 6), 30)
    tracker.prices.store_rows(stock.id, [(d, 10.0 + i, None) for i, d in enumerate(days)])
    c = tracker.catalysts.add(thesis_id=thesis_id, title="News", expected=days[10])
    tracker.catalysts.tick(c.id, on=days[10])
    study = event_study(tracker, thesis_id)
    assert not study.benchmark_has_prices and study.rows[0].excess == {}
    assert study.rows[0].returns[1] == pytest.approx(21.0 / 19.0 - 1)
