"""Full-text search (#2): any text a user types is accepted without raising, and Chinese
substrings are found, two characters included."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.search import excluded_terms, parse_query, searchable

HOSTILE = ['"', '""', '"unclosed phrase', "'", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "*",
           "light*", "(", ")", "(light", "^", "^light", ":", "body:light", "title:", "-", "+",
           "a OR", "OR a", "AND AND", "light AND OR NOT", "", " ", "\t\n", "\x00", "%", "_",
           "\\", "'; DROP TABLE thesis; --", "光", "光模", "\u200b", "🙂", "a" * 10_000,
           "x " * 5_000, " OR ".join(["light"] * 600), " ".join(f"w{i}" for i in range(3000)),
           " ".join(chr(0x4E00 + i) for i in range(1500)),
           " ".join(chr(0x4E00 + i) + chr(0x4E01 + i) for i in range(3000))]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:20]))
def test_hostile_queries_never_raise(tracker, query):
    """Quotes, operators, empty and very long input return a list, never an error (#2)."""
    hits = tracker.search.search(query)
    assert isinstance(hits, list)
    ids = tracker.search.thesis_ids(query)
    assert ids is None or isinstance(ids, set)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_random_text_never_raises(tracker, query):
    """Any text at all can be typed into the search box (#2)."""
    assert isinstance(tracker.search.search(query), list)
    tracker.search.thesis_ids(query)


@pytest.fixture
def small(empty_tracker):
    t = empty_tracker.theses.add(title="Big light", statement="800G 光模块 demand stays strong")
    o = empty_tracker.theses.add(title="Space computing", statement="orbital data centres")
    c = empty_tracker.catalysts.add(thesis_id=o.id, title="硅光 ramp", expected="2027")
    co = empty_tracker.companies.add(name="Zhongji Innolight", local_name="中际旭创",
                                     ticker="300308.SZ")
    empty_tracker.beneficiaries.add(thesis_id=t.id, company_id=co.id)
    return empty_tracker, t, o, c


def test_two_character_chinese_finds_longer_word(small):
    """'光模' (two characters, below the trigram length) finds the thesis with '光模块' (#2)."""
    tracker, t, o, c = small
    hits = tracker.search.search("光模")
    assert [(h.kind, h.ref_id) for h in hits] == [("thesis", t.id)]
    assert "光模块" in hits[0].snippet
    assert tracker.search.search("光模块")[0].ref_id == t.id
    assert [(h.kind, h.ref_id) for h in tracker.search.search("硅光")] == [("catalyst", c.id)]
    assert tracker.search.search("光") and tracker.search.search("模块")


def test_words_phrases_or_and_case(small):
    """All words must match, OR offers alternatives, quotes make a phrase, case is ignored (#2)."""
    tracker, t, o, c = small
    kinds = lambda q: {(h.kind, h.ref_id) for h in tracker.search.search(q)}  # noqa: E731
    assert kinds("BIG demand") == {("thesis", t.id)}
    assert kinds("big orbital") == set()
    assert kinds("big OR orbital") == {("thesis", t.id), ("thesis", o.id)}
    assert kinds('"data centres"') == {("thesis", o.id)}
    assert kinds('"centres data"') == set()
    assert kinds("light*") == kinds("light") == {("thesis", t.id), ("company", 1)}
    assert kinds("big AND light") == {("thesis", t.id)}


def test_search_leaves_out_what_an_excluded_word_leaves_out_of_the_list(small):
    """`search big -orbital` and `search data NOT 硅光` list records as the thesis list filters
    theses: a record of a thesis holding the excluded word anywhere is left out, and a company
    or source holding it itself. Before, search() ignored -word and NOT word altogether."""
    tracker, t, o, c = small
    kinds = lambda q: {(h.kind, h.ref_id) for h in tracker.search.search(q)}  # noqa: E731
    assert kinds("data") == {("thesis", o.id)}
    assert kinds("data NOT 硅光") == set()            # the thesis's catalyst holds it
    assert kinds("data -硅光") == set()
    assert kinds("light -orbital") == {("thesis", t.id), ("company", 1)}
    assert kinds("light -innolight") == set()         # the company holds it; so does its thesis
    assert len(tracker.search.search("a OR e OR o -zzz", limit=2)) == 2


def test_explain_gives_nothing_for_a_thesis_an_excluded_word_leaves_out(small):
    """"Why it matched" agrees with the list: a thesis holding an excluded word (in its own
    text, a catalyst or a company it names) has no matches to show."""
    tracker, t, o, c = small
    assert tracker.search.explain("big", t.id)
    assert tracker.search.explain("big -orbital", t.id)
    assert tracker.search.explain("big -innolight", t.id) == []
    assert tracker.search.explain("data NOT 硅光", o.id) == []


def test_a_lone_dash_is_no_word(small):
    """A "-" between words (typed as "800G - 1.6T") leaves nothing out and finds no hyphens;
    it used to be searched for, and every hyphen highlighted."""
    tracker, *_ = small
    assert parse_query("big - light") == [["big", "light"]]
    assert excluded_terms("big - light") == [] and excluded_terms("--") == []
    assert not searchable("-")


def test_thesis_ids_follow_catalysts_and_companies(small):
    """A thesis matches through its catalysts and its beneficiary companies (#2)."""
    tracker, t, o, c = small
    assert tracker.search.thesis_ids("硅光") == {o.id}
    assert tracker.search.thesis_ids("中际") == {t.id}
    assert tracker.search.thesis_ids("300308") == {t.id}
    assert tracker.search.thesis_ids("") is None
    assert tracker.search.thesis_ids("nothing-like-this") == set()


def test_index_follows_edits_and_deletes(small):
    """Edits and deletes update the index through triggers in the same transaction (#2)."""
    tracker, t, o, c = small
    tracker.catalysts.update(c.id, title="激光器 ramp")
    assert tracker.search.search("硅光") == []
    assert tracker.search.search("激光")[0].ref_id == c.id
    tracker.theses.delete(o.id)
    assert tracker.search.search("激光") == []
    assert tracker.search.search("orbital") == []


def test_seeded_data_is_searchable(tracker):
    """The demo data finds its Chinese company names and report wording (#2)."""
    assert tracker.search.thesis_ids("中际旭创")
    assert tracker.search.thesis_ids("光模")


def test_parse_query_treats_operators_as_plain_words():
    """Quotes make phrases, OR splits groups; AND, '*' and a lone OR are words or nothing, never FTS
    syntax that could fail (#3)."""
    assert parse_query('a "b c" OR d AND e*') == [["a", "b c"], ["d", "e"]]
    assert parse_query("OR OR") == []
    assert parse_query(None) == []


def test_one_character_at_the_end_of_a_record_is_found(empty_tracker):
    """A single character that ends a record starts no trigram; the vocabulary lookup missed
    it ("q" did not find tags "q"), unlike a plain substring match (#3)."""
    thesis = empty_tracker.theses.add(title="Alpha", tags="q")
    assert empty_tracker.search.thesis_ids("q") == {thesis.id}
    assert empty_tracker.search.thesis_ids("Q alpha") == {thesis.id}


def test_reader_matches_the_service_and_sees_later_commits(small):
    """Search.reader (the GUI's worker connection) gives the same theses as the service and
    sees a write committed on the main connection at its next query (#3, WAL)."""
    tracker, t, o, c = small
    reader = type(tracker.search).reader(tracker.path)
    try:
        for query in ("硅光", "中际", "300308", "light", "光", "a OR orbital", "", "zzz"):
            assert reader.thesis_ids(query) == tracker.search.thesis_ids(query), query
        tracker.catalysts.update(c.id, title="激光器 ramp")
        assert reader.thesis_ids("激光") == {o.id}
        assert reader.thesis_ids("硅光") == set()
        moved = tracker.catalysts.add(thesis_id=t.id, title="Quasar launch", expected="2028")
        assert reader.thesis_ids("quasar") == {t.id} == {moved.thesis_id}
    finally:
        reader.close()


_ALPHABET = "ab光模 "


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=4),
       query=st.text(_ALPHABET.strip(), min_size=1, max_size=3))
def test_thesis_ids_equal_a_plain_substring_match(empty_tracker, texts, query):
    """One-, two- and three-character terms find exactly the theses whose text contains them,
    end of record included (#3: results must equal a plain substring match)."""
    for old in empty_tracker.theses.all():      # the fixture is shared across examples
        empty_tracker.theses.delete(old.id)
    ids = {empty_tracker.theses.add(title="T", tags=text).id: text for text in texts}
    expected = {i for i, text in ids.items() if query.lower() in text.lower()}
    assert empty_tracker.search.thesis_ids(query) == expected
