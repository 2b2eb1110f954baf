"""Text from model/ stays translatable without Qt (#13 part B): a Message is its English text
to everything that reads a str, and keeps the template and values a front end translates;
every word put into a message is in the vocabulary the translators get."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from model import catalysts, date_windows, sources, theses
from model.constants import CATALYST_STATUSES, RISK_STATUSES, THESIS_STATUSES
from model.errors import ImportFailed, UserError, ValidationError
from model.messages import VOCABULARY, Message, fields_named, joined, message, term

MODEL = Path(__file__).resolve().parents[2] / "model"


def test_a_message_is_its_english_text_and_keeps_template_and_values():
    made = message("The {what} must not be empty.", what=term("title"))
    assert made == "The title must not be empty." and isinstance(made, str)
    assert made.template == "The {what} must not be empty."
    assert made.values["what"] == "title" and isinstance(made.values["what"], Message)
    assert f"{made}" == str(made) == "The title must not be empty."
    with pytest.raises(TypeError):
        made.values["what"] = "x"           # read-only: a raised error is not changed later


def test_a_message_survives_pickling_whole():
    """An error raised in another process (a worker) arrives translatable."""
    made = message("Cannot read {path}: {reason}.", path="a.csv", reason=term("date"))
    back = pickle.loads(pickle.dumps(made))
    assert back == made and back.template == made.template
    assert isinstance(back.values["reason"], Message)


def test_lists_and_field_names_translate_word_by_word():
    listed = joined([term("open"), term("retired")])
    assert listed == "open, retired" and all(isinstance(v, Message)
                                             for v in listed.values.values())
    named = fields_named(["next_review", "tags", "title"])
    assert named == "next review and tags and title"
    assert named.template == "{first} and {second}"


def test_user_errors_keep_their_message():
    error = ValidationError(message("The {what} must not be empty.", what=term("note")))
    assert str(error) == "The note must not be empty."
    assert error.message.template == "The {what} must not be empty."
    assert UserError("plain").message == "plain"


def test_import_failures_list_their_rows_translatably():
    failed = ImportFailed(message("{name}: {count} bad row(s); nothing was imported.",
                                  name="x.csv", count=2),
                          [(2, message("{day} is in the future", day="2030-01-01")),
                           ("theses[0]", "unknown company 'X'")])
    assert str(failed) == ("x.csv: 2 bad row(s); nothing was imported.\n"
                           "  row 2: 2030-01-01 is in the future\n"
                           "  theses[0]: unknown company 'X'")
    rows = failed.message.values["rows"]
    first = rows.values["item0"]
    assert first.values["row"].template == "row {number}"
    assert first.values["reason"].template == "{day} is in the future"


def test_the_errors_users_meet_are_messages(tracker):
    """An empty title, a window that does not parse, a date that is no date, a tick dated
    after today, a review dated before tomorrow: each arrives as a Message."""
    thesis_id = tracker.theses.ids()[0]
    catalyst = tracker.catalysts.for_thesis(thesis_id)[0]
    cases = [
        (lambda: tracker.ops.add_thesis(title="  "), "The {what} must not be empty."),
        (lambda: tracker.ops.add_catalyst(thesis_id, title="x", expected="someday"),
         "Cannot read the window {text!r}: write a date (2026-02-09), a month (Feb 2026), a "
         "quarter (Q3 2026, 3Q26), a half (H1 2026, 2H26, second half of 2026), a year (2027) "
         "or 'end of 2027'."),
        (lambda: tracker.ops.edit_thesis(thesis_id, next_review="30 Feb 2026"),
         "The {what} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-02-09."),
        (lambda: tracker.ops.edit_thesis(thesis_id, next_review="2026-02-30"),
         "The {what} {text!r} is no day of the calendar: {year}-{month} has {days} days."),
        (lambda: tracker.ops.edit_thesis(thesis_id, next_review="2026-13-01"),
         "The {what} {text!r} has no month {month}: months run from 01 to 12."),
        (lambda: tracker.ops.tick(catalyst.id, status="done", on="2099-01-01"),
         "The date it happened ({day}) is after today ({today}): a catalyst is ticked off "
         "once it has happened."),
        (lambda: tracker.ops.review(thesis_id, note="ok", next_review="2020-01-01"),
         "The next review date {day} must be after today ({today})."),
    ]
    for act, template in cases:
        with pytest.raises(ValidationError) as raised:
            act()
        assert isinstance(raised.value.message, Message)
        assert raised.value.message.template == template


def test_undo_labels_are_messages(tracker):
    thesis_id = tracker.theses.ids()[0]
    tracker.ops.edit_thesis(thesis_id, horizon="2027")
    label = tracker.undo_label()
    assert isinstance(label, Message) and label.template == "Edit {what} of {title}"
    assert label.values["what"].template == "horizon"


def _words_given_to_term_and_what() -> set[str]:
    """Every literal what="…" and term("…") in model/."""
    found = set()
    for path in MODEL.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "what" \
                    and isinstance(node.value, ast.Constant):
                found.add(node.value.value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "term" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


def test_every_word_a_message_can_hold_is_in_the_vocabulary():
    """Field names reach term() as variables, so the translators get them from VOCABULARY:
    every what="…", every editable field, status, window precision and history field."""
    vocabulary = {str(word) for word in VOCABULARY}
    wanted = _words_given_to_term_and_what()
    wanted |= {name.replace("_", " ") for name in theses._EDITABLE | catalysts._EDITABLE
               | set(sources._SOURCE_FIELDS)}
    wanted |= {"title", "description", "severity", "likelihood", "status"}     # risks
    wanted |= set(THESIS_STATUSES + CATALYST_STATUSES + RISK_STATUSES)
    wanted |= set(date_windows.PRECISIONS)
    wanted |= {"created", "status", "conviction", "next_review", "review", "catalyst",
               "window", "window_moved", "risk"}            # model.history rows' fields
    assert sorted(wanted - vocabulary) == []
