"""Checking a JSON bundle before anything is written (#14 item 8).

The shape is described by ``bundle.schema.json`` (JSON Schema 2020-12, shipped with the app and
pointed at by docs/bundle-format.md) and checked with the ``jsonschema`` library; formats
(dates, timestamps, windows) are asserted with our own checkers. What a schema cannot express is
checked here: ids unique in their list, references to companies, sources and catalysts that
exist, one price per day, no price after today, and history values the scorecard reads
(convictions 1-5, known statuses). Every problem is named by its path (``theses[2].catalysts[0]
.expected``); a bundle with any problem is refused whole.

Reading is hardened too (model.interchange.jsontext): NaN and Infinity, numbers too large for
SQLite, and nesting deeper than the format has are refused with a message instead of
RecursionError or OverflowError, and a key given twice in one object is refused naming it
(json would keep the last one silently).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import reprlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from model.constants import THESIS_STATUSES

# Re-exported: bundle readers take them from here.
from model.interchange.jsontext import NotJson as NotJson
from model.interchange.jsontext import loads as loads

if TYPE_CHECKING:
    from jsonschema import FormatChecker
    from jsonschema.exceptions import ValidationError

SCHEMA_FILE = "bundle.schema.json"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?"
                    r"(Z|[+-]\d{2}:?\d{2})?$")

Problem = tuple[str, str]


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    from importlib.resources import files
    text = files("model.interchange").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# -- the schema --------------------------------------------------------------------------------
def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    from model.date_windows import in_years, try_parse_window
    checker = FormatChecker(formats=())

    @checker.checks("date", raises=ValueError)
    def is_date(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _DATE.match(value):
            return False
        return in_years(dt.date.fromisoformat(value))

    @checker.checks("date-time", raises=ValueError)
    def is_stamp(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _STAMP.match(value):
            return False
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    @checker.checks("thesis-tracker-window")
    def is_window(value: object) -> bool:
        return not isinstance(value, str) or try_parse_window(value) is not None

    return checker


def path_text(parts: Iterator[Any] | list[Any]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int) or not str(part).isidentifier():
            out += f"[{part}]"                 # prices["12"] -> prices[12]
        else:
            out += f".{part}" if out else str(part)
    return out or "the bundle"


def _reason(error: ValidationError) -> str:
    """jsonschema's message, shortened: it quotes the whole offending value."""
    kind = error.validator
    # JSON values from the bundle and the schema (jsonschema's stubs allow "Unset", which only
    # an error not yet attached to a validator has; iter_errors never yields one).
    value: Any = error.instance
    rule: Any = error.validator_value
    where: Any = error.schema
    shown = reprlib.repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if kind == "type":
        expected = rule
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"{shown} is not a {expected}"
    if kind == "format":
        from model.date_windows import FIRST_YEAR, LAST_YEAR, outside_years
        if rule in ("date", "thesis-tracker-window") and outside_years(
                value, window=rule != "date"):
            return f"{shown} is outside the years {FIRST_YEAR} to {LAST_YEAR}"
        what = {"date": "date (YYYY-MM-DD)", "date-time": "timestamp (YYYY-MM-DDTHH:MM:SSZ)",
                "thesis-tracker-window": "window (2026-02-09, Q3 2026, H1 2026, 2H26, "
                                         "end of 2027...)"}.get(rule, rule)
        return f"{shown} is not a {what}"
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(where.get("properties", {})))
        return f"unknown field(s) {', '.join(repr(e)[:40] for e in extra[:5])}"
    if kind == "required":
        return error.message.replace(" is a required property", " is missing")
    if kind == "enum":
        return f"{shown} is not one of {', '.join(map(str, rule))}"
    if kind in ("minimum", "maximum", "exclusiveMinimum"):
        return f"{shown} is out of range ({kind} {rule})"
    if kind == "anyOf":
        return f"{shown} is not an id (a whole number or a short text)"
    if kind == "pattern" or (kind == "minLength" and rule == 1):
        return "must not be empty"
    if kind == "maxLength":
        return f"is longer than {rule:,} characters"
    return " ".join(error.message.split())[:160]


def schema_problems(data: Any) -> list[Problem]:
    from jsonschema import Draft202012Validator
    validator = Draft202012Validator(schema(), format_checker=_format_checker())
    found: list[Problem] = []
    for error in validator.iter_errors(data):
        problem = (path_text(list(error.absolute_path)), _reason(error))
        if problem not in found:           # "" fails minLength and pattern alike
            found.append(problem)
    return sorted(found, key=lambda p: _natural(p[0]))


def _natural(path: str) -> list[Any]:
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", path)]


# -- what a schema cannot say ------------------------------------------------------------------
def _key(value: object) -> str:
    return str(value)


def _unique(items: list[Any], where: str, what: str, problems: list[Problem]) -> set[str]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or "id" not in item:
            continue
        key = _key(item["id"])
        if key in seen:
            problems.append((f"{where}[{index}].id", f"{what} id {item['id']!r} is used again "
                                                     f"(first at {where}[{seen[key]}])"))
        else:
            seen[key] = index
    return set(seen)


def cross_record_problems(data: dict[str, Any], *, today: dt.date) -> list[Problem]:
    """Checks between records (run once the schema passed, so shapes are right)."""
    problems: list[Problem] = []
    companies = data.get("companies", [])
    sources = data.get("sources", [])
    company_ids = _unique(companies, "companies", "company", problems)
    source_ids = _unique(sources, "sources", "source", problems)
    tickers: dict[str, int] = {}
    for index, company in enumerate(companies):
        ticker = (company.get("ticker") or "").strip().upper()
        if ticker:
            if ticker in tickers:
                problems.append((f"companies[{index}].ticker",
                                 f"ticker {ticker} is also companies[{tickers[ticker]}]'s"))
            else:
                tickers[ticker] = index
    theses = data.get("theses", [])
    _unique(theses, "theses", "thesis", problems)
    external: dict[str, str] = {}
    for t_index, thesis in enumerate(theses):
        where = f"theses[{t_index}]"
        _refs(thesis.get("citations", []), f"{where}.citations", "source", source_ids, problems)
        used: dict[str, int] = {}
        for b_index, ben in enumerate(thesis.get("beneficiaries", [])):
            key = _key(ben["company"])
            at = f"{where}.beneficiaries[{b_index}].company"
            if key not in company_ids:
                problems.append((at, f"unknown company {ben['company']!r}"))
            elif key in used:
                problems.append((at, f"company {ben['company']!r} is already "
                                     f"beneficiaries[{used[key]}]"))
            else:
                used[key] = b_index
        for r_index, risk in enumerate(thesis.get("risks", [])):
            _refs(risk.get("citations", []), f"{where}.risks[{r_index}].citations", "source",
                  source_ids, problems)
        _unique(thesis.get("risks", []), f"{where}.risks", "risk", problems)
        catalyst_ids = _unique(thesis.get("catalysts", []), f"{where}.catalysts", "catalyst",
                               problems)
        for c_index, cat in enumerate(thesis.get("catalysts", [])):
            at = f"{where}.catalysts[{c_index}]"
            _refs(cat.get("citations", []), f"{at}.citations", "source", source_ids, problems)
            happened = cat.get("happened_on")
            if happened and happened > today.isoformat():
                problems.append((f"{at}.happened_on", f"{happened} is after today"))
        for ref_where, item in [(where, thesis)] + [
                (f"{where}.catalysts[{i}]", c) for i, c in enumerate(thesis.get("catalysts", []))]:
            ref = item.get("external_ref")
            if ref:
                if ref in external:
                    problems.append((f"{ref_where}.external_ref",
                                     f"{ref!r} is also {external[ref]}'s"))
                else:
                    external[ref] = ref_where
        for h_index, entry in enumerate(thesis.get("history", [])):
            _history(entry, f"{where}.history[{h_index}]", catalyst_ids, problems)
    for key, rows in (data.get("prices") or {}).items():
        where = f"prices[{key}]"
        if key not in company_ids:
            problems.append((where, f"unknown company {key!r}"))
        days: dict[str, int] = {}
        for index, row in enumerate(rows):
            day = row[0]
            if day in days:
                problems.append((f"{where}[{index}]", f"{day} is already {where}[{days[day]}]"))
            else:
                days[day] = index
            if day > today.isoformat():
                problems.append((f"{where}[{index}]", f"{day} is in the future"))
    return problems


def _refs(items: list[Any], where: str, what: str, known: set[str],
          problems: list[Problem]) -> None:
    for index, item in enumerate(items):
        if _key(item[what]) not in known:
            problems.append((f"{where}[{index}].{what}", f"unknown {what} {item[what]!r}"))


def _history(entry: dict[str, Any], where: str, catalysts: set[str],
             problems: list[Problem]) -> None:
    catalyst = entry.get("catalyst")
    if catalyst is not None and _key(catalyst) not in catalysts:
        problems.append((f"{where}.catalyst", f"unknown catalyst {catalyst!r}"))
    field = entry["field"]
    # The scorecard reads conviction changes as numbers and status changes as statuses;
    # anything else there breaks it for every thesis. (Catalyst rows may carry another tool's
    # words: the peer import keeps them.)
    allowed: tuple[str, ...] | None = {
        "conviction": ("1", "2", "3", "4", "5"), "status": THESIS_STATUSES}.get(field)
    if allowed is None:
        return
    for side in ("old", "new"):
        value = entry.get(side)
        if value is not None and str(value) not in allowed:
            problems.append((f"{where}.{side}", f"{value!r} is not a {field} value "
                                                f"({', '.join(allowed)})"))


def problems(data: Any, *, today: dt.date) -> list[Problem]:
    """Every problem with a parsed bundle, schema first; an empty list means it may import."""
    found = schema_problems(data)
    if found:
        return found
    return cross_record_problems(data, today=today)
