"""gui/i18n.py (#13 part B): which files each language loads, model messages in the interface's
language, dates and numbers as the locale writes them, plural forms in English, widgets that
say their texts again only when the language changed, and the translation files it loads
(complete, fresh, compiled)."""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QLabel, QWidget

import pytest

from gui import i18n
from model.errors import ValidationError
from model.messages import message, term
from tools import translations


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    return i18n


def names(paths) -> list[str]:
    return [Path(p).name for p in paths]


def test_each_language_loads_its_files(qapp):
    """Chinese: Qt's own qtbase_zh_CN and ours; English (and the C locale of the tests):
    only our English plural forms."""
    assert names(i18n.install_language("zh_CN")) == ["qtbase_zh_CN.qm",
                                                     "thesis_tracker_zh_CN.qm"]
    assert i18n.installed_language() == "zh_CN"
    assert names(i18n.install_language("en")) == ["thesis_tracker_en.qm"]
    assert names(i18n.install_language("")) == ["thesis_tracker_en.qm"]


def test_english_says_one_thesis_and_two_theses(qapp):
    """The English plural forms (lupdate -pluralonly): "1 catalyst overdue", "2 catalysts"."""
    i18n.install_language("en")
    say = lambda n: QCoreApplication.translate("MainWindow", "%n catalyst(s) overdue",  # noqa
                                               None, n)
    assert (say(1), say(2)) == ("1 catalyst overdue", "2 catalysts overdue")


def test_model_messages_are_translated_with_their_words(chinese):
    """The template and the vocabulary words in it are translated; what the user typed and
    paths stay as they are; a date value is written as the locale writes it."""
    refused = ValidationError(message("The {what} must not be empty.", what=term("title")))
    assert i18n.error_text(refused) == "标题不能为空。"
    late = message("The date it happened ({day}) is after today ({today}): a catalyst is "
                   "ticked off once it has happened.", day=dt.date(2026, 12, 1),
                   today=dt.date(2026, 11, 24))
    assert i18n.localize(late) == ("发生日期（2026/12/1）晚于今天（2026/11/24）："
                                   "催化剂要在发生之后才能勾选。")
    typed = message("Cannot read {path}: {reason}.", path="/data/title.csv", reason="title")
    assert i18n.localize(typed) == "无法读取 /data/title.csv：title。"
    assert i18n.localize("plain text") == "plain text"
    assert i18n.word("pending") == "待发生"


def test_a_translation_that_lost_a_field_falls_back_to_english(qapp):
    """A translator's slip must never crash a dialog: the English is shown instead."""
    class Broken(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "{nope}" if source == "The {what} must not be empty." else None
    broken = Broken()
    qapp.installTranslator(broken)
    try:
        text = message("The {what} must not be empty.", what=term("title"))
        assert QCoreApplication.translate("", text.template) == "{nope}"
        assert i18n.localize(text) == "The title must not be empty."
    finally:
        qapp.removeTranslator(broken)


def test_dates_and_numbers_follow_the_locale(qapp):
    """Stored ISO; shown as the locale writes a short date with the whole year; the C locale
    (no language) keeps ISO."""
    i18n.install_language("")
    assert i18n.date_text("2026-02-09") == "2026-02-09"
    assert i18n.timestamp_text("2026-11-24 10:00:00") == "2026-11-24 10:00:00"
    i18n.install_language("zh_CN")
    assert i18n.date_text("2026-02-09") == "2026/2/9"
    assert i18n.date_text(dt.date(2026, 2, 9)) == "2026/2/9"
    assert i18n.timestamp_text("2026-11-24 10:00:00") == "2026/11/24 10:00"
    assert i18n.date_text("H2 2026") == "H2 2026"             # not a date: as it is
    assert i18n.number_text(1234567) == "1,234,567"
    i18n.install_language("en")
    assert i18n.date_text("2026-02-09") == "2/9/2026"          # never a two-digit year


class Counting(i18n.Retranslating, QWidget):
    def __init__(self):
        super().__init__()
        self.label = QLabel(self)
        self.times = 0
        self.apply_language()

    def retranslate(self) -> None:
        self.times += 1
        self.label.setText(QCoreApplication.translate("StartupNotice", "Dismiss"))


def test_widgets_say_their_texts_again_when_the_language_changes(qtbot):
    """A language installed after a widget was built reaches it (LanguageChange); a
    LanguageChange that brings no new language (Qt sends one for any translator) does not
    make it set its texts again."""
    i18n.install_language("")
    widget = Counting()
    qtbot.addWidget(widget)
    assert (widget.times, widget.label.text()) == (1, "Dismiss")
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert widget.times == 1
    i18n.install_language("zh_CN")
    qtbot.waitUntil(lambda: widget.label.text() == "关闭")
    assert widget.times == 2


def test_choose_language_switches_and_remembers(qtbot, settings, monkeypatch):
    """View ▸ Language…: the choice is saved and installed at once; the status bar says so
    in the new language."""
    from PySide6.QtWidgets import QMainWindow
    i18n.install_language("")
    window = QMainWindow()
    window.settings = settings
    qtbot.addWidget(window)
    monkeypatch.setattr(i18n.LanguageDialog, "ask",
                        classmethod(lambda cls, parent, names, index: ("简体中文", True)))
    assert i18n.choose_language(window) == "zh_CN"
    assert settings.value(i18n.SETTING) == "zh_CN"
    assert i18n.installed_language() == "zh_CN"
    assert window.statusBar().currentMessage() == "界面语言已切换为简体中文。"


# -- which language (merged from the mirrored tests of main) --------------------------------------
@pytest.fixture
def window(qtbot, settings):
    from PySide6.QtWidgets import QMainWindow
    main = QMainWindow()
    main.settings = settings
    qtbot.addWidget(main)
    return main


def test_a_stored_language_is_used_only_if_it_is_one_we_offer(settings):
    """An unknown stored language falls back to the system's instead of loading nothing that
    matches."""
    assert i18n.chosen_language(settings) == ""
    settings.setValue(i18n.SETTING, "zh_CN")
    assert i18n.chosen_language(settings) == "zh_CN"
    settings.setValue(i18n.SETTING, "klingon")
    assert i18n.chosen_language(settings) == ""


def test_locale_for_follows_the_system_unless_chosen():
    """No choice means the system locale."""
    from PySide6.QtCore import QLocale
    assert i18n.locale_for("") == QLocale.system()
    assert i18n.locale_for("zh_CN").language() == QLocale.Language.Chinese


def test_english_drops_the_chinese_translators(settings, qapp):
    """Switching back to English must leave no Chinese translator installed (the buttons
    would stay 取消), and the default locale follows the choice (dates, numbers)."""
    from PySide6.QtCore import QLocale
    settings.setValue(i18n.SETTING, "zh_CN")
    loaded = i18n.install_translators(settings, qapp)
    assert loaded and len(i18n._installed) == len(loaded)
    assert QLocale().language() == QLocale.Language.Chinese
    settings.setValue(i18n.SETTING, "en")
    assert names(i18n.install_translators(settings, qapp)) == ["thesis_tracker_en.qm"]
    assert len(i18n._installed) == 1
    assert QLocale().language() == QLocale.Language.English


def test_choosing_the_same_language_again_says_nothing(window, settings, monkeypatch):
    """View ▸ Language… offers the languages with the current one chosen; choosing it again
    changes nothing and says nothing."""
    offered = []
    monkeypatch.setattr(i18n.LanguageDialog, "ask", classmethod(
        lambda cls, parent, names, index: offered.append((names, index)) or ("简体中文", True)))
    assert i18n.choose_language(window) == "zh_CN"
    assert offered == [(["System language", "English", "简体中文"], 0)]
    window.statusBar().clearMessage()
    generation = i18n.generation()
    assert i18n.choose_language(window) == "zh_CN"
    assert offered[-1] == (["跟随系统", "English", "简体中文"], 2)
    assert window.statusBar().currentMessage() == "" and i18n.generation() == generation


def test_cancelling_the_choice_changes_nothing(window, settings, monkeypatch):
    """Cancel leaves the stored language as it was."""
    settings.setValue(i18n.SETTING, "en")
    monkeypatch.setattr(i18n.LanguageDialog, "ask",
                        classmethod(lambda cls, parent, names, index: ("简体中文", False)))
    assert i18n.choose_language(window) is None
    assert settings.value(i18n.SETTING) == "en"


# -- the translation files (resources/translations, made by tools/translations.py) ---------------
# Every marked string of gui/ and model/ is in each .ts file, translated, with nothing obsolete;
# the committed .qm files are what lrelease makes of them (a fresh clone needs no Qt tools); a
# translation keeps its source's fields and mnemonic. Fails when a string is marked and not
# translated, when a source string changed and the .ts was not updated (make translations), or
# when a .qm was not rebuilt.
ROOT = Path(__file__).resolve().parents[2]
TS_FILES = [translations.ts_file(language) for language in translations.LANGUAGES]


def messages(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, comment) -> the <message> element."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for entry in context.iter("message"):
            key = (name, entry.findtext("source") or "", entry.findtext("comment") or "")
            found[key] = entry
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
    for (context, source, _), entry in messages(ts).items():
        for text in translations_of(entry):
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
    "gui/models/parts.py": {"_draft_data", "unfinished_draft"},   # a new row: hint, notice
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


def test_a_count_given_to_translate_reads_as_english_plurals():
    """translate(…, n) has no plural forms in the English .qm (lupdate reads them from tr()
    only): "Exported 1 thesis(es) (3 page(s)) to PDF." read so after an export (found by a
    walk through the app)."""
    from gui.i18n import english_count, translate
    assert english_count("%n thesis(es), %n catalyst(s), %n company(ies)", 1) == \
        "%n thesis, %n catalyst, %n company"
    assert english_count("thesis(es) catalyst(s) company(ies) page(s)", 2) == \
        "theses catalysts companies pages"
    assert translate("Export", "Exported %n thesis(es) ({pages}) to PDF.", None, 1) == \
        "Exported 1 thesis ({pages}) to PDF."
    assert translate("Export", "%n page(s)", None, 3) == "3 pages"
    assert translate("Export", "Export (beta)") == "Export (beta)"     # no count: as written
