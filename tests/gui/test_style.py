"""gui/style.py: table colours follow the system palette: the light variant of a status colour
on a light window, the dark one on a dark window (#12)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

import pytest

from gui import palette, style


@pytest.fixture
def window_colour(qapp):
    """Set the application palette's window colour for one test, then put it back."""
    original = QGuiApplication.palette()

    def use(colour: str) -> None:
        changed = QPalette(original)
        changed.setColor(QPalette.ColorRole.Window, QColor(colour))
        changed.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777777"))
        QGuiApplication.setPalette(changed)
    yield use
    QGuiApplication.setPalette(original)


def test_light_window_uses_the_light_variants(window_colour):
    """On a light window the overdue and status colours are the light variants (the ones the charts
    and PDF use)."""
    window_colour("#f0f0f0")
    assert not style.is_dark()
    assert style.overdue_brush().color().name() == palette.catalyst("overdue")
    assert style.status_brush("missed").color().name() == palette.catalyst("missed")


def test_dark_window_uses_the_dark_variants(window_colour):
    """On a dark window the dark variants, which read on a dark background."""
    window_colour("#1e1e1e")
    assert style.is_dark()
    assert style.overdue_brush().color().name() == palette.catalyst("overdue", dark=True)
    assert style.status_brush("cancelled").color().name() == \
        palette.catalyst("cancelled", dark=True)


def test_muted_is_the_palettes_disabled_text(window_colour):
    """Muted text (a new row, undone history) follows the system's disabled colour."""
    window_colour("#f0f0f0")
    assert style.muted_brush().color().name() == "#777777"
