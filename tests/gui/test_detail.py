"""The thesis tabs: tick, undo, windows, delegates, add/remove by key (issue #3)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QTableView

from gui.delegates import WindowEdit
from gui.dialogs import Messages
from model.service import Tracker
from tests.gui.helpers import (
    row_with,
)


def _open_catalysts(window, thesis_title: str):
    window.show_thesis(next(s.id for s in window.list_model.records()
                            if s.title.startswith(thesis_title)))
    window.detail.tabs.setCurrentIndex(3)
    return window.findChild(QTableView, "catalystTable")


def _tick_by_space(qtbot, table, row):
    index = table.model().index(row, 0)
    table.setFocus()
    table.setCurrentIndex(index)
    QTest.keyClick(table, Qt.Key.Key_Space)


def test_tick_in_the_table_persists_and_undo_reopens(window, qtbot, when_modal, db_path, clock):
    """Space on the check cell asks date+outcome; Enter ticks it; a fresh store sees it done;
    Edit ▸ Undo (which names the tick) puts it back to pending (#3 ticking, undo)."""
    table = _open_catalysts(window, "Big light")
    model = table.model()
    row = row_with(model, model.TITLE, "Google TPU v7 ramp")
    catalyst = model.record(row)
    assert catalyst.status == "pending"
    resets = []
    window.list_model.modelReset.connect(lambda: resets.append(1))
    changed_rows = []
    window.list_model.dataChanged.connect(
        lambda a, b, roles=(): changed_rows.append((a.row(), b.row())))

    def answer(dialog):
        assert dialog.date.text() == clock.today().isoformat()
        qtbot.keyClicks(dialog.note, "v7 volume confirmed on the call")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    seen = when_modal(answer)
    _tick_by_space(qtbot, table, row)
    assert seen, "ticking must ask when it happened"
    assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(row, model.STATUS).data() == "done"
    fresh = Tracker.open(db_path, clock=clock)
    try:
        done = fresh.catalysts.get(catalyst.id)
        assert (done.status, done.happened_on, done.outcome) == (
            "done", clock.today().isoformat(), "v7 volume confirmed on the call")
    finally:
        fresh.close()
    # Only the ticked thesis's row repainted in the list; no whole-table reset.
    assert not resets
    thesis_row = window.list_model.row_of(catalyst.thesis_id)
    assert changed_rows and all(r == (thesis_row, thesis_row) for r in changed_rows)

    undo = window.actions_by_name["undo"]
    assert undo.text().startswith("&Undo Tick “Google TPU v7 ramp")
    undo.trigger()
    assert model.index(row, model.STATUS).data() == "pending"
    fresh = Tracker.open(db_path, clock=clock)
    try:
        back = fresh.catalysts.get(catalyst.id)
        assert (back.status, back.happened_on, back.outcome) == ("pending", None, "")
    finally:
        fresh.close()
    window.actions_by_name["redo"].trigger()
    assert window.tracker.catalysts.get(catalyst.id).status == "done"


def test_cancelling_the_tick_dialog_changes_nothing(window, qtbot, when_modal):
    """Escape in the tick dialog leaves the catalyst pending and the undo stack empty (#3)."""
    table = _open_catalysts(window, "Big light")
    model = table.model()
    row = row_with(model, model.TITLE, "Google TPU v7 ramp")
    when_modal(lambda dialog: qtbot.keyClick(dialog.note, Qt.Key.Key_Escape))
    _tick_by_space(qtbot, table, row)
    assert model.index(row, model.STATUS).data() == "pending"
    assert window.undo_stack.count() == 0


def test_missed_through_the_context_menu(window, monkeypatch):
    """The context menu marks a catalyst missed, with the outcome asked (#3)."""
    from gui.dialogs import TickDialog
    from gui.tables import catalyst_menu
    def accept(cls, parent, title, status, today, submit=None):
        submit("2026-11-20", "no order announced")       # what OK does with these values
        return ("2026-11-20", "no order announced")
    monkeypatch.setattr(TickDialog, "ask", classmethod(accept))
    table = _open_catalysts(window, "Big light")
    model = table.model()
    row = row_with(model, model.TITLE, "Google TPU v7 ramp")
    position = table.visualRect(model.index(row, 1)).center()
    menu = catalyst_menu(table, window.editor, position)
    missed = next(a for a in menu.actions() if a.text().startswith("Mark missed"))
    missed.trigger()
    record = model.record(row)
    assert (record.status, record.happened_on, record.outcome) == (
        "missed", "2026-11-20", "no order announced")
    assert window.undo_stack.undoText().startswith("Mark missed")
    assert window.actions_by_name["undo"].text().startswith("&Undo Mark missed")


def test_edit_a_window_to_2h26_shows_the_parsed_range(window, qtbot):
    """Typing 2H26 in the Expected cell stores it and the next column shows 2026-07-01 – 2026-12-31
    (#3 window delegate)."""
    table = _open_catalysts(window, "Big light")
    model = table.model()
    row = row_with(model, model.TITLE, "Google TPU v7 ramp")
    index = model.index(row, model.EXPECTED)
    table.setCurrentIndex(index)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(WindowEdit)
    assert editor is not None and table.state() == QAbstractItemView.State.EditingState
    editor.selectAll()
    qtbot.keyClicks(editor, "2H26")
    assert "2026-07-01 – 2026-12-31" in editor.toolTip()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: model.index(row, model.EXPECTED).data() == "2H26")
    assert model.index(row, model.WINDOW).data() == "2026-07-01 – 2026-12-31 (half)"
    assert window.tracker.catalysts.get(model.record(row).id).window_end == "2026-12-31"


def test_a_window_that_does_not_parse_is_refused_with_a_dialog(window, qtbot, monkeypatch):
    """'someday' is refused with the parser's message; nothing changes, nothing to undo (#3)."""
    errors = []
    monkeypatch.setattr(Messages, "error",
                        classmethod(lambda cls, p, text, title="": errors.append(text)))
    table = _open_catalysts(window, "Big light")
    model = table.model()
    row = row_with(model, model.TITLE, "Google TPU v7 ramp")
    before = model.index(row, model.EXPECTED).data()
    assert not model.setData(model.index(row, model.EXPECTED), "someday")
    assert errors and model.index(row, model.EXPECTED).data() == before
    assert window.undo_stack.count() == 0


def test_risk_delete_key_asks_then_undo_restores(window, qtbot, monkeypatch):
    """Delete in the risk table asks first; Yes removes it; Undo brings the same risk back (#3)."""
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, p, t, title="": True))
    window.show_thesis(next(s.id for s in window.list_model.records() if s.title.startswith("Big")))
    window.detail.tabs.setCurrentIndex(2)
    table = window.findChild(QTableView, "riskTable")
    model = table.model()
    count = model.rowCount()
    doomed = model.record(0)
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert model.rowCount() == count - 1 and model.row_of(doomed.id) is None
    window.actions_by_name["undo"].trigger()
    assert model.rowCount() == count and model.row_of(doomed.id) is not None


def test_risk_severity_spin_and_status_combo(window, qtbot):
    """Severity edits through a 1-5 spin box; status through a combo; both undoable (#3)."""
    from PySide6.QtWidgets import QComboBox, QSpinBox
    window.show_thesis(next(s.id for s in window.list_model.records() if s.title.startswith("Big")))
    window.detail.tabs.setCurrentIndex(2)
    table = window.findChild(QTableView, "riskTable")
    model = table.model()
    risk = model.record(0)
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.SEVERITY))
    QTest.keyClick(table, Qt.Key.Key_F2)
    spin = table.findChild(QSpinBox)
    assert (spin.minimum(), spin.maximum()) == (1, 5)
    spin.selectAll()
    qtbot.keyClicks(spin, "1")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tracker.risks.get(risk.id).severity == 1)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    table.setCurrentIndex(model.index(model.row_of(risk.id), model.STATUS))
    QTest.keyClick(table, Qt.Key.Key_F2)
    combo = table.findChild(QComboBox)
    combo.setCurrentIndex(combo.findText("retired"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: window.tracker.risks.get(risk.id).status == "retired")
    window.actions_by_name["undo"].trigger()
    window.actions_by_name["undo"].trigger()
    fresh = window.tracker.risks.get(risk.id)
    assert (fresh.severity, fresh.status) == (risk.severity, risk.status)


def test_add_catalyst_by_insert_key_then_undo(window, qtbot):
    """Insert opens a new row on its title; Tab goes to Expected; Enter stores the catalyst
    with the window typed (one step, its first window, no slip); Undo removes it (#3, #11)."""
    table = _open_catalysts(window, "Space computing")
    model = table.model()
    count = model.rowCount()
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Insert)
    assert model.rowCount() == count + 1 and model.is_draft(count)
    assert table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClicks(table.focusWidget(), "Starship orbital test")
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState
                    and table.currentIndex().column() == model.EXPECTED)
    qtbot.keyClicks(table.focusWidget(), "mid-2027")
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Starship orbital test" in [c.title for c in model.records()])
    added = next(c for c in model.records() if c.title == "Starship orbital test")
    assert added.expected == "mid-2027" and model.rowCount() == count + 1
    assert window.tracker.history.for_catalyst(added.id) == []
    assert window.actions_by_name["undo"].text() == "&Undo Add catalyst “Starship orbital test”"
    window.actions_by_name["undo"].trigger()
    assert model.rowCount() == count


def test_citations_are_visible_in_the_catalyst_table(window):
    """A cited catalyst shows its source's title in the Sources column (#3 citations)."""
    table = _open_catalysts(window, "Big light")
    model = table.model()
    cited = [model.index(r, model.SOURCES).data() for r in range(model.rowCount())]
    assert any(cited)


def test_history_is_newest_first(window):
    """History lists the newest change first (#3)."""
    window.detail.tabs.setCurrentIndex(5)
    history = window.findChild(QTableView, "historyTable").model()
    stamps = [history.record(r).at for r in range(history.rowCount())]
    assert stamps == sorted(stamps, reverse=True) and len(stamps) > 1


def test_add_beneficiary_with_a_new_company(window, monkeypatch):
    """Adding a beneficiary with a new company name creates it; the row shows its local name
    (#3)."""
    from gui.dialogs import CompanyDialog
    chosen = {"name": "Accelink", "ticker": "002281.SZ", "local_name": "光迅科技",
              "exchange": "SZSE", "role": "DCI modules"}

    def accept(cls, parent, companies, submit=None):
        submit(chosen)              # what OK does with these values
        return chosen
    monkeypatch.setattr(CompanyDialog, "ask", classmethod(accept))
    window.detail.tabs.setCurrentIndex(1)
    model = window.findChild(QTableView, "beneficiaryTable").model()
    count = model.rowCount()
    window.findChild(QTableView, "beneficiaryTable").parent().add()
    assert model.rowCount() == count + 1
    assert model.index(count, model.LOCAL).data() == "光迅科技"


def test_a_part_tab_is_built_when_first_shown_and_then_wired(launch, qtbot):
    """The Catalysts tab is built when first shown (not at start-up) and, once built, a row chosen
    there is marked on the timeline (#3 speed, #4)."""
    window = launch()
    window.resize(1400, 850)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.list_model.complete)
    assert window.findChild(QTableView, "catalystTable") is None

    bar = window.detail.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    table = window.findChild(QTableView, "catalystTable")
    assert table is not None and table.isVisible()
    thesis_id = window.current_thesis_id()
    expected = {c.id for c in window.tracker.catalysts.for_thesis(thesis_id)}
    model = table.model()
    assert {model.index(r, 0).data(Qt.ItemDataRole.UserRole + 3)
            for r in range(model.rowCount())} == expected

    # Wired to the timeline once built: a row chosen in the table is marked on the chart.
    cell = QPoint(table.columnViewportPosition(1) + 5, table.rowViewportPosition(0) + 5)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    chosen = table.current_record()
    assert chosen is not None and window.charts["timeline"]._highlight == chosen.id
