"""gui/overview.py: the Overview tab edits a thesis's own fields in place (#3, #7, #11)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.gui.helpers import (
    DUE_THIS_WEEK,
)


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
