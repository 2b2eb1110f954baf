"""Importing market-catalyst-calendar datasets (#7): mapping, all or nothing, importing twice."""

from __future__ import annotations

import json

import pytest

from model.errors import ImportFailed
from model.interchange.bundle import dumps, export_bundle, import_bundle
from model.interchange.peer import looks_like_peer
from model.interchange.peer_import import import_peer, import_peer_file
from model.service import Tracker
from model.storage import backup as backups
from tests.model.interchange.peer_dataset import dataset, to_csv, with_changes


def _catalyst(t, peer_id):
    row = t.store.row("SELECT * FROM catalyst WHERE external_ref = ?", (f"mcc:{peer_id}",))
    assert row is not None, peer_id
    return row


def _snapshot(t):
    return dumps(export_bundle(t))


def test_statuses_dates_and_impacts_are_mapped(empty_tracker):
    """Every peer status maps as the issue says; single dates and windows both become our
    windows; negative impact is '-', the others '+'. Breaks if a mapping changes (#7)."""
    t = empty_tracker
    counts = import_peer(t, dataset(), backup=False)
    assert (counts["catalysts"], counts["theses"], counts["unchanged"]) == (8, 3, 0)
    expect = {"nvda-rumor": "pending", "avgo-watch": "pending", "spy-fomc": "pending",
              "nvda-confirmed": "pending", "lite-delay": "pending", "mu-done": "done",
              "cohr-cancel": "cancelled", "tsm-loose": "pending"}
    assert {k: _catalyst(t, k)["status"] for k in expect} == expect
    single, window = _catalyst(t, "nvda-rumor"), _catalyst(t, "avgo-watch")
    assert (single["expected"], single["window_start"], single["window_end"],
            single["precision"]) == ("2026-12-10", "2026-12-10", "2026-12-10", "day")
    assert (window["expected"], window["window_start"], window["window_end"],
            window["precision"]) == ("2026-12-01..2026-12-15", "2026-12-01", "2026-12-15", "range")
    done = _catalyst(t, "mu-done")
    assert (done["happened_on"], done["outcome"]) == ("2026-09-26", "Beat on HBM pricing.")
    assert _catalyst(t, "cohr-cancel")["happened_on"] == "2026-10-20"
    assert _catalyst(t, "nvda-confirmed")["impact"] == "-"
    assert _catalyst(t, "avgo-watch")["impact"] == "+"
    assert "Thesis impact: mixed." in _catalyst(t, "avgo-watch")["description"]
    assert "Bull: beats" in single["description"]


def test_theses_companies_and_sources(empty_tracker):
    """Records group by thesis_id into theses named from the id (one for records without one);
    companies by ticker (NVDA once, whatever its case); URLs and source_ref become cited sources
    (#7)."""
    t = empty_tracker
    import_peer(t, dataset(), backup=False)
    titles = sorted(th.title for th in t.theses.all())
    assert titles == ["Ai infrastructure capex", "Rates duration risk",
                      "Unmapped market-catalyst-calendar records"]
    ai = t.theses.resolve("Ai infrastructure")
    assert {c.title.split(" (")[0] for c in t.catalysts.for_thesis(ai)} >= {"NVIDIA Corporation"}
    assert len([c for c in t.companies.all() if c.ticker == "NVDA"]) == 1
    assert {b.ticker for b in t.beneficiaries.for_thesis(ai)} == {"NVDA", "AVGO", "MU", "LITE",
                                                                  "COHR"}
    nvda = _catalyst(t, "nvda-rumor")
    cited = t.store.rows("SELECT s.url, c.locator FROM citation c JOIN source s ON "
                        "s.id = c.source_id WHERE c.catalyst_id = ? ORDER BY s.url", (nvda["id"],))
    assert cited == [{"url": "https://example.com/nvda-a", "locator": "NVDA channel check"},
                     {"url": "https://example.com/nvda-b", "locator": "NVDA channel check"}]
    spy = _catalyst(t, "spy-fomc")
    (source,) = t.sources.for_thesis(spy["thesis_id"])
    assert (source.title, source.url) == ("FOMC public calendar", "")
    # One shared calendar URL across records is one source.
    assert t.store.scalar("SELECT count(*) FROM source WHERE url = ?",
                          ("https://example.com/calendar",)) == 1


def test_history_comes_across_and_delay_is_a_slip(empty_tracker):
    """The peer's history becomes ours; a delayed record gets a slip ('window' row) that the
    scorecard counts, without a day count since the old window is unknown (#7)."""
    t = empty_tracker
    import_peer(t, dataset(), backup=False)
    done = _catalyst(t, "mu-done")
    rows = t.history.for_catalyst(done["id"])
    assert [(h.at, h.old, h.new) for h in rows] == [
        ("2026-08-01T00:00:00Z", None, "watching"), ("2026-09-01T00:00:00Z", "watching",
                                                     "scheduled"),
        ("2026-09-26T00:00:00Z", "scheduled", "completed")]
    delayed = _catalyst(t, "lite-delay")
    slips = [h for h in t.history.for_catalyst(delayed["id"]) if h.field == "window"]
    assert [(h.at, h.note) for h in slips] == [("2026-11-02T00:00:00Z", "Moved out by a quarter.")]
    c = t.scorecard.for_thesis(delayed["thesis_id"]).counts
    assert (c.slipped, c.slips_measured, c.done, c.cancelled) == (1, 0, 1, 1)


def test_importing_twice_changes_nothing(empty_tracker, tmp_path):
    """A second import of the same file writes nothing, notifies nobody and takes no backup.
    Breaks if the external key is lost or values are not compared exactly (#7)."""
    t = empty_tracker
    path = tmp_path / "peer.json"
    path.write_text(json.dumps(dataset()), encoding="utf-8")
    import_peer_file(t, path)
    before, backups_before = _snapshot(t), len(backups.list_backups(t.path))
    heard = []
    t.store.subscribe(heard.append)
    counts = import_peer_file(t, path)
    assert (counts["catalysts"], counts["updated"], counts["unchanged"]) == (0, 0, 8)
    assert _snapshot(t) == before and heard == []
    assert len(backups.list_backups(t.path)) == backups_before


def test_csv_form_matches_json_and_shares_keys(empty_tracker, tmp_path):
    """Its CSV (percent-encoded cells) imports the same catalysts as its JSON; the JSON after
    the CSV then changes nothing (#7)."""
    t = empty_tracker
    path = tmp_path / "peer.csv"
    path.write_text(to_csv(dataset()), encoding="utf-8")
    assert looks_like_peer(path)
    assert import_peer_file(t, path, backup=False)["catalysts"] == 8
    assert "Thesis impact: mixed." in _catalyst(t, "avgo-watch")["description"]
    assert _catalyst(t, "mu-done")["outcome"] == "Beat on HBM pricing."
    before = _snapshot(t)
    assert import_peer(t, dataset(), backup=False)["unchanged"] == 8
    assert _snapshot(t) == before


def test_newer_export_updates_with_history(empty_tracker):
    """A later export of the same dataset updates the changed record only, recording the status
    change and a measurable slip (5 days) in the history (#7)."""
    t = empty_tracker
    import_peer(t, dataset(), backup=False)
    counts = import_peer(t, with_changes(dataset()), backup=False)
    assert (counts["updated"], counts["unchanged"], counts["catalysts"]) == (1, 7, 0)
    row = _catalyst(t, "nvda-rumor")
    assert row["expected"] == "2026-12-15"
    assert row["description"].endswith("Source: NVDA channel check")
    slip = [h for h in t.history.for_catalyst(row["id"]) if h.field == "window"]
    assert [(h.old, h.new, h.note) for h in slip] == [("2026-12-10", "2026-12-15",
                                                        "Date set, later.")]
    assert t.scorecard.for_thesis(row["thesis_id"]).counts.slip_days_total == 5


def test_existing_thesis_with_that_name_is_adopted(empty_tracker):
    """A thesis the analyst already has under the id's name gets the records, not a twin (#7)."""
    t = empty_tracker
    mine = t.theses.add(title="Rates duration risk").id
    import_peer(t, dataset(), backup=False)
    assert _catalyst(t, "spy-fomc")["thesis_id"] == mine
    assert t.theses.count() == 3


def test_bad_records_refused_whole_and_listed(empty_tracker):
    """Any bad record refuses the whole import and every one is listed (#7)."""
    t = empty_tracker
    t.theses.add(title="Kept")
    before = _snapshot(t)
    data = dataset()
    data["records"][1]["status"] = "postponed"
    del data["records"][2]["date"]
    data["records"][3]["window"] = {"start": "2027-01-09", "end": "2027-01-05"}
    data["records"][5]["id"] = data["records"][0]["id"]
    with pytest.raises(ImportFailed) as info:
        import_peer(t, data, backup=False)
    where = [w for w, _ in info.value.problems]
    assert where == ["records[1] (avgo-watch)", "records[2] (spy-fomc)",
                     "records[3] (nvda-confirmed)", "records[5] (nvda-rumor)"]
    assert "postponed" in str(info.value) and "date or a window" in str(info.value)
    assert _snapshot(t) == before


def test_bundle_round_trip_keeps_external_keys(empty_tracker, tmp_path, clock):
    """Export -> import into an empty database -> export is byte-identical with imported records
    (schema 2's external_ref included), and the peer import still recognises them (#7)."""
    t = empty_tracker
    import_peer(t, dataset(), backup=False)
    first = _snapshot(t)
    assert '"external_ref": "mcc:mu-done"' in first
    other = Tracker.open(tmp_path / "other.sqlite3", clock=clock)
    try:
        import_bundle(other, json.loads(first), backup=False)
        assert _snapshot(other) == first
        assert import_peer(other, dataset(), backup=False)["unchanged"] == 8
    finally:
        other.close()
