"""The JSON bundle: everything in a database, history included, in a documented, versioned form.

Format (docs/bundle-format.md): ``{"format": "thesis-tracker-bundle", "version": 1, "companies":
[...], "sources": [...], "theses": [{..., "beneficiaries", "risks", "catalysts", "citations",
"history"}], "prices": {...}}``. Export is deterministic (sorted keys, ordered by id, no export
time), so export -> import into an empty database -> export gives identical files. Ids in a
bundle are keys local to it: integers or strings. Into an empty database integer ids are kept;
otherwise new ids are assigned and references follow.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model import validate
from model.constants import CATALYST_STATUSES, RISK_STATUSES, THESIS_STATUSES
from model.date_windows import parse_window
from model.errors import ImportFailed, UserError, ValidationError
from model.interchange.textfile import write_atomically
from model.storage import backup as backups

if TYPE_CHECKING:
    from model.service import Tracker
    from model.storage.store import Row, Store

FORMAT = "thesis-tracker-bundle"
VERSION = 1

_THESIS_FIELDS = ("title", "theme", "statement", "status", "conviction", "horizon", "next_review",
                  "review_cadence_days", "benchmark_ticker", "tags", "created_at", "updated_at")


def export_bundle(tracker: Tracker, thesis_ids: Iterable[int] | None = None) -> dict[str, Any]:
    store = tracker.store
    theses = store.rows("SELECT * FROM thesis ORDER BY id")
    if thesis_ids is not None:
        wanted = set(thesis_ids)
        theses = [t for t in theses if t["id"] in wanted]
    out_theses = []
    cited_sources: set[int] = set()
    used_companies: set[int] = set()
    for t in theses:
        tid = t["id"]
        item: dict[str, Any] = {"id": tid}
        for name in _THESIS_FIELDS:
            item[name] = t[name]
        item["tags"] = [x.strip() for x in t["tags"].split(",") if x.strip()]
        if t.get("external_ref") is not None:   # only imported theses carry one (schema 2)
            item["external_ref"] = t["external_ref"]
        item["citations"] = _citations(store, "thesis_id", tid, cited_sources)
        item["beneficiaries"] = []
        for b in store.rows("SELECT * FROM beneficiary WHERE thesis_id = ? ORDER BY position, id",
                            (tid,)):
            used_companies.add(b["company_id"])
            item["beneficiaries"].append({"company": b["company_id"], "role": b["role"]})
        item["risks"] = [
            {"id": r["id"], "title": r["title"], "description": r["description"],
             "severity": r["severity"], "likelihood": r["likelihood"], "status": r["status"],
             "citations": _citations(store, "risk_id", r["id"], cited_sources)}
            for r in store.rows("SELECT * FROM risk WHERE thesis_id = ? ORDER BY id", (tid,))]
        item["catalysts"] = [
            {"id": c["id"], "title": c["title"], "description": c["description"],
             "expected": c["expected"], "status": c["status"], "happened_on": c["happened_on"],
             "outcome": c["outcome"], "impact": c["impact"], "created_at": c["created_at"],
             "citations": _citations(store, "catalyst_id", c["id"], cited_sources),
             **_external_ref(c)}
            for c in store.rows("SELECT * FROM catalyst WHERE thesis_id = ? ORDER BY id", (tid,))]
        item["history"] = [
            {"at": h["at"], "field": h["field"], "subject": h["subject"],
             "catalyst": h["catalyst_id"], "old": h["old"], "new": h["new"], "note": h["note"]}
            for h in store.rows("SELECT * FROM history WHERE thesis_id = ? "
                                "AND undone_at IS NULL ORDER BY id", (tid,))]
        out_theses.append(item)
    companies = store.rows("SELECT * FROM company ORDER BY id")
    sources = store.rows("SELECT * FROM source ORDER BY id")
    if thesis_ids is not None:
        companies = [c for c in companies if c["id"] in used_companies]
        sources = [s for s in sources if s["id"] in cited_sources]
    prices: dict[str, list[list[Any]]] = {}
    for company in companies:
        rows = store.rows("SELECT day, close, adj_close FROM price WHERE company_id = ? "
                          "ORDER BY day", (company["id"],))
        if rows:
            prices[str(company["id"])] = [[r["day"], r["close"], r["adj_close"]] for r in rows]
    from model import __version__
    return {"format": FORMAT, "version": VERSION,
            # Which program wrote it (#13: the one version number); never read back.
            "generator": f"Thesis Tracker {__version__}",
            "companies": [{k: c[k] for k in ("id", "name", "local_name", "ticker", "exchange",
                                             "country")} for c in companies],
            "sources": [{k: s[k] for k in ("id", "title", "publisher", "published_on", "url",
                                           "summary")} for s in sources],
            "theses": out_theses, "prices": prices}


def _external_ref(row: Row) -> dict[str, Any]:
    """The peer tool's key (schema 2), written only when set so older bundles stay as they were."""
    return {} if row.get("external_ref") is None else {"external_ref": row["external_ref"]}


def _ref_free(store: Store, table: str, ref: str) -> bool:
    """Whether no record here has this external_ref yet. A bundle imported into a database
    that holds its records already (the demo, a peer dataset) adds copies, and a copy does
    not take the original's key: Remove demo theses and the peer's updates keep to the
    original (#13)."""
    return store.scalar(f"SELECT 1 FROM {table} WHERE external_ref = ?", (ref,)) is None


def _ref_value(item: dict[str, Any]) -> str | None:
    value = item.get("external_ref")
    return None if value is None else validate.text(value, what="external_ref").strip() or None


def _citations(store: Store, column: str, row_id: int, seen: set[int]) -> list[dict[str, Any]]:
    rows = store.rows(f"SELECT source_id, locator FROM citation WHERE {column} = ? ORDER BY id",
                      (row_id,))
    seen.update(r["source_id"] for r in rows)
    return [{"source": r["source_id"], "locator": r["locator"]} for r in rows]


def dumps(bundle: dict[str, Any]) -> str:
    return json.dumps(bundle, ensure_ascii=False, indent=2, sort_keys=True,
                      default=_as_text) + "\n"


def _as_text(value: object) -> str:
    """Bytes another SQLite tool stored where text belongs (a BLOB title): exported as the
    text they spell, bad bytes as U+FFFD (`check` lists such cells, `check --repair` mends
    them). `export` failed on them with a traceback."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    raise TypeError(f"{type(value).__name__} cannot be exported")


def write_bundle(tracker: Tracker, path: Path | str,
                 thesis_ids: Iterable[int] | None = None) -> dict[str, Any]:
    bundle = export_bundle(tracker, thesis_ids)
    write_atomically(path, dumps(bundle))
    return bundle


def read_bundle_file(path: Path | str) -> object:
    """The parsed JSON (``import_bundle`` checks that it is a bundle); ImportFailed for text
    that is not JSON a bundle may be (NaN, Infinity, numbers too large for SQLite, nesting no
    bundle has)."""
    from model.interchange.bundle_check import NotJson, loads
    from model.interchange.textfile import read_text
    text = read_text(path)
    try:
        parsed: object = loads(text)
        return parsed
    except NotJson as exc:
        raise ImportFailed(f"{path} cannot be imported: {exc}. Nothing was imported.") from None


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, reason: str) -> None:
        self.items.append((where, reason))


def import_bundle(tracker: Tracker, data: object, *, backup: bool = True) -> dict[str, int]:
    """Import a bundle in one transaction; any problem refuses it whole, listing every one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFailed(f"This is not a Thesis Tracker bundle (expected \"format\": "
                           f"\"{FORMAT}\").")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION \
            or version < 1:
        shown = repr(version) if len(repr(version)) < 40 else repr(version)[:37] + "..."
        raise ImportFailed(f"Bundle version {shown} is not supported (this version reads up "
                           f"to {VERSION}).")
    store = tracker.store
    # Everything is checked before anything is written, a backup included: a refused bundle
    # must not rotate the day's good backups away (#14 items 8 and 10).
    from model.interchange.bundle_check import problems as bundle_problems
    found = bundle_problems(data, today=store.clock.today())
    if found:
        raise ImportFailed(f"The bundle was not imported: {len(found)} problem(s), nothing was "
                           f"changed.", found)
    empty = not store.scalar("SELECT EXISTS (SELECT 1 FROM thesis UNION ALL SELECT 1 FROM company "
                             "UNION ALL SELECT 1 FROM source)")
    keep_ids = empty and _all_int_ids(data)
    if backup and not empty:
        backups.take_backup(store, reason="before-import")
    problems = _Problems()
    counts = {"theses": 0, "catalysts": 0, "risks": 0, "companies": 0, "sources": 0}
    try:
        with store.write("Import a bundle"):
            company_map = _import_companies(store, data.get("companies", []), keep_ids, problems,
                                            counts)
            source_map = _import_sources(store, data.get("sources", []), keep_ids, problems,
                                         counts)
            for index, thesis in enumerate(_list(data, "theses", problems)):
                where = f"theses[{index}]"
                try:
                    _import_thesis(store, thesis, where, keep_ids, company_map, source_map,
                                   problems, counts)
                except (ValidationError, KeyError, TypeError, ValueError, AttributeError) as exc:
                    # AttributeError: a part that should be an object is not ("beneficiaries":
                    # ["name"]); a problem with the bundle, not a bug to show as a traceback.
                    problems.add(where, _reason(exc))
            _import_prices(store, data.get("prices") or {}, company_map, problems)
            if problems.items:
                raise _Abort()
    except _Abort:
        raise ImportFailed(
            f"The bundle was not imported: {len(problems.items)} problem(s), nothing was changed.",
            [(where, reason) for where, reason in problems.items]) from None
    except UserError:
        raise
    return counts


class _Abort(Exception):
    pass


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc)


def _list(data: dict[str, Any], key: str, problems: _Problems) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.add(key, "must be a list")
        return []
    return value


def _all_int_ids(data: dict[str, Any]) -> bool:
    def ints(items: object) -> bool:
        if items is None:
            return True
        return isinstance(items, list) and all(isinstance(i, dict) and isinstance(i.get("id"), int)
                                               for i in items)
    theses = data.get("theses") or []
    return (ints(data.get("companies")) and ints(data.get("sources")) and ints(theses)
            and all(ints(t.get("risks")) and ints(t.get("catalysts")) for t in theses
                    if isinstance(t, dict)))


def _with_id(values: dict[str, Any], item: dict[str, Any], keep_ids: bool) -> dict[str, Any]:
    if keep_ids:
        return {"id": item["id"], **values}
    return values


def _import_companies(store: Store, items: object, keep_ids: bool, problems: _Problems,
                      counts: dict[str, int]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        where = f"companies[{index}]"
        try:
            ticker = validate.text(item.get("ticker"), what="ticker").strip().upper() or None
            values = {"name": validate.text(item["name"], what="company name",
                                            required=True).strip(),
                      "local_name": validate.text(item.get("local_name"),
                                                  what="local name").strip(),
                      "ticker": ticker,
                      "exchange": validate.text(item.get("exchange"), what="exchange").strip(),
                      "country": validate.text(item.get("country"), what="country").strip()}
            existing = ticker and store.row("SELECT id FROM company WHERE ticker = ? "
                                            "COLLATE NOCASE", (ticker,))
            if existing:
                mapping[_key(item["id"])] = existing["id"]
                continue
            mapping[_key(item["id"])] = store.insert("company", _with_id(values, item, keep_ids))
            counts["companies"] += 1
        except (ValidationError, KeyError, TypeError, AttributeError) as exc:
            problems.add(where, _reason(exc))
    return mapping


def _import_sources(store: Store, items: object, keep_ids: bool, problems: _Problems,
                    counts: dict[str, int]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        where = f"sources[{index}]"
        try:
            values = {"title": validate.text(item["title"], what="source title",
                                             required=True).strip(),
                      "publisher": validate.text(item.get("publisher"), what="publisher").strip(),
                      "published_on": validate.optional_date(item.get("published_on"),
                                                             what="published date"),
                      "url": validate.text(item.get("url"), what="URL").strip(),
                      "summary": validate.text(item.get("summary"), what="summary")}
            existing = store.row("SELECT id FROM source WHERE title = ? AND publisher = ? AND "
                                 "published_on IS ?", (values["title"], values["publisher"],
                                                       values["published_on"]))
            if existing and not keep_ids:
                mapping[_key(item["id"])] = existing["id"]
                continue
            mapping[_key(item["id"])] = store.insert("source", _with_id(values, item, keep_ids))
            counts["sources"] += 1
        except (ValidationError, KeyError, TypeError, AttributeError) as exc:
            problems.add(where, _reason(exc))
    return mapping


def _key(value: object) -> str:
    return str(value)


def _cite(store: Store, citations: list[Any] | None, column: str, row_id: int,
          source_map: dict[str, int], where: str, problems: _Problems) -> None:
    for index, cite in enumerate(citations or []):
        source = source_map.get(_key(cite.get("source")))
        if source is None:
            problems.add(f"{where}.citations[{index}]", f"unknown source {cite.get('source')!r}")
            continue
        locator = validate.text(cite.get("locator"), what="locator")
        existing = store.row(f"SELECT id, locator FROM citation WHERE source_id = ? "
                             f"AND {column} = ?", (source, row_id))
        if existing:   # the same source cited twice: keep one citation with both locators
            merged = "; ".join(x for x in (existing["locator"], locator) if x)
            store.update("citation", existing["id"], {"locator": merged})
            continue
        store.insert("citation", {"source_id": source, column: row_id, "locator": locator})


def _import_thesis(store: Store, item: dict[str, Any], where: str, keep_ids: bool,
                   company_map: dict[str, int], source_map: dict[str, int], problems: _Problems,
                   counts: dict[str, int]) -> None:
    stamp = store.clock.stamp()
    values: dict[str, Any] = {
        "title": validate.text(item["title"], what="title", required=True).strip(),
        "theme": validate.text(item.get("theme"), what="theme").strip(),
        "statement": validate.text(item.get("statement"), what="statement"),
        "status": validate.choice(item.get("status", "draft"), THESIS_STATUSES,
                                  what="thesis status"),
        "conviction": validate.score(item.get("conviction", 3), what="conviction"),
        "horizon": validate.text(item.get("horizon"), what="horizon").strip(),
        "next_review": validate.optional_date(item.get("next_review"), what="next review date"),
        "review_cadence_days": int(item.get("review_cadence_days") or 90),
        "benchmark_ticker": (validate.text(item.get("benchmark_ticker"),
                                           what="ticker").strip().upper() or None),
        "tags": validate.tags(item.get("tags") or []),
        "created_at": validate.text(item.get("created_at") or stamp, what="created_at"),
        "updated_at": validate.text(item.get("updated_at") or item.get("created_at") or stamp,
                                    what="updated_at"),
    }
    ref = _ref_value(item)
    if ref is not None and _ref_free(store, "thesis", ref):
        values["external_ref"] = ref
    thesis_id = store.insert("thesis", _with_id(values, item, keep_ids))
    counts["theses"] += 1
    _cite(store, item.get("citations"), "thesis_id", thesis_id, source_map, where, problems)
    for index, ben in enumerate(item.get("beneficiaries") or []):
        company = company_map.get(_key(ben.get("company")))
        if company is None:
            problems.add(f"{where}.beneficiaries[{index}]",
                         f"unknown company {ben.get('company')!r}")
            continue
        store.insert("beneficiary", {"thesis_id": thesis_id, "company_id": company,
                                     "role": validate.text(ben.get("role"), what="role"),
                                     "position": index + 1})
    for index, risk in enumerate(item.get("risks") or []):
        at = f"{where}.risks[{index}]"
        try:
            risk_id = store.insert("risk", _with_id({
                "thesis_id": thesis_id,
                "title": validate.text(risk["title"], what="risk title", required=True).strip(),
                "description": validate.text(risk.get("description"), what="description"),
                "severity": validate.score(risk.get("severity", 3), what="severity"),
                "likelihood": validate.score(risk.get("likelihood", 3), what="likelihood"),
                "status": validate.choice(risk.get("status", "open"), RISK_STATUSES,
                                          what="risk status")}, risk, keep_ids))
            counts["risks"] += 1
            _cite(store, risk.get("citations"), "risk_id", risk_id, source_map, at, problems)
        except (ValidationError, KeyError, TypeError) as exc:
            problems.add(at, _reason(exc))
    catalyst_map: dict[str, int] = {}
    for index, cat in enumerate(item.get("catalysts") or []):
        at = f"{where}.catalysts[{index}]"
        try:
            window = parse_window(cat["expected"])
            catalyst_id = store.insert("catalyst", _with_id({
                "thesis_id": thesis_id,
                "title": validate.text(cat["title"], what="catalyst title",
                                       required=True).strip(),
                "description": validate.text(cat.get("description"), what="description"),
                "expected": window.text, "window_start": window.start.isoformat(),
                "window_end": window.end.isoformat(), "precision": window.precision,
                "status": validate.choice(cat.get("status", "pending"), CATALYST_STATUSES,
                                          what="catalyst status"),
                "happened_on": validate.optional_date(cat.get("happened_on"),
                                                      what="date it happened"),
                "outcome": validate.text(cat.get("outcome"), what="outcome"),
                "impact": validate.impact(cat.get("impact", "+")),
                "created_at": validate.text(cat.get("created_at") or values["created_at"],
                                            what="created_at"),
                **({"external_ref": cat_ref}
                   if (cat_ref := _ref_value(cat)) and _ref_free(store, "catalyst", cat_ref)
                   else {})}, cat, keep_ids))
            catalyst_map[_key(cat["id"])] = catalyst_id
            counts["catalysts"] += 1
            _cite(store, cat.get("citations"), "catalyst_id", catalyst_id, source_map, at,
                  problems)
        except (ValidationError, KeyError, TypeError) as exc:
            problems.add(at, _reason(exc))
    for index, entry in enumerate(item.get("history") or []):
        at = f"{where}.history[{index}]"
        try:
            catalyst = entry.get("catalyst")
            linked: int | None = None
            if catalyst is not None:
                linked = catalyst_map.get(_key(catalyst))
                if linked is None:
                    problems.add(at, f"unknown catalyst {catalyst!r}")
                    continue
            store.insert("history", {
                "at": validate.text(entry["at"], what="history time", required=True),
                "thesis_id": thesis_id, "catalyst_id": linked,
                "field": validate.text(entry["field"], what="history field", required=True),
                "subject": validate.text(entry.get("subject"), what="subject"),
                "old": (None if entry.get("old") is None
                        else validate.text(entry["old"], what="old")),
                "new": (None if entry.get("new") is None
                        else validate.text(entry["new"], what="new")),
                "note": validate.text(entry.get("note"), what="note")})
        except (ValidationError, KeyError, TypeError, AttributeError) as exc:
            problems.add(at, _reason(exc))


def _import_prices(store: Store, prices: object, company_map: dict[str, int],
                   problems: _Problems) -> None:
    if not isinstance(prices, dict):
        problems.add("prices", "must be an object keyed by company id")
        return
    for key, rows in prices.items():
        company = company_map.get(_key(key))
        if company is None:
            problems.add(f"prices[{key}]", "unknown company")
            continue
        if not isinstance(rows, list):
            problems.add(f"prices[{key}]", "must be a list of [day, close, adj_close]")
            continue
        for index, row in enumerate(rows or []):
            try:
                day, close, adj = row
                store.execute("INSERT OR REPLACE INTO price (company_id, day, close, adj_close) "
                              "VALUES (?, ?, ?, ?)",
                              (company, validate.optional_date(day, what="price date"),
                               float(close), None if adj is None else float(adj)))
            except (ValidationError, TypeError, ValueError) as exc:
                problems.add(f"prices[{key}][{index}]", _reason(exc))
