"""Plain-text tables that line up with Chinese text (wide characters take two columns)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from model.cli.safe_text import printable

# The East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, Hangul, fullwidth forms, emoji):
# one regex pass is ~20x faster than asking unicodedata per character, which made a
# 40,000-row `upcoming` table take seconds (#7).
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                   "\uffe0-\uffe6\U0001f300-\U0001f64f\U0001f900-\U0001f9ff"
                   "\U00020000-\U0003fffd]")


def width(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def clip(text: object, limit: int) -> str:
    text = str(text)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        text = " ".join(text.split())
    if not text.isprintable():
        text = printable(text)       # escaped before measuring: columns stay aligned
    if text.isascii() and len(text) <= limit:
        return text
    if width(text) <= limit:
        return text
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out += ch
        used += w
    return out + "…"


def render(headers: list[str], rows: Sequence[Sequence[object]], *,
           limits: dict[int, int] | None = None) -> str:
    limits = limits or {}
    cells = [[clip("" if v is None else v, limits.get(i, 60)) for i, v in enumerate(row)]
             for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(values)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)
