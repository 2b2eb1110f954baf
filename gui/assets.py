"""What the app shows and ships, as package data (#13): read with importlib.resources, so an
installed wheel and a stand-alone build find the files wherever they are.

- ``icons/app/``: the app icon, ``thesis-tracker.svg`` and PNGs from 16 to 512 pixels
  (``tools/render_icons.py`` draws the PNGs from the SVG);
- ``icons/actions/``: the action icons (New thesis, Tick, Review, Search, Upcoming, Export PDF,
  Undo, Redo, Import, Delete), drawn for the app in one style: 24-pixel grid, 2-pixel round
  strokes in ``currentColor``, which ``icon()`` paints in the palette's text colour;
- ``desktop/``: the .desktop file and the AppStream metainfo (``make install-desktop``);
- ``fonts/``: a subset of Noto Sans SC (SIL Open Font License, beside it) for PDFs on machines
  without a CJK font;
- ``translations/``: the app's ``.ts`` sources and compiled ``.qm`` files (gui.i18n).

The colours tables, charts and documents use are in gui/palette.py, not here: one place.
"""

from __future__ import annotations

from pathlib import Path

APP_ID = "thesis-tracker"       # the icon files' names (thesis-tracker-32.png)
# The .desktop file's name (setDesktopFileName), the AppStream id and the installed icon name.
DESKTOP_ID = "io.github.thesistracker.ThesisTracker"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ACTION_ICONS = ("new-thesis", "tick", "review", "search", "upcoming", "export-pdf", "undo",
                "redo", "import", "delete")


def resource(*parts: str):
    """A Traversable for a shipped file (``resource("icons", "app", "thesis-tracker.svg")``)."""
    from importlib.resources import files  # not at import: the start-up does not need it
    node = files("gui.resources")
    for part in parts:
        node = node / part
    return node


def resource_path(*parts: str) -> Path:
    """A real file path for a shipped file. Wheels and stand-alone builds install files on
    disk, so this is the file itself; a zipped install would get a temporary copy."""
    node = resource(*parts)
    if isinstance(node, Path):
        return node
    from importlib.resources import as_file
    with as_file(node) as path:         # pragma: no cover - only for zip imports
        return Path(path)


def app_icon_files() -> list[Path]:
    return [resource_path("icons", "app", f"{APP_ID}-{size}.png") for size in APP_ICON_SIZES]


def app_icon():
    """The app icon in every size (PNGs: no SVG renderer loaded at start-up)."""
    from PySide6.QtGui import QIcon
    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    return icon


def icon_svg(name: str) -> str:
    if name not in ACTION_ICONS:
        raise KeyError(f"no action icon {name!r}")
    return resource("icons", "actions", f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, color: str | None = None, sizes: tuple[int, ...] = (16, 24, 32, 48)):
    """An action icon drawn in ``color`` (default: the palette's button text, so it reads in
    light and dark mode); Qt derives the disabled look from it."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
    from PySide6.QtSvg import QSvgRenderer
    if color is None:
        color = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText).name()
    renderer = QSvgRenderer(QByteArray(icon_svg(name).replace("currentColor", color).encode()))
    result = QIcon()
    for size in sizes:
        for ratio in (1, 2):
            pixmap = QPixmap(size * ratio, size * ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap)
    return result


def lazy_icon(name: str):
    """An action icon that draws itself when first painted, at the size asked for, in the
    palette's text colour at that moment: building a menu or toolbar costs no SVG work, and
    after the system switches between light and dark the next paint uses the new colour."""
    from PySide6.QtGui import QIcon
    if not _ENGINE:
        _ENGINE.append(_tinted_engine())    # QIconEngine and QtSvg are not start-up imports
    return QIcon(_ENGINE[0](name))


_ENGINE: list = []


def _tinted_engine():
    from PySide6.QtCore import QByteArray, QRect, QSize, Qt
    from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

    class TintedSvg(QIconEngine):
        """Renders ``icons/actions/<name>.svg`` with currentColor as the palette's button text
        (greyed for a disabled action), cached per colour and size."""

        def __init__(self, name: str):
            super().__init__()
            self.name = name
            self._cache: dict[tuple[str, int, int, float], QPixmap] = {}

        def clone(self):
            return TintedSvg(self.name)

        def _colour(self, mode) -> str:
            palette = QGuiApplication.palette()
            group = (QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled
                     else QPalette.ColorGroup.Active)
            return palette.color(group, QPalette.ColorRole.ButtonText).name()

        def scaledPixmap(self, size, mode, state, scale):        # noqa: N802 - Qt naming
            colour = self._colour(mode)
            key = (colour, size.width(), size.height(), scale)
            pixmap = self._cache.get(key)
            if pixmap is None:
                from PySide6.QtSvg import QSvgRenderer
                svg = icon_svg(self.name).replace("currentColor", colour)
                renderer = QSvgRenderer(QByteArray(svg.encode()))
                pixmap = QPixmap(QSize(round(size.width() * scale),
                                       round(size.height() * scale)))
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = QPainter(pixmap)
                renderer.render(painter)
                painter.end()
                pixmap.setDevicePixelRatio(scale)
                self._cache[key] = pixmap
            return QPixmap(pixmap)

        def pixmap(self, size, mode, state):
            return self.scaledPixmap(size, mode, state, 1.0)

        def paint(self, painter, rect, mode, state):
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            pixmap = self.scaledPixmap(rect.size(), mode, state, ratio)
            painter.drawPixmap(QRect(rect.topLeft(), rect.size()), pixmap)

    return TintedSvg


def font_file() -> Path:
    """The bundled CJK font subset for PDFs."""
    return resource_path("fonts", "NotoSansSC-Subset.otf")


def translations_dir() -> Path:
    return resource_path("translations")
