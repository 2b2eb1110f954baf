"""Companies, beneficiaries, risks, sources and citations (#2)."""

from __future__ import annotations

import pytest

from model.errors import NotFound, ValidationError


@pytest.fixture
def thesis(empty_tracker):
    return empty_tracker.theses.add(title="Big light")


def test_companies_add_resolve_update(empty_tracker):
    """Companies keep a local-language name; tickers are unique in any case (#2)."""
    cos = empty_tracker.companies
    zj = cos.add(name="Zhongji Innolight", local_name="中际旭创", ticker="300308.sz",
                 exchange="SZSE", country="CN")
    assert (zj.ticker, zj.label) == ("300308.SZ", "Zhongji Innolight 中际旭创 (300308.SZ)")
    assert cos.resolve("300308.SZ") == cos.resolve("zhongji innolight") == cos.resolve("中际旭创") \
        == cos.resolve(str(zj.id)) == zj.id
    with pytest.raises(ValidationError):
        cos.add(name="Copy", ticker="300308.SZ")
    lite = cos.add(name="Lumentum", ticker="LITE")
    with pytest.raises(ValidationError):
        cos.update(lite.id, ticker="300308.sz")
    assert cos.update(lite.id, country="US").country == "US"
    assert cos.find_or_add(name="Other", ticker="lite").id == lite.id
    assert cos.find_or_add(name="No ticker").id == cos.find_or_add(name="no ticker").id
    with pytest.raises(NotFound):
        cos.resolve("nobody")
    with pytest.raises(ValidationError):
        cos.add(name=" ")
    assert [c.name for c in cos.all()] == ["Lumentum", "No ticker", "Zhongji Innolight"]


def test_beneficiaries_keep_order_role_and_refuse_duplicates(empty_tracker, thesis):
    """Beneficiaries list in the order added with their role; the same company twice is
    refused; a company in use cannot be deleted from under a thesis (#2)."""
    a = empty_tracker.companies.add(name="Eoptolink", local_name="新易盛", ticker="300502.SZ")
    b = empty_tracker.companies.add(name="TFC Optical", local_name="天孚通信", ticker="300394.SZ")
    ben_b = empty_tracker.beneficiaries.add(thesis_id=thesis.id, company_id=b.id, role="engines")
    empty_tracker.beneficiaries.add(thesis_id=thesis.id, company_id=a.id, role="800G")
    assert [(x.name, x.role) for x in empty_tracker.beneficiaries.for_thesis(thesis.id)] == [
        ("TFC Optical", "engines"), ("Eoptolink", "800G")]
    with pytest.raises(ValidationError):
        empty_tracker.beneficiaries.add(thesis_id=thesis.id, company_id=a.id)
    assert empty_tracker.beneficiaries.update(ben_b.id, role="light engines").role == "light engines"
    empty_tracker.beneficiaries.remove(ben_b.id)
    assert [x.name for x in empty_tracker.beneficiaries.for_thesis(thesis.id)] == ["Eoptolink"]
    with pytest.raises(NotFound):
        empty_tracker.beneficiaries.get(ben_b.id)
    with pytest.raises(ValidationError):       # unknown company: the foreign key refuses it
        empty_tracker.beneficiaries.add(thesis_id=thesis.id, company_id=999)


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
