"""Risks: what would break a thesis, scored severity x likelihood; status changes are history."""

from __future__ import annotations

from model import validate
from model.constants import RISK_STATUSES
from model.errors import NotFound, ValidationError
from model.types import Risk


class Risks:
    def __init__(self, store, history):
        self.store = store
        self.history = history

    def get(self, risk_id: int) -> Risk:
        return Risk.from_row(self.store.get("risk", risk_id, "risk"))

    def for_thesis(self, thesis_id: int) -> list[Risk]:
        return [Risk.from_row(r) for r in self.store.rows(
            "SELECT * FROM risk WHERE thesis_id = ? ORDER BY severity * likelihood DESC, id",
            (thesis_id,))]

    def add(self, *, thesis_id: int, title: str, description: str = "", severity: int = 3,
            likelihood: int = 3, status: str = "open") -> Risk:
        values = {"thesis_id": thesis_id,
                  "title": validate.text(title, what="risk title", required=True).strip(),
                  "description": validate.text(description, what="description"),
                  "severity": validate.score(severity, what="severity"),
                  "likelihood": validate.score(likelihood, what="likelihood"),
                  "status": validate.choice(status, RISK_STATUSES, what="risk status")}
        if not self.store.scalar("SELECT 1 FROM thesis WHERE id = ?", (thesis_id,)):
            raise NotFound(f"There is no thesis with id {thesis_id}.")
        with self.store.write() as changes:
            risk_id = self.store.insert("risk", values)
            changes.touch("risk", thesis_id)
        return self.get(risk_id)

    def update(self, risk_id: int, *, note: str = "", **fields) -> Risk:
        current = self.get(risk_id)
        values = {}
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
            if getattr(current, name) != value:
                values[name] = value
        if not values:
            return current
        with self.store.write() as changes:
            self.store.update("risk", risk_id, values)
            if "status" in values:
                self.history.record(current.thesis_id, "risk", old=current.status,
                                    new=values["status"], note=validate.text(note, what="note"),
                                    subject=values.get("title", current.title))
            changes.touch("risk", current.thesis_id)
        return self.get(risk_id)

    def restore(self, snapshot: Risk) -> Risk:
        """Re-insert a deleted risk with its old id (undo of delete)."""
        values = {k: getattr(snapshot, k) for k in snapshot.__dataclass_fields__}
        if not self.store.scalar("SELECT 1 FROM thesis WHERE id = ?", (snapshot.thesis_id,)):
            raise NotFound(f"There is no thesis with id {snapshot.thesis_id}.")
        with self.store.write() as changes:
            self.store.insert("risk", values)
            changes.touch("risk", snapshot.thesis_id)
        return self.get(snapshot.id)

    def delete(self, risk_id: int) -> Risk:
        current = self.get(risk_id)
        with self.store.write() as changes:
            self.store.execute("DELETE FROM risk WHERE id = ?", (risk_id,))
            changes.touch("risk", current.thesis_id)
        return current
