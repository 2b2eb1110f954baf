"""Risks (#2)."""

from __future__ import annotations

import pytest

from model.errors import NotFound, ValidationError


@pytest.fixture
def thesis(empty_tracker):
    return empty_tracker.theses.add(title="Big light")



def test_risks_add_update_status_history_delete(empty_tracker, thesis):
    """Risks sort by severity x likelihood; a status change is a history row (#2)."""
    low = empty_tracker.risks.add(thesis_id=thesis.id, title="Low", severity=1, likelihood=2)
    high = empty_tracker.risks.add(thesis_id=thesis.id, title="Price war", severity=4,
                                   likelihood=4, description="ASP cuts")
    assert [r.title for r in empty_tracker.risks.for_thesis(thesis.id)] == ["Price war", "Low"]
    assert high.score == 16
    r = empty_tracker.risks.update(high.id, status="materialised", note="ASPs fell 20%")
    assert r.status == "materialised"
    latest = empty_tracker.history.for_thesis(thesis.id)[0]
    assert (latest.field, latest.subject, latest.old, latest.new, latest.note) == (
        "risk", "Price war", "open", "materialised", "ASPs fell 20%")
    for bad in (dict(severity=6), dict(likelihood=0), dict(status="gone"), dict(title=""),
                dict(thesis_id=1)):
        with pytest.raises(ValidationError):
            empty_tracker.risks.update(low.id, **bad)
    with pytest.raises(NotFound):
        empty_tracker.risks.add(thesis_id=999, title="x")
    empty_tracker.risks.delete(low.id)
    with pytest.raises(NotFound):
        empty_tracker.risks.get(low.id)
