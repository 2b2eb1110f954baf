"""Promise 7 of #6 (text and search): every text field round-trips exactly, NUL and lone
surrogates are refused with a message, search never raises, hostile names leave the schema alone."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import UserError, ValidationError
from model.service import Tracker


@pytest.fixture(scope="module")
def fast(tmp_path_factory, clock_module):
    """One database for the whole module; fsync off because durability is not tested here."""
    tracker = Tracker.open(tmp_path_factory.mktemp("hostile") / "h.sqlite3", seed_if_new=True,
                           clock=clock_module, daily_backup=False)
    tracker.store.conn.execute("PRAGMA synchronous = OFF")
    yield tracker
    tracker.close()


@pytest.fixture(scope="module")
def searchable(tmp_path_factory, clock_module):
    """The demo data alone (the round-trip tests' thousands of rows would only slow search)."""
    tracker = Tracker.open(tmp_path_factory.mktemp("search") / "s.sqlite3", seed_if_new=True,
                           clock=clock_module, daily_backup=False)
    yield tracker
    tracker.close()


@pytest.fixture(scope="module")
def clock_module():
    import datetime as dt

    from model.storage.store import Clock
    return Clock.fixed(dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone.utc))


def _thesis(t):
    return t.store.scalar("SELECT min(id) FROM thesis")


def _role(t, value):
    """Edit the role of one beneficiary kept for the purpose (no other rows written)."""
    found = t.store.scalar("SELECT min(id) FROM beneficiary")
    return t.beneficiaries.update(found, role=value).role


def _note(t, value):
    """A conviction change on the first thesis, alternating 2 and 4, with ``value`` as note."""
    thesis = t.theses.get(_thesis(t))
    t.theses.set_conviction(thesis.id, 2 if thesis.conviction != 2 else 4, note=value)
    return t.history.for_thesis(thesis.id)[0].note


# (field, strips surrounding blanks, required, write(tracker, value) -> value read back)
FIELDS = {
    "thesis title": (True, True, lambda t, v: t.theses.add(title=v).title),
    "thesis theme": (True, False, lambda t, v: t.theses.add(title="x", theme=v).theme),
    "thesis statement": (False, False, lambda t, v: t.theses.get(
        t.theses.add(title="x", statement=v).id).statement),
    "thesis horizon": (True, False, lambda t, v: t.theses.add(title="x", horizon=v).horizon),
    "catalyst title": (True, True, lambda t, v: t.catalysts.add(
        thesis_id=_thesis(t), title=v, expected="2027").title),
    "catalyst description": (False, False, lambda t, v: t.catalysts.add(
        thesis_id=_thesis(t), title="c", expected="2027", description=v).description),
    "catalyst outcome": (False, False, lambda t, v: t.catalysts.add(
        thesis_id=_thesis(t), title="c", expected="2027", outcome=v).outcome),
    "risk title": (True, True, lambda t, v: t.risks.add(thesis_id=_thesis(t), title=v).title),
    "risk description": (False, False, lambda t, v: t.risks.add(
        thesis_id=_thesis(t), title="r", description=v).description),
    "company name": (True, True, lambda t, v: t.companies.add(name=v).name),
    "company local name": (True, False,
                           lambda t, v: t.companies.add(name="c", local_name=v).local_name),
    "source title": (True, True, lambda t, v: t.sources.add(title=v).title),
    "source summary": (False, False, lambda t, v: t.sources.add(title="s", summary=v).summary),
    "beneficiary role": (False, False, _role),
    "history note": (False, False, _note),
}

# Any Unicode except what SQLite/UTF-8 cannot hold (tested separately below).
_any_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    max_size=40)
_scripts = st.sampled_from(["光模块", "數據中心", "データ", "שלום", "مرحبا", "👩‍👩‍👧📈", "e\u0301",
                            "\u200f", "\t", "\r\n", "  ", "'", '"', "\\", "%_", "\ufeff"])
_mixed = st.lists(st.one_of(_any_text, _scripts), max_size=4).map("".join)


def check_roundtrip(tracker, field, value):
    strips, required, write = FIELDS[field]
    expected = value.strip() if strips else value
    if required and not expected:
        with pytest.raises(ValidationError, match="must not be empty"):
            write(tracker, value)
        return
    assert write(tracker, value) == expected


@pytest.mark.parametrize("field", list(FIELDS))
@settings(max_examples=2000 // len(FIELDS) + 1, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_mixed)
def test_every_text_field_round_trips_exactly(fast, field, value):
    """Hypothesis, 2,000 examples across 15 fields: CJK, emoji, RTL, combining marks, BOMs,
    quotes and control characters come back exactly as typed (titles and names lose only
    their surrounding blanks) (#6)."""
    check_roundtrip(fast, field, value)


@pytest.mark.parametrize("field", [f for f, (strips, _, _) in FIELDS.items() if not strips])
def test_one_megabyte_texts_round_trip(fast, field):
    """A 1 MB statement, description or note (mixed scripts) is stored and read back whole (#6)."""
    chunk = "光模块 CPO 800G — שלום 👩‍👩‍👧 données\n"
    value = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    check_roundtrip(fast, field, value)


@pytest.mark.parametrize("field", list(FIELDS))
@pytest.mark.parametrize("bad", ["a\x00b", "lone \ud800 surrogate", "\udfff"])
def test_nul_and_lone_surrogates_are_refused_with_a_message(fast, field, bad):
    """NUL would cut the text short in C code and a lone surrogate cannot be encoded: both are
    refused with a message naming the problem, and nothing is saved (#6)."""
    before = fast.store.scalar("SELECT total_changes()")
    with pytest.raises(ValidationError, match="NUL|surrogate"):
        FIELDS[field][2](fast, bad)
    assert fast.store.scalar("SELECT total_changes()") == before


# -- search ------------------------------------------------------------------------------
PUNCTUATION = list(string.punctuation) + list("，。、；：？！…—「」『』【】《》（）·‘’“”«»¿¡§¶†‡•")
OPERATORS = ["AND", "OR", "NOT", "NEAR", "NEAR(", "a OR", "OR b", "OR OR", "NOT NOT", "*", "a*",
             "^a", "a:b", "body:x", "(a", "a)", '"', '""', '"a', "a\"b", "-", "+a", "a NEAR/2 b",
             "{a b}", "\x00", "", " ", "\t\n", "'", "''", "\\", "%", "_", "[", "]"]


def test_search_never_raises_on_punctuation_operators_or_empty(searchable):
    """Every punctuation mark alone, doubled, between words; FTS5 operators; empty input: no
    exception, a list back (#6)."""
    queries = OPERATORS + PUNCTUATION + [p * 2 for p in PUNCTUATION] + \
        [f"光{p}模" for p in PUNCTUATION] + [f"light {p} cpo" for p in PUNCTUATION]
    for query in queries:
        assert isinstance(searchable.search.search(query), list), query
        searchable.search.thesis_ids(query)


def test_5000_random_strings_never_raise(searchable):
    """5,000 random strings from punctuation, operators, CJK and control characters (#6)."""
    rnd = random.Random(6)
    alphabet = PUNCTUATION + list("aoAO光模块數據 \t\"'*^:()-") + ["OR", "AND", "NOT", "NEAR"]
    for _ in range(5000):
        query = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        searchable.search.search(query)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_search_never_raises_on_any_text(searchable, query):
    """Hypothesis over all of Unicode, lone surrogates included (#6)."""
    searchable.search.search(query)
    searchable.search.thesis_ids(query)


@pytest.mark.parametrize("word, two", [("光模块", "光模"), ("模块", "模块"), ("數據中心", "中心"),
                                       ("データ", "デー"), ("שלום", "של")])
def test_two_character_queries_still_find_their_matches(tmp_path, clock_module, word, two):
    """The trigram index cannot match 2 characters; such queries must still find the thesis
    (Chinese words are often two characters) (#6)."""
    tracker = Tracker.open(tmp_path / "s.sqlite3", clock=clock_module)
    try:
        thesis = tracker.theses.add(title=f"Thesis about {word} demand")
        tracker.theses.add(title="unrelated")
        hits = tracker.search.search(two)
        assert [(h.kind, h.ref_id) for h in hits] == [("thesis", thesis.id)]
        assert tracker.search.thesis_ids(two) == {thesis.id}
    finally:
        tracker.close()


# -- hostile names -------------------------------------------------------------------------
def hostile_names(count: int) -> list[str]:
    rnd = random.Random(1000)
    pieces = ["'", '"', "`", ";", "--", "/*", "*/", "DROP TABLE thesis", "); DELETE FROM history;",
              "' OR '1'='1", "\\", "%", "_", "[", "]", "${x}", "{{x}}", "<script>", "\u202e",
              "NULL", "sqlite_master", "ATTACH 'x' AS y", "PRAGMA user_version=99", "\n", "光",
              "📈", "\ufeff", "0x00", "?", ":name", "@p", "$1"]
    return ["x" + "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))
            for _ in range(count)]


def test_1000_hostile_names_leave_the_schema_unchanged(tmp_path, clock_module):
    """1,000 names full of SQL, quotes, comments and pragmas used as thesis titles, company
    names, tags, lookups and searches: stored literally, schema and user_version unchanged (#6)."""
    fast = Tracker.open(tmp_path / "names.sqlite3", seed_if_new=True, clock=clock_module)
    fast.store.conn.execute("PRAGMA synchronous = OFF")
    store = fast.store
    schema = store.rows("SELECT type, name, sql FROM sqlite_master ORDER BY name")
    version = store.schema_version
    for name in hostile_names(1000):
        thesis = fast.theses.add(title=name, tags=name.replace(",", ";"))
        assert thesis.title == name.strip()
        company = fast.companies.add(name=name, ticker=None)
        assert company.name == name.strip()
        try:
            assert fast.theses.resolve(name) in {thesis.id} | set(fast.theses.ids())
        except UserError:
            pass          # ambiguous prefixes are fine; a message, not an exception
        fast.search.search(name)
    assert store.rows("SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
    assert store.schema_version == version
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fast.close()


def test_values_another_sqlite_tool_wrote_are_reported_never_a_traceback(tmp_path, capsys):
    """A conviction "high" in the history and a title stored as bytes (a BLOB), as another
    SQLite tool may write them: scorecard, export, export-md and export-pdf work (they raised
    ValueError and TypeError), and `check` names the bytes and exits 1 (it said all was well;
    found by an attack on the data layer)."""
    import json
    import sqlite3

    import main
    db = tmp_path / "x.db"
    Tracker.open(db, seed_if_new=True).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO history (at, thesis_id, field, old, new) "
                 "VALUES ('2026-01-01T00:00:00Z', 1, 'conviction', '3', 'high')")
    conn.execute("UPDATE thesis SET title = x'414243' WHERE id = 2")
    conn.commit()
    conn.close()
    for args in (["scorecard"], ["export", str(tmp_path / "o.json")],
                 ["export-md", "1", "-o", str(tmp_path / "o.md")],
                 ["export-pdf", "1", "-o", str(tmp_path / "o.pdf")], ["show", "1"]):
        assert main.main(["--db", str(db), *args]) == 0, args
    exported = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert "ABC" in [t["title"] for t in exported["theses"]]
    capsys.readouterr()
    assert main.main(["--db", str(db), "check"]) == 1
    assert "thesis 2 title" in capsys.readouterr().out
    assert main.main(["--db", str(db), "check", "--repair"]) in (0, 1)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT typeof(title), title FROM thesis WHERE id = 2").fetchone() == \
        ("text", "ABC")
    conn.close()
