"""The thesis scorecard in the Overview (#7): outcomes, slips, positive hit rate, verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from model.errors import NotFound


def _percent(rate) -> str:
    return "–" if rate is None else f"{rate * 100:.0f} %"


def _path(steps) -> str:
    return " → ".join(str(value) for _when, value in steps)


def score_lines(score) -> dict[str, str]:
    """The panel's rows as text (also what the tests read)."""
    c = score.counts
    slips = f"{c.slipped} slipped"
    if c.average_slip_days is not None:
        slips += f", by {c.average_slip_days:.0f} days on average"
    hits = (f"{_percent(c.positive_hit_rate)} ({c.positive_done} of {c.positive_decided} "
            f"decided '+' catalysts happened)" if c.positive_decided
            else "no '+' catalyst decided yet")
    held = "" if score.conviction_at_outcome is None else \
        f" (held {score.conviction_at_outcome} when it was {score.outcome})"
    return {
        "catalysts": (f"{c.done} done · {c.missed} missed · {c.cancelled} cancelled · "
                      f"{c.pending} pending ({c.total} in all)"),
        "slips": slips,
        "hit rate": hits,
        "conviction": f"{_path(score.conviction_path)}{held} · status "
                      f"{_path(score.status_path)}",
        "verdict": score.verdict,
    }


class ScorecardPanel(QGroupBox):
    """Compact; reloaded with the Overview, so a tick shows at once."""

    def __init__(self, parent=None):
        super().__init__("Scorecard", parent)
        self.setObjectName("scorecardPanel")
        form = QFormLayout(self)
        form.setContentsMargins(8, 4, 8, 4)
        self.labels: dict[str, QLabel] = {}
        for key, text in (("catalysts", "Catalysts"), ("slips", "Slips"),
                          ("hit rate", "Positive hit rate"), ("conviction", "Conviction path"),
                          ("verdict", "Verdict")):
            label = QLabel(objectName=f"score_{key.replace(' ', '_')}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = label
            form.addRow(text, label)

    def show_score(self, tracker, thesis_id) -> None:
        score = None
        if tracker is not None and thesis_id is not None:
            try:
                score = tracker.scorecard.for_thesis(thesis_id)
            except NotFound:
                score = None
        lines = score_lines(score) if score is not None else {}
        for key, label in self.labels.items():
            label.setText(lines.get(key, ""))
