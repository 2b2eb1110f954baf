"""gui/scorecard.py: the Overview's scorecard panel (#7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from gui.scorecard import score_lines


def test_overview_scorecard_follows_a_tick(window, qtbot, when_modal):
    """The Overview's scorecard shows the thesis's counts, hit rate, conviction path and
    verdict, and a tick in the Catalysts table updates it at once (#7)."""
    w = window
    thesis_id = next(s.id for s in w.list_model.records() if s.title.startswith("Big light"))
    w.show_thesis(thesis_id)
    panel = w.detail.overview.scorecard
    before = w.tracker.scorecard.for_thesis(thesis_id)
    expected = score_lines(before)
    assert {k: label.text() for k, label in panel.labels.items()} == expected
    assert panel.labels["catalysts"].text().startswith(f"{before.counts.done} done · ")
    assert panel.labels["verdict"].text() == before.verdict

    w.detail.tabs.setCurrentIndex(3)
    table = w.findChild(QTableView, "catalystTable")
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.record(r).status == "pending")
    when_modal(lambda dialog: qtbot.keyClick(dialog.note, Qt.Key.Key_Return))
    table.setFocus()
    table.setCurrentIndex(model.index(row, 0))
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert model.record(row).status == "done"
    done, pending = before.counts.done + 1, before.counts.pending - 1
    text = panel.labels["catalysts"].text()
    assert text.startswith(f"{done} done · ") and f"· {pending} pending" in text
