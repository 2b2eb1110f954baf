"""Checks on values before they reach the database, each failing with a message naming the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from model.date_windows import parse_date
from model.errors import ValidationError
from model.messages import joined, message, term

MAX_TEXT = 5_000_000
# SQLite's integers (and so its row ids) are signed 64-bit: a larger one names no row.
MAX_ID = 2**63 - 1


def record_id(ref: object) -> int | None:
    """The id ``ref`` names, or None when it names a record by title (or ticker, or name).

    An id is an int or text of ASCII digits only, spaces around it allowed: '42', not '４２'
    or '²' (``str.isdigit`` takes both; ``int`` raised on '²' and read '４２' as 42). An id
    beyond SQLite's range is returned as it is: ``in_id_range`` says that no row has it."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        return ref
    if isinstance(ref, str):
        cleaned = ref.strip()
        if cleaned.isascii() and cleaned.isdigit():
            return int(cleaned)
    return None


def in_id_range(row_id: int) -> bool:
    """Whether SQLite can hold ``row_id``: a lookup with one beyond it raises OverflowError."""
    return -MAX_ID - 1 <= row_id <= MAX_ID


def text(value: object, *, what: str, required: bool = False) -> str:
    """Clean user text: str, no NUL, no lone surrogates; required fields must not be blank."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        value = str(value)
    if "\x00" in value:
        raise ValidationError(message("The {what} contains a NUL character, which cannot be "
                                      "stored.", what=term(what)))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(message("The {what} contains an invalid character (a lone "
                                      "surrogate); retype or paste it again.",
                                      what=term(what))) from None
    if len(value) > MAX_TEXT:
        raise ValidationError(message("The {what} is longer than {limit:,} characters.",
                                      what=term(what), limit=MAX_TEXT))
    if required and not value.strip():
        raise ValidationError(message("The {what} must not be empty.", what=term(what)))
    return value


def choice(value: object, options: Collection[str], *, what: str) -> str:
    cleaned = str(value or "").strip().lower()
    if cleaned not in options:
        raise ValidationError(message("{value!r} is not a valid {what}: use one of {options}.",
                                      value=value, what=term(what),
                                      options=joined([term(o) for o in options])))
    return cleaned


def score(value: object, *, what: str) -> int:
    """An integer 1-5 (conviction, severity, likelihood)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(message("The {what} must be a whole number from 1 to 5, not "
                                      "{value!r}.", what=term(what), value=value)) from None
    if not 1 <= number <= 5:
        raise ValidationError(message("The {what} must be from 1 to 5, not {number}.",
                                      what=term(what), number=number))
    return number


def optional_date(value: object, *, what: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return parse_date(value, what=what).isoformat()


def impact(value: object) -> str:
    cleaned = str(value if value is not None else "+").strip().lower()
    mapping = {"+": "+", "positive": "+", "pos": "+", "up": "+", "": "+",
               "-": "-", "negative": "-", "neg": "-", "down": "-"}
    if cleaned not in mapping:
        raise ValidationError(message("The expected impact {value!r} must be + or -.",
                                      value=value))
    return mapping[cleaned]


def tags(value: object) -> str:
    items: Iterable[object]
    if isinstance(value, (list, tuple, set)):
        items = value
    else:
        items = str(value or "").split(",")
    cleaned: list[str] = []
    for item in items:
        tag = text(item, what="tag").strip()
        if tag and tag not in cleaned:
            cleaned.append(tag)
    return ", ".join(cleaned)
