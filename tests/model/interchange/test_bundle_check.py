"""model/interchange/bundle_check.py: a JSON bundle is checked whole before anything is written
(#14 item 8): the schema first, then what a schema cannot say (ids unique, references that
exist, no price after today, history values the scorecard can read). Every problem is named by
its path; an empty list means the bundle may be imported."""

from __future__ import annotations

import datetime as dt

import pytest

from model.interchange.bundle_check import (
    cross_record_problems,
    path_text,
    problems,
    schema,
    schema_problems,
)

TODAY = dt.date(2026, 11, 24)


def bundle(**parts):
    data = {"format": "thesis-tracker-bundle", "version": 1,
            "companies": [{"id": 1, "name": "Innolight", "ticker": "300308.SZ"},
                          {"id": 2, "name": "Eoptolink"}],
            "sources": [{"id": 1, "title": "Report"}],
            "theses": [{"id": 1, "title": "Big light", "status": "active", "conviction": 4,
                        "beneficiaries": [{"company": 1, "role": "leader"}],
                        "citations": [{"source": 1}],
                        "catalysts": [{"id": 1, "title": "Ramp", "expected": "H2 2026",
                                       "status": "done", "happened_on": "2026-11-01"}],
                        "history": [{"at": "2026-01-01T00:00:00Z", "field": "conviction",
                                     "old": "3", "new": "4"}]}],
            "prices": {"1": [["2024-01-02", 10.0, None]]}}
    data.update(parts)
    return data


def test_a_sound_bundle_has_no_problems():
    """A bundle using every kind of record and reference passes: the checks must not refuse good
    data."""
    assert problems(bundle(), today=TODAY) == []


def test_the_schema_ships_with_the_package():
    """The JSON Schema is package data (a wheel without it could check nothing) and is read once."""
    loaded = schema()
    assert loaded["$schema"].endswith("2020-12/schema") and schema() is loaded     # cached
    assert {"format", "version"} <= set(loaded["required"])


@pytest.mark.parametrize("change, where, reason", [
    (lambda b: b["theses"][0].update(title=""), "theses[0].title", "must not be empty"),
    (lambda b: b["theses"][0].update(status="zombie"), "theses[0].status", "is not one of"),
    (lambda b: b["theses"][0].update(conviction=9), "theses[0].conviction", "out of range"),
    (lambda b: b["theses"][0].update(next_review="2026-13-01"), "theses[0].next_review",
     "is not a date (YYYY-MM-DD)"),
    (lambda b: b["theses"][0]["catalysts"][0].update(expected="someday"),
     "theses[0].catalysts[0].expected", "is not a window"),
    # Days outside the years a typed day may fall in (they were imported as given).
    (lambda b: b["theses"][0].update(next_review="0026-01-01"), "theses[0].next_review",
     "'0026-01-01' is outside the years 1900 to 2200"),
    (lambda b: b["theses"][0]["catalysts"][0].update(expected="9999-12-31"),
     "theses[0].catalysts[0].expected", "'9999-12-31' is outside the years 1900 to 2200"),
    (lambda b: b["theses"][0].update(colour="red"), "theses[0]", "unknown field(s) 'colour'"),
    (lambda b: b["theses"][0].pop("title"), "theses[0]", "'title' is missing"),
    (lambda b: b.update(theses={}), "theses", "is not a array"),
])
def test_schema_problems_name_the_path_and_the_reason(change, where, reason):
    """Each shape problem is named by its path with a short reason a user can act on."""
    data = bundle()
    change(data)
    found = schema_problems(data)
    assert any(path == where and reason in text for path, text in found), found


def test_schema_problems_come_first_and_stop_the_cross_checks():
    """A wrong shape would make the cross-record checks raise: they do not run then."""
    data = bundle()
    data["theses"][0]["beneficiaries"] = [{"company": 99}]      # unknown, but shape is fine
    data["theses"][0]["conviction"] = "high"
    assert [p for p, _ in problems(data, today=TODAY)] == ["theses[0].conviction"]


@pytest.mark.parametrize("change, where, reason", [
    (lambda b: b["companies"].append({"id": 1, "name": "Twin"}), "companies[2].id",
     "company id 1 is used again (first at companies[0])"),
    (lambda b: b["companies"][1].update(ticker="300308.sz"), "companies[1].ticker",
     "ticker 300308.SZ is also companies[0]'s"),
    (lambda b: b["theses"][0]["beneficiaries"].append({"company": 7}),
     "theses[0].beneficiaries[1].company", "unknown company 7"),
    (lambda b: b["theses"][0]["beneficiaries"].append({"company": 1}),
     "theses[0].beneficiaries[1].company", "is already beneficiaries[0]"),
    (lambda b: b["theses"][0]["citations"].append({"source": 5}),
     "theses[0].citations[1].source", "unknown source 5"),
    (lambda b: b["theses"][0]["catalysts"][0].update(happened_on="2026-12-01"),
     "theses[0].catalysts[0].happened_on", "2026-12-01 is after today"),
    (lambda b: b["theses"][0]["history"].append(
        {"at": "2026-02-01T00:00:00Z", "field": "conviction", "old": "4", "new": "high"}),
     "theses[0].history[1].new", "'high' is not a conviction value"),
    (lambda b: b["theses"][0]["history"].append(
        {"at": "2026-02-01T00:00:00Z", "field": "status", "catalyst": 8, "new": "active"}),
     "theses[0].history[1].catalyst", "unknown catalyst 8"),
    (lambda b: b["prices"]["1"].append(["2024-01-02", 11.0, None]), "prices[1][1]",
     "2024-01-02 is already prices[1][0]"),
    (lambda b: b["prices"].update({"1": [["2027-01-01", 1.0, None]]}), "prices[1][0]",
     "2027-01-01 is in the future"),
    (lambda b: b["prices"].update({"9": []}), "prices[9]", "unknown company '9'"),
])
def test_cross_record_problems_name_the_record(change, where, reason):
    """Duplicate ids and tickers, unknown references, happenings after today, history values the
    scorecard cannot read and prices twice a day or in the future are each named."""
    data = bundle()
    change(data)
    found = cross_record_problems(data, today=TODAY)
    assert len(found) == 1 and found[0][0] == where and reason in found[0][1], found


def test_external_refs_must_be_unique_across_theses_and_catalysts():
    """Two records claiming one external key would make a peer re-import update the wrong one."""
    data = bundle()
    data["theses"][0]["external_ref"] = "mcc:1"
    data["theses"][0]["catalysts"][0]["external_ref"] = "mcc:1"
    assert cross_record_problems(data, today=TODAY) == [
        ("theses[0].catalysts[0].external_ref", "'mcc:1' is also theses[0]'s")]


def test_every_problem_is_listed_in_path_order():
    """theses[2] comes before theses[10] (natural order), so the list reads like the file."""
    data = bundle()
    for index in (10, 2, 1):
        data["theses"].append({"id": 100 + index, "title": ""})
    paths = [p for p, _ in problems(data, today=TODAY)]
    assert paths == ["theses[1].title", "theses[2].title", "theses[3].title"]


@pytest.mark.parametrize("parts, text", [
    ([], "the bundle"), (["theses", 2, "title"], "theses[2].title"),
    (["prices", "12", 0], "prices[12][0]"), (["companies", 0, "local name"],
                                             "companies[0][local name]"),
])
def test_path_text_reads_like_python(parts, text):
    """Paths in messages read as the user would index the JSON."""
    assert path_text(parts) == text
