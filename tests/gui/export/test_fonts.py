"""gui/export/fonts.py: exported documents embed a known font with CJK glyphs, registered once
(#5, #13: on a machine without a CJK font Chinese must not come out as boxes; the bundled
Noto Sans SC subset is the last resort)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

import pytest
from pypdf import PdfReader

from gui.export import fonts
from gui.export.pdf import export_thesis_pdf
from tests.gui.export.helpers import page_texts


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
    """The font is registered once per process, however many PDFs are written."""
    first = fonts.register_fonts()
    assert fonts.register_fonts() is first


def test_without_any_known_font_the_generic_family_is_used(qapp, fresh, monkeypatch,
                                                            tmp_path):
    """A machine with none of the candidate files, no bundled font and none of the Latin
    families still gets a family list (sans-serif), not an empty one that would make Qt pick
    at random."""
    monkeypatch.setattr(fonts, "CJK_FONT_FILES", (str(tmp_path / "missing.ttc"),))
    monkeypatch.setattr(fonts, "_bundled_font", lambda: tmp_path / "missing.otf")
    monkeypatch.setattr(fonts, "LATIN_FAMILIES", ("No Such Family 12345",))
    assert fonts.register_fonts() == ["sans-serif"]


def test_a_file_that_is_no_font_is_skipped_for_the_next(qapp, fresh, monkeypatch, tmp_path):
    """A candidate file Qt cannot load is skipped; the bundled font takes its place (#13)."""
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "CJK_FONT_FILES", (str(broken),))
    assert fonts.register_fonts()[-1] == "Noto Sans CJK SC"        # the bundled one


def _embedded_fonts(path) -> set[str]:
    names = set()
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont")))
    return names


def test_pdf_uses_the_bundled_cjk_font_when_none_is_installed(qapp, tracker, tmp_path,
                                                             monkeypatch):
    """With none of the system CJK fonts present, the PDF still embeds a CJK font (ours)
    and its Chinese extracts as text; before #13 the family list had no CJK font at all."""
    monkeypatch.setattr(fonts, "CJK_FONT_FILES", ("/nonexistent/font.ttc",))
    monkeypatch.setattr(fonts, "_families", None)
    families = fonts.register_fonts()
    assert families[-1] == "Noto Sans CJK SC"
    thesis = tracker.ops.add_thesis(title="光模块 扩产 中际旭创", theme="光通信").value
    path = tmp_path / "cjk.pdf"
    export_thesis_pdf(tracker, thesis.id, path)
    text = " ".join(page_texts(path))
    assert "光模块 扩产 中际旭创" in text and "光通信" in text
    assert any("NotoSansCJK" in name for name in _embedded_fonts(path)), _embedded_fonts(path)
    monkeypatch.setattr(fonts, "_families", None)     # the next test registers its own
