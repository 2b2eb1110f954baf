"""model/interchange/peer.py: reading and checking a market-catalyst-calendar dataset (#7) in
its JSON and CSV forms. Every record is checked and normalised before anything is written;
any bad record refuses the file, each one named (peer_import writes what passes)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from model.errors import ImportFailed
from model.interchange.peer import (
    NAME,
    UNMAPPED,
    csv_to_dataset,
    looks_like_peer,
    parse_dataset,
    read_peer_file,
    thesis_title,
)
from tests.model.interchange.peer_dataset import AS_OF, dataset, to_csv


def test_a_dataset_parses_into_normalised_records():
    """Records come out normalised: tickers upper-cased, windows as dates, records without a thesis
    grouped as unmapped, history sorted (#7)."""
    as_of, records = parse_dataset(dataset())
    assert as_of == dt.date.fromisoformat(AS_OF) and len(records) == 8
    by_id = {r.id: r for r in records}
    confirmed = by_id["nvda-confirmed"]
    assert confirmed.ticker == "NVDA"                       # upper-cased
    assert (confirmed.start, confirmed.end) == (dt.date(2027, 1, 5), dt.date(2027, 1, 9))
    assert by_id["tsm-loose"].thesis_key == UNMAPPED
    assert by_id["mu-done"].history[0] == (dt.date(2026, 8, 1), "watching", "Date rumoured.")


def test_catalyst_values_map_status_dates_and_impact():
    """The mapping #7 names: completed -> done on its outcome date, cancelled -> cancelled on
    the day it was called off, every other status pending; negative impact '-', else '+'."""
    records = {r.id: r for r in parse_dataset(dataset())[1]}
    done = records["mu-done"].catalyst_values()
    assert (done["status"], done["happened_on"], done["outcome"]) == (
        "done", "2026-09-26", "Beat on HBM pricing.")
    assert (done["expected"], done["precision"]) == ("2026-09-20..2026-09-25", "range")
    cancelled = records["cohr-cancel"].catalyst_values()
    assert (cancelled["status"], cancelled["happened_on"]) == ("cancelled", "2026-10-20")
    rumour = records["nvda-rumor"].catalyst_values()
    assert (rumour["status"], rumour["precision"], rumour["happened_on"]) == (
        "pending", "day", None)
    assert records["nvda-confirmed"].catalyst_values()["impact"] == "-"
    assert records["avgo-watch"].catalyst_values()["impact"] == "+"


def test_the_description_keeps_what_has_no_column_of_ours():
    """Confidence, mixed/unknown impact, scenarios and the review action are kept in the
    description, not lost."""
    record = {r.id: r for r in parse_dataset(dataset())[1]}["avgo-watch"]
    text = record.description()
    assert text.splitlines()[0] == (f"{NAME} record avgo-watch: earnings, confidence 0.7, "
                                    f"status watching.")
    assert "Thesis impact: mixed." in text and "Bull: beats" in text
    assert "Review action: monitor_date." in text
    assert record.title == "Broadcom Inc. (AVGO): earnings"


@pytest.mark.parametrize("change, complaint", [
    (lambda r: r.update(status="postponed"), "status 'postponed' is not one of"),
    (lambda r: r.pop("date"), "needs a date or a window"),
    (lambda r: r.update(date="2026-02-30"), "date '2026-02-30' is not a YYYY-MM-DD date"),
    (lambda r: r.update(date="9999-12-31"),
     "date '9999-12-31' is outside the years 1900 to 2200"),
    (lambda r: (r.pop("date"), r.update(window={"start": "0026-01-01", "end": "2026-01-05"})),
     "window.start '0026-01-01' is outside the years 1900 to 2200"),
    (lambda r: (r.pop("date"), r.update(window={"start": "2027-01-09", "end": "2027-01-05"})),
     "window.end 2027-01-05 is before window.start 2027-01-09"),
    (lambda r: r.update(ticker=None), "ticker is required"),
    (lambda r: r.update(entity=5), "entity must be text, not int"),
    (lambda r: r.update(entity="a\x00b"), "entity contains a NUL character"),
    (lambda r: r.update(confidence="high"), "confidence 'high' is not a number"),
    (lambda r: r.update(evidence_urls="https://x"), "evidence_urls must be a list of URLs"),
    (lambda r: r.update(history=["x"]), "history[0] must be an object"),
    (lambda r: r.update(thesis_impact="great"), "thesis_impact 'great' is not one of"),
])
def test_a_bad_record_is_refused_with_its_reason(change, complaint):
    """Each kind of bad value is refused naming the record and what is wrong (#7, all or nothing).
    """
    data = dataset()
    change(data["records"][0])
    with pytest.raises(ImportFailed) as info:
        parse_dataset(data)
    assert info.value.problems == [("records[0] (nvda-rumor)", info.value.problems[0][1])]
    assert complaint in info.value.problems[0][1]


def test_every_bad_record_is_listed_and_positions_follow_the_unit():
    """In a CSV a record is named by its line (the header is line 1)."""
    data = dataset()
    data["records"][2]["status"] = "later"
    data["records"][4]["id"] = data["records"][1]["id"]
    data["records"].append("not a record")
    with pytest.raises(ImportFailed) as info:
        parse_dataset(data, unit="line")
    assert [where for where, _ in info.value.problems] == ["4 (spy-fomc)", "6 (avgo-watch)",
                                                           "10"]
    assert "3 bad line(s)" in str(info.value)


def test_not_a_dataset_or_an_empty_one_is_refused():
    """A list, a bundle or an empty dataset is refused with a sentence; a bad as_of is a listed
    problem."""
    for data in ([], {"records": "x"}, {"format": "thesis-tracker-bundle"}):
        with pytest.raises(ImportFailed, match="needs a \"records\" list"):
            parse_dataset(data)
    with pytest.raises(ImportFailed, match="has no records"):
        parse_dataset({"records": []})
    with pytest.raises(ImportFailed) as info:
        parse_dataset({"as_of": "yesterday", "records": dataset()["records"]})
    assert info.value.problems[0][0] == "as_of"


def test_the_csv_form_reads_as_the_json_form():
    """Multi-value cells (URLs, scenarios, history) are percent-encoded in the CSV; read back
    they give the same records as the JSON."""
    from_csv = parse_dataset(csv_to_dataset(to_csv(dataset())), unit="line")[1]
    from_json = parse_dataset(dataset())[1]
    keep = ("id", "ticker", "start", "end", "status", "impact", "thesis_key", "urls",
            "scenarios", "history", "outcome", "outcome_on", "source_ref", "confidence")
    assert [tuple(getattr(r, k) for k in keep) for r in from_csv] == \
        [tuple(getattr(r, k) for k in keep) for r in from_json]


def test_a_csv_without_the_peer_columns_is_refused_naming_them():
    """A CSV missing the peer's columns names the missing ones."""
    with pytest.raises(ImportFailed, match="missing column\\(s\\) event_type, window_start"):
        csv_to_dataset("id,ticker,entity,window_end,status,thesis_impact\n", name="x.csv")


def test_looks_like_peer_recognises_both_forms_and_nothing_else(tmp_path):
    """File ▸ Import picks the peer importer only for its JSON and CSV, never for a bundle, a
    catalysts CSV or a broken file."""
    (tmp_path / "p.json").write_text(json.dumps(dataset()), encoding="utf-8")
    (tmp_path / "p.csv").write_text(to_csv(dataset()), encoding="utf-8")
    (tmp_path / "bundle.json").write_text(json.dumps({"format": "thesis-tracker-bundle",
                                                      "records": []}), encoding="utf-8")
    (tmp_path / "catalysts.csv").write_text("thesis,title,expected\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert looks_like_peer(tmp_path / "p.json") and looks_like_peer(tmp_path / "p.csv")
    for name in ("bundle.json", "catalysts.csv", "broken.json", "missing.json"):
        assert not looks_like_peer(tmp_path / name), name


def test_read_peer_file_refuses_broken_json_in_one_line(tmp_path):
    """Hardened JSON reading applies to peer files too; a CSV is read by lines."""
    path = tmp_path / "p.json"
    path.write_text('{"records": [NaN]}', encoding="utf-8")
    with pytest.raises(ImportFailed, match="cannot be imported: NaN is not a number"):
        read_peer_file(path)
    (tmp_path / "p.csv").write_text(to_csv(dataset()), encoding="utf-8")
    data, unit = read_peer_file(tmp_path / "p.csv")
    assert unit == "line" and len(data["records"]) == 8


@pytest.mark.parametrize("key, title", [("ai-infrastructure-capex", "Ai infrastructure capex"),
                                        ("rates_duration", "Rates duration"), ("x", "X"),
                                        ("---", "---"),
                                        (UNMAPPED, f"Unmapped {NAME} records")])
def test_theses_are_named_from_their_id(key, title):
    """Thesis titles made from peer ids read as words."""
    assert thesis_title(key) == title
