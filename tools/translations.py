"""Update the translations (#13): lupdate reads the marked strings of gui/ and model/ into
resources/translations/*.ts, lrelease compiles each into the .qm the app loads.

- thesis_tracker_zh_CN.ts: every string, translated into Simplified Chinese (Qt Linguist);
- thesis_tracker_en.ts: only the strings with plural forms ("%n theses"), so English says
  "1 thesis" and "2 theses" (``lupdate -pluralonly``; the other English is the source).

model/ marks its messages with ``message()`` and ``term()`` (model.messages, no Qt): lupdate
is told to read them as ``QT_TR_NOOP`` (context ""). Locations are left out of the .ts files,
so moving code does not change them. A string that changed leaves its old entry obsolete for
the translator to reuse; ``--drop-obsolete`` removes those once they are done.

Run: make translations   (or .venv/bin/python tools/translations.py [--drop-obsolete])
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = ("gui", "model")
LANGUAGES = {"zh_CN": [], "en": ["-pluralonly"]}
ALIASES = "QT_TR_NOOP+=message,QT_TR_NOOP+=term"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def source_files() -> list[Path]:
    """Every Python file of gui/ and model/, in a stable order (lupdate's directory scan
    does not pick up .py files)."""
    return sorted(p for s in SOURCES for p in (ROOT / s).rglob("*.py"))


def lupdate_command(ts: Path, *extra: str) -> list[str]:
    return [tool("pyside6-lupdate"), *(str(p) for p in source_files()),
            "-tr-function-alias", ALIASES, "-locations", "none", "-silent", *extra,
            "-ts", str(ts)]


def ts_file(language: str) -> Path:
    return FOLDER / f"thesis_tracker_{language}.ts"


def update(*, drop_obsolete: bool = False) -> list[Path]:
    written = []
    for language, extra in LANGUAGES.items():
        ts = ts_file(language)
        flags = [*extra, *(["-no-obsolete"] if drop_obsolete else [])]
        subprocess.run(lupdate_command(ts, *flags), check=True)
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        written += [ts, qm]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop-obsolete", action="store_true",
                        help="remove entries whose source string is gone")
    args = parser.parse_args(argv)
    for path in update(drop_obsolete=args.drop_obsolete):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
