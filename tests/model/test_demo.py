"""Demo data (#2): the seeds from the reports, and seed-demo's synthetic databases."""

from __future__ import annotations

from model.date_windows import parse_window
from model.demo import demo_thesis_ids, seed_bundle, seed_demo


def test_seeds_hold_what_the_issue_names():
    """Big/small/new light, the named companies and catalysts, and the reports as sources."""
    data = seed_bundle()
    titles = " ".join(t["title"] for t in data["theses"])
    for word in ("Big light", "Small light", "New light"):
        assert word in titles
    locals_ = {c["local_name"] for c in data["companies"]}
    assert {"中际旭创", "新易盛", "天孚通信", "东田微"} <= locals_
    assert any(c["name"].startswith("Lumentum") for c in data["companies"])
    assert len(data["sources"]) >= 3
    for thesis in data["theses"]:
        assert thesis["catalysts"] and thesis["risks"]
        for catalyst in thesis["catalysts"]:
            parse_window(catalyst["expected"])
        for citation in thesis["citations"]:
            assert citation["source"] in {s["id"] for s in data["sources"]}


def test_seed_demo_makes_a_consistent_big_database(empty_tracker):
    """seed-demo N adds N theses with about ten catalysts each, all valid (#2)."""
    seed_demo(empty_tracker, 50)
    assert empty_tracker.theses.count() == 50
    catalysts = empty_tracker.store.scalar("SELECT count(*) FROM catalyst")
    assert catalysts == 500
    assert empty_tracker.check().ok
    summaries = empty_tracker.theses.summaries()
    assert len(summaries) == 50
    assert sum(s.overdue for s in summaries) == empty_tracker.catalysts.overdue_count()
    seed_demo(empty_tracker, 5)              # a second run adds more without clashing
    assert empty_tracker.theses.count() == 55
    assert empty_tracker.search.thesis_ids("光模")


def test_demo_sources_cite_publisher_title_and_date_without_local_paths():
    """Every PDF printed the demo sources' links, '../shared/seeds/…', a path on no user's
    machine (#13): the sources name publisher and title (and date where the report has one)
    and link nowhere they cannot reach."""
    sources = seed_bundle()["sources"]
    for source in sources:
        assert source["title"].strip() and source["publisher"].strip()
        assert "shared" not in source["url"] and "seeds" not in source["url"]
        assert not source["url"] or source["url"].startswith("https://")
    dated = {s["id"]: s["published_on"] for s in sources}
    assert dated["soochow-2026-02"] == "2026-02-09" and dated["call-2025-12"] == "2025-12-01"


def test_demo_theses_are_recognisable(tracker):
    """Each demo thesis carries the demo's external_ref, so Remove demo theses finds them
    and nothing else (#13)."""
    ids = demo_thesis_ids(tracker)
    assert len(ids) == 5 == tracker.theses.count()
    mine = tracker.ops.add_thesis(title="My own thesis").value
    assert mine.id not in demo_thesis_ids(tracker)


def test_remove_demo_is_one_undoable_step_that_keeps_the_users_records(tracker):
    """Edit ▸ Remove demo theses (#13): the demo theses go with the demo's companies and
    sources nothing else uses; the user's thesis, and a demo company it names as a
    beneficiary, stay; one Undo brings every record back with its id."""
    before = {t: tracker.store.scalar(f"SELECT count(*) FROM {t}")
              for t in ("thesis", "catalyst", "company", "source", "citation")}
    mine = tracker.ops.add_thesis(title="Innolight margins").value
    innolight = tracker.companies.find_or_add(name="Zhongji Innolight", ticker="300308.SZ")
    tracker.ops.add_beneficiary(mine.id, company_id=innolight.id, role="module maker")
    result = tracker.ops.remove_demo()
    assert result.value == 5
    assert [t.id for t in tracker.theses.all()] == [mine.id]
    assert tracker.store.scalar("SELECT count(*) FROM catalyst") == 0
    assert tracker.store.scalar("SELECT count(*) FROM source") == 0
    assert [r["ticker"] for r in tracker.store.rows("SELECT ticker FROM company")] \
        == ["300308.SZ"]
    assert tracker.undo_label() == "Remove demo theses"
    tracker.undo()
    after = {t: tracker.store.scalar(f"SELECT count(*) FROM {t}")
             for t in ("thesis", "catalyst", "company", "source", "citation")}
    assert after == {**before, "thesis": before["thesis"] + 1}
    assert len(demo_thesis_ids(tracker)) == 5
    assert tracker.ops.remove_demo().value == 5
    assert tracker.ops.remove_demo().value == 0          # nothing left: nothing happens


def test_only_the_default_file_is_the_first_start(tmp_path, monkeypatch):
    """seed_if_new=None seeds the default file in the data folder and nothing else (#13)."""
    from model.service import Tracker
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("THESIS_TRACKER_DB", raising=False)
    chosen = Tracker.open(tmp_path / "chosen.sqlite3", seed_if_new=None)
    assert chosen.theses.count() == 0 and not chosen.demo_loaded
    chosen.close()
    first = Tracker.open(None, seed_if_new=None)
    assert first.path == tmp_path / "data" / "thesis-tracker" / "theses.sqlite3"
    assert first.theses.count() == 5 and first.demo_loaded
    first.close()
    again = Tracker.open(None, seed_if_new=None)
    assert again.theses.count() == 5 and not again.demo_loaded      # not the first start
    again.close()



def test_importing_the_demo_again_adds_copies_that_are_the_users(tracker):
    """A bundle of the demo imported into a database that has the demo (File ▸ Import of an
    export) adds copies, as before #13, instead of failing on the demo's external_ref; the
    copies are the user's, so Remove demo theses leaves them."""
    tracker.ops.import_bundle(seed_bundle(), backup=False)
    assert tracker.theses.count() == 10
    assert len(demo_thesis_ids(tracker)) == 5
    assert tracker.ops.remove_demo().value == 5
    assert tracker.theses.count() == 5
