"""Import market-catalyst-calendar datasets (its JSON and CSV, docs/SCHEMA.md there): all or
nothing.

Records become catalysts, grouped into theses by ``thesis_id`` (created when missing, named from
the id); ``ticker``/``entity`` become companies linked as beneficiaries; ``evidence_urls`` and
``source_ref`` become cited sources; its status history becomes ours. Each thesis and catalyst
keeps the peer's id in ``external_ref``, so importing the same file again changes nothing and a
newer export of the same dataset updates what changed (with history rows, as edits do).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import urllib.parse
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, overload

from model.date_windows import FIRST_YEAR, LAST_YEAR, in_years
from model.errors import ImportFailed
from model.interchange.jsontext import NotJson, loads
from model.interchange.table_file import csv_problem
from model.interchange.textfile import read_text

NAME = "market-catalyst-calendar"
STATUSES = ("rumored", "watching", "scheduled", "confirmed", "completed", "delayed", "cancelled")
STATUS_MAP = {"rumored": "pending", "watching": "pending", "scheduled": "pending",
              "confirmed": "pending", "delayed": "pending", "completed": "done",
              "cancelled": "cancelled"}
IMPACTS = ("positive", "negative", "mixed", "unknown")
UNMAPPED = "(unmapped)"
_CSV_REQUIRED = ("id", "ticker", "entity", "event_type", "window_start", "window_end", "status",
                 "thesis_impact")
_ITEM_SEP, _PART_SEP = " | ", " = "


@dataclass
class PeerRecord:
    """One record, checked and normalised; ``where`` names it in error messages."""

    where: str
    id: str
    ticker: str
    entity: str
    event_type: str
    start: dt.date
    end: dt.date
    status: str
    impact: str
    thesis_key: str
    theme: str = ""
    source_ref: str = ""
    confidence: float | None = None
    urls: list[str] = field(default_factory=list)
    scenarios: dict[str, str] = field(default_factory=dict)
    review_action: str = ""
    outcome: str = ""
    outcome_on: dt.date | None = None
    history: list[tuple[dt.date, str, str]] = field(default_factory=list)
    end_field: str = "date"             # where ``end`` came from: date or window.end

    @property
    def expected(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def title(self) -> str:
        return f"{self.entity} ({self.ticker}): {self.event_type.replace('_', ' ')}"

    def happened(self) -> tuple[dt.date | None, str]:
        """The day a completed or cancelled record happened, and the field it is taken from."""
        if self.status == "completed":
            if self.outcome_on:
                return self.outcome_on, "outcome_recorded_at"
            if self._last("completed"):
                return self._last("completed"), "history"
            return self.end, self.end_field
        if self.status == "cancelled":
            return self._last("cancelled"), "history"
        return None, ""

    def catalyst_values(self) -> dict[str, str | None]:
        status = STATUS_MAP[self.status]
        happened = self.happened()[0]
        return {"title": self.title, "description": self.description(),
                "expected": self.expected, "window_start": self.start.isoformat(),
                "window_end": self.end.isoformat(),
                "precision": "day" if self.start == self.end else "range",
                "status": status, "happened_on": happened.isoformat() if happened else None,
                "outcome": self.outcome, "impact": "-" if self.impact == "negative" else "+"}

    def description(self) -> str:
        lines = [f"{NAME} record {self.id}: {self.event_type.replace('_', ' ')}"
                 + (f", confidence {self.confidence:g}" if self.confidence is not None else "")
                 + f", status {self.status}."]
        if self.impact in ("mixed", "unknown"):
            lines.append(f"Thesis impact: {self.impact}.")
        for key in ("bull", "base", "bear"):
            if self.scenarios.get(key):
                lines.append(f"{key.capitalize()}: {self.scenarios[key]}")
        if self.review_action:
            lines.append(f"Review action: {self.review_action}.")
        if self.source_ref:
            lines.append(f"Source: {self.source_ref}")
        return "\n".join(lines)

    def _last(self, status: str) -> dt.date | None:
        dates = [d for d, s, _ in self.history if s == status]
        return max(dates) if dates else None


# -- reading ----------------------------------------------------------------------------------
def looks_like_peer(path: Path | str) -> bool:
    """A market-catalyst-calendar dataset (JSON with "records", or its CSV columns)?"""
    path = Path(path)
    try:
        text = read_text(path)
    except ImportFailed:
        return False
    if path.suffix.lower() == ".csv":
        first = text.replace("\r\n", "\n").replace("\r", "\n").split("\n", 1)[0]
        try:
            header = next(csv.reader(io.StringIO(first)), [])
        except csv.Error:
            return False
        names = {h.strip().lower() for h in header}
        return {"event_type", "thesis_impact", "window_start"} <= names
    try:
        data = loads(text)
    except NotJson:
        return False
    return isinstance(data, dict) and "format" not in data and isinstance(data.get("records"), list)


def read_peer_file(path: Path | str) -> tuple[object, str]:
    """The dataset as its JSON shape (``parse_dataset`` checks it), and how to name a record's
    position ('record', 'line')."""
    path = Path(path)
    text = read_text(path)
    if path.suffix.lower() == ".csv":
        return csv_to_dataset(text, name=str(path)), "line"
    try:
        parsed: object = loads(text)
        return parsed, "record"
    except NotJson as exc:
        raise ImportFailed(f"{path} cannot be imported: {exc}. Nothing was imported.") from None


def csv_to_dataset(text: str, *, name: str = "the file") -> dict[str, Any]:
    """Its CSV form (one row per record, multi-value cells percent-encoded) as the JSON shape.
    Read as strict CSV, as the catalyst CSV is (model.interchange.table_file): a row it cannot
    read (a quote never closed, a field over the csv module's limit) refuses the file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    started = 1                             # the line the row being read starts on
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
        missing = [c for c in _CSV_REQUIRED if c not in header]
        if missing:
            raise ImportFailed(f"{name} is not a {NAME} CSV: missing column(s) "
                               f"{', '.join(missing)}. Nothing was imported.")
        raw_rows = []
        while True:
            started = reader.line_num + 1
            raw_row = next(reader, None)
            if raw_row is None:
                break
            raw_rows.append(raw_row)
    except csv.Error as exc:
        reason = csv_problem(exc, text, reader.reader, started)
        raise ImportFailed(f"{name} cannot be read as CSV (the row starting on line {started}): "
                           f"{reason}. Nothing was imported.") from None
    records: list[dict[str, Any]] = []
    as_of = None
    for raw_row in raw_rows:
        row = {(k or "").strip(): (v or "").strip() for k, v in raw_row.items()}
        as_of = as_of or row.get("as_of") or None
        record: dict[str, Any] = {k: row.get(k) or None for k in (
            "id", "ticker", "entity", "event_type", "thesis_id", "theme", "sector", "source_ref",
            "status", "thesis_impact", "required_review_action", "actual_outcome",
            "outcome_recorded_at")}
        record["confidence"] = row.get("confidence") or None
        start, end = row.get("window_start", ""), row.get("window_end", "")
        if start and start == end:
            record["date"] = start
        else:
            record["window"] = {"start": start, "end": end}
        record["evidence_urls"] = _split(row.get("evidence_urls", ""), 1)
        record["scenario_notes"] = {k: v for k, v in _split(row.get("scenario_notes", ""), 2)}
        record["history"] = [{"date": d, "status": s, "note": n}
                             for d, s, n in _split(row.get("history", ""), 3)]
        records.append(record)
    return {"as_of": as_of, "records": records}


@overload
def _split(cell: str, parts: Literal[1]) -> list[str]: ...
@overload
def _split(cell: str, parts: Literal[2, 3]) -> list[tuple[str, ...]]: ...
def _split(cell: str, parts: int) -> list[Any]:
    """The items of a multi-value cell: strings for one part, tuples of ``parts`` else."""
    if not cell:
        return []
    out: list[Any] = []
    for item in cell.split(_ITEM_SEP):
        pieces = [urllib.parse.unquote(p) for p in item.split(_PART_SEP)]
        if len(pieces) != parts:
            pieces = (pieces + [""] * parts)[:parts]     # reported when the record is checked
        out.append(pieces[0] if parts == 1 else tuple(pieces))
    return out


# -- checking ---------------------------------------------------------------------------------
def parse_dataset(data: object, *, unit: str = "record",
                  today: dt.date | None = None) -> tuple[dt.date | None, list[PeerRecord]]:
    """Check every record; raise ImportFailed listing each bad one (nothing is imported).
    With ``today``, a record completed or cancelled after it is one (a catalyst is ticked off
    once it has happened, as ``tick --on`` and a bundle require)."""
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        raise ImportFailed(f"This is not a {NAME} dataset: it needs a \"records\" list.")
    problems: list[tuple[str, str]] = []
    records: list[PeerRecord] = []
    seen: set[str] = set()
    try:
        as_of = _date(data.get("as_of"), "as_of", required=False)
    except ValueError as exc:
        problems.append(("as_of", str(exc)))
        as_of = None
    for index, raw in enumerate(data["records"]):
        where = f"{index + 2}" if unit == "line" else f"records[{index}]"
        try:
            record = _record(raw, where)
        except (ValueError, TypeError, AttributeError) as exc:
            label = raw.get("id") if isinstance(raw, dict) else None
            problems.append((f"{where}" + (f" ({label})" if label else ""), str(exc)))
            continue
        if record.id in seen:
            problems.append((f"{where} ({record.id})", "the id is used by an earlier record"))
            continue
        happened, source = record.happened()
        if today and happened and happened > today:
            problems.append((f"{where} ({record.id})",
                             f"status {record.status} on {happened} (its {source}), which is "
                             f"after today ({today}): a catalyst is done once it has happened"))
            continue
        seen.add(record.id)
        records.append(record)
    if problems:
        raise ImportFailed(f"The {NAME} dataset was not imported: {len(problems)} bad "
                           f"{unit}(s), nothing was changed.", problems)
    if not records:
        raise ImportFailed(f"The {NAME} dataset has no records; nothing was imported.")
    return as_of, records


def _text(value: object, name: str, *, required: bool = True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(f"{name} is required")
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {type(value).__name__}")
    if "\x00" in value:
        raise ValueError(f"{name} contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} contains an invalid character (a lone surrogate)") from None
    return value.strip()


@overload
def _date(value: object, name: str, *, required: Literal[True] = ...) -> dt.date: ...
@overload
def _date(value: object, name: str, *, required: bool) -> dt.date | None: ...
def _date(value: object, name: str, *, required: bool = True) -> dt.date | None:
    if value is None or value == "":
        if required:
            raise ValueError(f"{name} is required")
        return None
    try:
        day = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a YYYY-MM-DD date") from None
    if not in_years(day):
        raise ValueError(f"{name} {value!r} is outside the years {FIRST_YEAR} to {LAST_YEAR}")
    return day


def _choice(value: object, options: Collection[str], name: str) -> str:
    cleaned = _text(value, name).lower()
    if cleaned not in options:
        raise ValueError(f"{name} {value!r} is not one of {', '.join(options)}")
    return cleaned


def _record(raw: object, where: str) -> PeerRecord:
    if not isinstance(raw, dict):
        raise ValueError("a record must be an object")
    if raw.get("window") is not None:
        window = raw["window"]
        if not isinstance(window, dict):
            raise ValueError("window must be an object with start and end")
        start = _date(window.get("start"), "window.start")
        end = _date(window.get("end"), "window.end")
        if end < start:
            raise ValueError(f"window.end {end} is before window.start {start}")
        end_field = "window.end"
    elif raw.get("date") is not None:
        start = end = _date(raw["date"], "date")
        end_field = "date"
    else:
        raise ValueError("needs a date or a window")
    urls = raw.get("evidence_urls") or []
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise ValueError("evidence_urls must be a list of URLs")
    scenarios = raw.get("scenario_notes") or {}
    if not isinstance(scenarios, dict):
        raise ValueError("scenario_notes must be an object")
    history: list[tuple[dt.date, str, str]] = []
    for n, entry in enumerate(raw.get("history") or []):
        if not isinstance(entry, dict):
            raise ValueError(f"history[{n}] must be an object")
        history.append((_date(entry.get("date"), f"history[{n}].date"),
                        _choice(entry.get("status"), STATUSES, f"history[{n}].status"),
                        _text(entry.get("note"), f"history[{n}].note", required=False)))
    history.sort()    # the peer's own order: date, status, note
    confidence = raw.get("confidence")
    try:
        confidence = None if confidence in (None, "") else float(confidence)
    except (TypeError, ValueError):
        raise ValueError(f"confidence {confidence!r} is not a number") from None
    thesis = _text(raw.get("thesis_id"), "thesis_id", required=False)
    return PeerRecord(
        where=where, id=_text(raw.get("id"), "id"),
        ticker=_text(raw.get("ticker"), "ticker").upper(),
        entity=_text(raw.get("entity"), "entity"),
        event_type=_text(raw.get("event_type"), "event_type"), start=start, end=end,
        status=_choice(raw.get("status"), STATUSES, "status"),
        impact=_choice(raw.get("thesis_impact"), IMPACTS, "thesis_impact"),
        thesis_key=thesis or UNMAPPED,
        theme=_text(raw.get("theme"), "theme", required=False)
        or _text(raw.get("sector"), "sector", required=False),
        source_ref=_text(raw.get("source_ref"), "source_ref", required=False),
        confidence=confidence, urls=[u.strip() for u in urls if u.strip()],
        scenarios={str(k): _text(v, f"scenario_notes.{k}", required=False)
                   for k, v in scenarios.items()},
        review_action=_text(raw.get("required_review_action"), "required_review_action",
                            required=False),
        outcome=_text(raw.get("actual_outcome"), "actual_outcome", required=False),
        outcome_on=_date(raw.get("outcome_recorded_at"), "outcome_recorded_at", required=False),
        history=history, end_field=end_field)


def thesis_title(key: str) -> str:
    """'ai-infrastructure-capex' -> 'Ai infrastructure capex' (named from the id)."""
    if key == UNMAPPED:
        return f"Unmapped {NAME} records"
    words = key.replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or key
    return text[:1].upper() + text[1:]
