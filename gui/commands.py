"""Command-line exports that need Qt: export-pdf and export-md (chart PNG beside the Markdown).

Qt is imported inside ``run`` only, so ``python main.py --help`` and the other commands stay fast.
"""

from __future__ import annotations

import os
from pathlib import Path

from model.cli import arguments, command
from model.errors import UserError

_app = None


def ensure_qt_app():
    """A Qt application for fonts and images; offscreen when there is no display."""
    global _app
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
                and os.name == "posix" and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = _app = QApplication(["thesis-tracker"])
    return app


def _pdf_args(p):
    p.add_argument("thesis", nargs="?", help="thesis id or title (an unambiguous prefix)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF file to write")
    p.add_argument("--all", action="store_true", help="every thesis, behind a contents page")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (a4)")


@command("export-pdf", "write a thesis (or --all) as a PDF document")
@arguments(_pdf_args)
def cmd_export_pdf(tracker, args, out):
    """Write a thesis as a PDF: title block and milestone timeline on page 1, then beneficiaries,
    risks, the catalyst checklist, history and numbered sources. With --all, every thesis in one
    file behind a contents page."""
    if args.all == bool(args.thesis):
        raise UserError("Name one thesis, or use --all (not both).")
    ids = tracker.theses.ids() if args.all else [tracker.theses.resolve(args.thesis)]
    ensure_qt_app()
    from gui.export.pdf import export_pdf
    pages = export_pdf(tracker, ids, args.output, args.paper)
    print(f"Wrote {args.output}: {len(ids)} {'thesis' if len(ids) == 1 else 'theses'}, "
          f"{pages} pages ({args.paper.upper() if args.paper == 'a4' else 'Letter'}).", file=out)
    return 0


def _md_args(p):
    p.add_argument("thesis", help="thesis id or title (an unambiguous prefix)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.md", help="Markdown file")
    p.add_argument("--no-chart", action="store_true",
                   help="do not write the timeline PNG beside the file")


@command("export-md", "write a thesis as Markdown, with its timeline chart as a PNG beside it")
@arguments(_md_args)
def cmd_export_md(tracker, args, out):
    """Write a thesis as Markdown (stable output that diffs cleanly in git). The milestone
    timeline goes beside it as FILE.png unless --no-chart (or the thesis has no catalysts)."""
    from model.interchange.markdown import export_markdown
    thesis_id = tracker.theses.resolve(args.thesis)
    target = Path(args.output)
    if not target.parent.is_dir():
        raise UserError(f"Cannot write {target}: the folder {target.parent} does not exist.")
    chart = None
    if not args.no_chart and tracker.catalysts.for_thesis(thesis_id):
        ensure_qt_app()
        from gui.export.pdf import render_chart_png
        chart_path = target.with_suffix(".png")
        render_chart_png(tracker, thesis_id, chart_path)
        chart = chart_path.name
    export_markdown(tracker, thesis_id, target, chart=chart)
    print(f"Wrote {target}" + (f" and {chart}" if chart else "") + ".", file=out)
    return 0
