"""model/cli/table.py: plain-text tables that line up with Chinese text (a wide character takes
two columns), cut long cells with an ellipsis, and never let hostile text break the layout."""

from __future__ import annotations

import pytest

from model.cli.table import clip, render, width


@pytest.mark.parametrize("text, columns", [("abc", 3), ("光模块", 6), ("A股 800G", 8),
                                           ("ｆｕｌｌ", 8), ("한국", 4), ("", 0)])
def test_width_counts_wide_characters_twice(text, columns):
    """CJK, Hangul and full-width characters take two terminal columns; counting them once misaligns
    every table with Chinese."""
    assert width(text) == columns


def test_clip_keeps_short_text_and_cuts_long_text_to_the_limit():
    """A long cell is cut to its column with an ellipsis, never splitting a wide character over the
    limit."""
    assert clip("short", 10) == "short"
    assert clip("a long title here", 8) == "a long …"
    cut = clip("中际旭创泰国工厂产能爬坡", 9)
    assert cut.endswith("…") and width(cut) <= 9 and cut == "中际旭创…"


def test_clip_flattens_whitespace_and_escapes_control_characters():
    """A newline or tab in a cell would break the row; ESC would recolour the terminal."""
    assert clip("two\nlines\tand  spaces", 40) == "two lines and spaces"
    assert clip("red\x1b[31m", 40) == "red\\u001b[31m"
    assert clip(42, 5) == "42"


def test_render_aligns_columns_by_display_width():
    """Columns line up by display width with Chinese in them; None is blank; no trailing spaces."""
    text = render(["id", "title", "n"], [[1, "光模块", 3], [22, "Big light", None]])
    lines = text.splitlines()
    assert lines[0] == "id  title      n"
    assert lines[1] == "--  ---------  -"
    assert lines[2] == "1   光模块     3"
    assert lines[3] == "22  Big light"          # None is blank, trailing spaces trimmed
    starts = [line.index(word) for line, word in zip(lines[2:], ("光", "Big"))]
    assert width(lines[2][:starts[0]]) == width(lines[3][:starts[1]])


def test_render_applies_per_column_limits():
    """A column's limit (60 by default) cuts its cells."""
    text = render(["title"], [["x" * 100]], limits={0: 10})
    assert text.splitlines()[2] == "x" * 9 + "…"
    assert render(["title"], [["y" * 100]]).splitlines()[2] == "y" * 59 + "…"
