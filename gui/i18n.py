"""The interface language (#13): our translation plus Qt's own ``qtbase`` one, chosen by View ▸
Language… (remembered in QSettings) or else the system locale, and switched in the running
window.

- Strings are marked where they are written: ``self.tr("…")`` in a QObject's methods,
  ``translate("Context", "…")`` (this module's, which lupdate reads as
  ``QCoreApplication.translate``) elsewhere, ``QT_TRANSLATE_NOOP`` for tables of text kept
  in constants. ``{name}`` fields are Python ``str.format`` fields; counts use Qt's ``%n``
  so each language words its own plurals (English too: its ``.qm`` carries only the plural
  forms, made with ``lupdate -pluralonly``). lupdate reads plural forms only from ``tr()``
  (and from ``translate()`` with a literal count), so a count in ``translate()`` is written
  "thesis(es)" and reads right without them.
- Text from model/ arrives as ``model.messages.Message``: ``localize`` looks its template up
  (context "") and fills in its values, translating the words among them.
- Dates and numbers the user reads follow the language's locale (``date_text``,
  ``number_text``); what is stored and what is typed stay ISO.
- A language change posts ``QEvent.LanguageChange`` to every widget: the window's parts set
  their texts in ``retranslate()`` (``Retranslating``), so View ▸ Language… switches the
  window at once.

``make translations`` runs lupdate and lrelease; resources/translations/README.md says how.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

SETTING = "language"                     # "" or missing: follow the system
# (code, name): each language named in itself; the system's choice in the interface language.
LANGUAGES = (("", QT_TRANSLATE_NOOP("Language", "System language")), ("en", "English"),
             ("zh_CN", "简体中文"))
CATALOG = "thesis_tracker"               # thesis_tracker_zh_CN.qm in resources/translations

_installed: list[QTranslator] = []
# "generation" is bumped by every install (widgets compare theirs); "language" is the code
# installed last (None: none yet).
_state: dict = {"generation": 0, "language": None}


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``; lupdate finds the calls by this name.

    lupdate reads plural forms from ``tr()`` only, so a count given here has none in the
    English .qm: English text that still says "thesis(es)" gets the form the count needs
    ("1 thesis", "2 theses"; it showed "Exported 1 thesis(es) (3 page(s))")."""
    out = QCoreApplication.translate(context, text, disambiguation, n)
    if n >= 0 and "(" in out:
        out = english_count(out, n)
    return out


_COUNTED = re.compile(r"\b(\w+?)(y?)\((s|es|ies)\)")


def english_count(text: str, n: int) -> str:
    """"catalyst(s)", "thesis(es)", "company(ies)" as ``n`` of them reads in English."""
    def form(found: re.Match) -> str:
        stem, y, ending = found.groups()
        if n == 1:
            return stem + y
        if y or ending == "ies":
            return stem + "ies"
        if ending == "es" and stem.endswith("is"):
            return stem[:-2] + "es"             # thesis -> theses
        return stem + ending
    return _COUNTED.sub(form, text)


# -- which language -------------------------------------------------------------------------
def chosen_language(settings: QSettings) -> str:
    value = settings.value(SETTING) or ""
    return value if value in {code for code, _ in LANGUAGES} else ""


def locale_for(language: str) -> QLocale:
    return QLocale(language) if language else QLocale.system()


def generation() -> int:
    """How many times the translators were (re)installed: a widget that retranslated at
    another generation has texts of another language."""
    return _state["generation"]


def install_translators(settings: QSettings, app=None) -> list[str]:
    """Load the translations for the chosen (or the system's) language; returns the files
    loaded. A language we have no translation for gets the English plural forms."""
    return install_language(chosen_language(settings), app)


def install_language(language: str, app=None) -> list[str]:
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = locale_for(language)
    QLocale.setDefault(locale)          # dates and numbers follow the language too
    _date_formats.clear()
    from gui.assets import translations_dir
    folder = str(translations_dir())
    loaded = []
    english = locale.language() in (QLocale.Language.English, QLocale.Language.C)
    if not english:
        translator = QTranslator(app)
        # Tries qtbase_zh_CN, qtbase_zh, ... for the locale's UI languages.
        if translator.load(locale, "qtbase", "_",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), ".qm"):
            _install(app, translator, loaded)
    translator = QTranslator(app)
    if (not english and translator.load(locale, CATALOG, "_", folder, ".qm")) \
            or translator.load(f"{CATALOG}_en", folder):
        _install(app, translator, loaded)
    _state["generation"] += 1
    _state["language"] = language
    return loaded


def installed_language() -> str | None:
    """The language code installed last ("" for the system's), None before any."""
    return _state["language"]


def ensure_installed(settings: QSettings) -> None:
    """The translators of the chosen language, unless some are already in (a window built
    without ``gui.app.start``: scripts, tests)."""
    if _state["language"] is None:
        install_translators(settings)


def _install(app, translator: QTranslator, loaded: list[str]) -> None:
    app.installTranslator(translator)
    _installed.append(translator)
    loaded.append(translator.filePath())


def choose_language(window) -> str | None:
    """View ▸ Language…: pick one; it is remembered and the window switches to it now."""
    names = [translate("Language", name) if not code else name for code, name in LANGUAGES]
    current = chosen_language(window.settings)
    index = next(i for i, (code, _) in enumerate(LANGUAGES) if code == current)
    name, ok = LanguageDialog.ask(window, names, index)
    if not ok:
        return None
    code = LANGUAGES[names.index(name)][0]
    window.settings.setValue(SETTING, code)
    window.settings.sync()
    if code != current:
        install_language(code)
        # The posted LanguageChange reaches every widget on the next turn of the loop; the
        # message is written in the new language.
        window.statusBar().showMessage(
            translate("Language", "The interface is now in {language}.").format(
                language=name if code else QLocale().nativeLanguageName()), 10000)
    return code


class LanguageDialog:
    """The choice as a modal list (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent, names: list[str], index: int) -> tuple[str, bool]:
        from PySide6.QtWidgets import QInputDialog
        return QInputDialog.getItem(parent, translate("Language", "Language"),
                                    translate("Language", "Interface language:"), names, index,
                                    False)


# -- widgets that follow the language -------------------------------------------------------
class Retranslating:
    """A widget mixin (before the Qt class): ``retranslate()`` sets every text the widget
    shows; it runs when the widget is built (the subclass calls it) and again on each
    ``LanguageChange`` that brings another language."""

    _language_generation = -1

    def retranslate(self) -> None:
        raise NotImplementedError

    def apply_language(self) -> None:
        self._language_generation = generation()
        self.retranslate()

    def changeEvent(self, event) -> None:                   # noqa: N802 - Qt naming
        if (event.type() == QEvent.Type.LanguageChange
                and self._language_generation != generation()):
            self.apply_language()
        super().changeEvent(event)


# -- text from model/ -----------------------------------------------------------------------
def word(text: str) -> str:
    """One of model.messages.VOCABULARY (a status, a field's name) in the interface's
    language: "pending" reads 待发生 in Chinese."""
    return QCoreApplication.translate("", text) if text else ""


def localize(text) -> str:
    """A ``model.messages.Message`` in the interface's language (its words translated, its
    values put in, dates as the locale writes them); anything else as it is."""
    from model.messages import Message
    if not isinstance(text, Message):
        return "" if text is None else str(text)
    template = QCoreApplication.translate("", text.template)
    if not text.values:
        return template
    values = {key: localize(value) if isinstance(value, Message)
              else date_text(value) if isinstance(value, dt.date) else value
              for key, value in text.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)            # a translation that lost a field: the English is right


def error_text(exc: BaseException) -> str:
    """What a user error says, in the interface's language."""
    from model.errors import UserError
    return localize(exc.message) if isinstance(exc, UserError) else str(exc)


# -- dates and numbers ----------------------------------------------------------------------
_date_formats: dict[str, str] = {}


def _date_format() -> str | None:
    """The locale's short date with the whole year (2026/2/9, 2/9/2026); None for the C
    locale, whose dates are ISO (as typed and stored)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return None
    name = locale.name()
    if name not in _date_formats:
        form = locale.dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in form:
            form = form.replace("yy", "yyyy")
        _date_formats[name] = form
    return _date_formats[name]


def date_text(value) -> str:
    """A date (a ``date`` or ISO text, a timestamp's date part too) as the locale writes it;
    text that is no date comes back as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)
    form = _date_format()
    if form is None:
        return day.isoformat()
    from PySide6.QtCore import QDate
    return QLocale().toString(QDate(day.year, day.month, day.day), form)


def timestamp_text(stamp: str) -> str:
    """A stored timestamp ("2026-11-24 10:00:00") with its date as the locale writes it."""
    if not stamp or _date_format() is None:
        return stamp or ""
    return f"{date_text(stamp[:10])}{stamp[10:16]}"


def number_text(value, decimals: int | None = None) -> str:
    """A number with the locale's separators (1,234 / 1.234)."""
    locale = QLocale()
    if decimals is None:
        return locale.toString(int(value))
    return locale.toString(float(value), "f", decimals)
