"""Wrong data accepted from a JSON bundle (#14 items 8 and 10): each hostile bundle of the
attack is refused whole, naming every bad record by its path, raising nothing but ImportFailed
(so the command line prints one "error:" block, never a traceback), taking no backup and leaving
the database exactly as it was."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import main
from model.errors import ImportFailed
from model.interchange.bundle import export_bundle, import_bundle, read_bundle_file
from model.storage import backup as backups
from tests.safety.helpers import dump


@pytest.fixture
def good(tracker):
    data = export_bundle(tracker)
    assert data["companies"] and data["theses"][0]["catalysts"] and data["prices"] == {}
    return data


def edit(data, fn):
    data = copy.deepcopy(data)
    fn(data)
    return data


def _dup_company(d):
    first, second = d["companies"][0], d["companies"][1]
    second["id"] = first["id"]


def _price(rows):
    def put(d):
        d["prices"] = {str(d["companies"][0]["id"]): rows}
    return put


# case: (change, paths and words the message must name)
CASES = {
    "duplicate company ids (relinked a beneficiary)": (_dup_company, ["companies[1].id",
                                                                      "used again"]),
    "price 0": (_price([["2026-01-02", 0, None]]), ["prices[1][0][1]"]),
    "price -5": (_price([["2026-01-02", -5, None]]), ["prices[1][0][1]"]),
    "duplicate price days": (_price([["2026-01-02", 5, None], ["2026-01-02", 6, None]]),
                             ["prices[1][1]", "already"]),
    "future price day": (_price([["2030-01-02", 5, None]]), ["prices[1][0]", "future"]),
    "conviction 'high'": (lambda d: d["theses"][0].__setitem__("conviction", "high"),
                          ["theses[0].conviction", "'high'"]),
    "history conviction 'high'": (lambda d: d["theses"][0]["history"].append(
        {"at": "2026-01-01T00:00:00Z", "field": "conviction", "old": "3", "new": "high"}),
        ["theses[0].history[", ".new", "'high'"]),
    "created_at not a date": (lambda d: d["theses"][0].__setitem__("created_at", "not a date"),
                              ["theses[0].created_at", "timestamp"]),
    "title given as a list": (lambda d: d["theses"][0].__setitem__("title", ["a", "b"]),
                              ["theses[0].title", "not a string"]),
    "unknown field": (lambda d: d["theses"][0].__setitem__("titel", "typo"),
                      ["theses[0]", "'titel'"]),
    "5,000-digit integer id": (lambda d: d["theses"][0].__setitem__("id", 10 ** 30),
                               ["theses[0].id"]),
    "beneficiary twice": (lambda d: d["theses"][0]["beneficiaries"].append(
        dict(d["theses"][0]["beneficiaries"][0])), ["theses[0].beneficiaries[", "already"]),
    "unknown source cited": (lambda d: d["theses"][0]["citations"].append(
        {"source": 4242, "locator": ""}), ["theses[0].citations[", "4242"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_bundle_is_refused_whole_naming_the_record(case, good, tracker):
    """Each of these imported (or crashed later: scorecard, PDF and Markdown export, event-study
    dividing by zero, export writing invalid JSON); now the bundle is refused, the bad record
    named by its path, and nothing changes (#14 item 8)."""
    change, words = CASES[case]
    data = edit(good, change)
    before = dump(tracker.path)
    taken = backups.list_backups(tracker.path)
    with pytest.raises(ImportFailed) as caught:
        import_bundle(tracker, data)
    for word in words:
        assert word in str(caught.value), (word, str(caught.value))
    assert dump(tracker.path) == before
    assert backups.list_backups(tracker.path) == taken, "a refused bundle took a backup"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


RAW = {
    "Infinity": '{"format": "thesis-tracker-bundle", "version": 1, "prices": {"1": '
                '[["2026-01-02", Infinity, null]]}}',
    "1e400": '{"format": "thesis-tracker-bundle", "version": 1, "prices": {"1": '
             '[["2026-01-02", 1e400, null]]}}',
    "NaN": '{"format": "thesis-tracker-bundle", "version": 1, "prices": {"1": '
           '[["2026-01-02", NaN, null]]}}',
    "5,000-digit integer": '{"format": "thesis-tracker-bundle", "version": ' + "9" * 5000 + "}",
    "deep nesting": '{"format": "thesis-tracker-bundle", "version": 1, "theses": '
                    + "[" * 100_000 + "]" * 100_000 + "}",
}


@pytest.mark.parametrize("case", list(RAW))
def test_numbers_and_nesting_no_bundle_has_are_one_error_line(case, tracker, tmp_path, capsys):
    """1e400, Infinity, NaN, a 5,000-digit integer and 100,000 levels of nesting raised
    OverflowError, ValueError or RecursionError (or imported Infinity, which export then wrote
    as invalid JSON); now `import` prints an error and exits 1 (#14 item 8)."""
    path = write(tmp_path / "hostile.json", RAW[case])
    db = tracker.path
    before = dump(db)
    tracker.close()
    assert main.main(["--db", str(db), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err
    assert dump(db) == before
    with pytest.raises(ImportFailed):
        read_bundle_file(path)


def test_every_bad_record_is_named_and_the_list_is_capped(good, tracker):
    """All bad records are reported by path (not only the first), and a bundle with thousands
    lists 50 and says how many more (#14 items 8 and 10)."""
    data = edit(good, lambda d: d["theses"].extend(
        {"id": f"x{i}", "title": "", "conviction": 9} for i in range(1500)))
    with pytest.raises(ImportFailed) as caught:
        import_bundle(tracker, data)
    problems = caught.value.problems
    assert len(problems) == 3000
    assert {p for p, _ in problems} >= {f"theses[{len(good['theses']) + 1499}].title",
                                        f"theses[{len(good['theses'])}].conviction"}
    message = str(caught.value)
    assert len(message.splitlines()) == 1 + 50 + 1 and "and 2,950 more" in message


def test_refused_imports_never_rotate_the_good_backups_away(good, tracker):
    """Twelve refused imports left ten identical copies and rotated the day's distinct good
    backups away. A refused bundle now takes no backup at all, and an accepted import whose
    copy equals the newest backup does not add another (#14 item 10)."""
    distinct = []
    for n in range(10):
        tracker.theses.add(title=f"state {n}")
        distinct.append(tracker.backup())
    bad = edit(good, lambda d: d["theses"][0].__setitem__("conviction", "high"))
    for _ in range(12):
        with pytest.raises(ImportFailed):
            import_bundle(tracker, bad)
    assert [b.path for b in backups.list_backups(tracker.path)][:10] == distinct[::-1]
    empty = {"format": "thesis-tracker-bundle", "version": 1}
    for _ in range(3):
        import_bundle(tracker, empty)
    kept = backups.list_backups(tracker.path)
    assert len([b for b in kept if b.reason == "before-import"]) <= 1
    assert distinct[1] in [b.path for b in kept]


def test_the_schema_ships_with_the_package_and_the_format_document_points_at_it():
    """The JSON Schema is a package data file (declared in pyproject.toml) and
    docs/bundle-format.md names it (#14 item 8)."""
    from importlib.resources import files
    root = Path(__file__).resolve().parents[2]
    schema = json.loads(files("model.interchange").joinpath("bundle.schema.json").read_text())
    assert schema["$schema"].endswith("2020-12/schema")
    assert '"model.interchange" = ["*.json"]' in (root / "pyproject.toml").read_text()
    assert "model/interchange/bundle.schema.json" in (root / "docs" / "bundle-format.md"
                                                      ).read_text()


@pytest.mark.parametrize("where", ["top", "thesis"])
def test_a_key_given_twice_refuses_the_bundle_naming_it(where, good, tracker, tmp_path, capsys):
    """A bundle with "theses" twice was accepted, the last one silently winning ("Imported 0
    thesis(es)"); now `import` refuses it, naming the key, and nothing is written. The same
    for a key twice inside a record."""
    text = json.dumps(good)
    if where == "top":
        text = text[:-1] + ', "theses": []}'
        key = "theses"
    else:
        text = text.replace('"title": ', '"title": "twice", "title": ', 1)
        key = "title"
    path = write(tmp_path / "dup.json", text)
    db = tracker.path
    before = dump(db)
    tracker.close()
    assert main.main(["--db", str(db), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err, err
    assert f'the key "{key}" is given twice' in err
    assert dump(db) == before
