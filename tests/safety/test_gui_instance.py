"""Promise 2 of #6 in the GUI: a second window on an open database offers to bring the other
window forward or to open read-only, and never writes the file."""

from __future__ import annotations

import itertools
import os
import signal

from PySide6.QtCore import QSettings

import pytest

from gui.instance_link import AlreadyOpenDialog, RaiseServer, ask_to_raise
from model.service import Tracker
from tests.safety.helpers import fingerprint, fork, wait_for_line
from tests.safety.test_instance import first_instance


@pytest.fixture
def make_window(make_window, tmp_path):
    """The shared factory, each window with a settings file of its own: two apps on one
    machine, not two windows of one."""
    count = itertools.count()
    return lambda db_path: make_window(db_path, settings=QSettings(
        str(tmp_path / f"settings{next(count)}.ini"), QSettings.Format.IniFormat))


def test_read_only_offer_opens_the_data_without_writing(make_window, db_path, clock,
                                                        monkeypatch):
    """Another process has the database: the dialog is offered with its pid, "Open read-only"
    shows the theses, saving is refused, and the file's bytes never change (#6)."""
    Tracker.open(db_path, seed_if_new=True, clock=clock).close()
    pid, fd = fork(first_instance, db_path)
    try:
        wait_for_line(fd, "ready")
        before = fingerprint(db_path)
        asked = []
        monkeypatch.setattr(AlreadyOpenDialog, "ask",
                            classmethod(lambda cls, parent, msg: asked.append(msg) or "readonly"))
        window = make_window(db_path)
        assert asked and f"pid {pid}" in asked[0]
        assert window.tracker is not None and window.tracker.store.readonly
        assert window.proxy.rowCount() == window.tracker.theses.count() > 0
        with pytest.raises(Exception, match="read-only"):
            window.tracker.theses.add(title="not allowed")
        assert fingerprint(db_path) == before
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def test_bring_forward_raises_the_window_that_has_the_file(make_window, db_path, qtbot,
                                                           monkeypatch):
    """A second window on the same file, answered "Bring it forward": the first window is
    asked over the local socket and comes forward; the second opens nothing (#6)."""
    first = make_window(db_path)
    assert first.tracker is not None and not first.tracker.store.readonly
    monkeypatch.setattr(AlreadyOpenDialog, "ask", classmethod(lambda cls, parent, msg: "raise"))
    with qtbot.waitSignal(first.session.raise_server.raise_requested, timeout=3000):
        second = make_window(db_path)
    assert second.tracker is None


def test_raise_server_answers_and_a_missing_one_is_reported(qtbot, tmp_path):
    """ask_to_raise reaches a listening window and returns False when none listens (#6)."""
    db = tmp_path / "x.sqlite3"
    assert ask_to_raise(db, timeout_ms=200) is False
    server = RaiseServer(db)
    try:
        assert server.listening
        with qtbot.waitSignal(server.raise_requested, timeout=3000):
            assert ask_to_raise(db)
    finally:
        server.close()
