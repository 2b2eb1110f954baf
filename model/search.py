"""Full-text search over theses, catalysts, risks, companies and sources that never raises.

Whatever the user types is taken as plain words: each word (or "quoted phrase") must appear,
``OR`` between words offers alternatives, ``AND`` and a trailing ``*`` are accepted and ignored.
Words of three or more characters go through the FTS5 trigram index. Shorter ones (a
two-character Chinese word such as 光模) cannot be looked up in a trigram index directly, so the
index's vocabulary gives every trigram that starts with them and the query ORs those; only when
that list is huge does it fall back to scanning with instr().
"""

from __future__ import annotations

import re

from model.types import SearchHit

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_EDGE_PUNCT = "*^():+-\"'"


MAX_TERMS = 64      # words kept per OR-alternative
MAX_GROUPS = 64     # OR-alternatives kept


def parse_query(query: str) -> list[list[str]]:
    """Split text into OR-groups of lower-cased terms; every term is a plain substring."""
    if not isinstance(query, str):
        return []
    query = query.replace("\x00", " ")
    groups: list[list[str]] = [[]]
    for phrase, word in _TOKEN.findall(query):
        if word:
            if word == "OR":
                if groups[-1]:
                    groups.append([])
                continue
            if word in ("AND", "NOT", "NEAR"):
                continue
            term = word.strip(_EDGE_PUNCT) or word.strip("*\"")
        else:
            term = phrase.strip()
        term = term.lower()
        if term and term not in groups[-1] and len(groups[-1]) < MAX_TERMS:
            groups[-1].append(term)
    # Beyond what anyone types, but SQLite caps a compound SELECT at 500 parts: a pasted
    # wall of "x OR y OR ..." must not turn into an error.
    unique = []
    for group in groups:
        if group and group not in unique:
            unique.append(group)
    return unique[:MAX_GROUPS]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


MAX_EXPANSION = 400


def _group_sql(terms: list[str], expand=None) -> tuple[str, list]:
    """SQL selecting the rowids that contain every term.

    ``expand(term)`` returns the indexed trigrams starting with a short term (None: too many).
    """
    matches, clauses, params = [], [], []
    for term in terms:
        if len(term) >= 3:
            matches.append(_fts_phrase(term))
            continue
        trigrams = expand(term) if expand else None
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


class Search:
    def __init__(self, store):
        self.store = store

    def _expand(self, term: str) -> list[str] | None:
        rows = self.store.rows("SELECT term FROM search_vocab WHERE term >= ? AND term < ? "
                               "LIMIT ?", (term, term + "\U0010ffff", MAX_EXPANSION + 1))
        if len(rows) > MAX_EXPANSION:
            return None
        return [r["term"] for r in rows]

    def _rowids_sql(self, query: str) -> tuple[str, list] | None:
        groups = parse_query(query)
        if not groups:
            return None
        parts, params = [], []
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
        rows = self.store.rows(
            f"SELECT kind, ref_id, thesis_id, body FROM search_index WHERE rowid IN ({sql}) "
            f"ORDER BY CASE kind WHEN 'thesis' THEN 0 WHEN 'catalyst' THEN 1 WHEN 'risk' THEN 2 "
            f"WHEN 'company' THEN 3 ELSE 4 END, ref_id LIMIT ?", (*params, int(limit)))
        terms = [t for g in parse_query(query) for t in g]
        return [SearchHit(r["kind"], int(r["ref_id"]),
                          None if r["thesis_id"] is None else int(r["thesis_id"]),
                          _snippet(r["body"], terms)) for r in rows]

    def thesis_ids(self, query: str) -> set[int] | None:
        """Theses matching directly or through a catalyst, risk, beneficiary or cited source.

        None means "no filter" (the query has no searchable words).
        """
        built = self._rowids_sql(query)
        if built is None:
            return None
        sql, params = built
        rows = self.store.rows(f"""
            WITH hit AS (SELECT kind, ref_id, thesis_id FROM search_index
                         WHERE rowid IN ({sql}))
            SELECT thesis_id AS id FROM hit WHERE thesis_id IS NOT NULL
            UNION SELECT b.thesis_id FROM hit JOIN beneficiary b
                  ON hit.kind = 'company' AND b.company_id = hit.ref_id
            UNION SELECT coalesce(c.thesis_id, r.thesis_id, k.thesis_id) FROM hit
                  JOIN citation c ON hit.kind = 'source' AND c.source_id = hit.ref_id
                  LEFT JOIN risk r ON r.id = c.risk_id
                  LEFT JOIN catalyst k ON k.id = c.catalyst_id
            """, params)
        return {int(r["id"]) for r in rows if r["id"] is not None}
