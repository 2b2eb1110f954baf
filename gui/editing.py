"""The desktop app's edits: each one model operation (``tracker.ops``); refusals become dialogs.

The model does the work, keeps the undo steps and tells every view what changed; this layer
only asks the user what the model needs (a note for a status change, the day a catalyst
happened) and shows what went wrong. It opens no transaction and keeps no ids of its own: an
undone record comes back with its own id, so ids stay valid for as long as the record exists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.dialogs import CompanyDialog, Messages, NoteDialog, TickDialog, UndoRefusedDialog
from gui.i18n import error_text, localize, word
from model.changes import quoted
from model.errors import UserError, ValidationError
from model.undo import UndoRefused


class Editor(QObject):
    """The GUI's write path for one open tracker (``tracker`` is None while none is open).

    Each method returns the operation's value (the record made or changed, True when nothing
    needed changing) or None when the user cancelled or the model refused; ``last_error``
    then says why (a ValidationError is the user's value refused, anything else a store
    problem such as a full disk)."""

    undo_changed = Signal()     # the undo or redo step on offer changed (menu texts)

    def __init__(self, parent_widget):
        super().__init__(parent_widget)
        self.tracker = None
        self.parent_widget = parent_widget
        self.last_error: UserError | None = None

    def set_tracker(self, tracker) -> None:
        if self.tracker is not None:
            self.tracker.unwatch_undo(self._stack_changed)
        self.tracker = tracker
        if tracker is not None:
            tracker.watch_undo(self._stack_changed)
        self.undo_changed.emit()

    def _stack_changed(self, _event, _step) -> None:
        self.undo_changed.emit()

    # -- plumbing ----------------------------------------------------------------------------
    def show_error(self, exc: UserError) -> None:
        Messages.error(self.parent_widget, error_text(exc))

    def run(self, name: str, *args: Any, initiator: object = None, **kwargs: Any):
        """``tracker.ops.<name>(...)``: its value (True when it is None), or None after
        showing why it was refused."""
        self.last_error = None
        if self.tracker is None:
            return None
        try:
            result = getattr(self.tracker.ops, name)(*args, initiator=initiator, **kwargs)
        except UserError as exc:
            self.last_error = exc
            self.show_error(exc)
            return None
        return True if result.value is None else result.value

    def refused(self) -> bool:
        """The last edit was refused because the value itself is not acceptable."""
        return isinstance(self.last_error, ValidationError)

    # -- undo and redo -----------------------------------------------------------------------
    def undo_text(self) -> str:
        """Edit ▸ Undo naming the step: "Undo Tick “Google TPU v7 ramp”"."""
        label = self.tracker.undo_label() if self.tracker is not None else None
        if not label:
            return self.tr("&Undo")
        return self.tr("&Undo {step}").format(step=localize(label))

    def redo_text(self) -> str:
        label = self.tracker.redo_label() if self.tracker is not None else None
        if not label:
            return self.tr("&Redo")
        return self.tr("&Redo {step}").format(step=localize(label))

    def can_undo(self) -> bool:
        return self.tracker is not None and self.tracker.can_undo()

    def can_redo(self) -> bool:
        return self.tracker is not None and self.tracker.can_redo()

    def undo(self) -> bool:
        return self._step(undo=True)

    def redo(self) -> bool:
        return self._step(undo=False)

    def _step(self, *, undo: bool) -> bool:
        """Undo or redo; a step that cannot apply any more (another program changed what it
        would restore) leaves both stacks as they were and says why, offering to forget it."""
        if self.tracker is None or not (self.can_undo() if undo else self.can_redo()):
            return False
        try:
            self.tracker.undo() if undo else self.tracker.redo()
        except UndoRefused as exc:
            if undo and UndoRefusedDialog.ask(self.parent_widget, error_text(exc)) == "drop":
                self.tracker.drop_undo_step()
            elif not undo:
                self.show_error(exc)
            return False
        except UserError as exc:
            self.show_error(exc)
            return False
        return True

    # -- theses ------------------------------------------------------------------------------
    def add_thesis(self, **values):
        return self.run("add_thesis", **values)

    def edit_thesis(self, thesis_id: int, field: str, value, *, initiator: object = None):
        if field in ("status", "conviction"):
            return self.change_thesis(thesis_id, field, value)
        return self.run("edit_thesis", thesis_id, initiator=initiator, **{field: value})

    def change_thesis(self, thesis_id: int, field: str, value, note: str | None = None):
        """Status or conviction: asks for an optional note; one history row per change."""
        if self.tracker is None:
            return None
        current = self.tracker.theses.get(thesis_id)
        old = getattr(current, field)
        if str(old) == str(value):
            return True
        if note is None:
            shown = (lambda v: word(str(v))) if field == "status" else str
            note = NoteDialog.ask(self.parent_widget,
                                  self.tr("Change {field} of {title} from {old} to {new}.")
                                  .format(field=word(field), title=quoted(current.title, 60),
                                          old=shown(old), new=shown(value)))
            if note is None:
                return None
        name = "set_status" if field == "status" else "set_conviction"
        return self.run(name, thesis_id, value, note=note)

    def review(self, thesis_id: int, values: dict):
        """A review with any cadence change: one step (the model's)."""
        return self.run("review", thesis_id, note=values["note"],
                        conviction=values.get("conviction"), status=values.get("status"),
                        next_review=values.get("next_review"), cadence=values.get("cadence"))

    def delete_thesis(self, thesis_id: int):
        return self.run("delete_thesis", thesis_id)

    # -- catalysts ---------------------------------------------------------------------------
    def edit_catalyst(self, catalyst, field: str, value):
        if field == "status":
            return self.tick(catalyst, str(value))
        return self.run("edit_catalyst", catalyst.id, **{field: value})

    def tick(self, catalyst, status: str = "done", *, on: str | None = None,
             note: str | None = None):
        """Done, missed or cancelled (asking when and what came of it), or back to pending."""
        if self.tracker is None:
            return None
        current = self.tracker.catalysts.get(catalyst.id)
        if status == current.status:
            return True
        if status != "pending" and note is None:
            def submit(day: str, outcome: str) -> None:
                # Refused values keep the dialog open with what was typed (#11).
                self.tracker.ops.tick(current.id, status=status, on=day, note=outcome)
            answer = TickDialog.ask(self.parent_widget, current.title, status,
                                    self.tracker.clock.today(), submit=submit)
            return None if answer is None else self.tracker.catalysts.get(current.id)
        return self.run("tick", current.id, status=status, on=on, note=note or "")

    def add_catalyst(self, thesis_id: int, *, title: str, expected: str, **values):
        """A new catalyst with the window the user typed (its first, never a slip)."""
        return self.run("add_catalyst", thesis_id, title=title, expected=expected, **values)

    def delete_catalyst(self, catalyst):
        return self.run("delete_catalyst", catalyst.id)

    # -- risks -------------------------------------------------------------------------------
    def edit_risk(self, risk, field: str, value):
        return self.run("edit_risk", risk.id, **{field: value})

    def add_risk(self, thesis_id: int, *, title: str, **values):
        return self.run("add_risk", thesis_id, title=title, **values)

    def delete_risk(self, risk):
        return self.run("delete_risk", risk.id)

    # -- beneficiaries -----------------------------------------------------------------------
    def add_beneficiary(self, thesis_id: int, values: dict | None = None):
        if self.tracker is None:
            return None
        if values is None:
            made = []

            def submit(chosen: dict) -> None:
                made.append(self.tracker.ops.add_beneficiary(thesis_id, **chosen).value)
            CompanyDialog.ask(self.parent_widget, self.tracker.companies.all(), submit=submit)
            return made[0] if made else None
        return self.run("add_beneficiary", thesis_id, **values)

    def edit_beneficiary(self, beneficiary, field: str, value):
        return self.run("edit_beneficiary", beneficiary.id, role=value)

    def remove_beneficiary(self, beneficiary):
        return self.run("remove_beneficiary", beneficiary.id)

    # -- sources -----------------------------------------------------------------------------
    def add_source(self, thesis_id: int, *, title: str, **values):
        return self.run("add_source", thesis_id=thesis_id, title=title, **values)

    def edit_source(self, source, field: str, value):
        return self.run("edit_source", source.id, **{field: value})

    def uncite_source(self, thesis_id: int, source):
        """Take a source off this thesis: its citations here go; the source itself stays."""
        return self.run("remove_source_from_thesis", thesis_id, source.id)


class _Named(QUndoCommand):
    """One model step in the mirror: a name only; the model does the undoing."""

    def __init__(self, mirror: UndoMirror, text: str):
        super().__init__(text)
        self.mirror = mirror

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass


class UndoMirror(QObject):
    """A QUndoStack that mirrors the model's undo steps (for Edit ▸ Undo History). It holds
    no logic: moving through it (clicking a step in the history) asks the model to undo or
    redo one step at a time, and it is rebuilt from the model after every change."""

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.stack = QUndoStack(self)
        self._syncing = False
        editor.undo_changed.connect(self.sync)
        self.stack.indexChanged.connect(self._picked)

    def sync(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.stack.clear()
            tracker = self.editor.tracker
            if tracker is not None:
                done, undone = tracker.undo_history()
                for label in [*done, *undone]:
                    self.stack.push(_Named(self, localize(label)))
                self.stack.setIndex(len(done))
        finally:
            self._syncing = False

    def _picked(self, index: int) -> None:
        """The user picked a point in the history: undo or redo until the model is there
        (stopping at a step that cannot apply), then show where it really is."""
        if self._syncing or self.editor.tracker is None:
            return
        self._syncing = True
        try:
            def position() -> int:
                return len(self.editor.tracker.undo_history()[0])
            while position() > index and self.editor.undo():
                pass
            while position() < index and self.editor.redo():
                pass
        finally:
            self._syncing = False
        self.sync()
