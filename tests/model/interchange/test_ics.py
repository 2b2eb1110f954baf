"""iCalendar export (#2): one all-day VEVENT per catalyst over its window, stable UIDs, thesis
and status in the text, parsed by the icalendar library."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from model.interchange.bundle import FORMAT, import_bundle
from model.interchange.ics import export_ics


def _events(path):
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_one_all_day_event_per_catalyst_matching_its_window(tracker, tmp_path):
    """Every catalyst is one VEVENT from window start to the day after its end (DTEND is
    exclusive), with the thesis and status in its text (#2)."""
    path = tmp_path / "c.ics"
    count = export_ics(tracker, path)
    catalysts = {r["id"]: r for r in tracker.store.rows(
        "SELECT c.*, t.title AS thesis FROM catalyst c JOIN thesis t ON t.id = c.thesis_id")}
    events = _events(path)
    assert count == len(events) == len(catalysts)
    seen = set()
    for event in events:
        uid = str(event["UID"])
        catalyst_id = int(uid.split("@")[0].removeprefix("catalyst-"))
        row = catalysts[catalyst_id]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date        # all-day, not datetime
        assert start == dt.date.fromisoformat(row["window_start"])
        assert end == dt.date.fromisoformat(row["window_end"]) + dt.timedelta(days=1)
        assert row["title"] in str(event["SUMMARY"]) and row["status"] in str(event["SUMMARY"])
        assert row["thesis"] in str(event["DESCRIPTION"])
        assert row["expected"] in str(event["DESCRIPTION"])
        seen.add(uid)
    assert len(seen) == len(events)


def test_uids_are_stable_across_exports_and_edits(tracker, tmp_path):
    """Two exports give the same UIDs, also after a tick and a slip, so calendar apps update
    events instead of duplicating them (#2)."""
    export_ics(tracker, tmp_path / "a.ics")
    c = tracker.catalysts.for_thesis(tracker.theses.resolve("Big light"))[0]
    tracker.catalysts.tick(c.id, note="done")
    tracker.catalysts.update(c.id, expected="2029")
    export_ics(tracker, tmp_path / "b.ics")
    a = {str(e["UID"]): e for e in _events(tmp_path / "a.ics")}
    b = {str(e["UID"]): e for e in _events(tmp_path / "b.ics")}
    assert a.keys() == b.keys()
    moved = next(e for uid, e in b.items() if uid.startswith(f"catalyst-{c.id}@"))
    assert moved.decoded("DTSTART") == dt.date(2029, 1, 1)
    assert "done" in str(moved["SUMMARY"])
    export_ics(tracker, tmp_path / "c.ics")
    assert (tmp_path / "b.ics").read_bytes() == (tmp_path / "c.ics").read_bytes()


def test_filters_by_thesis_and_pending(tracker, tmp_path):
    """--thesis and --pending-only export exactly those catalysts (#2)."""
    thesis_id = tracker.theses.resolve("Big light")
    n = export_ics(tracker, tmp_path / "t.ics", thesis_ids=[thesis_id], pending_only=True)
    expected = [c for c in tracker.catalysts.for_thesis(thesis_id) if c.status == "pending"]
    assert n == len(expected) == len(_events(tmp_path / "t.ics"))
    assert export_ics(tracker, tmp_path / "none.ics", thesis_ids=[]) == 0


def test_free_text_created_at_still_exports(empty_tracker, tmp_path):
    """A file written by an older version (or another tool) may carry any text as created_at
    (bundles now refuse it, #14); exporting the calendar must not crash on it (#2)."""
    import_bundle(empty_tracker, {"format": FORMAT, "version": 1, "theses": [{
        "id": 1, "title": "T",
        "catalysts": [{"id": 1, "title": "c", "expected": "Q3 2026"}]}]})
    empty_tracker.store.conn.execute("UPDATE catalyst SET created_at = 'last spring'")
    empty_tracker.store.conn.commit()
    assert export_ics(empty_tracker, tmp_path / "x.ics") == 1
    assert len(_events(tmp_path / "x.ics")) == 1


def test_a_window_stored_as_no_date_is_left_off_the_calendar(tracker, tmp_path):
    """A catalyst whose window another tool wrote as text before schema 5 refused it has no
    day to put on a calendar: it is left out, and every other catalyst still exported."""
    import sqlite3
    conn = sqlite3.connect(tracker.path)
    with conn:      # as a file written before m005: its trigger is not there yet
        conn.execute("DROP TRIGGER catalyst_window_start_is_a_date_update")
        conn.execute("UPDATE catalyst SET window_start = '1st half' WHERE id = "
                     "(SELECT min(id) FROM catalyst)")
    conn.close()
    total = len(tracker.store.rows("SELECT id FROM catalyst"))
    path = tmp_path / "c.ics"
    assert export_ics(tracker, path) == len(_events(path)) == total - 1


def test_an_extreme_stored_day_is_left_off_not_a_crash(tracker, tmp_path):
    """A window another tool wrote as 9999-12-31 has no day after it for DTEND, and a
    created_at in year 1 east of UTC none in UTC for DTSTAMP: the export skips the first
    (like an unplaceable window) and stamps the second from its window, instead of the
    OverflowError traceback an attack on the command line found."""
    ids = [r["id"] for r in tracker.store.rows("SELECT id FROM catalyst ORDER BY id")]
    with tracker.store.conn:
        tracker.store.conn.execute("UPDATE catalyst SET window_start = '9999-12-31', "
                                   "window_end = '9999-12-31' WHERE id = ?", (ids[0],))
        tracker.store.conn.execute("UPDATE catalyst SET window_start = '0001-01-01', "
                                   "window_end = '0001-01-01', created_at = "
                                   "'0001-01-01T00:00:00+05:00' WHERE id = ?", (ids[1],))
    path = tmp_path / "c.ics"
    assert export_ics(tracker, path) == len(_events(path)) == len(ids) - 1
    uids = {str(e["UID"]).split("@")[0] for e in _events(path)}
    assert f"catalyst-{ids[0]}" not in uids and f"catalyst-{ids[1]}" in uids
