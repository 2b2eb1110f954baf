"""Theses: create, edit, change status and conviction (each change a history row), list, delete."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, SupportsInt

from model import validate
from model.changes import quoted
from model.constants import SETTLED_STATUSES, THESIS_STATUSES
from model.errors import NotFound, ValidationError
from model.messages import fields_named, message, term
from model.storage.sqlite_errors import translated
from model.types import Thesis, ThesisSummary
from model.upcoming import week_end

if TYPE_CHECKING:
    from model.history import History
    from model.storage.store import Store

_EDITABLE = {"title", "theme", "statement", "horizon", "next_review", "tags",
             "review_cadence_days", "benchmark_ticker"}

_SUMMARY_SQL = """
SELECT t.id, t.title, t.theme, t.status, t.conviction, t.next_review,
       n.title AS next_catalyst, n.expected AS next_expected, n.window_start AS next_start,
       coalesce(o.overdue, 0) AS overdue, coalesce(o.pending, 0) AS pending,
       (t.next_review IS NOT NULL AND t.next_review <= :week_end
        AND t.status NOT IN {settled}) AS review_due, t.tags
FROM thesis t
-- One pass over the (thesis, status, window) index beats the planner's choice of the status
-- index plus a temporary B-tree (measured 3x at 100,000 catalysts).
LEFT JOIN (SELECT thesis_id, sum(window_end < :today) AS overdue, count(*) AS pending
           FROM catalyst INDEXED BY catalyst_thesis
           WHERE status = 'pending' {catalyst_filter} GROUP BY thesis_id) o
       ON o.thesis_id = t.id
LEFT JOIN catalyst n ON n.id = (
       SELECT c.id FROM catalyst c
       WHERE c.thesis_id = t.id AND c.status = 'pending' AND c.window_end >= :today
       ORDER BY c.window_start, c.window_end LIMIT 1)
{where}
ORDER BY t.title COLLATE NOCASE, t.id
"""
_SUMMARY_SQL = _SUMMARY_SQL.replace("{settled}", repr(SETTLED_STATUSES))


def _summaries(conn: sqlite3.Connection, today: dt.date, ids: Iterable[int] | None,
               status: str | None) -> list[ThesisSummary]:
    params = {"today": today.isoformat(), "week_end": week_end(today).isoformat()}
    clauses: list[str] = []
    catalyst_filter = ""
    if ids is not None:
        ids = [int(i) for i in ids]
        if not ids:
            return []
        marks = ",".join(str(i) for i in ids)
        clauses.append(f"t.id IN ({marks})")
        catalyst_filter = f"AND thesis_id IN ({marks})"
    if status:
        params["status"] = status
        clauses.append("t.status = :status")
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = conn.execute(_SUMMARY_SQL.format(where=where, catalyst_filter=catalyst_filter),
                        params).fetchall()
    # Themes, statuses, dates and windows repeat across thousands of rows: one (interned)
    # string object each, whichever page read them (a third less memory for the 10,000-thesis
    # list). Columns come in field order.
    share = sys.intern
    return [ThesisSummary(i, title, share(theme), share(st), conviction,
                          review and share(review), next_title, expected and share(expected),
                          start and share(start), overdue, pending, bool(due),
                          share(tags or ""))
            for (i, title, theme, st, conviction, review, next_title, expected, start, overdue,
                 pending, due, tags) in rows]


class Theses:
    def __init__(self, store: Store, history: History):
        self.store = store
        self.history = history

    # -- reading ---------------------------------------------------------------------------
    def get(self, thesis_id: int) -> Thesis:
        return Thesis.from_row(self.store.get("thesis", thesis_id, "thesis"))

    def all(self) -> list[Thesis]:
        return [Thesis.from_row(r) for r in
                self.store.rows("SELECT * FROM thesis ORDER BY title COLLATE NOCASE, id")]

    def count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM thesis"))

    def ids(self) -> list[int]:
        return [r["id"] for r in self.store.rows("SELECT id FROM thesis ORDER BY id")]

    def summaries(self, ids: Iterable[int] | None = None, *,
                  status: str | None = None) -> list[ThesisSummary]:
        """The thesis list, or just the given theses (for refreshing touched rows)."""
        if status:
            status = validate.choice(status, THESIS_STATUSES, what="status")
        with translated(self.store.path):
            return _summaries(self.store.conn, self.store.clock.today(), ids, status)

    def ids_by_title(self, limit: int = -1) -> list[int]:
        """Thesis ids in the list's order (title, any case; then id), the first ``limit`` or
        all: the thesis list reads a screenful's summaries at once, the rest in pages."""
        with translated(self.store.path):
            return [r[0] for r in self.store.conn.execute(
                "SELECT id FROM thesis ORDER BY title COLLATE NOCASE, id LIMIT ?", (limit,))]

    def resolve(self, ref: int | str) -> int:
        """A thesis named by id, exact title or unambiguous title prefix (any case)."""
        thesis_id = validate.record_id(ref)
        if thesis_id is not None:
            if validate.in_id_range(thesis_id) and self.store.scalar(
                    "SELECT 1 FROM thesis WHERE id = ?", (thesis_id,)):
                return thesis_id
            raise NotFound(message("There is no thesis with id {id}.", id=thesis_id))
        name = str(ref or "").strip()
        if not name:
            raise NotFound("Name a thesis by id or title.")
        return self.store.resolve_title("thesis", name, what="thesis", plural="theses")

    # -- writing ---------------------------------------------------------------------------
    def add(self, *, title: str, theme: str = "", statement: str = "", status: str = "draft",
            conviction: int = 3, horizon: str = "", next_review: str | dt.date | None = None,
            tags: str | Iterable[str] = "",
            review_cadence_days: int = 90, benchmark_ticker: str | None = None,
            note: str = "") -> Thesis:
        stamp = self.store.clock.stamp()
        values = {
            "title": validate.text(title, what="title", required=True).strip(),
            "theme": validate.text(theme, what="theme").strip(),
            "statement": validate.text(statement, what="statement"),
            "status": validate.choice(status, THESIS_STATUSES, what="thesis status"),
            "conviction": validate.score(conviction, what="conviction"),
            "horizon": validate.text(horizon, what="horizon").strip(),
            "next_review": validate.optional_date(next_review, what="next review date"),
            "tags": validate.tags(tags),
            "review_cadence_days": _cadence(review_cadence_days),
            "benchmark_ticker": _ticker(benchmark_ticker),
            "created_at": stamp, "updated_at": stamp,
        }
        with self.store.write(message("New thesis {title}", title=quoted(values["title"]))):
            thesis_id = self.store.insert("thesis", values)
            self.history.record(thesis_id, "created", new=values["title"],
                                note=validate.text(note, what="note"))
        return self.get(thesis_id)

    def update(self, thesis_id: int, **fields: object) -> Thesis:
        """Edit plain fields (not status or conviction, which have their own history)."""
        unknown = set(fields) - _EDITABLE
        if unknown:
            raise ValidationError(f"Cannot edit {', '.join(sorted(unknown))} this way.")
        cleaned = {name: _clean(name, value) for name, value in fields.items()}
        # Read and write in one transaction: the old value in the history row is the one
        # replaced, even when another program wrote meanwhile.
        with self.store.write() as step:
            current = self.get(thesis_id)
            values = {name: value for name, value in cleaned.items()
                      if getattr(current, name) != value}
            if not values:
                return current
            step.label = step.label or message("Edit {what} of {title}",
                                               what=fields_named(list(values)),
                                               title=quoted(current.title))
            values["updated_at"] = self.store.clock.stamp()
            self.store.update("thesis", thesis_id, values)
            if "next_review" in values:
                self.history.record(thesis_id, "next_review", old=current.next_review,
                                    new=values["next_review"])
        return self.get(thesis_id)

    def set_status(self, thesis_id: int, status: str, *, note: str = "") -> Thesis:
        status = validate.choice(status, THESIS_STATUSES, what="thesis status")
        return self._change(thesis_id, "status", status, note)

    def set_conviction(self, thesis_id: int, conviction: int, *, note: str = "") -> Thesis:
        return self._change(thesis_id, "conviction", validate.score(conviction, what="conviction"),
                            note)

    def _change(self, thesis_id: int, name: str, value: str | int, note: str) -> Thesis:
        note = validate.text(note, what="note")
        with self.store.write() as step:
            current = self.get(thesis_id)
            old = getattr(current, name)
            if old == value:
                return current
            shown = term(str(value)) if name == "status" else value
            step.label = step.label or message("Change {what} of {title} to {value}",
                                               what=term(name), title=quoted(current.title),
                                               value=shown)
            self.store.update("thesis", thesis_id, {name: value,
                                                    "updated_at": self.store.clock.stamp()})
            self.history.record(thesis_id, name, old=str(old), new=str(value), note=note)
        return self.get(thesis_id)

    def delete(self, thesis_id: int) -> Thesis:
        """Delete a thesis with everything it holds (catalysts, risks, beneficiaries, its
        citations and history); one step, which undo brings back whole with the same ids."""
        current = self.get(thesis_id)
        with self.store.write(message("Delete thesis {title}", title=quoted(current.title))):
            self.store.execute("DELETE FROM thesis WHERE id = ?", (thesis_id,))
        return current

    def last_changed(self, thesis_id: int, field: str) -> str | None:
        """When status or conviction last changed (or the thesis was created)."""
        at: str | None = self.store.scalar(
            "SELECT at FROM history WHERE thesis_id = ? AND field IN (?, 'created') "
            "AND undone_at IS NULL ORDER BY at DESC, id DESC LIMIT 1", (thesis_id, field))
        return at


def _clean(name: str, value: object) -> str | int | None:
    """A thesis field's value as stored, or ValidationError naming the field."""
    if name == "title":
        return validate.text(value, what="title", required=True).strip()
    if name == "next_review":
        return validate.optional_date(value, what="next review date")
    if name == "tags":
        return validate.tags(value)
    if name == "review_cadence_days":
        return _cadence(value)
    if name == "benchmark_ticker":
        return _ticker(value)
    if name == "statement":
        return validate.text(value, what=name)
    return validate.text(value, what=name).strip()


def _cadence(value: object) -> int:
    try:
        # What int() takes as it is (90.0 from JSON is 90, "90" from a form); else its text.
        days = int(value) if isinstance(value, (str, bytes, SupportsInt)) else int(str(value))
    except (TypeError, ValueError):
        raise ValidationError(message("The review cadence must be a number of days, not "
                                      "{value!r}.", value=value)) from None
    if not 1 <= days <= 3660:
        raise ValidationError(message("The review cadence must be from 1 to 3660 days."))
    return days


def _ticker(value: object) -> str | None:
    cleaned = validate.text(value, what="ticker").strip().upper() if value else ""
    return cleaned or None
