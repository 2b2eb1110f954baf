"""gui/models/parts.py: the per-thesis tables (catalysts, risks, beneficiaries, sources,
history) pass Qt's model tester before and after edits sync them (#3); a new row is a draft
stored only once complete (#11); ticks go through the editor; undone history is greyed."""

from __future__ import annotations

from PySide6.QtCore import Qt

import pytest

from gui.models.parts import (
    BeneficiaryModel,
    CatalystModel,
    Draft,
    HistoryModel,
    RiskModel,
    SourceModel,
)


@pytest.mark.parametrize("cls", [CatalystModel, RiskModel, BeneficiaryModel, SourceModel,
                                 HistoryModel])
def test_part_models_pass_the_model_tester(qtmodeltester, tracker, cls):
    """Each per-thesis table model is a valid flat table before and after edits sync it."""
    model = cls(tracker)
    model.load(tracker.theses.ids()[0])
    tracker.subscribe(model.apply_changes)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    thesis_id = model.thesis_id
    catalyst = tracker.catalysts.add(thesis_id=thesis_id, title="Tester", expected="2H26")
    tracker.catalysts.tick(catalyst.id, note="done")
    tracker.risks.add(thesis_id=thesis_id, title="Tester risk")
    qtmodeltester.check(model)


@pytest.fixture
def big(tracker):
    return tracker.theses.resolve("Big light")


def test_draft_knows_what_is_missing():
    """A new row is complete only when every required field holds more than spaces (#11)."""
    draft = Draft(("title", "expected"), {"impact": "+"})
    assert draft.empty() and not draft.complete() and draft.value("impact") == "+"
    draft.values["title"] = "  "
    assert draft.empty() and not draft.complete()
    draft.values.update(title="Ramp", expected="Q3 2027")
    assert draft.complete() and not draft.empty() and draft.value("title") == "Ramp"


def test_a_draft_row_shows_its_hint_and_only_its_fields_are_editable(tracker, big):
    """The new row shows its hint, muted until typed into; only its own fields edit; it is no record
    and cannot be ticked; incomplete it is not stored."""
    model = CatalystModel(tracker)
    model.load(big)
    assert model.start_draft() is None                  # no creator: no new row
    model.creator = lambda values: None
    row = model.start_draft()
    assert row == model.rowCount() - 1 and model.record(row) is None
    assert model.start_draft() == row                   # one new row at a time
    title, window = model.index(row, model.TITLE), model.index(row, model.WINDOW)
    assert title.data(Qt.ItemDataRole.ToolTipRole) == CatalystModel.draft_hint
    assert title.data(Qt.ItemDataRole.ForegroundRole) is not None      # muted until typed
    assert model.flags(title) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(window) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, model.CHECK)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(title, "Typed")
    assert title.data() == "Typed" and title.data(Qt.ItemDataRole.ForegroundRole) is None
    assert not model.setData(window, "x")
    assert model.index(row, model.IMPACT).data() == "+"            # the default shows
    assert model.commit_draft() is None and model.draft is not None   # incomplete
    model.discard_draft()
    assert model.draft is None and model.rowCount() == row


def test_a_complete_draft_is_stored_when_another_thesis_is_shown(tracker, big):
    """A finished new row is stored in its own thesis when the selection moves on, not lost."""
    model = CatalystModel(tracker)
    tracker.subscribe(model.apply_changes)
    made = []
    model.creator = lambda values: made.append(values) or tracker.ops.add_catalyst(
        big, **values).value
    model.load(big)
    row = model.start_draft()
    model.setData(model.index(row, model.TITLE), "Left behind")
    model.setData(model.index(row, model.EXPECTED), "2027")
    model.load(tracker.theses.resolve("Small light"))
    assert made == [{"title": "Left behind", "expected": "2027"}]
    assert "Left behind" in [c.title for c in tracker.catalysts.for_thesis(big)]
    tracker.unsubscribe(model.apply_changes)


def test_a_reload_of_the_same_thesis_keeps_the_new_row_as_typed(tracker, big):
    """Another program changed the file (a reset notice): the rows reload and the new row the
    user is typing stays, with what was typed; before, a reload dropped it."""
    from model.changes import OpChanges
    model = CatalystModel(tracker)
    model.creator = lambda values: pytest.fail("an incomplete row is never stored")
    model.load(big)
    row = model.start_draft()
    model.setData(model.index(row, model.TITLE), "Typed before the reload")
    model.apply_changes(OpChanges.everything())
    assert model.draft is not None and model.is_draft(model.rowCount() - 1)
    assert model.index(model.rowCount() - 1, model.TITLE).data() == "Typed before the reload"


def test_a_half_typed_draft_waits_on_its_thesis(tracker, big, qtmodeltester):
    """A new row with a title but no window is not stored when another thesis is shown, and
    not lost: it is back, as typed, when its thesis is shown again; it says what it lacks.
    An empty new row is simply gone."""
    model = CatalystModel(tracker)
    qtmodeltester.check(model)
    model.creator = lambda values: pytest.fail("an incomplete row is never stored")
    small = tracker.theses.resolve("Small light")
    model.load(big)
    count = model.rowCount()
    row = model.start_draft()
    model.setData(model.index(row, model.TITLE), "Half typed")
    assert model.unfinished_draft() == (
        "The new catalyst “Half typed” is not stored yet: it needs Expected. It waits on its "
        "thesis until you fill it in (or press Escape on it).")
    model.load(small)
    assert model.draft is None and model.unfinished_draft() is None
    model.start_draft()                 # an empty new row on Small light: not kept
    model.load(big)
    assert model.rowCount() == count + 1 and model.is_draft(count)
    assert model.index(count, model.TITLE).data() == "Half typed"
    model.load(small)
    assert model.draft is None


def test_catalyst_check_cell_ticks_through_the_editor_and_colours_by_status(tracker, big):
    """The check cell asks the editor to tick (which asks the user); overdue rows are coloured and
    say since when."""
    tracker.catalysts.add(thesis_id=big, title="Next year", expected="2027")
    tracker.catalysts.add(thesis_id=big, title="Late", expected="2026-01-15")
    model = CatalystModel(tracker)
    model.load(big)
    asked = []
    model.editor = lambda record, field, value: asked.append((record.id, field, value)) or True
    row = next(r for r in range(model.rowCount()) if model.record(r).status == "pending"
               and not model.is_overdue(model.record(r)))
    check = model.index(row, model.CHECK)
    assert model.flags(check) & Qt.ItemFlag.ItemIsUserCheckable
    assert check.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert check.data(Qt.ItemDataRole.ToolTipRole) == "pending"
    assert model.setData(check, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked == [(model.record(row).id, "status", "done")]
    overdue = next(r for r in range(model.rowCount()) if model.is_overdue(model.record(r)))
    assert model.index(overdue, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(overdue, model.CHECK).data(
        Qt.ItemDataRole.ToolTipRole).startswith("Overdue: the window ended ")
    assert model.index(row, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_sources_say_what_they_are_cited_for(tracker, big):
    """Each source says what cites it (the thesis, a risk, a catalyst) in this thesis."""
    model = SourceModel(tracker)
    model.load(big)
    cited = {model.record(r).id: model.index(r, model.CITED).data()
             for r in range(model.rowCount())}
    assert cited and all(cited.values())
    assert any(text.startswith(("thesis", "risk", "catalyst")) for text in cited.values())


def test_history_hides_undone_changes_unless_asked_and_names_the_catalyst(tracker, big):
    """A tick's history row names its catalyst; an undone change leaves the list, and comes back
    greyed and marked when asked (#12)."""
    model = HistoryModel(tracker)
    tracker.subscribe(model.apply_changes)
    model.load(big)
    catalyst = tracker.catalysts.for_thesis(big)[0]
    tracker.ops.tick(catalyst.id, status="missed", note="no order")
    assert model.index(0, 1).data() == catalyst.title          # the catalyst, not "status"
    rows = model.rowCount()
    tracker.undo()
    assert model.rowCount() == rows - 1
    model.set_show_undone(True)
    assert model.rowCount() == rows
    undone = next(r for r in range(rows) if model.record(r).undone_at)
    assert model.index(undone, 5).data() == "(undone) no order"
    assert model.index(undone, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    tracker.unsubscribe(model.apply_changes)


def test_a_deleted_thesis_empties_its_tables(tracker, big):
    """Deleting the shown thesis empties its tabs instead of showing stale rows."""
    model = RiskModel(tracker)
    tracker.subscribe(model.apply_changes)
    model.load(big)
    assert model.rowCount() > 0
    tracker.ops.delete_thesis(big)
    assert model.thesis_id is None and model.rowCount() == 0
    tracker.unsubscribe(model.apply_changes)
