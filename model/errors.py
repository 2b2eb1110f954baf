"""Errors a user can act on, kept apart from bugs.

Anything raised as a ``UserError`` is shown as a plain message (a dialog in the GUI, a line on
stderr from the command line); any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class UserError(Exception):
    """A problem the user can understand and fix: bad input, a locked or damaged file."""

    def __str__(self) -> str:
        return self.args[0] if self.args else self.__class__.__name__


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
        if self.problems:
            lines = [message] + [f"  {'row ' if isinstance(row, int) else ''}{row}: {reason}"
                                 for row, reason in self.problems[:self.SHOWN]]
            if len(self.problems) > self.SHOWN:
                lines.append(f"  ... and {len(self.problems) - self.SHOWN:,} more")
            message = "\n".join(lines)
        super().__init__(message)
