"""Every edit the desktop app makes, from the command line (#11): the same model operations,
each in --help, deletes asking first. Before #11 none of these commands existed."""

from __future__ import annotations

import pytest

import main
from model.service import Tracker


@pytest.fixture
def run(db_path, capsys, monkeypatch):
    """One command on the demo database: (exit code, stdout, stderr); stdin is not a terminal
    unless a test says so."""
    Tracker.open(db_path, seed_if_new=True).close()

    def call(*args, stdin: str | None = None):
        import io

        class Terminal(io.StringIO):
            def isatty(self):
                return stdin is not None
        monkeypatch.setattr("sys.stdin", Terminal(stdin or ""))
        try:
            code = main.main([str(a) for a in args] + ["--db", str(db_path)])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return call


@pytest.fixture
def look(db_path, clock):
    def read(fn):
        tracker = Tracker.open(db_path, clock=clock)
        try:
            return fn(tracker)
        finally:
            tracker.close()
    return read


def test_add_catalyst_then_move_its_window_is_one_slip(run, look):
    """add-catalyst takes the window research writes; set-window later is the slip the
    scorecard counts (the first window never is, #11 defect 4)."""
    code, out, _ = run("add-catalyst", "Big light", "Huawei ships 3.2T module",
                       "--expected", "mid-2027", "--impact", "+")
    assert code == 0 and "2027-05-01" in out
    assert look(lambda t: t.history.for_catalyst(t.catalysts.resolve("Huawei ships"))) == []
    assert run("set-window", "Huawei ships", "2028", "--note", "qualification slipped")[0] == 0

    def slips(t):
        catalyst_id = t.catalysts.resolve("Huawei ships")
        return [(h.field, h.old, h.new, h.note) for h in t.history.for_catalyst(catalyst_id)]
    assert look(slips) == [("window", "mid-2027", "2028", "qualification slipped")]


def test_risks_beneficiaries_sources_and_citations(run, look):
    """add-risk / edit-risk, add-beneficiary with a new company, add-source cited for the
    thesis, cite for a catalyst, edit-company, uncite and delete-source all land (#11)."""
    assert run("add-risk", "Big light", "Price war on 800G", "--severity", "4",
               "--likelihood", "3")[0] == 0
    assert run("edit-risk", "Price war", "--status", "materialised", "--note", "ASP -20%")[0] == 0
    assert run("add-beneficiary", "Big light", "Accelink", "--ticker", "002281.sz",
               "--local-name", "光迅科技", "--exchange", "SZSE", "--role", "DCI modules")[0] == 0
    assert run("edit-company", "002281.SZ", "--country", "CN")[0] == 0
    assert run("add-source", "LightCounting Q4 report", "--thesis", "Big light",
               "--publisher", "LightCounting", "--published", "2026-10-01")[0] == 0
    assert run("cite", "LightCounting", "--catalyst", "Google TPU v7", "--locator", "p. 12")[0] == 0

    def state(t):
        thesis_id = t.theses.resolve("Big light")
        risk = t.risks.get(t.risks.resolve("Price war"))
        ben = next(b for b in t.beneficiaries.for_thesis(thesis_id) if b.ticker == "002281.SZ")
        cited = {(c.thesis_id is not None, c.catalyst_id is not None, c.locator)
                 for c in t.sources.citations_for_thesis(thesis_id)
                 if c.source_id == t.sources.resolve("LightCounting")}
        status_rows = [h.new for h in t.history.for_thesis(thesis_id) if h.field == "risk"]
        return (risk.score, risk.status, ben.local_name, ben.exchange, ben.country, ben.role,
                cited, status_rows)
    assert look(state) == (12, "materialised", "光迅科技", "SZSE", "CN", "DCI modules",
                           {(True, False, ""), (False, True, "p. 12")}, ["materialised"])
    assert run("uncite", "Big light", "LightCounting")[0] == 0
    assert look(lambda t: [c for c in t.sources.citations_for_thesis(t.theses.resolve("Big"))
                           if c.source_id == t.sources.resolve("LightCounting")]) == []
    assert run("delete-source", "LightCounting", "--yes")[0] == 0
    assert run("remove-beneficiary", "Big light", "002281.SZ")[0] == 0


def test_edit_thesis_fields_and_nothing_to_change(run, look):
    """edit-thesis changes only the fields given; with none it says what it takes (#11)."""
    assert run("edit-thesis", "Big light", "--horizon", "2026-2028", "--tags", "optics, 光模块",
               "--next-review", "2026-12-15", "--cadence", "30")[0] == 0
    t = look(lambda t: t.theses.get(t.theses.resolve("Big light")))
    assert (t.horizon, t.tags, t.next_review, t.review_cadence_days) == (
        "2026-2028", "optics, 光模块", "2026-12-15", 30)
    code, _, err = run("edit-thesis", "Big light")
    assert code == 1 and "--title" in err and "--next-review" in err


def test_deletes_ask_first(run, look):
    """delete-thesis asks (y/N) on a terminal; anything but yes deletes nothing; without a
    terminal it refuses unless --yes; --yes deletes with everything the thesis holds (#11)."""
    before = look(lambda t: t.theses.count())
    code, out, err = run("delete-thesis", "Big light", stdin="n\n")
    assert code == 1 and "[y/N]" in out and "Nothing was deleted" in err
    code, _, err = run("delete-thesis", "Big light")
    assert code == 1 and "--yes" in err
    assert look(lambda t: t.theses.count()) == before
    assert run("delete-thesis", "Big light", stdin="y\n")[0] == 0
    assert look(lambda t: t.theses.count()) == before - 1
    code, _, err = run("delete-catalyst", "Google TPU v7", "--yes")    # went with its thesis
    assert code == 1 and "Google TPU v7" in err
    gone = look(lambda t: t.catalysts.resolve("NVIDIA Ethernet CPO"))
    assert run("delete-catalyst", "NVIDIA Ethernet CPO", "--yes")[0] == 0
    risk = look(lambda t: t.risks.for_thesis(t.theses.resolve("Small light"))[0])
    assert run("delete-risk", str(risk.id), "--yes")[0] == 0
    assert look(lambda t: (t.store.scalar("SELECT count(*) FROM catalyst WHERE id = ?", (gone,)),
                           t.store.scalar("SELECT count(*) FROM risk WHERE id = ?", (risk.id,)))
                ) == (0, 0)


@pytest.mark.parametrize("name", ["add-catalyst", "set-window", "edit-catalyst",
                                  "delete-catalyst", "add-risk", "edit-risk", "delete-risk",
                                  "add-beneficiary", "remove-beneficiary", "edit-company",
                                  "add-source", "cite", "uncite", "edit-source", "delete-source",
                                  "edit-thesis", "delete-thesis"])
def test_every_edit_command_is_in_help(capsys, name):
    """Each edit is a documented command: listed in --help with its own usage (#11)."""
    with pytest.raises(SystemExit):
        main.main(["--help"])
    assert name in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main.main([name, "--help"])
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize("args", [
    ("set-window", "{ref}", "2027"),
    ("edit-risk", "{ref}", "--severity", "2"),
    ("cite", "{ref}", "--thesis", "Big light"),
    ("cite", "LightCounting", "--risk", "{ref}"),
    ("cite", "LightCounting", "--catalyst", "{ref}"),
    ("delete-catalyst", "{ref}", "--yes"),
    ("edit-company", "{ref}", "--country", "CN"),
    ("delete-source", "{ref}", "--yes"),
])
@pytest.mark.parametrize("ref", ["99999999999999999999", "²", "４"])
def test_odd_ids_are_no_such_record(run, look, args, ref):
    """An id beyond SQLite's 64-bit range, or written in other digits ('²', '４'), names no
    record: one message naming it, exit 1, nothing changed. Before, '²' was a ValueError and
    the big id an OverflowError traceback, and '４' was taken for id 4."""
    run("add-source", "LightCounting Q4 report", "--thesis", "Big light")

    def rows(t):
        return [t.store.rows(f"SELECT * FROM {table} ORDER BY id")
                for table in ("catalyst", "risk", "citation", "company", "source")]
    before = look(rows)
    code, _, err = run(*[a.format(ref=ref) for a in args])
    assert code == 1 and err.startswith("error:") and ref in err, err
    assert len(err.strip().splitlines()) == 1
    assert look(rows) == before


@pytest.mark.parametrize("args, field, shown", [
    (("set-window", "Thai", "9999-12-31"), "expected window", "'9999-12-31'"),
    (("set-window", "Thai", "2026-01-01..2300-03-31"), "expected window",
     "'2026-01-01..2300-03-31'"),
    (("set-window", "Thai", "0026-01-01"), "expected window", "'0026-01-01'"),
    (("add-catalyst", "Big light", "x", "--expected", "0001-01-01"), "expected window",
     "'0001-01-01'"),
    (("edit-catalyst", "Thai", "--happened-on", "0001-01-01"), "date it happened",
     "'0001-01-01'"),
    (("edit-thesis", "Big light", "--next-review", "9999-12-31"), "next review date",
     "'9999-12-31'"),
    (("add-source", "Old report", "--published", "1899-12-31"), "published date",
     "'1899-12-31'"),
])
def test_days_outside_1900_to_2200_are_refused_and_the_calendar_exports(run, look, tmp_path,
                                                                        args, field, shown):
    """The attack's steps: `set-window 1 9999-12-31` was stored, then `export-ics` died with
    an OverflowError traceback; a range or an ISO day took any year (0026-01-01, a typo for
    2026, was year 26). Every typed day is now held to 1900-2200 with one message naming the
    field and the years, nothing is changed, and the calendar still exports."""
    def rows(t):
        return [t.store.rows(f"SELECT * FROM {table} ORDER BY id")
                for table in ("catalyst", "thesis", "source", "history")]
    before = look(rows)
    code, _, err = run(*args)
    assert code == 1 and err == f"error: The {field} {shown} is outside the years 1900 to 2200.\n"
    assert look(rows) == before
    code, out, err = run("export-ics", tmp_path / "o.ics")
    assert code == 0 and "event(s)" in out and not err


def test_bad_input_is_one_line_on_stderr(run, look):
    """A window that does not parse, an unknown thesis, a score out of range: exit 1, one
    message, nothing written (#11)."""
    before = look(lambda t: t.store.scalar("SELECT count(*) FROM catalyst"))
    for args, words in ((("add-catalyst", "Big light", "x", "--expected", "someday"), "someday"),
                        (("add-catalyst", "No such thesis", "x", "--expected", "2027"), "No"),
                        (("add-risk", "Big light", "r", "--severity", "9"), "1 to 5")):
        code, _, err = run(*args)
        assert code == 1 and err.startswith("error:") and words in err
    assert look(lambda t: t.store.scalar("SELECT count(*) FROM catalyst")) == before
