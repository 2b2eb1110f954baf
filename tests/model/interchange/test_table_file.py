"""model/interchange/table_file.py: rows from a table file as analysts save them (#14 items 9,
13): CSV with commas, semicolons or tabs, any line ending and encoding, or the first sheet of a
spreadsheet; unreadable files are one ImportFailed line, never a traceback."""

from __future__ import annotations

import datetime as dt

import pytest

from model.errors import ImportFailed
from model.interchange.table_file import _cell, is_table_file, parse_text, read_table


@pytest.mark.parametrize("text, separator", [
    ("thesis,title,expected\nBig,Ramp,2026\n", ","),
    ("thesis;title;expected\nBig;Ramp;2026\n", ";"),
    ("thesis\ttitle\texpected\nBig\tRamp\t2026\n", "\t"),
    ("thesis;title\nBig, Inc.;Ramp, late\n", ";"),           # commas inside cells
    ("title\nRamp\n", ","),                                   # one column: comma
])
def test_the_separator_is_the_one_the_header_splits_on(text, separator):
    """Comma, semicolon (European Excel) and tab files all read; commas inside semicolon cells do
    not split them (#14 item 13)."""
    table = parse_text(text)
    assert table.separator == separator
    assert table.header[0] in ("thesis", "title") and table.rows[0][0] == 2


def test_every_line_ending_reads_alike_and_rows_keep_their_numbers():
    """CR-only (old Mac Excel), CRLF and LF read alike, and row numbers in messages match the file's
    lines."""
    for ending in ("\n", "\r\n", "\r"):
        table = parse_text(ending.join(["date,close", "2024-01-02,1", "", "2024-01-03,2"]))
        assert table.header == ["date", "close"]
        assert table.rows == [(2, ["2024-01-02", "1"]), (3, []), (4, ["2024-01-03", "2"])]


def test_semicolon_files_read_decimal_commas():
    """Semicolon files come from locales writing 12,5: the price importer reads the comma as the
    decimal point."""
    assert parse_text("date;close\n2024-01-02;12,5\n").decimal_comma
    assert not parse_text("date,close\n2024-01-02,12.5\n").decimal_comma


def test_an_empty_file_is_refused_naming_it():
    """An empty file is a message naming it, not a StopIteration."""
    with pytest.raises(ImportFailed, match="c.csv is empty: it needs a header row"):
        parse_text("", name="c.csv")


def test_a_row_csv_cannot_read_is_a_problem_not_a_crash():
    """A cell beyond csv's field limit (a runaway quote swallowing the file) is reported on
    its row; the importer then refuses the file with it."""
    table = parse_text('a,b\n1,2\n3,"' + "x" * 200_000 + '"\n4,5\n', name="bad.csv")
    assert table.rows == [(2, ["1", "2"])]
    assert table.problems == ((3, "cannot be read as CSV: field larger than field limit "
                                  "(131072)"),)


def test_read_table_names_what_is_wrong_with_the_path(tmp_path):
    """A missing file or a folder is an ImportFailed sentence."""
    with pytest.raises(ImportFailed, match="There is no file at"):
        read_table(tmp_path / "missing.csv")
    with pytest.raises(ImportFailed, match="is a folder, not a file"):
        read_table(tmp_path)


def test_read_table_decodes_gbk_csv(tmp_path):
    """A GBK CSV from Excel in China reads as its text."""
    path = tmp_path / "c.csv"
    path.write_bytes("thesis,title\n光模块,中际旭创扩产\n".encode("gbk"))
    table = read_table(path)
    assert table.rows == [(2, ["光模块", "中际旭创扩产"])] and table.name == str(path)


def test_a_spreadsheet_reads_its_first_sheet_as_text(tmp_path):
    """Dates become ISO text, whole numbers lose ".0", trailing empty header cells go, and
    leading empty rows are skipped; short rows are padded to the header's width."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, None])
    sheet.append(["date", "close", None])
    sheet.append([dt.datetime(2024, 1, 2), 10.0])
    sheet.append([dt.datetime(2024, 1, 3, 15, 30), 10.25, "note"])
    sheet.append(["2024-01-04"])
    path = tmp_path / "p.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.header == ["date", "close"] and table.separator is None
    assert table.rows == [(2, ["2024-01-02", "10"]), (3, ["2024-01-03T15:30:00", "10.25", "note"]),
                          (4, ["2024-01-04", ""])]


def test_a_file_that_only_pretends_to_be_a_spreadsheet_is_one_line(tmp_path):
    """A damaged or fake .xlsx is one line of error, never calamine's traceback."""
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 this is no workbook")
    with pytest.raises(ImportFailed, match="cannot be read as a spreadsheet") as info:
        read_table(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("value, text", [(None, ""), (True, "TRUE"), (3.0, "3"), (2.5, "2.5"),
                                         (1e20, "1e+20"), (dt.date(2024, 1, 2), "2024-01-02"),
                                         (dt.time(9, 30), "09:30:00"), ("光", "光")])
def test_spreadsheet_cells_become_the_text_a_csv_would_hold(value, text):
    """Spreadsheet values become the text the importers' CSV rules expect (3.0 -> 3, dates ISO,
    booleans TRUE/FALSE)."""
    assert _cell(value) == text


def test_table_files_are_recognised_by_suffix():
    """Import picks the table reader by suffix, case-blind."""
    assert is_table_file("a.CSV") and is_table_file("b.xlsx") and is_table_file("c.ods")
    assert not is_table_file("d.json") and not is_table_file("e")
