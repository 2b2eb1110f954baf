"""gui/export/fonts.py: exported documents embed a known font with CJK glyphs, registered once
(#5: on a fresh machine Chinese must not come out as boxes)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

import pytest

from gui.export import fonts


@pytest.fixture
def fresh(monkeypatch):
    """Forget the registered families for one test (the cache is module-global)."""
    monkeypatch.setattr(fonts, "_families", None)


def test_a_cjk_font_is_registered_as_the_fallback(qapp, fresh):
    """With the font .ci/setup installs, the list ends with a family that has Chinese glyphs;
    Latin comes first when one of the preferred families is installed."""
    if not any(__import__("pathlib").Path(p).is_file() for p in fonts.CJK_FONT_FILES):
        pytest.skip("no CJK font installed (.ci/setup installs one)")
    families = fonts.register_fonts()
    cjk = families[-1]
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(cjk)
    if len(families) == 2:
        assert families[0] in fonts.LATIN_FAMILIES


def test_registering_twice_returns_the_same_list(qapp, fresh):
    first = fonts.register_fonts()
    assert fonts.register_fonts() is first


def test_without_any_known_font_the_generic_family_is_used(qapp, fresh, monkeypatch,
                                                            tmp_path):
    """A machine with none of the candidate files and none of the Latin families still gets a
    family list (sans-serif), not an empty one that would make Qt pick at random."""
    monkeypatch.setattr(fonts, "CJK_FONT_FILES", (str(tmp_path / "missing.ttc"),))
    monkeypatch.setattr(fonts, "LATIN_FAMILIES", ("No Such Family 12345",))
    assert fonts.register_fonts() == ["sans-serif"]


def test_a_file_that_is_no_font_is_skipped(qapp, fresh, monkeypatch, tmp_path):
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "CJK_FONT_FILES", (str(broken),))
    monkeypatch.setattr(fonts, "LATIN_FAMILIES", ("No Such Family 12345",))
    assert fonts.register_fonts() == ["sans-serif"]
