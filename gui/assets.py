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


def _folder() -> Path | None:
    """The package's folder when it is one on disk (a checkout, a wheel, a stand-alone
    build): read directly, which the start-up does several times (palette, translations,
    toolbar icons) for less than importlib.resources' first use costs."""
    if not _FOLDER:
        import gui.resources
        where = getattr(gui.resources, "__file__", None)
        folder = Path(where).parent if where else None
        _FOLDER.append(folder if folder is not None and folder.is_dir() else None)
    return _FOLDER[0]


_FOLDER: list[Path | None] = []


def resource(*parts: str):
    """A Traversable for a shipped file (``resource("icons", "app", "thesis-tracker.svg")``):
    the file itself on disk, else through importlib.resources (a zipped install)."""
    folder = _folder()
    if folder is not None:
        return folder.joinpath(*parts)
    from importlib.resources import files  # pragma: no cover - only for zip imports
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


def icon(name: str, color: str | None = None, sizes: tuple[int, ...] = (16, 24, 32, 48),
         ratios: tuple[float, ...] = (1, 2)):
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
        for ratio in ratios:
            pixmap = QPixmap(round(size * ratio), round(size * ratio))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap)
    return result


def tinted_icon(name: str, size: int = 20):
    """An action icon at one size, for the screens' pixel ratio, in the palette's button text
    colour (what a toolbar shows at the first paint: one small render per icon, no other
    sizes). ``Menus`` draws it again when the palette changes (light and dark)."""
    from PySide6.QtGui import QGuiApplication
    ratio = max(1.0, float(QGuiApplication.instance().devicePixelRatio()))
    return icon(name, sizes=(size,), ratios=(ratio,))


def font_file() -> Path:
    """The bundled CJK font subset for PDFs."""
    return resource_path("fonts", "NotoSansSC-Subset.otf")


def translations_dir() -> Path:
    return resource_path("translations")
