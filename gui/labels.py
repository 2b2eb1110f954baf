"""A one-line label that cuts its text with "…" where the room ends.

QLabel with an Ignored size policy clips plain text mid-letter ("…Google TPU v7 ramp; NVII");
this one draws what fits with an ellipsis and keeps the whole text in ``text()`` (and, unless
a tooltip of its own is set, as its tooltip while it is cut).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent=None, **kwargs):
        super().__init__(text, parent, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        # Long text must not widen the window: the label takes the room there is.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:        # noqa: N802 - Qt naming
        """A few letters wide: the rest of the text is what the "…" stands for."""
        return QSize(self.fontMetrics().horizontalAdvance("M…") * 2,
                     super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """What is drawn: the text, cut with "…" to the label's width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

    def is_cut(self) -> bool:
        return self.shown_text() != self.text()

    def paintEvent(self, event) -> None:        # noqa: N802 - Qt naming
        painter = QPainter(self)
        self.style().drawItemText(
            painter, self.contentsRect(),
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.palette(),
            self.isEnabled(), self.shown_text(), self.foregroundRole())
        painter.end()
