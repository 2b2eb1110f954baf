"""Roadmap data (#4, #12 item 15): lanes for the theses the list shows, grouped by theme, and
bars read only for the lanes asked for."""

from __future__ import annotations

from model.analysis.roadmap import lane_bars, roadmap_plan
from model.analysis.timeline import SHOWN_STATUSES


def _bars(tracker, plan, statuses=SHOWN_STATUSES):
    return [b for bars in lane_bars(tracker, plan.lanes, statuses=statuses).values()
            for b in bars]


def test_lanes_follow_the_list_grouped_by_theme(tracker):
    """Lanes come in the order of the ids given (the list's), each under a heading lane for its
    theme (themes in the order their first thesis appears); a thesis the list does not show
    has no lane (#12 item 15)."""
    theses = tracker.theses.all()
    order = [t.id for t in reversed(theses)][:-1]       # the list's order, one filtered out
    plan = roadmap_plan(tracker, order)
    with_catalysts = [i for i in order if tracker.catalysts.for_thesis(i)]
    assert [lane.thesis_id for lane in plan.lanes if not lane.is_heading] == sorted(
        with_catalysts, key=lambda i: [lane.theme for lane in plan.lanes if lane.is_heading]
        .index(tracker.theses.get(i).theme or "No theme"))
    assert [lane.y for lane in plan.lanes] == [float(i) for i in range(len(plan.lanes))]
    assert plan.lanes[0].is_heading and plan.lanes[0].count == sum(
        1 for lane in plan.lanes if lane.theme == plan.lanes[0].theme and not lane.is_heading)
    assert theses[0].id not in {lane.thesis_id for lane in plan.lanes}
    assert plan.theses == len(with_catalysts)
    assert plan.catalysts == sum(len(tracker.catalysts.for_thesis(i)) for i in with_catalysts)


def test_filters_and_packing(tracker):
    """Status and theme filters drop bars and the lanes left empty; bars whose windows overlap
    stack inside their lane without overlapping (#4)."""
    plan = roadmap_plan(tracker)
    bars = _bars(tracker, plan)
    assert len(bars) == tracker.store.scalar("SELECT count(*) FROM catalyst")
    for lane in plan.lanes:
        inside = [b for b in bars if lane.y - 0.5 < b.y < lane.y + 0.5]
        assert len({b.thesis_id for b in inside}) <= 1
        assert not inside or lane.thesis_id == inside[0].thesis_id
        for a in inside:
            for b in inside:
                if a is not b and a.y == b.y:
                    assert a.x1 <= b.x0 or b.x1 <= a.x0, "bars in one row must not overlap"
    done = roadmap_plan(tracker, statuses=["done"])
    done_bars = _bars(tracker, done, ["done"])
    assert done_bars and {b.status for b in done_bars} == {"done"}
    assert done.catalysts == len(done_bars)
    theme = next(t.theme for t in tracker.theses.all() if t.theme)
    themed = roadmap_plan(tracker, themes=[theme])
    assert {lane.theme for lane in themed.lanes} == {theme}
    assert roadmap_plan(tracker, themes=["no such theme"]).lanes == []


def test_bars_are_read_only_for_the_lanes_asked(tracker):
    """Reading one lane's bars gives that thesis's catalysts and no other's (#12 item 15)."""
    plan = roadmap_plan(tracker)
    lane = next(lane for lane in plan.lanes if not lane.is_heading)
    got = lane_bars(tracker, [lane])
    assert list(got) == [lane.y]
    assert sorted(b.catalyst_id for b in got[lane.y]) == sorted(
        c.id for c in tracker.catalysts.for_thesis(lane.thesis_id))
