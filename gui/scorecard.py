"""The thesis scorecard in the Overview (#7): outcomes, slips, positive hit rate, verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from gui.i18n import Retranslating, localize, number_text, translate, word
from model.errors import NotFound


def _percent(rate) -> str:
    return "–" if rate is None else f"{number_text(rate * 100, 0)} %"


def _path(steps, words: bool = False) -> str:
    return " → ".join(word(str(value)) if words else str(value) for _when, value in steps)


def score_lines(score) -> dict[str, str]:
    """The panel's rows as text in the interface's language (also what the tests read)."""
    c = score.counts
    slipped = c.slipped
    slips = translate("Scorecard", "%n slipped", None, slipped)
    if c.average_slip_days is not None:
        slips += translate("Scorecard", ", by {days} days on average").format(
            days=number_text(c.average_slip_days, 0))
    hits = (translate("Scorecard", "{rate} ({done} of {decided} decided '+' catalysts "
                                   "happened)").format(
                rate=_percent(c.positive_hit_rate), done=c.positive_done,
                decided=c.positive_decided)
            if c.positive_decided else translate("Scorecard", "no '+' catalyst decided yet"))
    held = "" if score.conviction_at_outcome is None else \
        translate("Scorecard", " (held {conviction} when it was {outcome})").format(
            conviction=score.conviction_at_outcome, outcome=word(score.outcome))
    return {
        "catalysts": translate("Scorecard", "{done} done · {missed} missed · {cancelled} "
                                            "cancelled · {pending} pending ({total} in "
                                            "all)").format(
                             done=c.done, missed=c.missed, cancelled=c.cancelled,
                             pending=c.pending, total=c.total),
        "slips": slips,
        "hit rate": hits,
        "conviction": translate("Scorecard", "{path}{held} · status {statuses}").format(
            path=_path(score.conviction_path), held=held,
            statuses=_path(score.status_path, words=True)),
        "verdict": localize(score.verdict),
    }


class ScorecardPanel(Retranslating, QGroupBox):
    """Compact; reloaded with the Overview, so a tick shows at once."""

    ROWS = ("catalysts", "slips", "hit rate", "conviction", "verdict")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scorecardPanel")
        form = QFormLayout(self)
        form.setContentsMargins(8, 4, 8, 4)
        self.labels: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self._shown: tuple = (None, None)
        # Set by the window: runs a step after its first paint (at once after that). The
        # scorecard reads every catalyst's history and parses their windows (several ms):
        # the first paint does not wait for it.
        self.later = None
        self._pending = False
        for key in self.ROWS:
            label = QLabel(objectName=f"score_{key.replace(' ', '_')}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = label
            self.titles[key] = QLabel()
            form.addRow(self.titles[key], label)
        self.apply_language()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Scorecard"))
        for key, text in zip(self.ROWS, (self.tr("Catalysts"), self.tr("Slips"),
                                         self.tr("Positive hit rate"),
                                         self.tr("Conviction path"), self.tr("Verdict"))):
            self.titles[key].setText(text)
        self.show_score(*self._shown)

    def show_score(self, tracker, thesis_id) -> None:
        self._shown = (tracker, thesis_id)
        if self.later is not None and thesis_id is not None:
            if not self._pending:
                self._pending = True
                self.later(self._show_pending)
            return
        self._show(tracker, thesis_id)

    def _show_pending(self) -> None:
        self._pending = False
        self.later = None               # the window is up: from now on at once
        self._show(*self._shown)

    def _show(self, tracker, thesis_id) -> None:
        score = None
        if tracker is not None and thesis_id is not None:
            try:
                score = tracker.scorecard.for_thesis(thesis_id)
            except NotFound:
                score = None
        lines = score_lines(score) if score is not None else {}
        for key, label in self.labels.items():
            label.setText(lines.get(key, ""))
