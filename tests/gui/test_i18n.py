"""gui/i18n.py (#13 part B): which files each language loads, model messages in the interface's
language, dates and numbers as the locale writes them, plural forms in English, and widgets
that say their texts again only when the language changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QLabel, QWidget

import pytest

from gui import i18n
from model.errors import ValidationError
from model.messages import message, term


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
        self.label.setText(QCoreApplication.translate("MainWindow", "Dismiss"))


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
