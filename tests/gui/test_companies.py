"""gui/companies.py: Edit ▸ Companies… (#12 item 10). Every company with the theses it is in,
corrected in place as one undoable step each, duplicates merged into the one to keep; the list
follows every change while it is open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableView

import pytest

from gui.companies import CompaniesDialog, CompanyModel, MergeDialog
from gui.dialogs import Messages
from model.changes import Kind, OpChanges


@pytest.fixture
def dialog(window):
    shown = CompaniesDialog.show_for(window)
    yield shown
    shown.close()


def _row(model, name):
    return next(r for r in range(model.rowCount()) if model.record(r).name == name)


def test_every_company_shows_the_theses_it_is_in(qtmodeltester, tracker):
    """Each company row lists the theses it is in (count and titles, 'none' if unused), with the
    titles as a tooltip (#12 item 10)."""
    model = CompanyModel(tracker)
    qtmodeltester.check(model)
    assert [c.id for c in model.records()] == [c.id for c in tracker.companies.all()]
    used = tracker.companies.theses_of()
    for row in range(model.rowCount()):
        company = model.record(row)
        text = model.index(row, model.THESES).data()
        titles = used.get(company.id, [])
        assert text == (f"{len(titles)}: " + "; ".join(titles) if titles else "none")
        tip = model.index(row, model.THESES).data(Qt.ItemDataRole.ToolTipRole)
        assert (tip is None) == (not titles)
    lone = tracker.companies.add(name="Nobody's supplier")
    model.apply_changes(OpChanges.build({Kind.COMPANY: ([lone.id], [], [])}, []))
    assert model.index(model.row_of(lone.id), model.THESES).data() == "none"


def test_the_list_follows_edits_elsewhere_and_ignores_the_rest(tracker):
    """A company edited or given a thesis elsewhere updates its row in place; other kinds of change
    do nothing; only a reset reloads."""
    model = CompanyModel(tracker)
    tracker.subscribe(model.apply_changes)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    company = tracker.companies.all()[0]
    tracker.ops.edit_company(company.id, local_name="改名")
    assert model.record(model.row_of(company.id)).local_name == "改名" and not resets
    thesis = tracker.theses.add(title="Aardvark thesis")
    tracker.beneficiaries.add(thesis_id=thesis.id, company_id=company.id)
    assert "Aardvark thesis" in model.index(model.row_of(company.id), model.THESES).data()
    model.apply_changes(OpChanges.build({Kind.RISK: ([1], [], [])}, [1]))   # not its kinds
    model.apply_changes(OpChanges.everything())
    assert resets == [1]
    tracker.unsubscribe(model.apply_changes)


def test_a_cell_corrected_in_the_dialog_is_one_undoable_step(dialog, window):
    """Correcting a company in place is one step, shown at once, undone by Edit ▸ Undo; the Theses
    column is not editable."""
    model = dialog.model
    row = _row(model, window.tracker.companies.all()[0].name)
    company = model.record(row)
    assert model.flags(model.index(row, model.TICKER)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, model.THESES)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(row, model.EXCHANGE), "HKEX")
    assert window.tracker.companies.get(company.id).exchange == "HKEX"
    assert model.record(model.row_of(company.id)).exchange == "HKEX"       # followed at once
    window.actions_by_name["undo"].trigger()
    assert model.record(model.row_of(company.id)).exchange == company.exchange


def test_merge_moves_the_theses_and_selects_the_one_kept(dialog, window, monkeypatch):
    """Merge into… offers every other company, moves the duplicate's theses to the one kept, removes
    the duplicate and selects the kept one."""
    tracker = window.tracker
    keep = tracker.companies.all()[0]
    duplicate = tracker.companies.add(name=keep.name + " (dup)")
    thesis = tracker.theses.add(title="Uses the duplicate")
    tracker.beneficiaries.add(thesis_id=thesis.id, company_id=duplicate.id, role="x")
    model = dialog.model
    offered = []
    monkeypatch.setattr(MergeDialog, "ask", classmethod(
        lambda cls, parent, dup, others: offered.append((dup.id, [o.id for o in others]))
        or keep.id))
    dialog.table.setCurrentIndex(model.index_of(duplicate.id, 1))
    dialog.merge_button.click()
    assert offered and offered[0][0] == duplicate.id and duplicate.id not in offered[0][1]
    assert model.row_of(duplicate.id) is None
    assert dialog.table.current_record().id == keep.id
    assert [b.company_id for b in tracker.beneficiaries.for_thesis(thesis.id)] == [keep.id]


def test_merge_without_a_selection_says_what_to_do(dialog, monkeypatch):
    """Merge with nothing selected says to select the duplicate first."""
    said = []
    monkeypatch.setattr(Messages, "info", classmethod(
        lambda cls, parent, text, title="": said.append(text)))
    dialog.table.setCurrentIndex(dialog.model.index(-1, -1))
    dialog.table.clearSelection()
    dialog.merge()
    assert said == ["Select the duplicate company first."]


def test_a_cancelled_merge_changes_nothing(dialog, window, monkeypatch):
    """Cancel in the merge dialog leaves every company and the undo stack as they were."""
    monkeypatch.setattr(MergeDialog, "ask", classmethod(lambda cls, *a: None))
    count = dialog.model.rowCount()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    dialog.merge()
    assert dialog.model.rowCount() == count and not window.tracker.can_undo()


def test_merge_dialog_offers_the_others_and_answers_the_chosen_id(qtbot, tracker, when_modal):
    """The merge dialog lists the other companies and answers the id chosen, or None for Cancel."""
    companies = tracker.companies.all()
    seen = []

    def choose(box):
        seen.append([box.keep.itemData(i) for i in range(box.keep.count())])
        box.keep.setCurrentIndex(1)
        box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(choose)
    assert MergeDialog.ask(None, companies[0], companies[1:]) == companies[2].id
    assert seen == [[c.id for c in companies[1:]]]
    when_modal(lambda box: box.reject())
    assert MergeDialog.ask(None, companies[0], companies[1:]) is None


def test_the_dialog_needs_an_open_database_and_lets_go_of_it_when_closed(window):
    """Closing it stops it listening to the window's changes (it is deleted on close)."""
    from PySide6.QtCore import SIGNAL
    listening = window.bridge.receivers(SIGNAL("changed(PyObject)"))
    dialog = CompaniesDialog.show_for(window)
    assert dialog.findChild(QTableView, "companyTable") is not None and dialog.isVisible()
    assert window.bridge.receivers(SIGNAL("changed(PyObject)")) == listening + 1
    dialog.close()
    assert window.bridge.receivers(SIGNAL("changed(PyObject)")) == listening
    window.close_database()
    assert CompaniesDialog.show_for(window) is None


def test_merge_preselects_only_a_company_plainly_the_same(qtbot, tracker, when_modal):
    """A duplicate named like a known company opens with that one chosen; one like no other
    opens with nothing chosen and Merge disabled, so Enter cannot merge it into the first
    company of the alphabet (found by a walk through the app)."""
    from model.companies import likeness
    known = tracker.companies.by_ticker("300308.SZ")
    dup = tracker.companies.add(name="中际旭创")
    odd = tracker.companies.add(name="Nothing alike")
    seen = {}

    def look(box):
        ok = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen[box.keep.currentData()] = ok.isEnabled()
        box.reject()
    for company in (dup, odd):
        others = sorted((c for c in tracker.companies.all() if c.id != company.id),
                        key=lambda c, company=company: -likeness(company, c))
        when_modal(look)
        MergeDialog.ask(None, company, others)
    assert seen == {known.id: True, None: False}
