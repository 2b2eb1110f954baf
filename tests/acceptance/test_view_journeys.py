"""Views that tell the truth (#12): what an analyst met in the lists, Upcoming, the company
records, search and the window itself, each replayed through the real window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolTip,
)

from gui import palette
from gui.models.thesis_list import ThesisListModel
from tests.acceptance.conftest import (
    accept,
    click_button,
    field,
    menu,
    open_tab,
    press,
    rows,
    select_thesis,
    shortcut,
    type_in_field,
    type_into,
)

CTRL = Qt.KeyboardModifier.ControlModifier
MARKUP = "<b>bold</b><img src=x>"


def new_thesis(app, dialogs, title: str) -> None:
    def fill(dialog):
        type_in_field(field(dialog, "Title"), title)
        accept(dialog)
    dialogs.expect(fill)
    shortcut(app, Qt.Key.Key_N, CTRL)
    dialogs.done()


def test_a_title_with_markup_shows_as_typed(app, qtbot, dialogs):
    """A thesis titled <b>bold</b><img src=x>: the header, the change-status question, the
    delete question and the list's tooltip show those characters; none renders them as
    rich text (defect 7)."""
    new_thesis(app, dialogs, MARKUP)
    heading = app.detail.heading
    assert heading.text() == MARKUP and heading.textFormat() == Qt.TextFormat.PlainText
    questions = []

    def read_and_cancel(dialog):
        questions.extend((label.text(), label.textFormat())
                         for label in dialog.findChildren(QLabel) if label.text())
        press(dialog, Qt.Key.Key_Escape)
    dialogs.expect(read_and_cancel)
    status = app.detail.overview.status
    status.setFocus()
    press(status, Qt.Key.Key_Down)              # opens the list of statuses
    qtbot.waitUntil(status.view().isVisible)
    press(status.view(), Qt.Key.Key_Down)
    press(status.view(), Qt.Key.Key_Return)
    dialogs.done()
    assert any(MARKUP in text and fmt == Qt.TextFormat.PlainText for text, fmt in questions)
    seen = {}

    def read_the_question(box):
        seen["text"], seen["format"] = box.text(), box.textFormat()
        click_button(box, "No")
    dialogs.expect(read_the_question)
    menu(app, "deleteThesis")
    dialogs.done()
    assert MARKUP in seen["text"] and seen["format"] == Qt.TextFormat.PlainText
    table = app.thesis_list
    row = rows(table).index(MARKUP)
    tip = table.model().index(row, 0).data(Qt.ItemDataRole.ToolTipRole) or ""
    assert "<b>bold" not in tip.replace("&lt;b&gt;bold", "")


def test_upcoming_follows_every_change_and_the_notice_names_the_week(app, qtbot, dialogs):
    """Upcoming open, then: a catalyst's window moved past the 90 days leaves it, a new
    catalyst due this week comes in at its place, the summary counts follow, and the notice
    names what is due this week. Before #12 Upcoming kept the old row, appended new ones out
    of order, and its count and the notice were stale until Reload or restart (defect 8)."""
    shortcut(app, Qt.Key.Key_2, CTRL)
    upcoming = app.findChild(QTableView, "upcomingTable")
    model = upcoming.model()
    before = len(rows(upcoming))
    moved = next(model.record(r) for r in range(model.rowCount())
                 if getattr(model.record(r), "kind", "") != "review"
                 and model.record(r).status == "pending"
                 and model.record(r).window_end >= "2026-11-24")
    app.editor.run("set_window", moved.id, "2029")
    assert model.row_of(moved.id) is None and len(rows(upcoming)) == before - 1
    thesis = app.tracker.catalysts.get(moved.id).thesis_id
    added = app.editor.run("add_catalyst", thesis, title="Friday order book update",
                           expected="2026-11-27")
    row = model.row_of(added.id)
    keys = [model._key(model.record(r)) for r in range(model.rowCount())]
    assert row is not None and keys == sorted(keys)
    overdue = sum(1 for r in range(model.rowCount()) if model.is_overdue(model.record(r)))
    assert app.upcoming.summary.text().startswith(
        f"{overdue} overdue · {model.rowCount() - overdue} due")
    qtbot.waitUntil(lambda: "Friday order book update" in app.notice_label.text())


def test_a_new_or_renamed_thesis_takes_its_place_in_the_sorted_list(app, qtbot, dialogs):
    """The list sorted by title: a new thesis "Aardvark optics" appears first, and renaming
    it "Zz last" moves it to the end, without a restart (defect 9)."""
    new_thesis(app, dialogs, "Aardvark optics")
    assert rows(app.thesis_list)[0] == "Aardvark optics"
    title = app.findChild(QLineEdit, "titleEdit")
    type_in_field(title, "Zz last")
    press(title, Qt.Key.Key_Return)
    assert rows(app.thesis_list)[-1] == "Zz last"


def test_companies_are_corrected_and_duplicates_merged(app, qtbot, dialogs, stored):
    """Add beneficiary asks for the exchange; Edit ▸ Companies… corrects a company in place
    and merges a duplicate into the one to keep: its theses move over (defect 10)."""
    select_thesis(app, "Scale-across", qtbot)
    thesis_id = app.current_thesis_id()
    open_tab(app, "Beneficiaries")

    def duplicate(dialog):
        type_in_field(field(dialog, "Company"), "Zhongji Innolight dup")
        type_in_field(field(dialog, "Ticker"), "ZJ.DUP")
        type_in_field(field(dialog, "Exchange"), "SZSE")
        type_in_field(field(dialog, "Role"), "800G")
        accept(dialog)
    dialogs.expect(duplicate)
    app.findChild(QPushButton, "add_beneficiary").click()
    dialogs.done()
    dup = stored(lambda t: t.companies.get(t.companies.resolve("ZJ.DUP")))
    assert dup.exchange == "SZSE"
    menu(app, "companies")
    companies = app.findChild(QTableView, "companyTable")
    model = companies.model()
    row = model.row_of(dup.id)
    index = model.index(row, model.COUNTRY)
    companies.setFocus()
    companies.setCurrentIndex(index)
    press(companies, Qt.Key.Key_F2)
    editor = companies.findChild(QLineEdit)
    type_into(editor, "CN")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(lambda t: t.companies.get(dup.id).country) == "CN")
    keep = stored(lambda t: t.companies.resolve("300308.SZ"))
    companies.setCurrentIndex(model.index(model.row_of(dup.id), 0))

    def choose_keep(dialog):
        combo = dialog.keep
        combo.setCurrentIndex(combo.findData(keep))
        accept(dialog)
    dialogs.expect(choose_keep)
    click_button(companies.window(), "Merge into")
    dialogs.done()
    names = stored(lambda t: [(b.company_id, b.role) for b in t.beneficiaries.for_thesis(
        thesis_id)])
    assert (keep, "800G") in names or any(c == keep for c, _ in names)
    assert stored(lambda t: t.store.scalar("SELECT count(*) FROM company WHERE id = ?",
                                           (dup.id,))) == 0
    assert model.row_of(dup.id) is None
    assert dialogs.unexpected == []


def test_bring_it_forward_leaves_no_empty_second_window(make_window, db_path, qtbot,
                                                        monkeypatch, settings, clock):
    """A second start on an open file, "Bring it forward": the first window comes forward and
    the second start shows no window and ends (defect 11)."""
    first = make_window(db_path, launch=True)
    qtbot.waitUntil(lambda: first.session is not None and first.session.raise_server
                    is not None, timeout=5000)
    import gui
    from gui.instance_link import AlreadyOpenDialog
    monkeypatch.setattr(AlreadyOpenDialog, "ask", classmethod(lambda cls, p, m: "raise"))
    from PySide6.QtCore import QSettings
    other = QSettings(str(db_path.parent / "second.ini"), QSettings.Format.IniFormat)
    second = gui.launch(db_path, settings=other, clock=clock)
    qtbot.addWidget(second)
    assert second.opener.handed_over and not second.isVisible() and second.tracker is None


def test_cut_off_cells_show_their_text_and_the_history_when_fits(app, qtbot):
    """A title or theme cut short by its column shows in full as a tooltip, and the History
    tab's When column holds a whole timestamp (item 14)."""
    table = app.thesis_list
    table.setColumnWidth(0, 60)
    index = table.model().index(0, 0)
    rect = table.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(
        rect.center()))
    QApplication.sendEvent(table.viewport(), event)
    assert QToolTip.isVisible() and str(index.data()) in QToolTip.text()
    QToolTip.hideText()
    open_tab(app, "History")
    history = app.findChild(QTableView, "historyTable")
    stamp = str(history.model().index(0, 0).data())
    assert history.fontMetrics().horizontalAdvance(stamp) < history.columnWidth(0)


def test_a_missed_catalyst_is_red_in_the_table_as_in_the_charts(app, qtbot):
    """The Catalysts table draws a missed catalyst in the palette's missed colour, the one
    the timeline and the PDF use (item 14; it was pale grey)."""
    select_thesis(app, "Big light", qtbot)
    open_tab(app, "Catalysts")
    table = app.findChild(QTableView, "catalystTable")
    record = table.model().record(0)
    app.editor.run("tick", record.id, status="missed", on="2026-11-20", note="x")
    brush = table.model().index(table.model().row_of(record.id), 1).data(
        Qt.ItemDataRole.ForegroundRole)
    assert brush.color() in (QColor(palette.catalyst("missed")),
                             QColor(palette.catalyst("missed", dark=True)))


def test_the_list_pane_comes_back_at_its_share_of_a_new_window_width(make_window, db_path,
                                                                       qtbot, settings):
    """Drag the splitter to give the list a third, close, open at another window width: the
    list has a third again (item 14: saved pixel sizes came back wrong)."""
    first = make_window(db_path)
    first.resize(1500, 850)
    first.show()
    qtbot.waitExposed(first)
    total = sum(first.splitter.sizes())
    first.splitter.setSizes([total // 3, total - total // 3])
    first.close()
    second = make_window(db_path)
    second.resize(1100, 700)
    second.show()
    qtbot.waitExposed(second)
    qtbot.wait(20)
    left, right = second.splitter.sizes()
    assert abs(left / (left + right) - 1 / 3) < 0.04


def test_ctrl_enter_records_the_review(app, qtbot, dialogs, stored):
    """In the Review dialog, Ctrl+Enter records it from the note field (item 14)."""
    select_thesis(app, "Small light", qtbot)
    thesis_id = app.current_thesis_id()
    before = len(stored(lambda t: t.reviews.for_thesis(thesis_id)))

    def write_and_submit(dialog):
        note = dialog.note
        note.setFocus()
        type_into(note, "Checked supply terms")
        press(note, Qt.Key.Key_Return, CTRL)
    dialogs.expect(write_and_submit)
    shortcut(app, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialogs.done()
    assert len(stored(lambda t: t.reviews.for_thesis(thesis_id))) == before + 1


def test_search_says_why_a_thesis_matched_and_leaves_words_out(app, qtbot):
    """Typing a word shows, under the list, the selected thesis's records that contain it
    with the word marked; "-word" leaves the theses that contain it out ("What an analyst
    missed")."""
    search = app.search_box
    search.setFocus()
    type_into(search, "laser")
    with_laser = app.tracker.search.thesis_ids("laser")
    qtbot.waitUntil(lambda: app.proxy.rowCount() == len(with_laser))
    app.thesis_list.setCurrentIndex(app.proxy.index(0, 0))
    qtbot.waitUntil(lambda: app.why.isVisible())
    assert "<b>laser</b>" in app.why.text().lower()
    search.clear()
    type_into(search, "-laser")
    everything = app.tracker.theses.count()
    qtbot.waitUntil(lambda: app.proxy.rowCount() == everything - len(with_laser))


def test_a_search_that_hid_the_thesis_then_cleared_selects_it_again(app, qtbot):
    """Select CPO, type a search it does not match (a hostile one), then clear the box: the
    list shows every thesis and CPO is selected again, as the detail beside it still shows
    it; before, no row was selected (found by a walk through the app)."""
    select_thesis(app, "New light", qtbot)
    shown = app.current_thesis_id()
    search = app.search_box
    search.setFocus()
    type_into(search, '"foo OR (bar')
    qtbot.waitUntil(lambda: shown not in app.visible_thesis_ids())
    assert app.current_thesis_id() == shown
    search.selectAll()
    press(search, Qt.Key.Key_Backspace)
    everything = app.tracker.theses.count()
    qtbot.waitUntil(lambda: app.proxy.rowCount() == everything)
    qtbot.waitUntil(lambda: app.thesis_list.currentIndex().isValid())
    current = app.thesis_list.currentIndex()
    assert current.data() and str(current.data()).startswith("New light")
    assert app.thesis_list.selectionModel().isRowSelected(current.row())
    assert app.current_thesis_id() == shown


def test_matches_here_says_nothing_for_a_thesis_the_search_leaves_out(app, qtbot):
    """Big light shown, type "optics -CPO": the list leaves Big light out (it names CPO), and
    "Matches here" no longer lists its records holding "optics" as if it matched (found by
    walking the merged app under Xvfb)."""
    select_thesis(app, "Big light", qtbot)
    shown = app.current_thesis_id()
    search = app.search_box
    search.setFocus()
    type_into(search, "optics")
    qtbot.waitUntil(lambda: app.why.isVisible())
    type_into(search, " -CPO")
    qtbot.waitUntil(lambda: shown not in app.visible_thesis_ids())
    assert app.current_thesis_id() == shown
    qtbot.waitUntil(lambda: not app.why.isVisible())


def _pick_from_popup(text: str, picked: list) -> None:
    """Click the entry ``text`` of the popup menu once it shows (a right-click menu runs its
    own event loop), as the mouse would."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMenu

    popup = QApplication.activePopupWidget()
    if not isinstance(popup, QMenu):
        QTimer.singleShot(10, lambda: _pick_from_popup(text, picked))
        return
    action = next(a for a in popup.actions() if a.text() == text)
    picked.append(action.isChecked())
    QTest.mouseClick(popup, Qt.MouseButton.LeftButton, pos=popup.actionGeometry(action).center())


def test_hiding_list_columns_from_the_header_gives_the_title_room_and_is_remembered(
        app, qtbot, make_window, db_path, settings):
    """Right-click the list's header, untick Overdue: the column goes, Title takes its room,
    and the next start shows the list the same way; Tags (chips in Overview) waits to be
    asked for, and ticking it brings it back (the eight columns left Title at 14 characters
    in a list pane of 600 px; found by walking the app under Xvfb)."""
    table = app.thesis_list
    header = table.horizontalHeader()
    tags, overdue = ThesisListModel.TAGS, ThesisListModel.OVERDUE
    assert table.isColumnHidden(tags) and not table.isColumnHidden(overdue)
    title_before = table.columnWidth(0)
    point = QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2)
    picked: list = []
    QTimer.singleShot(0, lambda: _pick_from_popup("Overdue", picked))
    header.customContextMenuRequested.emit(point)       # what a right click on it sends
    assert picked == [True]
    assert table.isColumnHidden(overdue)
    qtbot.waitUntil(lambda: table.columnWidth(0) > title_before)
    QTimer.singleShot(0, lambda: _pick_from_popup("Tags", picked))
    header.customContextMenuRequested.emit(point)
    assert picked == [True, False] and not table.isColumnHidden(tags)
    app.close()
    again = make_window(db_path, settings=settings)
    assert again.thesis_list.isColumnHidden(overdue)
    assert not again.thesis_list.isColumnHidden(tags)
    assert not again.thesis_list.isColumnHidden(ThesisListModel.THEME)


def test_edits_from_the_command_line_show_in_the_open_window(app, qtbot, db_path, dialogs):
    """With the app open on Big light's Catalysts, tick a catalyst and add a thesis from the
    command line: within seconds the row says done, the list holds the new thesis and the
    counts agree, without a restart; ticking the row in the app then asks nothing (it stayed
    pending and a tick did nothing; found by a walk through the app)."""
    import subprocess
    import sys

    from tests.helpers import ROOT
    select_thesis(app, "Big light", qtbot)
    open_tab(app, "Catalysts")
    from PySide6.QtWidgets import QTableView
    model = app.findChild(QTableView, "catalystTable").model()
    pending = next(c for c in model.records() if c.status == "pending")
    before = app.proxy.rowCount()
    for args in (["tick", str(pending.id), "--on", "2026-11-20"],
                 ["add-thesis", "Written from the terminal"]):
        done = subprocess.run([sys.executable, "main.py", "--db", str(db_path), *args],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: app.proxy.rowCount() == before + 1, timeout=5000)
    row = next(r for r in range(model.rowCount())
               if model.records()[r].id == pending.id)
    assert model.records()[row].status == "done"
    assert "Changed by another program" in app.statusBar().currentMessage()
    assert dialogs.unexpected == []


def test_overdue_review_shows_in_the_notice_at_once(app, qtbot):
    """A thesis whose next review is set to yesterday counts as a review due in the notice
    straight away, not after a restart (defect 8)."""
    select_thesis(app, "New light", qtbot)
    before = app.notice_label.text()
    yesterday = (app.tracker.clock.today() - dt.timedelta(days=1)).isoformat()
    app.editor.run("edit_thesis", app.current_thesis_id(), next_review=yesterday)
    qtbot.waitUntil(lambda: app.notice_label.text() != before)
    assert "review" in app.notice_label.text()

