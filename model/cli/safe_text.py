"""Hostile text stays text on the terminal (#14 item 15).

A thesis title may hold ESC sequences (recolour or clear the screen, set the window title), BEL,
a carriage return that overwrites the line, or right-to-left overrides that reorder what the
reader sees. Everything the command line prints goes through ``SafeOutput``, which shows such
characters as ``\\u001b``-style escapes (which stay valid inside JSON strings); tables escape
them before measuring widths so columns still line up.
"""

from __future__ import annotations

import re
from typing import TextIO

# C0 controls but tab and newline, DEL, C1 controls; the bidirectional marks, embeddings,
# overrides and isolates; the Unicode line and paragraph separators.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                    "\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character shown as ``\\uXXXX``."""
    return UNSAFE.sub(_escape, text)


class OutputFailed(Exception):
    """The stream could not take what was written (a full disk, an I/O error): ``reason``
    says why. A reader that went away stays a BrokenPipeError."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class SafeOutput:
    """A text stream that writes everything through ``printable``."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(printable(text))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc.strerror or str(exc)) from exc

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc.strerror or str(exc)) from exc

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)
