"""model/types.py: the records the service API hands out. They are built from rows that carry
more columns than the record (joins, new schema columns), and the GUI and the reports rely on
their derived values (labels, scores, windows, overdue days)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from model.types import (
    Catalyst,
    Company,
    HistoryEntry,
    Risk,
    Thesis,
    ThesisSummary,
    split_tags,
)

CATALYST = dict(id=1, thesis_id=2, title="Ramp", description="", expected="H2 2026",
                window_start="2026-07-01", window_end="2026-12-31", precision="half",
                status="pending", happened_on=None, outcome="", impact="+",
                created_at="2026-01-01T00:00:00Z")


def test_from_row_ignores_columns_the_record_does_not_have():
    """A row from a join or a newer schema has extra columns; building the record must not
    fail on them (every service reads SELECT * rows)."""
    row = dict(CATALYST, thesis_title="Big light", external_ref="mcc:1", undone_at=None)
    assert Catalyst.from_row(row) == Catalyst(**CATALYST)


def test_from_row_still_needs_every_field():
    """A row missing a record's column is a TypeError, not a record with a hole in it."""
    row = dict(CATALYST)
    del row["window_end"]
    with pytest.raises(TypeError):
        Catalyst.from_row(row)


def test_records_are_frozen_and_the_summary_keeps_slots():
    """Views compare records to decide what to repaint: they must not change under them; the
    thesis list keeps 10,000 summaries, without a __dict__ each."""
    catalyst = Catalyst(**CATALYST)
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalyst.status = "done"
    summary = ThesisSummary(1, "t", "", "active", 3, None, None, None, None, 0, 0)
    assert not hasattr(summary, "__dict__") and summary.review_due is False


def test_catalyst_window_and_overdue_days():
    """The window from the stored columns; overdue only after its last day and only while pending;
    days overdue counted from the window's end."""
    catalyst = Catalyst(**CATALYST)
    window = catalyst.window
    assert (window.start, window.end, window.text) == (dt.date(2026, 7, 1),
                                                       dt.date(2026, 12, 31), "H2 2026")
    assert not catalyst.is_overdue(dt.date(2026, 12, 31))
    assert catalyst.is_overdue(dt.date(2027, 1, 1))
    assert catalyst.days_overdue(dt.date(2027, 1, 10)) == 10
    done = dataclasses.replace(catalyst, status="done")
    assert not done.is_overdue(dt.date(2030, 1, 1))


def test_company_label_names_what_is_known():
    """The label in pickers: name, local name, then the ticker in brackets when known."""
    assert Company(1, "Innolight", "中际旭创", "300308.SZ", "SZSE", "CN").label == \
        "Innolight 中际旭创 (300308.SZ)"
    assert Company(2, "Private Co", "", None, "", "").label == "Private Co"


def test_risk_score_is_severity_times_likelihood():
    """Risks sort and print by this score (tables, PDF, Markdown)."""
    assert Risk(1, 1, "r", "", 4, 3, "open").score == 12


@pytest.mark.parametrize("text, tags", [("optics, 光模块,  ,cpo", ("optics", "光模块", "cpo")),
                                        ("", ()), (None, ())])
def test_tags_split_on_commas_without_blanks(text, tags):
    """Search and the PDF read the tag list: blanks and spaces around commas must not become tags.
    """
    assert split_tags(text) == tags
    thesis = Thesis(1, "t", "", "", "draft", 3, "", None, 90, None, text or "", "x", "x")
    assert thesis.tag_list == tags


def test_history_entry_describes_a_first_value_and_a_change():
    """History's Change column: "status: draft -> active", or just the value for a first one
    (a created row), with the subject (a catalyst's title) in place of the field when set."""
    change = HistoryEntry(1, "2026-01-01", 1, None, "status", "", "draft", "active", "")
    first = HistoryEntry(2, "2026-01-01", 1, 5, "window", "catalyst “Ramp”", None, "H2 2026", "")
    assert change.describe() == "status: draft -> active"
    assert first.describe() == "catalyst “Ramp”: H2 2026"


def test_a_catalyst_stored_without_real_dates_is_not_placed_and_says_so():
    """A row another tool wrote before schema 5 may hold no dates: it is shown ("no date")
    and left off charts and calendars instead of crashing them (#14)."""
    good = Catalyst(**CATALYST)
    assert good.placed and good.describe_window() == "2026-07-01 – 2026-12-31 (half)"
    bad = dataclasses.replace(good, window_start="soon", window_end="2026-02-30")
    assert not bad.placed
    assert bad.describe_window() == "no date (stored as 'soon' – '2026-02-30')"
    assert bad.days_overdue(dt.date(2030, 1, 1)) == 0
    with pytest.raises(ValueError):
        _ = bad.window


def test_happened_day_is_a_date_only_when_one_is_stored():
    """Charts place a done catalyst by this day; text that is no date gives None instead of a
    ValueError."""
    done = dataclasses.replace(Catalyst(**CATALYST), status="done", happened_on="2026-11-20")
    assert done.happened_day == dt.date(2026, 11, 20)
    assert dataclasses.replace(done, happened_on="yesterday").happened_day is None
    assert Catalyst(**CATALYST).happened_day is None
