"""The store (#2): one transaction per write with its history row, refusing newer, corrupt,
read-only and locked files with a clear message and without touching them."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from model.errors import (
    CorruptDatabaseError,
    LockedError,
    ReadOnlyError,
    StoreError,
    ValidationError,
)
from model.service import Tracker
from model.storage.schema import SCHEMA_VERSION
from model.storage.store import open_store

ROOT = Path(__file__).resolve().parents[3]


def fingerprint(path: Path):
    """Bytes and mtime of a database and its side files (absent ones as None)."""
    out = []
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        out.append((hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
                   if p.exists() else None)
    return out


# -- transactions --------------------------------------------------------------------------
def test_failure_after_the_change_rolls_back_change_and_history(empty_tracker):
    """A status change and its history row live in one transaction: an error after both inside
    one store.write() leaves neither, and listeners hear nothing (#2)."""
    t = empty_tracker.theses.add(title="A")
    c = empty_tracker.catalysts.add(thesis_id=t.id, title="c", expected="2027")
    heard = []
    empty_tracker.store.subscribe(heard.append)
    with pytest.raises(RuntimeError), empty_tracker.store.write():
        empty_tracker.theses.set_status(t.id, "active", note="x")
        empty_tracker.catalysts.tick(c.id)
        assert empty_tracker.theses.get(t.id).status == "active"   # visible inside
        raise RuntimeError("power cut")
    assert empty_tracker.theses.get(t.id).status == "draft"
    assert empty_tracker.catalysts.get(c.id).status == "pending"
    assert [h.field for h in empty_tracker.history.for_thesis(t.id)] == ["created"]
    assert heard == []


def test_failing_history_insert_undoes_the_change(empty_tracker, monkeypatch):
    """If writing the history row fails, the change it records is not kept either (#2)."""
    t = empty_tracker.theses.add(title="A")
    store = empty_tracker.store
    real_insert = store.insert

    def insert(table, values):
        if table == "history":
            raise sqlite3.OperationalError("disk I/O error")
        return real_insert(table, values)

    monkeypatch.setattr(store, "insert", insert)
    with pytest.raises(StoreError):
        empty_tracker.theses.set_conviction(t.id, 5)
    monkeypatch.undo()
    assert empty_tracker.theses.get(t.id).conviction == 3
    assert not store.conn.in_transaction


def test_nested_writes_join_and_notify_once(empty_tracker):
    """Nested store.write() calls are one transaction and one notification (#2)."""
    heard = []
    empty_tracker.store.subscribe(heard.append)
    with empty_tracker.store.write():
        a = empty_tracker.theses.add(title="A")
        b = empty_tracker.theses.add(title="B")
    assert len(heard) == 1 and heard[0].added_theses == {a.id, b.id}


def test_history_is_append_only(tracker):
    """The history table refuses edits of recorded rows (#2)."""
    with pytest.raises(ValidationError), tracker.store.write():
        tracker.store.execute("UPDATE history SET note = 'rewritten'")


def test_database_settings(tracker):
    """Foreign keys on, WAL, synchronous=FULL, schema version in user_version (#2)."""
    conn = tracker.store.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert tracker.store.schema_version == SCHEMA_VERSION >= 1
    report = tracker.check()
    assert report.ok and report.integrity == ["ok"] and report.foreign_key_problems == []


def test_reopening_keeps_data(db_path, clock):
    """A write is committed: the next open of the file sees it (#2)."""
    t = Tracker.open(db_path, clock=clock)
    thesis = t.theses.add(title="kept")
    t.close()
    t = Tracker.open(db_path, clock=clock)
    assert t.theses.get(thesis.id).title == "kept"
    t.close()


# -- damaged files ---------------------------------------------------------------------------
def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "random":
        path.write_bytes(os.urandom(len(data)))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(data[:len(data) // 3])
    elif how == "text":
        path.write_text("thesis,title\nBig light,800G\n" * 50, encoding="utf-8")
    elif how == "scribbled":           # valid header, garbage pages
        path.write_bytes(data[:4096] + os.urandom(len(data) - 4096))


@pytest.mark.parametrize("how", ["random", "empty", "truncated", "text", "scribbled"])
def test_corrupt_file_message_names_newest_backup_and_restore(db_path, clock, how):
    """A damaged or foreign file is refused with a CorruptDatabaseError naming the newest good
    backup and the restore command; that command brings the data back (#2)."""
    t = Tracker.open(db_path, seed_if_new=True, clock=clock)
    count = t.theses.count()
    t.backup()
    newest = t.backup()
    t.close()
    _damage(db_path, how)
    with pytest.raises(CorruptDatabaseError) as info:
        Tracker.open(db_path, clock=clock)
    message = str(info.value)
    assert str(newest) in message
    assert "restore" in message
    assert info.value.newest_backup == newest
    import main
    assert main.main(["restore", str(newest), "--db", str(db_path)]) == 0
    t = Tracker.open(db_path, clock=clock)
    assert t.theses.count() == count
    t.close()


def test_corrupt_file_without_backup_says_so(db_path):
    """A damaged file with no backup is refused saying so, not offering a restore that cannot be
    done (#2)."""
    db_path.write_bytes(b"\x00" * 4096)
    with pytest.raises(CorruptDatabaseError) as info:
        Tracker.open(db_path)
    assert "backup" in str(info.value)


@pytest.mark.parametrize("single_instance", [False, True])
def test_a_file_that_is_no_database_gets_no_lock_files_beside_it(tmp_path, single_instance):
    """Open a text file by mistake (the command line, or the app's File ▸ Open): refused, and
    the folder holds the text file alone; notes.txt.lock and notes.txt.inuse.lock were left
    beside it (found by a walk through the app)."""
    notes = tmp_path / "notes.txt"
    notes.write_text("My research notes: CPO in 2027\n" * 50)
    with pytest.raises(CorruptDatabaseError, match="not"):
        Tracker.open(notes, single_instance=single_instance)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert notes.read_text().startswith("My research notes")


# -- read-only and locked --------------------------------------------------------------------
running_as_root = hasattr(os, "geteuid") and os.geteuid() == 0


def _make_read_only(target: Path, request) -> None:
    """chmod for ordinary users; root ignores chmod, so chattr +i (immutable) is used, and the
    test is skipped where neither can block writes."""
    if not running_as_root:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        request.addfinalizer(lambda: target.chmod(mode))
        return
    if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(target)],
                                                 capture_output=True).returncode == 0:
        request.addfinalizer(lambda: subprocess.run(["chattr", "-i", str(target)], check=True))
        return
    pytest.skip("running as root, which ignores chmod, and chattr +i is not available here")


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_or_folder_is_a_clear_message(db_path, clock, what, request):
    """A read-only database or folder gives ReadOnlyError naming the problem, not a traceback,
    and the file is unchanged (#2)."""
    t = Tracker.open(db_path, seed_if_new=True, clock=clock)
    t.backup()                     # so opening does not need to write today's backup
    t.close()
    before = fingerprint(db_path)
    _make_read_only(db_path if what == "file" else db_path.parent, request)
    with pytest.raises(ReadOnlyError) as info:
        Tracker.open(db_path, clock=clock)
    assert "read-only" in str(info.value)
    assert fingerprint(db_path) == before


def test_opened_read_only_refuses_writes(db_path, clock):
    """A store opened read-only refuses writes with ReadOnlyError (#2)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    t = Tracker(open_store(db_path, readonly=True, clock=clock))
    assert t.theses.count() > 0
    with pytest.raises(ReadOnlyError):
        t.theses.add(title="x")
    t.close()


def test_locked_database_is_a_locked_error(db_path, clock):
    """Another program holding BEGIN EXCLUSIVE: a write fails with LockedError naming the
    database, and nothing is half-written (#2)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    t = Tracker.open(db_path, clock=clock)
    count = t.theses.count()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LockedError) as info:
            t.theses.add(title="blocked")
        assert str(db_path) in str(info.value) and "busy" in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert t.theses.count() == count
    t.theses.add(title="after")          # works once the lock is gone
    t.close()


def test_short_lock_is_waited_for(db_path, clock):
    """A write that meets a lock released within the busy timeout waits and succeeds instead of
    failing at once, also as the first write of a freshly opened store (a CLI command while the
    GUI saves) (#2)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO company (name) VALUES ('held')")
    releaser = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    releaser.start()
    try:
        t = Tracker.open(db_path, clock=clock)
        thesis = t.theses.add(title="written after the wait")
    finally:
        releaser.join()
        other.close()
    assert t.theses.get(thesis.id).title == "written after the wait"
    t.close()


def test_locked_database_from_the_command_line(db_path, clock):
    """The CLI on a locked database prints 'error: ...' on stderr, exits 1, no traceback (#2)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = subprocess.run([sys.executable, "main.py", "--db", str(db_path), "add-thesis",
                                 "blocked"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert "busy" in result.stderr
