"""A plain QPainter milestone timeline for documents, used only while gui.charts (issue #4) lacks
``render_timeline_image``: one lane per catalyst, a bar over its window coloured by status, a
marker on the day it happened, and a today line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

STATUS_COLOURS = {"done": "#2e7d32", "missed": "#c62828", "cancelled": "#9e9e9e",
                  "pending": "#1565c0", "overdue": "#ef6c00"}


def render_timeline_image(tracker, thesis_id: int, width_px: int, height_px: int) -> QImage:
    from gui.export.fonts import register_fonts

    today = tracker.clock.today()
    catalysts = tracker.catalysts.for_thesis(thesis_id)
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setFamilies(register_fonts())
    font.setPixelSize(max(9, height_px // 28))
    p.setFont(font)
    metrics = p.fontMetrics()
    left, right = width_px * 0.03, width_px * 0.98
    top, bottom = height_px * 0.05, height_px - metrics.height() * 2.2
    if not catalysts:
        p.setPen(QColor("#555555"))
        p.drawText(QRectF(0, 0, width_px, height_px), Qt.AlignmentFlag.AlignCenter,
                   "No catalysts yet")
        p.end()
        return image

    first = min(dt.date.fromisoformat(c.window_start) for c in catalysts)
    last = max(dt.date.fromisoformat(c.window_end) for c in catalysts)
    first = dt.date(min(first, today).year, 1, 1)
    last = dt.date(max(last, today).year + 1, 1, 1)
    span = (last - first).days or 1

    def x(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    # Year and quarter grid with labels under the axis.
    for year in range(first.year, last.year + 1):
        for quarter in range(4):
            day = dt.date(year, 1 + 3 * quarter, 1)
            if day > last:
                break
            major = quarter == 0
            p.setPen(QPen(QColor("#bdbdbd" if major else "#eeeeee"), 2 if major else 1))
            p.drawLine(QPointF(x(day), top), QPointF(x(day), bottom))
            if major and day < last:
                p.setPen(QColor("#424242"))
                p.drawText(QRectF(x(day), bottom + 4, x(dt.date(year + 1, 1, 1)) - x(day),
                                  metrics.height() * 1.5), Qt.AlignmentFlag.AlignCenter,
                           str(year))
    lane = (bottom - top) / len(catalysts)
    bar = max(1.0, min(lane * 0.6, metrics.height() * 0.8))
    for i, c in enumerate(catalysts):
        state = "overdue" if c.is_overdue(today) else c.status
        colour = QColor(STATUS_COLOURS.get(state, "#1565c0"))
        mid = top + lane * (i + 0.5)
        x0 = x(dt.date.fromisoformat(c.window_start))
        x1 = max(x(dt.date.fromisoformat(c.window_end) + dt.timedelta(days=1)), x0 + bar * 0.6)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour.lighter(135) if state in ("pending", "cancelled") else colour)
        p.drawRoundedRect(QRectF(x0, mid - bar / 2, x1 - x0, bar), bar / 4, bar / 4)
        if c.happened_on:
            hx = x(dt.date.fromisoformat(c.happened_on))
            p.setPen(QPen(QColor("white"), max(1.0, bar * 0.08)))
            p.setBrush(QColor("#212121"))
            r = max(1.5, bar * 0.3)
            p.drawEllipse(QPointF(hx, mid), r, r)
        if lane >= metrics.height() * 1.05:
            p.setPen(QColor("#212121"))
            label = metrics.elidedText(c.title, Qt.TextElideMode.ElideRight,
                                       int(width_px * 0.4))
            tx = x1 + 6 if x1 + 6 + metrics.horizontalAdvance(label) < right else \
                x0 - 6 - metrics.horizontalAdvance(label)
            p.drawText(QPointF(max(left, tx), mid + metrics.ascent() / 2 - 1), label)
    p.setPen(QPen(QColor("#d32f2f"), max(2, width_px // 600), Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x(today), top - 2), QPointF(x(today), bottom))
    p.setPen(QColor("#d32f2f"))
    p.drawText(QPointF(x(today) + 4, top + metrics.ascent()), "today")
    p.end()
    return image
