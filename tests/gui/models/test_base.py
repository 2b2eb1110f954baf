"""gui/models/base.py: the flat table model every list and tab is built on. Rows sync by id in
place (an edit never makes a row jump from under the cursor), sorting uses raw values, edits go
to the editor, and user text in tooltips is never read as markup (#3, #12)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt

import pytest

from gui.models.base import (
    ID_ROLE,
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordTableModel,
    TodayCache,
    orderable,
    plain_tooltip,
)


@dataclass(frozen=True)
class Rec:
    id: int
    name: str
    size: int | None = None


class Model(RecordTableModel):
    columns = [
        Column("Name", lambda r: r.name, field="name", tooltip=lambda r: r.name),
        Column("Size", lambda r: r.size, align_right=True),
    ]


@pytest.fixture
def model(qtmodeltester):
    m = Model()
    m.replace_all([Rec(1, "b", 2), Rec(2, "a", 10), Rec(3, "c", None)])
    yield m
    qtmodeltester.check(m)


def _names(m):
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_roles_give_text_raw_values_records_and_ids(model):
    """Display text, raw sort values, the record and its id, right alignment and the edit value per
    column; an invalid index gives nothing."""
    index = model.index(2, 1)
    assert index.data() == "" and index.data(SORT_ROLE) == ""          # None shows blank
    assert model.index(1, 1).data() == 10 and model.index(1, 1).data(SORT_ROLE) == 10
    assert model.index(0, 0).data(RECORD_ROLE) == Rec(1, "b", 2)
    assert model.index(0, 0).data(ID_ROLE) == 1
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 0).data(Qt.ItemDataRole.EditRole) == "b"
    assert model.index(0, 1).data(Qt.ItemDataRole.EditRole) is None     # not editable
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(5, Qt.Orientation.Horizontal) is None
    assert model.data(QModelIndex()) is None


def test_only_columns_with_a_field_are_editable_and_only_with_an_editor(model):
    """Cells edit only where a column names a field and an editor is set; edits go to the editor,
    whose refusal is False."""
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 0), "new")
    edits = []
    model.editor = lambda record, field, value: edits.append((record.id, field, value)) or True
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, 0), "renamed")
    assert not model.setData(model.index(0, 1), 5)
    assert not model.setData(model.index(0, 0), "x", Qt.ItemDataRole.DisplayRole)
    assert edits == [(1, "name", "renamed")]
    model.editor = lambda record, field, value: None          # refused
    assert not model.setData(model.index(0, 0), "")


def test_sort_uses_raw_values_blank_last_and_keeps_persistent_indexes(model):
    """10 sorts after 2 (numbers, not text), blanks last, and the selection stays on its record."""
    kept = model.index(1, 0)                  # "a"
    from PySide6.QtCore import QPersistentModelIndex
    persistent = QPersistentModelIndex(kept)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["b", "a", "c"]                   # 2, 10, blank (10 > 2 as numbers)
    assert persistent.row() == model.row_of(2) == 1
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["c", "b", "a"] and persistent.row() == 2
    model.sort(9)                                               # no such column: nothing
    assert _names(model) == ["c", "b", "a"]


def test_sync_changes_only_what_differs_and_keeps_rows_in_place(model):
    """Removed rows go, new ones come in at their place, kept rows stay where they are (even
    if the new order differs) and only changed rows repaint."""
    events = []
    model.rowsRemoved.connect(lambda *a: events.append(("removed", a[1])))
    model.rowsInserted.connect(lambda *a: events.append(("inserted", a[1])))
    model.dataChanged.connect(lambda a, b, roles=(): events.append(("changed", a.row())))
    model.modelReset.connect(lambda: events.append("reset"))
    model.sync([Rec(4, "d"), Rec(3, "c", 7), Rec(1, "b", 2)])
    assert "reset" not in events
    assert _names(model) == ["d", "b", "c"]
    assert ("removed", 1) in events and ("inserted", 0) in events
    assert [e for e in events if e[0] == "changed"] == [("changed", 2)]
    assert model.row_of(3) == 2 and model.row_of(2) is None


def test_update_records_repaints_present_changed_rows_only(model):
    """Only rows whose record changed repaint; a record not in the table is ignored."""
    changed = []
    model.dataChanged.connect(lambda a, b, roles=(): changed.append(a.row()))
    model.update_records([Rec(2, "a", 10), Rec(3, "c", 1), Rec(99, "absent")])
    assert changed == [2] and model.record(2).size == 1 and model.row_of(99) is None
    assert model.index_of(99).isValid() is False and model.index_of(3, 1).column() == 1


def test_tooltips_show_user_text_exactly(model):
    """A title like <b>bold</b><img src=x> must show those characters, not render them."""
    model.replace_all([Rec(1, "<b>bold</b><img src=x>\nline two")])
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<qt>&lt;b&gt;bold&lt;/b&gt;&lt;img src=x&gt;<br>line two</qt>"
    assert plain_tooltip("") is None and plain_tooltip(None) is None


def test_orderable_sorts_blank_last_among_text():
    """Empty and missing values sort after every value."""
    values = ["b", "", None, "a"]
    assert sorted(values, key=orderable) == ["a", "b", "", None]


def test_today_is_looked_up_at_most_once_a_minute_until_forgotten():
    """Painting asks per cell: today is cached, and forgotten at midnight so overdue marks move on.
    """
    days = iter([dt.date(2026, 11, 24), dt.date(2026, 11, 25)])

    class Clock:
        def today(self):
            return next(days)
    cache = TodayCache(Clock())
    assert cache.iso() == "2026-11-24" and cache.iso() == "2026-11-24"
    cache.forget()
    assert cache.iso() == "2026-11-25"
