"""Catalysts from a CSV file or a spreadsheet (.xlsx, .xls, .ods): all rows or none.

Columns (header row, any order, any case): ``thesis``, ``title``, ``expected`` required;
``status``, ``done_on``, ``note``, ``impact``, ``description`` optional. ``thesis`` names an
existing thesis by id or title (unambiguous prefix). A ``done_on`` may not be after today (as
for ``tick --on``); a row done, missed or cancelled without one happened today, as ``tick``
without ``--on`` records. Every bad row is reported by its line number with the reason, and
then nothing is imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model import validate
from model.constants import CATALYST_STATUSES
from model.date_windows import parse_window
from model.errors import ImportFailed, UserError
from model.interchange.table_file import Table, parse_text, read_table
from model.interchange.textfile import refuse_bad_rows
from model.messages import Message, joined, message

if TYPE_CHECKING:
    from model.service import Tracker

REQUIRED = ("thesis", "title", "expected")
OPTIONAL = ("status", "done_on", "note", "impact", "description")
_ALIASES = {"happened_on": "done_on", "date": "done_on", "outcome": "note", "window": "expected"}


def parse_catalyst_csv(tracker: Tracker, text: str, *,
                       name: str = "the file") -> list[dict[str, Any]]:
    """Check every row of a CSV text (separated by , ; or tab); return the rows to insert or
    raise ImportFailed listing each problem."""
    return parse_catalyst_table(tracker, parse_text(text, name=name))


def parse_catalyst_table(tracker: Tracker, table: Table) -> list[dict[str, Any]]:
    """Check every row of a table (CSV or spreadsheet); return the rows to insert or raise
    ImportFailed listing each problem."""
    name, header = table.name, table.header
    columns = [_column_name(h) for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    unknown = [h for h, c in zip(header, columns) if c not in REQUIRED + OPTIONAL]
    duplicated = sorted({c for c in columns if columns.count(c) > 1 and c})
    if missing or unknown or duplicated:
        parts: list[Message] = []
        if missing:
            parts.append(message("missing required column(s): {columns}",
                                 columns=", ".join(missing)))
        if unknown:
            parts.append(message("unknown column(s): {columns} (allowed: {allowed})",
                                 columns=", ".join(unknown),
                                 allowed=", ".join(REQUIRED + OPTIONAL)))
        if duplicated:
            parts.append(message("duplicated column(s): {columns}",
                                 columns=", ".join(duplicated)))
        raise ImportFailed(message("{name} has the wrong columns: {problems}. Nothing was "
                                   "imported.", name=name, problems=joined(parts, "; ")))
    rows: list[dict[str, Any]] = []      # the catalyst rows to insert (a Window as "window")
    problems = list(table.problems)
    theses_cache: dict[str, int] = {}
    for line_no, record in table.rows:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(columns):
            problems.append((line_no, message("has {fields} fields, the header has {columns}",
                                              fields=len(record), columns=len(columns))))
            continue
        values = dict(zip(columns, record))
        try:
            rows.append(_row(tracker, values, theses_cache))
        except UserError as exc:
            problems.append((line_no, exc.message))
    problems.sort()
    refuse_bad_rows(name, problems, rows, "catalyst")
    return rows


def _row(tracker: Tracker, values: dict[str, str], cache: dict[str, int]) -> dict[str, Any]:
    with _column("thesis"):
        thesis_ref = values["thesis"].strip()
        if thesis_ref not in cache:
            cache[thesis_ref] = tracker.theses.resolve(thesis_ref)
    with _column("expected"):
        window = parse_window(values["expected"])
    with _column("status"):
        status = validate.choice(values.get("status") or "pending", CATALYST_STATUSES,
                                 what="catalyst status")
    with _column("done_on"):
        done_on = tracker.catalysts.happened_day(values.get("done_on"), required=False)
    if done_on and status == "pending":
        status = "done"
    elif status != "pending" and not done_on:
        done_on = tracker.clock.today().isoformat()     # as `tick` without --on
    with _column("title"):
        title = validate.text(values["title"], what="title", required=True).strip()
    with _column("description"):
        description = validate.text(values.get("description"), what="description")
    with _column("note"):
        outcome = validate.text(values.get("note"), what="note")
    with _column("impact"):
        impact = validate.impact(values.get("impact") or "+")
    return {"thesis_id": cache[thesis_ref], "title": title, "description": description,
            "window": window, "status": status, "happened_on": done_on, "outcome": outcome,
            "impact": impact}


@contextmanager
def _column(name: str) -> Iterator[None]:
    """Name the column in a bad value's message: "row 3: column expected: ..." (#6)."""
    try:
        yield
    except UserError as exc:
        raise type(exc)(f"column {name}: {exc}") from None


def import_catalyst_csv(tracker: Tracker, path: Path | str, *, backup: bool = True) -> int:
    """Import every row of a CSV or spreadsheet in one transaction, with a history row for each
    one already ticked. Every row is checked before the backup is taken: a refused file takes
    none (#14 item 10)."""
    rows = parse_catalyst_table(tracker, read_table(path))
    store = tracker.store
    if backup:
        from model.storage import backup as backups
        backups.take_backup(store, reason="before-import")
    stamp = store.clock.stamp()
    with store.write("Import catalysts"):
        for row in rows:
            window = row.pop("window")
            catalyst_id = store.insert("catalyst", {
                **row, "expected": window.text, "window_start": window.start.isoformat(),
                "window_end": window.end.isoformat(), "precision": window.precision,
                "created_at": stamp})
            if row["status"] != "pending":
                tracker.history.record(row["thesis_id"], "catalyst", old="pending",
                                       new=row["status"], note=row["outcome"],
                                       catalyst_id=catalyst_id, subject=row["title"])
    return len(rows)


def _column_name(header: str) -> str:
    name = header.strip().lstrip("\ufeff").strip().lower()
    return _ALIASES.get(name, name)
