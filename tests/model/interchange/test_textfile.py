"""model/interchange/textfile.py: text files in whatever encoding analysts save them (#2),
refused with a message when the bytes cannot be trusted (#14); whole-or-nothing writes."""

from __future__ import annotations

import codecs

import pytest

from model.errors import ImportFailed, UserError
from model.interchange.textfile import (
    commit_partial,
    decode,
    partial_path,
    read_text,
    refuse_bad_rows,
    write_atomically,
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
@pytest.mark.parametrize("text", ["光模块", "中际旭创", "新易盛, 天孚通信",
                                  "thesis,title\n1,硅光\n", "Zürich café"])
def test_decode_detects_the_encoding(encoding, text):
    """textfile.decode returns the exact text for every encoding analysts' files come in (#2)."""
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot hold {text!r}")
    decoded, _ = decode(raw)
    assert decoded == text


@pytest.mark.parametrize("text,encoding", [("Zürich café, Müller", "cp1252"),
                                           ("價格戰光模組台積電", "big5")])
def test_other_legacy_encodings_are_not_taken_for_gbk(text, encoding):
    """Preferring GB18030 for Chinese files must not garble Western or Big5 files (#2)."""
    assert decode(text.encode(encoding))[0] == text


def test_a_lying_byte_order_mark_is_refused_naming_the_line():
    """A UTF-8 BOM followed by GBK rows would be stored as mojibake: refused, naming the
    first line that is not UTF-8 (#14)."""
    raw = b"\xef\xbb\xbfthesis,title\nok,fine\n" + "光模块,x\n".encode("gbk")
    with pytest.raises(ImportFailed, match="line 3 is not UTF-8"):
        decode(raw, name="c.csv")


def test_a_cut_off_utf16_file_is_refused():
    """An odd number of bytes after a UTF-16 mark is a cut-off file, refused rather than decoded
    with a lost character."""
    with pytest.raises(ImportFailed, match="odd number of bytes"):
        decode(codecs.BOM_UTF16_LE + "光模块".encode("utf-16-le")[:-1], name="c.csv")


def test_lines_in_two_encodings_are_refused():
    """UTF-8 rows pasted into a GBK file would be stored as mojibake: refused, naming both lines
    (#14)."""
    raw = "光模块,x\n".encode() + "中际旭创,y\n".encode("gbk")
    with pytest.raises(ImportFailed, match="mixes text encodings: line 1 is UTF-8 but line 2"):
        decode(raw, name="c.csv")


def test_decode_names_the_encoding_it_chose():
    """GBK is read as GB18030 (its superset); a BOM is noted as utf-8-sig."""
    assert decode("光模块".encode("gbk")) == ("光模块", "gb18030")
    assert decode(b"plain") == ("plain", "utf-8")
    assert decode(codecs.BOM_UTF8 + b"x") == ("x", "utf-8-sig")


def test_refuse_bad_rows_is_all_or_nothing():
    """Any bad row refuses the file with every problem kept; a header with no rows is refused too;
    good rows pass."""
    with pytest.raises(ImportFailed, match="c.csv: 1 bad row") as info:
        refuse_bad_rows("c.csv", [(3, "no title")], [1, 2], "catalyst")
    assert info.value.problems == [(3, "no title")]
    with pytest.raises(ImportFailed, match="has a header but no catalyst rows"):
        refuse_bad_rows("c.csv", [], [], "catalyst")
    refuse_bad_rows("c.csv", [], [1], "catalyst")        # good rows: no error


def test_read_text_names_a_missing_file_or_a_folder(tmp_path):
    """A missing file or a folder is an ImportFailed sentence, not an OSError traceback."""
    with pytest.raises(ImportFailed, match="There is no file at"):
        read_text(tmp_path / "none.csv")
    with pytest.raises(ImportFailed, match="is a folder"):
        read_text(tmp_path)
    (tmp_path / "ok.csv").write_bytes("光".encode("gb18030"))
    assert read_text(tmp_path / "ok.csv") == "光"


def test_write_atomically_replaces_whole_and_reports_failures_as_user_errors(tmp_path):
    """Text is written as UTF-8; an existing file is replaced whole; a folder that does not
    exist is a UserError naming the file, not an OSError traceback."""
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    assert write_atomically(target, "新 text") == target
    assert target.read_text(encoding="utf-8") == "新 text"
    write_atomically(target, b"bytes")
    assert target.read_bytes() == b"bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]        # no temporary left
    with pytest.raises(UserError, match="Cannot write .*missing"):
        write_atomically(tmp_path / "missing" / "x.md", "x")


def test_partial_paths_are_hidden_unpredictable_and_beside_the_target(tmp_path):
    """Qt's PDF writer opens its file by name: an unpredictable hidden name beside the target leaves
    no planted symlink to follow (#14)."""
    target = tmp_path / "report.pdf"
    first, second = partial_path(target), partial_path(target)
    assert first.parent == tmp_path and first != second
    assert first.name.startswith(".report.pdf.") and first.name.endswith(".partial")


def test_an_export_through_a_symlink_replaces_the_file_and_keeps_the_link(tmp_path):
    """`export link.json` where link.json points at t.json: t.json gets the export and
    link.json stays a link (it became a file of its own, t.json untouched; found by an
    attack on the data layer)."""
    real = tmp_path / "t.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    dangling = tmp_path / "later.json"
    dangling.symlink_to(tmp_path / "made-by-the-export.json")
    write_atomically(dangling, "first")
    assert dangling.is_symlink() and (tmp_path / "made-by-the-export.json").read_text() == "first"


def test_an_export_to_a_fifo_or_a_device_writes_into_it(tmp_path):
    """A FIFO (`export >(jq .)`) or a device (/dev/null, /dev/stdout) is written into, never
    replaced by a regular file (as root, `export /dev/full` replaced the device); a folder is
    refused."""
    import os
    import stat
    import threading
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomically(fifo, "streamed")
    reader.join(10)
    assert got == [b"streamed"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    temp = partial_path(fifo)
    assert temp.parent != tmp_path                  # not beside a device or a pipe
    temp.write_bytes(b"%PDF")
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    commit_partial(temp, fifo)
    reader.join(10)
    assert got[-1] == b"%PDF" and not temp.exists()
    write_atomically("/dev/null", "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(UserError, match="is a folder"):
        write_atomically(tmp_path, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]
