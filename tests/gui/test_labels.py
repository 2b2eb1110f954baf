"""gui/labels.py: a label that cuts its text with "…" where the room ends (the start-up
notice clipped mid-letter, "…Google TPU v7 ramp; NVII"; found by a walk through the app)."""

from __future__ import annotations

from gui.labels import ElidedLabel

TEXT = "1 catalyst overdue, 0 reviews due, 4 due this week: Google TPU v7 ramp; NVIDIA CPO"


def test_a_narrow_label_draws_what_fits_with_an_ellipsis_and_keeps_the_text(qtbot):
    label = ElidedLabel(TEXT)
    qtbot.addWidget(label)
    label.resize(label.fontMetrics().horizontalAdvance(TEXT) // 2, 30)
    label.show()
    qtbot.waitExposed(label)
    shown = label.shown_text()
    assert label.text() == TEXT and label.is_cut()
    assert shown.endswith("…") and TEXT.startswith(shown[:-1])
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    label.resize(label.fontMetrics().horizontalAdvance(TEXT) + 20, 30)
    assert label.shown_text() == TEXT and not label.is_cut()


def test_a_long_text_never_widens_its_window(qtbot):
    label = ElidedLabel("x" * 2000)
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < 200
    label.grab()        # paints without complaint
