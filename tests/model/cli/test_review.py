"""Commands of issue #7: upcoming, reviews, review, scorecard, import-peer (and import
detecting it)."""

from __future__ import annotations

import io
import json

import pytest

import main
from model.cli import COMMANDS, build_parser
from tests.model.interchange.peer_dataset import dataset, to_csv

# The conftest clock: 2026-11-24.


def run(tracker, *argv) -> str:
    args = build_parser().parse_args(list(argv))
    out = io.StringIO()
    assert COMMANDS[args.command].run(tracker, args, out) == 0
    return out.getvalue()


@pytest.fixture
def db(empty_tracker):
    t = empty_tracker
    a = t.theses.add(title="Alpha optics", theme="AI capex", status="active",
                     next_review="2026-11-20").id
    b = t.theses.add(title="Beta semis", theme="Semis", status="active").id
    t.catalysts.add(thesis_id=a, title="Late order", expected="2026-10-01")
    t.catalysts.add(thesis_id=b, title="Soon launch", expected="2026-12-10")
    t.catalysts.add(thesis_id=b, title="Far launch", expected="2027-03-01")
    return t, a, b


def test_upcoming_table_overdue_first(db):
    """The table lists the overdue catalyst first with its days overdue, then days to go, and
    counts the reviews due. Breaks if the command stops using the queue's order (#7)."""
    t, a, b = db
    text = run(t, "upcoming")
    lines = text.splitlines()
    assert lines[2].startswith("54 d overdue") and "Late order" in lines[2]
    assert lines[3].startswith("in 16 d") and "Soon launch" in lines[3]
    assert "Far launch" not in text
    assert "1 overdue, 1 under way or due in the next 30 days." in text
    assert "1 thesis review(s) due this week" in text
    assert "Far launch" in run(t, "upcoming", "--days", "120")


def test_upcoming_json_and_theme(db):
    """--format json gives the same rows as data; --theme narrows to matching theses (#7)."""
    t, a, b = db
    data = json.loads(run(t, "upcoming", "--format", "json"))
    assert data["today"] == "2026-11-24" and data["days"] == 30
    assert [(c["title"], c["state"], c["overdue_days"]) for c in data["catalysts"]] == [
        ("Late order", "overdue", 54), ("Soon launch", "upcoming", 0)]
    themed = json.loads(run(t, "upcoming", "--theme", "semis", "--format", "json"))
    assert [c["thesis_id"] for c in themed["catalysts"]] == [b]


def test_reviews_then_review_clears_it(db):
    """`reviews` lists the thesis past its date; `review` records it and sets the next date from
    the cadence, after which nothing is due (#7)."""
    t, a, b = db
    assert "Alpha optics" in run(t, "reviews") and "4 d overdue" in run(t, "reviews")
    text = run(t, "review", "Alpha", "--note", "All on track", "--conviction", "4")
    assert "conviction 3 -> 4" in text and "Next review 2027-02-22" in text
    assert run(t, "reviews").strip() == "No thesis reviews are due this week."
    assert t.reviews.for_thesis(a)[0].note == "All on track"
    run(t, "review", "Beta", "--note", "x", "--status", "watch", "--next", "2027-01-05")
    assert t.theses.get(b).next_review == "2027-01-05" and t.theses.get(b).status == "watch"


def test_scorecard_all_and_one(db):
    """`scorecard` prints every thesis and the totals; with a thesis, its own card (#7)."""
    t, a, b = db
    t.catalysts.tick(t.catalysts.resolve("Late order"), status="missed")
    t.catalysts.tick(t.catalysts.resolve("Soon launch"), status="done")
    text = run(t, "scorecard")
    assert "All 2 theses: 1 done, 1 missed, 0 cancelled, 1 pending" in text
    assert "positive hit rate 50% (1 of 2)" in text
    one = run(t, "scorecard", "Alpha")
    assert "Catalysts:   0 done, 1 missed, 0 cancelled, 0 pending (1 in all)" in one
    assert "Positive:    0 of 1 decided happened (0%)" in one and "Verdict:     open" in one


def test_import_peer_and_import_detects_it(empty_tracker, tmp_path):
    """`import-peer` imports a dataset; plain `import` recognises its JSON and CSV; the second
    import reports everything unchanged (#7)."""
    t = empty_tracker
    path = tmp_path / "peer.json"
    path.write_text(json.dumps(dataset()), encoding="utf-8")
    assert "8 new catalyst(s)" in run(t, "import-peer", str(path))
    assert "0 new catalyst(s), 0 updated, 8 unchanged" in run(t, "import", str(path))
    csv_path = tmp_path / "peer.csv"
    csv_path.write_text(to_csv(dataset()), encoding="utf-8")
    assert "8 unchanged" in run(t, "import", str(csv_path))


@pytest.mark.parametrize("argv, message", [
    (["review", "No such thesis", "--note", "x"], "No thesis"),
    (["review", "Alpha", "--note", "x", "--next", "soon"], "not a date"),
    (["upcoming", "--days", "-1"], "--days"),
    # Only ASCII digits are an id; one beyond SQLite's 64 bits names no thesis (these were a
    # ValueError and an OverflowError traceback).
    (["review", "²", "--note", "x"], "²"),
    (["review", "99999999999999999999", "--note", "x"], "99999999999999999999"),
    # Days are held to 1900-2200 (9999-12-31 was stored as the next review).
    (["review", "Alpha", "--note", "x", "--next", "9999-12-31"], "1900 to 2200"),
])
def test_user_mistakes_exit_1_without_traceback(db, db_path, capsys, argv, message):
    """Mistakes print 'error: ...' and exit 1, never a traceback (#7)."""
    t, a, b = db
    t.close()
    assert main.main(["--db", str(db_path), *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err
