"""Chart benchmarks (issue #4): pan/zoom frame time with 20 companies x 20 years of daily
prices (~100k points) with and without downsampling + clipToView; building the timeline of a
thesis with 500 catalysts, against one pyqtgraph BarGraphItem per catalyst.

Run: .venv/bin/python bench/bench_charts.py   (offscreen; builds bench/out/bench-charts.sqlite3)
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

import numpy as np  # noqa: E402
from common import OUT, big_database, copy_of, table, timeit  # noqa: E402

from model.service import Tracker  # noqa: E402

COMPANIES, YEARS, CATALYSTS = 20, 20, 500


def build_database():
    path = OUT / "bench-charts.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    tracker = Tracker.open(path, daily_backup=False)
    rng = np.random.default_rng(4)
    days = np.arange(np.datetime64("2005-01-03"), np.datetime64("2025-01-03"))
    days = days[np.is_busday(days)]
    thesis = tracker.theses.add(title="Bench prices", benchmark_ticker="C00")
    for i in range(COMPANIES):
        company = tracker.companies.add(name=f"Company {i}", ticker=f"C{i:02d}")
        tracker.beneficiaries.add(thesis_id=thesis.id, company_id=company.id)
        walk = 100 * np.exp(np.cumsum(rng.normal(0.0003, 0.02, len(days))))
        tracker.prices.store_rows(company.id, [(str(d), float(v), None)
                                               for d, v in zip(days, walk)])
    many = tracker.theses.add(title="Bench catalysts", conviction=3)
    windows = ["Q1", "Q2", "Q3", "Q4", "H1", "H2", ""]
    statuses = ["pending", "done", "missed", "cancelled"]
    with tracker.store.write():
        for i in range(CATALYSTS):
            year = 2020 + i % 10
            w = windows[i % len(windows)]
            expected = f"{w} {year}" if w else f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            c = tracker.catalysts.add(thesis_id=many.id, title=f"Catalyst number {i}",
                                      expected=expected)
            status = statuses[i % 4]
            if status != "pending" and c.window_end < "2026-01-01":
                tracker.catalysts.tick(c.id, status=status, on=c.window_start)
    for conviction in (4, 2, 5, 3):
        tracker.theses.set_conviction(many.id, conviction)
    return tracker, thesis.id, many.id, len(days) * COMPANIES


def frame_times(chart, plot, steps: int = 40) -> list[float]:
    """Pan right then zoom in and out, each step one synchronous repaint; seconds per frame."""
    (x0, x1), _ = plot.viewRange()
    span = x1 - x0
    moves = [(x0 + span * 0.01 * i, x1 + span * 0.01 * i) for i in range(steps // 2)]
    moves += [(x0 + span * 0.02 * i, x1 - span * 0.02 * i) for i in range(steps // 2)]
    samples = []
    for lo, hi in moves:
        start = time.perf_counter()
        plot.setXRange(lo, hi, padding=0)
        chart.view.viewport().repaint()
        samples.append(time.perf_counter() - start)
    return samples


def paired_frames(a, b, rounds: int = 5) -> tuple[float, float]:
    """Median frame time of two charts, measured in alternating rounds (load hits both alike)."""
    sa, sb = [], []
    for _ in range(rounds):
        sa += frame_times(a, a.plot, 12)
        sb += frame_times(b, b.plot, 12)
    return statistics.median(sa) * 1000, statistics.median(sb) * 1000


def roadmap_open_times(app) -> tuple[float, float, float, int]:
    """Open the roadmap on the seed-demo 10000 database (every thesis listed) and on one
    thesis of it, alternating; then scroll frames. Milliseconds, and the theses shown."""
    from gui.charts.roadmap import RoadmapChart
    path = copy_of(big_database(), "bench-roadmap.sqlite3")
    tracker = Tracker.open(path, daily_backup=False)
    ids = tracker.theses.ids()
    one = ids[:1]
    chart = RoadmapChart()
    chart.resize(1200, 800)
    chart.show()
    app.processEvents()

    def opening(listed):
        def run():
            chart.set_thesis_source(lambda: listed)
            chart.set_tracker(tracker)
            chart.view.viewport().repaint()
        return run
    big, small = [], []
    for _ in range(5):
        big.append(timeit(opening(ids), repeat=1, warmup=0))
        small.append(timeit(opening(one), repeat=1, warmup=0))
    opening(ids)()
    frames = []
    for step in range(30):
        start = time.perf_counter()
        chart.scroll_lanes(7 if step % 2 == 0 else 5)
        chart.view.viewport().repaint()
        frames.append(time.perf_counter() - start)
    chart.view.close()
    tracker.close()
    return (statistics.median(big) * 1000, statistics.median(small) * 1000,
            statistics.median(frames) * 1000, len(ids))


def main() -> None:
    app = QApplication.instance() or QApplication([])  # noqa: F841
    start = time.perf_counter()
    import pyqtgraph as pg
    import_s = time.perf_counter() - start
    tracker, prices_thesis, timeline_thesis, points = build_database()

    from gui.charts.prices import PricesChart
    charts = []
    for _ in range(2):
        chart = PricesChart(tracker)
        chart.resize(1200, 700)
        chart.show()
        charts.append(chart)
    charts[1].plot.setDownsampling(auto=False)   # the baseline: every point, every frame
    charts[1].plot.setClipToView(False)
    for chart in charts:
        chart.set_thesis(prices_thesis)
    app.processEvents()
    ours, base = paired_frames(*charts)
    (x0, x1), _ = charts[0].plot.viewRange()
    for chart in charts:
        chart.plot.setXRange(x1 - 365 * 86400.0, x1, padding=0)
    year_ours, year_base = paired_frames(*charts)
    for chart in charts:
        chart.view.close()

    from gui.charts.timeline import TimelineChart
    from model.analysis.timeline import thesis_timeline
    model_ms = timeit(lambda: thesis_timeline(tracker, timeline_thesis), repeat=9, warmup=1) * 1000
    timeline = TimelineChart(tracker)
    timeline.resize(1200, 800)
    timeline.show()
    app.processEvents()

    def build():
        timeline.set_thesis(timeline_thesis)
        timeline.view.viewport().repaint()
    build_ms = timeit(build, repeat=9, warmup=1) * 1000
    pan_ms = statistics.median(frame_times(timeline, timeline.lanes.plot)) * 1000
    timeline.view.close()

    def naive():
        """One BarGraphItem per catalyst, the obvious way, on a fresh plot."""
        view = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        view.resize(1200, 800)
        view.show()
        data = thesis_timeline(tracker, timeline_thesis)
        from gui import palette
        for b in data.bars:
            view.addItem(pg.BarGraphItem(x0=[b.x0], x1=[b.x1], y=[b.y], height=b.height,
                                         brush=palette.catalyst(b.status), pen=None))
        view.repaint()
        view.close()
    naive_ms = timeit(naive, repeat=5, warmup=1) * 1000

    roadmap_big, roadmap_one, roadmap_frame, roadmap_n = roadmap_open_times(app)

    rows = [
        (f"roadmap opens (plan + lanes in view + first paint), {roadmap_n:,} theses",
         roadmap_big, roadmap_one, " ms", "< 1000 ms; baseline: the same roadmap of 1 thesis"),
        (f"roadmap scroll frame, {roadmap_n:,} theses, median", roadmap_frame, None, " ms",
         "< 30 ms"),
        (f"prices pan/zoom frame, {points:,} points all in view, median", ours, base, " ms",
         "< 30 ms (baseline: no downsampling/clip)"),
        ("prices pan/zoom frame, one year of the 20 in view, median", year_ours, year_base,
         " ms", "< 30 ms"),
        (f"timeline build + first paint, {CATALYSTS} catalysts", build_ms, naive_ms, " ms",
         "< 100 ms (baseline: a BarGraphItem per catalyst)"),
        (f"timeline data (model.analysis.timeline), {CATALYSTS} catalysts", model_ms, None,
         " ms", "-"),
        (f"timeline pan/zoom frame, {CATALYSTS} catalysts, median", pan_ms, None, " ms",
         "< 30 ms"),
        ("import pyqtgraph (why charts load lazily)", import_s * 1000, None, " ms", "-"),
    ]
    print(table("Charts (issue #4)", rows))
    tracker.close()


if __name__ == "__main__":
    main()
