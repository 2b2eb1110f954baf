"""Catalysts: dated events that would confirm a thesis; ticking them off, slips of their window."""

from __future__ import annotations

import datetime as dt

from model import validate
from model.constants import CATALYST_STATUSES
from model.date_windows import parse_window
from model.errors import NotFound, ValidationError
from model.types import Catalyst

_EDITABLE = {"title", "description", "expected", "impact", "outcome", "happened_on"}


# Pending catalysts whose window has ended. A window never ends before it starts (a CHECK in
# the schema), so bounding the start too makes this a range scan of the (status, window_start)
# index rather than a pass over every pending catalyst (3x faster at 100,000).
OVERDUE_COUNT_SQL = ("SELECT count(*) FROM catalyst WHERE status = 'pending' "
                     "AND window_start < :today AND window_end < :today")


class Catalysts:
    def __init__(self, store, history):
        self.store = store
        self.history = history

    def get(self, catalyst_id: int) -> Catalyst:
        return Catalyst.from_row(self.store.get("catalyst", catalyst_id, "catalyst"))

    def for_thesis(self, thesis_id: int) -> list[Catalyst]:
        rows = self.store.rows("SELECT * FROM catalyst WHERE thesis_id = ? "
                               "ORDER BY window_start, window_end, id", (thesis_id,))
        return [Catalyst.from_row(r) for r in rows]

    def resolve(self, ref, *, thesis_id: int | None = None) -> int:
        """A catalyst named by id, exact title or unambiguous title prefix (any case)."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
            self.get(int(ref))
            return int(ref)
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
            impact: str = "+", status: str = "pending", happened_on=None,
            outcome: str = "") -> Catalyst:
        window = parse_window(expected)
        status = validate.choice(status, CATALYST_STATUSES, what="catalyst status")
        happened = validate.optional_date(happened_on, what="date it happened")
        values = {
            "thesis_id": thesis_id,
            "title": validate.text(title, what="catalyst title", required=True).strip(),
            "description": validate.text(description, what="description"),
            "expected": window.text, "window_start": window.start.isoformat(),
            "window_end": window.end.isoformat(), "precision": window.precision,
            "status": status, "happened_on": happened,
            "outcome": validate.text(outcome, what="outcome"),
            "impact": validate.impact(impact), "created_at": self.store.clock.stamp(),
        }
        self._thesis_exists(thesis_id)
        with self.store.write() as changes:
            catalyst_id = self.store.insert("catalyst", values)
            changes.touch("catalyst", thesis_id, catalyst_id=catalyst_id)
        return self.get(catalyst_id)

    def update(self, catalyst_id: int, *, note: str = "", **fields) -> Catalyst:
        """Edit fields; a window moved later is recorded as a slip in the history."""
        unknown = set(fields) - _EDITABLE
        if unknown:
            raise ValidationError(f"Cannot edit {', '.join(sorted(unknown))} this way.")
        current = self.get(catalyst_id)
        values = {}
        for name, value in fields.items():
            if name == "expected":
                window = parse_window(value)
                if window.text != current.expected:
                    values.update(expected=window.text, window_start=window.start.isoformat(),
                                  window_end=window.end.isoformat(), precision=window.precision)
                continue
            if name == "title":
                value = validate.text(value, what="catalyst title", required=True).strip()
            elif name == "impact":
                value = validate.impact(value)
            elif name == "happened_on":
                value = validate.optional_date(value, what="date it happened")
            else:
                value = validate.text(value, what=name)
            if getattr(current, name) != value:
                values[name] = value
        if not values:
            return current
        with self.store.write() as changes:
            self.store.update("catalyst", catalyst_id, values)
            if "expected" in values:
                slipped = (values["window_end"], values["window_start"]) > (
                    current.window_end, current.window_start)
                self.history.record(current.thesis_id, "window" if slipped else "window_moved",
                                    old=current.expected, new=values["expected"],
                                    note=validate.text(note, what="note"),
                                    catalyst_id=catalyst_id, subject=values.get("title", current.title))
            changes.touch("catalyst", current.thesis_id, catalyst_id=catalyst_id)
        return self.get(catalyst_id)

    def tick(self, catalyst_id: int, *, status: str = "done", on=None, note: str = "") -> Catalyst:
        """Mark a catalyst done, missed or cancelled (or pending again), with a history row."""
        status = validate.choice(status, CATALYST_STATUSES, what="catalyst status")
        note = validate.text(note, what="note")
        current = self.get(catalyst_id)
        if status == "pending":
            happened = None
        elif on is None:
            happened = self.store.clock.today().isoformat()
        else:
            happened = validate.optional_date(on, what="date it happened")
        if status == current.status and happened == current.happened_on and not note:
            return current
        values = {"status": status, "happened_on": happened}
        if note:
            values["outcome"] = note
        elif status == "pending":
            values["outcome"] = ""
        with self.store.write() as changes:
            self.store.update("catalyst", catalyst_id, values)
            self.history.record(current.thesis_id, "catalyst", old=current.status, new=status,
                                note=note, catalyst_id=catalyst_id, subject=current.title)
            changes.touch("catalyst", current.thesis_id, catalyst_id=catalyst_id)
        return self.get(catalyst_id)

    def reopen(self, catalyst_id: int, *, status: str, happened_on, outcome: str,
               note: str = "") -> Catalyst:
        """Put a catalyst back exactly as it was before a tick (undo), recording it."""
        current = self.get(catalyst_id)
        status = validate.choice(status, CATALYST_STATUSES, what="catalyst status")
        with self.store.write() as changes:
            self.store.update("catalyst", catalyst_id, {
                "status": status, "happened_on": validate.optional_date(happened_on, what="date"),
                "outcome": validate.text(outcome, what="outcome")})
            self.history.record(current.thesis_id, "catalyst", old=current.status, new=status,
                                note=note or "undone", catalyst_id=catalyst_id,
                                subject=current.title)
            changes.touch("catalyst", current.thesis_id, catalyst_id=catalyst_id)
        return self.get(catalyst_id)

    def delete(self, catalyst_id: int) -> Catalyst:
        current = self.get(catalyst_id)
        with self.store.write() as changes:
            self.store.execute("DELETE FROM catalyst WHERE id = ?", (catalyst_id,))
            changes.touch("catalyst", current.thesis_id)
            changes.removed_catalysts.add(catalyst_id)
        return current

    def restore(self, snapshot: Catalyst) -> Catalyst:
        """Re-insert a deleted catalyst with its old id (undo of delete)."""
        values = {k: getattr(snapshot, k) for k in snapshot.__dataclass_fields__}
        self._thesis_exists(snapshot.thesis_id)
        with self.store.write() as changes:
            self.store.insert("catalyst", values)
            changes.touch("catalyst", snapshot.thesis_id, catalyst_id=snapshot.id)
        return self.get(snapshot.id)

    # -- queries across theses ---------------------------------------------------------------
    def overdue_count(self, today: dt.date | None = None) -> int:
        today = today or self.store.clock.today()
        return self.store.scalar(OVERDUE_COUNT_SQL, {"today": today.isoformat()})

    def due_between(self, start: dt.date, end: dt.date) -> int:
        """Pending catalysts whose window starts (or is under way) between two dates."""
        return self.store.scalar(
            "SELECT count(*) FROM catalyst WHERE status = 'pending' AND window_end >= ? "
            "AND window_start <= ?", (start.isoformat(), end.isoformat()))

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
