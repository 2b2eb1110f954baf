"""gui/palette.py: every colour that carries meaning, in one place (#12). Charts, PDFs and
tables read from here, so a status must have one colour everywhere, read on white paper and on
a dark window, and series must stay distinguishable."""

from __future__ import annotations

import pytest

from gui import palette
from model.constants import CATALYST_STATUSES, THESIS_STATUSES


def _luminance(colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_status_has_a_colour():
    """Catalyst statuses plus 'overdue' (a shown state), and every thesis status."""
    assert set(palette.CATALYST) == set(CATALYST_STATUSES) | {"overdue"}
    assert set(palette.THESIS) == set(THESIS_STATUSES)


@pytest.mark.parametrize("status", [*CATALYST_STATUSES, "overdue"])
def test_catalyst_colours_read_as_text_on_white_and_on_a_dark_window(status):
    """Light variants are text on white paper (PDF) and light windows; dark variants on a dark
    window: both at least 3:1, the WCAG minimum for large text and marks."""
    assert _contrast(palette.catalyst(status), "#ffffff") >= 3
    assert _contrast(palette.catalyst(status, dark=True), "#202020") >= 3


def test_missed_is_red_everywhere_and_distinct_from_overdue():
    """#12 item 14: a missed catalyst is red in the table too; overdue is its own orange."""
    assert palette.catalyst("missed") == palette.CATALYST["missed"].light
    assert palette.catalyst("missed") != palette.catalyst("overdue")
    assert palette.catalyst_colours()["missed"] == palette.catalyst("missed")
    assert palette.catalyst_colours(dark=True)["missed"] == palette.catalyst("missed", dark=True)


def test_unknown_statuses_fall_back_instead_of_failing():
    """A status from another tool or a newer file still gets a colour (pending's, draft's)."""
    assert palette.catalyst("someday") == palette.catalyst("pending")
    assert palette.thesis("someday") == palette.thesis("draft")
    assert palette.thesis_colours(dark=True)["broken"] == palette.THESIS["broken"].dark


def test_series_colours_then_dashes_never_repeat_a_look():
    """Eight Okabe-Ito colours solid, then dashed, then dotted: 24 series look different."""
    looks = [palette.series(i) for i in range(len(palette.SERIES) * 3)]
    assert len(set(looks)) == len(looks)
    assert [dash for _, dash in looks[::len(palette.SERIES)]] == ["solid", "dash", "dot"]
    assert palette.series(0) == (palette.SERIES[0].light, "solid")
    assert palette.series(0, dark=True)[0] == palette.SERIES[0].dark


def test_shade_picks_its_variant():
    """Light on white paper and light windows, dark on dark windows."""
    shade = palette.Shade("#000001", "#fffffe")
    assert (shade.pick(), shade.pick(dark=False), shade.pick(dark=True)) == (
        "#000001", "#000001", "#fffffe")
