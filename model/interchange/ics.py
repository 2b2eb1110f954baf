"""Catalysts as an iCalendar file: each an all-day event over its expected window.

UIDs are stable (``catalyst-<id>@<database name>.thesis-tracker``) so a calendar app that
re-imports the file updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from model.interchange.textfile import write_atomically
from model.storage.date_sql import PLACED

if TYPE_CHECKING:
    from icalendar import Calendar

    from model.service import Tracker
    from model.storage.store import Row

# RFC 5545 (3.3.11 TEXT): CONTROL characters other than tab may not appear in text; a line
# break is written escaped by icalendar, so only CR is folded into it first (#14 item 15).
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def ics_text(value: object) -> str:
    """Field text fit for an iCalendar TEXT value: forbidden control characters removed."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text)


def build_calendar(tracker: Tracker, *, thesis_ids: Iterable[int] | None = None,
                   pending_only: bool = False) -> Calendar:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Thesis Tracker//thesis-tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Thesis catalysts")
    store = tracker.store
    clauses: list[str] = []
    params: list[int] = []
    if thesis_ids is not None:
        ids = [int(i) for i in thesis_ids]
        clauses.append(f"c.thesis_id IN ({','.join('?' * len(ids)) or 'NULL'})")
        params.extend(ids)
    if pending_only:
        clauses.append("c.status = 'pending'")
    clauses.append(PLACED)      # a window stored as no date has no day on a calendar
    where = "WHERE " + " AND ".join(clauses)
    rows = store.rows(
        f"SELECT c.*, t.title AS thesis_title, t.status AS thesis_status FROM catalyst c "
        f"JOIN thesis t ON t.id = c.thesis_id {where} ORDER BY c.window_start, c.id", params)
    domain = f"{tracker.path.stem}.thesis-tracker"
    for row in rows:
        try:
            start = dt.date.fromisoformat(row["window_start"])
            end = dt.date.fromisoformat(row["window_end"]) + dt.timedelta(days=1)
        except (ValueError, OverflowError):
            # A window another tool stored ending on 9999-12-31 has no day after it for
            # DTEND (the app refuses years outside 1900-2200): left off, as an unplaced one.
            continue
        event = Event()
        event.add("uid", f"catalyst-{row['id']}@{domain}")
        event.add("summary", f"{ics_text(row['title'])} [{row['status']}]")
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("dtstamp", _stamp(row))
        lines = [f"Thesis: {row['thesis_title']} ({row['thesis_status']})",
                 f"Catalyst status: {row['status']}",
                 f"Expected: {row['expected']}",
                 f"Expected impact: {row['impact']}"]
        if row["happened_on"]:
            lines.append(f"Happened on: {row['happened_on']}")
        if row["outcome"]:
            lines.append(f"Outcome: {row['outcome']}")
        if row["description"]:
            lines.append("")
            lines.append(row["description"])
        event.add("description", ics_text("\n".join(lines)))
        event.add("categories", [ics_text(row["thesis_title"])])
        if row["status"] == "cancelled":
            event.add("status", "CANCELLED")
        elif row["status"] == "done":
            event.add("status", "CONFIRMED")
        else:
            event.add("status", "TENTATIVE")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar


def _stamp(row: Row) -> dt.datetime:
    """DTSTAMP (in UTC) from when the catalyst was created, so two exports are identical; an
    imported bundle may hold free text there, or a time with no UTC day (year 1, east of
    UTC), which falls back to the window start."""
    try:
        stamp = dt.datetime.fromisoformat(row["created_at"].replace("Z", "+00:00"))
        return (stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)).astimezone(
            dt.timezone.utc)
    except (ValueError, AttributeError, OverflowError):
        return dt.datetime.fromisoformat(row["window_start"]).replace(tzinfo=dt.timezone.utc)


def export_ics(tracker: Tracker, path: Path | str, *, thesis_ids: Iterable[int] | None = None,
               pending_only: bool = False) -> int:
    calendar = build_calendar(tracker, thesis_ids=thesis_ids, pending_only=pending_only)
    write_atomically(path, calendar.to_ical())
    return len(calendar.walk("VEVENT"))
