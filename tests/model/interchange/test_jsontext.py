"""model/interchange/jsontext.py: JSON from files a user imports, parsed without surprises
(#14 item 8): NaN, Infinity, numbers too large for SQLite and deep nesting are refused with a
message instead of inf, a ValueError traceback or a RecursionError."""

from __future__ import annotations

import pytest

from model.interchange.jsontext import MAX_DEPTH, NotJson, loads


def test_ordinary_json_parses_as_json_does():
    """The hardening changes nothing for ordinary JSON."""
    assert loads('{"a": [1, 2.5, "光", null, true], "b": {"c": -3}}') == {
        "a": [1, 2.5, "光", None, True], "b": {"c": -3}}


@pytest.mark.parametrize("text, message", [
    ('{"x": NaN}', "NaN is not a number"),
    ('[Infinity]', "Infinity is not a number"),
    ('[-Infinity]', "-Infinity is not a number"),
    ('[1e400]', "too large"),
    ("[" + "9" * 20 + "]", "20 digits is too large"),
    ("[" + "1" * 5000 + "]", "5,000 digits"),
])
def test_numbers_no_file_to_import_holds_are_refused(text, message):
    """NaN, Infinity, 1e400 and integers beyond 64 bits are refused with the reason instead of inf
    or a ValueError (#14 item 8)."""
    with pytest.raises(NotJson, match=message):
        loads(text)


def test_the_largest_sqlite_integer_is_accepted():
    """The digit limit is SQLite's: its largest integers still pass."""
    assert loads("[9223372036854775807, -9223372036854775807]") == [2**63 - 1, -(2**63 - 1)]


def test_nesting_is_limited_and_brackets_in_strings_do_not_count():
    """Nesting beyond the format's is refused before json recurses (RecursionError); brackets inside
    strings are not nesting."""
    assert loads("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(NotJson, match=f"more than {MAX_DEPTH} levels"):
        loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(NotJson, match="nests more"):
        loads("[" * 100_000)                      # would be a RecursionError in json
    assert loads('{"title": "' + "[{" * 50 + '"}') == {"title": "[{" * 50}


def test_broken_json_says_where():
    """Invalid JSON names the line and column."""
    with pytest.raises(NotJson, match=r"not valid JSON \(line 2, column 1"):
        loads('{"a": 1,\n}')
    assert issubclass(NotJson, ValueError)


@pytest.mark.parametrize("text, key", [
    ('{"theses": [1], "theses": []}', '"theses"'),
    ('{"a": [{"b": 1, "c": 2, "b": 3}]}', '"b"'),
    ('{"' + "k" * 500 + '": 1, "' + "k" * 500 + '": 2}', '"' + "k" * 55 + '..."'),
])
def test_a_key_given_twice_in_an_object_is_refused_naming_it(text, key):
    """json keeps the last of a key given twice (a bundle's first "theses" silently dropped);
    it is refused, naming the key (shortened when long)."""
    with pytest.raises(NotJson, match="is given twice") as caught:
        loads(text)
    assert f"the key {key} is given twice" in str(caught.value)
    assert loads('{"a": {"b": 1}, "b": {"a": 2}}') == {"a": {"b": 1}, "b": {"a": 2}}
