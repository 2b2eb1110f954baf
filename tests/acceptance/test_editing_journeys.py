"""Edits and undo a user can trust (#11): the ten defects an analyst met, each replayed.

Every journey is what the analyst did, step by step, through the real window; each failed on
main before #11 (c97360a).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

import pytest

from model.service import Tracker
from tests.acceptance.conftest import (
    accept,
    click,
    click_button,
    click_spin_arrow,
    dismiss,
    field,
    focused,
    menu,
    open_tab,
    press,
    rows,
    select_thesis,
    shortcut,
    text_input,
    type_in_field,
    type_into,
)

ROOT = Path(__file__).resolve().parents[2]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def undo(window) -> None:
    shortcut(window, Qt.Key.Key_Z, CTRL)


def redo(window) -> None:
    shortcut(window, Qt.Key.Key_Z, CTRL | SHIFT)


def add_catalyst_row(window, qtbot, title: str, expected: str) -> QTableView:
    """Catalysts tab, Insert, type the title, Tab, type the window, Enter."""
    open_tab(window, "Catalysts")
    table = window.findChild(QTableView, "catalystTable")
    count = table.model().rowCount()
    table.setFocus()
    press(table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    type_into(focused(), title)
    press(focused(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit) and focused().text() != title)
    press(focused(), Qt.Key.Key_A, CTRL)
    type_into(focused(), expected)
    press(focused(), Qt.Key.Key_Return)
    # The window cell commits on the next turn of the event loop; then the editor closes.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState
                    and expected in rows(table, 2) and table.model().rowCount() == count + 1)
    return table


def test_new_thesis_undo_import_redo_then_edit_and_delete_the_imported_one(
        app, qtbot, dialogs, stored, tmp_path, monkeypatch):
    """New thesis A, Undo, File ▸ Import a bundle holding thesis C, Redo: C keeps the id SQLite
    gave it, so renaming C in Overview renames C (not A), and Edit ▸ Delete thesis asks about
    C and deletes C, which Undo brings back. Before #11 an id map sent C's edits and its
    deletion to A (defect 1: data loss that could not be undone)."""
    other = Tracker.open(tmp_path / "other.sqlite3")
    other.theses.add(title="C: co-packaged lasers", theme="New light")
    from model.interchange.bundle import write_bundle
    bundle = tmp_path / "c.json"
    write_bundle(other, bundle)
    other.close()

    def new_thesis(dialog):
        type_in_field(field(dialog, "Title"), "A: thesis made then undone")
        accept(dialog)
    dialogs.expect(new_thesis)
    shortcut(app, Qt.Key.Key_N, CTRL)
    dialogs.done()
    assert "A: thesis made then undone" in stored(lambda t: [x.title for x in t.theses.all()])
    undo(app)
    from gui.dialogs import Files
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: str(bundle)))
    menu(app, "import")
    qtbot.waitUntil(lambda: any(r.startswith("C: co-packaged") for r in rows(app.thesis_list)))
    redo(app)
    select_thesis(app, "C: co-packaged lasers", qtbot)
    title = app.findChild(QLineEdit, "titleEdit")
    type_in_field(title, "C: co-packaged lasers, renamed")
    press(title, Qt.Key.Key_Tab)
    titles = stored(lambda t: sorted(x.title for x in t.theses.all()))
    assert "C: co-packaged lasers, renamed" in titles
    assert "A: thesis made then undone" not in titles
    dialogs.expect(lambda box: click_button(box, "Yes"))
    menu(app, "deleteThesis")
    said = dialogs.done()
    assert "C: co-packaged lasers, renamed" in said[-1]
    titles = stored(lambda t: [x.title for x in t.theses.all()])
    assert not any(x.startswith("C:") for x in titles) and len(titles) == 5
    undo(app)
    assert "C: co-packaged lasers, renamed" in stored(lambda t: [x.title for x in t.theses.all()])
    assert dialogs.unexpected == []


def test_undo_after_the_command_line_deleted_the_catalyst_moves_nothing(
        app, qtbot, dialogs, stored, db_path):
    """Add a catalyst in the app, delete it from the command line, press Undo: the undo is
    refused with a message and both stacks stay where they were, so Redo cannot re-create
    what the other writer deleted (defect 2)."""
    select_thesis(app, "Big light", qtbot)
    add_catalyst_row(app, qtbot, "Huawei ships 3.2T modules", "mid-2027")
    offered = app.actions_by_name["undo"].text()
    assert "Huawei ships 3.2T modules" in offered
    done = subprocess.run([sys.executable, "main.py", "--db", str(db_path), "delete-catalyst",
                           "Huawei ships", "--yes"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    dialogs.expect(dismiss)
    undo(app)
    said = dialogs.done()
    assert "deleted elsewhere" in said[-1]
    assert app.actions_by_name["undo"].text() == offered
    redo(app)
    assert not stored(lambda t: [c for c in t.catalysts.for_thesis(t.theses.resolve("Big"))
                                 if c.title.startswith("Huawei")])
    assert dialogs.unexpected == []


def test_undo_after_deleting_a_thesis_brings_it_back_without_errors(app, qtbot, dialogs, stored):
    """Add a catalyst, rename the thesis, delete it, then Undo three times: the thesis comes
    back whole, then its old title, then without the catalyst, and no error appears. Before
    #11 the first Undo showed an error for each step inside the deleted thesis (defect 3)."""
    select_thesis(app, "Small light", qtbot)
    thesis_id = app.current_thesis_id()
    before = stored(lambda t: t.theses.get(thesis_id))
    add_catalyst_row(app, qtbot, "InP laser capacity doubles", "H1 2027")
    title = app.findChild(QLineEdit, "titleEdit")
    type_in_field(title, "Small light, renamed")
    press(title, Qt.Key.Key_Tab)
    dialogs.expect(lambda box: click_button(box, "Yes"))
    menu(app, "deleteThesis")
    dialogs.done()
    assert stored(lambda t: t.theses.count()) == 4
    undo(app)
    back = stored(lambda t: (t.theses.get(thesis_id).title,
                             [c.title for c in t.catalysts.for_thesis(thesis_id)]))
    assert back[0] == "Small light, renamed" and "InP laser capacity doubles" in back[1]
    undo(app)
    assert stored(lambda t: t.theses.get(thesis_id).title) == before.title
    undo(app)
    assert "InP laser capacity doubles" not in stored(
        lambda t: [c.title for c in t.catalysts.for_thesis(thesis_id)])
    assert dialogs.unexpected == []


def test_typing_the_window_of_a_new_catalyst_is_not_a_slip(app, qtbot, stored):
    """Insert a catalyst and type its real window: that is its first window, so the
    scorecard says nothing slipped and the history has no window change. Before #11 the row
    got "Q1 2027" first and typing "mid-2027" counted as a slip of 153 days (defect 4)."""
    select_thesis(app, "Space computing", qtbot)
    thesis_id = app.current_thesis_id()
    slips_before = app.findChild(QWidget, "score_slips").text()
    add_catalyst_row(app, qtbot, "Orbital compute demo", "mid-2027")
    added = stored(lambda t: next(c for c in t.catalysts.for_thesis(thesis_id)
                                  if c.title == "Orbital compute demo"))
    assert added.expected == "mid-2027"
    assert stored(lambda t: t.history.for_catalyst(added.id)) == []
    open_tab(app, "Overview")
    assert app.findChild(QWidget, "score_slips").text() == slips_before


def test_a_happened_on_date_after_today_is_refused_not_changed(app, qtbot, dialogs, stored):
    """Tick dialog, Happened on: select all, type 2030-01-01, Enter: refused with a message,
    the dialog stays open with the date as typed; correcting it ticks on that day. Before
    #11 the field saved 2026-01-01 without a word (defect 5)."""
    select_thesis(app, "Big light", qtbot)
    open_tab(app, "Catalysts")
    table = app.findChild(QTableView, "catalystTable")
    row = next(r for r, text in enumerate(rows(table, 1)) if text.startswith("Google TPU v7"))
    catalyst_id = table.model().record(row).id
    shown = {}

    def type_a_future_date(dialog):
        date = next(w for w in dialog.findChildren(QWidget) if w.objectName() == "tickDate")
        type_in_field(date, "2030-01-01")
        accept(dialog)

    def read_the_refusal(box):
        shown["refusal"] = box.text()
        accept(box)

    def correct_it(dialog):
        date = next(w for w in dialog.findChildren(QWidget) if w.objectName() == "tickDate")
        shown["kept"] = text_input(date).text()
        date = next(w for w in dialog.findChildren(QWidget) if w.objectName() == "tickDate")
        type_in_field(date, "2026-11-20")
        accept(dialog)
    dialogs.expect(type_a_future_date, read_the_refusal, correct_it)
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 0))
    press(table, Qt.Key.Key_Space)
    dialogs.done()
    assert "2030-01-01" in shown["refusal"] and "after today" in shown["refusal"]
    assert shown["kept"] == "2030-01-01"
    done = stored(lambda t: t.catalysts.get(catalyst_id))
    assert (done.status, done.happened_on) == ("done", "2026-11-20")


def test_a_refused_new_thesis_keeps_what_was_typed(app, qtbot, dialogs, stored):
    """Ctrl+N, leave the title empty, fill theme and statement, Enter: "The title must not be
    empty", and the dialog stays open with the theme and statement; adding a title creates
    the thesis with them. Before #11 the dialog closed and they were gone (defect 6)."""
    kept = {}

    def fill_all_but_the_title(dialog):
        type_in_field(field(dialog, "Theme"), "Optical interconnect")
        type_in_field(field(dialog, "Statement"), "Thin-film lithium niobate modulators win")
        press(field(dialog, "Theme"), Qt.Key.Key_Return)

    def read_the_refusal(box):
        kept["refusal"] = box.text()
        accept(box)

    def add_the_title(dialog):
        kept["theme"] = field(dialog, "Theme").text()
        kept["statement"] = field(dialog, "Statement").toPlainText()
        type_in_field(field(dialog, "Title"), "TFLN modulators")
        press(field(dialog, "Title"), Qt.Key.Key_Return)
    dialogs.expect(fill_all_but_the_title, read_the_refusal, add_the_title)
    shortcut(app, Qt.Key.Key_N, CTRL)
    dialogs.done()
    assert "title must not be empty" in kept["refusal"]
    assert (kept["theme"], kept["statement"]) == ("Optical interconnect",
                                                  "Thin-film lithium niobate modulators win")
    made = stored(lambda t: t.theses.get(t.theses.resolve("TFLN modulators")))
    assert (made.theme, made.statement) == ("Optical interconnect",
                                            "Thin-film lithium niobate modulators win")


def test_clearing_the_title_shows_the_stored_title_again(app, qtbot, dialogs, stored):
    """Overview: clear the Title, Tab: refused with a message, and the field shows the title
    the file still has. Before #11 it stayed blank (defect 7)."""
    select_thesis(app, "Big light", qtbot)
    thesis_id = app.current_thesis_id()
    title = app.findChild(QLineEdit, "titleEdit")
    title.setFocus()
    press(title, Qt.Key.Key_A, CTRL)
    press(title, Qt.Key.Key_Delete)
    dialogs.expect(accept)
    press(title, Qt.Key.Key_Tab)
    said = dialogs.done()
    assert "must not be empty" in said[-1]
    assert title.text() == stored(lambda t: t.theses.get(thesis_id).title) != ""


def test_escape_in_an_overview_field_takes_back_what_was_typed(app, qtbot, dialogs, stored):
    """Overview: type " XXX" at the end of the Title, press Escape, click into Theme: the
    title is the stored one, in the field and in the file; the same for the Statement and
    the Conviction box. Escape was ignored and the typed text saved on leaving the field
    (found by a walk through the app)."""
    select_thesis(app, "Big light", qtbot)
    thesis_id = app.current_thesis_id()
    before = stored(lambda t: t.theses.get(thesis_id))
    title = app.findChild(QLineEdit, "titleEdit")
    click(title)
    press(title, Qt.Key.Key_End)
    type_into(title, " XXX")
    press(title, Qt.Key.Key_Escape)
    assert title.text() == before.title
    click(app.findChild(QLineEdit, "themeEdit"))
    statement = app.findChild(QPlainTextEdit, "statementEdit")
    click(statement)
    type_into(statement, "typed, then taken back")
    press(statement, Qt.Key.Key_Escape)
    assert statement.toPlainText() == before.statement
    conviction = app.findChild(QSpinBox, "convictionSpin")
    click(conviction)
    press(conviction, Qt.Key.Key_A, CTRL)
    type_into(conviction, "1")
    press(conviction, Qt.Key.Key_Escape)
    assert conviction.value() == before.conviction
    click(app.findChild(QLineEdit, "themeEdit"))
    after = stored(lambda t: t.theses.get(thesis_id))
    assert (after.title, after.statement, after.conviction) == \
        (before.title, before.statement, before.conviction)
    assert dialogs.unexpected == []


@pytest.mark.parametrize("tab,table_name", [("Catalysts", "catalystTable"),
                                            ("Risks", "riskTable"),
                                            ("Sources", "sourceTable")])
def test_insert_then_escape_leaves_nothing(app, qtbot, stored, tab, table_name):
    """Insert, then Escape before typing: no row is left, nothing is stored and there is
    nothing to undo. Before #11 a "New risk" 3/3/9 (or catalyst, or source) stayed
    (defect 8)."""
    select_thesis(app, "Big light", qtbot)
    open_tab(app, tab)
    table = app.findChild(QTableView, table_name)
    shown = table.model().rowCount()
    counts = stored(lambda t: [t.store.scalar(f"SELECT count(*) FROM {n}")
                               for n in ("catalyst", "risk", "source")])
    table.setFocus()
    press(table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    press(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.model().rowCount() == shown)
    assert stored(lambda t: [t.store.scalar(f"SELECT count(*) FROM {n}")
                             for n in ("catalyst", "risk", "source")]) == counts
    assert not app.actions_by_name["undo"].isEnabled()


def test_two_clicks_on_the_conviction_arrow_are_one_change(app, qtbot, dialogs, stored):
    """Click the conviction spin box's up arrow twice, then click into another field: one
    question for a note and one history row, 3 -> 5. Before #11 each click was a change of
    its own with its own dialog and history row (defect 9)."""
    select_thesis(app, "Small light", qtbot)
    thesis_id = app.current_thesis_id()
    assert stored(lambda t: t.theses.get(thesis_id).conviction) == 3
    spin = app.findChild(QSpinBox, "convictionSpin")
    click_spin_arrow(spin)
    click_spin_arrow(spin)
    dialogs.expect(lambda dialog: (type_into(focused(), "two notches: orders confirmed"),
                                   accept(dialog)))
    horizon = app.findChild(QLineEdit, "horizonEdit")
    horizon.setFocus(Qt.FocusReason.MouseFocusReason)
    dialogs.done()
    history = stored(lambda t: [(h.old, h.new, h.note) for h in t.history.for_thesis(thesis_id)
                                if h.field == "conviction"])
    assert history[0] == ("3", "5", "two notches: orders confirmed")
    assert len(history) == 1 + sum(1 for h in history[1:] if h[0] != "3")
    assert stored(lambda t: t.theses.get(thesis_id).conviction) == 5
    assert dialogs.unexpected == []


def test_enter_in_the_conviction_box_asks_once_and_cancel_cancels(app, qtbot, dialogs, stored):
    """Click into Conviction, press Up, then Enter: one "record the change" question. Cancel
    puts the stored value back and asks nothing more; nothing is stored. Enter fired the
    commit, and the question taking the focus fired it again: two questions stacked, and
    recording the one left after Cancel stored the cancelled change (walk through the app)."""
    select_thesis(app, "Small light", qtbot)
    thesis_id = app.current_thesis_id()
    spin = app.findChild(QSpinBox, "convictionSpin")
    click(spin)
    qtbot.waitUntil(spin.hasFocus)
    press(spin, Qt.Key.Key_Up)
    assert spin.value() == 4
    dialogs.expect(dismiss)
    press(spin, Qt.Key.Key_Return)
    dialogs.done()
    qtbot.wait(100)          # a second question would show now
    assert dialogs.unexpected == []
    assert spin.value() == 3
    assert stored(lambda t: t.theses.get(thesis_id).conviction) == 3
    # Up and Enter again, and this time record it: one change, one history row.
    click(spin)
    press(spin, Qt.Key.Key_Up)
    dialogs.expect(lambda dialog: (type_into(focused(), "orders confirmed"), accept(dialog)))
    press(spin, Qt.Key.Key_Return)
    dialogs.done()
    qtbot.wait(100)
    assert dialogs.unexpected == []
    assert stored(lambda t: [(h.old, h.new, h.note) for h in t.history.for_thesis(thesis_id)
                             if h.field == "conviction"][0]) == ("3", "4", "orders confirmed")


def test_adding_a_beneficiary_prints_no_editing_failure(app, qtbot, dialogs, stored, qtlog):
    """Beneficiaries ▸ Add beneficiary with a new company: the row appears selected and Qt
    prints nothing. Before #11 the table opened an editor on the read-only Company column
    and "edit: editing failed" went to stderr (defect 10)."""
    select_thesis(app, "Scale-across", qtbot)
    thesis_id = app.current_thesis_id()
    open_tab(app, "Beneficiaries")

    def new_company(dialog):
        combo = next(w for w in dialog.findChildren(QComboBox))
        type_in_field(combo, "Accelink")
        type_in_field(field(dialog, "Ticker"), "002281.SZ")
        type_in_field(field(dialog, "Local name"), "Guangxun")
        type_in_field(field(dialog, "Role"), "DCI coherent modules")
        accept(dialog)
    dialogs.expect(new_company)
    click(app.findChild(QPushButton, "add_beneficiary"))
    dialogs.done()
    table = app.findChild(QTableView, "beneficiaryTable")
    qtbot.waitUntil(lambda: "Accelink" in rows(table))
    assert table.currentIndex().row() == rows(table).index("Accelink")
    assert [b.role for b in stored(lambda t: t.beneficiaries.for_thesis(thesis_id))
            if b.name == "Accelink"] == ["DCI coherent modules"]
    assert not [r for r in qtlog.records if "editing failed" in r.message]


def test_insert_after_clicking_the_catalysts_tab_adds_a_catalyst(app, qtbot, dialogs):
    """Click the Catalysts tab, press Insert: a new catalyst row to type into, not the New
    thesis dialog (the keys stayed in the thesis list the click left; found using the app
    under Xvfb, #11)."""
    select_thesis(app, "Big light", qtbot)
    open_tab(app, "Catalysts")
    table = app.findChild(QTableView, "catalystTable")
    count = table.model().rowCount()
    press(focused() or app, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: table.model().rowCount() == count + 1)
    assert table.model().is_draft(count) and dialogs.unexpected == []
    press(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.model().rowCount() == count)


def test_a_refused_window_in_a_new_row_is_said_once(app, qtbot, dialogs, stored):
    """Catalysts, Insert, a title, Tab, "Q9 2027", Enter: one message says the window cannot
    be read (two identical boxes came, one over the other; found by a walk through the app),
    and the row stays to be corrected."""
    select_thesis(app, "Big light", qtbot)
    thesis_id = app.current_thesis_id()
    open_tab(app, "Catalysts")
    table = app.findChild(QTableView, "catalystTable")
    count = table.model().rowCount()
    table.setFocus()
    press(table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    type_into(focused(), "Quarter nine")
    press(focused(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit) and focused().text() != "Quarter nine")
    press(focused(), Qt.Key.Key_A, CTRL)
    type_into(focused(), "Q9 2027")
    dialogs.expect(accept)
    press(focused(), Qt.Key.Key_Return)
    said = dialogs.done()
    qtbot.wait(300)                 # a second box would come on a later turn of the loop
    assert len(said) == 1 and "Q9 2027" in said[0]
    assert dialogs.unexpected == []
    assert table.model().rowCount() == count + 1 and table.model().is_draft(count)
    assert "Quarter nine" not in [c.title for c in stored(
        lambda t: t.catalysts.for_thesis(thesis_id))]


def test_a_half_typed_catalyst_waits_on_its_thesis(app, qtbot, dialogs, stored):
    """Catalysts tab, Insert, type a title, then click another thesis without a window: the
    status bar says the new catalyst is not stored and waits; back on the first thesis the
    row is there with its title, and typing the window stores it. It vanished without a
    word (found by a walk through the app)."""
    select_thesis(app, "Big light", qtbot)
    thesis_id = app.current_thesis_id()
    open_tab(app, "Catalysts")
    table = app.findChild(QTableView, "catalystTable")
    count = table.model().rowCount()
    table.setFocus()
    press(table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    type_into(focused(), "Half typed order")
    select_thesis(app, "Small light", qtbot)
    message = app.statusBar().currentMessage()
    assert "“Half typed order” is not stored yet" in message and "Expected" in message
    assert dialogs.unexpected == []
    select_thesis(app, "Big light", qtbot)
    qtbot.waitUntil(lambda: table.model().rowCount() == count + 1)
    assert "Half typed order" in rows(table, 1)
    # Escape throws the row away, and the status bar stops saying it waits (it kept saying
    # so; found by a walk through the app). Then the row is typed again.
    table.setFocus()
    table.setCurrentIndex(table.model().index(count, 1))
    press(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.model().rowCount() == count)
    assert "not stored yet" not in app.statusBar().currentMessage()
    press(table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    type_into(focused(), "Half typed order")
    press(focused(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused() is not None and table.model().draft is not None
                    and table.model().draft.values.get("title") == "Half typed order")
    press(focused(), Qt.Key.Key_Escape)
    draft = table.model().index(count, 2)
    table.setCurrentIndex(draft)
    table.edit(draft)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    type_into(focused(), "Q3 2027")
    press(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Half typed order" in stored(
        lambda t: [c.title for c in t.catalysts.for_thesis(thesis_id)]))
    assert stored(lambda t: len(t.catalysts.for_thesis(thesis_id))) == count + 1


def test_undo_shows_the_thesis_it_changed_and_says_what_it_did(app, qtbot, dialogs, stored):
    """Change Big light's horizon, go to Small light, Ctrl+Z: Big light comes into view with
    its old horizon and the status bar says what was undone; Ctrl+Y (not only Ctrl+Shift+Z)
    redoes it. Delete a thesis and Ctrl+Z: the thesis is back and selected. Undo and redo
    changed things out of sight, silently, and Ctrl+Y did nothing (walk through the app)."""
    select_thesis(app, "Big light", qtbot)
    big = app.current_thesis_id()
    horizon = app.findChild(QLineEdit, "horizonEdit")
    before = horizon.text()
    click(horizon)
    type_in_field(horizon, "2026-2028")
    press(horizon, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(lambda t: t.theses.get(big).horizon) == "2026-2028")
    select_thesis(app, "Small light", qtbot)
    undo(app)
    qtbot.waitUntil(lambda: app.current_thesis_id() == big)
    assert horizon.text() == before
    said = app.statusBar().currentMessage()
    assert said.startswith("Undone: Edit horizon of “Big light")   # not "Undone: Undo Edit…"
    shortcut(app, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: stored(lambda t: t.theses.get(big).horizon) == "2026-2028")
    said = app.statusBar().currentMessage()
    assert said.startswith("Redone: Edit horizon of “Big light")

    select_thesis(app, "Small light", qtbot)
    small = app.current_thesis_id()
    dialogs.expect(lambda box: click_button(box, "Yes"))
    menu(app, "deleteThesis")
    dialogs.done()
    qtbot.waitUntil(lambda: app.current_thesis_id() != small)
    undo(app)
    qtbot.waitUntil(lambda: app.current_thesis_id() == small)
    current = app.thesis_list.currentIndex()
    assert str(current.data()).startswith("Small light")
    assert dialogs.unexpected == []
