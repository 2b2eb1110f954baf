"""The theses service (#2): add, update, status and conviction with history, resolve, delete,
and the summaries the thesis list shows (next catalyst, overdue counts on the fixed clock)."""

from __future__ import annotations

import pytest

from model.errors import Ambiguous, NotFound, ValidationError


def test_add_stores_every_field_and_a_created_history_row(empty_tracker):
    """add() keeps what was typed (trimmed) and logs 'created' in one transaction (#2)."""
    t = empty_tracker.theses.add(title="  Big light  ", theme="Optics", statement="800G sold out",
                                 status="active", conviction=4, horizon="2026-2027",
                                 next_review="2026-12-01", tags="optics, 800G, optics")
    got = empty_tracker.theses.get(t.id)
    assert (got.title, got.theme, got.statement, got.status, got.conviction, got.horizon,
            got.next_review) == ("Big light", "Optics", "800G sold out", "active", 4,
                                 "2026-2027", "2026-12-01")
    assert got.tag_list == ("optics", "800G")
    assert got.created_at == "2026-11-24T10:00:00Z"
    history = empty_tracker.history.for_thesis(t.id)
    assert [(h.field, h.new) for h in history] == [("created", "Big light")]


@pytest.mark.parametrize("fields,what", [
    (dict(title="   "), "title"),
    (dict(title="x", status="zombie"), "status"),
    (dict(title="x", conviction=6), "conviction"),
    (dict(title="x", conviction="high"), "conviction"),
    (dict(title="x", next_review="next week"), "next review"),
    (dict(title="x\x00y"), "NUL"),
    (dict(title="x", review_cadence_days=0), "cadence"),
])
def test_add_refuses_bad_values_naming_the_field(empty_tracker, fields, what):
    """Bad input is a ValidationError that names what was wrong, and nothing is stored (#2)."""
    with pytest.raises(ValidationError) as info:
        empty_tracker.theses.add(**fields)
    assert what in str(info.value)
    assert empty_tracker.theses.count() == 0


def test_update_edits_plain_fields_and_logs_next_review(empty_tracker):
    """update() changes fields; a new review date is a history row; status is refused (#2)."""
    t = empty_tracker.theses.add(title="A")
    u = empty_tracker.theses.update(t.id, theme="New theme", next_review="2027-01-15",
                                    tags=["x", "y"])
    assert (u.theme, u.next_review, u.tags) == ("New theme", "2027-01-15", "x, y")
    latest = empty_tracker.history.for_thesis(t.id)[0]
    assert (latest.field, latest.old, latest.new) == ("next_review", None, "2027-01-15")
    u = empty_tracker.theses.update(t.id, review_cadence_days="30", benchmark_ticker=" qqq ",
                                    horizon=" 2027 ", statement="  kept as typed  ")
    assert (u.review_cadence_days, u.benchmark_ticker, u.horizon, u.statement) == (
        30, "QQQ", "2027", "  kept as typed  ")
    assert empty_tracker.theses.update(t.id, benchmark_ticker="").benchmark_ticker is None
    with pytest.raises(ValidationError):
        empty_tracker.theses.update(t.id, review_cadence_days=5000)
    with pytest.raises(ValidationError):
        empty_tracker.theses.update(t.id, status="active")
    with pytest.raises(ValidationError):
        empty_tracker.theses.update(t.id, title="")
    assert empty_tracker.theses.get(t.id).title == "A"


def test_update_without_changes_writes_nothing(empty_tracker):
    """An edit to the same values is not a change: no listener call, no history (#2)."""
    t = empty_tracker.theses.add(title="A", theme="T")
    heard = []
    empty_tracker.store.subscribe(heard.append)
    empty_tracker.theses.update(t.id, theme="T")
    empty_tracker.theses.set_status(t.id, "draft")
    assert heard == []
    assert len(empty_tracker.history.for_thesis(t.id)) == 1


def test_set_status_and_conviction_write_history_with_note(empty_tracker):
    """Each status or conviction change is a history row old -> new with its note (#2)."""
    t = empty_tracker.theses.add(title="A")
    empty_tracker.theses.set_status(t.id, "Active", note="orders confirmed")
    empty_tracker.theses.set_conviction(t.id, "5", note="more evidence")
    assert empty_tracker.theses.get(t.id).status == "active"
    assert empty_tracker.theses.get(t.id).conviction == 5
    rows = [(h.field, h.old, h.new, h.note) for h in empty_tracker.history.for_thesis(t.id)]
    assert rows[:2] == [("conviction", "3", "5", "more evidence"),
                        ("status", "draft", "active", "orders confirmed")]
    with pytest.raises(ValidationError):
        empty_tracker.theses.set_status(t.id, "sideways")
    with pytest.raises(ValidationError):
        empty_tracker.theses.set_conviction(t.id, 0)
    with pytest.raises(NotFound):
        empty_tracker.theses.set_status(999, "active")


def test_history_is_newest_first(empty_tracker, clock):
    """history.for_thesis lists the latest change first even within one second (#2)."""
    t = empty_tracker.theses.add(title="A")
    for status in ("active", "watch", "confirmed"):
        empty_tracker.theses.set_status(t.id, status)
    assert [h.new for h in empty_tracker.history.for_thesis(t.id)] == [
        "confirmed", "watch", "active", "A"]


def test_resolve_by_id_title_prefix_any_case(empty_tracker):
    """A thesis is named by id, exact title or unambiguous prefix in any case (#2)."""
    big = empty_tracker.theses.add(title="Big light")
    small = empty_tracker.theses.add(title="Small light")
    empty_tracker.theses.add(title="Small light: lasers")
    res = empty_tracker.theses.resolve
    assert res(big.id) == big.id
    assert res(str(big.id)) == big.id
    assert res("big") == big.id
    assert res("BIG LIGHT") == big.id
    assert res("small light") == small.id          # exact title wins over the longer one
    with pytest.raises(Ambiguous) as info:
        res("sma")
    assert "Small light" in str(info.value) and "Small light: lasers" in str(info.value)
    for missing in ("nothing", "", 999, "50%", "_"):
        with pytest.raises(NotFound):
            res(missing)


def test_delete_removes_the_thesis_and_everything_it_holds(empty_tracker):
    """Deleting cascades to catalysts, risks, beneficiaries and history (#2)."""
    t = empty_tracker.theses.add(title="A")
    c = empty_tracker.catalysts.add(thesis_id=t.id, title="c", expected="2027")
    empty_tracker.risks.add(thesis_id=t.id, title="r")
    co = empty_tracker.companies.add(name="Co")
    empty_tracker.beneficiaries.add(thesis_id=t.id, company_id=co.id)
    empty_tracker.theses.delete(t.id)
    with pytest.raises(NotFound):
        empty_tracker.theses.get(t.id)
    with pytest.raises(NotFound):
        empty_tracker.catalysts.get(c.id)
    for table in ("catalyst", "risk", "beneficiary", "history"):
        assert empty_tracker.store.scalar(f"SELECT count(*) FROM {table}") == 0
    assert empty_tracker.companies.get(co.id).name == "Co"     # companies outlive theses
    with pytest.raises(NotFound):
        empty_tracker.theses.delete(t.id)


def test_summary_next_catalyst_and_overdue_on_the_fixed_clock(empty_tracker):
    """On 2026-11-24: windows ended before today are overdue; the next catalyst is the earliest
    pending one not yet ended; done ones count for neither (#2)."""
    t = empty_tracker.theses.add(title="A", status="active")
    add = lambda title, expected, **kw: empty_tracker.catalysts.add(  # noqa: E731
        thesis_id=t.id, title=title, expected=expected, **kw)
    add("old half", "H1 2026")
    add("yesterday", "2026-11-23")
    add("today", "2026-11-24")
    add("second half", "2H26")
    add("done", "2026-01-05", status="done", happened_on="2026-01-05")
    add("later", "2027")
    other = empty_tracker.theses.add(title="B")
    (s,) = empty_tracker.theses.summaries([t.id])
    assert (s.overdue, s.pending) == (2, 5)
    assert (s.next_catalyst, s.next_expected, s.next_start) == ("second half", "2H26",
                                                               "2026-07-01")
    assert empty_tracker.catalysts.overdue_count() == 2
    (b,) = empty_tracker.theses.summaries([other.id])
    assert (b.next_catalyst, b.overdue, b.pending) == (None, 0, 0)
    assert [x.title for x in empty_tracker.theses.summaries()] == ["A", "B"]
    assert [x.title for x in empty_tracker.theses.summaries(status="active")] == ["A"]
    assert empty_tracker.theses.summaries([]) == []


def test_review_due_this_week(empty_tracker):
    """A review date by the end of this week (Sunday 2026-11-29) on an open thesis is due (#2)."""
    due = empty_tracker.theses.add(title="due", next_review="2026-11-29")
    later = empty_tracker.theses.add(title="later", next_review="2026-11-30")
    closed = empty_tracker.theses.add(title="closed", next_review="2026-11-01", status="closed")
    got = {s.id: s.review_due for s in empty_tracker.theses.summaries()}
    assert got == {due.id: True, later.id: False, closed.id: False}


def test_seeded_theses_from_the_reports(tracker):
    """The demo seeds hold big light, small light and new light with catalysts (#2)."""
    titles = [s.title for s in tracker.theses.summaries()]
    for prefix in ("Big light", "Small light", "New light"):
        thesis_id = tracker.theses.resolve(prefix)
        assert any(t.startswith(prefix) for t in titles)
        assert tracker.catalysts.for_thesis(thesis_id)
        assert tracker.beneficiaries.for_thesis(thesis_id)
    assert tracker.check().ok
