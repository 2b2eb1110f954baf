"""Promise 7 of #6 (importers): every common encoding imports exactly, in one transaction; wrong,
extra, duplicate or missing columns, ragged rows and bad values fail naming row and column and
change nothing; never a partial or silently empty import."""

from __future__ import annotations

import copy

import pytest

from model.errors import ImportFailed
from model.interchange.bundle import export_bundle, import_bundle
from model.interchange.catalyst_csv import import_catalyst_csv
from model.service import Tracker
from tests.safety.helpers import dump


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    Tracker.open(path, seed_if_new=True, daily_backup=False).close()
    return path


@pytest.fixture
def tracker(seeded_file, db_path, clock):
    """The demo database, copied from one seeded file (seeding each time costs 0.3 s)."""
    import shutil
    shutil.copyfile(seeded_file, db_path)
    t = Tracker.open(db_path, clock=clock, daily_backup=False)
    yield t
    t.close()

TEXTS = {
    "utf-8": "光模块订单 📈 «ok»",
    "utf-8-sig": "光模块订单 BOM 📈",
    "utf-16": "數據中心 UTF-16 📈",
    "gb18030": "光模块订单大增，数据中心需求旺盛",
    "gbk": "光模块订单大增，英伟达需求",
    "big5": "數據中心訂單增加，光通訊需求",
    "shift_jis": "データセンター受注が増加",
    "cp1252": "Café résumé – naïve € “quoted”",
}


@pytest.mark.parametrize("encoding", list(TEXTS))
def test_every_common_encoding_imports_exactly(encoding, tracker, tmp_path):
    """A catalyst CSV saved by Excel or an editor in each encoding imports every row with the
    text exactly as written (no mojibake), all in one transaction with one change notice (#6)."""
    thesis = tracker.theses.all()[0]
    text = TEXTS[encoding]
    rows = [f"{thesis.id},{text} {n},H{n % 2 + 1} 2027,{text}" for n in range(5)]
    path = tmp_path / f"catalysts-{encoding}.csv"
    path.write_bytes(("thesis,title,expected,description\r\n" + "\r\n".join(rows) + "\r\n")
                     .encode(encoding))
    heard = []
    tracker.store.subscribe(heard.append)
    before = {c.id for c in tracker.catalysts.for_thesis(thesis.id)}
    assert import_catalyst_csv(tracker, path) == 5
    new = [c for c in tracker.catalysts.for_thesis(thesis.id) if c.id not in before]
    assert sorted(c.title for c in new) == [f"{text} {n}" for n in range(5)]
    assert {c.description for c in new} == {text}
    assert len(heard) == 1


def csv_cases(tid):
    header = "thesis,title,expected"
    return {
        "missing column": (f"thesis,title\n{tid},a\n", ["missing", "expected"]),
        "unknown column": (f"{header},colour\n{tid},a,2027,red\n", ["unknown", "colour"]),
        "duplicate column": (f"{header},title\n{tid},a,2027,b\n", ["duplicated", "title"]),
        "wrong columns": ("name,date,value\nx,2027,3\n", ["missing", "thesis"]),
        "ragged row": (f"{header}\n{tid},a,2027\n{tid},b\n", ["row 3", "2 fields"]),
        "bad window": (f"{header}\n{tid},a,2027\n{tid},b,whenever\n",
                       ["row 3", "column expected"]),
        "bad status": (f"{header},status\n{tid},a,2027,done\n{tid},b,2027,maybe\n",
                       ["row 3", "column status"]),
        "unknown thesis": (f"{header}\n{tid},a,2027\nno-such-thesis,b,2027\n",
                           ["row 3", "column thesis"]),
        "blank title": (f"{header}\n{tid}, ,2027\n", ["row 2", "column title"]),
        "NUL in a cell": (f"{header}\n{tid},a\x00b,2027\n", ["row 2", "column title", "NUL"]),
        "header only": (f"{header}\n", ["no catalyst rows"]),
        "empty file": ("", ["empty"]),
        "one bad row of many": (f"{header}\n" + "".join(f"{tid},ok {n},2027\n" for n in range(40))
                                + f"{tid},bad,2027-13-45\n", ["row 42", "column expected"]),
    }


@pytest.mark.parametrize("case", list(csv_cases(1)))
def test_bad_csv_fails_naming_row_and_column_and_changes_nothing(case, tracker, tmp_path):
    """Each malformed file is refused whole with a message that says where (row, column) and
    what; the database is exactly as before: never a partial or silently empty import (#6)."""
    thesis = tracker.theses.all()[0]
    text, words = csv_cases(thesis.id)[case]
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    before = dump(tracker.path)
    with pytest.raises(ImportFailed) as caught:
        import_catalyst_csv(tracker, path)
    for word in words:
        assert word in str(caught.value), (word, str(caught.value))
    assert dump(tracker.path) == before


def test_undecodable_bytes_fail_clearly(tracker, tmp_path):
    """Bytes in no text encoding (a binary file renamed .csv) are refused with a message, never
    imported as garbage (#6)."""
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 20)
    before = dump(tracker.path)
    with pytest.raises(ImportFailed):
        import_catalyst_csv(tracker, path)
    assert dump(tracker.path) == before


def bundle_cases(good):
    def edit(fn):
        data = copy.deepcopy(good)
        fn(data)
        return data
    return {
        "missing title": (edit(lambda d: d["theses"][0].pop("title")), ["theses[0]", "title"]),
        "wrong type": (edit(lambda d: d["theses"][0].__setitem__("conviction", "very")),
                       ["theses[0]", "conviction"]),
        "bad catalyst window": (edit(lambda d: d["theses"][0]["catalysts"][0].__setitem__(
            "expected", "someday")), ["theses[0]", "someday"]),
        "unknown company": (edit(lambda d: d["theses"][0]["beneficiaries"].append(
            {"company": 999999, "role": "x"})), ["theses[0]", "999999"]),
        "theses not a list": (edit(lambda d: d.__setitem__("theses", {"a": 1})), ["theses"]),
        "not a bundle": ({"format": "something else"}, ["not a Thesis Tracker bundle"]),
        "newer bundle": (edit(lambda d: d.__setitem__("version", 99)), ["99"]),
    }


BUNDLE_CASES = ["missing title", "wrong type", "bad catalyst window", "unknown company",
                "theses not a list", "not a bundle", "newer bundle"]


@pytest.mark.parametrize("case", BUNDLE_CASES)
def test_bad_bundle_fails_naming_where_and_changes_nothing(case, tracker):
    """A bundle with a missing field, a wrong type or a dangling reference is refused whole,
    naming the thesis and the field; nothing is imported (#6)."""
    good = export_bundle(tracker)
    assert good["theses"][0]["catalysts"] and good["companies"]
    data, words = bundle_cases(good)[case]
    before = dump(tracker.path)
    with pytest.raises(ImportFailed) as caught:
        import_bundle(tracker, data)
    for word in words:
        assert word in str(caught.value), (word, str(caught.value))
    assert dump(tracker.path) == before
