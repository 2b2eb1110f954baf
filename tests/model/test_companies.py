"""Companies and beneficiaries (#2)."""

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
    updated = empty_tracker.beneficiaries.update(ben_b.id, role="light engines")
    assert updated.role == "light engines"
    empty_tracker.beneficiaries.remove(ben_b.id)
    assert [x.name for x in empty_tracker.beneficiaries.for_thesis(thesis.id)] == ["Eoptolink"]
    with pytest.raises(NotFound):
        empty_tracker.beneficiaries.get(ben_b.id)
    with pytest.raises(ValidationError):       # unknown company: the foreign key refuses it
        empty_tracker.beneficiaries.add(thesis_id=thesis.id, company_id=999)


def test_a_beneficiary_named_by_its_local_or_full_name_is_the_known_company(tracker):
    """Add beneficiary with 中际旭创 (or "zhongji innolight") typed, no ticker: the thesis
    gets the known Zhongji Innolight (300308.SZ), not a new duplicate without a ticker; the
    undo step names the company even when it was picked by id (found by a walk through the
    app)."""
    known = tracker.companies.by_ticker("300308.SZ")
    thesis = tracker.ops.add_thesis(title="Local names").value
    before = len(tracker.companies.all())
    for typed in ("中际旭创", "zhongji innolight"):
        added = tracker.ops.add_beneficiary(thesis.id, name=typed, role="r").value
        assert added.company_id == known.id
        tracker.ops.remove_beneficiary(added.id)
    assert len(tracker.companies.all()) == before
    picked = tracker.ops.add_beneficiary(thesis.id, company_id=known.id)
    assert tracker.undo_label() == "Add beneficiary “Zhongji Innolight”" == picked.step.label


def test_a_name_two_companies_share_asks_for_the_one_meant(empty_tracker):
    """Two companies answer to one name: nothing is added, and the message names both."""
    t = empty_tracker
    t.companies.add(name="Acme", ticker="ACM.A")
    t.companies.add(name="Other", local_name="acme", ticker="OTH")
    thesis = t.ops.add_thesis(title="x").value
    count = len(t.companies.all())
    with pytest.raises(ValidationError, match=r"2 companies are called “Acme”.*ACM\.A.*OTH"):
        t.ops.add_beneficiary(thesis.id, name="Acme")
    assert len(t.companies.all()) == count and t.beneficiaries.for_thesis(thesis.id) == []


def test_likeness_puts_the_same_company_first():
    """3: a shared name or local name; 2: one name inside the other; 1: the same first word."""
    from model.companies import likeness
    from model.types import Company

    def c(name, local=""):
        return Company(0, name, local, None, "", "")
    innolight = c("Zhongji Innolight", "中际旭创")
    assert likeness(c("中际旭创"), innolight) == 3
    assert likeness(c("ZHONGJI INNOLIGHT "), innolight) == 3
    assert likeness(c("Innolight"), innolight) == 2
    assert likeness(c("Zhongji Optics"), innolight) == 1
    assert likeness(c("Alphabet (Google)"), innolight) == 0
