"""The JSON bundle (#2): export -> import into an empty database -> export is byte-identical,
for the demo data and for generated datasets; a bundle with problems imports nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import ImportFailed, UserError
from model.interchange.bundle import (
    FORMAT,
    VERSION,
    dumps,
    export_bundle,
    import_bundle,
    read_bundle_file,
    write_bundle,
)
from model.service import Tracker
from model.storage.store import Clock


def _round_trip(tracker, tmp_path, name="again"):
    first = tmp_path / f"{name}-1.json"
    write_bundle(tracker, first)
    other = Tracker.open(tmp_path / f"{name}.sqlite3", clock=tracker.clock)
    try:
        import_bundle(other, read_bundle_file(first))
        second = tmp_path / f"{name}-2.json"
        write_bundle(other, second)
        return first.read_bytes(), second.read_bytes(), other.check().ok
    finally:
        other.close()


def test_demo_round_trip_is_byte_identical(tracker, tmp_path):
    """The seeded database, with ticks, slips and status changes added, exports, imports into
    an empty database and exports again to the same bytes (#2)."""
    thesis_id = tracker.theses.resolve("Big light")
    tracker.theses.set_status(thesis_id, "watch", note="pricing pressure")
    cats = tracker.catalysts.for_thesis(thesis_id)
    tracker.catalysts.tick(cats[0].id, note="shipped")
    tracker.catalysts.update(cats[1].id, expected="2028", note="slipped")
    tracker.catalysts.delete(cats[2].id)      # its history rows lose their catalyst link
    first, second, ok = _round_trip(tracker, tmp_path)
    assert ok
    assert first == second
    data = json.loads(first)
    assert (data["format"], data["version"]) == (FORMAT, VERSION)
    big = next(t for t in data["theses"] if t["id"] == thesis_id)
    assert any(h["field"] == "status" and h["note"] == "pricing pressure" for h in big["history"])
    assert any(h["field"] == "window" and h["new"] == "2028" for h in big["history"])


def test_import_into_a_non_empty_database_maps_ids(tracker, tmp_path):
    """Importing twice gives new ids with references following; companies are matched by
    ticker instead of duplicated (#2)."""
    data = export_bundle(tracker)
    before = tracker.theses.count()
    companies = len(tracker.companies.all())
    counts = import_bundle(tracker, data)
    assert counts["theses"] == before == tracker.theses.count() - before
    assert counts["companies"] == len([c for c in data["companies"] if not c["ticker"]])
    assert len(tracker.companies.all()) == companies + counts["companies"]
    assert tracker.check().ok
    assert list((tracker.path.parent / "backups").glob("*before-import*"))


def _bundle(**thesis):
    return {"format": FORMAT, "version": VERSION, "companies": [{"id": 1, "name": "Co"}],
            "sources": [], "theses": [{"id": 1, "title": "T", **thesis}]}


@pytest.mark.parametrize("thesis,where", [
    (dict(catalysts=[{"id": 1, "title": "c", "expected": "whenever"}]), "catalysts[0]"),
    (dict(status="zombie"), "theses[0]"),
    (dict(conviction=9), "theses[0]"),
    (dict(beneficiaries=[{"company": 7}]), "beneficiaries[0]"),
    (dict(beneficiaries=["Co"]), "theses[0]"),
    (dict(citations=[{"source": 3}]), "citations[0]"),
    (dict(citations=["a source"]), "theses[0]"),
    (dict(risks=5), "theses[0]"),
    (dict(risks=[{"id": 1, "title": "r", "severity": 0}]), "risks[0]"),
    (dict(history=[{"at": "2026-01-01T00:00:00Z", "field": "status", "catalyst": 9}]),
     "history[0]"),
    (dict(history=["oops"]), "history[0]"),
    # Days outside 1900-2200, as the app refuses them when typed (were imported as given).
    (dict(next_review="0026-01-01"), "theses[0]"),
    (dict(catalysts=[{"id": 1, "title": "c", "expected": "9999-12-31"}]), "catalysts[0]"),
    (dict(catalysts=[{"id": 1, "title": "c", "expected": "2026", "status": "done",
                      "happened_on": "0001-01-01"}]), "catalysts[0]"),
])
def test_bad_bundle_imports_nothing_and_lists_problems(empty_tracker, thesis, where):
    """Any problem refuses the whole bundle with ImportFailed naming where it is; malformed
    parts are problems too, never a traceback (#2)."""
    with pytest.raises(ImportFailed) as info:
        import_bundle(empty_tracker, _bundle(**thesis))
    assert any(where in str(w) for w, _ in info.value.problems), info.value.problems
    assert "nothing was changed" in str(info.value)
    for table in ("thesis", "company", "history", "catalyst"):
        assert empty_tracker.store.scalar(f"SELECT count(*) FROM {table}") == 0


def test_several_problems_are_all_listed(empty_tracker):
    """A bundle with several problems lists them all at once, so one fix round is enough (#2)."""
    data = _bundle(catalysts=[{"id": 1, "title": "a", "expected": "soon"},
                              {"id": 2, "title": "", "expected": "2027"}])
    data["theses"].append({"id": 2})
    with pytest.raises(ImportFailed) as info:
        import_bundle(empty_tracker, data)
    assert len(info.value.problems) == 3
    assert empty_tracker.theses.count() == 0


@pytest.mark.parametrize("data", [[], {"format": "other"}, {"format": FORMAT, "version": 99},
                                  {"format": FORMAT, "version": "1"},
                                  {"format": FORMAT, "version": 1, "theses": {"a": 1}},
                                  {"format": FORMAT, "version": 1, "prices": {"1": 5},
                                   "companies": [{"id": 1, "name": "Co"}]}])
def test_not_a_bundle_or_wrong_version(empty_tracker, data):
    """Another JSON file, a newer or malformed version, or parts of the wrong shape are refused
    with a sentence, and nothing is written (#2)."""
    with pytest.raises(ImportFailed):
        import_bundle(empty_tracker, data)
    assert empty_tracker.store.scalar("SELECT count(*) FROM company") == 0


def test_unreadable_files(tmp_path):
    """Broken JSON names its line, a missing file is an ImportFailed sentence, and writing into
    a folder that does not exist is a UserError, never an OSError traceback (#2)."""
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        read_bundle_file(bad)
    assert "line 1" in str(info.value)
    with pytest.raises(ImportFailed):
        read_bundle_file(tmp_path / "missing.json")
    with pytest.raises(UserError):
        write_bundle(_Empty(), tmp_path / "no" / "such" / "dir.json")


class _Empty:
    """Just enough of a tracker for export_bundle on an empty store."""

    class store:  # noqa: N801
        @staticmethod
        def rows(sql, params=()):
            return []


# -- generated datasets ----------------------------------------------------------------------
safe_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    max_size=12)
titles = safe_text.filter(lambda s: s.strip())
windows = st.sampled_from(["H1 2026", "2H26", "Q3 2026", "second half of 2026", "end of 2027",
                           "2027", "Feb 2026", "2026-02-09", "2025年下半年"])

actions = st.lists(st.one_of(
    st.tuples(st.just("thesis"), titles, safe_text, st.integers(1, 5), safe_text),
    st.tuples(st.just("catalyst"), titles, windows, st.sampled_from("+-")),
    st.tuples(st.just("tick"), st.sampled_from(["done", "missed", "cancelled", "pending"]),
              safe_text),
    st.tuples(st.just("slip"), windows, safe_text),
    st.tuples(st.just("status"), st.sampled_from(["active", "watch", "broken"]), safe_text),
    st.tuples(st.just("risk"), titles, st.integers(1, 5), st.integers(1, 5)),
    st.tuples(st.just("company"), titles, safe_text, st.booleans()),
    st.tuples(st.just("source"), titles, safe_text),
    st.tuples(st.just("delete_catalyst")),
), min_size=1, max_size=25)


def _apply(tracker, steps, rng_index):
    theses, catalysts, companies, sources = [], [], [], []
    for n, step in enumerate(steps):
        kind = step[0]
        pick = lambda items, n=n: items[(n * 7 + rng_index) % len(items)]  # noqa: E731
        if kind == "thesis":
            t = tracker.theses.add(title=step[1], statement=step[2], conviction=step[3],
                                   tags=step[4])
            theses.append(t.id)
        elif not theses:
            continue
        elif kind == "catalyst":
            c = tracker.catalysts.add(thesis_id=pick(theses), title=step[1], expected=step[2],
                                      impact=step[3])
            catalysts.append(c.id)
        elif kind == "tick" and catalysts:
            tracker.catalysts.tick(pick(catalysts), status=step[1], note=step[2])
        elif kind == "slip" and catalysts:
            tracker.catalysts.update(pick(catalysts), expected=step[1], note=step[2])
        elif kind == "status":
            tracker.theses.set_status(pick(theses), step[1], note=step[2])
        elif kind == "risk":
            r = tracker.risks.add(thesis_id=pick(theses), title=step[1], severity=step[2],
                                  likelihood=step[3])
            if sources:
                tracker.sources.cite(pick(sources), risk_id=r.id)
        elif kind == "company":
            co = tracker.companies.add(name=step[1], local_name=step[2],
                                       ticker=f"T{n}" if step[3] else None)
            companies.append(co.id)
            tracker.beneficiaries.add(thesis_id=pick(theses), company_id=co.id, role=step[2])
        elif kind == "source":
            s = tracker.sources.add(title=step[1], summary=step[2], published_on="2025-11-01")
            sources.append(s.id)
            tracker.sources.cite(s.id, thesis_id=pick(theses), locator=step[2])
            if catalysts:
                tracker.sources.cite(s.id, catalyst_id=pick(catalysts))
        elif kind == "delete_catalyst" and catalysts:
            tracker.catalysts.delete(catalysts.pop())


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions, st.integers(0, 5))
def test_generated_datasets_round_trip(tmp_path_factory, steps, rng_index):
    """Whatever the service API writes survives export -> import -> export unchanged (#2)."""
    tmp = tmp_path_factory.mktemp("rt")
    clock = Clock.fixed(dt.datetime(2026, 11, 24, 10, tzinfo=dt.timezone.utc))
    tracker = Tracker.open(tmp / "a.sqlite3", clock=clock)
    try:
        _apply(tracker, steps, rng_index)
        first, second, ok = _round_trip(tracker, tmp)
    finally:
        tracker.close()
    assert ok
    assert first == second
    assert dumps(json.loads(first)) == first.decode("utf-8")
