"""What to remind the user of while the app runs (#13): a catalyst whose window opens, one
that becomes overdue, a review that falls due. Pure functions over the queue, no Qt.

The app shows the start-up notice for what is already due when it starts; a reminder is for
what *becomes* due while it runs, at the turn of a day. So the new reminders of a day are the
things due today that were not yet due on the last day checked (by the same data, so the
user's own edits never raise one) and that were not reminded before (``seen``): each event
has a key naming the record and the date that made it due, and no key is reminded twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.messages import joined, message

if TYPE_CHECKING:
    from model.service import Tracker
    from model.upcoming import ReviewDue, UpcomingCatalyst

OPENS, OVERDUE, REVIEW = "opens", "overdue", "review"


@dataclass(frozen=True)
class Reminder:
    """One thing that fell due: ``key`` identifies the event (never reminded twice)."""

    key: str
    kind: str               # OPENS, OVERDUE or REVIEW
    thesis_id: int
    thesis_title: str
    subject: str            # the catalyst's title, or the thesis's for a review
    since: str              # the date that made it due (ISO)

    def line(self) -> str:
        if self.kind == OPENS:
            return message("Window opens: {subject} ({thesis})", subject=self.subject,
                           thesis=self.thesis_title)
        if self.kind == OVERDUE:
            return message("Overdue: {subject} ({thesis})", subject=self.subject,
                           thesis=self.thesis_title)
        return message("Review due: {thesis}", thesis=self.thesis_title)


def due_on(catalysts: Iterable[UpcomingCatalyst], reviews: Iterable[ReviewDue],
           day: dt.date) -> list[Reminder]:
    """Everything due on ``day``: pending catalysts inside their window or past it, and
    reviews whose date is ``day`` or earlier (not those merely later this week)."""
    today = day.isoformat()
    found: list[Reminder] = []
    for c in catalysts:
        if c.window_end < today:
            found.append(Reminder(f"{OVERDUE}:{c.catalyst_id}:{c.window_end}", OVERDUE,
                                  c.thesis_id, c.thesis_title, c.title, c.window_end))
        elif c.window_start <= today:
            found.append(Reminder(f"{OPENS}:{c.catalyst_id}:{c.window_start}", OPENS,
                                  c.thesis_id, c.thesis_title, c.title, c.window_start))
    for r in reviews:
        if r.next_review <= today:
            found.append(Reminder(f"{REVIEW}:{r.thesis_id}:{r.next_review}", REVIEW,
                                  r.thesis_id, r.title, r.title, r.next_review))
    return found


def new_reminders(now: Iterable[Reminder], before: Iterable[Reminder],
                  seen: set[str]) -> list[Reminder]:
    """What fell due between the two checks and was never reminded: overdue first, then
    windows opening, then reviews, each in date order."""
    known = {r.key for r in before} | seen
    order = {OVERDUE: 0, OPENS: 1, REVIEW: 2}
    fresh = {r.key: r for r in now if r.key not in known}
    return sorted(fresh.values(), key=lambda r: (order[r.kind], r.since, r.key))


@dataclass(frozen=True)
class Notice:
    """One desktop notification for a batch of reminders; ``thesis_id`` is the thesis a
    click opens (None: several theses, so the click opens Upcoming)."""

    title: str
    body: str
    thesis_id: int | None


def notice_for(reminders: Sequence[Reminder], *, max_lines: int = 4) -> Notice | None:
    """One notification, however many things fell due at once."""
    if not reminders:
        return None
    theses = {r.thesis_id for r in reminders}
    thesis_id = next(iter(theses)) if len(theses) == 1 else None
    if len(reminders) == 1:
        only = reminders[0]
        title = {OPENS: message("Catalyst window opens"), OVERDUE: message("Catalyst overdue"),
                 REVIEW: message("Review due")}[only.kind]
        body = (only.thesis_title if only.kind == REVIEW
                else f"{only.subject}\n{only.thesis_title}")
        return Notice(title, body, thesis_id)
    lines = [r.line() for r in reminders[:max_lines]]
    if len(reminders) > max_lines:
        lines.append(message("… and {count} more", count=len(reminders) - max_lines))
    return Notice(message("{count} things fell due", count=len(reminders)),
                  joined(lines, "\n"), thesis_id)


class ReminderState:
    """The reminders of one open database: the last day checked and the keys reminded."""

    def __init__(self, tracker: Tracker, today: dt.date):
        self.tracker = tracker
        self.checked = today
        self.seen: set[str] = set()

    def _due(self, day: dt.date) -> list[Reminder]:
        queue = self.tracker.queue
        return due_on(queue.catalysts(days=0, today=day), queue.reviews(today=day), day)

    def check(self, today: dt.date) -> list[Reminder]:
        """The new reminders since the last check (none on the day it started)."""
        if today <= self.checked:
            return []
        fresh = new_reminders(self._due(today), self._due(self.checked), self.seen)
        self.checked = today
        self.seen.update(r.key for r in fresh)
        return fresh
