"""The log and crash reports (#13): errors that are not the user's go to a file in the
platform's log folder, private to the user, with what is needed to act on them."""

from __future__ import annotations

import logging
import stat
import sys

import pytest

from model import __version__, logs


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "log"
    yield folder
    logs.stop_logging()


def test_log_folder_is_the_platforms(monkeypatch, tmp_path):
    """On Linux the XDG state folder (~/.local/state/thesis-tracker/log), as platformdirs
    says; nothing beside the source tree."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    if sys.platform.startswith("linux"):
        assert logs.log_dir() == tmp_path / "state" / "thesis-tracker" / "log"


def test_log_rotates_and_is_private(log_folder):
    """Messages land in thesis-tracker.log; past the size limit it rotates, keeping a few
    old files; the folder is 0700 and the file 0600 (they name theses and paths)."""
    path = logs.setup_logging(log_folder)
    logger = logging.getLogger("thesis_tracker.test")
    logger.info("first line")
    assert "first line" in path.read_text()
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for _ in range(logs.MAX_LOG_BYTES // 1000 * (logs.LOG_BACKUPS + 2)):
        logger.info("x" * 1000)
    rotated = sorted(p.name for p in log_folder.glob("thesis-tracker.log*"))
    assert rotated == ["thesis-tracker.log"] + [f"thesis-tracker.log.{n}"
                                                for n in range(1, logs.LOG_BACKUPS + 1)]
    assert all(p.stat().st_size <= logs.MAX_LOG_BYTES + 2000
               for p in log_folder.glob("thesis-tracker.log*"))


def test_crash_report_holds_versions_and_traceback(log_folder):
    """One private file per error, with the version and the whole traceback, and a line in
    the log naming it."""
    logs.setup_logging(log_folder)
    try:
        {}["missing"]
    except KeyError:
        report = logs.write_crash_report(*sys.exc_info(), directory=log_folder,
                                         context="ticking a catalyst")
    text = report.read_text()
    assert f"Thesis Tracker {__version__}" in text and "While: ticking a catalyst" in text
    assert "KeyError: 'missing'" in text and "test_crash_report_holds" in text
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert str(report) in (log_folder / logs.LOG_NAME).read_text()


def test_old_crash_reports_are_pruned(log_folder):
    """Crash reports do not pile up: the oldest are removed (#13)."""
    for _ in range(logs.MAX_REPORTS + 5):
        logs.write_crash_report(ValueError, ValueError("x"), None, directory=log_folder)
    assert len(list(log_folder.glob("crash-*.txt"))) == logs.MAX_REPORTS


def test_a_native_crash_becomes_a_report_at_the_next_start(log_folder):
    """faulthandler's file from a run that died in C code turns into a crash report once,
    and is emptied; a clean run leaves nothing to report."""
    assert logs.take_fatal_report(log_folder) is None
    with logs.open_fatal_file(log_folder) as fatal:
        fatal.write("Fatal Python error: Segmentation fault\n\nCurrent thread 0x1 ...\n")
    report = logs.take_fatal_report(log_folder)
    assert report is not None and "Segmentation fault" in report.read_text()
    assert logs.take_fatal_report(log_folder) is None
