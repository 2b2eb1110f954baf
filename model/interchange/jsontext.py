"""JSON from files a user imports, parsed without surprises (#14 item 8).

Python's json module turns 1e400 into inf, accepts NaN and Infinity, raises ValueError on a
5,000-digit integer and RecursionError on deep nesting, and keeps the last of a key given twice
in one object ("theses" twice: the first list silently dropped). ``loads`` refuses all of these
with a ``NotJson`` whose message says what is wrong.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from typing import Any

MAX_DEPTH = 12                 # a bundle nests 6 levels, a peer dataset fewer
_INT_DIGITS = 19               # SQLite integers are 64-bit


class NotJson(ValueError):
    """The text is not JSON this importer accepts; the message says where and why."""


def _constant(name: str) -> float:
    raise NotJson(f"{name} is not a number a bundle may hold")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NotJson(f"the number {text[:40]} is too large")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > _INT_DIGITS:
        raise NotJson(f"a whole number of {len(text.lstrip('-')):,} digits is too large")
    return int(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                shown = json.dumps(key, ensure_ascii=False)
                shown = shown if len(shown) <= 60 else shown[:56] + '..."'
                raise NotJson(f"the key {shown} is given twice in one object, and only one "
                              f"of its values could be kept")
            seen.add(key)
    return made


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings (regular expressions do the scanning:
    a 30 MB export takes a fraction of a second)."""
    steps = [1 if ch in "[{" else -1 for ch in _BRACKET.findall(_STRING.sub("", text))]
    return max(itertools.accumulate(steps), default=0)


def loads(text: str) -> Any:
    """Parse the text; NotJson says what is wrong (line and column where JSON does)."""
    if _depth(text) > MAX_DEPTH:
        raise NotJson(f"it nests more than {MAX_DEPTH} levels deep, which no file to import "
                      f"does")
    try:
        return json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int,
                          object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise NotJson(f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                      f"{exc.msg})") from None
    except RecursionError:
        raise NotJson("it nests too deeply") from None
    except (ValueError, OverflowError) as exc:
        raise NotJson(str(exc)) from None
