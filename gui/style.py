"""Colours that follow the system palette, read from the one status palette (gui.palette):
a red for overdue and a colour per catalyst status that read in light and dark."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from gui import palette as colours


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def overdue_brush() -> QBrush:
    """Overdue catalysts, overdue counts and review dates: the charts' overdue colour."""
    return QBrush(QColor(colours.catalyst("overdue", dark=is_dark())))


def status_brush(status: str) -> QBrush:
    """A catalyst's shown status (pending, overdue, done, missed, cancelled) as the charts and
    the PDF draw it: a missed catalyst is red in a table too (#12 item 14)."""
    return QBrush(QColor(colours.catalyst(status, dark=is_dark())))


def muted_brush() -> QBrush:
    palette = QGuiApplication.palette()
    return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
