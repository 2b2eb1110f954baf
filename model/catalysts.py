"""Catalysts: dated events that would confirm a thesis; ticking them off, slips of their window."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from model import validate
from model.changes import quoted
from model.constants import CATALYST_STATUSES
from model.date_windows import Window, parse_window
from model.errors import NotFound, ValidationError
from model.messages import fields_named, message
from model.types import Catalyst

if TYPE_CHECKING:
    from model.history import History
    from model.storage.store import Store

_EDITABLE = {"title", "description", "expected", "impact", "outcome", "happened_on"}
_WINDOW_COLUMNS = {"expected", "window_start", "window_end", "precision"}


# Pending catalysts whose window has ended. A window never ends before it starts (a CHECK in
# the schema), so bounding the start too makes this a range scan of the (status, window_start)
# index rather than a pass over every pending catalyst (3x faster at 100,000).
OVERDUE_COUNT_SQL = ("SELECT count(*) FROM catalyst WHERE status = 'pending' "
                     "AND window_start < :today AND window_end < :today")


class Catalysts:
    def __init__(self, store: Store, history: History):
        self.store = store
        self.history = history

    def get(self, catalyst_id: int) -> Catalyst:
        return Catalyst.from_row(self.store.get("catalyst", catalyst_id, "catalyst"))

    def for_thesis(self, thesis_id: int) -> list[Catalyst]:
        rows = self.store.rows("SELECT * FROM catalyst WHERE thesis_id = ? "
                               "ORDER BY window_start, window_end, id", (thesis_id,))
        return [Catalyst.from_row(r) for r in rows]

    def resolve(self, ref: int | str, *, thesis_id: int | None = None) -> int:
        """A catalyst named by id, exact title or unambiguous title prefix (any case)."""
        catalyst_id = validate.record_id(ref)
        if catalyst_id is not None:
            return self.get(catalyst_id).id
        name = str(ref or "").strip()
        if not name:
            raise NotFound("Name a catalyst by id or title.")
        scope, params = "", []
        if thesis_id is not None:
            scope, params = " AND thesis_id = ?", [thesis_id]
        return self.store.resolve_title("catalyst", name, what="catalyst", plural="catalysts",
                                        scope=scope, params=params)

    # -- writing ---------------------------------------------------------------------------
    def add(self, *, thesis_id: int, title: str, expected: str, description: str = "",
            impact: str = "+", status: str = "pending",
            happened_on: str | dt.date | None = None,
            outcome: str = "") -> Catalyst:
        """A new catalyst; the window it is given is its first, never a slip."""
        window = parse_window(expected)
        status = validate.choice(status, CATALYST_STATUSES, what="catalyst status")
        happened = self.happened_day(happened_on, required=False)
        values: dict[str, Any] = {
            "thesis_id": thesis_id,
            "title": validate.text(title, what="catalyst title", required=True).strip(),
            "description": validate.text(description, what="description"),
            "expected": window.text, "window_start": window.start.isoformat(),
            "window_end": window.end.isoformat(), "precision": window.precision,
            "status": status, "happened_on": happened,
            "outcome": validate.text(outcome, what="outcome"),
            "impact": validate.impact(impact), "created_at": self.store.clock.stamp(),
        }
        with self.store.write(message("Add catalyst {title}", title=quoted(values["title"]))):
            self._thesis_exists(thesis_id)
            catalyst_id = self.store.insert("catalyst", values)
            if status != "pending":
                self.history.record(thesis_id, "catalyst", old="pending", new=status,
                                    note=values["outcome"], catalyst_id=catalyst_id,
                                    subject=values["title"])
        return self.get(catalyst_id)

    def update(self, catalyst_id: int, *, note: str = "", **fields: object) -> Catalyst:
        """Edit fields; a window moved later is recorded as a slip in the history."""
        unknown = set(fields) - _EDITABLE
        if unknown:
            raise ValidationError(f"Cannot edit {', '.join(sorted(unknown))} this way.")
        note = validate.text(note, what="note")
        cleaned: dict[str, Window | str | None] = {}
        for name, value in fields.items():
            if name == "expected":
                cleaned["expected"] = parse_window(value)
            elif name == "title":
                cleaned[name] = validate.text(value, what="catalyst title", required=True).strip()
            elif name == "impact":
                cleaned[name] = validate.impact(value)
            elif name == "happened_on":
                cleaned[name] = self.happened_day(value, required=False)
            else:
                cleaned[name] = validate.text(value, what=name)
        with self.store.write() as step:
            current = self.get(catalyst_id)
            values: dict[str, Any] = {}     # the row's changed columns
            for name, value in cleaned.items():
                if isinstance(value, Window):       # the expected window
                    if value.text != current.expected:
                        values.update(expected=value.text, window_start=value.start.isoformat(),
                                      window_end=value.end.isoformat(), precision=value.precision)
                elif getattr(current, name) != value:
                    values[name] = value
            if not values:
                return current
            if set(values) >= {"expected"} and len(set(values) - _WINDOW_COLUMNS) == 0:
                step.label = step.label or message("Move the window of {title}",
                                                   title=quoted(current.title))
            else:
                what = fields_named([n for n in values
                                     if n not in _WINDOW_COLUMNS - {"expected"}])
                step.label = step.label or message("Edit {what} of {title}", what=what,
                                                   title=quoted(current.title))
            self.store.update("catalyst", catalyst_id, values)
            if "expected" in values:
                slipped = (values["window_end"], values["window_start"]) > (
                    current.window_end, current.window_start)
                self.history.record(current.thesis_id, "window" if slipped else "window_moved",
                                    old=current.expected, new=values["expected"], note=note,
                                    catalyst_id=catalyst_id,
                                    subject=values.get("title", current.title))
        return self.get(catalyst_id)

    def set_window(self, catalyst_id: int, expected: str, *, note: str = "") -> Catalyst:
        """Move a catalyst's expected window; later than before is a slip (history)."""
        return self.update(catalyst_id, expected=expected, note=note)

    def tick(self, catalyst_id: int, *, status: str = "done", on: str | dt.date | None = None,
             note: str = "") -> Catalyst:
        """Mark a catalyst done, missed or cancelled (or pending again), with a history row.

        ``on`` (default today) may not be after today: a catalyst is ticked once it happened.
        """
        status = validate.choice(status, CATALYST_STATUSES, what="catalyst status")
        note = validate.text(note, what="note")
        if status == "pending":
            happened = None
        elif on is None or (isinstance(on, str) and not on.strip()):
            happened = self.store.clock.today().isoformat()
        else:
            happened = self.happened_day(on)
        with self.store.write() as step:
            current = self.get(catalyst_id)
            if status == current.status and happened == current.happened_on and not note:
                return current
            title = quoted(current.title)
            step.label = step.label or {
                "done": message("Tick {title}", title=title),
                "missed": message("Mark missed {title}", title=title),
                "cancelled": message("Mark cancelled {title}", title=title),
                "pending": message("Reopen {title}", title=title)}[status]
            values: dict[str, str | None] = {"status": status, "happened_on": happened}
            if note:
                values["outcome"] = note
            elif status == "pending":
                values["outcome"] = ""
            self.store.update("catalyst", catalyst_id, values)
            self.history.record(current.thesis_id, "catalyst", old=current.status, new=status,
                                note=note, catalyst_id=catalyst_id, subject=current.title)
        return self.get(catalyst_id)

    def delete(self, catalyst_id: int) -> Catalyst:
        """Delete a catalyst (its citations go with it; undo brings both back)."""
        current = self.get(catalyst_id)
        with self.store.write(message("Delete catalyst {title}", title=quoted(current.title))):
            self.store.execute("DELETE FROM catalyst WHERE id = ?", (catalyst_id,))
        return current

    def happened_day(self, value: object, *, required: bool = True) -> str | None:
        """The day a catalyst happened: a real date, not after today."""
        day = validate.optional_date(value, what="date it happened")
        if day is None:
            if required:
                raise ValidationError(message("Give the date it happened (YYYY-MM-DD)."))
            return None
        today = self.store.clock.today()
        if day > today.isoformat():
            raise ValidationError(message(
                "The date it happened ({day}) is after today ({today}): a catalyst is ticked "
                "off once it has happened.", day=dt.date.fromisoformat(day), today=today))
        return day

    # -- queries across theses ---------------------------------------------------------------
    def overdue_count(self, today: dt.date | None = None) -> int:
        today = today or self.store.clock.today()
        return int(self.store.scalar(OVERDUE_COUNT_SQL, {"today": today.isoformat()}))

    def due_between(self, start: dt.date, end: dt.date) -> int:
        """Pending catalysts whose window starts (or is under way) between two dates."""
        return int(self.store.scalar(
            "SELECT count(*) FROM catalyst WHERE status = 'pending' AND window_end >= ? "
            "AND window_start <= ?", (start.isoformat(), end.isoformat())))

    def due_between_titles(self, start: dt.date, end: dt.date,
                           limit: int = 10) -> list[tuple[str, str]]:
        """(catalyst title, thesis title) of the pending catalysts ``due_between`` counts,
        soonest first: the start-up notice names them."""
        rows = self.store.rows(
            "SELECT c.title, t.title AS thesis FROM catalyst c JOIN thesis t ON t.id = "
            "c.thesis_id WHERE c.status = 'pending' AND c.window_end >= ? AND "
            "c.window_start <= ? ORDER BY c.window_start, c.window_end, c.id LIMIT ?",
            (start.isoformat(), end.isoformat(), limit))
        return [(r["title"], r["thesis"]) for r in rows]

    def upcoming(self, *, days: int = 90, today: dt.date | None = None) -> list[Catalyst]:
        """Pending catalysts across all theses: overdue first (oldest first), then those whose
        window starts within ``days`` (soonest first)."""
        today = today or self.store.clock.today()
        horizon = (today + dt.timedelta(days=int(days))).isoformat()
        rows = self.store.rows(
            "SELECT * FROM catalyst WHERE status = 'pending' AND window_start <= ? "
            "ORDER BY window_end >= ?, window_start, window_end, id",
            (horizon, today.isoformat()))
        return [Catalyst.from_row(r) for r in rows]

    def _thesis_exists(self, thesis_id: int) -> None:
        if not self.store.scalar("SELECT 1 FROM thesis WHERE id = ?", (thesis_id,)):
            raise NotFound(f"There is no thesis with id {thesis_id}.")
