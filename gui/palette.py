"""Every colour that carries meaning, in one place: catalyst and thesis statuses, price series,
the today line, conviction. Charts, PDFs and tables all read from here (#12).

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


# A catalyst as it is shown: pending, overdue (pending past its window), done, missed,
# cancelled. A missed catalyst is red everywhere: in the Catalysts table too (#12 item 14).
CATALYST = {
    "pending": Shade("#1565c0", "#64b5f6"),
    "overdue": Shade("#c45500", "#ffa040"),
    "done": Shade("#2e7d32", "#81c784"),
    "missed": Shade("#c62828", "#ff6b6b"),
    "cancelled": Shade("#757575", "#bdbdbd"),
}

# A thesis's status (the spans under the timeline, the roadmap, documents).
THESIS = {
    "draft": Shade("#757575", "#bdbdbd"),
    "active": Shade("#1565c0", "#64b5f6"),
    "watch": Shade("#a66d00", "#ffd54f"),
    "confirmed": Shade("#2e7d32", "#81c784"),
    "broken": Shade("#c62828", "#ff6b6b"),
    "closed": Shade("#424242", "#e0e0e0"),
}

# Price series and other categorical lines (Okabe-Ito; black becomes near-white on dark).
SERIES = (
    Shade("#0072b2", "#56b4e9"),    # blue
    Shade("#e69f00", "#e69f00"),    # orange
    Shade("#009e73", "#009e73"),    # bluish green
    Shade("#d55e00", "#ff7f2a"),    # vermillion
    Shade("#56b4e9", "#8fd0f5"),    # sky blue
    Shade("#cc79a7", "#e3a6c8"),    # reddish purple
    Shade("#000000", "#eeeeee"),    # black
    Shade("#b8a400", "#f0e442"),    # yellow (darkened on white, where pure yellow is faint)
)
SERIES_DASHES = ("solid", "dash", "dot")    # after every colour is used, the next pattern
BENCHMARK = Shade("#7f7f7f", "#a0a0a0")     # a thesis's benchmark index: grey, drawn dashed

TODAY = Shade("#d32f2f", "#ff6b6b")
CONVICTION = Shade("#6a1b9a", "#ce93d8")
OVERDUE_TEXT = CATALYST["overdue"]          # overdue counts and dates in the lists
MUTED = Shade("#5f6b7a", "#9aa5b1")
ACCENT = Shade("#1f3a5f", "#90caf9")        # document headings, table headers


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
