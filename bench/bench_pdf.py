"""PDF export benchmarks (issue #5): a 200-catalyst thesis, all demo theses, file sizes.

Baseline, measured in the same run: Qt printing the same thesis's Markdown text as a plain
QTextDocument (QTextDocument.print_ on a QPdfWriter: no chart, no tables, no header/footer).
Run: .venv/bin/python bench/bench_pdf.py
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import OUT, table, timeit  # noqa: E402

sys.path.insert(0, str(OUT.parent.parent))       # the tests package, for its helpers


def main() -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - fonts need it
    from gui.export.pdf import _timeline_image, export_pdf, export_thesis_pdf
    from model.analysis.report import build_report
    from model.interchange.markdown import render_markdown
    from model.service import Tracker
    from tests.gui.export.helpers import make_thesis

    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "bench-pdf.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        (OUT / f"bench-pdf.sqlite3{suffix}").unlink(missing_ok=True)
    tracker = Tracker.open(db, seed_if_new=True, daily_backup=False)
    demo_ids = tracker.theses.ids()
    big = make_thesis(tracker, 200)

    def plain_print(thesis_id, path):
        doc = QTextDocument()
        doc.setPlainText(render_markdown(build_report(tracker, thesis_id)))
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        doc.print_(writer)

    one = OUT / "bench-200.pdf"
    ours_200 = timeit(lambda: export_thesis_pdf(tracker, big.id, one), repeat=5, warmup=1)
    base_200 = timeit(lambda: plain_print(big.id, OUT / "bench-200-plain.pdf"), repeat=5,
                      warmup=1)
    chart = timeit(lambda: _timeline_image(tracker, big.id, 1480, 620), repeat=5, warmup=1)
    pages_200 = export_thesis_pdf(tracker, big.id, one)

    everything = OUT / "bench-all.pdf"
    start = time.perf_counter()
    pages_all = export_pdf(tracker, demo_ids, everything, "a4")
    ours_all = time.perf_counter() - start
    start = time.perf_counter()
    for thesis_id in demo_ids:
        plain_print(thesis_id, OUT / "bench-all-plain.pdf")
    base_all = time.perf_counter() - start

    typical = OUT / "bench-typical.pdf"
    export_thesis_pdf(tracker, demo_ids[0], typical)
    rows = [
        (f"one thesis, 200 catalysts -> PDF ({pages_200} pages)", ours_200, base_200, " s",
         "< 2 s"),
        ("  of which the timeline image (chart)", chart, None, " s", "-"),
        (f"all {len(demo_ids)} demo theses -> one PDF ({pages_all} pages, contents)", ours_all,
         base_all, " s", "< 5 s"),
        ("size: typical thesis PDF (Big light)", typical.stat().st_size / 1e6, None, " MB",
         "< 1 MB"),
        ("size: 200-catalyst thesis PDF", one.stat().st_size / 1e6, None, " MB", "-"),
        ("size: all demo theses PDF", everything.stat().st_size / 1e6, None, " MB", "-"),
    ]
    print(table("PDF export (issue #5); baseline = Qt printing the Markdown as plain text",
                rows))
    tracker.close()


if __name__ == "__main__":
    main()
