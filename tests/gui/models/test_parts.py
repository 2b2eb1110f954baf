"""gui/models/parts.py: the per-thesis tables (catalysts, risks, beneficiaries, sources,
history) pass Qt's model tester before and after edits sync them (#3)."""

from __future__ import annotations

import pytest

from gui.models.parts import BeneficiaryModel, CatalystModel, HistoryModel, RiskModel, SourceModel


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
