"""The interface language (#13): our ``.qm`` translation plus Qt's own ``qtbase`` one, chosen by
View ▸ Language… (remembered in QSettings) or else the system locale.

The app's strings are not marked for translation yet (#13 part B adds the ``.ts``/``.qm``
files to resources/translations); Qt's ``qtbase_zh_CN`` already turns the standard buttons
into 确定 / 取消. A change of language takes effect at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

SETTING = "language"                     # "" or missing: follow the system
LANGUAGES = (("", "System language"), ("en", "English"), ("zh_CN", "简体中文"))
CATALOG = "thesis_tracker"               # thesis_tracker_zh_CN.qm in resources/translations

_installed: list[QTranslator] = []


def chosen_language(settings: QSettings) -> str:
    value = settings.value(SETTING) or ""
    return value if value in {code for code, _ in LANGUAGES} else ""


def locale_for(language: str) -> QLocale:
    return QLocale(language) if language else QLocale.system()


def install_translators(settings: QSettings, app=None) -> list[str]:
    """Load the translations for the chosen (or the system's) language; returns the files
    loaded. English needs none: the source strings are English."""
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = locale_for(chosen_language(settings))
    QLocale.setDefault(locale)          # dates and numbers follow the language too
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return []
    from gui.assets import translations_dir
    loaded = []
    for name, folder in (
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            (CATALOG, str(translations_dir()))):
        translator = QTranslator(app)
        # Tries qtbase_zh_CN, qtbase_zh, ... for the locale's UI languages.
        if translator.load(locale, name, "_", folder, ".qm"):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(translator.filePath())
    return loaded


def choose_language(window) -> str | None:
    """View ▸ Language…: pick one; it is remembered and used from the next start."""
    names = [name for _, name in LANGUAGES]
    current = chosen_language(window.settings)
    index = next(i for i, (code, _) in enumerate(LANGUAGES) if code == current)
    name, ok = LanguageDialog.ask(window, names, index)
    if not ok:
        return None
    code = LANGUAGES[names.index(name)][0]
    window.settings.setValue(SETTING, code)
    window.settings.sync()
    if code != current:
        window.statusBar().showMessage(
            f"The interface will be in {name} from the next start.", 10000)
    return code


class LanguageDialog:
    """The choice as a modal list (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent, names: list[str], index: int) -> tuple[str, bool]:
        from PySide6.QtWidgets import QInputDialog
        return QInputDialog.getItem(parent, "Language", "Interface language (from the next "
                                    "start):", names, index, False)
