"""gui/tables.py: a table of one kind of record. Insert adds, Delete removes after asking,
the new row a draft model shows is stored only once complete (Escape on an empty one removes
it, #11), the record under the cursor is found through any proxy, and the catalyst menu offers
the ways a catalyst ends."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QVBoxLayout, QWidget

import pytest

from gui.delegates import ComboDelegate, ScoreDelegate, WindowDelegate
from gui.dialogs import Messages
from gui.models.parts import CatalystModel, RiskModel
from gui.tables import (
    PartPanel,
    RecordTable,
    catalyst_menu,
    install_catalyst_delegates,
    install_risk_delegates,
)


@pytest.fixture
def thesis_id(tracker):
    return tracker.theses.resolve("Big light")


@pytest.fixture
def catalysts(qtbot, tracker, thesis_id):
    model = CatalystModel(tracker)
    model.load(thesis_id)
    tracker.subscribe(model.apply_changes)
    table = RecordTable(model, "catalystTable")
    # Held by a container (a PartPanel made in a test takes the table over from it).
    container = QWidget()
    QVBoxLayout(container).addWidget(table)
    qtbot.addWidget(container)
    container.resize(900, 400)
    container.show()
    qtbot.waitExposed(container)
    yield model, table
    tracker.unsubscribe(model.apply_changes)


def test_insert_and_delete_keys_ask_for_add_and_remove(catalysts, qtbot):
    """Insert asks to add and Delete to remove (the panel decides), outside editing (#3)."""
    model, table = catalysts
    table.setFocus()
    table.setCurrentIndex(model.index(0, 1))
    with qtbot.waitSignal(table.add_requested, timeout=500):
        QTest.keyClick(table, Qt.Key.Key_Insert)
    with qtbot.waitSignal(table.remove_requested, timeout=500):
        QTest.keyClick(table, Qt.Key.Key_Delete)


def test_the_current_record_is_found_through_a_proxy(qtbot, tracker, thesis_id):
    """The record under the cursor is the right one through a sorting proxy (the thesis list's)."""
    model = CatalystModel(tracker)
    model.load(thesis_id)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    table = RecordTable(proxy, "sorted")
    qtbot.addWidget(table)
    assert table.current_record() is None
    table.setCurrentIndex(proxy.index(0, 1))
    expected = model.record(proxy.mapToSource(proxy.index(0, 1)).row())
    assert table.current_record() == expected and expected == max(
        model.records(), key=lambda c: c.title)


def test_columns_fit_characters_and_never_hide_their_header(catalysts):
    """Widths are in characters (they scale with the font) and never narrower than the header."""
    model, table = catalysts
    unit = table.fontMetrics().horizontalAdvance("M")
    table.fit_columns({1: 20, 4: 1})
    assert table.columnWidth(1) == 20 * unit
    header = table.horizontalHeader().fontMetrics().horizontalAdvance("Status")
    assert table.columnWidth(4) > header > unit


def test_the_header_menu_shows_and_hides_columns_but_never_the_first(catalysts, qtbot):
    model, table = catalysts
    menu = table.column_menu()
    actions = menu.actions()
    assert [a.text() for a in actions] == [str(model.headerData(c, Qt.Orientation.Horizontal))
                                           for c in range(model.columnCount())]
    assert all(a.isChecked() for a in actions) and not actions[0].isEnabled()
    with qtbot.waitSignal(table.columns_changed):
        actions[model.OUTCOME].trigger()
    assert table.hidden_columns() == [model.OUTCOME]
    table.show_column(0, False)                 # the record's name always shows
    assert not table.isColumnHidden(0)
    with qtbot.waitSignal(table.columns_changed):
        table.column_menu().actions()[model.OUTCOME].trigger()
    assert table.hidden_columns() == []


def test_a_saved_choice_of_columns_ignores_what_names_no_column(catalysts):
    model, table = catalysts
    table.hide_columns(["2", "x", None, 99, 0])
    assert table.hidden_columns() == [2]       # 0 always shows; 99 and "x" are no column
    table.hide_columns(None)
    assert table.hidden_columns() == []


def test_remove_asks_naming_the_record_and_no_keeps_it(catalysts, monkeypatch, qtbot):
    """Remove names what it removes and says Undo brings it back; No keeps it."""
    model, table = catalysts
    asked, removed = [], []
    answer = [False]
    monkeypatch.setattr(Messages, "confirm", classmethod(
        lambda cls, parent, text, title="": asked.append(text) or answer[0]))
    panel = PartPanel(table, noun="catalyst", add=lambda: None, remove=removed.append,
                      label=lambda c: c.title)
    qtbot.addWidget(panel)
    table.setCurrentIndex(model.index(0, 1))
    record = table.current_record()
    panel.remove()
    assert asked == [f"Remove the catalyst “{record.title}”?\n(Edit ▸ Undo brings it back.)"]
    assert removed == []
    answer[0] = True
    panel.remove_button.click()
    assert removed == [record]
    assert panel.add_button.text() == "Add catalyst" and "Insert" in panel.add_button.toolTip()


def test_a_new_row_opens_for_typing_and_escape_drops_it_unstored(catalysts, qtbot):
    """Add opens a new row on its first field; Escape on it removes it and nothing is stored (#11).
    """
    model, table = catalysts
    made = []
    panel = PartPanel(table, noun="catalyst", add=lambda values: made.append(values),
                      remove=lambda c: None, label=lambda c: c.title)
    qtbot.addWidget(panel)
    count = model.rowCount()
    panel.add()
    assert model.rowCount() == count + 1 and model.is_draft(count)
    assert table.state() == QAbstractItemView.State.EditingState
    assert table.currentIndex().column() == model.TITLE
    QTest.keyClick(table.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: model.draft is None)
    qtbot.wait(10)             # the view's queued look at the row it left, while it exists
    assert model.rowCount() == count and made == []


def test_a_new_row_is_stored_once_complete(catalysts, tracker, thesis_id, qtbot):
    """Incomplete: nothing is stored and the cursor goes to what is missing; complete: the
    record is made once and the view says which it became."""
    model, table = catalysts
    made = []

    def create(values):
        made.append(values)
        return tracker.ops.add_catalyst(thesis_id, **values).value
    model.creator = create
    row = model.start_draft()
    model.setData(model.index(row, model.TITLE), "Half typed")
    table.setCurrentIndex(model.index(row, model.TITLE))
    table.commit_draft()
    assert made == [] and table.currentIndex().column() == model.EXPECTED
    assert table.state() == QAbstractItemView.State.EditingState     # typing Expected now
    with qtbot.waitSignal(table.draft_committed, timeout=1000) as committed:
        qtbot.keyClicks(table.focusWidget(), "Q3 2027")
        qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Return)
    assert made == [{"title": "Half typed", "expected": "Q3 2027"}]       # defaults: the model's
    assert committed.args[0].title == "Half typed" and model.draft is None
    assert model.row_of(committed.args[0].id) is not None


def test_the_catalyst_menu_offers_every_other_ending(catalysts):
    """The catalyst menu offers tick off, missed, cancelled and reopen, the current status disabled;
    nowhere on a row, no menu."""
    model, table = catalysts
    row = next(r for r in range(model.rowCount()) if model.record(r).status == "pending")
    ticks = []

    class Editor:
        def tick(self, record, status):
            ticks.append((record.id, status))
    position = table.visualRect(model.index(row, 1)).center()
    menu = catalyst_menu(table, Editor(), position)
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["Tick off…", "Mark missed…", "Mark cancelled…", "Reopen (pending)"]
    assert not actions["Reopen (pending)"].isEnabled() and actions["Tick off…"].isEnabled()
    actions["Mark missed…"].trigger()
    assert ticks == [(model.record(row).id, "missed")]
    table.clearSelection()
    table.setCurrentIndex(model.index(-1, -1))
    assert catalyst_menu(table, Editor(), table.viewport().rect().bottomRight()) is None


def test_delegates_are_installed_on_their_columns(qtbot, tracker):
    """Windows, statuses, impact and scores each edit with their own editor."""
    catalysts, risks = CatalystModel(tracker), RiskModel(tracker)
    ctable, rtable = RecordTable(catalysts, "c"), RecordTable(risks, "r")
    qtbot.addWidget(ctable)
    qtbot.addWidget(rtable)
    install_catalyst_delegates(ctable, catalysts)
    install_risk_delegates(rtable, risks)
    assert isinstance(ctable.itemDelegateForColumn(catalysts.EXPECTED), WindowDelegate)
    assert ctable.itemDelegateForColumn(catalysts.STATUS).options == ["pending", "done",
                                                                        "missed", "cancelled"]
    assert ctable.itemDelegateForColumn(catalysts.IMPACT).options == ["+", "-"]
    assert ctable.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    for column in (risks.SEVERITY, risks.LIKELIHOOD):
        assert isinstance(rtable.itemDelegateForColumn(column), ScoreDelegate)
    assert isinstance(rtable.itemDelegateForColumn(risks.STATUS), ComboDelegate)


def test_a_table_deleted_while_leaving_its_new_row_takes_the_late_look_with_it(
        catalysts, qtbot):
    """Leaving the new row schedules a look at it for the next turn of the event loop; a table
    deleted before then (its thesis closed, the window closed) must not be called: the look
    is tied to the table, so nothing runs on a deleted C++ object."""
    model, table = catalysts
    model.creator = lambda values: pytest.fail("an incomplete row is never stored")
    row = model.start_draft()
    table.setCurrentIndex(model.index(row, model.TITLE))
    table.setCurrentIndex(model.index(0, model.TITLE))      # leaving the new row
    container = table.parentWidget()
    import shiboken6
    shiboken6.delete(table)         # gone before the event loop turns
    qtbot.wait(20)       # the look would run now, on a deleted table, and raise in the loop
    assert container.isVisible()
