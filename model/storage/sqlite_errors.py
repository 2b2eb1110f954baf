"""SQLite's errors turned into ones the user can act on (locked, read-only, full, damaged)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from model.errors import (
    CorruptDatabaseError,
    DiskFullError,
    LockedError,
    ReadOnlyError,
    StoreError,
    ValidationError,
)
from model.messages import message


def one_line(text: object) -> str:
    """SQLite's reports (integrity_check's above all) span lines; a message is one line."""
    return " ".join(str(text).split())


def translate_error(exc: sqlite3.Error, path: Path | str | None = None) -> StoreError:
    """Turn SQLite's error into one the user can act on."""
    text = str(exc).lower()
    detail = one_line(exc)
    where = f" ({path})" if path else ""
    if "locked" in text or "busy" in text:
        return LockedError(message("The database{where} is busy: another program is writing "
                                   "to it. Retry in a moment.", where=where))
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(message("The database{where} cannot be written: the file or its "
                                     "folder is read-only. Nothing was changed.", where=where))
    if "full" in text:
        return DiskFullError(message("The disk holding the database{where} is full: the change "
                                     "was not saved. Free some space and try again.",
                                     where=where))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CorruptDatabaseError(message("The database{where} is damaged ({detail}).",
                                            where=where, detail=detail), path=path)
    if "could not decode to utf-8" in text:
        # Only from a connection that is not tolerant (model.storage.connection): a read.
        return CorruptDatabaseError(message("The database{where} holds text that is not valid "
                                            "UTF-8: python main.py check lists it and --repair "
                                            "mends it.", where=where), path=path)
    if "unable to open" in text or "disk i/o" in text:
        return StoreError(message("The database{where} cannot be opened or read ({detail}).",
                                  where=where, detail=detail))
    # Not "refused the change": this may as well be a read.
    return StoreError(message("The database{where} could not do this: {detail}. Nothing was "
                              "changed.", where=where, detail=detail))


@contextmanager
def translated(path: Path | str | None = None) -> Iterator[None]:
    try:
        yield
    except sqlite3.IntegrityError as exc:
        raise ValidationError(message("The change was refused because it breaks a rule of the "
                                      "database ({detail}). Nothing was changed.",
                                      detail=str(exc))) from exc
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc
