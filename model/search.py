"""Full-text search over theses, catalysts, risks, companies and sources that never raises.

Whatever the user types is taken as plain words: each word (or "quoted phrase") must appear,
``OR`` between words offers alternatives, ``AND`` and a trailing ``*`` are accepted and ignored.
Words of three or more characters go through the FTS5 trigram index. Two-character words (a
Chinese word such as 光模) cannot be looked up in a trigram index directly, so the index's
vocabulary gives every trigram that starts with them and the query ORs those; only when that
list is huge does it fall back to scanning with instr(). One character is always scanned for:
the last character of a record starts no trigram, so the vocabulary would miss it.
``Search.reader(path)`` searches over a read-only connection of its own (for a worker thread).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from model.storage.sqlite_file import sqlite_uri
from model.types import SearchHit

if TYPE_CHECKING:
    from model.storage.store import Params, Row, Store

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_EDGE_PUNCT = "*^():+-\"'"


MAX_TERMS = 64      # words kept per OR-alternative
MAX_GROUPS = 64     # OR-alternatives kept


def parse_query(query: str) -> list[list[str]]:
    """Split text into OR-groups of lower-cased terms; every term is a plain substring.
    Excluded words (``-word``, ``NOT word``) are left out: see ``excluded_terms``."""
    return _parse(query)[0]


def excluded_terms(query: str) -> list[str]:
    """The words a thesis must not contain anywhere: ``-word`` and ``NOT word``."""
    return _parse(query)[1]


def searchable(query: str) -> bool:
    """The text has words to look for or to leave out (else the list shows everything)."""
    groups, excluded = _parse(query)
    return bool(groups or excluded)


def _parse(query: str) -> tuple[list[list[str]], list[str]]:
    if not isinstance(query, str):
        return [], []
    query = query.replace("\x00", " ")
    groups: list[list[str]] = [[]]
    excluded: list[str] = []
    negate = False
    for phrase, word in _TOKEN.findall(query):
        if word:
            if word == "OR":
                if groups[-1]:
                    groups.append([])
                continue
            if word in ("AND", "NEAR"):
                continue
            if word == "NOT":
                negate = True
                continue
            if word.startswith("-"):
                if not word.strip("-"):
                    continue        # a lone "-" (a dash between words): no word to leave out
                negate, word = True, word[1:]
            term = word.strip(_EDGE_PUNCT) or word.strip("*\"")
        else:
            term = phrase.strip()
        term = term.lower()
        if negate:
            negate = False
            if term and term not in excluded and len(excluded) < MAX_TERMS:
                excluded.append(term)
            continue
        if term and term not in groups[-1] and len(groups[-1]) < MAX_TERMS:
            groups[-1].append(term)
    # Beyond what anyone types, but SQLite caps a compound SELECT at 500 parts: a pasted
    # wall of "x OR y OR ..." must not turn into an error.
    unique: list[list[str]] = []
    for group in groups:
        if group and group not in unique:
            unique.append(group)
    return unique[:MAX_GROUPS], excluded


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


MAX_EXPANSION = 400


def _group_sql(terms: list[str], expand: Callable[[str], list[str] | None] | None = None,
               ) -> tuple[str, list[str]]:
    """SQL selecting the rowids that contain every term.

    ``expand(term)`` returns the indexed trigrams starting with a short term (None: too many).
    """
    matches: list[str] = []
    clauses: list[str] = []
    params: list[str] = []
    for term in terms:
        if len(term) >= 3:
            matches.append(_fts_phrase(term))
            continue
        # Every record ends in a space, so a two-character term always starts a trigram; a
        # single character at the very end of a record starts none (#3: "q" missed tags "q").
        trigrams = expand(term) if expand and len(term) == 2 else None
        if trigrams is None:
            clauses.append("instr(lower(body), ?) > 0")
            params.append(term)
        elif not trigrams:
            return "SELECT rowid FROM search_index WHERE 0", []
        else:
            matches.append("(" + " OR ".join(_fts_phrase(t) for t in trigrams) + ")")
    if matches:
        clauses.insert(0, "search_index MATCH ?")
        params.insert(0, " AND ".join(matches))
    return "SELECT rowid FROM search_index WHERE " + " AND ".join(clauses), params


def _snippet(body: str, terms: list[str], width: int = 48) -> str:
    lowered = body.lower()
    positions = [lowered.find(t) for t in terms if lowered.find(t) >= 0]
    at = min(positions) if positions else 0
    start = max(0, at - width // 2)
    text = " ".join(body[start:start + width * 2].split())
    return ("…" if start else "") + text + ("…" if start + width * 2 < len(body) else "")


class SearchInterrupted(Exception):
    """A reader's query was aborted by ``interrupt()`` (a newer query superseded it)."""


class _ReadOnlyRows:
    """The one read method Search needs, over a read-only connection a worker thread owns."""

    def __init__(self, path: Path):
        self.path = Path(path)
        uri = sqlite_uri(self.path, "ro")
        # check_same_thread=False: the GUI thread calls interrupt() and close() on it.
        self.conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        try:
            cursor = self.conn.execute(sql, params)
            if cursor.description is None:
                return []
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            self.raise_for(exc)

    def raise_for(self, exc: sqlite3.Error) -> NoReturn:
        if isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc):
            raise SearchInterrupted() from exc
        from model.storage.sqlite_errors import translate_error
        raise translate_error(exc, self.path) from exc


class _Owners:
    """Which thesis each catalyst, risk, company and source belongs to, read in one go, so a
    reader maps hit rowids to theses in Python (13 ms for "laser" at 10,000 theses against 39 ms
    joining in SQL). Valid while the file's data_version stays the same."""

    def __init__(self, conn: sqlite3.Connection, version: int):
        self.version = version
        self.catalyst = dict(conn.execute("SELECT id, thesis_id FROM catalyst"))
        self.risk = dict(conn.execute("SELECT id, thesis_id FROM risk"))
        self.company: dict[int, list[int]] = {}
        for company, thesis in conn.execute("SELECT company_id, thesis_id FROM beneficiary"):
            self.company.setdefault(company, []).append(thesis)
        self.source: dict[int, list[int]] = {}
        for source, thesis in conn.execute("""
                SELECT c.source_id, coalesce(c.thesis_id, r.thesis_id, k.thesis_id)
                FROM citation c LEFT JOIN risk r ON r.id = c.risk_id
                LEFT JOIN catalyst k ON k.id = c.catalyst_id"""):
            if thesis is not None:
                self.source.setdefault(source, []).append(thesis)

    def theses(self, rowids: Iterable[tuple[int]]) -> set[int]:
        found: set[int] = set()
        add, catalyst, risk = found.add, self.catalyst, self.risk
        for (rowid,) in rowids:
            kind, ref = rowid & 7, rowid >> 3      # rowid = id * 8 + kind (model/schema.py)
            if kind == 1:
                add(ref)
            elif kind == 2:
                add(catalyst[ref])
            elif kind == 3:
                add(risk[ref])
            elif kind == 4:
                found.update(self.company.get(ref, ()))
            elif kind == 5:
                found.update(self.source.get(ref, ()))
        return found


# The theses behind a set of index hits ({sql} selects their rowids), through their catalysts,
# risks, companies (as beneficiaries) and sources (as citations).
THESES_OF_HITS = """
            WITH hit(k) AS MATERIALIZED ({sql})
            SELECT k >> 3 AS id FROM hit WHERE (k & 7) = 1
            UNION SELECT thesis_id FROM catalyst WHERE id IN (SELECT k >> 3 FROM hit
                                                             WHERE (k & 7) = 2)
            UNION SELECT thesis_id FROM risk WHERE id IN (SELECT k >> 3 FROM hit
                                                         WHERE (k & 7) = 3)
            UNION SELECT thesis_id FROM beneficiary WHERE company_id IN (
                  SELECT k >> 3 FROM hit WHERE (k & 7) = 4)
            UNION SELECT coalesce(c.thesis_id, r.thesis_id, t.thesis_id) FROM citation c
                  LEFT JOIN risk r ON r.id = c.risk_id
                  LEFT JOIN catalyst t ON t.id = c.catalyst_id
                  WHERE c.source_id IN (SELECT k >> 3 FROM hit WHERE (k & 7) = 5)
"""


class Search:
    def __init__(self, store: Store | _ReadOnlyRows):
        self.store = store
        self._owners: _Owners | None = None

    @classmethod
    def reader(cls, path: Path) -> "Search":
        """A Search over its own read-only connection to ``path``: run it on a worker thread,
        abort its running query with ``interrupt()``, release it with ``close()``. Writes
        committed on other connections are visible to its next query (WAL)."""
        try:
            return cls(_ReadOnlyRows(path))
        except sqlite3.Error as exc:
            from model.storage.sqlite_errors import translate_error
            raise translate_error(exc, path) from exc

    def interrupt(self) -> None:
        """Abort the reader's running query (it raises SearchInterrupted); safe from any
        thread, a no-op when nothing runs."""
        self.store.conn.interrupt()

    def close(self) -> None:
        self.store.conn.close()

    def _expand(self, term: str) -> list[str] | None:
        rows = self.store.rows("SELECT term FROM search_vocab WHERE term >= ? AND term < ? "
                               "LIMIT ?", (term, term + "\U0010ffff", MAX_EXPANSION + 1))
        if len(rows) > MAX_EXPANSION:
            return None
        return [r["term"] for r in rows]

    def _rowids_sql(self, query: str) -> tuple[str, list[str]] | None:
        groups = parse_query(query)
        if not groups:
            return None
        parts: list[str] = []
        params: list[str] = []
        for terms in groups:
            sql, p = _group_sql(terms, self._expand)
            parts.append(sql)
            params.extend(p)
        return " UNION ".join(parts), params

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Matching records, theses first; empty or operator-only text finds nothing."""
        built = self._rowids_sql(query)
        if built is None:
            return []
        sql, params = built
        select = (f"SELECT kind, ref_id, thesis_id, body FROM search_index WHERE rowid IN ({sql}) "
                  f"ORDER BY CASE kind WHEN 'thesis' THEN 0 WHEN 'catalyst' THEN 1 "
                  f"WHEN 'risk' THEN 2 WHEN 'company' THEN 3 ELSE 4 END, ref_id LIMIT ? OFFSET ?")
        groups, excluded = _parse(query)
        if excluded:
            rows = self._without(select, params, excluded, int(limit))
        else:
            rows = self.store.rows(select, (*params, int(limit), 0))
        terms = [t for g in groups for t in g]
        return [SearchHit(r["kind"], int(r["ref_id"]),
                          None if r["thesis_id"] is None else int(r["thesis_id"]),
                          _snippet(r["body"], terms)) for r in rows]

    def _without(self, select: str, params: list[str], excluded: list[str],
                 limit: int) -> list[Row]:
        """The hits of ``select`` less those of a thesis holding an excluded word anywhere (as
        ``thesis_ids`` leaves it out) and the companies and sources holding one themselves,
        read a page at a time until ``limit`` are kept."""
        excluded_theses = self._group_ids([[term] for term in excluded])
        kept: list[Row] = []
        page = max(limit, 200)
        offset = 0
        while len(kept) < limit:
            rows = self.store.rows(select, (*params, page, offset))
            for r in rows:
                if r["thesis_id"] is not None:
                    if int(r["thesis_id"]) in excluded_theses:
                        continue
                elif any(term in (r["body"] or "").lower() for term in excluded):
                    continue
                kept.append(r)
            if len(rows) < page:
                break
            offset += page
        return kept[:limit]

    def thesis_ids(self, query: str) -> set[int] | None:
        """Theses matching directly or through a catalyst, risk, beneficiary or cited source,
        less those containing an excluded word (``-word``, ``NOT word``) anywhere.

        None means "no filter" (the query has no searchable words).
        """
        groups, excluded = _parse(query)
        if not groups and not excluded:
            return None
        reader = isinstance(self.store, _ReadOnlyRows)
        if reader:
            # One read transaction: the owner maps and the hits come from one snapshot.
            self.store.rows("BEGIN")
        try:
            found = (self._group_ids(groups) if groups
                     else {r["id"] for r in self.store.rows("SELECT id FROM thesis")})
            if excluded and found:
                found -= self._group_ids([[term] for term in excluded])
            return found
        finally:
            if reader and self.store.conn.in_transaction:
                self.store.conn.rollback()

    def _group_ids(self, groups: list[list[str]]) -> set[int]:
        """Theses with a record holding every term of one of the groups."""
        found: set[int] = set()
        indexed = []
        for terms in groups:
            if all(len(term) == 1 for term in terms):
                found |= self._scan_ids(terms)      # one character: faster scanned
            else:
                indexed.append(terms)
        if indexed:
            parts, params = [], []
            for terms in indexed:
                sql, p = _group_sql(terms, self._expand)
                parts.append(sql)
                params.extend(p)
            found |= self._hit_theses(" UNION ".join(parts), params)
        return found

    def _scan_ids(self, terms: list[str]) -> set[int]:
        """One-character terms, which no trigram index can look up: a single pass over the
        index's stored text (its content table), theses read off the rows that carry them
        (about 25 ms for "l" or "光" at 10,000 theses, where joining every hit took 300)."""
        where = " AND ".join("c3 LIKE ? ESCAPE '\\'" for _ in terms)
        params = ["%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                  + "%" for term in terms]
        # One pass: a thesis, catalyst or risk row carries its thesis (c2); a company or a
        # source belongs to no one thesis, so its row comes back as minus its rowid and is
        # followed through beneficiaries and citations.
        found = {int(r["k"]) for r in self.store.rows(
            f"SELECT DISTINCT coalesce(c2, -id) AS k FROM search_index_content WHERE {where}",
            params)}
        theses = {k for k in found if k > 0}
        orphans = [-k for k in found if k < 0]
        if orphans:
            # A few rows: joined in SQL, which needs no owner maps (rebuilding those after
            # every edit is what a first keystroke would otherwise wait for).
            marks = ",".join(str(int(rowid)) for rowid in orphans)
            theses |= self._thesis_ids_sql(f"SELECT {marks.replace(',', ' UNION SELECT ')}",
                                           [])
        return theses

    def warm_up(self) -> None:
        """Open what the first query needs (the schema, the first pages), so the first
        keystroke does not pay for it. For a reader, on its worker thread."""
        self.store.rows("SELECT count(*) FROM search_index_content WHERE id < 0")

    def _hit_theses(self, sql: str, params: list[str]) -> set[int]:
        if not isinstance(self.store, _ReadOnlyRows):
            return self._thesis_ids_sql(sql, params)
        conn = self.store.conn
        version = self.store.rows("PRAGMA data_version")[0]["data_version"]
        if self._owners is None or self._owners.version != version:
            self._owners = None
            try:
                self._owners = _Owners(conn, version)
            except sqlite3.Error as exc:
                self.store.raise_for(exc)
        try:
            return self._owners.theses(conn.execute(sql, params))
        except KeyError:
            # A record newer than the maps (committed between the two reads): join in SQL.
            self._owners = None
            return self._thesis_ids_sql(sql, params)
        except sqlite3.Error as exc:
            self.store.raise_for(exc)

    def explain(self, query: str, thesis_id: int, *, limit: int = 6) -> list[SearchHit]:
        """Why a thesis matched: its own records (and the companies and sources it names)
        that contain the words of a group, each with a snippet around them; nothing when one
        of them holds an excluded word (the list leaves the thesis out). Only this
        thesis's few records are read (rowid = id * 8 + kind, model/storage/schema.py)."""
        groups, excluded = _parse(query)
        if not groups:
            return []
        rows = self.store.rows(
            "SELECT kind, ref_id, body FROM search_index WHERE rowid IN ("
            "SELECT ? * 8 + 1 UNION SELECT id * 8 + 2 FROM catalyst WHERE thesis_id = ? "
            "UNION SELECT id * 8 + 3 FROM risk WHERE thesis_id = ? "
            "UNION SELECT company_id * 8 + 4 FROM beneficiary WHERE thesis_id = ? "
            "UNION SELECT c.source_id * 8 + 5 FROM citation c LEFT JOIN risk r ON r.id = "
            "c.risk_id LEFT JOIN catalyst k ON k.id = c.catalyst_id WHERE coalesce("
            "c.thesis_id, r.thesis_id, k.thesis_id) = ?)", (thesis_id,) * 5)
        if any(term in row["body"].lower() for row in rows for term in excluded):
            return []       # a word the query leaves out: the thesis is not a match at all
        order = {"thesis": 0, "catalyst": 1, "risk": 2, "company": 3, "source": 4}
        hits = []
        for row in sorted(rows, key=lambda r: (order.get(r["kind"], 5), r["ref_id"])):
            body = row["body"].lower()
            group = next((g for g in groups if all(term in body for term in g)), None)
            if group is not None:
                hits.append(SearchHit(row["kind"], int(row["ref_id"]), thesis_id,
                                      _snippet(row["body"], group)))
        return hits[:limit]

    def _thesis_ids_sql(self, sql: str, params: list[str]) -> set[int]:
        # The rowid is id * 8 + kind (model/schema.py _rowid): kind and record id come from it
        # without reading the index's stored rows, which carry every body (half the time at
        # 10,000 theses).
        rows = self.store.rows(THESES_OF_HITS.format(sql=sql), params)
        return {int(r["id"]) for r in rows if r["id"] is not None}
