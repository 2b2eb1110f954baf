"""Catalysts CSV import (#2): UTF-8, UTF-8 with BOM and GB18030/GBK files with Chinese titles;
wrong columns and bad rows refuse the whole file, list every bad row by number, and leave the
database byte for byte as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from model.errors import ImportFailed
from model.interchange.catalyst_csv import import_catalyst_csv

CHINESE_TITLES = ["中际旭创泰国工厂产能爬坡", "光模块", "硅光", "东田微", "天孚通信光引擎"]


def snapshot(tracker):
    """Every table's rows plus the bytes of the database files and the backups folder."""
    tables = {t: tracker.store.rows(f"SELECT * FROM {t} ORDER BY rowid")
              for t in ("thesis", "catalyst", "history", "risk", "company")}
    files = {}
    for suffix in ("", "-wal"):
        p = Path(str(tracker.path) + suffix)
        files[suffix] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    folder = tracker.path.parent / "backups"
    files["backups"] = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    return tables, files


def write(tmp_path, text, encoding, name="c.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
@pytest.mark.parametrize("title", CHINESE_TITLES)
def test_one_row_files_in_every_encoding(tracker, tmp_path, encoding, title):
    """A short file (where guessing is hardest) keeps its Chinese title exactly (#2)."""
    path = write(tmp_path, f"thesis,title,expected\nBig light,{title},H1 2026\n", encoding)
    assert import_catalyst_csv(tracker, path) == 1
    thesis_id = tracker.theses.resolve("Big light")
    assert title in [c.title for c in tracker.catalysts.for_thesis(thesis_id)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_full_file_with_optional_columns(tracker, tmp_path, encoding):
    """Columns in any order and case, Windows line ends, optional status/done_on/note/impact;
    an already-done row gets its history row (#2)."""
    text = ("Expected,Title,THESIS,status,done_on,note,impact\r\n"
            "2H26,以太网 CPO 交换机出货,New light,,,,+\r\n"
            "Q3 2026,\"Ramp, Thailand\",Big light,done,2026-09-15,产能爬坡顺利,\r\n"
            "2027,价格战,Small light,missed,,毛利率下降,-\r\n")
    path = write(tmp_path, text, encoding)
    before = tracker.store.scalar("SELECT count(*) FROM catalyst")
    assert import_catalyst_csv(tracker, path) == 3
    assert tracker.store.scalar("SELECT count(*) FROM catalyst") == before + 3
    rows = {r["title"]: r for r in tracker.store.rows(
        "SELECT * FROM catalyst ORDER BY id DESC LIMIT 3")}
    assert rows["以太网 CPO 交换机出货"]["status"] == "pending"
    assert (rows["Ramp, Thailand"]["status"], rows["Ramp, Thailand"]["happened_on"],
            rows["Ramp, Thailand"]["outcome"]) == ("done", "2026-09-15", "产能爬坡顺利")
    assert (rows["价格战"]["status"], rows["价格战"]["impact"]) == ("missed", "-")
    for title in ("Ramp, Thailand", "价格战"):
        history = tracker.history.for_catalyst(rows[title]["id"])
        assert [(h.field, h.old, h.new) for h in history] == [
            ("catalyst", "pending", rows[title]["status"])]
    assert tracker.history.for_catalyst(rows["以太网 CPO 交换机出货"]["id"]) == []


@pytest.mark.parametrize("header,complaint", [
    ("thesis,title", "missing required column(s): expected"),
    ("title,expected", "missing required column(s): thesis"),
    ("thesis,title,expected,colour", "unknown column(s): colour"),
    ("thesis,title,expected,Title", "duplicated column(s): title"),
    ("Thesis|Title|Expected", "missing required"),  # ; and tab are read (#14 item 13)
])
def test_wrong_columns_import_nothing(tracker, tmp_path, header, complaint):
    """Missing, unknown or duplicated columns refuse the file, naming them (#2)."""
    path = write(tmp_path, header + "\nBig light,x,2027\n", "utf-8")
    before = snapshot(tracker)
    with pytest.raises(ImportFailed) as info:
        import_catalyst_csv(tracker, path)
    assert complaint in str(info.value)
    assert snapshot(tracker) == before


def test_bad_rows_are_all_listed_by_number_and_nothing_changes(tracker, tmp_path):
    """Every bad row is listed with its line number and reason; good rows are not imported
    either; the database files are byte-identical afterwards and no backup was taken (#2)."""
    text = ("thesis,title,expected,status,done_on,impact\n"
            "Big light,good row,2027,,,\n"                       # 2
            "Big light,bad date,2027,done,2026-02-30,\n"         # 3
            "Big light,bad window,sometime,,,\n"                 # 4
            "No such thesis,unknown thesis,2027,,,\n"            # 5
            "Big light,ragged,2027\n"                            # 6
            "\n"                                                 # 7 blank: skipped
            "Big light,bad status,2027,postponed,,\n"            # 8
            "Big light,bad impact,2027,,,maybe\n"                # 9
            "S,ambiguous thesis,2027,,,\n"                       # 10
            "Big light,,2027,,,\n"                               # 11 empty title
            "Big light,extra,2027,,,,,\n")                       # 12
    path = write(tmp_path, text, "gb18030")
    before = snapshot(tracker)
    with pytest.raises(ImportFailed) as info:
        import_catalyst_csv(tracker, path)
    rows = [row for row, _ in info.value.problems]
    assert rows == [3, 4, 5, 6, 8, 9, 10, 11, 12]
    reasons = dict(info.value.problems)
    assert "2026-02-30" in reasons[3]
    assert "sometime" in reasons[4]
    assert "No such thesis" in reasons[5]
    assert "3 fields" in reasons[6] and "6" in reasons[6]
    assert "postponed" in reasons[8]
    assert "maybe" in reasons[9]
    assert "matches" in reasons[10]
    message = str(info.value)
    assert "row 3:" in message and "row 12:" in message and "nothing was imported" in message
    assert snapshot(tracker) == before


@pytest.mark.parametrize("content,complaint", [
    (b"", "empty"), (b"thesis,title,expected\n", "no catalyst rows"),
    (b"thesis,title,expected\n\n\n", "no catalyst rows")])
def test_empty_files(tracker, tmp_path, content, complaint):
    """An empty file or a header alone is refused with the reason, nothing written (#2)."""
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as info:
        import_catalyst_csv(tracker, path)
    assert complaint in str(info.value)


def test_missing_file(tracker, tmp_path):
    """A path with no file is an ImportFailed, not an OSError traceback (#2)."""
    with pytest.raises(ImportFailed):
        import_catalyst_csv(tracker, tmp_path / "nope.csv")
