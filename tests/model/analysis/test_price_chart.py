"""The Prices chart's decisions (#12 defect 1): names, colours, the rebase day."""

from __future__ import annotations

from model.analysis.price_chart import assign_colours, first_common_day, series_label


def test_series_label_is_local_name_and_ticker():
    """A price series is labelled by the local name and ticker a Chinese-market user knows it by
    (#4)."""
    assert series_label("Zhongji Innolight", "中际旭创", "300308.SZ") == "中际旭创 300308.SZ"
    assert series_label("Alphabet", "", "GOOGL") == "Alphabet GOOGL"
    assert series_label("CSI 300", "", None) == "CSI 300"
    assert series_label("", "", "NVDA") == "NVDA"


def test_colours_stay_distinct_as_companies_arrive():
    """Prices for 300308.SZ, then GOOGL, then 300502.SZ: each keeps the colour it was drawn in
    and no two share one (the old chart gave the third the second's orange)."""
    first = assign_colours(["300308"])
    second = assign_colours(["300308", "GOOGL"], first)
    third = assign_colours(["300308", "300502", "GOOGL"], second)
    assert third["300308"] == first["300308"] and third["GOOGL"] == second["GOOGL"]
    assert len(set(third.values())) == 3
    many = assign_colours([str(i) for i in range(30)])
    assert sorted(many.values()) == list(range(30))


def test_first_common_day():
    """The first day every series has a close; the latest first day when they share none."""
    a = ["2025-06-02", "2025-06-03", "2025-06-04"]
    b = ["2025-05-30", "2025-06-03", "2025-06-04"]
    c = ["2025-06-03", "2025-06-04"]
    assert first_common_day([a, b, c]) == "2025-06-03"
    assert first_common_day([["2025-01-01", "2025-01-02"], ["2025-03-01"]]) == "2025-03-01"
    assert first_common_day([[], []]) is None
