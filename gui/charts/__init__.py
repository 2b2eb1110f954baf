"""Charts (issue #4): milestone timeline, roadmap, prices and event studies, built on pyqtgraph.

pyqtgraph costs most of a second to import, so nothing here imports it until a chart is built:
the tabs are light placeholders that build their chart the first time they are shown, and
``render_timeline_image`` (used by the PDF export) imports it when called.
"""

from __future__ import annotations

from PySide6.QtGui import QImage


def render_timeline_image(tracker, thesis_id: int, width_px: int, height_px: int, *,
                          dpi: float = 96.0) -> QImage:
    """The thesis's milestone timeline drawn headless into a width x height image.

    ``dpi`` above 96 lays the chart out at the matching smaller size and scales it up, so a
    300-dpi image for print has text of the same printed size as on screen.
    """
    from gui.charts.timeline import TimelineChart
    chart = TimelineChart(tracker, thesis_id=thesis_id)
    try:
        return chart.render_image(width_px, height_px, dpi=dpi)
    finally:
        chart.set_tracker(None)
        chart.view.close()      # clears the scene now: a half-torn-down scene crashes at exit
        chart.deleteLater()
