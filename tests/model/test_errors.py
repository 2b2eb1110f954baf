"""model/errors.py: what a user is told. UserError subclasses are messages (a dialog, one
line on stderr); ImportFailed lists every bad row, but only the first 50 in its message
(#14 item 10: 100,000 bad rows once printed 100,001 lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.errors import (
    Ambiguous,
    CorruptDatabaseError,
    DiskFullError,
    ImportFailed,
    LockedError,
    NewerSchemaError,
    NotFound,
    ReadOnlyError,
    StoreError,
    UserError,
    ValidationError,
)


@pytest.mark.parametrize("cls, parent", [
    (ValidationError, UserError), (NotFound, UserError), (Ambiguous, UserError),
    (StoreError, UserError), (NewerSchemaError, StoreError), (CorruptDatabaseError, StoreError),
    (LockedError, StoreError), (ReadOnlyError, StoreError), (DiskFullError, StoreError),
    (ImportFailed, UserError),
])
def test_every_error_a_user_can_act_on_is_a_user_error(cls, parent):
    """main.py and the GUI show a UserError as a message and treat anything else as a bug:
    an error class outside the family would print a traceback at the user."""
    assert issubclass(cls, parent) and issubclass(cls, UserError)


def test_message_is_the_text_or_the_class_name():
    """The text is what the dialog and stderr show; an error raised bare still says what it is."""
    assert str(NotFound("No thesis matches 'x'.")) == "No thesis matches 'x'."
    assert str(LockedError()) == "LockedError"


def test_corrupt_database_error_carries_the_file_and_its_backup():
    """The damaged-database dialog offers ``newest_backup``; the message stays the text."""
    error = CorruptDatabaseError("damaged", path="/x.sqlite3", newest_backup=Path("/b.sqlite3"))
    assert (str(error), error.path, error.newest_backup) == ("damaged", "/x.sqlite3",
                                                             Path("/b.sqlite3"))
    assert CorruptDatabaseError("bare").newest_backup is None


def test_import_failed_lists_rows_and_paths():
    """Line numbers read "row 3"; bundle paths are shown as they are."""
    error = ImportFailed("c.csv: 2 bad row(s)", [(3, "no title"), ("theses[0].title", "empty")])
    assert str(error).splitlines() == ["c.csv: 2 bad row(s)", "  row 3: no title",
                                       "  theses[0].title: empty"]
    assert error.problems == [(3, "no title"), ("theses[0].title", "empty")]
    assert str(ImportFailed("plain")) == "plain" and ImportFailed("plain").problems == []


def test_import_failed_shows_fifty_problems_and_keeps_them_all():
    """100,000 bad rows print 52 lines, not 100,001 (#14 item 10), while problems keeps them all for
    the caller."""
    problems = [(row, "bad date") for row in range(2, 100_002)]
    error = ImportFailed("big.csv: 100000 bad row(s)", problems)
    lines = str(error).splitlines()
    assert len(lines) == 1 + ImportFailed.SHOWN + 1
    assert lines[-2] == "  row 51: bad date" and lines[-1] == "  ... and 99,950 more"
    assert len(error.problems) == 100_000
