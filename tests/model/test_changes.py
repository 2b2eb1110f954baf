"""model/changes.py: the one description of what an operation changed, which every view filters
on (#11): a wrong answer here leaves a view stale or reloads it for nothing."""

from __future__ import annotations

import dataclasses

import pytest

from model.changes import Kind, OpChanges, Origin, Touched, quoted


def test_touched_ids_and_present():
    """``ids`` is everything touched; ``present`` leaves out what the operation removed (an id
    added and removed in one operation never existed for a view)."""
    touched = Touched(added=frozenset({1, 2}), changed=frozenset({3}), removed=frozenset({2, 4}))
    assert touched.ids == {1, 2, 3, 4}
    assert touched.present == {1, 3}
    assert touched and not Touched()


def test_build_keeps_only_kinds_that_were_touched():
    """build() drops empty kinds, so ``touches`` answers False for them; ``of`` an absent kind
    is an empty Touched, never a KeyError."""
    changes = OpChanges.build({Kind.CATALYST: ([5], [], []), Kind.RISK: ([], [], [])}, [1],
                              label="Add catalyst")
    assert set(changes.records) == {Kind.CATALYST}
    assert changes.touches(Kind.CATALYST) and not changes.touches(Kind.RISK, Kind.SOURCE)
    assert changes.of(Kind.RISK) == Touched() and changes.theses == {1}
    assert changes.label == "Add catalyst" and changes.origin is Origin.OPERATION
    with pytest.raises(TypeError):
        changes.records[Kind.RISK] = Touched()          # views share one read-only mapping


def test_added_and_removed_theses_cancel_out():
    """A thesis added and removed in the same operation is neither (a view must not insert a
    row for it, nor look for one to delete)."""
    changes = OpChanges.build({Kind.THESIS: ([1, 2], [3], [2, 4])}, [1, 2, 3, 4])
    assert changes.added_theses == {1}
    assert changes.removed_theses == {4}


def test_for_thesis_limits_to_the_thesis_and_kinds():
    """A thesis tab reloads only for its own thesis and the kinds it shows; a reset reloads
    every tab; no thesis selected never reloads."""
    changes = OpChanges.build({Kind.RISK: ([], [7], [])}, [1])
    assert changes.for_thesis(1) and changes.for_thesis(1, Kind.RISK)
    assert not changes.for_thesis(1, Kind.CATALYST)
    assert not changes.for_thesis(2, Kind.RISK) and not changes.for_thesis(None)
    everything = OpChanges.everything(label="Restore")
    assert everything.for_thesis(2, Kind.CATALYST) and everything.touches(Kind.PRICE)
    assert not everything.for_thesis(None)


def test_truth_value_says_whether_a_view_has_anything_to_do():
    """Empty changes are false (no step, no repaint); a reset and a new day are true even
    though no record is named."""
    assert not OpChanges()
    assert OpChanges.build({Kind.HISTORY: ([9], [], [])}, [1])
    assert OpChanges.everything() and OpChanges.everything().origin is Origin.OUTSIDE
    day = OpChanges.day_changed()
    assert day and day.origin is Origin.DAY and not day.reset and not day.records


def test_with_initiator_copies_everything_else():
    """The view that made an edit is named on the notice; nothing else about it changes."""
    changes = OpChanges.build({Kind.THESIS: ([], [1], [])}, [1], label="Edit",
                              origin=Origin.UNDO)
    view = object()
    tagged = changes.with_initiator(view)
    assert tagged.initiator is view and changes.initiator is None
    assert dataclasses.replace(tagged, initiator=None) == changes


def test_kind_values_are_the_tables_that_hold_them():
    """Undo derives OpChanges from the rows written, table by table: each Kind's value must be
    its table's name."""
    assert Kind("catalyst") is Kind.CATALYST and Kind.PRICE.value == "price"
    assert {k.value for k in Kind} >= {"thesis", "catalyst", "risk", "beneficiary", "company",
                                       "source", "citation", "history"}


@pytest.mark.parametrize("text, limit, expected", [
    ("Big light", 40, "“Big light”"),
    ("  two\n lines\tand  tabs ", 40, "“two lines and tabs”"),
    ("x" * 50, 10, "“" + "x" * 9 + "…”"),
    (42, 40, "“42”"),
])
def test_quoted_names_a_record_on_one_short_line(text, limit, expected):
    """Undo menu texts quote titles on one line, cut to ``limit`` with an ellipsis."""
    assert quoted(text, limit) == expected
