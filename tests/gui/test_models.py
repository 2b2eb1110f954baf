"""Every item model and proxy passes Qt's model tester, also while it changes (issue #3)."""

from __future__ import annotations

from PySide6.QtCore import Qt

import pytest

from gui.models.parts import BeneficiaryModel, CatalystModel, HistoryModel, RiskModel, SourceModel
from gui.models.thesis_list import ThesisFilterProxy, ThesisListModel
from gui.models.upcoming import UpcomingModel
from model.changes import OpChanges


def test_thesis_list_and_proxy_pass_the_model_tester(qtmodeltester, tracker):
    """The list model and its filter proxy keep Qt's invariants under filter and row changes."""
    model = ThesisListModel(tracker)
    tracker.subscribe(model.apply_changes)
    proxy = ThesisFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_status("active")
    proxy.set_matching_ids(tracker.search.thesis_ids("光模块"))
    qtmodeltester.check(proxy)
    added = tracker.theses.add(title="Model tester thesis", status="active")
    tracker.theses.set_conviction(added.id, 5)
    tracker.theses.delete(added.id)
    proxy.set_matching_ids(None)
    proxy.set_status(None)
    proxy.sort(ThesisListModel.CONVICTION, Qt.SortOrder.DescendingOrder)
    convictions = [proxy.index(r, ThesisListModel.CONVICTION).data()
                   for r in range(proxy.rowCount())]
    assert convictions == sorted(convictions, reverse=True)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


@pytest.mark.parametrize("cls", [CatalystModel, RiskModel, BeneficiaryModel, SourceModel,
                                 HistoryModel])
def test_part_models_pass_the_model_tester(qtmodeltester, tracker, cls):
    """Each per-thesis table model is a valid flat table before and after edits sync it."""
    model = cls(tracker)
    model.load(tracker.theses.ids()[0])
    tracker.subscribe(model.apply_changes)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    thesis_id = model.thesis_id
    catalyst = tracker.catalysts.add(thesis_id=thesis_id, title="Tester", expected="2H26")
    tracker.catalysts.tick(catalyst.id, note="done")
    tracker.risks.add(thesis_id=thesis_id, title="Tester risk")
    qtmodeltester.check(model)


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


def test_list_updates_touched_rows_only(tracker):
    """A write repaints only the theses it touched; only OpChanges.reset resets (#3)."""
    model = ThesisListModel(tracker)
    tracker.subscribe(model.apply_changes)
    events = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.dataChanged.connect(lambda a, b, r=(): events.append((a.row(), b.row())))
    thesis_id = tracker.theses.ids()[1]
    tracker.theses.set_conviction(thesis_id,
                                  1 if tracker.theses.get(thesis_id).conviction != 1 else 2)
    row = model.row_of(thesis_id)
    assert events == [(row, row)]
    model.apply_changes(OpChanges.everything())
    assert events[-1] == "reset"
