"""gui/overview.py: the Overview tab edits a thesis's own fields in place (#3, #7, #11)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

import pytest

from tests.gui.helpers import DUE_THIS_WEEK, capture_errors


def test_cadence_in_overview_sets_the_default_next_review(reviewed_window, qtbot, when_modal,
                                                          clock):
    """The cadence spin box in Overview saves the thesis's cadence (undoable), and the Review
    dialog (Edit ▸ Review thesis…) then proposes today + that cadence; Cancel records nothing
    (#7)."""
    w = reviewed_window
    w.show_thesis(w.ids["scale"])
    spin = w.detail.overview.cadence
    assert spin.value() == 90
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "30")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert w.tracker.theses.get(w.ids["scale"]).review_cadence_days == 30
    assert "review cadence" in w.actions_by_name["undo"].text()
    before = len(w.tracker.reviews.for_thesis(w.ids["scale"]))
    seen = {}

    def answer(dialog):
        seen["date"] = dialog.next_date.text()
        seen["cadence"] = dialog.cadence.value()
        dialog.cadence.setValue(45)      # moves the proposed date along
        seen["moved"] = dialog.next_date.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    when_modal(answer)
    w.actions_by_name["reviewThesis"].trigger()
    assert seen == {"date": (clock.today() + dt.timedelta(days=30)).isoformat(), "cadence": 30,
                    "moved": (clock.today() + dt.timedelta(days=45)).isoformat()}
    assert len(w.tracker.reviews.for_thesis(w.ids["scale"])) == before
    assert w.tracker.theses.get(w.ids["scale"]).next_review == DUE_THIS_WEEK


@pytest.fixture
def overview(window):
    window.show_thesis(window.tracker.theses.resolve("Big light"))
    return window.detail.overview


def _type_line(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_field_left_is_saved_as_one_step(overview, window, qtbot):
    """Enter (or leaving) saves a field as one named undo step; leaving it unchanged writes nothing
    (#11)."""
    _type_line(qtbot, overview.horizon, "2026-2028")
    thesis = window.tracker.theses.get(overview.thesis.id)
    assert thesis.horizon == "2026-2028"
    assert window.actions_by_name["undo"].text().startswith("&Undo Edit horizon")
    steps = window.tracker.undo_history()[0]
    overview.horizon.editingFinished.emit()          # leaving it again, unchanged
    assert window.tracker.undo_history()[0] == steps


def test_a_refused_value_puts_back_what_is_stored(overview, window, qtbot, monkeypatch):
    """An empty title or a date that is no date is refused with the reason, and the field
    shows the stored value again: every field shows the truth (#11)."""
    said = capture_errors(monkeypatch)
    title = overview.thesis.title
    _type_line(qtbot, overview.title, " ")
    assert said and "must not be empty" in said[-1]
    assert overview.title.text() == title
    _type_line(qtbot, overview.next_review.edit, "2026-02-30")
    assert overview.next_review.text() == (window.tracker.theses.get(
        overview.thesis.id).next_review or "")


def test_a_save_that_failed_keeps_the_typed_text_to_save_again(overview, window, qtbot,
                                                              monkeypatch):
    """A full disk or a busy file is not the value's fault: what was typed stays (and is not
    wiped by the refresh after another field's save), so nothing is lost (#6)."""
    from model.errors import DiskFullError
    said = capture_errors(monkeypatch)
    real = window.tracker.ops.edit_thesis

    def full(thesis_id, **fields):
        if "statement" in fields:
            raise DiskFullError("The disk is full: the change was not saved.")
        return real(thesis_id, **fields)
    monkeypatch.setattr(window.tracker.ops, "edit_thesis", full)
    overview.statement.setFocus()
    overview.statement.setPlainText("A long statement typed with care")
    overview.tags.setFocus()                          # leaving the statement saves it
    assert said == ["The disk is full: the change was not saved."]
    _type_line(qtbot, overview.tags, "optics")        # another field saved: a refresh
    assert overview.statement.toPlainText() == "A long statement typed with care"
    assert window.tracker.theses.get(overview.thesis.id).tags == "optics"


def test_status_and_conviction_cancelled_go_back_to_the_stored_value(overview, window,
                                                                    monkeypatch):
    """Cancelling the note for a status or conviction change puts the control back on the stored
    value."""
    from gui.dialogs import NoteDialog
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, parent, question: None))
    stored = overview.thesis
    overview.status.setCurrentIndex(overview.status.findText("broken"))
    overview.status.activated.emit(overview.status.currentIndex())
    assert overview.status.currentText() == stored.status
    overview.conviction.setValue(1)
    overview.conviction.editingFinished.emit()
    assert overview.conviction.value() == stored.conviction
    assert window.tracker.theses.get(stored.id).conviction == stored.conviction


def test_no_thesis_means_an_empty_disabled_form(overview, window):
    """With no thesis (or one deleted meanwhile) the form is empty and cannot be typed into."""
    window.detail.set_thesis(None)
    assert not overview.isEnabled() and overview.title.text() == ""
    assert overview.review_state.text() == "" and overview.changed_label.text() == ""
    overview.load(99_999)                              # deleted meanwhile
    assert overview.thesis is None and not overview.isEnabled()


def test_review_state_says_overdue_and_when_last_reviewed(overview, window):
    """Beside the review date: overdue in red when past, and when it was last reviewed (#7)."""
    tracker = window.tracker
    tracker.theses.update(overview.thesis.id, next_review="2026-11-01")
    overview.refresh()
    assert "review overdue" in overview.review_state.text()
    assert "never reviewed" in overview.review_state.text()
    tracker.ops.review(overview.thesis.id, note="checked")
    overview.refresh()
    assert "review overdue" not in overview.review_state.text()
    assert "last 2026-11-24" in overview.review_state.text()


def test_arrow_keys_and_the_wheel_never_step_the_status(qtbot, monkeypatch):
    """Up/Down on the closed status box open its list instead of changing the status one
    step at a time (each step asked for a note: draft -> active -> watch recorded 'active'
    on the way); the wheel over it leaves it alone (found by a walk through the app)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from gui.overview import StatusCombo
    box = StatusCombo()
    qtbot.addWidget(box)
    box.addItems(["draft", "active", "watch"])
    chosen = []
    box.activated.connect(chosen.append)
    opened = []
    monkeypatch.setattr(box, "showPopup", lambda: opened.append(True))
    box.show()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentIndex() == 0 and chosen == [] and opened == [True, True]
    wheel = QWheelEvent(QPointF(5, 5), QPointF(box.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(box, wheel)
    assert box.currentIndex() == 0 and chosen == []
