"""Store benchmarks (issue #2): thesis list and search vs raw sqlite3, tick latency.

Run: .venv/bin/python bench/bench_store.py  (builds bench/out/seed-10000.sqlite3 once)
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time

from common import big_database, copy_of, paired, table

from model.search import THESES_OF_HITS
from model.service import Tracker
from model.theses import _SUMMARY_SQL


def main() -> None:
    db = copy_of(big_database(10_000), "bench-store.sqlite3")
    tracker = Tracker.open(db, daily_backup=False)
    raw = sqlite3.connect(db)
    today = tracker.clock.today().isoformat()
    params = {"today": today, "week_end": today}
    sql = _SUMMARY_SQL.format(where="", catalyst_filter="")
    n_theses = tracker.theses.count()
    n_catalysts = tracker.store.scalar("SELECT count(*) FROM catalyst")

    ours_list, base_list = (x * 1000 for x in paired(
        tracker.theses.summaries, lambda: raw.execute(sql, params).fetchall(), repeat=11))

    rows = [(f"thesis list ({n_theses:,} theses, {n_catalysts:,} catalysts)", ours_list,
             base_list, " ms", "<= 1.5x raw sqlite3")]
    for query in ("optical", "光模块", "光模", "CPO capacity"):
        sub, p = tracker.search._rowids_sql(query)
        base_sql = THESES_OF_HITS.format(sql=sub)
        # Defaults bind this iteration's values (paired calls them before the loop moves on).
        ours, base = (x * 1000 for x in paired(
            lambda query=query: tracker.search.thesis_ids(query),
            lambda base_sql=base_sql, p=p: raw.execute(base_sql, p).fetchall()))
        hits = len(tracker.search.thesis_ids(query))
        rows.append((f"search {query!r} -> {hits:,} theses", ours, base, " ms",
                     "<= 1.5x raw sqlite3"))

    ids = [r[0] for r in raw.execute("SELECT id FROM catalyst WHERE status = 'pending' "
                                     "ORDER BY random() LIMIT 60")]
    samples = []
    for catalyst_id in ids:
        start = time.perf_counter()
        tracker.catalysts.tick(catalyst_id, status="done", note="bench")
        samples.append(time.perf_counter() - start)
    for catalyst_id in ids:
        tracker.catalysts.tick(catalyst_id, status="pending")
    rows.append(("tick a catalyst (commit, synchronous=FULL), median", statistics.median(samples)
                 * 1000, None, " ms", "< 5 ms"))
    print(table("Store (issue #2)", rows))
    tracker.close()
    raw.close()


if __name__ == "__main__":
    random.seed(1)
    main()
