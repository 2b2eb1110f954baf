"""Risks: what would break a thesis, scored severity x likelihood; status changes are history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from model import validate
from model.changes import quoted
from model.constants import RISK_STATUSES
from model.errors import NotFound, ValidationError
from model.messages import fields_named, message
from model.types import Risk

if TYPE_CHECKING:
    from model.history import History
    from model.storage.store import Store


class Risks:
    def __init__(self, store: Store, history: History):
        self.store = store
        self.history = history

    def get(self, risk_id: int) -> Risk:
        return Risk.from_row(self.store.get("risk", risk_id, "risk"))

    def for_thesis(self, thesis_id: int) -> list[Risk]:
        return [Risk.from_row(r) for r in self.store.rows(
            "SELECT * FROM risk WHERE thesis_id = ? ORDER BY severity * likelihood DESC, id",
            (thesis_id,))]

    def resolve(self, ref: int | str, *, thesis_id: int | None = None) -> int:
        """A risk named by id, exact title or unambiguous title prefix (any case)."""
        risk_id = validate.record_id(ref)
        if risk_id is not None:
            return self.get(risk_id).id
        name = str(ref or "").strip()
        if not name:
            raise NotFound("Name a risk by id or title.")
        scope, params = ("", []) if thesis_id is None else (" AND thesis_id = ?", [thesis_id])
        return self.store.resolve_title("risk", name, what="risk", plural="risks", scope=scope,
                                        params=params)

    def add(self, *, thesis_id: int, title: str, description: str = "", severity: int = 3,
            likelihood: int = 3, status: str = "open") -> Risk:
        values = {"thesis_id": thesis_id,
                  "title": validate.text(title, what="risk title", required=True).strip(),
                  "description": validate.text(description, what="description"),
                  "severity": validate.score(severity, what="severity"),
                  "likelihood": validate.score(likelihood, what="likelihood"),
                  "status": validate.choice(status, RISK_STATUSES, what="risk status")}
        with self.store.write(message("Add risk {title}", title=quoted(values["title"]))):
            if not self.store.scalar("SELECT 1 FROM thesis WHERE id = ?", (thesis_id,)):
                raise NotFound(f"There is no thesis with id {thesis_id}.")
            risk_id = self.store.insert("risk", values)
        return self.get(risk_id)

    def update(self, risk_id: int, *, note: str = "", **fields: object) -> Risk:
        """Edit a risk; a status change (open, materialised, retired) is a history row."""
        cleaned: dict[str, str | int] = {}
        for name, value in fields.items():
            if name == "title":
                value = validate.text(value, what="risk title", required=True).strip()
            elif name == "description":
                value = validate.text(value, what="description")
            elif name in ("severity", "likelihood"):
                value = validate.score(value, what=name)
            elif name == "status":
                value = validate.choice(value, RISK_STATUSES, what="risk status")
            else:
                raise ValidationError(f"Cannot edit {name} of a risk.")
            cleaned[name] = value
        note = validate.text(note, what="note")
        with self.store.write() as step:
            current = self.get(risk_id)
            values = {k: v for k, v in cleaned.items() if getattr(current, k) != v}
            if not values:
                return current
            step.label = step.label or message("Edit {what} of risk {title}",
                                               what=fields_named(list(values)),
                                               title=quoted(current.title))
            self.store.update("risk", risk_id, values)
            if "status" in values:
                self.history.record(current.thesis_id, "risk", old=current.status,
                                    new=values["status"], note=note,
                                    subject=str(values.get("title", current.title)))
        return self.get(risk_id)

    def delete(self, risk_id: int) -> Risk:
        """Delete a risk (its citations go with it; undo brings both back)."""
        current = self.get(risk_id)
        with self.store.write(message("Delete risk {title}", title=quoted(current.title))):
            self.store.execute("DELETE FROM risk WHERE id = ?", (risk_id,))
        return current
