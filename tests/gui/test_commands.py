"""export-pdf and export-md on the command line (#5), as a user runs them (no display)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from tests.gui.export.helpers import page_texts

ROOT = Path(__file__).resolve().parents[2]


def _demo(db):
    """A database with the demo (a new file named with --db starts empty, #13)."""
    subprocess.run([sys.executable, "main.py", "--db", str(db), "demo"], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    return db


def _run(db, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


def test_export_pdf_all_letter_and_one_thesis(tmp_path):
    """`export-pdf --all --paper letter` and `export-pdf "Small light" -o` write PDFs without a
    display (offscreen Qt), and report what they wrote."""
    db = _demo(tmp_path / "t.sqlite3")
    result = _run(db, "export-pdf", "--all", "--paper", "letter", "-o", str(tmp_path / "all.pdf"))
    assert result.returncode == 0, result.stderr
    assert "5 theses" in result.stdout and "(Letter)" in result.stdout
    assert round(float(PdfReader(str(tmp_path / "all.pdf")).pages[0].mediabox.width)) == 612
    result = _run(db, "export-pdf", "small light", "-o", str(tmp_path / "one.pdf"))
    assert result.returncode == 0, result.stderr
    assert page_texts(tmp_path / "one.pdf")[0].count("Small light") >= 1


def test_export_md_writes_chart_beside(tmp_path):
    """export-md writes the Markdown and its timeline PNG beside it, linked by name (#5)."""
    db = _demo(tmp_path / "t.sqlite3")
    result = _run(db, "export-md", "Big light", "-o", str(tmp_path / "big.md"))
    assert result.returncode == 0, result.stderr
    assert "![Milestone timeline](big.png)" in (tmp_path / "big.md").read_text(encoding="utf-8")
    assert (tmp_path / "big.png").read_bytes().startswith(b"\x89PNG")


def test_cli_mistakes_are_one_line_errors(tmp_path):
    """Unknown thesis, both a thesis and --all, a missing folder: `error: ...`, exit 1."""
    db = tmp_path / "t.sqlite3"
    for args in (["export-pdf", "no such", "-o", str(tmp_path / "x.pdf")],
                 ["export-pdf", "big", "--all", "-o", str(tmp_path / "x.pdf")],
                 ["export-pdf", "big", "-o", str(tmp_path / "none" / "x.pdf")]):
        result = _run(db, *args)
        assert result.returncode == 1
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def _in_process(db, capsys, *args):
    import main
    code = main.main([*args, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_md_without_a_chart_or_catalysts_writes_no_png(tracker, tmp_path, capsys):
    """--no-chart, or a thesis with no catalysts, gives the Markdown alone, with no link to a
    picture that is not there."""
    empty = tracker.theses.add(title="Nothing dated yet").id
    db = tracker.path
    tracker.close()
    code, out, _ = _in_process(db, capsys, "export-md", "Big light", "--no-chart", "-o",
                               str(tmp_path / "big.md"))
    assert code == 0 and out.strip() == f"Wrote {tmp_path / 'big.md'}."
    assert "![" not in (tmp_path / "big.md").read_text(encoding="utf-8")
    code, out, _ = _in_process(db, capsys, "export-md", str(empty), "-o",
                               str(tmp_path / "empty.md"))
    assert code == 0 and not (tmp_path / "empty.png").exists()
    assert list(p.name for p in tmp_path.glob("*.png")) == []


def test_export_md_into_a_missing_folder_is_refused_before_anything_is_drawn(tracker,
                                                                            tmp_path, capsys):
    """A missing folder is one line on stderr and exit 1; no chart is drawn first (#5)."""
    db = tracker.path
    tracker.close()
    code, _, err = _in_process(db, capsys, "export-md", "Big light", "-o",
                               str(tmp_path / "none" / "big.md"))
    assert code == 1 and err.startswith("error: Cannot write") and "does not exist" in err
    assert not (tmp_path / "none").exists()


def test_export_pdf_in_process_reports_pages_and_paper(tracker, tmp_path, capsys):
    """export-pdf says what it wrote: the file, how many theses and pages, and the paper (#5)."""
    db = tracker.path
    tracker.close()
    code, out, _ = _in_process(db, capsys, "export-pdf", "Small light", "-o",
                               str(tmp_path / "s.pdf"))
    pages = len(PdfReader(str(tmp_path / "s.pdf")).pages)
    assert code == 0 and out.strip() == f"Wrote {tmp_path / 's.pdf'}: 1 thesis, {pages} pages (A4)."


def test_ensure_qt_app_reuses_the_running_application(qapp):
    """A second QApplication would abort: the running one is reused."""
    from gui.commands import ensure_qt_app
    assert ensure_qt_app() is qapp
