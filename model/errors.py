"""Errors a user can act on, kept apart from bugs.

Anything raised as a ``UserError`` is shown as a plain message (a dialog in the GUI, a line on
stderr from the command line); any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from model.messages import Message, joined, message


class UserError(Exception):
    """A problem the user can understand and fix: bad input, a locked or damaged file."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__

    @property
    def message(self) -> str:
        """The text as raised: a ``model.messages.Message`` when it was made translatable
        (``gui.i18n.localize`` shows it in the interface's language), else plain text."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


class ValidationError(UserError):
    """A value a user typed or imported is not acceptable (date, window, status, range...)."""


class NotFound(UserError):
    """A thesis, catalyst or other record named by id or title does not exist."""


class Ambiguous(UserError):
    """A title prefix matches more than one record."""


class StoreError(UserError):
    """The database file cannot be used as it is (locked, read-only, corrupt, newer, foreign)."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Thesis Tracker; it is refused untouched."""


class CorruptDatabaseError(StoreError):
    """The file is not a SQLite database or fails its integrity check."""

    def __init__(self, message: str, *, path: Path | str | None = None,
                 newest_backup: Path | None = None):
        super().__init__(message)
        self.path = path
        self.newest_backup = newest_backup


class LockedError(StoreError):
    """Another program holds a lock on the database; retrying later may work."""


class ReadOnlyError(StoreError):
    """The database or its folder cannot be written."""


class DiskFullError(StoreError):
    """The disk (or the database's size limit) is full; the change was not saved."""


class ImportFailed(UserError):
    """An import was refused as a whole; ``problems`` lists every bad row as (row, reason) —
    a line number, or a path such as ``theses[2].catalysts[0]`` in a bundle.

    The message lists the first ``SHOWN`` and says how many more there are (#14 item 10):
    100,000 bad rows once printed 100,001 lines. ``problems`` keeps them all.
    """

    SHOWN = 50

    def __init__(self, message: str, problems: Sequence[tuple[int | str, str]] | None = None):
        self.problems: list[tuple[int | str, str]] = list(problems or [])
        text: str = message
        if self.problems:
            # Structure only (Message, not message()): the lines' own words are translated.
            lines: list[Message] = [
                Message("  {row}: {reason}", reason=reason,
                        row=_row(row) if isinstance(row, int) else row)
                for row, reason in self.problems[:self.SHOWN]]
            if len(self.problems) > self.SHOWN:
                lines.append(_more(len(self.problems) - self.SHOWN))
            text = Message("{summary}\n{rows}", summary=message, rows=joined(lines, "\n"))
        super().__init__(text)


def _row(number: int) -> Message:
    return message("row {number}", number=number)


def _more(count: int) -> Message:
    return message("  ... and {count:,} more", count=count)
