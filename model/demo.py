"""Demo data: the seeds written from the research reports, and synthetic databases for benchmarks.

One seed-populating function serves the first start, the tests and ``seed-demo``. The seeds
(``seeds/demo.json``) are installed as the package ``model.seeds`` and read with
importlib.resources, so an installed wheel or a stand-alone build finds them wherever it runs
(#13).

Demo theses carry an ``external_ref`` starting with ``DEMO_REF`` (kept by the bundle, so an
export of the demo imports and exports again unchanged); ``remove_demo`` takes them out.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.service import Tracker

DEMO_REF = "thesis-tracker-demo:"


def seed_bundle() -> dict[str, Any]:
    """The demo bundle as shipped with the package."""
    from importlib.resources import files
    bundle: dict[str, Any] = json.loads(
        (files("model.seeds") / "demo.json").read_text(encoding="utf-8"))
    return bundle


def load_seeds(tracker: Tracker) -> dict[str, int]:
    """Import the demo seeds (called inside the first transaction of a new file)."""
    from model.interchange.bundle import import_bundle
    return import_bundle(tracker, seed_bundle(), backup=False)


def is_default_location(path: str | Path) -> bool:
    """Whether ``path`` is the database in the user's data folder, the only file whose first
    start loads the demo (#13): a file chosen with ``--db``, ``THESIS_TRACKER_DB`` or File ▸
    New database starts empty, so exporting it and importing the export into another new
    file gives the same bundle."""
    import os

    from model.storage.store import default_data_dir
    default = default_data_dir() / "theses.sqlite3"
    # realpath, not Path.resolve: a symlink loop at the path is the store's to report
    # (#14), not a RuntimeError here.
    return os.path.realpath(Path(path).expanduser()) == os.path.realpath(default)


def demo_thesis_ids(tracker: Tracker) -> list[int]:
    """The theses that came with the demo (their external_ref says so), oldest first."""
    return [row["id"] for row in tracker.store.rows(
        "SELECT id FROM thesis WHERE substr(external_ref, 1, ?) = ? ORDER BY id",
        (len(DEMO_REF), DEMO_REF))]


def remove_demo(tracker: Tracker) -> int:
    """Delete the demo theses with everything they hold, and the demo's companies and sources
    that nothing else uses any more (a company with prices or a beneficiary elsewhere, or a
    source another thesis cites, stays). One write: the caller's operation makes it one undo
    step. Returns how many theses went."""
    ids = demo_thesis_ids(tracker)
    if not ids:
        return 0
    store = tracker.store
    bundle = seed_bundle()
    tickers = [c["ticker"] for c in bundle["companies"] if c.get("ticker")]
    sources = [(s["title"], s.get("publisher") or "") for s in bundle["sources"]]
    with store.write("Remove demo theses"):
        marks = ",".join("?" * len(ids))
        store.execute(f"DELETE FROM thesis WHERE id IN ({marks})", tuple(ids))
        for ticker in tickers:
            store.execute(
                "DELETE FROM company WHERE ticker = ? AND id NOT IN "
                "(SELECT company_id FROM beneficiary) AND id NOT IN "
                "(SELECT DISTINCT company_id FROM price)", (ticker,))
        for title, publisher in sources:
            store.execute(
                "DELETE FROM source WHERE title = ? AND publisher = ? AND id NOT IN "
                "(SELECT source_id FROM citation)", (title, publisher))
    return len(ids)


_WORDS = ("optical", "module", "laser", "isolator", "DSP", "CPO", "NPO", "DCI", "capex", "TPU",
          "800G", "1.6T", "3.2T", "光模块", "硅光", "激光器", "交换机", "数据中心", "ramp", "order",
          "qualification", "shipment", "design win", "pricing", "yield", "capacity")
_SYLLABLES = ("ka", "lo", "mi", "ner", "tas", "vo", "qui", "zen", "ra", "pol", "dex", "sun",
              "mar", "tel", "fi", "gro", "hal", "bri", "cor", "nu", "光", "模", "芯", "网", "算")


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Pseudo-words so synthetic text has a realistic spread: a real word is rare, not
    everywhere."""
    words = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    return sorted(words)


_WINDOWS = ("H1 {y}", "2H{yy}", "Q{q} {y}", "second half of {y}", "end of {y}", "{y}",
            "{m} {y}", "{y}-{mm:02d}-{d:02d}")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def seed_demo(tracker: Tracker, count: int, *, catalysts_per_thesis: int = 10,
              seed: int = 7) -> int:
    """Add ``count`` synthetic theses with about ten catalysts each, in one transaction."""
    from model.date_windows import parse_window

    rng = random.Random(seed)
    store = tracker.store
    stamp = store.clock.stamp()
    today = store.clock.today()
    vocab = _vocabulary(rng)

    def prose(n: int) -> str:
        # About one word in twenty is a domain word, the rest filler from a big vocabulary.
        return " ".join(rng.choice(_WORDS) if rng.random() < 0.05 else rng.choice(vocab)
                        for _ in range(n))

    statuses = ("draft", "active", "active", "active", "watch", "confirmed", "broken", "closed")
    with store.write("Add synthetic theses") as seeding:
        seeding.reset = True
        first_id = (store.scalar("SELECT max(id) FROM thesis") or 0) + 1
        companies = []
        for i in range(max(20, count // 50)):
            companies.append(store.insert("company", {
                "name": f"Synthetic Optics {i}", "local_name": f"合成光电{i}",
                "ticker": f"SYN{first_id}-{i}", "exchange": "SZSE", "country": "CN"}))
        thesis_rows, catalyst_rows, history_rows, risk_rows, ben_rows = [], [], [], [], []
        for n in range(count):
            thesis_id = first_id + n
            words = rng.sample(_WORDS, 4)
            status = rng.choice(statuses)
            review = today + dt.timedelta(days=rng.randint(-30, 120))
            thesis_rows.append((thesis_id, f"Thesis {thesis_id}: {' '.join(words[:2])}",
                                rng.choice(("Optical interconnect", "AI capex", "Semis", "DCI")),
                                prose(40), status,
                                rng.randint(1, 5), "2026-2028", review.isoformat(),
                                ", ".join(words[2:]), stamp, stamp))
            history_rows.append((stamp, thesis_id, None, "created", "", None, "seed", ""))
            for k in range(2):
                risk_rows.append((thesis_id, f"Risk {k} of {thesis_id}: {rng.choice(_WORDS)}",
                                  "synthetic", rng.randint(1, 5), rng.randint(1, 5), "open"))
            for company in rng.sample(companies, 2):
                ben_rows.append((thesis_id, company, "synthetic exposure"))
            for k in range(catalysts_per_thesis):
                year = rng.choice((2025, 2026, 2026, 2027, 2028))
                text = rng.choice(_WINDOWS).format(
                    y=year, yy=year % 100, q=rng.randint(1, 4), m=rng.choice(_MONTHS),
                    mm=rng.randint(1, 12), d=rng.randint(1, 28))
                window = parse_window(text)
                # Analysts tick most ended catalysts; a few stay pending and show as overdue.
                status = "pending"
                if window.end < today:
                    roll = rng.random()
                    status = ("done" if roll < 0.8 else "missed" if roll < 0.9
                              else "cancelled" if roll < 0.94 else "pending")
                happened = window.end.isoformat() if status in ("done", "missed") else None
                catalyst_rows.append((
                    thesis_id, f"Catalyst {k} {rng.choice(vocab)} {rng.choice(_WORDS)}",
                    prose(12), window.text,
                    window.start.isoformat(), window.end.isoformat(), window.precision,
                    status, happened, "", rng.choice("+-"), stamp))
        conn = store.conn
        conn.executemany("INSERT INTO thesis (id, title, theme, statement, status, conviction, "
                         "horizon, next_review, tags, created_at, updated_at) VALUES "
                         "(?,?,?,?,?,?,?,?,?,?,?)", thesis_rows)
        conn.executemany("INSERT INTO history (at, thesis_id, catalyst_id, field, subject, old, "
                         "new, note) VALUES (?,?,?,?,?,?,?,?)", history_rows)
        conn.executemany("INSERT INTO risk (thesis_id, title, description, severity, likelihood, "
                         "status) VALUES (?,?,?,?,?,?)", risk_rows)
        conn.executemany("INSERT OR IGNORE INTO beneficiary (thesis_id, company_id, role) "
                         "VALUES (?,?,?)", ben_rows)
        conn.executemany("INSERT INTO catalyst (thesis_id, title, description, expected, "
                         "window_start, window_end, precision, status, happened_on, outcome, "
                         "impact, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", catalyst_rows)
    return count
