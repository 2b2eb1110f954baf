"""gui/tasks.py: work off the GUI thread, and long work behind a progress dialog whose Cancel
rolls it back (#3 long work)."""

from __future__ import annotations

from PySide6.QtCore import Qt

import pytest


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
