"""gui/models/upcoming.py: pending catalysts and reviews due across theses, overdue first,
valid under Qt's model tester while catalysts come and go (#3, #7)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.models.upcoming import UpcomingModel


def test_upcoming_model_passes_the_model_tester(qtmodeltester, tracker):
    """Upcoming stays valid as catalysts are added, ticked and deleted."""
    model = UpcomingModel(tracker)
    tracker.subscribe(model.apply_changes)
    qtmodeltester.check(model)
    thesis_id = tracker.theses.ids()[0]
    soon = tracker.catalysts.add(thesis_id=thesis_id, title="Soon", expected="Dec 2026")
    assert model.row_of(soon.id) is not None
    tracker.catalysts.tick(soon.id)
    assert model.record(model.row_of(soon.id)).status == "done"   # stays, ticked in place
    tracker.catalysts.delete(soon.id)
    assert model.row_of(soon.id) is None
    qtmodeltester.check(model)


def test_upcoming_puts_overdue_first(tracker):
    """Overdue catalysts come before the ones due in the next 90 days (#3 Upcoming)."""
    model = UpcomingModel(tracker)
    today = tracker.clock.today().isoformat()
    flags = [model.record(r).window_end < today for r in range(model.rowCount())]
    assert flags and flags == sorted(flags, reverse=True) and flags[0]
    assert model.index(0, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None
