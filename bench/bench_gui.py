"""Desktop app benchmark (#3): start-up to first paint and peak memory against a bare PySide6
QMainWindow started the same way; tick-to-persisted-and-repainted and search keystroke at
10,000 theses (~100,000 catalysts) against the bare service calls.

Run: .venv/bin/python bench/bench_gui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, big_database, copy_of, table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = r"""
import os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[3])
mode, db = sys.argv[1], sys.argv[2]
SETTLE_MS = 1500     # start-up work deferred past the first paint counts towards peak memory


def watch(window):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    painted = []

    def settled():
        # Peak memory once the deferred start-up work (the rest of the list, the search
        # thread, the export actions...) has run, not just at the first paint. Then close the
        # window as a user does: the app closes its database cleanly, so the next start is an
        # everyday one.
        print(*painted[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
        window.close()
        QApplication.instance().quit()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj is window:
                # Time the first paint once it has finished, from the next turn of the loop.
                # CPU time too: unlike wall time it hardly moves with the neighbours' load.
                QTimer.singleShot(0, lambda: painted.append((time.time(), time.process_time())))
                QTimer.singleShot(SETTLE_MS, settled)
                window.removeEventFilter(self)
            return False
    window._bench_filter = FirstPaint()     # kept referenced, or it is collected at once
    window.installEventFilter(window._bench_filter)


if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 850)
    watch(window)
    window.show()
    app.exec()
elif mode == "floor":
    # What any table app pays before its own code: PySide6's Qt namespace (all its enum
    # classes are built on first use) and painting text in a table of 5 rows x 7 columns.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(5, 7)
    for row in range(5):
        for column in range(7):
            model.setItem(row, column, QStandardItem(f"光模块 optical {row}.{column}"))
    view = QTableView()
    view.setModel(model)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    window.setCentralWidget(view)
    window.resize(1400, 850)
    watch(window)
    window.show()
    app.exec()
else:
    # Exactly what `python main.py --db DB` runs, with the watch put on the window it shows.
    import gui
    launch = gui.launch

    def watched_launch(*args, **kwargs):
        window = launch(*args, **kwargs)
        watch(window)
        return window
    gui.launch = watched_launch
    import main
    main.main(["--db", db])
"""


def _start_once(mode: str, db: Path) -> tuple[float, float, float]:
    """Seconds from spawning the process to its first painted window, CPU seconds the process
    used until then, and peak RSS (MB) over the first paint plus SETTLE_MS."""
    # The previous start's writes (its clean close checkpoints the -wal) must not be flushed
    # by the kernel while this one runs: on 2 cores that alone made the bare window 50 % slower.
    os.sync()
    time.sleep(0.2)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.time()
        # Settings (QSettings' default place) go to a fresh folder: no window geometry or last
        # thesis carried over between runs.
        env = dict(os.environ, XDG_CONFIG_HOME=tmp)
        out = subprocess.run([sys.executable, "-c", CHILD, mode, str(db), str(ROOT)],
                             capture_output=True, text=True, check=True, cwd=tmp,
                             env=env).stdout.split()
    return float(out[0]) - start, float(out[1]), int(out[2]) / 1024


def start_ups(configs: list[tuple[str, Path]], runs: int = 15) -> list[tuple[float, ...]]:
    """Median (seconds to first paint, CPU seconds to first paint, peak MB) and the fastest
    first paint per (mode, database), the configurations interleaved round by round so that a
    noisy neighbour slows all of them alike. On a shared machine single starts vary by ±50 %:
    the fastest run is the least disturbed one."""
    # The first start of the day takes the daily backup (about a second at 10,000 theses):
    # one warm-up round first, so the figures are the everyday start.
    for mode, db in configs:
        _start_once(mode, db)
    samples = [[] for _ in configs]
    for _ in range(runs):
        for sample, (mode, db) in zip(samples, configs):
            sample.append(_start_once(mode, db))
    return [tuple(statistics.median(values) for values in zip(*sample))
            + (min(t for t, _, _ in sample),) for sample in samples]


def in_process(db: Path):
    """Tick and search timings inside one app on the 10,000-thesis database."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui import create_main_window
    from model.service import Tracker

    tmp = tempfile.mkdtemp()
    window = create_main_window(db, settings=QSettings(f"{tmp}/s.ini", QSettings.Format.IniFormat),
                                seed_if_new=False)
    window.resize(1400, 850)
    window.show()
    app = QApplication.instance()
    app.processEvents()
    tracker = window.tracker
    pending = [r["id"] for r in tracker.store.rows(
        "SELECT id FROM catalyst WHERE status = 'pending' ORDER BY id LIMIT 41")]

    ticks = []
    for catalyst_id in pending[:20]:
        catalyst = tracker.catalysts.get(catalyst_id)
        window.show_thesis(catalyst.thesis_id)
        window.detail.tabs.setCurrentIndex(3)
        app.processEvents()
        start = time.perf_counter()
        window.editor.tick(catalyst, "done", on=None, note="bench")
        # Let the event loop paint what the change marked dirty (the touched rows), as it
        # would for a user.
        app.processEvents()
        ticks.append(time.perf_counter() - start)
    other = Tracker.open(copy_of(db, "bench-gui-bare.sqlite3"), verify=False, daily_backup=False)
    bare_ticks = []
    for catalyst_id in pending[20:40]:
        start = time.perf_counter()
        other.catalysts.tick(catalyst_id, note="bench")
        bare_ticks.append(time.perf_counter() - start)

    window.pages.setCurrentIndex(0)
    from PySide6.QtCore import QEventLoop

    from model.search import parse_query
    applied = []
    window.proxy.matching_applied.connect(lambda: applied.append(True))

    def type_and_wait(text: str) -> float:
        """setText as a keystroke does; returns how long it held the window, after waiting
        for the worker's result to reach the proxy and the loop to paint it."""
        applied.clear()
        start = time.perf_counter()
        window.search_box.setText(text)
        blocked = time.perf_counter() - start
        while parse_query(text) and not applied:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        app.processEvents()
        return blocked

    keys, blocked, bare_keys, lengths = [], [], [], []
    for word in ("光模块", "laser", "isolator", "capex", "合成光电1"):
        for n in range(1, len(word) + 1):
            lengths.append(n)
            type_and_wait("")
            type_and_wait(word[:n - 1])
            start = time.perf_counter()
            blocked.append(type_and_wait(word[:n]))
            keys.append(time.perf_counter() - start)
            start = time.perf_counter()
            other.search.thesis_ids(word[:n])
            bare_keys.append(time.perf_counter() - start)
    other.close()
    window.close()
    long_keys = [k for k, n in zip(keys, lengths) if n >= 3]
    one_char = [k for k, n in zip(keys, lengths) if n == 1]
    print(f"one-character keystrokes (光, l, i, c, 合): "
          f"{', '.join(f'{k * 1000:.0f}' for k in one_char)} ms; median "
          f"{statistics.median(one_char) * 1000:.1f} ms, slowest {max(one_char) * 1000:.1f} ms",
          flush=True)
    return (statistics.median(ticks), statistics.median(bare_ticks),
            statistics.median(keys), max(keys), statistics.median(bare_keys),
            statistics.median(blocked), max(blocked), statistics.median(long_keys))


def main() -> int:
    big = big_database(10_000)
    demo = Path(tempfile.mkdtemp()) / "demo.sqlite3"
    # A file named with --db starts empty (#13): the demo is loaded on purpose.
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(demo), "demo"],
                   check=True, stdout=subprocess.DEVNULL)
    big_copy = copy_of(big, "bench-gui-start.sqlite3")
    (bare_t, bare_cpu, bare_mb, bare_min), (floor_t, _, _, floor_min), \
        (demo_t, demo_cpu, demo_mb, demo_min), (big_t, big_cpu, big_mb, big_min) = start_ups(
            [("bare", demo), ("floor", demo), ("app", demo), ("app", big_copy)])
    tick, bare_tick, key, key_max, bare_key, block, block_max, key_long = in_process(
        copy_of(big, "bench-gui.sqlite3"))
    print(table("Desktop app (#3): start-up and memory vs a bare QMainWindow", [
        ("start to first paint, demo data (s)", demo_t, bare_t, "s", "<= 1.5x"),
        ("start to first paint, 10,000 theses (s)", big_t, bare_t, "s", "<= 2x"),
        ("  fastest of the runs, demo data (s)", demo_min, bare_min, "s", "-"),
        ("  fastest of the runs, 10,000 theses (s)", big_min, bare_min, "s", "-"),
        ("  CPU time to first paint, demo data (s)", demo_cpu, bare_cpu, "s", "-"),
        ("  CPU time to first paint, 10,000 theses (s)", big_cpu, bare_cpu, "s", "-"),
        ("  floor: bare + Qt's enums + a 5-row table (s)", floor_t, bare_t, "s", "-"),
        ("  demo data against that floor (s)", demo_t, floor_t, "s", "-"),
        ("  floor, fastest of the runs (s)", floor_min, bare_min, "s", "-"),
        ("peak memory, 10,000 theses (MB)", big_mb, bare_mb, "MB", "<= 1.5x"),
        ("peak memory, demo data (MB)", demo_mb, bare_mb, "MB", "-"),
    ]))
    print(table("Desktop app (#3): 10,000 theses / ~100,000 catalysts vs bare service call", [
        ("tick to persisted and repainted, median (ms)", tick * 1000, bare_tick * 1000, "ms",
         "< 15 ms"),
        ("search keystroke to filtered list, median (ms)", key * 1000, bare_key * 1000, "ms",
         "< 50 ms"),
        ("search keystroke to filtered list, slowest (ms)", key_max * 1000, None, "ms",
         "< 50 ms"),
        ("  median of words of 3+ characters (ms)", key_long * 1000, None, "ms", "-"),
        ("UI blocked per search keystroke, median (ms)", block * 1000, None, "ms", "-"),
        ("UI blocked per search keystroke, slowest (ms)", block_max * 1000, None, "ms", "-"),
    ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
