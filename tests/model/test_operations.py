"""model/operations.py: the one write path of the desktop app and the command line (#11).
Every operation is one transaction and one undo step named for the user, returns what it made
with the changes every view filters on, and composite edits are single steps here."""

from __future__ import annotations

import json

import pytest

from model.changes import Kind
from model.errors import NotFound, ValidationError
from model.operations import OpResult, require
from model.types import Catalyst, Thesis


@pytest.fixture
def t(empty_tracker):
    return empty_tracker


@pytest.fixture
def thesis(t):
    return t.ops.add_thesis(title="Optics").value


def test_an_operation_returns_its_record_changes_and_step(t):
    """The value is the record; the changes name it and its thesis and carry the initiator
    (the view that asked need not reload); the step is on the undo stack under a name."""
    view = object()
    result = t.ops.add_thesis(title="Silicon photonics", initiator=view)
    assert isinstance(result, OpResult) and isinstance(result.value, Thesis)
    assert result.changed and result.changes.initiator is view
    assert result.changes.added_theses == {result.value.id}
    assert result.step is not None and t.undo_label() == "New thesis “Silicon photonics”"


def test_a_refused_operation_writes_nothing_and_pushes_no_step(t, thesis):
    """A refused value leaves the database and the undo stack as they were: no empty step for Edit ▸
    Undo to take back."""
    before = t.undo_history()
    with pytest.raises(ValidationError):
        t.ops.add_catalyst(thesis.id, title="Ramp", expected="someday")
    assert t.catalysts.for_thesis(thesis.id) == [] and t.undo_history() == before


def test_an_edit_that_changes_nothing_is_no_step(t, thesis):
    """Saving a field unchanged (leaving it) must not put an empty step on the undo stack."""
    t.ops.edit_thesis(thesis.id, horizon="2027")
    steps = t.undo_history()[0]
    result = t.ops.edit_thesis(thesis.id, horizon="2027")
    assert not result.changed and result.step is None and t.undo_history()[0] == steps


def test_a_beneficiary_with_a_new_company_is_one_step(t, thesis):
    """The company and the link come and go together: undo leaves no orphan company."""
    result = t.ops.add_beneficiary(thesis.id, name="Accelink", ticker="002281.SZ",
                                   local_name="光迅科技", role="DCI modules")
    assert result.value.local_name == "光迅科技" and result.changes.touches(Kind.COMPANY)
    assert t.undo_label() == "Add beneficiary “Accelink”"
    t.undo()
    assert t.beneficiaries.for_thesis(thesis.id) == [] and t.companies.all() == []
    again = t.ops.add_beneficiary(thesis.id, name="Accelink", ticker="002281.SZ").value
    known = t.ops.add_beneficiary(t.ops.add_thesis(title="Other").value.id,
                                  company_id=again.company_id).value
    assert known.company_id == again.company_id and len(t.companies.all()) == 1


def test_a_source_added_for_a_thesis_is_cited_in_the_same_step(t, thesis):
    """The source and its citation are one step: undo removes both, never leaving an uncited source
    behind."""
    source = t.ops.add_source(title="Sell-side note", thesis_id=thesis.id,
                              locator="p. 4").value
    assert [(c.source_id, c.locator) for c in t.sources.citations_for_thesis(thesis.id)] == [
        (source.id, "p. 4")]
    assert t.undo_label() == "Add source “Sell-side note”"
    t.undo()
    assert t.sources.for_thesis(thesis.id) == [] and t.store.scalar(
        "SELECT count(*) FROM source") == 0


def test_removing_a_source_from_a_thesis_takes_every_citation_and_keeps_the_source(t, thesis):
    """Its citations by the thesis, a risk and a catalyst go in one step; the source stays
    for other theses; a source the thesis does not cite is NotFound."""
    risk = t.ops.add_risk(thesis.id, title="Price war").value
    catalyst = t.ops.add_catalyst(thesis.id, title="Ramp", expected="2027").value
    source = t.ops.add_source(title="Report", thesis_id=thesis.id).value
    t.ops.cite(source.id, risk_id=risk.id)
    t.ops.cite(source.id, catalyst_id=catalyst.id)
    result = t.ops.remove_source_from_thesis(thesis.id, source.id)
    assert result.value == 3 and t.sources.citations_for_thesis(thesis.id) == []
    assert t.sources.get(source.id).title == "Report"
    assert t.undo_label() == "Remove source “Report” from this thesis"
    with pytest.raises(NotFound, match="not cited by this thesis"):
        t.ops.remove_source_from_thesis(thesis.id, source.id)
    t.undo()
    assert len(t.sources.citations_for_thesis(thesis.id)) == 3


def test_a_review_with_conviction_status_and_cadence_is_one_step(t, thesis):
    """A review changing conviction, status and cadence is undone in one go (#7, #11)."""
    result = t.ops.review(thesis.id, note="Checked", conviction=5, status="active",
                          cadence=30)
    fresh = t.theses.get(thesis.id)
    assert (fresh.conviction, fresh.status, fresh.review_cadence_days) == (5, "active", 30)
    assert result.value.next_review == fresh.next_review
    t.undo()
    back = t.theses.get(thesis.id)
    assert (back.conviction, back.status, back.review_cadence_days) == (3, "draft", 90)


def test_tick_and_set_window_are_the_services_with_history(t, thesis):
    """A slip and a tick through ops write the same history rows as the services do (#2)."""
    catalyst = t.ops.add_catalyst(thesis.id, title="Ramp", expected="Q1 2026").value
    moved = t.ops.set_window(catalyst.id, "Q3 2026", note="slipped").value
    assert isinstance(moved, Catalyst) and moved.window_end == "2026-09-30"
    done = t.ops.tick(catalyst.id, on="2026-11-20", note="shipped").value
    assert (done.status, done.happened_on, done.outcome) == ("done", "2026-11-20", "shipped")
    assert [(h.field, h.new) for h in t.history.for_catalyst(catalyst.id)] == [
        ("window", "Q3 2026"), ("catalyst", "done")]


def test_import_file_recognises_bundle_csv_and_peer_data(t, tmp_path):
    """File ▸ Import: one entry point; the value says what came in; each import is one step
    that undo takes back whole."""
    bundle = tmp_path / "b.json"
    bundle.write_text(json.dumps({"format": "thesis-tracker-bundle", "version": 1, "theses": [
        {"id": 1, "title": "From a bundle"}]}), encoding="utf-8")
    said = t.ops.import_file(str(bundle)).value
    assert said == "Imported 1 thesis(es), 0 catalyst(s) and 0 risk(s)."
    csv_path = tmp_path / "c.csv"
    csv_path.write_text("thesis,title,expected\nFrom a bundle,Ramp,2H26\n", encoding="utf-8")
    assert t.ops.import_file(str(csv_path)).value == "Imported 1 catalyst(s)."
    assert t.undo_label() == "Import c.csv"
    t.undo()
    assert t.catalysts.for_thesis(t.theses.resolve("From a bundle")) == []
    from tests.model.interchange.peer_dataset import dataset
    peer = tmp_path / "peer.json"
    peer.write_text(json.dumps(dataset()), encoding="utf-8")
    assert t.ops.import_file(str(peer)).value.startswith(
        "Imported market-catalyst-calendar data: 3 new thesis(es), 8 new")


def test_an_import_that_writes_nothing_is_no_step(t, tmp_path):
    """The same peer file again changes nothing: no step to undo, no changes to apply."""
    from tests.model.interchange.peer_dataset import dataset
    peer = tmp_path / "peer.json"
    peer.write_text(json.dumps(dataset()), encoding="utf-8")
    t.ops.import_file(str(peer))
    steps = t.undo_history()[0]
    again = t.ops.import_file(str(peer))
    assert again.step is None and not again.changed and t.undo_history()[0] == steps
    assert "8 unchanged" in again.value


def test_delete_thesis_is_undone_whole(t, thesis):
    """Undo of a deleted thesis brings back the thesis with its catalysts and risks (#11)."""
    t.ops.add_catalyst(thesis.id, title="Ramp", expected="2027")
    t.ops.add_risk(thesis.id, title="Price war")
    t.ops.delete_thesis(thesis.id)
    with pytest.raises(NotFound):
        t.theses.get(thesis.id)
    t.undo()
    assert t.theses.get(thesis.id).title == "Optics"
    assert [c.title for c in t.catalysts.for_thesis(thesis.id)] == ["Ramp"]
    assert [r.title for r in t.risks.for_thesis(thesis.id)] == ["Price war"]


@pytest.mark.parametrize("value", [None, "", "   "])
def test_require_refuses_an_empty_argument_naming_it(value):
    """None, '' and blanks are refused with the argument's name (CLI and dialogs)."""
    with pytest.raises(ValidationError, match="The title must not be empty."):
        require(value, "title")


def test_require_lets_values_through():
    """A value, even a falsy one such as 0, is not taken for missing."""
    require("x", "title")
    require(0, "count")
