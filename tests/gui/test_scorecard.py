"""gui/scorecard.py: the Overview's scorecard panel (#7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from gui.scorecard import ScorecardPanel, score_lines
from model.analysis.scorecard import Counts, ThesisScore


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


def _score(counts, *, status="active", conviction_path=(), status_path=(), held=None):
    return ThesisScore(1, "t", status, 3, counts, tuple(conviction_path), tuple(status_path),
                       held)


def test_score_lines_read_counts_slips_hit_rate_and_paths():
    """The panel's rows as the user reads them; a slip average only when slips were measured,
    a hit rate only once a '+' catalyst was decided."""
    counts = Counts(done=3, missed=1, cancelled=0, pending=2, slipped=2, slip_days_total=30,
                    slips_measured=2, positive_done=3, positive_missed=1)
    score = _score(counts, status="confirmed",
                   conviction_path=(("2026-01-01", 3), ("2026-06-01", 4)),
                   status_path=(("2026-01-01", "draft"), ("2026-06-01", "active"),
                                ("2026-11-01", "confirmed")), held=4)
    lines = score_lines(score)
    assert lines["catalysts"] == "3 done · 1 missed · 0 cancelled · 2 pending (6 in all)"
    assert lines["slips"] == "2 slipped, by 15 days on average"
    assert lines["hit rate"] == "75 % (3 of 4 decided '+' catalysts happened)"
    assert lines["conviction"] == ("3 → 4 (held 4 when it was confirmed) · status "
                                   "draft → active → confirmed")
    assert lines["verdict"] == score.verdict != "open"


def test_score_lines_for_a_thesis_with_nothing_decided():
    """No slip average, no hit rate and an open verdict before anything is decided; no made-up
    figures."""
    lines = score_lines(_score(Counts(pending=1, slipped=1)))
    assert lines["slips"] == "1 slipped"
    assert lines["hit rate"] == "no '+' catalyst decided yet"
    assert lines["conviction"] == " · status " and lines["verdict"] == "open"


def test_the_panel_is_blank_without_a_thesis_or_for_one_that_is_gone(qapp, tracker):
    """No thesis, or one deleted meanwhile, blanks the panel instead of raising; scripts find the
    rows by name."""
    panel = ScorecardPanel()
    panel.show_score(tracker, tracker.theses.ids()[0])
    assert all(label.text() for label in panel.labels.values())
    panel.show_score(tracker, 99_999)                      # deleted meanwhile
    assert all(label.text() == "" for label in panel.labels.values())
    panel.show_score(tracker, tracker.theses.ids()[0])
    panel.show_score(None, None)
    assert all(label.text() == "" for label in panel.labels.values())
    assert [label.objectName() for label in panel.labels.values()] == [
        "score_catalysts", "score_slips", "score_hit_rate", "score_conviction", "score_verdict"]
