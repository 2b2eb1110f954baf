"""Review discipline in the window (#7): reviews in Upcoming and the start-up notice, the
Review… dialog, cadence, the review-overdue mark and title figure, the Overview scorecard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QTableView

import pytest

from gui.models.upcoming import is_review
from gui.scorecard import score_lines
from model.service import Tracker

OVERDUE_REVIEW = "2026-11-10"     # 14 days before the fixed today, 2026-11-24 (a Tuesday)
DUE_THIS_WEEK = "2026-11-27"


@pytest.fixture
def reviewed_window(make_window, db_path, clock, qtbot):
    """The demo database with one thesis's review 14 days overdue and one due this Friday."""
    t = Tracker.open(db_path, seed_if_new=True, clock=clock)
    small = next(th.id for th in t.theses.all() if th.title.startswith("Small light"))
    scale = next(th.id for th in t.theses.all() if th.title.startswith("Scale-across"))
    t.theses.update(small, next_review=OVERDUE_REVIEW)
    t.theses.update(scale, next_review=DUE_THIS_WEEK)
    t.close()
    w = make_window(db_path)
    w.resize(1400, 850)
    w.show()
    qtbot.waitExposed(w)
    w.ids = {"small": small, "scale": scale}
    return w


def _upcoming(window):
    window.show_upcoming()
    table = window.findChild(QTableView, "upcomingTable")
    return table, table.model()


def test_upcoming_puts_overdue_reviews_with_overdue_catalysts(reviewed_window, qtbot,
                                                              qtmodeltester):
    """Upcoming lists reviews due beside catalysts, the overdue review inside the overdue block
    at the top, the one due Friday later; double-clicking a review opens its thesis (#7)."""
    w = reviewed_window
    table, model = _upcoming(w)
    qtmodeltester.check(model)
    rows = [model.record(r) for r in range(model.rowCount())]
    overdue = [model.is_overdue(r) for r in rows]
    assert overdue == sorted(overdue, reverse=True), "everything overdue comes first"
    reviews = {r.thesis_id: i for i, r in enumerate(rows) if is_review(r)}
    assert set(reviews) == {w.ids["small"], w.ids["scale"]}
    assert overdue[reviews[w.ids["small"]]] and not overdue[reviews[w.ids["scale"]]]
    assert sum(overdue) == w.tracker.queue.overdue().total == 2
    row = reviews[w.ids["small"]]
    assert model.index(row, model.TITLE).data() == "Thesis review"
    assert model.index(row, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not model.flags(model.index(row, model.CHECK)) & Qt.ItemFlag.ItemIsUserCheckable
    assert "2 reviews due" in w.upcoming.summary.text()     # English plurals (#13)
    rect = table.visualRect(model.index(row, model.EXPECTED))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.pages.currentIndex() == 0
    assert w.current_thesis_id() == w.ids["small"]


def test_startup_notice_counts_reviews_and_opens_upcoming(reviewed_window, qtbot):
    """The notice says catalysts overdue, reviews due and due this week, and its button opens
    Upcoming with the list built (#3, #7)."""
    w = reviewed_window
    today = w.tracker.clock.today()
    week = w.tracker.catalysts.due_between(today, dt.date(2026, 11, 29))
    assert w.notice.isVisible()
    assert w.notice_label.text().startswith(f"1 catalyst overdue, 2 reviews due, {week} due "
                                            f"this week: ")
    qtbot.mouseClick(w.notice_button, Qt.MouseButton.LeftButton)
    assert w.pages.currentWidget() is w.upcoming
    assert w.upcoming.table.model() is not None and w.upcoming.table.model().rowCount() > 0


def test_list_marks_overdue_review_and_title_counts_it(reviewed_window):
    """The thesis list's Next review cell of an overdue review is red and says so, one due this
    week is bold, and the window title's overdue figure adds reviews to catalysts (#7)."""
    w = reviewed_window
    model = w.list_model
    small = model.index(model.row_of(w.ids["small"]), model.REVIEW)
    scale = model.index(model.row_of(w.ids["scale"]), model.REVIEW)
    assert "overdue" in small.data() and small.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "overdue" not in scale.data()
    assert scale.data(Qt.ItemDataRole.ForegroundRole) is None
    font = scale.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert w.windowTitle() == "Thesis Tracker — theses.sqlite3 — 2 overdue"
    assert "1 review overdue" in w.count_label.text()


def test_review_button_records_it_everywhere_in_place(reviewed_window, qtbot, when_modal,
                                                      clock):
    """Overview ▸ Review…: the note is required, the next date defaults to today + cadence;
    recording changes conviction, adds the History row, drops the review from Upcoming and
    the title's figure without resetting any view; Undo puts the dates back (#7)."""
    w = reviewed_window
    _table, upcoming = _upcoming(w)
    resets = []
    for model in (upcoming, w.list_model):
        model.modelReset.connect(lambda: resets.append(1))
    w.show_thesis(w.ids["small"])
    overview = w.detail.overview
    seen = {}

    def answer(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["enabled_empty"] = ok.isEnabled()
        seen["default"] = dialog.next_date.text()
        qtbot.keyClicks(dialog.note, "Checked 2026 orders: still on track")
        dialog.conviction.setCurrentIndex(dialog.conviction.findData(5))
        seen["enabled_typed"] = ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    when_modal(answer)
    qtbot.mouseClick(overview.review_button, Qt.MouseButton.LeftButton)
    assert seen == {"enabled_empty": False, "enabled_typed": True,
                    "default": (clock.today() + dt.timedelta(days=90)).isoformat()}
    thesis = w.tracker.theses.get(w.ids["small"])
    assert (thesis.next_review, thesis.conviction) == (seen["default"], 5)
    history = w.detail.history
    fields = [history.record(r).field for r in range(history.rowCount())]
    row = fields.index("review")
    assert history.record(row).note == "Checked 2026 orders: still on track"
    assert "conviction" in fields
    assert overview.conviction.value() == 5
    assert upcoming.row_of(("review", w.ids["small"])) is None
    assert upcoming.row_of(("review", w.ids["scale"])) is not None
    summary = w.list_model.index(w.list_model.row_of(w.ids["small"]), w.list_model.REVIEW)
    assert "overdue" not in summary.data()
    qtbot.waitUntil(lambda: w.windowTitle().endswith("— 1 overdue"))
    assert resets == []
    assert "Review" in w.actions_by_name["undo"].text()
    w.actions_by_name["undo"].trigger()
    thesis = w.tracker.theses.get(w.ids["small"])
    assert (thesis.next_review, thesis.conviction) == (OVERDUE_REVIEW, 3)
    assert upcoming.row_of(("review", w.ids["small"])) is not None
    qtbot.waitUntil(lambda: w.windowTitle().endswith("— 2 overdue"))


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


def test_roadmap_lives_in_upcoming_and_builds_when_first_shown(window, qtbot):
    """The roadmap is inside Upcoming (List | Roadmap), not a page of its own, and pyqtgraph
    is only built when it is first switched to (#4)."""
    w = window
    assert [w.pages.tabText(i) for i in range(w.pages.count())] == ["&Theses", "&Upcoming"]
    w.show_upcoming()
    roadmap = w.charts["roadmap"]
    assert w.upcoming.stack.currentWidget() is w.upcoming.table
    assert roadmap.chart is None
    assert w.upcoming.isAncestorOf(roadmap)
    qtbot.mouseClick(w.upcoming.roadmap_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roadmap.chart is not None, timeout=3000)
    assert w.upcoming.stack.currentWidget() is roadmap
    qtbot.mouseClick(w.upcoming.list_button, Qt.MouseButton.LeftButton)
    assert w.upcoming.stack.currentWidget() is w.upcoming.table


def test_day_change_marks_a_review_overdue_without_an_edit(make_window, db_path, qtbot):
    """A review due tomorrow becomes overdue at midnight while the app stays open: the list
    mark and the window title follow at once, no edit needed (#7)."""
    import datetime as dt

    from model.service import Tracker
    from model.storage.store import Clock

    now = [dt.datetime(2026, 11, 24, 23, 0, tzinfo=dt.timezone.utc)]
    clock = Clock(lambda: now[0])
    seeded = Tracker.open(db_path, seed_if_new=True, clock=clock)
    thesis_id = seeded.theses.resolve("Big light")
    seeded.theses.update(thesis_id, next_review="2026-11-25")
    for other in seeded.theses.ids():
        if other != thesis_id:
            seeded.theses.update(other, next_review="2027-06-30")
    seeded.close()
    window = make_window(db_path, clock=clock)
    model = window.list_model
    row = model.row_of(thesis_id)
    assert not model.review_overdue(model.record(row))
    qtbot.waitUntil(lambda: window.windowTitle().endswith("— 1 overdue"))   # the catalyst
    now[0] = dt.datetime(2026, 11, 26, 0, 0, 5, tzinfo=dt.timezone.utc)
    window.day_changed()
    row = model.row_of(thesis_id)
    assert model.review_overdue(model.record(row))
    qtbot.waitUntil(lambda: window.windowTitle().endswith("— 2 overdue"))   # and the review
    assert window.day_timer.isActive()
