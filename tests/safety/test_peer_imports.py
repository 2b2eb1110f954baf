"""`import-peer` (market-catalyst-calendar datasets) as attackers craft them: each refused file
is one error block naming the record, exit 1, nothing written; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from tests.safety.helpers import dump

RECORD = {"id": "r1", "ticker": "ZZ", "entity": "Zed", "event_type": "launch",
          "thesis_impact": "positive"}


def run(tracker, path: Path, capsys) -> tuple[int, str, str]:
    db = tracker.path
    tracker.close()
    code = main.main(["--db", str(db), "import-peer", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("record, words", [
    ({"status": "completed", "date": "2030-06-01"}, ["records[1] (r1)", "2030-06-01"]),
    ({"status": "completed", "window": {"start": "2026-01-01", "end": "2026-02-01"},
      "outcome_recorded_at": "2031-01-01"}, ["records[1] (r1)", "outcome_recorded_at",
                                             "2031-01-01"]),
    ({"status": "cancelled", "date": "2026-01-01",
      "history": [{"date": "2030-03-01", "status": "cancelled"}]},
     ["records[1] (r1)", "history", "2030-03-01"]),
])
def test_a_record_that_happened_after_today_is_refused(tracker, tmp_path, capsys, record, words):
    """A completed record dated 2030-06-01, or with outcome_recorded_at 2031-01-01, was stored
    as happened on that day, where `tick --on`, the bundle and the catalyst CSV refuse a day
    after today; now the dataset is refused naming the record and the date."""
    good = {**RECORD, "id": "r0", "status": "completed", "date": "2026-01-05"}
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"records": [good, {**RECORD, **record}]}), encoding="utf-8")
    before = dump(tracker.path)
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and err.startswith("error:") and "Traceback" not in err, err
    assert "after today" in err and "records[0]" not in err
    for word in words:
        assert word in err, (word, err)
    assert dump(path.parent / "theses.sqlite3") == before


HEADER = "id,ticker,entity,event_type,window_start,window_end,status,thesis_impact"


@pytest.mark.parametrize("command", ["import-peer", "import"])
def test_a_field_over_the_csv_limit_is_one_error_line(tracker, tmp_path, capsys, command):
    """A peer CSV with a field of 140,000 characters raised _csv.Error as a traceback (the
    catalyst CSV reports it); now it is one error line naming the file and the line, exit 1,
    nothing written."""
    path = tmp_path / "h.csv"
    path.write_text(f"{HEADER}\nr1,A,A,e,2026-01-01,2026-01-02,completed,positive,"
                    + "x" * 140_000 + "\n", encoding="utf-8")
    before = dump(tracker.path)
    db = tracker.path
    tracker.close()
    code = main.main(["--db", str(db), command, str(path)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error:") and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1
    assert "h.csv" in err and "line 2" in err and "field limit" in err
    assert dump(db) == before


def test_an_unterminated_quote_in_a_peer_csv_is_refused(tracker, tmp_path, capsys):
    """The peer CSV was read leniently too: a quote never closed swallowed the records after
    it into one field. It is read as strict CSV, like the catalyst CSV."""
    path = tmp_path / "q.csv"
    path.write_text(f'{HEADER},actual_outcome\nr1,A,A,e,2026-01-01,2026-01-02,scheduled,positive,'
                    f'"open\nr2,B,B,e,2026-01-01,2026-01-02,scheduled,positive,\n',
                    encoding="utf-8")
    before = dump(tracker.path)
    code, out, err = run(tracker, path, capsys)
    assert code == 1 and "Traceback" not in err, err
    assert "quote opened on line 2 is never closed" in err
    assert dump(path.parent / "theses.sqlite3") == before
