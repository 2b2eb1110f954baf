"""Promise 1 of #6: a crash (SIGKILL at a random moment) loses nothing that was committed."""

from __future__ import annotations

import random
import time

import pytest

from model.service import Tracker
from tests.safety.helpers import (
    connect,
    fork,
    health,
    history_gaps,
    kill_and_collect,
    say,
    wait_for_line,
)


def writer(out, db_path, seed):
    """Real service operations, each id printed only after its transaction committed."""
    rnd = random.Random(seed)
    tracker = Tracker.open(db_path, daily_backup=False)
    say(out, "open")
    n = 0
    while True:
        n += 1
        # A thesis with its beneficiaries, a risk and two catalysts: one transaction.
        with tracker.store.write():
            thesis = tracker.theses.add(title=f"W{seed}-{n} 光模块 📈",
                                        statement="证据 " * rnd.randint(0, 400))
            for k in range(2):
                company = tracker.companies.add(name=f"Co {seed}-{n}-{k}",
                                                ticker=f"T{seed}X{n}X{k}")
                tracker.beneficiaries.add(thesis_id=thesis.id, company_id=company.id,
                                          role="supplier")
            tracker.risks.add(thesis_id=thesis.id, title="demand stalls", severity=4)
            first = tracker.catalysts.add(thesis_id=thesis.id, title="orders", expected="H2 2027")
            tracker.catalysts.add(thesis_id=thesis.id, title="results", expected="2027-03-31")
        say(out, "thesis", thesis.id, first.id)
        tracker.catalysts.tick(first.id, status="done", on="2026-11-20", note="booked")
        say(out, "tick", first.id)
        tracker.theses.set_status(thesis.id, "active", note="confirmed by orders")
        say(out, "status", thesis.id)
        conviction = rnd.choice([1, 2, 4, 5])
        tracker.theses.set_conviction(thesis.id, conviction)
        say(out, "conviction", thesis.id, conviction)


def check_survivors(db_path, printed: list[list[str]]) -> int:
    """Everything the dead writers reported committed is there, whole, with its history."""
    conn = connect(db_path)
    try:
        integrity, fk = health(conn)
        assert integrity == ["ok"], integrity
        assert fk == [], fk
        theses = {r[0]: r[1:] for r in conn.execute("SELECT id, status, conviction FROM thesis")}
        catalysts = dict(conn.execute("SELECT id, status FROM catalyst").fetchall())
        for line in printed:
            word, ids = line[0], [int(x) for x in line[1:]]
            if word == "thesis":
                assert ids[0] in theses and ids[1] in catalysts, line
            elif word == "tick":
                assert catalysts[ids[0]] == "done", line
            elif word == "status":
                assert theses[ids[0]][0] == "active", line
            elif word == "conviction":
                # A later conviction change may have committed unreported: only its history
                # must agree (checked below), so here the thesis must merely exist.
                assert ids[0] in theses, line
        # Each composite write is all or nothing: never a thesis without its parts.
        partial = conn.execute("""
            SELECT t.id FROM thesis t WHERE
              (SELECT count(*) FROM beneficiary b WHERE b.thesis_id = t.id) != 2
              OR (SELECT count(*) FROM risk r WHERE r.thesis_id = t.id) != 1
              OR (SELECT count(*) FROM catalyst c WHERE c.thesis_id = t.id) != 2""").fetchall()
        assert partial == [], f"theses saved without all their parts: {partial[:5]}"
        gaps = history_gaps(conn)
        assert gaps == [], gaps[:5]
        return len(theses)
    finally:
        conn.close()


def run_kills(db_path, kills: int, seed: int) -> dict:
    Tracker.open(db_path, daily_backup=False).close()
    rnd = random.Random(seed)
    printed: list[list[str]] = []
    stats = {"kills": 0, "reported": 0, "amid_writes": 0}
    round_no = 0
    while stats["kills"] < kills:
        round_no += 1
        # Every third round two writers race on the same file, killed at different moments.
        count = min(2 if round_no % 3 == 0 else 1, kills - stats["kills"])
        children = [fork(writer, db_path, round_no * 10 + k) for k in range(count)]
        # One kill in five may land while the writer is still opening (recovering the -wal);
        # the others wait until it has committed its first write and is writing the next, so
        # a loaded machine (a slow writer) cannot turn the test into one that only ever kills
        # start-ups: 0-60 ms after a write was reported each of them lands amid the writes.
        if rnd.random() >= 0.2:
            for _, fd in children:
                wait_for_line(fd, "open")
            if count == 1:
                # A lone writer's first write. (Not with two: the one waited for can starve
                # behind the other, which writes on meanwhile, into "database is locked".)
                printed.append(["thesis", *wait_for_line(children[0][1], "thesis").split()])
                stats["amid_writes"] += 1
        deaths = sorted((rnd.uniform(0.0, 0.06), k) for k in range(count))
        start = time.monotonic()
        for delay, k in deaths:
            time.sleep(max(0.0, start + delay - time.monotonic()))
            lines = kill_and_collect(*children[k])
            printed.extend(line for line in lines if line[0] != "open")
            stats["kills"] += 1
        stats["theses"] = check_survivors(db_path, printed)
    stats["reported"] = len(printed)
    return stats


def test_sigkill_during_real_writes_loses_nothing_committed(tmp_path, request):
    """After each of 200 SIGKILLs (--kills N for more) the file passes integrity_check and
    foreign_key_check, every id a writer printed after commit is there, composite writes are
    whole and no change lacks its history row; otherwise a crash loses or damages data (#6)."""
    kills = request.config.getoption("--kills") or 200
    stats = run_kills(tmp_path / "crash.sqlite3", kills, seed=kills)
    assert stats["kills"] == kills
    # Guards against writers that never got to write (the kills would then prove nothing):
    # a third of the kills or more land after a reported write. (It asked for more reports
    # than kills, which a busy machine, whose writers are slow, failed: 101 for 200 kills.)
    assert stats["amid_writes"] >= kills // 3 and stats["reported"] >= stats["amid_writes"], stats
    print(f"\n{stats}")


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_sigkill_2000_times(tmp_path):
    """The long run of the crash test (#6): 2,000 kills on one growing database (5 minutes
    or more: every round checks the whole file, which grows; the default 300 s timeout
    stopped it)."""
    stats = run_kills(tmp_path / "crash.sqlite3", 2000, seed=7)
    assert stats["kills"] == 2000 and stats["amid_writes"] >= 2000 // 3
    assert stats["reported"] >= stats["amid_writes"]
