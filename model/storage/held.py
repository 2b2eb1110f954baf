"""Which database files a connection of this process holds open.

POSIX (fcntl) locks belong to a process and a file: closing *any* descriptor of the file
releases every lock the process holds on it, SQLite's included. SQLite keeps its own
descriptors open for that reason, but a plain open and close of the database (reading its
header to refuse a damaged file) while one of our connections is open silently drops that
connection's locks. Another process then sees nobody using the file, checkpoints the -wal and
deletes it, and our next commits go to a deleted -wal: lost when the app quits or is killed.

So the database file is opened without SQLite only when no Store of this process holds it:
``hold`` when a Store's connection opens, ``release`` when it closes, ``is_held`` before a
plain read. Files are told apart by device and inode (a restore puts a new file at the path).
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

Key = tuple[int, int]
_held: Counter[Key] = Counter()
_lock = threading.Lock()        # stores open and close on worker threads too


def _key(path: Path) -> Key | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def hold(path: Path) -> Key | None:
    """Note that a connection of this process now holds ``path``; the key to release."""
    key = _key(path)
    if key is not None:
        with _lock:
            _held[key] += 1
    return key


def release(key: Key | None) -> None:
    if key is None:
        return
    with _lock:
        _held[key] -= 1
        if _held[key] <= 0:
            del _held[key]


def is_held(path: Path) -> bool:
    """A connection of this process holds the file now at ``path``: never open it plainly."""
    key = _key(path)
    with _lock:
        return key is not None and _held[key] > 0
