"""Reminders while the app runs (#13): what fell due at the turn of a day, each thing once, one
notification for a batch. Pure functions over the queue, tested without Qt."""

from __future__ import annotations

import datetime as dt

from model.reminders import (
    OPENS,
    OVERDUE,
    REVIEW,
    Reminder,
    ReminderState,
    due_on,
    new_reminders,
    notice_for,
)
from model.service import Tracker
from model.storage.store import Clock
from model.upcoming import ReviewDue, UpcomingCatalyst

DAY = dt.date(2026, 7, 1)


def catalyst(cid: int, start: str, end: str, thesis: int = 1) -> UpcomingCatalyst:
    return UpcomingCatalyst(cid, thesis, f"Thesis {thesis}", "", f"Catalyst {cid}", "",
                            start, end, "+", 0, 0)


def review(thesis: int, on: str) -> ReviewDue:
    return ReviewDue(thesis, f"Thesis {thesis}", "", "active", 3, on, 90, None, 0)


def test_due_on_names_window_opening_overdue_and_reviews_with_their_dates():
    """A window that started (today or earlier) is 'opens', one that ended before today
    'overdue', a review dated today or earlier 'review'; later ones are not due yet."""
    found = due_on([catalyst(1, "2026-07-01", "2026-09-30"), catalyst(2, "2026-04-01",
                                                                    "2026-06-30"),
                    catalyst(3, "2026-07-02", "2026-07-31")],
                   [review(7, "2026-07-01"), review(8, "2026-07-03")], DAY)
    assert [(r.kind, r.key) for r in found] == [
        (OPENS, "opens:1:2026-07-01"), (OVERDUE, "overdue:2:2026-06-30"),
        (REVIEW, "review:7:2026-07-01")]


def test_only_what_became_due_since_the_last_check_and_never_twice():
    """Things due yesterday already (the start-up notice said so) are not reminded; a key
    reminded once is never reminded again, even if it falls due again on paper."""
    yesterday = due_on([catalyst(2, "2026-04-01", "2026-06-30")], [], DAY - dt.timedelta(1))
    today = due_on([catalyst(2, "2026-04-01", "2026-06-30"), catalyst(1, "2026-07-01",
                                                                      "2026-07-31")],
                   [], DAY)
    fresh = new_reminders(today, yesterday, set())
    # Catalyst 2 was under way yesterday and is overdue today: that is news; 1 opened today.
    assert [r.key for r in fresh] == ["overdue:2:2026-06-30", "opens:1:2026-07-01"]
    assert new_reminders(today, [], {r.key for r in fresh}) == []


def test_one_notice_for_a_batch_opens_the_thesis_or_upcoming():
    """One notification however many things fell due; the click opens the thesis when they
    all belong to one, else Upcoming (thesis_id None)."""
    one = Reminder("opens:1:2026-07-01", OPENS, 4, "Big light", "Rubin ramp", "2026-07-01")
    assert notice_for([one]).title == "Catalyst window opens"
    assert notice_for([one]).body == "Rubin ramp\nBig light"
    assert notice_for([one]).thesis_id == 4
    other = Reminder("review:5:2026-07-01", REVIEW, 5, "New light", "New light", "2026-07-01")
    many = notice_for([one, other] * 3, max_lines=4)
    assert many.thesis_id is None and many.title == "6 things fell due"
    assert many.body.endswith("… and 2 more")
    assert notice_for([]) is None


def test_state_reminds_at_the_turn_of_the_day_and_not_for_the_users_edits(db_path):
    """Against a real database: nothing on the day the app started; at midnight the
    catalyst whose window opens that day; a window the user moved to today earlier that day
    raises nothing (it was due 'yesterday' by the same data); a second check the same day
    nothing (#13)."""
    days = [dt.date(2026, 6, 30)]
    clock = Clock(lambda: dt.datetime.combine(days[0], dt.time(12), tzinfo=dt.timezone.utc))
    tracker = Tracker.open(db_path, clock=clock)
    thesis = tracker.ops.add_thesis(title="Big light").value
    opening = tracker.ops.add_catalyst(thesis.id, title="1.6T ramp", expected="2026-07-01").value
    state = ReminderState(tracker, days[0])
    assert state.check(days[0]) == []
    moved = tracker.ops.add_catalyst(thesis.id, title="Already started",
                                     expected="2026-06-15").value
    days[0] = dt.date(2026, 7, 1)
    fresh = state.check(days[0])
    assert [(r.kind, r.subject) for r in fresh] == [(OPENS, "1.6T ramp")]
    assert state.check(days[0]) == []
    days[0] = dt.date(2026, 7, 3)
    fresh = state.check(days[0])
    # The ramp's day passed: overdue now (news); the other was overdue before (not news).
    assert [(r.kind, r.subject) for r in fresh] == [(OVERDUE, "1.6T ramp")]
    assert opening.id and moved.id
    tracker.close()
