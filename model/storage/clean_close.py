"""Skipping the open-time quick_check for a file nobody touched since we closed it cleanly.

``PRAGMA quick_check`` reads every page: 0.2-0.4 s at 10,000 theses, on every start. After a
clean close (our connection was the last, its -wal checkpointed away) we note the file's size,
mtime and inode beside the backups; the next open skips the check when all three still match
and no -wal exists. Anything that writes the file — another program, a sync client, a script
that corrupts it in a test — changes the mtime, so the check runs again.

The note is written only once the coarse file clock has moved past the file's last write, so
a write landing right after our close cannot share its mtime ("racily clean", as git calls it).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from model.storage.backup import backup_dir_for, backup_stem
from model.storage.files import PRIVATE_FILE, make_private_dir, write_atomically

# Longer than any file system's timestamp tick here (ext4 and tmpfs use the kernel's coarse
# clock, a few milliseconds).
_TICK_S = 0.02


def _note(path: Path) -> Path:
    return backup_dir_for(path) / f".{backup_stem(path)}.clean-close.json"


def _signature(path: Path) -> dict[str, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ino": st.st_ino}


def record_clean_close(path: Path) -> None:
    """After the last connection closed: note the file as verified-and-untouched."""
    path = Path(path)
    if Path(str(path) + "-wal").exists():
        return                      # another connection is still open: not a clean close
    signature = _signature(path)
    if signature is None:
        return
    wait = signature["mtime_ns"] / 1e9 + _TICK_S - time.time()
    if wait > 0:
        time.sleep(min(wait, _TICK_S))
    note = _note(path)
    try:
        make_private_dir(note.parent)
        write_atomically(note, json.dumps(signature).encode("utf-8"), mode=PRIVATE_FILE,
                         durable=False)
    except OSError:
        pass                        # only an optimisation: the next open checks in full


def forget(path: Path) -> None:
    try:
        _note(Path(path)).unlink()
    except OSError:
        pass


def untouched_since_clean_close(path: Path) -> bool:
    path = Path(path)
    if Path(str(path) + "-wal").exists():
        return False
    try:
        noted: object = json.loads(_note(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return noted == _signature(path)
