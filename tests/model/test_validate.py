"""model/validate.py: every value is checked before it reaches the database, and refused with
a message naming the field (#2, #11, #14); what passes is cleaned the same way everywhere."""

from __future__ import annotations

import datetime as dt

import pytest

from model import validate
from model.errors import ValidationError


def test_text_accepts_any_unicode_and_turns_none_and_numbers_into_text():
    """CJK and emoji are kept exactly; None and numbers become text, so a missing field or a number
    from a bundle never reaches the database as another type."""
    assert validate.text("光模块 🚀", what="title") == "光模块 🚀"
    assert validate.text(None, what="note") == ""
    assert validate.text(12, what="horizon") == "12"


@pytest.mark.parametrize("value, required, message", [
    ("a\x00b", False, "NUL"),
    ("bad \udcff", False, "lone surrogate"),
    ("   ", True, "must not be empty"),
    ("x" * (validate.MAX_TEXT + 1), False, "longer than 5,000,000"),
])
def test_text_refuses_what_cannot_be_stored_naming_the_field(value, required, message):
    """NUL, a lone surrogate, text over the limit and a blank required field are refused with the
    field's name, before SQLite or the encoder fails on them (#14)."""
    with pytest.raises(ValidationError, match=message) as info:
        validate.text(value, what="statement", required=required)
    assert "statement" in str(info.value)


def test_choice_is_case_and_space_blind_and_lists_the_options():
    """' Active ' is 'active'; anything else is refused with the options listed, so the user sees
    what to type."""
    assert validate.choice(" Active ", ("draft", "active"), what="status") == "active"
    with pytest.raises(ValidationError, match="use one of draft, active"):
        validate.choice("zombie", ("draft", "active"), what="status")
    with pytest.raises(ValidationError):
        validate.choice(None, ("draft", "active"), what="status")


@pytest.mark.parametrize("value, expected", [(1, 1), ("5", 5), (" 3 ", 3), (4.0, None)])
def test_score_takes_whole_numbers_from_1_to_5(value, expected):
    """'5' and ' 3 ' are scores; 4.0 is not silently truncated to 4."""
    if expected is None:
        with pytest.raises(ValidationError, match="whole number"):
            validate.score(value, what="conviction")
    else:
        assert validate.score(value, what="conviction") == expected


@pytest.mark.parametrize("value", [0, 6, "-1", "high", None])
def test_score_refuses_out_of_range_and_words(value):
    """0, 6, -1, 'high' and None are refused naming the field (the schema's CHECK would otherwise be
    the message)."""
    with pytest.raises(ValidationError, match="conviction"):
        validate.score(value, what="conviction")


def test_optional_date_is_iso_text_or_none():
    """Blank is no date; a date or datetime becomes ISO text; text that is no date is refused naming
    the field."""
    assert validate.optional_date(None, what="next review") is None
    assert validate.optional_date("  ", what="next review") is None
    assert validate.optional_date(dt.date(2026, 3, 5), what="next review") == "2026-03-05"
    assert validate.optional_date(dt.datetime(2026, 3, 5, 23, 59), what="x") == "2026-03-05"
    assert validate.optional_date("2026-03-05", what="x") == "2026-03-05"
    with pytest.raises(ValidationError, match="next review"):
        validate.optional_date("soon", what="next review")


@pytest.mark.parametrize("value, expected", [
    ("+", "+"), ("Positive", "+"), ("up", "+"), ("", "+"), (None, "+"),
    ("-", "-"), ("NEGATIVE", "-"), (" down ", "-"),
])
def test_impact_reads_the_words_analysts_use(value, expected):
    """'positive', 'up', 'NEGATIVE', '-', blank... map to + or -, as imports and the CLI take them.
    """
    assert validate.impact(value) == expected


def test_impact_refuses_anything_else():
    """'mixed' is not silently a '+': the user is told to choose."""
    with pytest.raises(ValidationError, match="must be \\+ or -"):
        validate.impact("mixed")


def test_tags_are_deduplicated_trimmed_and_joined():
    """From text or a list (a bundle), blanks dropped, order kept, NUL refused."""
    assert validate.tags(" optics, 光模块 ,optics,, cpo ") == "optics, 光模块, cpo"
    assert validate.tags(["b", "a", "b"]) == "b, a"
    assert validate.tags(None) == ""
    with pytest.raises(ValidationError, match="tag"):
        validate.tags(["ok", "bad\x00"])


@pytest.mark.parametrize("ref, expected", [
    (7, 7), ("42", 42), (" 42 ", 42), ("007", 7),
    ("²", None), ("４２", None), ("٤", None), ("-1", None), ("+1", None), ("4 2", None),
    ("Big light", None), ("", None), (True, None),
    ("99999999999999999999", 99999999999999999999),
])
def test_record_id_takes_ascii_digits_only(ref, expected):
    """Only an int or ASCII digits name a record by id: str.isdigit took '²' (int() then
    raised) and '４２' (read as 42). A big id is kept, and in_id_range says no row has it."""
    assert validate.record_id(ref) == expected
    assert validate.in_id_range(2**63 - 1) and validate.in_id_range(-(2**63))
    assert not validate.in_id_range(2**63) and not validate.in_id_range(99999999999999999999)
