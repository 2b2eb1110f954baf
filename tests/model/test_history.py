"""model/history.py: the append-only log. A row is written only inside its change's
transaction, reads come newest first (per thesis) or oldest first (per catalyst), and undone
changes stay in the log but out of what is shown (#3, #11)."""

from __future__ import annotations

import sqlite3

import pytest


@pytest.fixture
def thesis(empty_tracker):
    return empty_tracker.theses.add(title="Logged")


def test_record_outside_a_transaction_is_refused(empty_tracker, thesis):
    """A history row must commit or roll back with its change: written on its own it could
    describe a change that never happened."""
    with pytest.raises(AssertionError):
        empty_tracker.history.record(thesis.id, "status", old="draft", new="active")


def test_record_stores_text_values_and_the_clock(empty_tracker, thesis):
    """Values are kept as text (the scorecard reads "4", not 4); None stays None; ``at``
    defaults to the store's clock."""
    store = empty_tracker.store
    with store.write():
        row = empty_tracker.history.record(thesis.id, "conviction", old=3, new=4,
                                           note="orders")
    entry = next(h for h in empty_tracker.history.for_thesis(thesis.id) if h.id == row)
    assert (entry.old, entry.new, entry.note) == ("3", "4", "orders")
    assert entry.at == empty_tracker.clock.stamp()
    with store.write():
        empty_tracker.history.record(thesis.id, "review", new=None, at="2026-01-01T00:00:00Z")
    oldest = empty_tracker.history.for_thesis(thesis.id)[-1]
    assert (oldest.field, oldest.old, oldest.new) == ("review", None, None)


def test_for_thesis_is_newest_first_and_for_catalyst_oldest_first(empty_tracker, thesis):
    """History tabs read newest first; a catalyst's own history (slips, the scorecard) reads in the
    order it happened."""
    t = empty_tracker
    catalyst = t.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="Q1 2026")
    with t.store.write():
        for at, new in (("2026-01-02T00:00:00Z", "done"), ("2026-01-03T00:00:00Z", "missed"),
                        ("2026-01-01T00:00:00Z", "pending")):
            t.history.record(thesis.id, "status", new=new, catalyst_id=catalyst.id, at=at)
    assert [h.new for h in t.history.for_catalyst(catalyst.id)] == ["pending", "done", "missed"]
    stamps = [h.at for h in t.history.for_thesis(thesis.id)]
    assert stamps == sorted(stamps, reverse=True)


def test_undone_changes_are_kept_but_hidden_unless_asked(empty_tracker, thesis):
    """Undo marks the row (undone_at) instead of deleting it: History can show it greyed,
    reports leave it out (#12)."""
    t = empty_tracker
    t.ops.set_status(thesis.id, "active", note="go")
    t.undo()
    shown = [h.field for h in t.history.for_thesis(thesis.id)]
    everything = t.history.for_thesis(thesis.id, include_undone=True)
    assert "status" not in shown
    undone = [h for h in everything if h.field == "status"]
    assert undone and undone[0].undone_at is not None and undone[0].note == "go"


def test_the_log_cannot_be_rewritten(tracker):
    """Append-only by trigger: rewriting what a recorded row says fails in the database,
    whatever program tries it (rows go only with their thesis)."""
    conn = sqlite3.connect(tracker.path)
    try:
        for column in ("note", "old", "new", "at", "field"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                conn.execute(f"UPDATE history SET {column} = 'rewritten'")
    finally:
        conn.close()
