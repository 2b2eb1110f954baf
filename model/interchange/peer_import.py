"""Importing a market-catalyst-calendar dataset: checked records written in one transaction,
keyed by external_ref (model.interchange.peer reads and checks the file)."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import ImportFailed, UserError
from model.interchange.peer import NAME, PeerRecord, parse_dataset, read_peer_file, thesis_title
from model.storage import backup as backups

if TYPE_CHECKING:
    from model.service import Tracker
    from model.storage.store import Row, Store

_COMPARED = ("title", "description", "expected", "status", "happened_on", "outcome", "impact")


def catalyst_ref(record: PeerRecord) -> str:
    return f"mcc:{record.id}"


def thesis_ref(key: str) -> str:
    return f"mcc:thesis:{key}"


def _current(store: Store, record: PeerRecord) -> Row | None:
    return store.row("SELECT * FROM catalyst WHERE external_ref = ?", (catalyst_ref(record),))


def _cited_urls(store: Store, catalyst_id: int) -> set[str]:
    rows = store.rows("SELECT s.url FROM citation c JOIN source s ON s.id = c.source_id "
                      "WHERE c.catalyst_id = ?", (catalyst_id,))
    return {r["url"] for r in rows}


def _differences(row: Row, values: dict[str, str | None]) -> dict[str, object]:
    return {k: values[k] for k in _COMPARED if row[k] != values[k]}


def would_change(tracker: Tracker, records: list[PeerRecord]) -> bool:
    """Would importing these records write anything? (No backup for a repeated import.)"""
    store = tracker.store
    for record in records:
        row = _current(store, record)
        if row is None:
            return True
        owner = store.scalar("SELECT id FROM thesis WHERE external_ref = ?",
                             (thesis_ref(record.thesis_key),))
        if owner != row["thesis_id"] or _differences(row, record.catalyst_values()):
            return True
        if set(record.urls) - _cited_urls(store, row["id"]):
            return True
    return False


class _Abort(Exception):
    pass


def write_records(tracker: Tracker, records: list[PeerRecord], *,
                  as_of: dt.date | None = None) -> dict[str, int]:
    store = tracker.store
    counts = {"theses": 0, "catalysts": 0, "updated": 0, "unchanged": 0, "companies": 0,
              "sources": 0}
    problems: list[tuple[str, str]] = []
    writer = _Writer(tracker, counts, as_of)
    try:
        with store.write(f"Import {NAME} data"):
            for record in records:
                try:
                    writer.record(record)
                except UserError as exc:
                    problems.append((f"{record.where} ({record.id})", str(exc)))
            if problems:
                raise _Abort()
    except _Abort:
        raise ImportFailed(f"The {NAME} dataset was not imported: {len(problems)} problem(s), "
                           f"nothing was changed.", problems) from None
    return counts


class _Writer:
    def __init__(self, tracker: Tracker, counts: dict[str, int], as_of: dt.date | None):
        self.tracker = tracker
        self.store = tracker.store
        self.counts = counts
        self.as_of = as_of
        self.theses: dict[str, int] = {}

    def record(self, record: PeerRecord) -> None:
        values = record.catalyst_values()
        row = _current(self.store, record)
        if row is not None and not self._needs_update(record, row, values):
            self.counts["unchanged"] += 1
            return
        thesis_id = self._thesis(record)
        company_id = self._company(record)
        if not self.store.scalar("SELECT 1 FROM beneficiary WHERE thesis_id = ? "
                                 "AND company_id = ?", (thesis_id, company_id)):
            position = self.store.scalar("SELECT coalesce(max(position), 0) + 1 FROM beneficiary "
                                         "WHERE thesis_id = ?", (thesis_id,))
            self.store.insert("beneficiary", {"thesis_id": thesis_id, "company_id": company_id,
                                              "role": "", "position": position})
        if row is None:
            catalyst_id = self.store.insert("catalyst", {
                "thesis_id": thesis_id, **values, "created_at": self.store.clock.stamp(),
                "external_ref": catalyst_ref(record)})
            self._history(record, thesis_id, catalyst_id)
            self.counts["catalysts"] += 1
        else:
            catalyst_id = row["id"]
            self._update(record, row, values, thesis_id)
            self.counts["updated"] += 1
        self._cite(record, catalyst_id)

    def _needs_update(self, record: PeerRecord, row: Row,
                      values: dict[str, str | None]) -> bool:
        owner = self.store.scalar("SELECT id FROM thesis WHERE external_ref = ?",
                                  (thesis_ref(record.thesis_key),))
        return (owner != row["thesis_id"] or bool(_differences(row, values))
                or bool(set(record.urls) - _cited_urls(self.store, row["id"])))

    def _thesis(self, record: PeerRecord) -> int:
        key = record.thesis_key
        if key in self.theses:
            return self.theses[key]
        ref = thesis_ref(key)
        found: int | None = self.store.scalar("SELECT id FROM thesis WHERE external_ref = ?",
                                              (ref,))
        title = thesis_title(key)
        if found is None:
            # A thesis the analyst already made under that name is adopted, not duplicated.
            found = self.store.scalar(
                "SELECT id FROM thesis WHERE external_ref IS NULL AND lower(title) IN "
                "(lower(?), lower(?)) ORDER BY id LIMIT 1", (title, key))
            if found is not None:
                self.store.update("thesis", found, {"external_ref": ref})
        if found is None:
            stamp = self.store.clock.stamp()
            found = self.store.insert("thesis", {
                "title": title, "theme": record.theme, "status": "active",
                "statement": f"Imported from {NAME} (thesis_id {key}).",
                "external_ref": ref, "created_at": stamp, "updated_at": stamp})
            self.tracker.history.record(found, "created", new=title, note=f"Imported from {NAME}")
            self.counts["theses"] += 1
        self.theses[key] = found
        return found

    def _company(self, record: PeerRecord) -> int:
        found = self.tracker.companies.by_ticker(record.ticker)
        if found:
            return found.id
        self.counts["companies"] += 1
        return self.store.insert("company", {"name": record.entity, "local_name": "",
                                             "ticker": record.ticker, "exchange": "",
                                             "country": ""})

    def _history(self, record: PeerRecord, thesis_id: int, catalyst_id: int) -> None:
        """The peer's status history as ours; 'delayed' entries become slips ('window' rows)."""
        record_row = self.tracker.history.record
        previous, delayed = None, False
        for day, status, note in record.history:
            at = f"{day.isoformat()}T00:00:00Z"
            if status == "delayed":
                delayed = True
                record_row(thesis_id, "window", old=None, new=record.expected,
                           note=note or "delayed", catalyst_id=catalyst_id, subject=record.title,
                           at=at)
            else:
                record_row(thesis_id, "catalyst", old=previous, new=status, note=note,
                           catalyst_id=catalyst_id, subject=record.title, at=at)
            previous = status
        if record.status == "delayed" and not delayed:
            as_of = f"{self.as_of.isoformat()}T00:00:00Z" if self.as_of else None
            record_row(thesis_id, "window", old=None, new=record.expected,
                       note=f"delayed ({NAME})", catalyst_id=catalyst_id, subject=record.title,
                       at=as_of)

    def _update(self, record: PeerRecord, row: Row, values: dict[str, str | None],
                thesis_id: int) -> None:
        """A newer export of the same record: change what differs, with history rows as edits."""
        diff = _differences(row, values)
        if "expected" in diff:
            diff.update(window_start=values["window_start"], window_end=values["window_end"],
                        precision=values["precision"])
        if row["thesis_id"] != thesis_id:
            diff["thesis_id"] = thesis_id
        last = record.history[-1][2] if record.history else ""
        note = last or f"updated from {NAME}"
        self.store.update("catalyst", row["id"], diff)
        if "status" in diff:
            self.tracker.history.record(thesis_id, "catalyst", old=row["status"],
                                        new=diff["status"], note=note, catalyst_id=row["id"],
                                        subject=record.title)
        if "expected" in diff:
            later = (values["window_end"], values["window_start"]) > (row["window_end"],
                                                                     row["window_start"])
            self.tracker.history.record(thesis_id, "window" if later else "window_moved",
                                        old=row["expected"], new=values["expected"], note=note,
                                        catalyst_id=row["id"], subject=record.title)

    def _cite(self, record: PeerRecord, catalyst_id: int) -> None:
        sources = [(url, _url_title(url), urllib.parse.urlsplit(url).netloc) for url in record.urls]
        if not sources and record.source_ref:
            sources = [("", record.source_ref, "")]
        for url, title, publisher in sources:
            if url:
                source_id = self.store.scalar("SELECT id FROM source WHERE url = ? ORDER BY id "
                                              "LIMIT 1", (url,))
            else:
                source_id = self.store.scalar("SELECT id FROM source WHERE url = '' AND title = ? "
                                              "ORDER BY id LIMIT 1", (title,))
            if source_id is None:
                source_id = self.store.insert("source", {"title": title, "publisher": publisher,
                                                         "url": url, "summary": ""})
                self.counts["sources"] += 1
            if not self.store.scalar("SELECT 1 FROM citation WHERE catalyst_id = ? AND "
                                     "source_id = ?", (catalyst_id, source_id)):
                self.store.insert("citation", {"source_id": source_id, "catalyst_id": catalyst_id,
                                               "locator": record.source_ref if url else ""})


def _url_title(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    text = (parts.netloc + parts.path).rstrip("/")
    return text or url


def import_peer(tracker: Tracker, data: object, *, unit: str = "record",
                backup: bool = True) -> dict[str, int]:
    """Import a dataset in one transaction; write_records does the writing."""
    store = tracker.store
    as_of, records = parse_dataset(data, unit=unit, today=store.clock.today())
    empty = not store.scalar("SELECT EXISTS (SELECT 1 FROM thesis)")
    if backup and not empty and would_change(tracker, records):
        backups.take_backup(store, reason="before-import")
    return write_records(tracker, records, as_of=as_of)


def import_peer_file(tracker: Tracker, path: Path | str, *, backup: bool = True) -> dict[str, int]:
    data, unit = read_peer_file(path)
    return import_peer(tracker, data, unit=unit, backup=backup)
