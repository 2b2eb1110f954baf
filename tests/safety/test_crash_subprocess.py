"""Crash safety with nothing inherited (#2): a separately started interpreter writing through the
service API, killed with SIGKILL, leaves a database that passes integrity_check and holds every
write it reported committed, each tick and status change with its history row. (test_crash.py
kills forked writers hundreds of times; this one proves the same for a real process start.)"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from model.service import Tracker

WRITER = Path(__file__).with_name("crash_writer.py")


def _kill_script_once(db: Path, tag: str, rng: random.Random) -> list[tuple[str, int]]:
    """The same with a fresh interpreter running crash_writer.py (nothing inherited)."""
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db), tag],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first == "ready\n", first + proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, err
    return [(k, int(v)) for k, v in (line.split() for line in out.split("\n")[:-1])]


def _verify(db: Path, reported: list[tuple[str, int]]) -> None:
    conn = sqlite3.connect(db)             # a plain connection: recovers the -wal like any app
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        theses = {r[0] for r in conn.execute("SELECT id FROM thesis")}
        catalysts = dict(conn.execute("SELECT id, status FROM catalyst"))
        ticked = {r[0] for r in conn.execute(
            "SELECT catalyst_id FROM history WHERE field = 'catalyst' AND new = 'done'")}
        status_rows = {r[0] for r in conn.execute(
            "SELECT thesis_id FROM history WHERE field = 'status'")}
        active = {r[0] for r in conn.execute("SELECT id FROM thesis WHERE status = 'active'")}
        created = {r[0] for r in conn.execute(
            "SELECT thesis_id FROM history WHERE field = 'created'")}
    finally:
        conn.close()
    for kind, value in reported:
        if kind == "thesis":
            assert value in theses
        elif kind == "catalyst":
            assert value in catalysts
        elif kind == "tick":
            assert catalysts[value] == "done"
        elif kind == "status":
            assert value in active
    # Whatever committed, reported or not, came with its history row.
    assert {c for c, s in catalysts.items() if s == "done"} == ticked
    assert active == status_rows
    assert theses == created


def _run(db: Path, kills: int, seed: int, kill=_kill_script_once) -> int:
    Tracker.open(db).close()
    rng = random.Random(seed)
    total = 0
    for n in range(kills):
        reported = kill(db, f"{seed}-{n}", rng)
        _verify(db, reported)
        total += len(reported)
    t = Tracker.open(db)                   # and the app itself opens it afterwards
    assert t.check().ok
    t.close()
    return total


def test_sigkill_a_fresh_interpreter(tmp_path):
    """Three kills of a separately started python running crash_writer.py (#2)."""
    _run(tmp_path / "crash.sqlite3", 3, seed=4, kill=_kill_script_once)
