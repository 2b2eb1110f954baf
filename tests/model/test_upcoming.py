"""The queue (#7): overdue catalysts first, then those due within N days; reviews due this week."""

from __future__ import annotations

import datetime as dt

import pytest

from model.service import Tracker
from model.storage.store import Clock

# The conftest clock: Tuesday 2026-11-24; this week ends Sunday 2026-11-29.


@pytest.fixture
def queue_db(empty_tracker):
    t = empty_tracker
    a = t.theses.add(title="Alpha optics", theme="AI capex", status="active",
                     next_review="2026-11-20").id
    b = t.theses.add(title="Beta semis", theme="Semis", status="active",
                     next_review="2026-11-29").id
    t.theses.add(title="Gamma later", status="active", next_review="2026-11-30")
    t.theses.add(title="Delta closed", status="closed", next_review="2026-11-01")
    t.theses.add(title="Epsilon unscheduled", status="active")
    ids = {}
    for key, thesis, window in (("c1", a, "2026-10-01"), ("c2", b, "Q3 2026"),
                                ("c3", a, "Nov 2026"), ("c4", a, "2026-12-10"),
                                ("c5", b, "2027-01-20"), ("c6", a, "2026-10-15"),
                                ("c7", b, "2026-12-24")):
        ids[key] = t.catalysts.add(thesis_id=thesis, title=f"Catalyst {key}", expected=window).id
    t.catalysts.tick(ids["c6"], status="done")
    return t, a, b, ids


def test_overdue_first_then_due_within_days(queue_db):
    """Overdue (longest first), then under way, then soonest; done ones and those beyond the
    horizon left out; the 30th day is included. Breaks if the queue order or window is off (#7)."""
    t, a, b, ids = queue_db
    rows = t.queue.catalysts(days=30)
    assert [r.catalyst_id for r in rows] == [ids[k] for k in ("c2", "c1", "c3", "c4", "c7")]
    by_id = {r.catalyst_id: r for r in rows}
    assert by_id[ids["c2"]].overdue_days == (dt.date(2026, 11, 24) - dt.date(2026, 9, 30)).days
    assert by_id[ids["c1"]].overdue_days == 54 and by_id[ids["c1"]].state == "overdue"
    assert by_id[ids["c3"]].state == "under way" and by_id[ids["c3"]].overdue_days == 0
    assert by_id[ids["c4"]].days_to_go == 16 and by_id[ids["c4"]].when() == "in 16 d"
    assert by_id[ids["c7"]].days_to_go == 30
    assert by_id[ids["c1"]].thesis_title == "Alpha optics"
    assert ids["c5"] in {r.catalyst_id for r in t.queue.catalysts(days=60)}


def test_theme_and_thesis_filters(queue_db):
    """--theme keeps theses whose theme contains the text in any case; thesis_ids limits the
    rows (the GUI refreshes touched theses only). Breaks if filters leak other theses (#7)."""
    t, a, b, ids = queue_db
    assert {r.thesis_id for r in t.queue.catalysts(days=30, theme="ai")} == {a}
    assert [r.catalyst_id for r in t.queue.catalysts(days=30, thesis_ids=[b])] == [ids["c2"],
                                                                                  ids["c7"]]
    assert t.queue.catalysts(days=30, thesis_ids=[]) == []
    assert t.queue.catalysts(days=30, theme="nothing like it") == []


def test_reviews_due_passed_or_this_week(queue_db):
    """Reviews due: date passed or on/before Sunday; settled theses and those without a date
    never come up. Breaks if the week or the status filter is wrong (#7)."""
    t, a, b, ids = queue_db
    due = t.queue.reviews()
    assert [r.thesis_id for r in due] == [a, b]
    assert due[0].overdue_days == 4 and due[0].overdue and due[0].when() == "4 d overdue"
    assert due[1].overdue_days == -5 and not due[1].overdue and due[1].when() == "in 5 d"
    assert due[0].last_reviewed is None and due[0].review_cadence_days == 90


def test_overdue_counts_for_window_title(queue_db):
    """The window title's overdue figure counts late catalysts and reviews past their date (#7)."""
    t, a, b, ids = queue_db
    counts = t.queue.overdue()
    assert (counts.catalysts, counts.reviews, counts.total) == (2, 1, 3)
    assert t.queue.review_overdue_ids() == {a}


def test_items_merge_reviews_into_the_queue(queue_db):
    """The GUI's Upcoming list: reviews sit among catalysts by lateness, then by day (#7)."""
    t, a, b, ids = queue_db
    keys = [i.key for i in t.queue.items(days=30)]
    assert keys == [("catalyst", ids["c2"]), ("catalyst", ids["c1"]), ("review", a),
                    ("catalyst", ids["c3"]), ("review", b), ("catalyst", ids["c4"]),
                    ("catalyst", ids["c7"])]
    assert ("review", a) not in [i.key for i in t.queue.items(days=30, include_reviews=False)]
    review = next(i for i in t.queue.items(days=30) if i.key == ("review", a))
    assert review.title == "Review: Alpha optics" and review.expected == "2026-11-20"


def test_queue_follows_the_injected_clock(queue_db, db_path):
    """'Today' comes from tracker.clock, so a later day makes more things overdue (#7)."""
    t, a, b, ids = queue_db
    later = Tracker.open(db_path, clock=Clock.fixed(dt.date(2027, 1, 1)), daily_backup=False)
    try:
        rows = later.queue.catalysts(days=30)
        overdue = [r.catalyst_id for r in rows if r.overdue]
        assert overdue == [ids[k] for k in ("c2", "c1", "c3", "c4", "c7")]
        assert later.queue.overdue().reviews == 3      # alpha, beta and gamma by then
        assert t.queue.overdue().reviews == 1
    finally:
        later.close()
