"""The translations stay complete (#13 part B): every marked string of gui/ and model/ is in each
.ts file, translated, with nothing obsolete; the committed .qm files are what lrelease makes of
them (a fresh clone needs no Qt tools); a translation keeps its source's fields and mnemonic.

Fails when a string is marked and not translated, when a source string changed and the .ts was
not updated (``make translations``), or when a .qm was not rebuilt.
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tools import translations

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = [translations.ts_file(language) for language in translations.LANGUAGES]


def messages(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, comment) -> the <message> element."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def translations_of(message: ET.Element) -> list[str]:
    element = message.find("translation")
    forms = [form.text or "" for form in element.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [element.text or ""]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_no_entry_is_unfinished_or_obsolete(ts):
    """Linguist's states: every entry finished, none left from a string that is gone."""
    bad = [f"{key}: {message.find('translation').get('type')}"
           for key, message in messages(ts).items()
           if message.find("translation").get("type") in ("unfinished", "obsolete",
                                                          "vanished")
           or not any(translations_of(message))]
    assert bad == []


@pytest.mark.parametrize("language", list(translations.LANGUAGES))
def test_the_ts_files_hold_exactly_the_marked_strings(language, tmp_path):
    """lupdate run afresh over gui/ and model/ finds the same strings as the committed .ts:
    a string marked (or changed) without ``make translations`` fails here."""
    fresh = tmp_path / f"fresh_{language}.ts"
    subprocess.run(translations.lupdate_command(fresh, *translations.LANGUAGES[language]),
                   check=True, capture_output=True)
    committed = messages(translations.ts_file(language))
    now = messages(fresh)
    assert sorted(set(now) - set(committed)) == [], "marked but not in the .ts"
    assert sorted(set(committed) - set(now)) == [], "in the .ts but no longer in the code"
    numerus = {key for key, m in now.items() if m.get("numerus") == "yes"}
    assert numerus == {key for key, m in committed.items() if m.get("numerus") == "yes"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_qm_files_are_built_from_the_ts(ts, tmp_path):
    """The committed .qm is what lrelease makes of the committed .ts."""
    built = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([translations.tool("pyside6-lrelease"), "-silent", str(ts), "-qm",
                    str(built)], check=True)
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes()


FIELD = re.compile(r"\{[^{}]*\}")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_the_fields_and_one_mnemonic(ts):
    """A translation has its source's {fields} (str.format fills them) and %n, and at most
    one & mnemonic where the source has one (文件(&F))."""
    bad = []
    for (context, source, _), message in messages(ts).items():
        for text in translations_of(message):
            if sorted(FIELD.findall(text)) != sorted(FIELD.findall(source)):
                bad.append((context, source, text, "fields"))
            if ("%n" in source) != ("%n" in text):
                bad.append((context, source, text, "%n"))
            mnemonic = re.compile(r"&(?=[^&\s;])")
            if len(mnemonic.findall(text)) != len(mnemonic.findall(source)) \
                    and "&amp;" not in source:
                bad.append((context, source, text, "&"))
    assert bad == []


# -- strings lupdate cannot see -------------------------------------------------------------------
# Where text marked elsewhere (QT_TRANSLATE_NOOP tables, message() and term() in model/) is
# handed to the translator by a variable: file -> functions.
RELAYS = {
    "gui/i18n.py": {"translate", "choose_language", "word", "localize"},
    "gui/detail.py": {"retranslate"},           # the tabs' TITLES
    "gui/menus.py": {"retranslate"},            # every action's text and tip
    "gui/models/base.py": {"header_text"},      # the Column headers
    "gui/models/parts.py": {"_draft_data"},     # a new row's hint
    "gui/onboarding.py": {"__init__"},          # WELCOME
    "gui/shortcuts.py": {"__init__"},           # TABLE_KEYS
    "gui/tables.py": {"catalyst_menu"},         # the ways a catalyst ends
}


def _calls(path: Path):
    """(kind, context, text, node) of each translation call in a file; text is None when the
    text is not a literal (lupdate cannot read it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node, cls, func):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, func)
                continue
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, cls, child.name)
                continue
            if isinstance(child, ast.Call):
                found.extend(_call(child, cls, func))
            visit(child, cls, func)
    visit(tree, None, None)
    return found


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else None


def _call(node: ast.Call, cls, func):
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    args = node.args
    if name == "tr" and isinstance(f, ast.Attribute) and args:
        return [("tr", cls, _literal(args[0]), node, func)]
    if isinstance(f, ast.Attribute) and name == "translate" \
            and not (isinstance(f.value, ast.Name) and f.value.id == "QCoreApplication"):
        return []                               # QPainter.translate and the like
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
        return [(name, _literal(args[0]), _literal(args[1]), node, func)]
    if name in ("message", "term") and args:
        return [(name, "", _literal(args[0]), node, func)]
    return []


def test_every_marked_string_is_one_lupdate_reads():
    """Each translation call in gui/ and model/ names a literal text (and context) that is in
    the Chinese .ts under that context, and a count given to translate() only with texts that
    read well without plural forms ("(s)"): lupdate reads plural forms from tr() only."""
    committed = {(context, source) for context, source, _ in
                 messages(translations.ts_file("zh_CN"))}
    missing, unreadable = [], []
    for path in translations.source_files():
        where = path.relative_to(ROOT)
        for kind, context, text, node, func in _calls(path):
            if text is None or context is None:
                # term(name) puts a field's name into a message: model.messages.VOCABULARY
                # lists them (tests/model/test_messages.py).
                if func not in RELAYS.get(str(where), ()) and kind != "term":
                    unreadable.append(f"{where}:{node.lineno} {kind}")
                continue
            if (context, text) not in committed:
                missing.append(f"{where}:{node.lineno} {context!r} {text!r}")
    assert missing == []
    assert unreadable == []
