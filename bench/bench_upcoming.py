"""Upcoming queue benchmark (#7): `upcoming --days 90` at 10,000 theses (~100,000 catalysts).

Whole command (a subprocess: wall time and peak RSS from getrusage(RUSAGE_CHILDREN)) against a
bare Python + sqlite3 script printing the same rows, and the query against raw sqlite3 running
the same SQL. Run: .venv/bin/python bench/bench_upcoming.py
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time

from common import ROOT, big_database, copy_of, paired, table

from model.service import Tracker
from model.upcoming import _CATALYST_SQL

BARE = """
import sqlite3, sys, datetime as dt
today = dt.date.today()
params = {"today": today.isoformat(), "horizon": (today + dt.timedelta(days=90)).isoformat()}
conn = sqlite3.connect(sys.argv[1])
out = sys.stdout
for row in conn.execute(sys.argv[2], params):
    out.write("  ".join(map(str, row)) + "\\n")
"""


def _child(argv: list[str], repeat: int = 5) -> float:
    """Median wall seconds of a command run ``repeat`` times."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_rss_mb(argv: list[str]) -> float:
    """Peak RSS of one run, measured in a fresh helper so earlier children don't count."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
            "stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *argv], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    return int(out.strip()) / 1024     # ru_maxrss is in KiB on Linux


def main() -> None:
    db = copy_of(big_database(10_000), "bench-upcoming.sqlite3")
    tracker = Tracker.open(db)             # migrates to the current schema, takes today's backup
    n_catalysts = tracker.store.scalar("SELECT count(*) FROM catalyst")
    today = tracker.clock.today()
    rows = tracker.queue.catalysts(days=90)
    sql = _CATALYST_SQL.format(filters="")
    import datetime as dt
    params = {"today": today.isoformat(), "horizon": (today + dt.timedelta(days=90)).isoformat()}
    raw = sqlite3.connect(db)
    assert len(raw.execute(sql, params).fetchall()) == len(rows)

    ours_q, base_q = (x * 1000 for x in paired(lambda: tracker.queue.catalysts(days=90),
                                               lambda: raw.execute(sql, params).fetchall(),
                                               repeat=11))
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "upcoming", "--days", "90"]
    bare = [sys.executable, "-c", BARE, str(db), sql]
    ours_wall, bare_wall = _child(command), _child(bare)
    ours_rss, bare_rss = _peak_rss_mb(command), _peak_rss_mb(bare)
    print(table(f"Upcoming (issue #7): {n_catalysts:,} catalysts, {len(rows):,} rows listed", [
        ("upcoming --days 90: whole command, wall (median of 5)", ours_wall * 1000,
         bare_wall * 1000, " ms", "< 1000 ms"),
        ("upcoming --days 90: whole command, peak RSS", ours_rss, bare_rss, " MB", "< 100 MB"),
        ("the query: tracker.queue.catalysts(days=90)", ours_q, base_q, " ms",
         "<= 1.5x raw sqlite3"),
    ]))
    print("baseline for the command: bare Python + sqlite3 printing the same rows")
    tracker.close()
    raw.close()


if __name__ == "__main__":
    main()
