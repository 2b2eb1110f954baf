"""The catalysts service (#2): add, edit, window slips with history, ticks, reopen, delete and
restore, resolve by title."""

from __future__ import annotations

import pytest

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


def test_reopen_restores_the_previous_state(empty_tracker, thesis):
    """reopen() (the undo of a tick) puts status, date and outcome back and logs 'undone' (#2)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="2026")
    empty_tracker.catalysts.tick(c.id, status="missed", note="no orders")
    r = empty_tracker.catalysts.reopen(c.id, status="pending", happened_on=None, outcome="")
    assert (r.status, r.happened_on, r.outcome) == ("pending", None, "")
    assert _history(empty_tracker, c.id)[-1] == ("catalyst", "missed", "pending", "undone")


def test_delete_and_restore_keep_id_and_fields(empty_tracker, thesis):
    """Deleting returns a snapshot; restore() puts it back with the same id; history rows of
    the catalyst survive (unlinked) the delete (#2)."""
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="Q3 2026")
    empty_tracker.catalysts.tick(c.id, on="2026-08-01")
    snap = empty_tracker.catalysts.delete(c.id)
    with pytest.raises(NotFound):
        empty_tracker.catalysts.get(c.id)
    ticks = [h for h in empty_tracker.history.for_thesis(thesis.id) if h.field == "catalyst"]
    assert len(ticks) == 1 and ticks[0].catalyst_id is None
    back = empty_tracker.catalysts.restore(snap)
    assert back == snap
    with pytest.raises(NotFound):
        empty_tracker.catalysts.delete(999)


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
    """After commit, listeners get Changes naming the thesis and catalyst touched (#2)."""
    heard = []
    empty_tracker.store.subscribe(heard.append)
    c = empty_tracker.catalysts.add(thesis_id=thesis.id, title="Ramp", expected="2026")
    empty_tracker.catalysts.tick(c.id)
    empty_tracker.catalysts.delete(c.id)
    assert [(ch.theses, ch.catalysts) for ch in heard[:2]] == [({thesis.id}, {c.id})] * 2
    assert heard[1].kinds >= {"catalyst", "history"}
    assert heard[2].removed_catalysts == {c.id}


def test_due_between_counts_windows_overlapping_the_range(empty_tracker, thesis):
    import datetime as dt
    empty_tracker.catalysts.add(thesis_id=thesis.id, title="a", expected="Q1 2027")
    empty_tracker.catalysts.add(thesis_id=thesis.id, title="b", expected="2027-06-01")
    assert empty_tracker.catalysts.due_between(dt.date(2027, 3, 1), dt.date(2027, 3, 31)) == 1
    assert empty_tracker.catalysts.due_between(dt.date(2027, 1, 1), dt.date(2027, 12, 31)) == 2
