"""Chart text (#12 defects 4 and 6, "months when a year or less is in view")."""

from __future__ import annotations

from model.analysis.chart_text import date_ticks, place_labels
from model.analysis.timeline import day_seconds


def _labels(lo: str, hi: str, width: float = 800) -> list[str]:
    return [label for _, label, _ in date_ticks(day_seconds(lo), day_seconds(hi), width) if label]


def test_every_range_says_its_year():
    """Years beyond about a year in view, months with their year up to a year, days with month
    and year up to six weeks; the year is always on the axis."""
    years = _labels("2025-11-01", "2028-02-01")
    assert {"2026", "2027", "2028"} <= set(years)
    # More than a year in view that starts after 1 January: the first year is said on its
    # first quarter (the axis read "Apr, Jul, Oct, 2027": 2026 never appeared).
    assert _labels("2026-03-01", "2027-09-30")[:4] == ["Apr 2026", "Jul", "Oct", "2027"]
    assert "2026" in " ".join(_labels("2026-03-01", "2027-09-30", width=300))
    assert _labels("2026-05-20", "2028-06-30")[:3] == ["Jul 2026", "Oct", "2027"]
    # 1 January at the very left end, where its label would be cut (the PDF's narrow chart
    # showed "2027" alone): dropped, and the first quarter says the year.
    assert _labels("2025-12-29", "2027-05-30", width=420)[:3] == ["Apr 2026", "Jul", "Oct"]
    months = _labels("2026-03-15", "2026-12-20")
    assert months[0] == "Apr 2026" and "May" in months and "Dec" in months
    assert _labels("2026-11-10", "2027-02-10")[-2:] == ["Jan 2027", "Feb"]
    days = _labels("2026-11-20", "2026-12-05")
    assert days[0].endswith("Nov 2026") and "1 Dec 2026" in days


def test_labels_never_overlap():
    """Two brief spans side by side ("draft" then "active"): each label fits inside its own
    span or is dropped; the longer span wins (#12 defect 6)."""
    assert place_labels([(0, 20), (20, 40)], [35, 40], lo=0, hi=800) == [None, None]
    lefts = place_labels([(0, 100), (100, 400)], [35, 40], lo=0, hi=800)
    assert lefts == [4, 104]
    # A span partly scrolled out of view is labelled in its visible part.
    assert place_labels([(-500, 300)], [40], lo=0, hi=800) == [4]
    assert place_labels([(750, 1000)], [60], lo=0, hi=800) == [None]
