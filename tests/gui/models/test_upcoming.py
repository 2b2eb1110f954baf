"""gui/models/upcoming.py: pending catalysts and reviews due across theses, overdue first,
valid under Qt's model tester while catalysts come and go (#3, #7)."""

from __future__ import annotations

from PySide6.QtCore import Qt

import pytest

from gui.models.upcoming import UpcomingModel, is_review


def test_upcoming_model_passes_the_model_tester(qtmodeltester, tracker):
    """Upcoming stays valid as catalysts are added, ticked and deleted."""
    model = UpcomingModel(tracker)
    tracker.subscribe(model.apply_changes)
    qtmodeltester.check(model)
    thesis_id = tracker.theses.ids()[0]
    soon = tracker.catalysts.add(thesis_id=thesis_id, title="Soon", expected="Dec 2026")
    assert model.row_of(soon.id) is not None
    tracker.catalysts.tick(soon.id)
    assert model.record(model.row_of(soon.id)).status == "done"   # stays, ticked in place
    tracker.catalysts.delete(soon.id)
    assert model.row_of(soon.id) is None
    qtmodeltester.check(model)


def test_upcoming_puts_overdue_first(tracker):
    """Overdue catalysts come before the ones due in the next 90 days (#3 Upcoming)."""
    model = UpcomingModel(tracker)
    today = tracker.clock.today().isoformat()
    flags = [model.record(r).window_end < today for r in range(model.rowCount())]
    assert flags and flags == sorted(flags, reverse=True) and flags[0]
    assert model.index(0, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None


@pytest.fixture
def model(tracker):
    upcoming = UpcomingModel(tracker)
    tracker.subscribe(upcoming.apply_changes)
    yield upcoming
    tracker.unsubscribe(upcoming.apply_changes)


def test_a_review_row_sits_among_catalysts_and_cannot_be_edited(tracker, model):
    """A review due is a row among catalysts (its thesis, date, cadence), read-only and in italics,
    with its tooltip on the check and title cells; once recorded it leaves (#7)."""
    big = tracker.theses.resolve("Big light")
    tracker.theses.update(big, next_review="2026-11-26")
    row = model.row_of(("review", big))
    assert row is not None and is_review(model.record(row))
    review = model.record(row)
    assert (review.title, review.expected, review.status) == ("Thesis review", "2026-11-26",
                                                              "review due")
    assert model.index(row, model.THESIS).data() == tracker.theses.get(big).title
    assert review.describe_window() == "every 90 d, never reviewed"
    assert model.index(row, model.WINDOW).data() == "every 90 d, never reviewed"
    assert model.flags(model.index(row, model.STATUS)) == (Qt.ItemFlag.ItemIsEnabled
                                                           | Qt.ItemFlag.ItemIsSelectable)
    font = model.index(row, model.TITLE).data(Qt.ItemDataRole.FontRole)
    assert font.italic()
    # On the title too, not just the check cell: the Catalyst column's own tooltip (the
    # description, empty for a review) used to end the lookup with nothing.
    for column in (model.CHECK, model.TITLE):
        tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == ("Review due on 2026-11-26: double-click to open the thesis and press "
                       "Review…")
    tracker.ops.review(big, note="done", next_review="2027-02-01")
    assert model.row_of(("review", big)) is None            # its date moved on: it leaves


def test_only_the_status_cell_of_a_catalyst_is_edited_here(model):
    """In Upcoming a catalyst is ticked or its status changed, nothing else (the other cells open
    the thesis)."""
    model.editor = lambda *a: True
    row = next(r for r in range(model.rowCount()) if not is_review(model.record(r)))
    editable = [c for c in range(model.columnCount())
                if model.flags(model.index(row, c)) & Qt.ItemFlag.ItemIsEditable]
    assert editable == [model.STATUS]
    assert model.flags(model.index(row, model.CHECK)) & Qt.ItemFlag.ItemIsUserCheckable


def test_a_catalyst_moved_beyond_the_horizon_leaves_and_one_moved_in_comes(tracker, model):
    """A slip out of the next 90 days removes the row; one moved in appears at its place in the
    order."""
    thesis = tracker.theses.ids()[0]
    soon = tracker.catalysts.add(thesis_id=thesis, title="Soon", expected="2026-12-05")
    far = tracker.catalysts.add(thesis_id=thesis, title="Far", expected="2028")
    assert model.row_of(soon.id) is not None and model.row_of(far.id) is None
    tracker.catalysts.set_window(soon.id, "2029")
    tracker.catalysts.set_window(far.id, "2026-12-01")
    assert model.row_of(soon.id) is None and model.row_of(far.id) is not None
    keys = [model._key(model.record(r)) for r in range(model.rowCount())]
    assert keys == sorted(keys)                               # put in its place


def test_a_retitled_thesis_is_renamed_in_its_rows(tracker, model):
    """The Thesis column follows a rename without a reload."""
    row = next(r for r in range(model.rowCount()) if not is_review(model.record(r)))
    thesis = model.record(row).thesis_id
    tracker.theses.update(thesis, title="Renamed thesis")
    assert model.index(model.row_of(model.record(row).id), model.THESIS).data() == \
        "Renamed thesis"


def test_a_deleted_thesis_takes_its_rows_along(tracker, model):
    """No catalyst of a deleted thesis stays in Upcoming."""
    thesis = next(model.record(r).thesis_id for r in range(model.rowCount()))
    tracker.theses.delete(thesis)
    assert all(model.record(r).thesis_id != thesis for r in range(model.rowCount()))
