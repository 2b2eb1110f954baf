"""model/cli/safe_text.py: hostile text stays text on the terminal (#14 item 15). A title with
ESC sequences, BEL, a carriage return or bidi overrides must print as visible escapes."""

from __future__ import annotations

import errno
import io
import json

import pytest

from model.cli.safe_text import OutputFailed, SafeOutput, printable


@pytest.mark.parametrize("raw, shown", [
    ("\x1b]0;pwned\x07", "\\u001b]0;pwned\\u0007"),          # set the window title, BEL
    ("\x1b[2J", "\\u001b[2J"),                                # clear the screen
    ("total\rHACKED", "total\\u000dHACKED"),                  # overwrite the line
    ("abc\u202edcba", "abc\\u202edcba"),                      # right-to-left override
    ("a\u2066b\u2069", "a\\u2066b\\u2069"),                   # isolates
    ("x\x7fy\x9bz", "x\\u007fy\\u009bz"),                     # DEL and a C1 CSI
    ("line\u2028sep", "line\\u2028sep"),
])
def test_unsafe_characters_become_visible_escapes(raw, shown):
    """A title with ESC, BEL, CR, bidi overrides or C1 controls cannot recolour, retitle or rewrite
    the user's terminal (#14 item 15)."""
    assert printable(raw) == shown


def test_ordinary_text_tabs_and_newlines_pass_unchanged():
    """Chinese, dashes, tabs and newlines print as they are."""
    text = "Big light 光模块 — 800G\tQ3 2026\nnext line ✓"
    assert printable(text) == text


def test_escapes_stay_valid_inside_json_strings():
    """`upcoming --format json` goes through the same stream: the escapes must still parse
    back to the original characters."""
    title = "bad\x1b[31mred\u202e"
    out = io.StringIO()
    SafeOutput(out).write(json.dumps({"title": title}, ensure_ascii=False))
    assert json.loads(out.getvalue())["title"] == title


def test_safe_output_wraps_a_stream():
    """Writes are escaped and counted like the stream's; everything else is the stream's."""
    inner = io.StringIO()
    out = SafeOutput(inner)
    assert out.write("a\x07b") == len("a\\u0007b")
    print("line\x1b", file=out)
    out.flush()
    assert inner.getvalue() == "a\\u0007bline\\u001b\n"
    assert out.getvalue() == inner.getvalue() and out.closed is False


def test_a_failed_write_or_flush_is_output_failed_but_a_closed_pipe_stays_itself():
    """main.py turns OutputFailed into one line (a full disk under stdout was a traceback);
    BrokenPipeError stays as it is, for main.py's quiet end."""
    class Failing:
        def __init__(self, exc):
            self.exc = exc

        def write(self, text=""):
            raise self.exc

        flush = write

    full = SafeOutput(Failing(OSError(errno.ENOSPC, "No space left on device")))
    for call in (lambda: full.write("x"), lambda: full.flush()):
        with pytest.raises(OutputFailed) as info:
            call()
        assert info.value.reason == "No space left on device"
    with pytest.raises(BrokenPipeError):
        SafeOutput(Failing(BrokenPipeError())).write("x")
