"""gui/dialogs.py: the small dialogs. Each answers with values or None for Cancel; a dialog
whose values the model refuses stays open with everything typed (#11); user text is plain
text everywhere, never markup (#12); modal dialogs are deleted after use."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

import pytest

from gui.dialogs import (
    CompanyDialog,
    CorruptDialog,
    Messages,
    NewThesisDialog,
    NoteDialog,
    ReviewDialog,
    TickDialog,
    UndoRefusedDialog,
    plain_label,
    run_modal,
)
from model.constants import THESIS_STATUSES
from model.errors import ValidationError
from model.types import Company, Thesis

TODAY = dt.date(2026, 11, 24)
THESIS = Thesis(1, "Big <b>light</b>", "", "", "active", 3, "", "2026-11-10", 30, None, "",
                "x", "x")


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _ok(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_run_modal_reads_the_answer_then_deletes_the_dialog(parent, when_modal):
    """A modal dialog is deleted after its answer is read: a hidden dialog living on with its window
    could keep the keyboard focus (#12)."""
    dialog = QDialog(parent)
    when_modal(lambda d: d.accept())
    assert run_modal(dialog, lambda result: ("read", result)) == (
        "read", QDialog.DialogCode.Accepted)
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)


def test_messages_show_user_text_as_plain_text(parent, when_modal):
    """Messages quote user text as typed, never rendered (#12); confirm defaults to No and answers
    True only for Yes."""
    seen = {}

    def read(box):
        seen["format"], seen["text"] = box.textFormat(), box.text()
        seen["default"] = box.defaultButton()
        box.button(QMessageBox.StandardButton.Yes).click()
    when_modal(read)
    assert Messages.confirm(parent, "Delete “<b>x</b>”?")
    assert seen["format"] == Qt.TextFormat.PlainText and seen["text"] == "Delete “<b>x</b>”?"
    assert seen["default"] is not None and seen["default"].text().replace("&", "") == "No"
    when_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())
    assert not Messages.confirm(parent, "Sure?")
    titles = []
    for show in (Messages.error, Messages.info):
        when_modal(lambda box: (titles.append(box.windowTitle()), box.accept()))
        show(parent, "<img src=x>", "Title")
    assert titles == ["Title", "Title"]
    when_modal(lambda box: (titles.append(box.text()), box.accept()))
    Messages.error_titled(parent, "T", "text first")
    assert titles[-1] == "text first"


def test_note_dialog_returns_the_note_or_none(parent, qtbot, when_modal):
    """Enter records the note (an empty one too); Escape cancels the change (None)."""
    def type_note(dialog):
        qtbot.keyClicks(dialog.note, "orders slipped")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    when_modal(type_note)
    assert NoteDialog.ask(parent, "Change status?") == "orders slipped"
    when_modal(lambda dialog: qtbot.keyClick(dialog.note, Qt.Key.Key_Return))
    assert NoteDialog.ask(parent, "Change status?") == ""            # empty is allowed
    when_modal(lambda dialog: qtbot.keyClick(dialog.note, Qt.Key.Key_Escape))
    assert NoteDialog.ask(parent, "Change status?") is None


def test_a_refused_submit_keeps_the_dialog_open_with_what_was_typed(parent, qtbot, when_modal,
                                                                   monkeypatch):
    """The model's refusal is shown and the dialog stays, to be corrected (#11); the second,
    accepted submit closes it with the values."""
    shown, submitted = [], []
    monkeypatch.setattr(Messages, "error",
                        classmethod(lambda cls, parent, text, title="": shown.append(text)))

    def submit(date, note):
        submitted.append((date, note))
        if date > TODAY.isoformat():
            raise ValidationError("The day it happened must not be after today.")

    def answer(dialog):
        assert dialog.date.text() == TODAY.isoformat()
        dialog.date.setText("2030-01-01")
        qtbot.keyClicks(dialog.note, "shipped")
        _ok(dialog).click()
        assert dialog.isVisible() and dialog.note.text() == "shipped"
        dialog.date.setText("2026-11-20")
        _ok(dialog).click()
    when_modal(answer)
    assert TickDialog.ask(parent, "Ramp", "done", TODAY, submit=submit) == ("2026-11-20",
                                                                            "shipped")
    assert shown == ["The day it happened must not be after today."]
    assert submitted == [("2030-01-01", "shipped"), ("2026-11-20", "shipped")]


@pytest.mark.parametrize("status, title, label", [
    ("done", "Tick off: Ramp", "Tick off"), ("missed", "Mark missed: Ramp", "Mark missed"),
    ("cancelled", "Mark cancelled: Ramp", "Mark cancelled")])
def test_the_tick_dialog_names_what_is_recorded(parent, status, title, label):
    """Title and button say which ending is recorded (tick off, missed, cancelled)."""
    dialog = TickDialog(parent, "Ramp", status, TODAY)
    assert dialog.windowTitle() == title and _ok(dialog).text() == label
    dialog.deleteLater()


def test_new_thesis_values(parent, qtbot, when_modal):
    """The New thesis form gives what was typed; Cancel gives None."""
    def fill(dialog):
        qtbot.keyClicks(dialog.title, "Silicon photonics")
        qtbot.keyClicks(dialog.theme, "Optics")
        qtbot.keyClicks(dialog.statement, "Line one")
        _ok(dialog).click()
    when_modal(fill)
    assert NewThesisDialog.ask(parent) == {"title": "Silicon photonics", "theme": "Optics",
                                           "statement": "Line one"}
    when_modal(lambda dialog: dialog.reject())
    assert NewThesisDialog.ask(parent) is None


def test_company_dialog_picks_a_known_company_or_names_a_new_one(parent):
    """A known company is picked by its label (its id is used, no duplicate made); a new name comes
    with ticker, local name and exchange."""
    known = [Company(7, "Innolight", "中际旭创", "300308.SZ", "SZSE", "CN")]
    dialog = CompanyDialog(parent, known)
    assert dialog.company.currentIndex() == -1
    dialog.company.setCurrentText(known[0].label)
    dialog.role.setText("800G leader")
    assert dialog.values() == {"company_id": 7, "role": "800G leader"}
    dialog.company.setCurrentText("  Accelink ")
    dialog.ticker.setText("002281.SZ")
    dialog.local.setText("光迅科技")
    dialog.exchange.setText("SZSE")
    assert dialog.values() == {"name": "Accelink", "ticker": "002281.SZ",
                               "local_name": "光迅科技", "exchange": "SZSE",
                               "role": "800G leader"}
    dialog.deleteLater()


def test_review_dialog_needs_a_note_and_follows_the_cadence(parent, qtbot):
    """Record is off until a note is typed; the next date follows the cadence until the user picks
    one; unchanged conviction and status are None (#7)."""
    dialog = ReviewDialog(parent, THESIS, THESIS_STATUSES, TODAY, TODAY + dt.timedelta(days=30))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.next_date.text() == "2026-12-24"
    assert dialog.windowTitle() == "Review: Big <b>light</b>"
    assert dialog.conviction.itemText(0) == "(unchanged) 3" and dialog.conviction.findData(3) < 0
    assert dialog.status.findData("active") < 0 and dialog.status.findData("broken") > 0
    dialog.note.setPlainText("   ")
    assert not ok.isEnabled()
    dialog.note.setPlainText("Checked orders")
    assert ok.isEnabled()
    dialog.cadence.setValue(45)
    assert dialog.next_date.text() == "2027-01-08"          # the date follows the cadence
    dialog.next_date.edit.setText("2027-03-01")
    dialog.next_date.edit.textEdited.emit("2027-03-01")     # the user chose a day
    dialog.cadence.setValue(10)
    assert dialog.next_date.text() == "2027-03-01"          # ...and it is kept
    dialog.conviction.setCurrentIndex(dialog.conviction.findData(5))
    assert dialog.values() == {"note": "Checked orders", "conviction": 5, "status": None,
                               "next_review": "2027-03-01", "cadence": 10}


def test_review_dialog_says_whether_the_review_was_or_is_due(parent, qtbot):
    """Reviewing early must not say the review "was due" on a day still to come (found by a
    walk through the app: "was due 12/3/2026" three days ahead)."""
    import dataclasses

    from PySide6.QtWidgets import QLabel

    def said(next_review):
        thesis = dataclasses.replace(THESIS, next_review=next_review)
        dialog = ReviewDialog(parent, thesis, THESIS_STATUSES, TODAY, TODAY)
        qtbot.addWidget(dialog)
        return " | ".join(label.text() for label in dialog.findChildren(QLabel))

    assert "next review was due" in said("2026-11-10")
    assert "next review is due today" in said("2026-11-24")
    ahead = said("2026-12-03")
    assert "next review is due" in ahead and "was due" not in ahead
    assert "no review scheduled yet" in said(None)


def test_ctrl_enter_records_a_review_only_with_a_note(parent, qtbot, when_modal):
    """Ctrl+Enter records from the note field (Enter there is a new line), but not without a note.
    """
    submitted = []

    def answer(dialog):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.isVisible()                        # no note yet: nothing recorded
        qtbot.keyClicks(dialog.note, "Still on track")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    when_modal(answer)
    values = ReviewDialog.ask(parent, THESIS, THESIS_STATUSES, TODAY, TODAY,
                              submit=submitted.append)
    assert values["note"] == "Still on track" and submitted == [values]


def test_corrupt_dialog_offers_restore_only_with_a_backup(parent, when_modal):
    """The damaged-database dialog offers Restore only when there is a good backup; its message is
    plain text (#3, #12)."""
    seen = []

    def press_restore(box):
        seen.append(box.textFormat())
        next(b for b in box.buttons() if b.text() == "Restore newest backup").click()
    when_modal(press_restore)
    assert CorruptDialog.ask(parent, "damaged <b>file</b>", "/b.sqlite3") == "restore"
    assert seen == [Qt.TextFormat.PlainText]

    def only_close(box):
        seen.append([b.text() for b in box.buttons()])
        seen.append(box.windowTitle())
        box.button(QMessageBox.StandardButton.Close).click()
    when_modal(only_close)
    message = "/x/notes.sqlite3 is not a Thesis Tracker database (not SQLite)."
    assert CorruptDialog.ask(parent, message, None) == "cancel"
    assert "Restore newest backup" not in seen[-2]
    # A text file opened by mistake is not "damaged": the title says no more than is known.
    assert seen[-1] == "The database cannot be opened"


def test_undo_refused_dialog_can_forget_the_step(parent, when_modal):
    """An undo that cannot apply offers to forget the step ('drop') or keep it (#11)."""
    when_modal(lambda box: next(b for b in box.buttons()
                                if b.text() == "Forget this step").click())
    assert UndoRefusedDialog.ask(parent, "“Ramp” was deleted elsewhere") == "drop"
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Close).click())
    assert UndoRefusedDialog.ask(parent, "x") == "keep"


def test_plain_label_never_renders_markup(parent):
    """User text in a label shows as typed, never as rich text (#12)."""
    label = plain_label("<b>bold</b>", bold=True, object_name="heading")
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == "<b>bold</b>"
    assert label.font().bold() and label.objectName() == "heading" and label.wordWrap()
    assert not plain_label("x").font().bold()


def test_company_dialog_finds_a_known_company_by_any_part_of_its_name(parent, qtbot):
    """Typing the local name (中际) or a ticker fragment offers the known company, though its
    label starts with the English name (found by a walk through the app)."""
    known = [Company(7, "Zhongji Innolight", "中际旭创", "300308.SZ", "SZSE", "CN"),
             Company(8, "Eoptolink", "新易盛", "300502.SZ", "SZSE", "CN")]
    dialog = CompanyDialog(parent, known)
    completer = dialog.company.completer()
    for typed, offered in (("中际", ["Zhongji Innolight 中际旭创 (300308.SZ)"]),
                           ("300502", ["Eoptolink 新易盛 (300502.SZ)"]),
                           ("innolight", ["Zhongji Innolight 中际旭创 (300308.SZ)"])):
        completer.setCompletionPrefix(typed)
        model = completer.completionModel()
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == offered
    dialog.deleteLater()


def test_hints_in_empty_boxes_are_not_cut(parent, qtbot):
    """The Add beneficiary dialog and the note box are wide enough for their grey hints
    ("Known compa…", "e.g. SZSE, SSE, H…" were cut; found by a walk through the app)."""
    dialog = CompanyDialog(parent, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for edit in (dialog.exchange, dialog.company.lineEdit()):
        hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert edit.width() >= hint + 8, edit.placeholderText()
    note = NoteDialog(parent, "Change conviction of “Big light” from 3 to 4.")
    qtbot.addWidget(note)
    note.show()
    qtbot.waitExposed(note)
    hint = note.note.fontMetrics().horizontalAdvance(note.note.placeholderText())
    assert note.note.width() >= hint + 8
