"""The app's log and crash reports, in the platform's log folder (#13).

``setup_logging()`` sends every logger (and, from gui/, Qt's own messages) to a rotating
``thesis-tracker.log``; ``write_crash_report()`` writes one file per error that was not the
user's (the traceback and the versions it ran on); ``FATAL_NAME`` is where ``faulthandler``
writes when the process dies in C code, turned into a crash report by the next start
(``take_fatal_report``). Pure Python: the command line may use it as well as the app.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_NAME = "thesis-tracker.log"
FATAL_NAME = "fatal-error.log"       # faulthandler's file: empty unless the last run died
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 4                      # thesis-tracker.log.1 ... .4 beside the current one
MAX_REPORTS = 20                     # older crash reports are removed

_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    """The platform's log folder: ~/.local/state/thesis-tracker/log on Linux,
    ~/Library/Logs/thesis-tracker on macOS, %LOCALAPPDATA%\\thesis-tracker\\Logs on Windows."""
    import platformdirs
    return Path(platformdirs.user_log_dir("thesis-tracker", appauthor=False))


def _private_dir(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(directory, 0o700)      # logs name theses and files: the user's alone
    except OSError:
        pass
    return directory


def setup_logging(directory: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Log to ``directory`` (default: log_dir()) with rotation; returns the log file. Calling
    it again with another folder moves the log there (tests)."""
    global _handler
    from logging.handlers import RotatingFileHandler
    directory = _private_dir(directory or log_dir())
    path = directory / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path:
            return path
        root.removeHandler(_handler)
        _handler.close()
    old_umask = os.umask(0o077)
    try:
        _handler = RotatingFileHandler(path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS,
                                       encoding="utf-8", delay=False)
    finally:
        os.umask(old_umask)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    root.addHandler(_handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def stop_logging() -> None:
    """Close the log file (tests; the app keeps it until it exits)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def write_crash_report(exc_type: type[BaseException], exc: BaseException,
                       tb: TracebackType | None, *, directory: Path | None = None,
                       context: str = "") -> Path:
    """One file per error: when, what was running (``context``), the versions and the
    traceback. Returns its path. Never raises for a full disk or a missing folder: the
    report then goes to the log (if it can) and the path names where it would have been."""
    from model.about import versions
    directory = directory or log_dir()
    now = dt.datetime.now()
    path = directory / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    text = "".join([
        f"Thesis Tracker crash report, {now.isoformat(timespec='seconds')}\n",
        f"While: {context}\n" if context else "",
        "\n".join(versions()), "\n\n",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ])
    try:
        _private_dir(directory)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        _prune_reports(directory)
    except OSError as error:
        logging.getLogger("thesis_tracker").error("could not save the crash report %s: %s",
                                                  path, error)
    logging.getLogger("thesis_tracker").error("%s (report: %s)", text.rstrip(), path)
    return path


def _prune_reports(directory: Path) -> None:
    reports = sorted(directory.glob("crash-*.txt"))
    for old in reports[:-MAX_REPORTS]:
        try:
            old.unlink()
        except OSError:
            pass


def open_fatal_file(directory: Path | None = None) -> TextIO:
    """The file faulthandler writes to if the process dies in C code (kept open by the
    caller for the life of the process). Take the previous run's report first."""
    directory = _private_dir(directory or log_dir())
    fd = os.open(directory / FATAL_NAME, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    return os.fdopen(fd, "a", encoding="utf-8")


def take_fatal_report(directory: Path | None = None) -> Path | None:
    """If the last run died in C code (faulthandler wrote its stacks), that text becomes a
    crash report, returned so the app can say so; None after a clean run."""
    directory = directory or log_dir()
    fatal = directory / FATAL_NAME
    try:
        text = fatal.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if not text.strip():
        return None
    from model.about import versions
    stamp = dt.datetime.fromtimestamp(fatal.stat().st_mtime)
    path = directory / f"crash-{stamp:%Y%m%d-%H%M%S-%f}-fatal.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"Thesis Tracker stopped in native code, {stamp.isoformat(timespec='seconds')}"
                     f"\n" + "\n".join(versions()) + "\n\n" + text)
    fatal.write_text("", encoding="utf-8")
    logging.getLogger("thesis_tracker").error("the last run stopped in native code (report: %s)",
                                              path)
    return path
