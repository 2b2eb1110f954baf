"""What this Thesis Tracker is: its one version number, and the versions it runs on."""

from __future__ import annotations

from model import __version__


def versions() -> list[str]:
    """Thesis Tracker, Python, SQLite and the libraries it uses, a line each (--version,
    Help ▸ About, bug reports)."""
    import platform
    import sqlite3
    lines = [f"Thesis Tracker {__version__}", f"Python {platform.python_version()}",
             f"SQLite {sqlite3.sqlite_version}"]
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:         # pragma: no cover - always there on Python 3.10+
        return lines
    for package in ("PySide6-Essentials", "sqlite-utils", "pyqtgraph"):
        try:
            lines.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            continue
    return lines
