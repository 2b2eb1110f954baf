"""Price import (#4): Yahoo-style and plain date,close files, encodings, and all-or-nothing
refusal that lists every bad row; the series read back for charts and event studies."""

from __future__ import annotations

import pytest

from model.changes import Kind
from model.errors import ImportFailed, NotFound, ValidationError
from model.prices import parse_day, parse_price_csv

YAHOO = """Date,Open,High,Low,Close,Adj Close,Volume
2024-01-02,10.0,10.5,9.8,10.2,9.2,1000
2024-01-03,10.2,10.9,10.1,10.8,9.8,1200
2024-01-04,null,null,null,null,null,null
2024-01-05,10.8,11.0,10.5,10.6,9.6,900
"""

PLAIN = "date,close\n2024-01-03,20.5\n2024/1/2,20\n20240104,\"1,021.5\"\n"


def test_yahoo_file_stores_adjusted_close_and_skips_null_days(tracker, tmp_path):
    """The Yahoo download keeps Close and Adj Close and the series uses the adjusted one;
    'null' rows (no trading) are skipped, not refused (#4)."""
    path = tmp_path / "nvda.csv"
    path.write_text(YAHOO)
    done = tracker.prices.import_file("NVDA", path, backup=False)
    assert (done.rows, done.first, done.last, done.adjusted, done.skipped) == (
        3, "2024-01-02", "2024-01-05", True, 1)
    company = tracker.companies.by_ticker("NVDA")
    series = tracker.prices.series(company.id)
    assert series.days == ["2024-01-02", "2024-01-03", "2024-01-05"]
    assert series.values == [9.2, 9.8, 9.6]
    stored = tracker.store.rows("SELECT close, adj_close FROM price WHERE company_id = ? "
                                "ORDER BY day", (company.id,))
    assert [r["close"] for r in stored] == [10.2, 10.8, 10.6]


def test_plain_file_in_gb18030_with_mixed_date_styles(tracker, tmp_path):
    """A plain date,close file saved by Excel in China (GB18030, Chinese header) imports with
    dates sorted and a thousands separator understood (#4)."""
    path = tmp_path / "prices.csv"
    path.write_bytes("日期,收盘价\n2024-01-03,20.5\n2024/1/2,20\n20240104,\"1,021.5\"\n"
                     .encode("gb18030"))
    done = tracker.prices.import_file("LITE", path, backup=False)
    assert done.adjusted is False and done.rows == 3
    series = tracker.prices.series(tracker.companies.resolve("LITE"))
    assert series.days == ["2024-01-02", "2024-01-03", "2024-01-04"]
    assert series.values == [20.0, 20.5, 1021.5]


def test_every_bad_row_is_listed_and_nothing_is_stored(tracker, tmp_path):
    """One import with several kinds of bad rows: each is reported by its line number and
    the good rows are not stored either (all or nothing, #4)."""
    path = tmp_path / "bad.csv"
    path.write_text("date,close\n2024-01-02,10\n2024-13-01,11\nyesterday,12\n2024-01-05,-3\n"
                    "2024-01-06,abc\n2024-01-02,10.5\n2030-01-01,9\n2024-01-09\n")
    company_id = tracker.companies.resolve("NVDA")
    with pytest.raises(ImportFailed) as info:
        tracker.prices.import_file(company_id, path, backup=False)
    rows = [row for row, _ in info.value.problems]
    assert rows == [3, 4, 5, 6, 7, 8, 9]
    reasons = dict(info.value.problems)
    assert "real date" in reasons[3] and "not a date" in reasons[4]
    assert "positive" in reasons[5] and "not a number" in reasons[6]
    assert "line 2" in reasons[7] and "future" in reasons[8] and "fields" in reasons[9]
    assert "row 3:" in str(info.value)
    assert tracker.prices.count(company_id) == 0


def test_wrong_columns_and_empty_files_are_refused(tracker):
    """A file without date and close columns, or with none of its rows, is refused naming why (#4).
    """
    with pytest.raises(ImportFailed, match="date column and a close column"):
        parse_price_csv("day,open\n2024-01-02,3\n")
    with pytest.raises(ImportFailed, match="empty"):
        parse_price_csv("")
    with pytest.raises(ImportFailed, match="no price rows"):
        parse_price_csv("Date,Close\n")


def test_reimport_replaces_the_same_days_and_keeps_others(tracker):
    """A second import overwrites the closes of days it contains and keeps older days (#4)."""
    company_id = tracker.companies.resolve("NVDA")
    tracker.prices.import_text(company_id, "date,close\n2024-01-02,1\n2024-01-03,2\n")
    tracker.prices.import_text(company_id, "date,close\n2024-01-03,5\n2024-01-04,6\n")
    series = tracker.prices.series(company_id)
    assert list(zip(series.days, series.values)) == [
        ("2024-01-02", 1.0), ("2024-01-03", 5.0), ("2024-01-04", 6.0)]
    assert tracker.prices.coverage()[company_id] == (3, "2024-01-02", "2024-01-04")


def test_import_tells_listeners_which_theses_hold_the_company(tracker):
    """Charts of theses that hold the company redraw after an import: the Changes name them."""
    company_id = tracker.companies.resolve("NVDA")
    holders = {b["thesis_id"] for b in tracker.store.rows(
        "SELECT thesis_id FROM beneficiary WHERE company_id = ?", (company_id,))}
    assert holders
    heard = []
    tracker.subscribe(heard.append)
    tracker.prices.import_text(company_id, "date,close\n2024-01-02,1\n")
    assert heard[-1].of(Kind.PRICE).ids == {company_id} and heard[-1].theses == holders


def test_unknown_ticker_needs_a_name_to_be_created(tracker):
    """Prices for an unknown ticker are refused unless a name is given to create the company (a
    benchmark index, #4)."""
    with pytest.raises(NotFound, match="no company with ticker"):
        tracker.prices.company_for_ticker("SPX")
    made = tracker.prices.company_for_ticker("spx", create_as="S&P 500")
    assert made.ticker == "SPX" and tracker.prices.company_for_ticker("SPX").id == made.id


@pytest.mark.parametrize("text, day", [("2024-03-05", "2024-03-05"), ("2024/3/5", "2024-03-05"),
                                       ("20240305", "2024-03-05"),
                                       ("2024-03-05 00:00:00-05:00", "2024-03-05")])
def test_date_styles(text, day):
    """Dates as exported by Yahoo, Wind and Excel are read as the same day (#4)."""
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["0001-01-01", "9999/12/31", "18991231"])
def test_a_price_day_outside_1900_to_2200_is_refused(text):
    """A price file's days are held to the years every typed day is."""
    with pytest.raises(ValidationError, match="outside the years 1900 to 2200"):
        parse_day(text)
