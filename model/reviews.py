"""Thesis reviews: a dated note, any change of conviction or status, and the next review date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from model import validate
from model.changes import quoted
from model.date_windows import parse_date
from model.errors import ValidationError
from model.messages import message
from model.types import HistoryEntry, Thesis

if TYPE_CHECKING:
    from model.history import History
    from model.storage.store import Store
    from model.theses import Theses


@dataclass(frozen=True)
class ReviewResult:
    """What one review did, for the CLI's message and the GUI's undo text."""

    thesis: Thesis
    history_id: int
    previous_review: str | None
    next_review: str
    conviction: tuple[int, int]     # (before, after)
    status: tuple[str, str]         # (before, after)


class Reviews:
    def __init__(self, store: Store, history: History, theses: Theses):
        self.store = store
        self.history = history
        self.theses = theses

    def next_date(self, thesis: Thesis, today: dt.date | None = None) -> dt.date:
        """When the review after one done ``today`` falls: today plus the thesis's cadence."""
        today = today or self.store.clock.today()
        return today + dt.timedelta(days=int(thesis.review_cadence_days or 90))

    def record(self, thesis_id: int, *, note: str, conviction: int | None = None,
               status: str | None = None, next_review: str | dt.date | None = None,
               cadence: int | None = None) -> ReviewResult:
        """Record a review in one transaction: a new review cadence (when given), the status
        and conviction changes (each its own history row carrying the note), then a 'review'
        row (old/new = the next review date before/after) and the thesis's next review date,
        explicit or today + cadence."""
        note = validate.text(note, what="review note", required=True).strip()
        current = self.theses.get(thesis_id)
        today = self.store.clock.today()
        if next_review is None or (isinstance(next_review, str) and not next_review.strip()):
            following = self.next_date(current, today)
        else:
            following = parse_date(next_review, what="next review date")
            if following <= today:
                raise ValidationError(message("The next review date {day} must be after today "
                                              "({today}).", day=following, today=today))
        with self.store.write(message("Review of {title}", title=quoted(current.title))):
            if cadence is not None and int(cadence) != current.review_cadence_days:
                self.theses.update(thesis_id, review_cadence_days=cadence)
                if next_review is None or (isinstance(next_review, str)
                                           and not next_review.strip()):
                    following = self.next_date(self.theses.get(thesis_id), today)
            if status is not None:
                self.theses.set_status(thesis_id, status, note=note)
            if conviction is not None:
                self.theses.set_conviction(thesis_id, conviction, note=note)
            self.store.update("thesis", thesis_id, {"next_review": following.isoformat(),
                                                    "updated_at": self.store.clock.stamp()})
            history_id = self.history.record(thesis_id, "review", old=current.next_review,
                                             new=following.isoformat(), note=note)
        after = self.theses.get(thesis_id)
        return ReviewResult(after, history_id, current.next_review, following.isoformat(),
                            (current.conviction, after.conviction), (current.status, after.status))

    def for_thesis(self, thesis_id: int) -> list[HistoryEntry]:
        """The thesis's recorded reviews, newest first."""
        rows = self.store.rows("SELECT * FROM history WHERE thesis_id = ? AND field = 'review' "
                               "AND undone_at IS NULL ORDER BY at DESC, id DESC", (thesis_id,))
        return [HistoryEntry.from_row(r) for r in rows]

    def last_reviewed(self, thesis_id: int) -> str | None:
        at: str | None = self.store.scalar("SELECT max(at) FROM history WHERE thesis_id = ? "
                                           "AND field = 'review' AND undone_at IS NULL",
                                           (thesis_id,))
        return at
