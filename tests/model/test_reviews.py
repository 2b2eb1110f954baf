"""Thesis reviews (#7): history row with the note, conviction/status changes, next date by
cadence."""

from __future__ import annotations

import pytest

from model.changes import Kind
from model.errors import ValidationError

# The conftest clock: 2026-11-24.


@pytest.fixture
def thesis(empty_tracker):
    return empty_tracker.theses.add(title="Optics cycle", status="active", conviction=3,
                                    next_review="2026-11-20")


def _rows(tracker, thesis_id, field):
    return [h for h in tracker.history.for_thesis(thesis_id) if h.field == field]


def test_review_sets_next_date_from_default_cadence(empty_tracker, thesis):
    """A review with no --next moves the next review to today + 90 days and records the note and
    the old and new dates. Breaks if the cadence default or the history row is lost (#7)."""
    t = empty_tracker
    assert [r.thesis_id for r in t.queue.reviews()] == [thesis.id]
    result = t.reviews.record(thesis.id, note="Q3 prints in line")
    assert result.next_review == "2027-02-22" == t.theses.get(thesis.id).next_review
    (row,) = _rows(t, thesis.id, "review")
    assert (row.old, row.new, row.note) == ("2026-11-20", "2027-02-22", "Q3 prints in line")
    assert t.reviews.last_reviewed(thesis.id) == row.at
    assert t.queue.reviews() == []
    assert not _rows(t, thesis.id, "conviction") and not _rows(t, thesis.id, "status")


def test_edited_cadence_drives_the_next_date(empty_tracker, thesis):
    """The cadence is per thesis and editable: 30 days gives 2026-12-24 (#7)."""
    t = empty_tracker
    t.theses.update(thesis.id, review_cadence_days=30)
    assert t.reviews.record(thesis.id, note="monthly now").next_review == "2026-12-24"


def test_review_with_conviction_and_status_is_one_transaction(empty_tracker, thesis):
    """Conviction and status changes are history rows carrying the review note, written with the
    review in one transaction (listeners hear once). Breaks if they commit separately (#7)."""
    t = empty_tracker
    heard = []
    t.subscribe(heard.append)
    result = t.reviews.record(thesis.id, note="Thesis playing out", conviction=5,
                              status="confirmed", next_review="2027-01-15")
    assert len(heard) == 1 and thesis.id in heard[0].theses
    assert heard[0].of(Kind.THESIS).changed == {thesis.id}
    assert len(heard[0].of(Kind.HISTORY).added) == 3
    assert result.conviction == (3, 5) and result.status == ("active", "confirmed")
    (conv,) = _rows(t, thesis.id, "conviction")
    (status,) = _rows(t, thesis.id, "status")
    assert (conv.old, conv.new, conv.note) == ("3", "5", "Thesis playing out")
    assert (status.old, status.new, status.note) == ("active", "confirmed", "Thesis playing out")
    assert t.theses.get(thesis.id).next_review == "2027-01-15"


@pytest.mark.parametrize("kwargs", [
    {"note": "ok", "next_review": "2026-11-24"},           # not after today
    {"note": "ok", "next_review": "next week"},            # not a date
    {"note": "ok", "status": "confirmed", "conviction": 7},  # status valid, conviction not
    {"note": "   "},                                       # a review needs a note
])
def test_bad_review_changes_nothing(empty_tracker, thesis, kwargs):
    """A refused review leaves the thesis and its history exactly as they were (#7)."""
    t = empty_tracker
    before, history = t.theses.get(thesis.id), t.history.for_thesis(thesis.id)
    with pytest.raises(ValidationError):
        t.reviews.record(thesis.id, **kwargs)
    assert t.theses.get(thesis.id) == before
    assert t.history.for_thesis(thesis.id) == history


def test_reviews_listed_newest_first(empty_tracker, thesis):
    """for_thesis lists the recorded reviews only, newest first (#7)."""
    t = empty_tracker
    t.reviews.record(thesis.id, note="first")
    t.theses.set_conviction(thesis.id, 4)
    t.reviews.record(thesis.id, note="second", next_review="2027-06-01")
    assert [r.note for r in t.reviews.for_thesis(thesis.id)] == ["second", "first"]
