"""Text the user reads from model/, translatable without Qt (#13).

A ``Message`` is the English text itself (a ``str``: the command line, the logs and every
``str(exc)`` read it unchanged) that also keeps the template it was made from and the values
put into it. A front end that speaks another language looks the template up in its own
catalogue and fills in the values: the desktop app does it with Qt's translator
(``gui.i18n.localize``), so one ``.ts`` file per language holds the interface and these.

``message("The {what} must not be empty.", what=term("title"))``:

- the template is the lookup key, its ``{name}`` fields are filled with ``str.format``;
- values that are themselves Messages (``term``: words of the app's vocabulary, such as a
  field's name or a status) are translated too; anything else (a title the user typed, a
  path, a number) is put in as it is.

``pyside6-lupdate`` finds the templates because ``make translations`` tells it that
``message`` and ``term`` mark text as ``QT_TR_NOOP`` does (``-tr-function-alias``); their
context is the empty one. Field names reach ``term`` as variables (``what=name``), so every
word that can is listed in ``VOCABULARY`` (tests/model/test_messages.py checks the
call sites against it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any


class Message(str):
    """English text that remembers its template and values (see the module's docstring)."""

    template: str
    values: Mapping[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        made = super().__new__(cls, template.format(**values) if values else template)
        made.template = template
        made.values = MappingProxyType(dict(values))
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (a worker process's error) as what it is, template and values included.
        return (_rebuild, (self.template, dict(self.values)))


def _rebuild(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


def message(template: str, /, **values: Any) -> Message:
    """A sentence for the user: ``template`` (English, ``{name}`` fields) filled with
    ``values``."""
    return Message(template, **values)


def term(word: str) -> Message:
    """A word of the app's vocabulary put into a message (a field's name, a status): the
    front end translates it with the sentence. ``word`` must be one of ``VOCABULARY``."""
    return Message(word)


def joined(items: Sequence[str], separator: str = ", ") -> Message:
    """Texts in a list ("open, materialised, retired"): each that is a Message is translated
    by the front end, the separator is kept."""
    fields = {f"item{i}": item for i, item in enumerate(items)}
    return Message(separator.join("{" + name + "}" for name in fields), **fields)


def both(first: str, second: str) -> Message:
    """"title and theme": two words (or lists) in one, the "and" translated."""
    return message("{first} and {second}", first=first, second=second)


def fields_named(names: list[str] | tuple[str, ...]) -> Message:
    """Record fields by their column names ("next_review", "tags") as words: "next review
    and tags"."""
    words = [term(name.replace("_", " ")) for name in names]
    result = words[0]
    for word in words[1:]:
        result = both(result, word)
    return result


# Every word ``term`` may be given: the names of the fields ``model.validate`` checks and the
# statuses. Listed with ``term(...)`` so the translation tools find them.
VOCABULARY = (
    # theses
    term("title"), term("theme"), term("statement"), term("status"), term("thesis status"),
    term("conviction"), term("horizon"), term("tags"), term("tag"), term("next review date"),
    term("note"), term("review note"), term("ticker"), term("benchmark ticker"),
    term("review cadence"), term("next review"), term("review cadence days"),
    # risks
    term("risk title"), term("description"), term("severity"), term("likelihood"),
    term("risk status"),
    # catalysts
    term("catalyst title"), term("catalyst status"), term("outcome"), term("expected window"),
    term("expected"), term("date it happened"), term("happened on"), term("impact"),
    # sources and citations
    term("source title"), term("publisher"), term("published date"), term("URL or file"),
    term("summary"), term("locator"), term("date"), term("published on"), term("url"),
    # companies
    term("company name"), term("local-language name"), term("exchange"), term("country"),
    term("role"), term("name"),
    # prices
    term("close"), term("adjusted close"),
    # fields of a bundle or dataset being imported (model.interchange)
    term("URL"), term("created_at"), term("updated_at"), term("done_on date"),
    term("external_ref"), term("history field"), term("history time"), term("local name"),
    term("new"), term("old"), term("price date"), term("subject"),
    # history rows (model.history): the field each is about
    term("created"), term("next_review"), term("review"), term("window"), term("window_moved"),
    # records
    term("thesis"), term("catalyst"), term("risk"), term("source"), term("company"),
    term("beneficiary"), term("citation"), term("price"),
    # statuses (model.constants)
    term("draft"), term("active"), term("watch"), term("confirmed"), term("broken"),
    term("closed"), term("open"), term("materialised"), term("retired"), term("pending"),
    term("done"), term("missed"), term("cancelled"), term("overdue"),
    # the precision of an expected window (model.date_windows.PRECISIONS)
    term("day"), term("month"), term("quarter"), term("half"), term("year"), term("range"),
)
