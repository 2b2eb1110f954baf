"""Undo and redo as exact row images (#11), checked over random sequences of what users do.

A hypothesis state machine adds, edits, ticks, deletes and imports through ``tracker.ops``,
and undoes and redoes at random. After every step:
- undo and redo land exactly on the state recorded before and after that step;
- an operation touches only the records it names (and history rows of its thesis);
- its OpChanges name exactly the records that changed, by kind and id.
At the end of each sequence, undoing everything gives an export identical to the start and
redoing everything gives the end again. 300 sequences by default, 2,000 with --runslow.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from model.changes import Kind
from model.errors import UserError
from model.interchange.bundle import export_bundle
from model.service import Tracker
from model.storage.store import Clock
from model.undo import UndoRefused

CLOCK = Clock.fixed(dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone.utc))
TABLES = ("thesis", "company", "source", "beneficiary", "risk", "catalyst", "citation",
          "history", "price")
KEYS = {"price": ("company_id", "day")}
WINDOWS = ("H1 2026", "2H26", "Q3 2027", "end of 2027", "2026-12-15", "mid-2027", "2028")
TEXT = st.text(alphabet=st.sampled_from("abcxyz 光模块-&'\""), min_size=1, max_size=12).filter(
    lambda s: s.strip())


def snapshot(tracker: Tracker) -> dict[str, dict[tuple, tuple]]:
    """Every record row by table and key. History rows marked undone are left out (and the
    mark itself): an undone change is as if it never happened, bar its note in the log."""
    conn = tracker.store.conn
    found = {}
    for table in TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                   if r[1] != "undone_at"]
        where = " WHERE undone_at IS NULL" if table == "history" else ""
        keys = KEYS.get(table, ("id",))
        positions = [columns.index(k) for k in keys]
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}{where}").fetchall()
        found[table] = {tuple(row[p] for p in positions): tuple(row) for row in rows}
    return found


def diff(before: dict, after: dict) -> dict[str, set[tuple]]:
    """Keys added, changed or removed, by table."""
    return {table: {key for key in before[table].keys() | after[table].keys()
                    if before[table].get(key) != after[table].get(key)}
            for table in TABLES}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A small database (two theses with parts) copied for every sequence."""
    path = tmp_path_factory.mktemp("undo") / "template.sqlite3"
    tracker = Tracker.open(path, clock=CLOCK, daily_backup=False)
    for title in ("Big light", "Small light"):
        thesis = tracker.theses.add(title=title, theme="Optics", statement="s")
        c = tracker.catalysts.add(thesis_id=thesis.id, title=f"{title} ramp", expected="H2 2026")
        tracker.risks.add(thesis_id=thesis.id, title=f"{title} price war")
        company = tracker.companies.add(name=f"{title} Co", ticker=f"T{thesis.id}.SZ")
        tracker.beneficiaries.add(thesis_id=thesis.id, company_id=company.id, role="modules")
        source = tracker.sources.add(title=f"{title} note", publisher="Broker")
        tracker.sources.cite(source.id, catalyst_id=c.id, locator="p. 1")
        tracker.sources.cite(source.id, thesis_id=thesis.id)
    tracker.close()
    return path


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> dict:
    """A bundle of one thesis with a catalyst, a risk, a new company and a cited source."""
    path = tmp_path_factory.mktemp("bundle") / "source.sqlite3"
    tracker = Tracker.open(path, clock=CLOCK, daily_backup=False)
    thesis = tracker.theses.add(title="Imported: CPO", theme="New light")
    c = tracker.catalysts.add(thesis_id=thesis.id, title="CPO switch ships",
                              expected="H2 2026")
    tracker.catalysts.tick(c.id, on="2026-11-01", note="shipped")
    tracker.risks.add(thesis_id=thesis.id, title="Yield", severity=4)
    company = tracker.companies.add(name="Imported Co", ticker="IMP.SZ")
    tracker.beneficiaries.add(thesis_id=thesis.id, company_id=company.id)
    data = export_bundle(tracker)
    tracker.close()
    return data


class UndoMachine(RuleBasedStateMachine):
    theses = Bundle("theses")
    catalysts = Bundle("catalysts")
    risks = Bundle("risks")

    def __init__(self):
        super().__init__()
        self.path = self.folder / f"db-{id(self)}.sqlite3"
        shutil.copyfile(self.template_path, self.path)
        self.tracker = Tracker.open(self.path, clock=CLOCK, daily_backup=False, verify=False)
        self.start = export_bundle(self.tracker)
        self.states = [snapshot(self.tracker)]     # state after each step still on the stack
        self.position = 0                          # which of them the file is in

    # -- set-up: the template's records ---------------------------------------------------------
    @precondition(lambda self: self.tracker.theses.count())
    @rule(target=theses)
    def existing_thesis(self):
        return self.tracker.theses.ids()[0]

    @precondition(lambda self: self.tracker.store.scalar("SELECT count(*) FROM catalyst"))
    @rule(target=catalysts)
    def existing_catalyst(self):
        return self.tracker.store.scalar("SELECT min(id) FROM catalyst")

    @precondition(lambda self: self.tracker.store.scalar("SELECT count(*) FROM risk"))
    @rule(target=risks)
    def existing_risk(self):
        return self.tracker.store.scalar("SELECT min(id) FROM risk")

    # -- operations ------------------------------------------------------------------------------
    def run(self, operation, *, allowed):
        """Run one operation; check what it touched against ``allowed(table, key, before,
        after)``, and its OpChanges against what really changed; record the new state."""
        before = self.states[self.position]
        try:
            result = operation()
        except UserError:
            assert snapshot(self.tracker) == before, "a refused operation changed the file"
            return None
        after = snapshot(self.tracker)
        changed = diff(before, after)
        for table, keys in changed.items():
            for key in keys:
                assert allowed(table, key, before[table].get(key), after[table].get(key)), (
                    f"{result.changes.label} touched {table} {key}")
        for table in TABLES:
            kind = Kind(table)
            named = result.changes.of(kind).ids
            really = {k[0] for k in changed[table]}
            if table == "history":
                # A step may add a row and have it deleted with its thesis in the same step.
                assert really <= named, result.changes.label
            else:
                assert named == really, (result.changes.label, table, named, really)
        if result.step is None:
            assert not any(changed.values()), "a change without an undo step"
        else:
            del self.states[self.position + 1:]
            self.states.append(after)
            self.position += 1
        return result

    @rule(target=theses, title=TEXT)
    def add_thesis(self, title):
        result = self.run(lambda: self.tracker.ops.add_thesis(title=title),
                          allowed=lambda table, key, old, new: old is None
                          and table in ("thesis", "history"))
        return result.value.id if result else -1

    @rule(thesis=theses, field=st.sampled_from(["title", "theme", "statement", "tags",
                                                "next_review", "horizon"]), value=TEXT)
    def edit_thesis(self, thesis, field, value):
        if field == "next_review":
            value = "2027-01-15" if len(value) % 2 else ""
        self.run(lambda: self.tracker.ops.edit_thesis(thesis, **{field: value}),
                 allowed=self.only_thesis(thesis))

    @rule(thesis=theses, conviction=st.integers(1, 5), status=st.sampled_from(
        ["draft", "active", "watch", "confirmed", "broken"]))
    def change_conviction_and_status(self, thesis, conviction, status):
        self.run(lambda: self.tracker.ops.set_conviction(thesis, conviction, note="n"),
                 allowed=self.only_thesis(thesis))
        self.run(lambda: self.tracker.ops.set_status(thesis, status),
                 allowed=self.only_thesis(thesis))

    @rule(thesis=theses, note=TEXT)
    def review(self, thesis, note):
        self.run(lambda: self.tracker.ops.review(thesis, note=note, cadence=30),
                 allowed=self.only_thesis(thesis))

    @rule(target=catalysts, thesis=theses, title=TEXT, window=st.sampled_from(WINDOWS))
    def add_catalyst(self, thesis, title, window):
        result = self.run(
            lambda: self.tracker.ops.add_catalyst(thesis, title=title, expected=window),
            allowed=lambda table, key, old, new: old is None and table == "catalyst")
        return result.value.id if result else -1

    @rule(catalyst=catalysts, window=st.sampled_from(WINDOWS))
    def move_window(self, catalyst, window):
        self.run(lambda: self.tracker.ops.set_window(catalyst, window),
                 allowed=self.only_catalyst(catalyst))

    @rule(catalyst=catalysts, status=st.sampled_from(["done", "missed", "cancelled",
                                                      "pending"]),
          day=st.sampled_from(["2026-11-24", "2026-06-30", "2030-01-01"]))
    def tick(self, catalyst, status, day):
        self.run(lambda: self.tracker.ops.tick(catalyst, status=status, on=day, note="x"),
                 allowed=self.only_catalyst(catalyst))

    @rule(catalyst=consumes(catalysts))
    def delete_catalyst(self, catalyst):
        thesis = self.thesis_of("catalyst", catalyst)
        self.run(lambda: self.tracker.ops.delete_catalyst(catalyst),
                 allowed=lambda table, key, old, new: (
                     (table == "catalyst" and key == (catalyst,))
                     or (table == "citation" and old and old[4] == catalyst and new is None)
                     or (table == "history" and (old or new)[2] == thesis)))

    @rule(target=risks, thesis=theses, title=TEXT, severity=st.integers(1, 5))
    def add_risk(self, thesis, title, severity):
        result = self.run(lambda: self.tracker.ops.add_risk(thesis, title=title,
                                                            severity=severity),
                          allowed=lambda table, key, old, new: old is None and table == "risk")
        return result.value.id if result else -1

    @rule(risk=risks, status=st.sampled_from(["open", "materialised", "retired"]))
    def risk_status(self, risk, status):
        thesis = self.thesis_of("risk", risk)
        self.run(lambda: self.tracker.ops.edit_risk(risk, status=status),
                 allowed=lambda table, key, old, new: (
                     (table == "risk" and key == (risk,))
                     or (table == "history" and old is None and new[2] == thesis)))

    @rule(risk=consumes(risks))
    def delete_risk(self, risk):
        self.run(lambda: self.tracker.ops.delete_risk(risk),
                 allowed=lambda table, key, old, new: (
                     (table == "risk" and key == (risk,))
                     or (table == "citation" and old and old[3] == risk and new is None)))

    @rule(thesis=theses, title=TEXT)
    def add_source_and_beneficiary(self, thesis, title):
        self.run(lambda: self.tracker.ops.add_source(title=title, thesis_id=thesis,
                                                     publisher="P"),
                 allowed=lambda table, key, old, new: old is None
                 and table in ("source", "citation"))
        self.run(lambda: self.tracker.ops.add_beneficiary(thesis, name=title,
                                                          ticker=f"X{abs(hash(title)) % 9999}"),
                 allowed=lambda table, key, old, new: old is None
                 and table in ("company", "beneficiary"))

    @rule(catalyst=catalysts, locator=TEXT)
    def cite_a_source_for_a_catalyst(self, catalyst, locator):
        source = self.tracker.store.scalar("SELECT max(id) FROM source")
        self.run(lambda: self.tracker.ops.cite(source, catalyst_id=catalyst, locator=locator),
                 allowed=lambda table, key, old, new: old is None and table == "citation")

    @rule(thesis=theses)
    def take_a_source_off_a_thesis(self, thesis):
        cited = self.tracker.sources.citations_for_thesis(thesis) if thesis > 0 else []
        if not cited:
            return
        source = cited[0].source_id
        self.run(lambda: self.tracker.ops.remove_source_from_thesis(thesis, source),
                 allowed=lambda table, key, old, new: table == "citation" and new is None
                 and old[1] == source)

    @rule(catalyst=catalysts, title=TEXT, impact=st.sampled_from("+-"))
    def edit_catalyst(self, catalyst, title, impact):
        self.run(lambda: self.tracker.ops.edit_catalyst(catalyst, title=title, impact=impact),
                 allowed=self.only_catalyst(catalyst))

    @rule(name=TEXT)
    def edit_a_company(self, name):
        company = self.tracker.store.scalar("SELECT min(id) FROM company")
        self.run(lambda: self.tracker.ops.edit_company(company, name=name),
                 allowed=lambda table, key, old, new: table == "company" and key == (company,))

    @rule(role=TEXT)
    def edit_then_remove_a_beneficiary(self, role):
        found = self.tracker.store.scalar("SELECT max(id) FROM beneficiary")
        if found is None:
            return
        mine = lambda table, key, old, new: table == "beneficiary" and key == (found,)  # noqa
        self.run(lambda: self.tracker.ops.edit_beneficiary(found, role=role), allowed=mine)
        self.run(lambda: self.tracker.ops.remove_beneficiary(found), allowed=mine)

    @rule(thesis=consumes(theses))
    def delete_thesis(self, thesis):
        before = self.states[self.position]
        owned = {("catalyst", k) for k, row in before["catalyst"].items() if row[1] == thesis}
        owned |= {("risk", k) for k, row in before["risk"].items() if row[1] == thesis}
        self.run(lambda: self.tracker.ops.delete_thesis(thesis),
                 allowed=lambda table, key, old, new: new is None and (
                     (table == "thesis" and key == (thesis,))
                     or (table in ("catalyst", "risk", "beneficiary", "history")
                         and old[1 if table != "history" else 2] == thesis)
                     or (table == "citation" and (old[2] == thesis
                                                  or ("risk", (old[3],)) in owned
                                                  or ("catalyst", (old[4],)) in owned))))

    @rule()
    def import_a_bundle(self):
        self.run(lambda: self.tracker.ops.import_bundle(self.bundle_data, backup=False),
                 allowed=lambda table, key, old, new: old is None)

    # -- undo and redo ---------------------------------------------------------------------------
    @precondition(lambda self: self.tracker.can_undo())
    @rule()
    def undo(self):
        self.tracker.undo()
        self.position -= 1
        assert snapshot(self.tracker) == self.states[self.position]

    @precondition(lambda self: self.tracker.can_redo())
    @rule()
    def redo(self):
        self.tracker.redo()
        self.position += 1
        assert snapshot(self.tracker) == self.states[self.position]

    @invariant()
    def the_stacks_match_the_states(self):
        done, undone = self.tracker.undo_history()
        assert len(done) == self.position
        assert len(done) + len(undone) == len(self.states) - 1

    def teardown(self):
        try:
            now, position = export_bundle(self.tracker), self.position
            while self.tracker.can_undo():
                self.tracker.undo()
            assert export_bundle(self.tracker) == self.start, "undoing everything"
            for _ in range(position):
                self.tracker.redo()
            assert export_bundle(self.tracker) == now, "redoing back to where it was"
            while self.tracker.can_redo():
                self.tracker.redo()
            assert snapshot(self.tracker) == self.states[-1], "redoing everything"
            assert self.tracker.check().ok
        finally:
            self.tracker.close()

    # -- what an operation may touch -------------------------------------------------------------
    def thesis_of(self, table: str, record_id: int) -> int | None:
        row = self.states[self.position][table].get((record_id,))
        return None if row is None else row[1]

    def only_thesis(self, thesis: int):
        return lambda table, key, old, new: (
            (table == "thesis" and key == (thesis,))
            or (table == "history" and old is None and new[2] == thesis))

    def only_catalyst(self, catalyst: int):
        thesis = self.thesis_of("catalyst", catalyst)
        return lambda table, key, old, new: (
            (table == "catalyst" and key == (catalyst,))
            or (table == "history" and old is None and new[2] == thesis))


def _run(template, bundle, tmp_path, examples: int) -> None:
    UndoMachine.template_path = template
    UndoMachine.bundle_data = bundle
    UndoMachine.folder = tmp_path
    test = UndoMachine.TestCase
    test.settings = settings(max_examples=examples, stateful_step_count=25, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow,
                                                    HealthCheck.filter_too_much])
    test("runTest").runTest()


def test_random_edits_undo_and_redo_exactly(template, bundle, tmp_path):
    """300 random sequences of add / edit / tick / delete / import / undo / redo (#11)."""
    _run(template, bundle, tmp_path, 300)


@pytest.mark.slow
def test_random_edits_undo_and_redo_exactly_2000_sequences(template, bundle, tmp_path):
    """The same with 2,000 sequences (--runslow)."""
    _run(template, bundle, tmp_path, 2000)


def test_an_undo_refused_for_another_writer_leaves_both_stacks(tmp_path):
    """A step whose record another program deleted is refused with the record named; the
    stacks and the file stay as they were (#11 defect 2)."""
    path = tmp_path / "t.sqlite3"
    tracker = Tracker.open(path, clock=CLOCK, daily_backup=False)
    thesis = tracker.ops.add_thesis(title="T").value
    catalyst = tracker.ops.add_catalyst(thesis.id, title="Ramp", expected="2027").value
    other = sqlite3.connect(path)
    other.execute("PRAGMA foreign_keys = ON")
    other.execute("DELETE FROM catalyst WHERE id = ?", (catalyst.id,))
    other.commit()
    other.close()
    history = tracker.undo_history()
    with pytest.raises(UndoRefused, match="“Ramp” was deleted elsewhere"):
        tracker.undo()
    assert tracker.undo_history() == history and not tracker.can_redo()
    tracker.drop_undo_step()
    tracker.undo()                          # the step before it still applies
    assert tracker.theses.count() == 0
    tracker.close()


def _write_around_the_date_triggers(path, *statements) -> None:
    """What another SQLite tool did before schema 5: dates that are no dates."""
    conn = sqlite3.connect(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "AND name LIKE '%is_a_date%'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        conn.execute(statement)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_deleting_a_thesis_with_an_old_unreal_date_can_be_undone(tmp_path):
    """A thesis whose review date another tool wrote as "soon" (and a catalyst ending on
    30 February) is deleted, then Undo: it comes back exactly as it was. Before, the date
    triggers refused the rows undo put back, and the thesis was lost."""
    path = tmp_path / "t.sqlite3"
    tracker = Tracker.open(path, clock=CLOCK, daily_backup=False)
    thesis = tracker.ops.add_thesis(title="Old file").value
    catalyst = tracker.ops.add_catalyst(thesis.id, title="Ramp", expected="Q1 2026").value
    tracker.close()
    _write_around_the_date_triggers(
        path, f"UPDATE thesis SET next_review = 'soon' WHERE id = {thesis.id}",
        f"UPDATE catalyst SET window_end = '2026-02-30' WHERE id = {catalyst.id}")
    tracker = Tracker.open(path, clock=CLOCK, daily_backup=False)
    before = export_bundle(tracker)
    tracker.ops.delete_thesis(thesis.id)
    tracker.undo()
    assert export_bundle(tracker) == before
    assert tracker.store.scalar("SELECT next_review FROM thesis WHERE id = ?",
                                (thesis.id,)) == "soon"
    assert tracker.store.scalar("SELECT count(*) FROM undo_in_progress") == 0
    tracker.redo()
    tracker.undo()
    assert export_bundle(tracker) == before
    tracker.close()
    # Outside undo the triggers still refuse a date that is no date, whoever writes it.
    other = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError, match="next_review must be a date"):
        other.execute("UPDATE thesis SET next_review = 'later' WHERE id = ?", (thesis.id,))
    with pytest.raises(sqlite3.IntegrityError, match="window_end must be a date"):
        other.execute("INSERT INTO catalyst (thesis_id, title, expected, window_start, "
                      "window_end) VALUES (?, 'x', 'x', '2026-01-01', 'soon')", (thesis.id,))
    other.close()


def test_ids_are_never_reused_so_a_redo_never_collides(tmp_path):
    """Undo an add, let another program add a record, redo: the redone record keeps its id
    and the other one has a new id (AUTOINCREMENT, #11 defect 1)."""
    path = tmp_path / "t.sqlite3"
    tracker = Tracker.open(path, clock=CLOCK, daily_backup=False)
    first = tracker.ops.add_thesis(title="A").value
    tracker.undo()
    other = Tracker.open(path, clock=CLOCK, daily_backup=False, undo=False)
    c = other.theses.add(title="C")
    other.close()
    assert c.id != first.id
    tracker.redo()
    assert tracker.theses.get(first.id).title == "A" and tracker.theses.get(c.id).title == "C"
    tracker.close()


def test_a_huge_operation_is_described_as_a_reset_and_not_kept(tmp_path, monkeypatch):
    """An operation writing more rows than MAX_STEP_ROWS tells views to reload and keeps no
    undo step (its images would hold the whole import in memory)."""
    import model.storage.store as store_module
    monkeypatch.setattr(store_module, "MAX_STEP_ROWS", 3)
    tracker = Tracker.open(tmp_path / "t.sqlite3", clock=CLOCK, daily_backup=False)
    result = tracker.ops.add_thesis(title="small")
    assert result.step is not None
    thesis = result.value
    with tracker.store.write("Many"):
        for n in range(5):
            tracker.catalysts.add(thesis_id=thesis.id, title=f"c{n}", expected="2027")
    assert tracker.store.last_write.changes.reset and tracker.store.last_write.step is None
    assert tracker.undo_label() == "New thesis “small”"
    tracker.close()
