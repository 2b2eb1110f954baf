"""Promise 6 of #6: a full disk says "not saved" and harms nothing saved; read-only folders and
awkward paths (spaces, Chinese, emoji, very long names) work or fail with a clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from model.errors import DiskFullError, ReadOnlyError, StoreError, UserError
from model.service import Tracker
from model.storage import backup as backups
from model.storage import recovery
from tests.safety.helpers import dump


def test_full_disk_says_not_saved_and_harms_nothing(tracker):
    """SQLITE_FULL (PRAGMA max_page_count at the current size) during a save: DiskFullError
    saying the change was not saved, no listener told of a change, every saved row unchanged,
    and the same tracker saves again once there is room (#6)."""
    before = dump(tracker.path)
    heard = []
    tracker.store.subscribe(heard.append)
    pages = tracker.store.scalar("PRAGMA page_count")
    tracker.store.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFullError) as caught:
        tracker.theses.add(title="big", statement="证据" * 200_000)
    assert "not saved" in str(caught.value)
    first = tracker.theses.all()[0]
    with pytest.raises(DiskFullError):
        tracker.theses.update(first.id, statement="x" * 500_000)
    assert heard == []
    assert dump(tracker.path) == before
    assert tracker.store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tracker.store.execute("PRAGMA max_page_count = 1073741823")
    tracker.theses.add(title="big", statement="证据" * 200_000)
    assert len(heard) == 1 and tracker.theses.count() == len(before["thesis"]) + 1


def test_full_disk_during_a_backup_keeps_older_backups(tracker, monkeypatch):
    """No room for the backup copy: a DiskFullError naming the backup, the temp file removed,
    older backups kept (#6)."""
    import errno
    older = tracker.backup()

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups.os, "replace", no_space)
    monkeypatch.setattr(backups.os, "link", no_space)        # the copy is linked into place
    with pytest.raises(DiskFullError, match="backup was not saved"):
        tracker.backup()
    monkeypatch.undo()
    assert [b.path for b in backups.list_backups(tracker.path)] == [older]
    assert not list(older.parent.glob(".*.tmp"))


@contextmanager
def read_only_folder(path: Path):
    """Make a folder unwritable, even for root (who ignores chmod): chattr +i where possible."""
    path.mkdir(parents=True, exist_ok=True)
    undo = None
    if os.geteuid() != 0:
        path.chmod(0o555)
        undo = lambda: path.chmod(0o755)  # noqa: E731
    elif shutil.which("chattr") and subprocess.run(["chattr", "+i", str(path)],
                                                    capture_output=True).returncode == 0:
        undo = lambda: subprocess.run(["chattr", "-i", str(path)], check=True)  # noqa: E731
    probe = path / ".probe"
    try:
        probe.touch()
        probe.unlink()
        writable = True
    except OSError:
        writable = False
    try:
        if writable:
            pytest.skip("cannot make a folder read-only here (root, and no chattr support)")
        yield path
    finally:
        if undo:
            undo()


def test_new_database_in_a_read_only_folder_is_a_clear_message(tmp_path):
    """Creating a database where nothing can be written says so, leaves nothing behind (#6)."""
    with read_only_folder(tmp_path / "locked") as folder:
        with pytest.raises(ReadOnlyError, match="read-only|cannot be written|Cannot create"):
            Tracker.open(folder / "theses.sqlite3")
        with pytest.raises(ReadOnlyError):
            Tracker.open(folder / "sub" / "theses.sqlite3")
        assert list(folder.iterdir()) == []


def test_existing_database_in_a_read_only_folder(tmp_path, clock):
    """A database in a folder that became read-only: a read-write open is refused with the
    reason (SQLite needs its -wal beside the file), a read-only open shows the data (#6)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "theses.sqlite3"
    Tracker.open(db, seed_if_new=True, clock=clock).close()
    shutil.rmtree(folder / "backups", ignore_errors=True)
    before = dump(db)
    with read_only_folder(folder):
        with pytest.raises(ReadOnlyError, match="read-only"):
            Tracker.open(db)
        try:
            viewer = Tracker.open(db, readonly=True)
        except UserError as exc:          # acceptable only as a clear message
            assert str(db) in str(exc)
        else:
            try:
                assert viewer.theses.count() == len(before["thesis"])
            finally:
                viewer.close()
    assert dump(db) == before


AWKWARD = {
    "spaces": "my research notes/theses 2026.sqlite3",
    "chinese": "投资论文/光模块 研究.sqlite3",
    "emoji": "📈 ideas 🚀/数据 ✨.sqlite3",
    "rtl and quotes": "מחקר 'q' \"dq\" #1 ?x/theses.sqlite3",
    "long name": "长" * 79 + "ab.sqlite3",                # 247 bytes, the most SQLite allows
}


@pytest.mark.parametrize("case", list(AWKWARD))
def test_awkward_paths_work_end_to_end(case, tmp_path, clock):
    """Create, write, back up, reopen as the single instance, damage and recover: all work in
    folders and names with spaces, Chinese, emoji, RTL text, quotes, '#' and '?', and a name
    near the 255-byte limit (#6)."""
    db = tmp_path / AWKWARD[case]
    tracker = Tracker.open(db, seed_if_new=True, clock=clock, single_instance=True)
    try:
        tracker.theses.add(title=f"note in {case}")
        backup = tracker.backup()
    finally:
        tracker.close()
    assert backups.verify_file(backup)
    tracker = Tracker.open(db, clock=clock, single_instance=True)
    try:
        assert f"note in {case}" in [t.title for t in tracker.theses.all()]
    finally:
        tracker.close()
    db.write_bytes(b"\x00" * 4096)
    with pytest.raises(StoreError):
        Tracker.open(db)
    result = recovery.recover(db)
    assert result.moved_aside.exists() and dump(db) == dump(backup)


def test_names_too_long_fail_with_a_clear_message(tmp_path):
    """A file name over 255 bytes, or a path beyond the system's limit, is a StoreError naming
    the problem, not an OSError traceback (#6)."""
    with pytest.raises(StoreError, match="too long"):
        Tracker.open(tmp_path / ("x" * 300 + ".sqlite3"))
    deep = tmp_path.joinpath(*(["d" * 200] * 25)) / "t.sqlite3"
    with pytest.raises(StoreError, match="too long"):
        Tracker.open(deep)


def test_a_folder_given_as_the_database_is_a_clear_message(tmp_path):
    """Pointing --db at a folder says so (#6)."""
    with pytest.raises(StoreError, match="folder"):
        Tracker.open(tmp_path)
