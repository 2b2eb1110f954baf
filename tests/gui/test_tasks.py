"""gui/tasks.py: work off the GUI thread, and long work behind a progress dialog whose Cancel
rolls it back (#3 long work)."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

import pytest

from gui.tasks import TaskManager
from model.errors import StoreError


def test_cancelling_long_work_rolls_it_back(window, qtbot):
    """Cancel in the progress dialog interrupts the work; nothing is written (#3 long work)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from gui.tasks import Cancelled

    def slow_write(tracker):
        with tracker.store.write():
            tracker.store.execute("INSERT INTO thesis (title, created_at, updated_at) "
                                  "VALUES ('half-written', 'x', 'x')")
            # A long statement that only the cancel stops.
            tracker.store.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                  "FROM n) SELECT count(*) FROM n")

    def cancel():
        dialog = window.findChild(QProgressDialog, "taskProgress")
        if dialog is None:
            QTimer.singleShot(10, cancel)
            return
        from PySide6.QtWidgets import QPushButton
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    QTimer.singleShot(50, cancel)
    with pytest.raises(Cancelled):
        window.tasks.run_on_own_tracker(window, "Working…", window.tracker.path,
                                        window.tracker.clock, slow_write)
    assert "half-written" not in [t.title for t in window.tracker.theses.all()]


@pytest.fixture
def tasks(qtbot):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_background_work_reports_back_on_the_gui_thread(tasks, qtbot):
    """Work runs on a worker; its callback comes on the GUI thread (where widgets may be touched).
    """
    done = []
    future = tasks.run_in_background(lambda: threading.current_thread().name,
                                     lambda f: done.append((f.result(),
                                                            threading.current_thread())))
    qtbot.waitUntil(lambda: bool(done))
    worker_name, delivered_on = done[0]
    assert worker_name.startswith("task") and delivered_on is threading.main_thread()
    assert future.result() == worker_name
    assert tasks.run_in_background(lambda: 7).result() == 7      # no callback: fine too


def test_a_lane_runs_its_work_one_at_a_time_in_order(tasks):
    """A lane (search) runs one job at a time, in order: its connection is never used by two
    threads."""
    seen, busy = [], []
    gate = threading.Lock()

    def step(n):
        if not gate.acquire(blocking=False):
            busy.append(n)                          # two at once would land here
            return
        try:
            time.sleep(0.005)
            seen.append(n)
        finally:
            gate.release()
    futures = [tasks.run_in_background(lambda n=n: step(n), lane="search") for n in range(8)]
    for future in futures:
        future.result(timeout=5)
    assert seen == list(range(8)) and busy == []


def test_a_result_for_a_deleted_helper_is_dropped(tasks, qtbot):
    """A closed database's helper (a QObject) may be gone when its work finishes: nobody to
    tell, and no RuntimeError from calling into a deleted object."""
    class Helper(QObject):
        def __init__(self):
            super().__init__()
            self.heard = []

        def done(self, future):
            self.heard.append(future.result())
    helper = Helper()
    release = threading.Event()
    tasks.run_in_background(lambda: release.wait(5) and "late", helper.done)
    shiboken6.delete(helper)
    release.set()
    qtbot.wait(50)          # the delivery came and was dropped without an error


def test_after_shutdown_no_work_is_taken(qtbot):
    """Closing waits for running work (a half-copied backup must finish) and refuses more."""
    manager = TaskManager()
    finished = []
    manager.run_in_background(lambda: time.sleep(0.05) or finished.append(1))
    manager.shutdown()                              # waits for running work
    assert finished == [1]
    with pytest.raises(RuntimeError, match="shut down"):
        manager.run_in_background(lambda: None)


def test_quick_work_behind_progress_returns_its_value_or_its_error(tasks, qtbot):
    """Work done before the dialog's 300 ms shows no dialog; its result or exception comes
    back to the caller as if called directly."""
    parent = QWidget()
    qtbot.addWidget(parent)
    assert tasks.run_with_progress(parent, "Quick", lambda cancelled: 42) == 42
    with pytest.raises(ValueError, match="bad input"):
        tasks.run_with_progress(parent, "Quick", lambda cancelled: int("bad input"))
    def full(cancelled):
        raise StoreError("The disk is full.")
    # A store failure is reported as itself: closing the dialog once the work is done emits
    # its canceled() signal, which made every such failure read "Cancelled: nothing was
    # changed." (so a full disk or a locked file looked like a click on Cancel).
    with pytest.raises(StoreError, match="The disk is full."):
        tasks.run_with_progress(parent, "Quick", full)
    assert parent.findChild(QProgressDialog) is None or not parent.findChild(
        QProgressDialog).isVisible()


def test_work_on_its_own_tracker_sees_the_file_and_closes_it(tasks, tracker, qtbot):
    """Long work gets a tracker of its own on the same file, closed afterwards."""
    parent = QWidget()
    qtbot.addWidget(parent)
    opened = []

    def count(own):
        opened.append(own)
        return own.theses.count()
    assert tasks.run_on_own_tracker(parent, "Counting…", tracker.path, tracker.clock,
                                    count) == tracker.theses.count()
    assert opened[0] is not tracker
    with pytest.raises(Exception, match="closed"):   # noqa: B017 - sqlite3's own error
        opened[0].theses.count()                    # closed afterwards
