"""Colours that follow the system palette: a red for overdue that reads in light and dark."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def overdue_brush() -> QBrush:
    return QBrush(QColor("#ff6b6b") if is_dark() else QColor("#c62828"))


def muted_brush() -> QBrush:
    palette = QGuiApplication.palette()
    return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
