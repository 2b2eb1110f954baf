"""The catalysts service (#2): add, edit, window slips with history, ticks, reopen, delete and
restore, resolve by title."""

from __future__ import annotations

import pytest

from model.changes import Kind
from model.errors import Ambiguous, NotFound, ValidationError


@pytest.fixture
def thesis(empty_tracker):
    return empty_tracker.theses.add(title="Big light")


def _history(tracker, catalyst_id):
    return [(h.field, h.old, h.new, h.note) for h in tracker.history.for_catalyst(catalyst_id)]


def test_add_parses_the_window_and_keeps_its_text(empty_tracker, thesis):
    """add() stores the analyst's words with the parsed range and precision (#2)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title=" Thai ramp ", expected="H1 2026",
                                    impact="negative", description="capacity")
    assert (c.title, c.expected, c.window_start, c.window_end, c.precision, c.status, c.impact) \
        == ("Thai ramp", "H1 2026", "2026-01-01", "2026-06-30", "half", "pending", "-")
    assert c.window.text == "H1 2026"


@pytest.mark.parametrize("fields,what", [
    (dict(title="x", expected="someday"), "someday"),
    (dict(title="", expected="2027"), "title"),
    (dict(title="x", expected="2027", impact="maybe"), "impact"),
    (dict(title="x", expected="2027", status="late"), "status"),
    (dict(title="x", expected="2027", happened_on="yesterday"), "yesterday"),
])
def test_add_refuses_bad_values(empty_tracker, thesis, fields, what):
    """Bad windows, titles, impacts, statuses and dates are refused naming the value (#2)."""
    with pytest.raises(ValidationError) as info:
        empty_tracker.catalysts.add(thesis_id=thesis.id, **fields)
    assert what in str(info.value)
    assert empty_tracker.catalysts.for_thesis(thesis.id) == []


def test_add_to_a_missing_thesis_is_not_found(empty_tracker):
    """A catalyst for a thesis that does not exist is NotFound, not a foreign-key error (#2)."""
    with pytest.raises(NotFound):
        empty_tracker.catalysts.add(thesis_id=42, title="x", expected="2027")


def test_window_slip_writes_a_history_row_with_note(empty_tracker, thesis):
    """Moving the window later is a 'window' slip row old -> new; earlier is 'window_moved';
    editing other fields writes no history (#2)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="CPO", expected="H1 2026")
    c = empty_tracker.catalysts.update(c.id, expected="2H26", note="delayed by yields")
    assert (c.expected, c.window_start, c.window_end) == ("2H26", "2026-07-01", "2026-12-31")
    c = empty_tracker.catalysts.update(c.id, expected="Q3 2026")
    c = empty_tracker.catalysts.update(c.id, title="CPO switches", description="d", impact="-")
    assert (c.title, c.description, c.impact) == ("CPO switches", "d", "-")
    assert _history(empty_tracker, c.id) == [
        ("window", "H1 2026", "2H26", "delayed by yields"),
        ("window_moved", "2H26", "Q3 2026", "")]
    with pytest.raises(ValidationError):
        empty_tracker.catalysts.update(c.id, expected="never")
    with pytest.raises(ValidationError):
        empty_tracker.catalysts.update(c.id, status="done")     # ticks go through tick()
    assert empty_tracker.catalysts.get(c.id).expected == "Q3 2026"


@pytest.mark.parametrize("status", ["done", "missed", "cancelled"])
def test_tick_sets_status_date_note_and_history(empty_tracker, thesis, status):
    """A tick records when it happened (default today on the fixed clock) and the outcome; its
    history row is written with it (#2)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="H1 2026")
    t = empty_tracker.catalysts.tick(c.id, status=status, note="as expected")
    assert (t.status, t.happened_on, t.outcome) == (status, "2026-11-24", "as expected")
    t = empty_tracker.catalysts.tick(c.id, status=status, on="2026-05-02")
    assert t.happened_on == "2026-05-02"
    assert _history(empty_tracker, c.id) == [("catalyst", "pending", status, "as expected"),
                                             ("catalyst", status, status, "")]


def test_tick_reopen_and_no_op(empty_tracker, thesis):
    """Ticking back to pending clears date and outcome; a repeated identical tick writes
    nothing; a bad date is refused (#2)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="2026-03-01")
    empty_tracker.catalysts.tick(c.id, on="2026-03-02", note="shipped")
    empty_tracker.catalysts.tick(c.id, on="2026-03-02")
    r = empty_tracker.catalysts.tick(c.id, status="pending")
    assert (r.status, r.happened_on, r.outcome) == ("pending", None, "")
    assert [h[2] for h in _history(empty_tracker, c.id)] == ["done", "pending"]
    with pytest.raises(ValidationError):
        empty_tracker.catalysts.tick(c.id, on="2026-02-30")
    with pytest.raises(ValidationError):
        empty_tracker.catalysts.tick(c.id, status="postponed")
    assert empty_tracker.catalysts.get(c.id).status == "pending"


def test_undo_of_a_tick_puts_status_date_and_outcome_back(empty_tracker, thesis):
    """Undoing a tick restores status, date and outcome exactly and marks its history row
    undone (kept in the log, left out of reports) instead of writing an "undone" row (#11)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="2026")
    empty_tracker.catalysts.tick(c.id, status="missed", note="no orders")
    empty_tracker.undo()
    r = empty_tracker.catalysts.get(c.id)
    assert (r.status, r.happened_on, r.outcome) == ("pending", None, "")
    assert _history(empty_tracker, c.id) == []
    logged = [h for h in empty_tracker.history.for_thesis(thesis.id, include_undone=True)
              if h.catalyst_id == c.id]
    assert [(h.old, h.new, h.undone_at is not None) for h in logged] == [
        ("pending", "missed", True)]
    empty_tracker.redo()
    assert empty_tracker.catalysts.get(c.id).status == "missed"
    assert _history(empty_tracker, c.id)[-1][:3] == ("catalyst", "pending", "missed")


def test_undo_of_a_delete_brings_back_the_same_record_and_its_citations(empty_tracker, thesis):
    """Deleting returns a snapshot; undo puts the catalyst back with the same id and fields,
    its citation too; history rows of the catalyst survive the delete unlinked, and are
    linked again by the undo (#2, #11)."""
    t = empty_tracker
    c = t.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="Q3 2026")
    t.catalysts.tick(c.id, on="2026-08-01")
    source = t.sources.add(title="Note")
    t.sources.cite(source.id, catalyst_id=c.id, locator="p. 3")
    snap = t.catalysts.delete(c.id)
    with pytest.raises(NotFound):
        t.catalysts.get(c.id)
    ticks = [h for h in t.history.for_thesis(thesis.id) if h.field == "catalyst"]
    assert len(ticks) == 1 and ticks[0].catalyst_id is None
    assert t.sources.citations_for_thesis(thesis.id) == []
    t.undo()
    assert t.catalysts.get(c.id) == snap
    assert [(x.catalyst_id, x.locator) for x in t.sources.citations_for_thesis(thesis.id)] == [
        (c.id, "p. 3")]
    ticks = [h for h in t.history.for_thesis(thesis.id) if h.field == "catalyst"]
    assert ticks[0].catalyst_id == c.id
    with pytest.raises(NotFound):
        t.catalysts.delete(999)


def test_a_tick_after_today_is_refused(empty_tracker, thesis):
    """A catalyst is ticked once it happened: a date after today is refused with a message,
    never stored or silently changed (#11 defect 5)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="2026")
    with pytest.raises(ValidationError, match="2030-01-01.*after today"):
        empty_tracker.catalysts.tick(c.id, on="2030-01-01")
    assert empty_tracker.catalysts.get(c.id).status == "pending"
    assert empty_tracker.catalysts.tick(c.id, on="2026-11-24").happened_on == "2026-11-24"


def test_resolve_by_id_prefix_and_thesis_scope(empty_tracker, thesis):
    """Catalysts are named by id or unambiguous title prefix, optionally within a thesis (#2)."""
    other = empty_tracker.theses.add(title="Small light")
    a = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Thai ramp", expected="2026")
    b = empty_tracker.catalysts.add(thesis_id=other.id, title="Thai capacity", expected="2026")
    res = empty_tracker.catalysts.resolve
    assert res(str(a.id)) == a.id
    assert res("thai r") == a.id
    assert res("THAI CAP") == b.id
    assert res("thai", thesis_id=other.id) == b.id
    with pytest.raises(Ambiguous):
        res("thai")
    with pytest.raises(NotFound):
        res("nothing")
    with pytest.raises(NotFound):
        res("999")


def test_listeners_hear_the_touched_thesis_and_catalyst(empty_tracker, thesis):
    """After commit, listeners get OpChanges naming the thesis and catalyst touched, by kind
    and how (#2, #11)."""
    heard = []
    empty_tracker.subscribe(heard.append)
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="2026")
    empty_tracker.catalysts.tick(c.id)
    empty_tracker.catalysts.delete(c.id)
    assert [ch.theses for ch in heard] == [{thesis.id}] * 3
    assert heard[0].of(Kind.CATALYST).added == {c.id}
    assert heard[1].of(Kind.CATALYST).changed == {c.id} and heard[1].of(Kind.HISTORY).added
    assert heard[2].of(Kind.CATALYST).removed == {c.id}
    assert [ch.label for ch in heard] == ["Add catalyst “Ramp”", "Tick “Ramp”",
                                          "Delete catalyst “Ramp”"]


def test_due_between_counts_windows_overlapping_the_range(empty_tracker, thesis):
    """'Due this week' counts a catalyst whose window overlaps the range, not just one ending in it
    (#3)."""
    import datetime as dt
    empty_tracker.catalysts.add(thesis_id=thesis.id, title="a", expected="Q1 2027")
    empty_tracker.catalysts.add(thesis_id=thesis.id, title="b", expected="2027-06-01")
    assert empty_tracker.catalysts.due_between(dt.date(2027, 3, 1), dt.date(2027, 3, 31)) == 1
    assert empty_tracker.catalysts.due_between(dt.date(2027, 1, 1), dt.date(2027, 12, 31)) == 2
