"""A file another program wrote into (#14): dates that are no dates, stored before schema 5's
triggers refused them, must not break the views that read them, and the user learns where
they are. Through the real window and the command line, as a user meets them."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

import pytest

from tests.acceptance.conftest import click_tab, open_tab, rows, select_thesis

ROOT = Path(__file__).resolve().parents[2]
V4 = ROOT / "tests" / "safety" / "fixtures" / "v4.sqlite3"


@pytest.fixture
def scribbled(db_path):
    """A schema-4 file in which another SQLite tool wrote text that is no date into a
    catalyst window, a happened day, a review day and a source's date."""
    shutil.copyfile(V4, db_path)
    conn = sqlite3.connect(db_path)
    with conn:
        first = conn.execute("SELECT min(id) FROM catalyst WHERE thesis_id = 1").fetchone()[0]
        done = conn.execute("SELECT min(id) FROM catalyst WHERE thesis_id = 1 AND "
                            "status = 'done' AND id != ?", (first,)).fetchone()[0]
        conn.execute("UPDATE catalyst SET window_start = '1st half' WHERE id = ?", (first,))
        conn.execute("UPDATE catalyst SET happened_on = 'last spring' WHERE id = ?", (done,))
        conn.execute("UPDATE thesis SET next_review = 'someday' WHERE id = 1")
        conn.execute("UPDATE source SET published_on = '2026-13-01' WHERE id = 1")
    conn.close()
    return db_path


def test_views_read_a_file_with_dates_that_are_no_dates(scribbled, make_window, qtbot):
    """Open the file, pick the thesis, look at its catalysts and its timeline, then at the
    roadmap: every view shows (the unplaceable catalyst is listed, saying its window is no
    date, and left off the charts); no exception reaches the event loop."""
    window = make_window(scribbled, seed_if_new=False)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    select_thesis(window, "Big light", qtbot)
    table = open_tab(window, "Catalysts").findChild(type(window.thesis_list))
    qtbot.waitUntil(lambda: table is not None and table.model().rowCount() > 0)
    header = table.model()
    parsed = next(c for c in range(header.columnCount())
                  if header.headerData(c, Qt.Orientation.Horizontal) == "Parsed window")
    assert any(text.startswith("no date (stored as '1st half'") for text in rows(table, parsed))

    tab = window.charts["timeline"]
    click_tab(qtbot, window.detail.tabs, tab)
    qtbot.waitUntil(lambda: tab.chart is not None and tab.chart.isVisible(), timeout=3000)
    titles = [title for _, title in tab.chart.timeline.lanes]
    assert titles and len(titles) == table.model().rowCount() - 1

    window.show_upcoming()
    QTest.mouseClick(window.upcoming.roadmap_button, Qt.MouseButton.LeftButton)
    roadmap = window.charts["roadmap"]
    qtbot.waitUntil(lambda: roadmap.chart is not None and roadmap.chart.isVisible(),
                    timeout=3000)
    assert roadmap.chart.plan.catalysts > 0


def test_check_names_the_dates_and_the_upgraded_file_refuses_new_ones(scribbled):
    """``check`` exits 1 naming each value that is no date; once the file is at schema 5,
    another tool writing a new one is refused, while the values already there stay as they
    were and a user's fix through ``set-window`` is taken."""
    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(scribbled),
                               *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    checked = run("check")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    dates = next(line for line in checked.stdout.splitlines() if line.startswith("Dates:"))
    assert "4 value(s)" in dates
    for named in ("thesis 1 next_review 'someday'", "window_start '1st half'",
                  "happened_on 'last spring'", "source 1 published_on '2026-13-01'"):
        assert named in dates
    assert "Traceback" not in checked.stderr

    conn = sqlite3.connect(scribbled)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="next_review must be a date"):
            conn.execute("UPDATE thesis SET next_review = 'tomorrow' WHERE id = 2")
        with pytest.raises(sqlite3.IntegrityError, match="published_on must be a date"):
            conn.execute("INSERT INTO source (title, published_on) VALUES ('x', '2026/01/02')")
        assert conn.execute("SELECT next_review FROM thesis WHERE id = 1").fetchone() == (
            "someday",)
        first = conn.execute("SELECT id FROM catalyst WHERE window_start = '1st half'"
                             ).fetchone()[0]
    finally:
        conn.close()
    fixed = run("set-window", str(first), "H1 2026")
    assert fixed.returncode == 0, fixed.stderr
    after = run("check").stdout
    assert "3 value(s)" in next(line for line in after.splitlines() if line.startswith("Dates:"))


def test_the_terminal_beside_the_app_sees_its_work_after_an_export(
        window, qtbot, when_modal, tmp_path, monkeypatch, db_path):
    """File ▸ Export JSON… (it reads on a connection of its own), run ``list`` in a terminal,
    then add a thesis in the app: a second terminal command sees it. Reading the file's header
    for the export's connection once dropped the app's SQLite locks; the terminal's command
    then checkpointed and deleted the -wal, and every later edit went to a deleted file (lost
    at quit or on a crash; found by a walk through the app)."""
    target = tmp_path / "theses.json"
    monkeypatch.setattr("gui.dialogs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    window.findChild(QAction, "exportJson").trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=5000)
    assert target.exists()

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path),
                               *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run("list").returncode == 0
    assert Path(f"{db_path}-wal").exists(), "the terminal deleted the app's -wal"

    def name_it(dialog):
        qtbot.keyClicks(dialog.title, "Written after the export")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    done = when_modal(name_it)
    # Edit ▸ New thesis… (offscreen, the closed export dialog keeps the keyboard's focus).
    window.findChild(QAction, "newThesis").trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    listed = run("list")
    assert "Written after the export" in listed.stdout, listed.stdout + listed.stderr
