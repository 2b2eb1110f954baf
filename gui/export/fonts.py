"""Fonts for exported documents: a registered CJK font as fallback so Chinese, Japanese and Korean
text is drawn with real glyphs (and extracts as text) on any machine that ran ``.ci/setup``."""

from __future__ import annotations

from pathlib import Path

# The Debian package fonts-wqy-microhei (installed by .ci/setup) first; the others are what
# other distributions and macOS ship, tried only when it is absent.
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
# Latin text prefers these when installed; the CJK font covers Latin too, so none is required.
LATIN_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")

_families: list[str] | None = None


def register_fonts() -> list[str]:
    """Register the CJK font once; return the family list to use (Latin first, CJK fallback)."""
    global _families
    if _families is not None:
        return _families
    from PySide6.QtGui import QFontDatabase

    cjk: list[str] = []
    # Else the subset of Noto Sans SC shipped in resources/fonts (#13): Chinese exports
    # on a machine without a CJK font.
    for candidate in (*CJK_FONT_FILES, str(_bundled_font())):
        if Path(candidate).is_file():
            font_id = QFontDatabase.addApplicationFont(candidate)
            if font_id >= 0:
                cjk = list(QFontDatabase.applicationFontFamilies(font_id))[:1]
                break
    installed = set(QFontDatabase.families())
    latin = [f for f in LATIN_FAMILIES if f in installed][:1]
    _families = latin + cjk or ["sans-serif"]
    return _families


def _bundled_font() -> Path:
    from gui.assets import font_file
    return font_file()
