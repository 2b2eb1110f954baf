"""Expected windows as research writes them ("H1 2026", "2H26", "end of 2027") parsed into dates.

A window keeps the analyst's original wording beside the parsed inclusive range and its
precision, so "Q3 2026" still reads "Q3 2026" while sorting and overdue checks use real dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeAlias

from model.errors import ValidationError
from model.messages import message, term

PRECISIONS = ("day", "month", "quarter", "half", "year", "range")
# The years a day the user types may fall in (windows, dates): '0026-01-01' is a typo for
# 2026, and a day near 9999 breaks what adds a day to it (the iCalendar export did).
FIRST_YEAR, LAST_YEAR = 1900, 2200

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_ORDINAL_HALF = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4}
# Vague parts of a year, mapped to months (inclusive): what an analyst usually means.
_PARTS = {"early": (1, 4), "beginning of": (1, 3), "start of": (1, 3), "mid": (5, 8),
          "middle of": (5, 8), "late": (9, 12), "end of": (10, 12), "end": (10, 12),
          "year-end": (10, 12)}


@dataclass(frozen=True, order=False)
class Window:
    """A parsed expected window: inclusive dates, how precise, and the text it came from."""

    start: dt.date
    end: dt.date
    precision: str
    text: str

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end)

    def __lt__(self, other: "Window") -> bool:
        return self.sort_key < other.sort_key

    def has_ended(self, today: dt.date) -> bool:
        return self.end < today

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def describe(self) -> str:
        """The parsed range in words, e.g. '2026-07-01 – 2026-12-31 (half)'."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()} ({self.precision})"


class _OutOfYears(ValueError):
    """A window that reads as dates, but outside FIRST_YEAR-LAST_YEAR."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _OutOfYears(text)
    return year


def _day(year: str, month: str, day: str) -> dt.date:
    return dt.date(_year(year), int(month), int(day))


def in_years(day: dt.date) -> bool:
    """Whether ``day`` falls in the years a typed day may (FIRST_YEAR to LAST_YEAR)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int, precision: str, text: str) -> Window:
    return Window(dt.date(year, first, 1), _month_end(year, last), precision, text)


def _quarter(year: int, q: int, text: str) -> Window:
    if not 1 <= q <= 4:
        raise ValueError(text)
    return _months(year, 3 * q - 2, 3 * q, "quarter", text)


def _half(year: int, h: int, text: str) -> Window:
    if h not in (1, 2):
        raise ValueError(text)
    return _months(year, 6 * h - 5, 6 * h, "half", text)


_Y = r"(\d{4}|\d{2})"
# Each rule's pattern is compiled the first time a parse reaches it: compiling all of them
# costs ~10 ms, which a start would pay for parses that match one of the first few.
Build: TypeAlias = Callable[[re.Match[str], str], Window]


@dataclass
class _Rule:
    source: str                              # the pattern's text
    build: Build
    compiled: re.Pattern[str] | None = None  # compiled on first use


_RULES: list[_Rule] = []


def _rule(pattern: str) -> Callable[[Build], Build]:
    def register(fn: Build) -> Build:
        _RULES.append(_Rule(r"^\s*" + pattern + r"\s*$", fn))
        return fn
    return register


def _patterns() -> Iterator[tuple[re.Pattern[str], Build]]:
    for rule in _RULES:
        if rule.compiled is None:
            rule.compiled = re.compile(rule.source, re.IGNORECASE)
        yield rule.compiled, rule.build


@_rule(r"(\d{4})-(\d{1,2})-(\d{1,2})")
def _iso_day(m: re.Match[str], text: str) -> Window:
    day = _day(m[1], m[2], m[3])
    return Window(day, day, "day", text)


@_rule(r"(\d{4})-(\d{1,2})-(\d{1,2})\s*(?:\.\.|–|to)\s*(\d{4})-(\d{1,2})-(\d{1,2})")
def _iso_day_span(m: re.Match[str], text: str) -> Window:
    # "2026-05-20..2026-05-24": how market-catalyst-calendar writes a multi-day window (#7).
    start = _day(m[1], m[2], m[3])
    end = _day(m[4], m[5], m[6])
    if end < start:
        raise ValueError(text)
    return Window(start, end, "day" if start == end else "range", text)


@_rule(r"(\d{4})/(\d{1,2})/(\d{1,2})")
def _slash_day(m: re.Match[str], text: str) -> Window:
    day = _day(m[1], m[2], m[3])
    return Window(day, day, "day", text)


@_rule(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
def _cjk_day(m: re.Match[str], text: str) -> Window:
    day = _day(m[1], m[2], m[3])
    return Window(day, day, "day", text)


@_rule(r"(\d{4})-(\d{1,2})")
def _iso_month(m: re.Match[str], text: str) -> Window:
    return _months(_year(m[1]), int(m[2]), int(m[2]), "month", text)


@_rule(r"(\d{4})年(\d{1,2})月")
def _cjk_month(m: re.Match[str], text: str) -> Window:
    return _months(_year(m[1]), int(m[2]), int(m[2]), "month", text)


@_rule(r"(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})")
def _day_month_year(m: re.Match[str], text: str) -> Window:
    month = _MONTHS[m[2].lower()]
    day = _day(m[3], str(month), m[1])
    return Window(day, day, "day", text)


@_rule(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
def _month_day_year(m: re.Match[str], text: str) -> Window:
    month = _MONTHS[m[1].lower()]
    day = _day(m[3], str(month), m[2])
    return Window(day, day, "day", text)


@_rule(r"([a-z]+)\.?,?\s+'?" + _Y)
def _month_year(m: re.Match[str], text: str) -> Window:
    month = _MONTHS[m[1].lower()]
    return _months(_year(m[2]), month, month, "month", text)


@_rule(r"(?:FY\s*)?(\d{4})")
def _bare_year(m: re.Match[str], text: str) -> Window:
    return _months(_year(m[1]), 1, 12, "year", text)


@_rule(r"(?:CY|FY)\s*'?(\d{2})")
def _short_fy(m: re.Match[str], text: str) -> Window:
    return _months(_year(m[1]), 1, 12, "year", text)


@_rule(r"(?:Q([1-4])|([1-4])Q)\s*'?(?:CY|FY)?\s*" + _Y)
def _quarter_year(m: re.Match[str], text: str) -> Window:
    return _quarter(_year(m[3]), int(m[1] or m[2]), text)


@_rule(_Y + r"\s*(?:年\s*)?(?:Q([1-4])|([1-4])Q)")
def _year_quarter(m: re.Match[str], text: str) -> Window:
    return _quarter(_year(m[1]), int(m[2] or m[3]), text)


@_rule(r"(?:H([12])|([12])H)\s*'?(?:CY|FY)?\s*" + _Y)
def _half_year(m: re.Match[str], text: str) -> Window:
    return _half(_year(m[3]), int(m[1] or m[2]), text)


@_rule(_Y + r"\s*(?:H([12])|([12])H)")
def _year_half(m: re.Match[str], text: str) -> Window:
    return _half(_year(m[1]), int(m[2] or m[3]), text)


@_rule(r"(?:the\s+)?(first|1st|second|2nd)\s+half\s+(?:of\s+)?(\d{4})")
def _words_half(m: re.Match[str], text: str) -> Window:
    return _half(_year(m[2]), _ORDINAL_HALF[m[1].lower()], text)


@_rule(r"(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th)\s+quarter\s+(?:of\s+)?(\d{4})")
def _words_quarter(m: re.Match[str], text: str) -> Window:
    return _quarter(_year(m[2]), _ORDINAL_QUARTER[m[1].lower()], text)


@_rule(r"(\d{4})\s*年?\s*(上|下)半年")
def _cjk_half(m: re.Match[str], text: str) -> Window:
    return _half(_year(m[1]), 1 if m[2] == "上" else 2, text)


@_rule(r"(\d{4})\s*年?\s*(?:第)?([一二三四1-4])季度")
def _cjk_quarter(m: re.Match[str], text: str) -> Window:
    q = "一二三四".find(m[2]) + 1 or int(m[2])
    return _quarter(_year(m[1]), q, text)


@_rule(r"(\d{4})\s*年(?:底|末)")
def _cjk_year_end(m: re.Match[str], text: str) -> Window:
    return _months(_year(m[1]), 10, 12, "quarter", text)


@_rule(r"(\d{4})\s*年")
def _cjk_year(m: re.Match[str], text: str) -> Window:
    return _months(_year(m[1]), 1, 12, "year", text)


@_rule(r"(?:by\s+)?(early|beginning of|start of|mid|middle of|late|end of|year-end)"
       r"[\s-]*(?:of\s+)?(\d{4})")
def _part_of_year(m: re.Match[str], text: str) -> Window:
    first, last = _PARTS[m[1].lower()]
    precision = "quarter" if last - first == 2 else "range"
    return _months(_year(m[2]), first, last, precision, text)


@_rule(r"(\d{4})\s*(?:-|–|to)\s*(\d{4})")
def _year_span(m: re.Match[str], text: str) -> Window:
    first, last = _year(m[1]), _year(m[2])
    if last < first:
        raise ValueError(text)
    return Window(dt.date(first, 1, 1), dt.date(last, 12, 31), "range", text)


def parse_window(text: object) -> Window:
    """Parse research wording into a Window; raise ValidationError naming text it can't read."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError(message("An expected window is required, e.g. 'H2 2026', "
                                      "'Q3 2026' or '2026-02-09'."))
    cleaned = " ".join(text.split())
    out_of_years = False
    for pattern, build in _patterns():
        match = pattern.match(cleaned)
        if match:
            try:
                return build(match, text.strip())
            except _OutOfYears:
                out_of_years = True
            except (ValueError, KeyError):
                continue
    if out_of_years:
        raise _years_error("expected window", text.strip())
    raise ValidationError(message(
        "Cannot read the window {text!r}: write a date (2026-02-09), a month (Feb 2026), a "
        "quarter (Q3 2026, 3Q26), a half (H1 2026, 2H26, second half of 2026), a year (2027) "
        "or 'end of 2027'.", text=text.strip()))


def outside_years(text: object, *, window: bool = False) -> bool:
    """Whether ``text`` reads as a day (or a window) but falls outside the years allowed."""
    try:
        parse_window(text) if window else parse_date(text)
    except OutOfYears:
        return True
    except ValidationError:
        pass
    return False


def try_parse_window(text: str) -> Window | None:
    try:
        return parse_window(text)
    except ValidationError:
        return None


def parse_date(text: object, *, what: str = "date") -> dt.date:
    """Parse an ISO date (YYYY-MM-DD); raise ValidationError naming the field otherwise."""
    if isinstance(text, dt.date):
        parsed: dt.date | None = text
    else:
        try:
            parsed = dt.date.fromisoformat(str(text).strip())
        except ValueError:
            parsed = None
    if parsed is not None:
        if not in_years(parsed):
            raise _years_error(what, text if isinstance(text, str) else parsed.isoformat())
        return parsed
    shaped = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(text).strip())
    if shaped:
        # Written as asked, but no day of the calendar (2027-02-30): say what is wrong with
        # it, not how to write it (the year first: 0000-01-01 is no day either).
        year, month, day = (int(part) for part in shaped.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise _years_error(what, text)
        if not 1 <= month <= 12:
            raise ValidationError(message("The {what} {text!r} has no month {month}: months "
                                          "run from 01 to 12.", what=term(what), text=text,
                                          month=shaped[2]))
        days = calendar.monthrange(max(year, 1), month)[1]
        raise ValidationError(message("The {what} {text!r} is no day of the calendar: "
                                      "{year}-{month} has {days} days.", what=term(what),
                                      text=text, year=shaped[1], month=shaped[2], days=days))
    raise ValidationError(message("The {what} {text!r} is not a date: write it as "
                                  "YYYY-MM-DD, e.g. 2026-02-09.", what=term(what),
                                  text=text))


class OutOfYears(ValidationError):
    """A day (or window) that reads as one, but outside FIRST_YEAR to LAST_YEAR."""


def _years_error(what: str, text: object) -> OutOfYears:
    return OutOfYears(message("The {what} {text!r} is outside the years {first} to "
                                   "{last}.", what=term(what), text=text, first=FIRST_YEAR,
                                   last=LAST_YEAR))
