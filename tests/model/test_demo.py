"""Demo data (#2): the seeds from the reports, and seed-demo's synthetic databases."""

from __future__ import annotations

from model.date_windows import parse_window
from model.demo import seed_bundle, seed_demo


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
