"""gui/delegates.py: the cell editors. A window cell shows its parsed range as it is typed and
sends even text that does not parse to the model (so the user is told why it is refused); the
combo, score and text editors write only when the value really changed (no empty history rows
or undo steps, #11)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QStyleOptionViewItem, QWidget

import pytest

from gui import palette
from gui.delegates import (
    ComboDelegate,
    ScoreDelegate,
    TextDelegate,
    WindowDelegate,
    WindowEdit,
    describe_window,
)


class Recording(QStandardItemModel):
    """A model that records every setData the delegates make."""

    def __init__(self, value):
        super().__init__(1, 1)
        self.setItem(0, 0, QStandardItem())
        self.item(0, 0).setData(value, Qt.ItemDataRole.EditRole)
        self.writes = []

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):   # noqa: N802 - Qt
        self.writes.append(value)
        return super().setData(index, value, role)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _editor(delegate, parent, model):
    index = model.index(0, 0)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    return editor, index


def test_describe_window_says_the_range_or_why_not():
    """The window cell's tooltip: the parsed range, or the parser's reason."""
    assert describe_window("2H26") == (True, "2026-07-01 – 2026-12-31 (half)")
    ok, reason = describe_window("someday")
    assert not ok and "someday" in reason


def test_window_edit_shows_the_parsed_range_and_marks_bad_text(parent, qtbot):
    """As a window is typed its range shows in the tooltip; text that does not parse turns red until
    it does."""
    edit = WindowEdit(parent)
    normal = edit.palette().color(edit.palette().ColorRole.Text)
    qtbot.keyClicks(edit, "Q3 2026")
    assert edit.toolTip() == "2026-07-01 – 2026-09-30 (quarter)"
    assert edit.property("parsed") == edit.toolTip()
    assert edit.palette().color(edit.palette().ColorRole.Text) == normal
    edit.setText("someday")
    assert "someday" in edit.toolTip() and edit.property("parsed") == ""
    assert edit.palette().color(edit.palette().ColorRole.Text).name() in (
        palette.catalyst("overdue"), palette.catalyst("overdue", dark=True))
    edit.setText("")
    assert edit.palette().color(edit.palette().ColorRole.Text) == normal


def test_window_delegate_sends_changed_text_even_when_it_does_not_parse(parent):
    """An unchanged cell writes nothing (no empty undo step); a bad window still reaches the model,
    which says why it is refused."""
    model = Recording("H2 2026")
    delegate = WindowDelegate()
    editor, index = _editor(delegate, parent, model)
    assert isinstance(editor, WindowEdit) and editor.text() == "H2 2026"
    delegate.setModelData(editor, model, index)
    assert model.writes == []                       # unchanged: nothing written
    editor.setText("  someday ")
    delegate.setModelData(editor, model, index)
    assert model.writes == ["someday"]


def test_combo_delegate_offers_the_options_and_writes_a_change_only(parent):
    """The combo offers the statuses, commits as soon as one is chosen, and writes only a change."""
    model = Recording("pending")
    delegate = ComboDelegate(["pending", "done", "missed"])
    editor, index = _editor(delegate, parent, model)
    assert isinstance(editor, QComboBox) and editor.currentText() == "pending"
    assert [editor.itemText(i) for i in range(editor.count())] == ["pending", "done", "missed"]
    delegate.setModelData(editor, model, index)
    assert model.writes == []
    committed = []
    delegate.commitData.connect(lambda e: committed.append(e))
    editor.setCurrentIndex(2)
    editor.activated.emit(2)                         # a choice commits at once
    assert committed == [editor]
    delegate.setModelData(editor, model, index)
    assert model.writes == ["missed"]


def test_score_delegate_is_one_to_five_with_a_middle_default(parent):
    """Scores edit in a 1-5 spin box (3 when the cell holds none); a typed value is read even before
    Enter; unchanged writes nothing."""
    model = Recording("not a number")
    delegate = ScoreDelegate()
    editor, index = _editor(delegate, parent, model)
    assert isinstance(editor, QSpinBox) and (editor.minimum(), editor.maximum()) == (1, 5)
    assert editor.value() == 3
    model.item(0, 0).setData(4, Qt.ItemDataRole.EditRole)
    delegate.setEditorData(editor, index)
    assert editor.value() == 4
    delegate.setModelData(editor, model, index)
    assert model.writes == []                            # unchanged: nothing written
    editor.lineEdit().setText("2")                       # typed, not yet interpreted
    delegate.setModelData(editor, model, index)
    assert model.writes == [2]


def test_text_delegate_writes_only_a_change(parent):
    """Leaving a text cell unchanged writes nothing (no empty history rows or undo steps, #11)."""
    model = Recording("Big light")
    delegate = TextDelegate()
    editor, index = _editor(delegate, parent, model)
    assert isinstance(editor, QLineEdit)
    delegate.setModelData(editor, model, index)
    assert model.writes == []
    editor.setText("Big light 2")
    delegate.setModelData(editor, model, index)
    assert model.writes == ["Big light 2"]


def test_a_cell_cut_short_shows_its_whole_text_as_a_tooltip(qtbot):
    """#12 item 14: a title cut off by its column is readable on hover, as plain text."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QTableView, QToolTip
    model = QStandardItemModel(2, 1)
    long_text = "A very long catalyst title <b>not bold</b> that cannot fit in the column"
    model.setItem(0, 0, QStandardItem(long_text))
    model.setItem(1, 0, QStandardItem("short"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = TextDelegate(view)
    view.setItemDelegate(delegate)
    view.setColumnWidth(0, 60)
    view.show()
    qtbot.waitExposed(view)

    def hover(row):
        index = model.index(row, 0)
        centre = view.visualRect(index).center()
        event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
        option = QStyleOptionViewItem()
        option.initFrom(view)
        return delegate.helpEvent(event, view, option, index)
    assert hover(0)
    assert QToolTip.text() == "<qt>A very long catalyst title &lt;b&gt;not bold&lt;/b&gt; that " \
                              "cannot fit in the column</qt>"
    QToolTip.hideText()
    assert not hover(1)
    view.setColumnWidth(0, 2000)
    assert not hover(0)
