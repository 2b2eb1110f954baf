"""Chart data (#4): catalyst bars in epoch seconds of UTC midnight, status colours, happened
markers, roadmap lanes and filters, and conviction/status steps from the history."""

from __future__ import annotations

import datetime as dt

from model.analysis.timeline import (
    DAY,
    day_seconds,
    pack_rows,
    stamp_seconds,
    thesis_timeline,
)


def test_day_seconds_is_utc_midnight():
    """Chart x positions are UTC midnights, so a day is drawn at the same place in every time zone
    (#4)."""
    assert day_seconds("1970-01-02") == DAY
    assert day_seconds(dt.date(2026, 11, 24)) == dt.datetime(
        2026, 11, 24, tzinfo=dt.timezone.utc).timestamp()


def test_bars_follow_the_catalysts(tracker):
    """One bar per catalyst in window order; x from the window's first day to the midnight
    after its last (a day is one day wide, a quarter about 91 days); its shown status;
    a marker where it happened (#4)."""
    thesis_id = tracker.theses.add(title="Bars").id
    day = tracker.catalysts.add(thesis_id=thesis_id, title="Day", expected="2026-03-05")
    quarter = tracker.catalysts.add(thesis_id=thesis_id, title="Quarter", expected="Q2 2026")
    year = tracker.catalysts.add(thesis_id=thesis_id, title="Year", expected="2027")
    late = tracker.catalysts.add(thesis_id=thesis_id, title="Late", expected="Q3 2026")
    tracker.catalysts.tick(quarter.id, status="missed", on="2026-07-02")
    tracker.catalysts.tick(day.id, on="2026-03-05")
    t = thesis_timeline(tracker, thesis_id)
    assert [b.catalyst_id for b in t.bars] == [day.id, quarter.id, late.id, year.id]
    assert [b.y for b in t.bars] == [0.0, 1.0, 2.0, 3.0]
    assert [label for _, label in t.lanes] == ["Day", "Quarter", "Late", "Year"]
    by_id = {b.catalyst_id: b for b in t.bars}
    assert (by_id[day.id].x0, by_id[day.id].x1) == (day_seconds("2026-03-05"),
                                                    day_seconds("2026-03-06"))
    assert by_id[day.id].is_point and not by_id[quarter.id].is_point
    assert by_id[quarter.id].x1 - by_id[quarter.id].x0 == 91 * DAY
    assert by_id[year.id].x1 - by_id[year.id].x0 == 365 * DAY
    assert {b.catalyst_id: b.status for b in t.bars} == {
        day.id: "done", quarter.id: "missed", late.id: "overdue", year.id: "pending"}
    assert by_id[quarter.id].happened_x == day_seconds("2026-07-02")
    assert by_id[year.id].happened_x is None
    assert t.today_x == day_seconds("2026-11-24")
    assert t.x_range[0] < by_id[day.id].x0 and t.x_range[1] > by_id[year.id].x1
    assert "Status: missed on 2026-07-02" in by_id[quarter.id].tooltip
    assert "Window: Q2 2026 (2026-04-01 – 2026-06-30 (quarter))" in by_id[quarter.id].tooltip


def test_conviction_and_status_steps_come_from_history(tracker, clock):
    """Conviction and status as steps: the value before the first change, then each change
    at its time, up to now (#4)."""
    thesis_id = tracker.theses.add(title="Steps", conviction=2).id
    created = stamp_seconds(tracker.theses.get(thesis_id).created_at)
    tracker.store.clock = type(clock).fixed(dt.datetime(2026, 11, 24, 11, 0,
                                                        tzinfo=dt.timezone.utc))
    tracker.theses.set_conviction(thesis_id, 4)
    tracker.theses.set_status(thesis_id, "active")
    tracker.store.clock = type(clock).fixed(dt.datetime(2026, 11, 24, 12, 0,
                                                        tzinfo=dt.timezone.utc))
    tracker.theses.set_conviction(thesis_id, 5)
    t = thesis_timeline(tracker, thesis_id)
    eleven = dt.datetime(2026, 11, 24, 11, tzinfo=dt.timezone.utc).timestamp()
    noon = eleven + 3600
    assert t.conviction.xs == [created, eleven, noon, noon]
    assert t.conviction.ys == [2.0, 4.0, 5.0]
    assert t.status.ys == [t.status_names.index("draft"), t.status_names.index("active")]
    assert len(t.status.xs) == len(t.status.ys) + 1


def test_pack_rows_reuses_rows_once_free():
    """Bars that overlap go on separate rows; a row is reused once its bar has ended (#4)."""
    assert pack_rows([(0, 10 * DAY), (2 * DAY, 5 * DAY), (20 * DAY, 30 * DAY)]) == [0, 1, 0]


def test_conviction_starts_at_its_first_recorded_value(tracker):
    """Big light records conviction 3 on 9 Dec 2025 (no earlier value), then 3 → 4: the steps
    start there at 3, never at today's 4 from the thesis's creation (#12 defect 5)."""
    big = next(t.id for t in tracker.theses.all() if t.title.startswith("Big light"))
    steps = thesis_timeline(tracker, big).conviction
    assert steps.ys == [3.0, 4.0]
    assert steps.known_from == stamp_seconds("2025-12-09T09:01:00Z")


def test_a_history_row_with_no_value_is_left_out(empty_tracker):
    """A bundle may hold a conviction row with neither old nor new (the schema allows null):
    as the first row it made the chart fail with float(None); it says nothing, so the steps
    are those of a thesis with no recorded change."""
    from model.interchange.bundle import import_bundle
    import_bundle(empty_tracker, {
        "format": "thesis-tracker-bundle", "version": 1,
        "theses": [{"id": 1, "title": "Blank row", "conviction": 4, "history": [
            {"at": "2026-01-05T09:00:00Z", "field": "created", "new": "Blank row"},
            {"at": "2026-02-01T09:00:00Z", "field": "conviction", "old": None, "new": None}]}]},
        backup=False)
    steps = thesis_timeline(empty_tracker, 1).conviction
    assert steps.ys == [4.0]
    assert steps.known_from == stamp_seconds("2026-01-05T09:00:00Z")


def test_opens_fitted_to_catalysts_and_today(tracker):
    """A new thesis opens on months around today, never four weeks; with catalysts, on all of
    them and today (#12 defect 4)."""
    thesis = tracker.theses.add(title="New").id
    today = day_seconds(tracker.clock.today())
    lo, hi = thesis_timeline(tracker, thesis).x_range
    assert lo < today < hi and hi - lo >= 180 * DAY
    tracker.catalysts.add(thesis_id=thesis, title="Far", expected="2029")
    lo, hi = thesis_timeline(tracker, thesis).x_range
    assert lo < today and hi > day_seconds("2030-01-01")
