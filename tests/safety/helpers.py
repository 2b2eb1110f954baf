"""Shared tools for the data-safety tests (#6): forked children to SIGKILL, file fingerprints,
whole-database dumps and the invariants every surviving database must keep."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import traceback
from pathlib import Path


def fingerprint(path: Path) -> tuple[str, int]:
    """(sha256, mtime_ns) of a file: both unchanged means it was not written."""
    data = Path(path).read_bytes()
    return hashlib.sha256(data).hexdigest(), Path(path).stat().st_mtime_ns


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A raw connection, as the next start of the app would make (rw replays the WAL)."""
    from urllib.parse import quote
    mode = "ro" if readonly else "rw"
    return sqlite3.connect(f"file:{quote(str(Path(path).absolute()))}?mode={mode}", uri=True)


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables excluded), ordered: equal dumps = equal data."""
    conn = connect(path, readonly=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for t in tables:
            width = len(conn.execute(f'SELECT * FROM "{t}" LIMIT 0').description)
            order = ", ".join(str(i) for i in range(1, width + 1))
            out[t] = conn.execute(f'SELECT * FROM "{t}" ORDER BY {order}').fetchall()
        out["<schema>"] = conn.execute("SELECT type, name, sql FROM sqlite_master "
                                       "ORDER BY type, name").fetchall()
        out["<user_version>"] = conn.execute("PRAGMA user_version").fetchall()
        return out
    finally:
        conn.close()


def health(conn: sqlite3.Connection) -> tuple[list, list]:
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    return integrity, fk


def history_gaps(conn: sqlite3.Connection) -> list[str]:
    """Changes that were saved without the history row written in the same transaction."""
    gaps = []
    for (tid,) in conn.execute("SELECT id FROM thesis WHERE id NOT IN "
                               "(SELECT thesis_id FROM history WHERE field = 'created')"):
        gaps.append(f"thesis {tid} has no 'created' history row")
    for cid, status in conn.execute(
            "SELECT id, status FROM catalyst c WHERE status != 'pending' AND NOT EXISTS "
            "(SELECT 1 FROM history h WHERE h.catalyst_id = c.id AND h.new = c.status)"):
        gaps.append(f"catalyst {cid} is {status} without a history row")
    for field in ("status", "conviction"):
        for tid, value, last in conn.execute(f"""
                SELECT t.id, t.{field}, (SELECT new FROM history h WHERE h.thesis_id = t.id
                                          AND h.field = '{field}' ORDER BY h.id DESC LIMIT 1)
                FROM thesis t"""):
            default = "draft" if field == "status" else "3"
            if (last is None and str(value) != default) or (last is not None and
                                                            last != str(value)):
                gaps.append(f"thesis {tid} {field} is {value} but its history says {last}")
    return gaps


def fork(fn, *args) -> tuple[int, int]:
    """Run ``fn(out_fd, *args)`` in a forked child; return (pid, read end of its pipe).

    Forking (instead of starting Python afresh, 0.35 s of imports) is what makes hundreds of
    kills affordable; the child opens its own database connection, as a new process would.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 0
        try:
            os.close(read_fd)
            fn(write_fd, *args)
        except BaseException:  # noqa: BLE001 - report to the parent, then exit
            say(write_fd, "ERROR " + traceback.format_exc().replace("\n", " | "))
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def say(fd: int, *words) -> None:
    # One short write per line: atomic on a pipe, so a kill never leaves half a line.
    os.write(fd, (" ".join(str(w) for w in words) + "\n").encode())


def kill_and_collect(pid: int, read_fd: int) -> list[list[str]]:
    """SIGKILL the child, reap it, and return every complete line it printed."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    return collect(read_fd)


def collect(read_fd: int) -> list[list[str]]:
    chunks = []
    while True:
        block = os.read(read_fd, 65536)
        if not block:
            break
        chunks.append(block)
    os.close(read_fd)
    text = b"".join(chunks).decode()
    lines = [line.split() for line in text.split("\n")[:-1] if line]
    errors = [" ".join(line) for line in lines if line[0] == "ERROR"]
    assert not errors, errors[0]
    return lines


def wait_for_line(read_fd: int, word: str, timeout: float = 10.0) -> str:
    """Block until the child prints a line starting with ``word`` (the rest is returned)."""
    import select
    buffer = b""
    while True:
        ready, _, _ = select.select([read_fd], [], [], timeout)
        assert ready, f"child did not print {word!r} within {timeout} s"
        block = os.read(read_fd, 1)
        assert block, f"child exited before printing {word!r}: {buffer!r}"
        buffer += block
        if buffer.endswith(b"\n"):
            line = buffer.decode().strip()
            assert not line.startswith("ERROR"), line
            if line.startswith(word):
                return line[len(word):].strip()
            buffer = b""


def make_newer(conn: sqlite3.Connection, version: int = 999) -> None:
    """Make the file look written by a newer Thesis Tracker at ``version``, as one would: each
    of its upgrade steps recorded in _sqlite_migrations and user_version raised to match (the
    version field alone would be damage, #14). Commits."""
    done = conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE migration_set = "
                        "'thesis_tracker'").fetchone()[0]
    conn.executemany("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('thesis_tracker', ?, '2099-01-01')",
                     [(f"m{n:03d}_from_the_future",) for n in range(done + 1, version + 1)])
    conn.execute(f"PRAGMA user_version = {int(version)}")
    conn.commit()
