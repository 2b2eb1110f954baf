"""gui/notice.py: the start-up notice says what is overdue and due this week, names the
catalysts, and once dismissed stays closed."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_notice_counts_names_and_stays_dismissed(qtbot, tracker):
    from gui.notice import StartupNotice
    notice = StartupNotice()
    qtbot.addWidget(notice)
    notice.set_tracker(tracker)
    assert not notice.isHidden()
    text = notice.label.text()
    assert "overdue" in text and "due this week" in text
    asked = []
    notice.upcoming_requested.connect(lambda: asked.append(True))
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert asked == [True]
    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    assert notice.isHidden() and notice.dismissed
    notice.update_now()
    assert notice.isHidden()                       # dismissed: changes do not bring it back
    notice.set_tracker(None)
    assert notice.isHidden()
