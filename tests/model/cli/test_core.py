"""model/cli/core.py (#2): list, show, add-thesis, set-status, set-conviction, tick and search
through main.main, and their error paths: a message on stderr starting with 'error:', a
non-zero exit, never a traceback."""

from __future__ import annotations

import pytest

from model.service import Tracker
from tests.model.cli.helpers import fails


def test_list_and_show(run):
    """`list` shows theses with their next catalyst; `show` prints a thesis in full by title
    prefix (#2)."""
    code, out, _ = run("list")
    assert code == 0 and "Big light" in out and "next catalyst" in out
    code, out, _ = run("list", "--status", "active")
    statuses = [line.split()[1] for line in out.splitlines()[2:]]
    assert code == 0 and statuses and set(statuses) == {"active"}
    code, out, _ = run("show", "big")
    assert code == 0
    for section in ("Beneficiaries", "Risks", "Catalysts", "Sources", "History", "中际旭创"):
        assert section in out


def test_add_thesis_status_conviction_with_history(run, db_path):
    """add-thesis prints the id; set-status --note and set-conviction are in `show`'s
    history (#2)."""
    code, out, _ = run("add-thesis", "Optical DSP pricing", "--theme", "Semis", "--conviction",
                       "2", "--tags", "dsp, pricing", "--next-review", "2027-01-01")
    assert code == 0 and "Added thesis #" in out
    code, out, _ = run("set-status", "optical dsp", "active", "--note", "first design wins")
    assert code == 0 and "draft -> active" in out
    code, out, _ = run("set-conviction", "Optical DSP", "4", "--note", "orders")
    assert code == 0 and "2 -> 4" in out
    code, out, _ = run("show", "Optical DSP")
    assert "status: draft -> active" in out and "first design wins" in out
    assert "conviction: 2 -> 4" in out


def test_tick_done_on_date_missed_and_reopen(run, db_path):
    """tick --on --note, --missed and --reopen change the catalyst and write history (#2)."""
    t = Tracker.open(db_path, seed_if_new=True)
    c = t.catalysts.add(thesis_id=t.theses.resolve("Big light"), title="Unique ramp event",
                        expected="Q3 2026")
    t.close()
    code, out, _ = run("tick", "unique ramp", "--on", "2026-08-03", "--note", "on time")
    assert code == 0 and "done on 2026-08-03" in out
    code, out, _ = run("tick", str(c.id), "--missed", "--thesis", "Big light")
    assert code == 0 and "missed" in out
    code, out, _ = run("tick", str(c.id), "--reopen")
    assert code == 0 and "pending" in out
    t = Tracker.open(db_path)
    assert [h.new for h in t.history.for_catalyst(c.id)] == ["done", "missed", "pending"]
    t.close()


def test_search(run):
    """search finds Chinese text, treats operators as words (no FTS syntax error) and says when
    nothing matches (#2)."""
    code, out, _ = run("search", "光模")
    assert code == 0 and "光模" in out
    code, out, _ = run("search", '"', "AND", "(")
    assert code == 0
    code, out, _ = run("search", "zzzqqq")
    assert code == 0 and "Nothing matches" in out


@pytest.mark.parametrize("args,words", [
    (["show", "no such thesis"], ["error:", "no such thesis"]),
    (["show", "s"], ["error:", "matches"]),
    (["show", "999"], ["error:", "999"]),
    (["set-status", "Big light", "active", "--note", "x\x00"], ["error:", "NUL"]),
    (["set-conviction", "Big light", "9"], ["error:", "1 to 5"]),
    (["set-conviction", "Big light", "high"], ["error:"]),
    (["tick", "999"], ["error:", "999"]),
    (["tick", "Thai", "--on", "2026-13-01"], ["error:", "2026-13-01"]),
    (["tick", "Thai", "--on", "0001-01-01"], ["error:", "0001-01-01", "1900 to 2200"]),
    (["tick", "Thai", "--missed", "--cancelled"], ["not allowed"]),
    (["add-thesis", " "], ["error:", "title"]),
    (["add-thesis", "x", "--next-review", "soon"], ["error:", "soon"]),
    (["set-status", "Big light", "zombie"], ["invalid choice"]),
    # Only ASCII digits are an id: '²' and '４' are titles no thesis has (int() raised on
    # '²', and took '４' for thesis 4); an id beyond SQLite's 64 bits names no row (it was an
    # OverflowError traceback).
    (["show", "²"], ["error:", "²"]),
    (["show", "４"], ["error:", "４"]),
    (["show", "99999999999999999999"], ["error:", "99999999999999999999"]),
    (["tick", "99999999999999999999"], ["error:", "99999999999999999999"]),
    (["tick", "²"], ["error:", "²"]),
    (["tick", "Thai", "--thesis", "99999999999999999999"], ["error:", "99999999999999999999"]),
])
def test_error_paths(run, args, words):
    """User mistakes give a message on stderr and a non-zero exit, no traceback (#2)."""
    run("list")
    fails(run(*args), *words)
