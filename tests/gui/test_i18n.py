"""gui/i18n.py: the interface language (#13): View ▸ Language… remembers the choice for the
next start; the translators for it are loaded at start-up (Qt's own, so 确定 / 取消), and
English (the source language) loads none."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow

import pytest

from gui import i18n


@pytest.fixture
def restore_locale(qapp):
    """The locale and the translators as they were (a failed test must not leave the rest of
    the suite in Chinese)."""
    before = QLocale()
    yield
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot, settings):
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
    assert i18n.locale_for("") == QLocale.system()
    assert i18n.locale_for("zh_CN").language() == QLocale.Language.Chinese


def test_english_loads_no_translation_and_drops_the_ones_loaded(settings, qapp,
                                                                restore_locale):
    """Switching back to English must leave no Chinese translator installed (the buttons
    would stay 取消), and the default locale follows the choice (dates, numbers)."""
    settings.setValue(i18n.SETTING, "zh_CN")
    loaded = i18n.install_translators(settings, qapp)
    assert loaded and len(i18n._installed) == len(loaded)
    assert QLocale().language() == QLocale.Language.Chinese
    settings.setValue(i18n.SETTING, "en")
    assert i18n.install_translators(settings, qapp) == [] and i18n._installed == []
    assert QLocale().language() == QLocale.Language.English


def test_choosing_a_language_remembers_it_for_the_next_start(window, settings, monkeypatch,
                                                           restore_locale):
    """View ▸ Language… stores the choice and says it applies from the next start; choosing the
    current one says nothing."""
    offered = []
    monkeypatch.setattr(i18n.LanguageDialog, "ask", classmethod(
        lambda cls, parent, names, index: offered.append((names, index)) or ("简体中文", True)))
    assert i18n.choose_language(window) == "zh_CN"
    assert offered == [(["System language", "English", "简体中文"], 0)]
    assert settings.value(i18n.SETTING) == "zh_CN"
    assert "简体中文 from the next start" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    assert i18n.choose_language(window) == "zh_CN"          # the same again: nothing to say
    assert offered[-1][1] == 2 and window.statusBar().currentMessage() == ""


def test_cancelling_the_choice_changes_nothing(window, settings, monkeypatch):
    """Cancel leaves the stored language as it was."""
    settings.setValue(i18n.SETTING, "en")
    monkeypatch.setattr(i18n.LanguageDialog, "ask",
                        classmethod(lambda cls, parent, names, index: ("简体中文", False)))
    assert i18n.choose_language(window) is None
    assert settings.value(i18n.SETTING) == "en"
