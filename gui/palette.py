"""Every colour that carries meaning, in one place (resources/palette.json): catalyst and
thesis statuses, price series, the today line, conviction. Charts, PDFs and tables all read
from here (#12, #13).

Each colour has a light variant (dark enough to read as text on white paper or a light window)
and a dark variant (for a dark window). Charts and exported documents are drawn on white and
use the light variant; tables pick by the system palette (``gui.style``).

The series colours are Okabe and Ito's set for colour-vision deficiency ("Color Universal
Design", 2002), which stays distinct for protanopes, deuteranopes and tritanopes; beyond eight
series the colours repeat with a dashed, then dotted, line so no two series look alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shade:
    light: str      # on white / a light window
    dark: str       # on a dark window

    def pick(self, dark: bool = False) -> str:
        return self.dark if dark else self.light


def _load() -> dict:
    """resources/palette.json (installed as gui.resources): the one file of colours."""
    import json

    from gui.assets import resource
    return json.loads(resource("palette.json").read_text(encoding="utf-8"))


_DATA = _load()


def _shade(pair: list[str]) -> Shade:
    return Shade(pair[0], pair[1])


# A catalyst as it is shown: pending, overdue (pending past its window), done, missed,
# cancelled. A missed catalyst is red everywhere: in the Catalysts table too (#12 item 14).
CATALYST = {name: _shade(pair) for name, pair in _DATA["catalyst"].items()}
# A thesis's status (the spans under the timeline, the roadmap, documents).
THESIS = {name: _shade(pair) for name, pair in _DATA["thesis"].items()}
# Price series and other categorical lines (Okabe-Ito; black becomes near-white on dark).
SERIES = tuple(_shade(pair) for pair in _DATA["series"])
SERIES_DASHES = tuple(_DATA["series_dashes"])   # after every colour is used, the next pattern
BENCHMARK = _shade(_DATA["benchmark"])          # a thesis's benchmark index: grey, dashed
TODAY = _shade(_DATA["today"])
CONVICTION = _shade(_DATA["conviction"])
OVERDUE_TEXT = CATALYST["overdue"]              # overdue counts and dates in the lists
MUTED = _shade(_DATA["muted"])
ACCENT = _shade(_DATA["accent"])                # document headings, table headers


def catalyst(status: str, *, dark: bool = False) -> str:
    """The colour of a catalyst's shown status (unknown statuses as pending)."""
    return CATALYST.get(status, CATALYST["pending"]).pick(dark)


def thesis(status: str, *, dark: bool = False) -> str:
    return THESIS.get(status, THESIS["draft"]).pick(dark)


def series(index: int, *, dark: bool = False) -> tuple[str, str]:
    """(colour, dash) of the index-th series: every colour solid, then every colour dashed..."""
    shade = SERIES[index % len(SERIES)]
    dash = SERIES_DASHES[(index // len(SERIES)) % len(SERIES_DASHES)]
    return shade.pick(dark), dash


def catalyst_colours(*, dark: bool = False) -> dict[str, str]:
    return {name: shade.pick(dark) for name, shade in CATALYST.items()}


def thesis_colours(*, dark: bool = False) -> dict[str, str]:
    return {name: shade.pick(dark) for name, shade in THESIS.items()}


# Chips (#13): a colour per theme, one for tags.
THEMES = tuple(_shade(pair) for pair in _DATA["themes"])
TAG = _shade(_DATA["tag"])


def theme_slots(themes) -> dict[str, int]:
    """A distinct colour (an index into THEMES) per theme, as far as there are colours: each
    theme takes the slot its name hashes to (stable across runs and databases), or the next
    free one; themes are placed in name order, so the same set always gets the same colours
    and a new theme moves none of the others unless it takes a slot first."""
    import zlib
    slots: dict[str, int] = {}
    taken: set[int] = set()
    for theme in sorted({t for t in themes if t}, key=str.casefold):
        slot = zlib.crc32(theme.casefold().encode("utf-8")) % len(THEMES)
        if len(taken) < len(THEMES):
            while slot in taken:
                slot = (slot + 1) % len(THEMES)
        slots[theme] = slot
        taken.add(slot)
    return slots


def theme(name: str, slots: dict[str, int] | None = None, *, dark: bool = False) -> str:
    """A theme's chip colour (its slot among ``slots``, else its hashed one)."""
    slot = (slots or {}).get(name)
    if slot is None:
        slot = theme_slots([name]).get(name, 0)
    return THEMES[slot].pick(dark)
