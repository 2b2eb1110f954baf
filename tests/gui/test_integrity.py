"""The background full check in the desktop app (#14 item 4): index damage that the open-time
check misses switches the window's database to read-only and offers the newest good backup."""

from __future__ import annotations

import os

import pytest

from model.errors import ReadOnlyError
from model.service import Tracker
from tests.safety.test_damaged_files import damage_an_index


@pytest.fixture
def damaged(tmp_path, clock):
    db = tmp_path / "theses.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock)
    backup = tracker.backup()
    tracker.close()
    stat = db.stat()
    damage_an_index(db)
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))   # skips quick_check for good
    return db, backup


def test_damage_found_after_the_window_is_up_makes_it_read_only_and_offers_the_backup(
        damaged, make_window, qtbot, monkeypatch):
    """The window opens as usual; the background check then fails, edits are refused, and the
    damaged-database dialog offers the newest good backup (#14 item 4)."""
    db, backup = damaged
    from gui.dialogs import CorruptDialog
    offered = []
    monkeypatch.setattr(CorruptDialog, "ask",
                        classmethod(lambda cls, parent, message, b: offered.append((message, b))
                                    or "cancel"))
    window = make_window(db, launch=True)
    qtbot.waitUntil(lambda: window.session is not None
                    and window.session.integrity_check is not None
                    and window.session.integrity_check.result is not None, timeout=10_000)
    assert not window.session.integrity_check.result.ok
    assert offered and offered[0][1] == backup and "integrity check" in offered[0][0]
    assert window.tracker.readonly
    with pytest.raises(ReadOnlyError):
        window.tracker.theses.add(title="written to a damaged file")


def test_a_healthy_file_stays_writable(tracker, make_window, qtbot):
    """The check passes on a healthy file and changes nothing (#14 item 4)."""
    path = tracker.path
    tracker.close()
    window = make_window(path, launch=True)
    qtbot.waitUntil(lambda: window.session is not None
                    and window.session.integrity_check is not None
                    and window.session.integrity_check.result is not None, timeout=10_000)
    assert window.session.integrity_check.result.ok and not window.tracker.readonly
