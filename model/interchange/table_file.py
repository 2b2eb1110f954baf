"""Rows from a table file as analysts save them (#14 items 9, 13): CSV separated by commas,
semicolons (European Excel) or tabs, in whatever encoding, or a spreadsheet (.xlsx, .xls, .ods).

The separator is found by ``csv.Sniffer`` (limited to , ; and tab) and checked against the
header; CR-only line endings (old Mac Excel) read like any other. Quotes are read as Python's
strict CSV reading does: a quote never closed refuses the file, naming the line it opened on
(the lenient reader put every line after it into one field), and so does text after the quote
that closes a field ('"5" screen'); a quote inside an unquoted field is kept as it is.
Spreadsheets are read with python-calamine (Rust, no XML entity expansion), first sheet, dates
as ISO text. The importers (catalysts, prices) then apply their all-or-nothing rules to the
rows whatever the format.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.errors import ImportFailed
from model.interchange.textfile import decode, read_bytes
from model.messages import message

SPREADSHEETS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
TEXT_TABLES = (".csv", ".tsv", ".txt")
_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")       # zip (xlsx, ods) and OLE (xls)
_SEPARATORS = ",;\t"
MAX_ROWS = 2_000_000


@dataclass(frozen=True)
class Table:
    """A header and the rows under it, each with its row number (the header is row 1)."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    separator: str | None           # None for a spreadsheet
    problems: tuple[tuple[int, str], ...] = ()    # rows that could not be read at all

    @property
    def decimal_comma(self) -> bool:
        """Semicolon-separated files come from locales that write 12,5 for 12.5."""
        return self.separator == ";"


def is_table_file(path: Path | str) -> bool:
    return Path(path).suffix.lower() in SPREADSHEETS + TEXT_TABLES


def read_table(path: Path | str) -> Table:
    """The table in ``path``; ImportFailed when it cannot be read as one."""
    path = Path(path)
    raw = read_bytes(path)
    if path.suffix.lower() in SPREADSHEETS or raw.startswith(_MAGIC):
        return _spreadsheet(path, raw)
    return parse_text(decode(raw, name=str(path))[0], name=str(path))


def parse_text(text: str, *, name: str = "the file") -> Table:
    """A CSV text: separator sniffed, any line ending."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = text.split("\n", 1)[0]
    separator = _separator(text, first)
    reader = strict_reader(text, separator)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed(message("{name} is empty: it needs a header row.",
                                   name=name)) from None
    except csv.Error as exc:
        raise ImportFailed(message("{name} is not a readable CSV file: {reason}.", name=name,
                                   reason=csv_problem(exc, text, reader, 1, separator))) from None
    rows: list[tuple[int, list[str]]] = []
    problems: tuple[tuple[int, str], ...] = ()
    try:
        for number in itertools.count(2):
            started = reader.line_num + 1           # the line this row starts on
            record = next(reader, None)
            if record is None:
                break
            rows.append((number, record))
            if len(rows) > MAX_ROWS:
                raise ImportFailed(f"{name} has more than {MAX_ROWS:,} rows; split it.")
    except csv.Error as exc:
        problems = ((len(rows) + 2, message(
            "cannot be read as CSV: {reason}",
            reason=csv_problem(exc, text, reader, started, separator))),)
    return Table(name, header, rows, separator, problems)


def strict_reader(text: str, separator: str = ",") -> Any:
    """A csv reader over ``text`` (lines ending in \n) that refuses what the lenient one
    guesses at: a quote never closed, text after a field's closing quote."""
    return csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)


def csv_problem(exc: csv.Error, text: str, reader: Any, started: int,
                separator: str = ",") -> str:
    """What ``exc`` (from ``strict_reader(text)``) means, naming the line: for a quote never
    closed, the line it opened on (``started`` is the line the row being read starts on)."""
    reason = str(exc)
    if reason == "unexpected end of data":
        return message("the quote opened on line {line} is never closed, so every line after it "
                       "would be read into one field; close it, and write a quote inside a "
                       "quoted field as two (\"\")",
                       line=_unclosed_quote_line(text, started, separator))
    if reason.endswith("expected after '\"'"):
        return message("on line {line} a field starts with a quote but text follows its closing "
                       "quote (strict CSV); put the whole field in quotes and write each quote "
                       "inside it as two (\"\"\"5\"\" screen\")", line=reader.line_num)
    return reason


def _unclosed_quote_line(text: str, started: int, separator: str) -> int:
    """The line of the quote left open in the row starting on line ``started`` (the last row:
    an unclosed quote runs to the end of the text)."""
    at = 0
    for _ in range(started - 1):
        at = text.index("\n", at) + 1
    opened, quoted, field_start = at, False, True
    while at < len(text):
        char = text[at]
        if quoted:
            if char == '"':
                if text.startswith('"', at + 1):
                    at += 1                       # "" inside quotes: one quote
                else:
                    quoted, field_start = False, False
        elif char == '"' and field_start:
            quoted, opened = True, at
        else:
            field_start = char in (separator, "\n")
        at += 1
    return text.count("\n", 0, opened) + 1


def _separator(text: str, header: str) -> str:
    """csv.Sniffer's choice among , ; and tab, kept only if the header splits on it; else the
    one the header has most of (a one-column header stays comma-separated)."""
    sample = "\n".join(text.split("\n", 20)[:20])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_SEPARATORS).delimiter
    except csv.Error:
        sniffed = None
    if sniffed and sniffed in header:
        return sniffed
    counts = {sep: header.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _spreadsheet(path: Path, raw: bytes) -> Table:
    try:
        from python_calamine import CalamineWorkbook
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        if not book.sheet_names:
            raise ImportFailed(f"{path} has no sheets.")
        values = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except ImportFailed:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine raises its own types for bad files
        raise ImportFailed(f"{path} cannot be read as a spreadsheet ({type(exc).__name__}: "
                           f"{' '.join(str(exc).split())[:200]}). Nothing was imported.") from None
    rows = [[_cell(v) for v in row] for row in values]
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise ImportFailed(message("{path} is empty: its first sheet needs a header row.",
                                   path=path))
    if len(rows) > MAX_ROWS:
        raise ImportFailed(f"{path} has more than {MAX_ROWS:,} rows; split it.")
    header = rows[0]
    width = len(header)
    while width and not header[width - 1].strip():
        width -= 1
    body = []
    for number, row in enumerate(rows[1:], start=2):
        cells = row[:width] + [""] * (width - len(row))
        extra = [c for c in row[width:] if c.strip()]
        body.append((number, cells + extra))
    return Table(str(path), header[:width], body, None)


def _cell(value: object) -> str:
    """A spreadsheet value as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
