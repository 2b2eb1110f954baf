"""Chinese in a PDF on a machine without a CJK font (#13): the bundled Noto Sans SC subset is
registered and embedded, so 光模块 extracts as text instead of being drawn as boxes; the footer
names the one version number."""

from __future__ import annotations

from export_helpers import page_texts
from pypdf import PdfReader

from gui.export import fonts
from gui.export.pdf import export_thesis_pdf
from model import __version__


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


def test_pdf_footer_names_the_version(qapp, tracker, tmp_path):
    """One version number everywhere (#13): the PDF footer says which Thesis Tracker made it."""
    path = tmp_path / "big.pdf"
    export_thesis_pdf(tracker, 1, path)
    for text in page_texts(path):
        assert f"Thesis Tracker {__version__}" in text
