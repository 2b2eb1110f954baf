"""Every edit the GUI makes: one service call wrapped in a QUndoCommand that keeps its inverse.

An edit runs at once; only if the store accepts it is a command pushed (its first redo is
skipped), so a refused edit leaves nothing on the undo stack. Store errors become a dialog.
Records re-created by a redo get new ids; ``current_id`` maps the old id to the live one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.dialogs import CompanyDialog, Messages, NoteDialog, TickDialog
from model.errors import UserError


class Command(QUndoCommand):
    def __init__(self, text: str, redo: Callable, undo: Callable, on_error: Callable):
        super().__init__(text)
        self._redo, self._undo, self._on_error = redo, undo, on_error
        self._skip_first = True

    def redo(self):
        if self._skip_first:
            self._skip_first = False
            return
        self._call(self._redo)

    def undo(self):
        self._call(self._undo)

    def _call(self, fn):
        try:
            fn()
        except UserError as exc:
            self._on_error(exc)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Editor:
    """The GUI's write path: service calls + undo + error dialogs, for one open tracker."""

    def __init__(self, tracker, stack: QUndoStack, parent_widget):
        self.tracker = tracker
        self.stack = stack
        self.parent = parent_widget
        self._alias: dict[tuple[str, int], int] = {}

    # -- plumbing ----------------------------------------------------------------------------
    def show_error(self, exc: UserError) -> None:
        Messages.error(self.parent, str(exc))

    def current_id(self, kind: str, record_id: int) -> int:
        while (kind, record_id) in self._alias:
            record_id = self._alias[(kind, record_id)]
        return record_id

    def _moved(self, kind: str, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._alias[(kind, old_id)] = new_id

    def run(self, text: str, do: Callable, undo: Callable, redo: Callable | None = None):
        """Do it now; push an undoable command only if it worked. Returns do()'s result."""
        try:
            result = do()
        except UserError as exc:
            self.show_error(exc)
            return None
        self.stack.push(Command(text, redo or do, undo, self.show_error))
        return result if result is not None else True

    # -- theses ------------------------------------------------------------------------------
    def add_thesis(self, **values):
        t = self.tracker.theses
        state = {"id": None, "first": None}

        def do():
            thesis = t.add(**values)
            if state["first"] is None:
                state["first"] = thesis.id
            else:
                self._moved("thesis", state["id"], thesis.id)
            state["id"] = thesis.id
            return thesis
        return self.run(f"New thesis “{_short(values.get('title', ''))}”", do,
                        lambda: t.delete(state["id"]))

    def edit_thesis(self, thesis_id: int, field: str, value):
        t = self.tracker.theses
        current = t.get(thesis_id)
        old = getattr(current, field)
        if field in ("status", "conviction"):
            return self.change_thesis(thesis_id, field, value)
        if old == value or (old or "") == (value or ""):
            return True
        tid = lambda: self.current_id("thesis", thesis_id)  # noqa: E731
        return self.run(f"Edit {field.replace('_', ' ')} of “{_short(current.title)}”",
                        lambda: t.update(tid(), **{field: value}),
                        lambda: t.update(tid(), **{field: old}))

    def change_thesis(self, thesis_id: int, field: str, value, note: str | None = None):
        """Status or conviction: asks for an optional note, each change a history row."""
        t = self.tracker.theses
        current = t.get(thesis_id)
        old = getattr(current, field)
        if str(old) == str(value):
            return True
        if note is None:
            note = NoteDialog.ask(self.parent, f"Change {field} of “{_short(current.title, 60)}” "
                                               f"from {old} to {value}.")
            if note is None:
                return False
        setter = t.set_status if field == "status" else t.set_conviction
        tid = lambda: self.current_id("thesis", thesis_id)  # noqa: E731
        return self.run(f"Change {field} of “{_short(current.title)}” to {value}",
                        lambda: setter(tid(), value, note=note),
                        lambda: setter(tid(), old, note="undo"),
                        lambda: setter(tid(), value, note=note or "redo"))

    def review(self, thesis_id: int, values: dict):
        """Record a review (#7) with any cadence change, in one transaction. Undo puts the
        thesis back (status, conviction, next review, cadence); the review's history row stays,
        as the history is append-only."""
        t, store = self.tracker.theses, self.tracker.store
        before = t.get(thesis_id)
        tid = lambda: self.current_id("thesis", thesis_id)  # noqa: E731

        def do():
            with store.write():
                if values.get("cadence") and values["cadence"] != before.review_cadence_days:
                    t.update(tid(), review_cadence_days=values["cadence"])
                return self.tracker.reviews.record(
                    tid(), note=values["note"], conviction=values.get("conviction"),
                    status=values.get("status"), next_review=values.get("next_review"))

        def undo():
            with store.write():
                now = t.get(tid())
                if now.status != before.status:
                    t.set_status(tid(), before.status, note="undo review")
                if now.conviction != before.conviction:
                    t.set_conviction(tid(), before.conviction, note="undo review")
                t.update(tid(), next_review=before.next_review,
                         review_cadence_days=before.review_cadence_days)
        return self.run(f"Review of “{_short(before.title)}”", do, undo)

    def delete_thesis(self, thesis_id: int) -> bool:
        """Not undoable (it takes everything the thesis holds): the caller asks first."""
        try:
            self.tracker.theses.delete(self.current_id("thesis", thesis_id))
        except UserError as exc:
            self.show_error(exc)
            return False
        return True

    # -- catalysts ---------------------------------------------------------------------------
    def edit_catalyst(self, catalyst, field: str, value):
        if field == "status":
            return self.tick(catalyst, str(value))
        c = self.tracker.catalysts
        current = c.get(catalyst.id)
        old = getattr(current, field)
        if (old or "") == (value or ""):
            return True
        return self.run(f"Edit {field.replace('_', ' ')} of “{_short(current.title)}”",
                        lambda: c.update(current.id, **{field: value}),
                        lambda: c.update(current.id, **{field: old}))

    def tick(self, catalyst, status: str = "done", *, on: str | None = None,
             note: str | None = None):
        """Done, missed or cancelled (asking when and what came of it), or back to pending."""
        c = self.tracker.catalysts
        current = c.get(catalyst.id)
        if status == current.status:
            return True
        if status != "pending" and note is None:
            answer = TickDialog.ask(self.parent, current.title, status, self.tracker.clock.today())
            if answer is None:
                return False
            on, note = answer
        verb = {"done": "Tick", "missed": "Mark missed", "cancelled": "Mark cancelled",
                "pending": "Reopen"}[status]
        after = {}

        def do():
            fresh = c.tick(current.id, status=status, on=on, note=note or "")
            after.update(status=fresh.status, happened_on=fresh.happened_on,
                         outcome=fresh.outcome)
            return fresh
        return self.run(f"{verb} “{_short(current.title)}”", do,
                        lambda: c.reopen(current.id, status=current.status,
                                         happened_on=current.happened_on,
                                         outcome=current.outcome),
                        lambda: c.reopen(current.id, note="redo", **after))

    def add_catalyst(self, thesis_id: int, *, title: str = "New catalyst", expected: str):
        c = self.tracker.catalysts
        state = {}

        def do():
            state["snapshot"] = c.add(thesis_id=self.current_id("thesis", thesis_id),
                                      title=title, expected=expected)
            return state["snapshot"]
        return self.run("Add catalyst", do, lambda: c.delete(state["snapshot"].id),
                        lambda: c.restore(state["snapshot"]))

    def delete_catalyst(self, catalyst):
        c = self.tracker.catalysts
        snapshot = c.get(catalyst.id)
        return self.run(f"Delete catalyst “{_short(snapshot.title)}”",
                        lambda: c.delete(snapshot.id), lambda: c.restore(snapshot))

    # -- risks -------------------------------------------------------------------------------
    def edit_risk(self, risk, field: str, value):
        r = self.tracker.risks
        current = r.get(risk.id)
        old = getattr(current, field)
        if str(old) == str(value):
            return True
        return self.run(f"Edit {field} of risk “{_short(current.title)}”",
                        lambda: r.update(current.id, **{field: value}),
                        lambda: r.update(current.id, **{field: old}, note="undo"))

    def add_risk(self, thesis_id: int, title: str = "New risk"):
        r = self.tracker.risks
        state = {}

        def do():
            state["snapshot"] = r.add(thesis_id=self.current_id("thesis", thesis_id), title=title)
            return state["snapshot"]
        return self.run("Add risk", do, lambda: r.delete(state["snapshot"].id),
                        lambda: r.restore(state["snapshot"]))

    def delete_risk(self, risk):
        r = self.tracker.risks
        snapshot = r.get(risk.id)
        return self.run(f"Delete risk “{_short(snapshot.title)}”", lambda: r.delete(snapshot.id),
                        lambda: r.restore(snapshot))

    # -- beneficiaries -----------------------------------------------------------------------
    def add_beneficiary(self, thesis_id: int, values: dict | None = None):
        if values is None:
            values = CompanyDialog.ask(self.parent, self.tracker.companies.all())
            if values is None:
                return False
        b, companies = self.tracker.beneficiaries, self.tracker.companies
        state = {"id": None}

        def do():
            company_id = values.get("company_id")
            if company_id is None:
                company_id = companies.find_or_add(
                    name=values.get("name", ""), ticker=values.get("ticker") or None,
                    local_name=values.get("local_name", "")).id
                values["company_id"] = company_id
            added = b.add(thesis_id=self.current_id("thesis", thesis_id), company_id=company_id,
                          role=values.get("role", ""))
            if state["id"] is not None:
                self._moved("beneficiary", state["id"], added.id)
            state["id"] = added.id
            return added
        return self.run("Add beneficiary", do,
                        lambda: b.remove(self.current_id("beneficiary", state["id"])))

    def edit_beneficiary(self, beneficiary, field: str, value):
        b = self.tracker.beneficiaries
        bid = lambda: self.current_id("beneficiary", beneficiary.id)  # noqa: E731
        old = b.get(bid()).role
        if old == value:
            return True
        return self.run(f"Edit role of {_short(beneficiary.name)}",
                        lambda: b.update(bid(), role=value), lambda: b.update(bid(), role=old))

    def remove_beneficiary(self, beneficiary):
        b = self.tracker.beneficiaries
        snapshot = b.get(self.current_id("beneficiary", beneficiary.id))
        state = {"id": snapshot.id}

        def undo():
            added = b.add(thesis_id=snapshot.thesis_id, company_id=snapshot.company_id,
                          role=snapshot.role)
            self._moved("beneficiary", state["id"], added.id)
            state["id"] = added.id
        return self.run(f"Remove beneficiary {_short(snapshot.name)}",
                        lambda: b.remove(self.current_id("beneficiary", state["id"])), undo)

    # -- sources -----------------------------------------------------------------------------
    def add_source(self, thesis_id: int, title: str = "New source"):
        s = self.tracker.sources
        state = {"id": None}

        def do():
            with self.tracker.store.write():
                source = s.add(title=title)
                s.cite(source.id, thesis_id=self.current_id("thesis", thesis_id))
            if state["id"] is not None:
                self._moved("source", state["id"], source.id)
            state["id"] = source.id
            return source
        return self.run("Add source", do, lambda: s.delete(self.current_id("source", state["id"])))

    def edit_source(self, source, field: str, value):
        s = self.tracker.sources
        sid = lambda: self.current_id("source", source.id)  # noqa: E731
        old = getattr(s.get(sid()), field)
        if (old or "") == (value or ""):
            return True
        return self.run(f"Edit {field.replace('_', ' ')} of source “{_short(source.title)}”",
                        lambda: s.update(sid(), **{field: value}),
                        lambda: s.update(sid(), **{field: old}))

    def uncite_source(self, thesis_id: int, source):
        """Remove a source from this thesis: its citations here go; the source itself stays."""
        s = self.tracker.sources
        sid = self.current_id("source", source.id)
        citations = [c for c in s.citations_for_thesis(thesis_id) if c.source_id == sid]

        def do():
            with self.tracker.store.write():
                for c in s.citations_for_thesis(thesis_id):
                    if c.source_id == sid:
                        s.uncite(c.id)

        def undo():
            with self.tracker.store.write():
                for c in citations:
                    s.cite(sid, thesis_id=c.thesis_id, risk_id=c.risk_id,
                           catalyst_id=c.catalyst_id, locator=c.locator)
        return self.run(f"Remove source “{_short(source.title)}” from this thesis", do, undo)
