"""Expected windows as research writes them (#2): every form in the issue, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.date_windows import parse_window, try_parse_window
from model.errors import ValidationError

D = dt.date

ISSUE_FORMS = [
    ("H1 2026", D(2026, 1, 1), D(2026, 6, 30), "half"),
    ("2H26", D(2026, 7, 1), D(2026, 12, 31), "half"),
    ("Q3 2026", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    ("second half of 2026", D(2026, 7, 1), D(2026, 12, 31), "half"),
    ("end of 2027", D(2027, 10, 1), D(2027, 12, 31), "quarter"),
    ("2027", D(2027, 1, 1), D(2027, 12, 31), "year"),
    ("Feb 2026", D(2026, 2, 1), D(2026, 2, 28), "month"),
    ("2026-02-09", D(2026, 2, 9), D(2026, 2, 9), "day"),
]


@pytest.mark.parametrize("text,start,end,precision", ISSUE_FORMS)
def test_every_form_in_the_issue_parses(text, start, end, precision):
    """Each wording the issue lists parses to its inclusive range; breaks if a rule is lost (#2)."""
    window = parse_window(text)
    assert (window.start, window.end, window.precision, window.text) == (start, end, precision,
                                                                          text)


@pytest.mark.parametrize("text,start,end", [
    ("Feb 2028", D(2028, 2, 1), D(2028, 2, 29)),          # leap year
    ("h2 2026", D(2026, 7, 1), D(2026, 12, 31)),          # any case
    ("3Q26", D(2026, 7, 1), D(2026, 9, 30)),
    ("first half of 2027", D(2027, 1, 1), D(2027, 6, 30)),
    ("2026年下半年", D(2026, 7, 1), D(2026, 12, 31)),
    ("2026年第三季度", D(2026, 7, 1), D(2026, 9, 30)),
    ("2026-2027", D(2026, 1, 1), D(2027, 12, 31)),
])
def test_variants_an_analyst_types(text, start, end):
    """Case, leap years and Chinese wording give the right dates (#2)."""
    window = parse_window(text)
    assert (window.start, window.end) == (start, end)


def test_original_text_is_kept_but_spacing_is_not_required():
    """Extra spaces still parse and the stored text is the analyst's (stripped) words (#2)."""
    window = parse_window("  Q3   2026 ")
    assert window.text == "Q3   2026"
    assert (window.start, window.end) == (D(2026, 7, 1), D(2026, 9, 30))


@pytest.mark.parametrize("text", ["soon", "H3 2026", "Q5 2026", "2026-02-30", "Foo 2026",
                                  "end of days", "13/2026", "2026-13", "9999"])
def test_unparsable_text_is_a_validation_error_naming_it(text):
    """A window that cannot be read fails with a message quoting the text (#2)."""
    with pytest.raises(ValidationError) as info:
        parse_window(text)
    assert repr(text) in str(info.value)
    assert try_parse_window(text) is None


@pytest.mark.parametrize("text", ["", "   ", None, 2026])
def test_missing_window_is_a_validation_error(text):
    """Empty or non-text windows are refused, not crashed on (#2)."""
    with pytest.raises(ValidationError):
        parse_window(text)


def test_sorting_and_overdue_use_the_dates_not_the_text():
    """Windows sort by start then end ('Q3 2026' before '2H26', which starts the same day but
    ends later), not as strings; has_ended drives 'overdue' (#2)."""
    texts = ["end of 2027", "2H26", "2027", "H1 2026", "Feb 2026", "2026-02-09", "Q3 2026"]
    ordered = [w.text for w in sorted(parse_window(t) for t in texts)]
    assert ordered == ["H1 2026", "Feb 2026", "2026-02-09", "Q3 2026", "2H26", "2027",
                       "end of 2027"]
    assert parse_window("H1 2026").has_ended(D(2026, 7, 1))
    assert not parse_window("H1 2026").has_ended(D(2026, 6, 30))


# -- properties ----------------------------------------------------------------------------
years = st.integers(2000, 2099)


@st.composite
def window_texts(draw):
    """(text, a day that must lie inside the window)."""
    y = draw(years)
    kind = draw(st.sampled_from(["half", "half2", "halfwords", "quarter", "year", "month", "day",
                                 "end"]))
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    if kind == "half":
        h = draw(st.integers(1, 2))
        return f"H{h} {y}", D(y, 6 * h, 1)
    if kind == "half2":
        h = draw(st.integers(1, 2))
        return f"{h}H{y % 100:02d}", D(y, 6 * h, 15)
    if kind == "halfwords":
        h = draw(st.sampled_from(["first", "second"]))
        return f"{h} half of {y}", D(y, 3 if h == "first" else 9, 1)
    if kind == "quarter":
        q = draw(st.integers(1, 4))
        return f"Q{q} {y}", D(y, 3 * q - 1, 10)
    if kind == "year":
        return str(y), D(y, 6, 30)
    if kind == "month":
        m = draw(st.integers(1, 12))
        return f"{months[m - 1]} {y}", D(y, m, 28)
    if kind == "end":
        return f"end of {y}", D(y, 12, 31)
    day = draw(st.dates(D(y, 1, 1), D(y, 12, 31)))
    return day.isoformat(), day


@settings(max_examples=200, deadline=None)
@given(window_texts(), st.text(" \t", max_size=3), st.text(" ", max_size=3))
def test_parsed_windows_are_ranges_that_keep_their_text(case, before, after):
    """start <= end, the range holds the meant day, text is the stripped input (#2)."""
    text, inside = case
    window = parse_window(before + text + after)
    assert window.start <= window.end
    assert window.contains(inside)
    assert window.text == text


@settings(max_examples=100, deadline=None)
@given(st.lists(window_texts(), min_size=2, max_size=8))
def test_sorting_windows_orders_by_start_then_end(cases):
    """Sorted windows never go backwards in time (#2)."""
    windows = sorted(parse_window(t) for t, _ in cases)
    keys = [(w.start, w.end) for w in windows]
    assert keys == sorted(keys)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_parses_or_fails_with_a_message_naming_it(text):
    """Random text either parses to a sane range or raises ValidationError naming it (#2)."""
    try:
        window = parse_window(text)
    except ValidationError as exc:
        if text.strip():
            assert repr(text.strip()) in str(exc)
        return
    assert window.start <= window.end
    assert window.text == text.strip()


@pytest.mark.parametrize("text,says", [
    ("2027-02-30", "'2027-02-30' is no day of the calendar: 2027-02 has 28 days."),
    ("2028-02-30", "2028-02 has 29 days."),
    ("2026-13-01", "'2026-13-01' has no month 13: months run from 01 to 12."),
    ("2026-04-31", "2026-04 has 30 days."),
    ("soon", "'soon' is not a date: write it as YYYY-MM-DD"),
])
def test_a_date_that_is_no_date_says_what_is_wrong_with_it(text, says):
    """2027-02-30 is written as asked: the message says the day does not exist, not how to
    write a date (it said "write it as YYYY-MM-DD"; found by a walk through the app)."""
    from model.date_windows import parse_date
    with pytest.raises(ValidationError) as raised:
        parse_date(text, what="next review")
    assert says in str(raised.value)


@pytest.mark.parametrize("text", [
    "9999-12-31", "0026-01-01", "1899-12-31", "2026-01-01..2300-03-31", "0001-01-01..2026-01-01",
    "2026-01-01 to 2301-01-01", "2300年1月1日", "2300-05", "Jan 5 2300", "5 Jan 1899", "Q3 2300",
    "2300 H1", "first half of 1800", "third quarter of 2300", "2300年下半年", "2300年第三季度",
    "2300年底", "2300年", "end of 2300", "2199-2300", "9999",
])
def test_a_window_outside_1900_to_2200_names_the_field_and_the_years(text):
    """Every form of window is held to the years the quarter and half forms were (1900-2200):
    '9999-12-31' was stored and then broke the iCalendar export, and '0026-01-01' (a typo for
    2026) was taken as year 26 (found by an attack on the command line)."""
    with pytest.raises(ValidationError) as info:
        parse_window(text)
    assert str(info.value) == (f"The expected window {text!r} is outside the years 1900 to "
                               f"2200.")


@pytest.mark.parametrize("text", ["1900-01-01", "2200-12-31", "1900-01-01..2200-12-31"])
def test_the_first_and_last_years_are_in(text):
    assert parse_window(text).text == text


@pytest.mark.parametrize("value, shown", [
    ("0001-01-01", "'0001-01-01'"), ("0026-01-01", "'0026-01-01'"), ("9999-12-31", "'9999-12-31'"),
    ("0000-01-01", "'0000-01-01'"), ("2201-01-01", "'2201-01-01'"),
    (dt.date(1899, 12, 31), "'1899-12-31'"),
])
def test_a_date_outside_1900_to_2200_names_the_field_and_the_years(value, shown):
    """The same years for every day the user types (tick's day, review dates, published
    dates, imports): 0001-01-01 and 9999-12-31 were stored as given."""
    from model.date_windows import parse_date
    with pytest.raises(ValidationError) as info:
        parse_date(value, what="next review date")
    assert str(info.value) == f"The next review date {shown} is outside the years 1900 to 2200."
    assert parse_date("1900-01-01") == D(1900, 1, 1) and parse_date("2200-12-31") == D(2200, 12, 31)
