"""Catalyst and price files as analysts save them, and as attackers craft them (#14 items 9, 10
and 13): mixed or broken encodings refused naming the line, CR-only files imported, semicolon
and tab separators and .xlsx spreadsheets read with the same all-or-nothing rules, capped
error lists, and no backup taken for a refused file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import main
from model.errors import ImportFailed
from model.interchange.catalyst_csv import import_catalyst_csv
from model.storage import backup as backups
from tests.safety.helpers import connect, dump

UTF8_ROW = "光模块 ramp".encode()
GBK_ROW = "光模块 ramp".encode("gbk")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def run(tracker, path: Path, capsys) -> tuple[int, str, str]:
    db = tracker.path
    tracker.close()
    code = main.main(["--db", str(db), "import", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- 9. encodings ------------------------------------------------------------------------------
def test_a_csv_mixing_utf8_and_gbk_rows_is_refused_naming_the_line(tracker, tmp_path, capsys):
    """UTF-8 rows pasted into a GBK file were decoded as GB18030 and stored as mojibake; now
    the file is refused, naming a UTF-8 line and the first line that is not (#14 item 9)."""
    data = (b"thesis,title,expected\n1," + UTF8_ROW + b",2027\n1,plain,2027\n1," + GBK_ROW
            + b",2027\n")
    path = write(tmp_path / "mixed.csv", data)
    before = dump(tracker.path)
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and "mixes text encodings" in err
    assert "line 2 is UTF-8" in err and "line 4" in err
    assert dump(path.parent / "theses.sqlite3") == before


@pytest.mark.parametrize("case, data, words", [
    ("UTF-8 BOM then GBK", b"\xef\xbb\xbfthesis,title,expected\n1," + GBK_ROW + b",2027\n",
     ["UTF-8 byte-order mark", "line 2"]),
    ("UTF-16 BOM, odd length", b"\xff\xfet\x00h\x00i", ["UTF-16", "odd number of bytes"]),
    ("UTF-16 BOM, broken surrogate", b"\xff\xfe" + "thesis,title,expected\n1,".encode(
        "utf-16-le") + b"\x00\xdc" + ",2027\n".encode("utf-16-le"), ["UTF-16", "line 2"]),
])
def test_byte_order_marks_that_lie_are_one_error_line(case, data, words, tracker, tmp_path,
                                                      capsys):
    """A BOM promising one encoding followed by another raised UnicodeDecodeError (a
    traceback); now one error line says which line breaks it (#14 item 9)."""
    path = write(tmp_path / "bom.csv", data)
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and err.startswith("error:") and "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


def test_cr_only_line_endings_import(tracker, tmp_path, capsys):
    """Old Mac Excel ends lines with CR alone: the csv module raised "new-line character seen
    in unquoted field" as a traceback. The file now imports (#14 item 9)."""
    path = write(tmp_path / "mac.csv",
                 b"thesis,title,expected\r1,first from a Mac,2027\r1,second,Q3 2027\r")
    code, out, err = run(tracker, path, capsys)
    assert code == 0, err
    assert "Imported 2 catalyst(s)" in out


# -- 13. separators and spreadsheets -----------------------------------------------------------
def test_semicolon_and_tab_separated_catalysts_import(tracker, tmp_path):
    """European Excel saves ; and analysts paste tab-separated tables: both import like a
    comma-separated file (#14 item 13)."""
    semi = write(tmp_path / "semi.csv", b"thesis;title;expected;note\n1;Semi one;2027;a, b\n"
)
    tabs = write(tmp_path / "tabs.tsv", b"thesis\ttitle\texpected\n1\tTabbed, with a comma\tH2 "
                 b"2027\n")
    assert import_catalyst_csv(tracker, semi) == 1
    assert import_catalyst_csv(tracker, tabs) == 1
    titles = {c.title for c in tracker.catalysts.for_thesis(1)}
    assert {"Semi one", "Tabbed, with a comma"} <= titles


def test_semicolon_prices_read_the_decimal_comma(tracker, tmp_path):
    """In a semicolon-separated price file 180,5 is 180.5 (not 1805) and 1.234,5 is 1234.5
    (#14 item 13)."""
    company = tracker.companies.all()[0]
    path = write(tmp_path / "prices.csv",
                 b"Date;Close\n2026-01-02;180,5\n2026-01-05;1.234,5\n2026-01-06;181\n")
    done = tracker.prices.import_file(company.id, path)
    assert done.rows == 3
    assert tracker.prices.series(company.id).values == [180.5, 1234.5, 181.0]


def xlsx(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_catalysts_and_prices_import_with_the_same_rules(tracker, tmp_path, capsys):
    """A spreadsheet imports directly: dates typed as dates, numbers as numbers (#14 item 13)."""
    company = tracker.companies.all()[0]
    cats = xlsx(tmp_path / "cats.xlsx", [["thesis", "title", "expected", "done_on"],
                                         [1, "From Excel", "Q3 2026", dt.date(2026, 9, 1)],
                                         [1, "光模块 from Excel", 2027, None]])
    assert import_catalyst_csv(tracker, cats) == 2
    done = {c.title: c for c in tracker.catalysts.for_thesis(1)}
    assert done["From Excel"].status == "done" and done["From Excel"].happened_on == "2026-09-01"
    assert done["光模块 from Excel"].expected == "2027"
    prices = xlsx(tmp_path / "p.xlsx", [["Date", "Close", "Adj Close"],
                                        [dt.date(2026, 1, 2), 10.25, 10.0],
                                        [dt.datetime(2026, 1, 5), 11, None]])
    result = tracker.prices.import_file(company.id, prices)
    assert result.rows == 2 and tracker.prices.series(company.id).values == [10.0, 11.0]


def test_a_bad_xlsx_row_refuses_the_whole_sheet(tracker, tmp_path):
    """All or nothing holds for spreadsheets: one bad row, nothing imported, the row named by
    its spreadsheet row number (#14 item 13)."""
    path = xlsx(tmp_path / "bad.xlsx", [["thesis", "title", "expected"], [1, "fine", "2027"],
                                        [1, "bad window", "someday"]])
    before = dump(tracker.path)
    with pytest.raises(ImportFailed, match="row 3"):
        import_catalyst_csv(tracker, path)
    assert dump(tracker.path) == before


def test_a_damaged_spreadsheet_is_one_error_line(tracker, tmp_path, capsys):
    """A truncated .xlsx (or any file named so) is refused in one line (#14 item 13)."""
    good = xlsx(tmp_path / "good.xlsx", [["thesis", "title", "expected"], [1, "x", "2027"]])
    path = write(tmp_path / "cut.xlsx", good.read_bytes()[:300])
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and err.startswith("error:") and "spreadsheet" in err


# -- 10. bounds, caps, backups -----------------------------------------------------------------
def test_upcoming_days_out_of_range_is_a_message(tracker, capsys):
    """`upcoming --days 99999999` overflowed the date arithmetic (a traceback) (#14 item 10)."""
    db = tracker.path
    tracker.close()
    assert main.main(["--db", str(db), "upcoming", "--days", "99999999"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "--days" in err and len(err.strip().splitlines()) == 1
    assert main.main(["--db", str(db), "upcoming", "--days", "36500"]) == 0


def test_a_hundred_thousand_bad_rows_print_a_capped_list(tracker, tmp_path, capsys):
    """100,000 bad rows printed 100,001 lines; the list is capped and says how many more
    (#14 item 10)."""
    rows = "".join(f"1,bad {i},someday\n" for i in range(100_000))
    path = write(tmp_path / "bad.csv", ("thesis,title,expected\n" + rows).encode())
    code, out, err = run(tracker, path, capsys)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) <= 60
    assert "100000 bad row(s)" in lines[0] or "100,000" in lines[0]
    assert "and 99,950 more" in lines[-1]


def test_refused_csv_imports_take_no_backup(tracker, tmp_path):
    """A refused import took a backup first; twelve refusals left ten identical copies and
    rotated the good ones away. A refused file now takes none (#14 item 10)."""
    for n in range(10):
        tracker.theses.add(title=f"state {n}")
        tracker.backup()
    kept = [b.path for b in backups.list_backups(tracker.path)]
    path = write(tmp_path / "bad.csv", b"thesis,title,expected\n1,x,someday\n")
    for _ in range(12):
        with pytest.raises(ImportFailed):
            import_catalyst_csv(tracker, path)
        with pytest.raises(ImportFailed):
            tracker.prices.import_file(tracker.companies.all()[0].id,
                                       write(tmp_path / "p.csv", b"Date,Close\n2026-01-02,-1\n"))
    assert [b.path for b in backups.list_backups(tracker.path)] == kept


# -- quotes the csv module read leniently ------------------------------------------------------
def test_an_unterminated_quote_refuses_the_file_naming_the_line_it_opened_on(tracker, tmp_path,
                                                                             capsys):
    """A quote opened and never closed swallowed every row after it into one description
    ('abc\\n1,b,Q3 2027,d\\n' imported as one catalyst); now the file is refused, naming the
    line where the quote opened, and nothing is written."""
    path = write(tmp_path / "u.csv", b'thesis,title,expected,description\n'
                                     b'1,big,Q3 2027,"abc\n1,b,Q3 2027,d\n')
    before = dump(tracker.path)
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and err.startswith("error:") and "Traceback" not in err, err
    assert "row 2" in err and "quote opened on line 2 is never closed" in err
    assert dump(path.parent / "theses.sqlite3") == before


def test_an_unterminated_quote_names_the_line_of_the_quote_not_of_its_row(tmp_path):
    """A row whose earlier field spans lines: the line named is the one the unclosed quote
    opened on."""
    from model.interchange.table_file import parse_text
    table = parse_text('thesis,title,expected,description\n1,ok,2027,d\n'
                       '1,"two\nlines",2027,"open\nmore\n', name="u.csv")    # 3-5
    assert table.rows == [(2, ["1", "ok", "2027", "d"])]
    [(row, reason)] = table.problems
    assert row == 3 and "quote opened on line 4 is never closed" in reason


@pytest.mark.parametrize("separator", [",", ";"])
def test_text_after_a_closing_quote_is_refused_as_strict_csv_does(tracker, tmp_path, capsys,
                                                                 separator):
    """'"5" screen' in a field was stored as '5 screen' (the quotes silently dropped); the file
    is now refused as Python's strict CSV reading does, the line named and the fix said. A
    quote in the middle of an unquoted field is kept as it is."""
    header = separator.join(["thesis", "title", "expected", "description"])
    bad = separator.join(["1", "big", "Q3 2027", '"5" screen'])
    path = write(tmp_path / "q.csv", f"{header}\n1{separator}fine{separator}2027{separator}x\n"
                                     f"{bad}\n".encode())
    before = dump(tracker.path)
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and "Traceback" not in err, err
    assert "row 3" in err and "line 3" in err and "closing quote" in err
    assert dump(path.parent / "theses.sqlite3") == before
    literal = write(tmp_path / "l.csv", f"{header}\n1{separator}literal{separator}2027"
                                        f'{separator}a 5" screen\n'.encode())
    code, out, err = run(tracker, literal, capsys)
    assert code == 0, err
    rows = dump(path.parent / "theses.sqlite3")["catalyst"]
    assert [row[3] for row in rows if row[2] == "literal"] == ['a 5" screen']


# -- the day a catalyst happened ---------------------------------------------------------------
def test_a_done_on_after_today_is_refused_naming_the_row(tracker, tmp_path, capsys):
    """A CSV row done on 2030-01-01 was stored as happened on 2030-01-01, where `tick --on` and
    a bundle refuse a day after today; the CSV import now refuses it too, the row named, and
    nothing is written."""
    path = write(tmp_path / "f.csv", b"thesis,title,expected,status,done_on\n"
                                     b"1,past,Q3 2026,done,2026-01-05\n"
                                     b"1,future,Q3 2027,done,2030-01-01\n")
    before = dump(tracker.path)
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and "Traceback" not in err, err
    assert "row 3: column done_on" in err and "2030-01-01" in err and "after today" in err
    assert "row 2" not in err
    assert dump(path.parent / "theses.sqlite3") == before


def test_done_without_a_date_happened_today_as_tick_without_on(tracker, tmp_path, capsys):
    """Status done with no done_on was stored with no date at all; `tick` without --on records
    today, and the CSV import now does the same (missed and cancelled too, as tick does)."""
    db = tracker.path
    tracker.close()
    path = write(tmp_path / "d.csv", b"thesis,title,expected,status,done_on\n"
                                     b"1,undated done,Q3 2026,done,\n"
                                     b"1,undated missed,Q3 2026,missed,\n")
    assert main.main(["--db", str(db), "import", str(path)]) == 0
    assert main.main(["--db", str(db), "add-catalyst", "1", "ticked", "--expected", "Q3 2026"]) == 0
    assert main.main(["--db", str(db), "tick", "ticked"]) == 0
    capsys.readouterr()
    conn = connect(db, readonly=True)
    rows = {title: (status, day) for title, status, day in conn.execute(
        "SELECT title, status, happened_on FROM catalyst WHERE title IN "
        "('undated done', 'undated missed', 'ticked')")}
    conn.close()
    assert {title: status for title, (status, _) in rows.items()} == {
        "undated done": "done", "undated missed": "missed", "ticked": "done"}
    days = {day for _, day in rows.values()}
    assert len(days) == 1 and None not in days
