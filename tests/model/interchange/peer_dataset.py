"""A market-catalyst-calendar dataset in its documented JSON and CSV forms, for the import
tests (#7)."""

from __future__ import annotations

import copy
import csv
import io
from urllib.parse import quote

AS_OF = "2026-11-20"


def _record(rid, ticker, entity, status, impact, *, date=None, window=None,
            thesis="ai-infrastructure-capex", history=(), urls=("https://example.com/calendar",),
            source_ref=None, **extra):
    record = {"id": rid, "ticker": ticker, "entity": entity, "event_type": "earnings",
              "confidence": 0.7, "thesis_id": thesis, "source_ref": source_ref, "status": status,
              "thesis_impact": impact, "evidence_urls": list(urls),
              "scenario_notes": {"bull": "beats", "base": "in line", "bear": "misses"},
              "required_review_action": "monitor_date", "last_reviewed": "2026-11-01",
              "history": [{"date": d, "status": s, "note": n} for d, s, n in history]}
    if date:
        record["date"] = date
    if window:
        record["window"] = {"start": window[0], "end": window[1]}
    record.update(extra)
    return record


def dataset() -> dict:
    """Every peer status once (plus a second rumored record without a thesis), both date forms."""
    return {"as_of": AS_OF, "records": [
        _record("nvda-rumor", "NVDA", "NVIDIA Corporation", "rumored", "positive",
                date="2026-12-10",
                urls=("https://example.com/nvda-a", "https://example.com/nvda-b"),
                source_ref="NVDA channel check"),
        _record("avgo-watch", "AVGO", "Broadcom Inc.", "watching", "mixed",
                window=("2026-12-01", "2026-12-15")),
        _record("spy-fomc", "SPY", "S&P 500 ETF Trust", "scheduled", "unknown", date="2026-12-16",
                thesis="rates-duration-risk", urls=(), source_ref="FOMC public calendar"),
        _record("nvda-confirmed", "nvda", "NVIDIA Corporation", "confirmed", "negative",
                window=("2027-01-05", "2027-01-09")),
        _record("mu-done", "MU", "Micron Technology", "completed", "positive",
                window=("2026-09-20", "2026-09-25"), actual_outcome="Beat on HBM pricing.",
                outcome_recorded_at="2026-09-26",
                history=[("2026-08-01", "watching", "Date rumoured."),
                         ("2026-09-01", "scheduled", "Company confirmed the date."),
                         ("2026-09-26", "completed", "Reported.")]),
        _record("lite-delay", "LITE", "Lumentum", "delayed", "positive", date="2027-02-01",
                history=[("2026-10-01", "scheduled", "Plant opening set."),
                         ("2026-11-02", "delayed", "Moved out by a quarter.")]),
        _record("cohr-cancel", "COHR", "Coherent", "cancelled", "positive", date="2026-11-05",
                history=[("2026-10-01", "scheduled", "Investor day set."),
                         ("2026-10-20", "cancelled", "Investor day called off.")]),
        _record("tsm-loose", "TSM", "Taiwan Semiconductor", "rumored", "positive",
                date="2027-03-01", thesis=None),
    ]}


def with_changes(data: dict) -> dict:
    """A later export: the rumoured NVDA record got scheduled and slipped by five days."""
    data = copy.deepcopy(data)
    record = data["records"][0]
    record["status"] = "scheduled"
    record["date"] = "2026-12-15"
    record["history"] = [{"date": "2026-11-19", "status": "scheduled", "note": "Date set, later."}]
    return data


CSV_COLUMNS = ["as_of", "id", "ticker", "entity", "event_type", "window_start", "window_end",
               "confidence", "position_size", "portfolio_weight", "risk_budget", "max_loss",
               "sector", "theme", "thesis_id", "source_ref", "status", "thesis_impact",
               "required_review_action", "last_reviewed", "evidence_checked_at",
               "actual_outcome", "outcome_recorded_at", "evidence_urls", "scenario_notes",
               "history", "broker_views"]


def to_csv(data: dict) -> str:
    """The peer's CSV form: one row per record, multi-value cells percent-encoded, ' | ' joined."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    enc = lambda v: quote(str(v), safe="")  # noqa: E731
    for r in data["records"]:
        start, end = (r["date"], r["date"]) if "date" in r else (r["window"]["start"],
                                                                 r["window"]["end"])
        writer.writerow({
            "as_of": data["as_of"], "id": r["id"], "ticker": r["ticker"], "entity": r["entity"],
            "event_type": r["event_type"], "window_start": start, "window_end": end,
            "confidence": r["confidence"], "thesis_id": r.get("thesis_id") or "",
            "source_ref": r.get("source_ref") or "", "status": r["status"],
            "thesis_impact": r["thesis_impact"],
            "required_review_action": r["required_review_action"],
            "last_reviewed": r.get("last_reviewed") or "",
            "actual_outcome": r.get("actual_outcome") or "",
            "outcome_recorded_at": r.get("outcome_recorded_at") or "",
            "evidence_urls": " | ".join(enc(u) for u in r["evidence_urls"]),
            "scenario_notes": " | ".join(f"{enc(k)} = {enc(v)}"
                                         for k, v in sorted(r["scenario_notes"].items())),
            "history": " | ".join(f"{enc(h['date'])} = {enc(h['status'])} = {enc(h['note'])}"
                                  for h in r["history"]),
        })
    return out.getvalue()
