"""Draw the app icon's PNGs (16 to 512 pixels) from resources/icons/app/thesis-tracker.svg,
and a contact sheet of every icon for looking at them (#13).

Run: .venv/bin/python tools/render_icons.py [SHEET.png]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render_app_icons() -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from gui.assets import APP_ICON_SIZES, APP_ID, resource_path
    folder = resource_path("icons", "app")
    renderer = QSvgRenderer(str(folder / f"{APP_ID}.svg"))
    written = []
    for size in APP_ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = folder / f"{APP_ID}-{size}.png"
        image.save(str(path))
        written.append(path)
    return written


def contact_sheet(target: Path) -> None:
    """Every action icon at 16, 24 and 48 pixels on light and dark, and the app icon sizes."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from gui.assets import ACTION_ICONS, app_icon, icon
    cell, sizes = 64, (16, 24, 48)
    width = cell * len(ACTION_ICONS)
    image = QImage(width, cell * 7, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    for band, (background, color) in enumerate((("#ffffff", "#202124"), ("#202124", "#e8eaed"))):
        top = band * cell * 3
        painter.fillRect(QRect(0, top, width, cell * 3), QColor(background))
        for column, name in enumerate(ACTION_ICONS):
            for row, size in enumerate(sizes):
                pixmap = icon(name, color).pixmap(size, size)
                x = column * cell + (cell - size) // 2
                painter.drawPixmap(x, top + row * cell + (cell - size) // 2, pixmap)
    x = 4
    for size in (16, 24, 32, 48, 64):
        painter.drawPixmap(x, cell * 6 + (cell - size) // 2, app_icon().pixmap(size, size))
        x += size + 12
    painter.setPen(Qt.GlobalColor.black)
    painter.end()
    image.save(str(target))


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    for path in render_app_icons():
        print(path.relative_to(ROOT))
    if len(sys.argv) > 1:
        contact_sheet(Path(sys.argv[1]))
