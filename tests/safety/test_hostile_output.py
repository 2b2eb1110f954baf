"""Hostile text stays text (#14 item 15): titles carrying ESC sequences, BEL, carriage returns
and right-to-left overrides reach no terminal raw, forge nothing in a Markdown export, and put
no forbidden control character into an iCalendar file."""

from __future__ import annotations

import json
import re

import pytest

import main

# What must never reach a terminal raw: C0 controls but tab and newline, DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                    "\u202a-\u202e\u2066-\u2069]")

HOSTILE = "Evil\x1b[2J\x1b]0;pwned\x07 title\r\u202eexe.fdp"


@pytest.fixture
def hostile_db(tracker):
    thesis = tracker.theses.add(title=HOSTILE, theme="AI\x1b[31m", statement="ok")
    tracker.catalysts.add(thesis_id=thesis.id, title=f"cat {HOSTILE}", expected="2026-12-01")
    tracker.risks.add(thesis_id=thesis.id, title=f"risk {HOSTILE}")
    path = tracker.path
    tracker.close()
    return path, thesis.id


@pytest.mark.parametrize("args", [["list"], ["show", "{id}"], ["search", "Evil"],
                                  ["upcoming", "--days", "365"], ["scorecard"],
                                  ["scorecard", "{id}"], ["upcoming", "--format", "json"],
                                  ["show", "Evil"]])
def test_cli_shows_control_characters_escaped(args, hostile_db, capsys):
    """ESC (screen clearing, window-title setting), BEL, CR (overwriting the line) and U+202E
    (reordering what is read) reached the terminal raw from list, show, search, upcoming and
    scorecard; every one is now shown as an escape (#14 item 15)."""
    path, thesis_id = hostile_db
    argv = [a.replace("{id}", str(thesis_id)) for a in args]
    assert main.main(["--db", str(path), *argv]) == 0
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not UNSAFE.search(stream), repr(stream[:400])
        assert "\r" not in stream
    assert "Evil\\u001b[2J" in captured.out
    if "json" in args:
        data = json.loads(captured.out)            # the escapes are JSON escapes too
        assert any(HOSTILE in c["thesis_title"] for c in data["catalysts"])


def test_error_messages_quoting_hostile_text_are_escaped(hostile_db, capsys):
    """An error naming a hostile title (an ambiguous prefix) prints it escaped (#14 item 15)."""
    path, _ = hostile_db
    tracker_args = ["--db", str(path)]
    assert main.main([*tracker_args, "add-thesis", HOSTILE + " 2"]) == 0
    capsys.readouterr()
    assert main.main([*tracker_args, "show", "Evil"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and not UNSAFE.search(err) and "\r" not in err


def markdown_of(tracker, **fields):
    from model.analysis.report import build_report
    from model.interchange.markdown import render_markdown
    thesis = tracker.theses.add(title=fields.pop("title", "T"), statement=fields.pop(
        "statement", ""))
    for title in fields.pop("catalysts", []):
        tracker.catalysts.add(thesis_id=thesis.id, title=title, expected="2027")
    for source in fields.pop("sources", []):
        created = tracker.sources.add(**source)
        tracker.sources.cite(created.id, thesis_id=thesis.id)
    return render_markdown(build_report(tracker, thesis.id))


def test_markdown_export_forges_no_heading_task_html_or_link(tracker):
    """A title with a newline and "# Forged", a catalyst named "x\\n- [x] Approved by the
    committee", raw HTML and [a](javascript:...) links were written as Markdown; now they are
    text (#14 item 15)."""
    md = markdown_of(
        tracker,
        title="Real\n# Forged heading <script>alert(1)</script>",
        statement="Fine paragraph.\n- [x] Approved by the committee\n# Also forged\n"
                  "<img src=x onerror=alert(1)> [click](javascript:alert(1))",
        catalysts=["x\n- [x] Approved by the committee", "[y](file:///etc/passwd)"],
        sources=[{"title": "Src <b>bold</b>", "url": "javascript://%0aalert(1)"},
                 {"title": "Local", "url": "file:///etc/passwd"},
                 {"title": "Web", "url": "https://example.org/report"}])
    lines = md.splitlines()
    assert [line for line in lines if line.startswith("# ")] == [lines[0]]
    assert lines[0].startswith("# Real # Forged heading \\<script")  # one line: no heading
    assert not [line for line in lines if re.match(r"\s*[-*+] \[x\] Approved", line)]
    assert not re.search(r"(?<!\\)<(script|img|b>)", md)
    assert not re.search(r"(?<!\\)\]\((javascript|file):", md)
    assert "<javascript:" not in md and "<file:" not in md
    assert "<https://example.org/report>" in md


def test_ics_text_has_no_control_characters_rfc5545_forbids(tracker, tmp_path):
    """ESC, BEL, NUL-like controls and lone CRs in titles went into SUMMARY, DESCRIPTION and
    CATEGORIES; RFC 5545 forbids them in TEXT (#14 item 15)."""
    from model.interchange.ics import export_ics
    thesis = tracker.theses.add(title="T\x1b[31m\x07 red")
    tracker.catalysts.add(thesis_id=thesis.id, title="c\x1b]0;x\x07\rline",
                          description="d\x0b\x0c\x1f", expected="2027")
    export_ics(tracker, tmp_path / "c.ics", thesis_ids=[thesis.id])
    raw = (tmp_path / "c.ics").read_bytes()
    body = raw.replace(b"\r\n", b"")            # content lines end in CRLF, folded with CRLF
    assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", body), body
    assert b"red" in raw and b"line" in raw
