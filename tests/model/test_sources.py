"""Sources and citations (#2)."""

from __future__ import annotations

import pytest

from model.errors import NotFound, ValidationError


@pytest.fixture
def thesis(empty_tracker):
    return empty_tracker.theses.add(title="Big light")



def test_sources_and_citations(empty_tracker, thesis):
    """Sources are cited by a thesis, a risk or a catalyst; for_thesis gathers all three;
    citing twice keeps one; deleting a source removes its citations (#2)."""
    src = empty_tracker.sources
    s1 = src.add(title="Big light report", publisher="Broker A", published_on="2025-11-01",
                 url="https://example.com/a.pdf", summary="pluggables")
    s2 = src.add(title="CPO report", publisher="Broker B", published_on="2025-12-01")
    s3 = src.add(title="Unused")
    risk = empty_tracker.risks.add(thesis_id=thesis.id, title="r")
    cat = empty_tracker.catalysts.add(thesis_id=thesis.id, title="c", expected="2027")
    c1 = src.cite(s1.id, thesis_id=thesis.id, locator="p. 3")
    assert src.cite(s1.id, thesis_id=thesis.id).id == c1.id
    src.cite(s2.id, risk_id=risk.id)
    src.cite(s2.id, catalyst_id=cat.id, locator="fig. 2")
    assert [s.title for s in src.for_thesis(thesis.id)] == ["Big light report", "CPO report"]
    assert len(src.citations_for_thesis(thesis.id)) == 3
    with pytest.raises(ValidationError):
        src.cite(s3.id)
    with pytest.raises(ValidationError):
        src.cite(s3.id, thesis_id=thesis.id, risk_id=risk.id)
    with pytest.raises(NotFound):
        src.cite(s3.id, catalyst_id=999)
    with pytest.raises(ValidationError):
        src.add(title="x", published_on="Nov 2025")
    assert src.update(s3.id, summary="now used").summary == "now used"
    src.uncite(c1.id)
    assert [s.title for s in src.for_thesis(thesis.id)] == ["CPO report"]
    src.delete(s2.id)
    assert src.citations_for_thesis(thesis.id) == []
    assert [s.title for s in src.all()] == ["Unused", "Big light report"]
