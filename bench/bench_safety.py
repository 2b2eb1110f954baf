"""Data-safety benchmarks (issue #6): what the safety checks cost on a 10,000-thesis database.

- opening with the read-only probe (quick_check, version, foreign-file check) vs a bare
  sqlite3 connect + quick_check, the least any careful open does;
- a verified backup (backup API + integrity_check + fsync + rename) vs a plain file copy;
- a commit with synchronous=FULL vs NORMAL (what durability costs per save).

Run: .venv/bin/python bench/bench_safety.py  (builds bench/out/seed-10000.sqlite3 once)
"""

from __future__ import annotations

import shutil
import sqlite3

from common import OUT, big_database, copy_of, paired, table

from model.service import Tracker


def main() -> None:
    db = copy_of(big_database(10_000), "bench-safety.sqlite3")
    Tracker.open(db, daily_backup=False).close()
    size_mb = db.stat().st_size / 1e6

    def open_ours():
        Tracker.open(db, daily_backup=False, single_instance=True).close()

    def open_bare():
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA quick_check").fetchall()
        conn.close()

    ours_open, base_open = (x * 1000 for x in paired(open_ours, open_bare, repeat=7))

    tracker = Tracker.open(db, daily_backup=False)
    copies = OUT / "bench-safety-copies"
    copies.mkdir(exist_ok=True)

    def backup_ours():
        tracker.backup(reason="bench")

    def backup_copy():
        shutil.copyfile(db, copies / "plain.sqlite3")

    ours_backup, base_backup = (x * 1000 for x in paired(backup_ours, backup_copy, repeat=5,
                                                         warmup=1))
    first = tracker.theses.ids()[0]
    flip = {"v": 2}

    def commit():
        flip["v"] = 6 - flip["v"]
        tracker.theses.set_conviction(first, flip["v"])

    def commit_normal():
        tracker.store.conn.execute("PRAGMA synchronous = NORMAL")
        commit()
        tracker.store.conn.execute("PRAGMA synchronous = FULL")

    ours_commit, base_commit = (x * 1000 for x in paired(commit, commit_normal, repeat=30))
    tracker.close()
    shutil.rmtree(copies, ignore_errors=True)
    shutil.rmtree(db.parent / "backups", ignore_errors=True)
    print(table(f"Data safety on {size_mb:.0f} MB (10,000 theses)", [
        ("open: probe + migrations check + instance lock", ours_open, base_open, " ms",
         "< 2x bare quick_check"),
        ("verified backup vs plain file copy", ours_backup, base_backup, " ms",
         "< 1 s (runs at the day's first start)"),
        ("one status change, synchronous=FULL vs NORMAL", ours_commit, base_commit, " ms",
         "< 20 ms absolute"),
    ]))


if __name__ == "__main__":
    main()
