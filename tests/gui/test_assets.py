"""gui/assets.py and resources/ (#13): what the app shows and ships is package data, complete
and loadable: the app icon in every size, one consistent set of action icons, the desktop
files, the CJK font for PDFs, the translations folder."""

from __future__ import annotations

import configparser
import json
import xml.etree.ElementTree as ET

from PySide6.QtGui import QImage, QRawFont
from PySide6.QtSvg import QSvgRenderer

import pytest

from gui import assets as resources
from gui.assets import (
    ACTION_ICONS,
    APP_ICON_SIZES,
    APP_ID,
    DESKTOP_ID,
    icon,
    icon_svg,
    resource,
    resource_path,
)
from model.demo import seed_bundle


def test_app_icon_svg_and_every_png_size(qapp):
    """The SVG renders, and a square PNG of each size from 16 to 512 exists (launchers,
    taskbars and the About box pick the nearest)."""
    assert QSvgRenderer(str(resource_path("icons", "app", f"{APP_ID}.svg"))).isValid()
    assert APP_ICON_SIZES[0] == 16 and APP_ICON_SIZES[-1] == 512
    for size in APP_ICON_SIZES:
        image = QImage(str(resource_path("icons", "app", f"{APP_ID}-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(size // 2, size // 2).alpha() == 255
    assert sorted(resources.app_icon().availableSizes(), key=lambda s: s.width())[-1].width() \
        == 512


@pytest.mark.parametrize("name", ACTION_ICONS)
def test_action_icons_are_one_set_drawn_in_the_palette_colour(qapp, name):
    """Every action icon the toolbar needs: a 24-pixel SVG of 2-pixel round strokes in
    currentColor (one style), drawn in the colour asked for."""
    svg = icon_svg(name)
    root = ET.fromstring(svg)
    assert root.get("viewBox") == "0 0 24 24" and root.get("stroke") == "currentColor"
    assert root.get("stroke-width") == "2" and root.get("fill") == "none"
    image = icon(name, "#ff0000").pixmap(48, 48).toImage()
    painted = [image.pixelColor(x, y) for x in range(48) for y in range(48)
               if image.pixelColor(x, y).alpha() > 200]
    assert len(painted) > 48
    assert all(c.red() > 200 and c.green() < 60 and c.blue() < 60 for c in painted)


def test_the_ten_actions_and_their_licence():
    """The ten action icons ship with their licence beside them (#13)."""
    assert set(ACTION_ICONS) == {"new-thesis", "tick", "review", "search", "upcoming",
                                 "export-pdf", "undo", "redo", "import", "delete"}
    assert "MIT License" in resource("icons", "actions", "LICENSE").read_text()


def test_desktop_file_and_metainfo_name_the_same_app():
    """The .desktop entry, the AppStream id, the icon name and setDesktopFileName agree,
    or the desktop shows a generic icon and groups windows wrongly."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(resource("desktop", f"{DESKTOP_ID}.desktop").read_text())
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Thesis Tracker"
    assert section["Icon"] == DESKTOP_ID and section["Exec"].startswith("thesis-tracker")
    assert "Office" in section["Categories"]
    info = ET.fromstring(resource("desktop", f"{DESKTOP_ID}.metainfo.xml").read_text())
    assert info.findtext("id") == DESKTOP_ID
    assert info.find("launchable").text == f"{DESKTOP_ID}.desktop"
    from model import __version__
    assert info.find("releases/release").get("version") == __version__


def test_bundled_cjk_font_covers_the_demo_and_has_its_licence(qapp):
    """Every Chinese character of the demo (and the common hanzi) is in the bundled font, so a
    PDF of the demo never draws a box; the OFL travels with it."""
    font = QRawFont(str(resources.font_file()), 12)
    assert font.isValid() and font.familyName() == "Noto Sans CJK SC"
    demo = json.dumps(seed_bundle(), ensure_ascii=False)
    chinese = {ch for ch in demo if "\u4e00" <= ch <= "\u9fff"}
    assert len(chinese) > 20

    def drawn(ch: str) -> bool:
        # A glyph of its own (0 is .notdef, the box). QRawFont.supportsCharacter says False
        # for some characters Noto's cmap does map (片, 的), so the glyph itself is checked.
        (glyph,) = font.glyphIndexesForString(ch)
        return glyph != 0 and not font.pathForGlyph(glyph).isEmpty()
    missing = [ch for ch in sorted(chinese | set("的一是在不了有和人这中大为上个国我以要他"))
               if not drawn(ch)]
    assert missing == []
    assert not drawn("\U00020000")      # outside the subset: the check can fail
    assert "SIL OPEN FONT LICENSE Version 1.1" in resource("fonts", "OFL.txt").read_text()


def test_translations_folder_ships():
    """The translations folder is package data (gui.i18n loads from it, #13)."""
    assert resource("translations").is_dir()
