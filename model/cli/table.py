"""Plain-text tables that line up with Chinese text (wide characters take two columns)."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    # ASCII first, and only characters from U+1100 on can be wide: a 40,000-row `upcoming`
    # table spent 9 s here asking unicodedata about every character (#7).
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text
                           if ch >= "\u1100" and unicodedata.east_asian_width(ch) in "WF")


def clip(text: str, limit: int) -> str:
    text = str(text)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        text = " ".join(text.split())
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


def render(headers: list[str], rows: list[list], *, limits: dict[int, int] | None = None) -> str:
    limits = limits or {}
    cells = [[clip("" if v is None else v, limits.get(i, 60)) for i, v in enumerate(row)]
             for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values):
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(values)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)
