"""Crash safety (#2): a writer killed with SIGKILL at a random moment leaves a database that
passes integrity_check and holds every write it reported committed, each tick and status change
with its history row."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest

from model.service import Tracker
from tests.model import crash_writer

WRITER = Path(__file__).with_name("crash_writer.py")


def _kill_once(db: Path, tag: str, rng: random.Random) -> list[tuple[str, int]]:
    """Fork a writer, SIGKILL it at a random moment, return the (kind, id) it reported.

    Forking (instead of starting python again) saves the interpreter start-up per kill; the
    child is an ordinary process that writes through the service API until it dies.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:                                   # the child: write until killed
        try:
            os.close(read_fd)
            crash_writer.main(str(db), tag, os.fdopen(write_fd, "w"))
        except BaseException:                      # noqa: BLE001 - reported via exit status
            traceback.print_exc()
        finally:
            os._exit(1)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        first = pipe.readline()
        if first == "ready\n":
            time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        out = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert first == "ready\n", f"the writer failed before writing: {first!r}"
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
    reported = []
    for line in out.split("\n")[:-1]:        # the last piece may be a line cut by the kill
        kind, value = line.split()
        reported.append((kind, int(value)))
    return reported


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


def _run(db: Path, kills: int, seed: int, kill=_kill_once) -> int:
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


def test_sigkill_twenty_times(tmp_path):
    """20 SIGKILLs at random moments: integrity ok every time, every reported write there,
    every tick and status change with its history row (#2)."""
    assert _run(tmp_path / "crash.sqlite3", 20, seed=2) > 20


def test_sigkill_a_fresh_interpreter(tmp_path):
    """Three kills of a separately started python running crash_writer.py (#2)."""
    _run(tmp_path / "crash.sqlite3", 3, seed=4, kill=_kill_script_once)


@pytest.mark.slow
def test_sigkill_two_hundred_times(tmp_path):
    """The same with 200 kills (#2)."""
    _run(tmp_path / "crash.sqlite3", 200, seed=3)
