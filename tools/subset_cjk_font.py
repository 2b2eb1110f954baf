"""Cut the bundled CJK font for PDFs (#13): Noto Sans CJK SC (SIL Open Font License 1.1, from
Debian's fonts-noto-cjk) reduced to the characters Chinese research notes use: the 3,755
common hanzi of GB 2312 level 1, every character of the demo, CJK and full-width punctuation,
and Latin. Run: .venv/bin/python tools/subset_cjk_font.py [SOURCE.ttc]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE = 2                # Noto Sans CJK SC inside the collection
TARGET = ROOT / "resources" / "fonts" / "NotoSansSC-Subset.otf"


def gb2312_level1() -> str:
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def characters() -> str:
    demo = json.dumps(json.loads((ROOT / "seeds" / "demo.json").read_text("utf-8")),
                      ensure_ascii=False)
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F),
              (0xFF00, 0xFFEF), (0x2190, 0x21FF), (0x25A0, 0x25FF)]
    extra = "".join(chr(c) for start, end in ranges for c in range(start, end + 1))
    return "".join(sorted(set(gb2312_level1() + demo + extra + "年月日季度上下半")))


def main() -> int:
    from fontTools import subset
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    options = subset.Options()
    options.font_number = FACE
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = ["*"]
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(TARGET), options)
    print(f"{TARGET.relative_to(ROOT)}: {len(characters())} characters, "
          f"{TARGET.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
