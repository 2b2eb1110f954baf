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
