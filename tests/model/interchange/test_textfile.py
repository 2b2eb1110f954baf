"""model/interchange/textfile.py: text files in whatever encoding analysts save them (#2),
refused with a message when the bytes cannot be trusted (#14); whole-or-nothing writes."""

from __future__ import annotations

import pytest

from model.interchange.textfile import decode


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
@pytest.mark.parametrize("text", ["光模块", "中际旭创", "新易盛, 天孚通信",
                                  "thesis,title\n1,硅光\n", "Zürich café"])
def test_decode_detects_the_encoding(encoding, text):
    """textfile.decode returns the exact text for every encoding analysts' files come in (#2)."""
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot hold {text!r}")
    decoded, _ = decode(raw)
    assert decoded == text


@pytest.mark.parametrize("text,encoding", [("Zürich café, Müller", "cp1252"),
                                           ("價格戰光模組台積電", "big5")])
def test_other_legacy_encodings_are_not_taken_for_gbk(text, encoding):
    """Preferring GB18030 for Chinese files must not garble Western or Big5 files (#2)."""
    assert decode(text.encode(encoding))[0] == text
