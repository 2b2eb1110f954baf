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
