"""Warnings about where a database lives: network drives and cloud-synced folders break SQLite's
locking and can corrupt a database that two machines write."""

from __future__ import annotations

from pathlib import Path

from model.messages import message

_SYNCED = ("dropbox", "onedrive", "google drive", "googledrive", "icloud", "mobile documents",
           "box sync", "pcloud", "nextcloud", "owncloud", "坚果云", "百度网盘")


def location_warning(path: Path) -> str | None:
    text = str(Path(path).resolve()).lower()
    for name in _SYNCED:
        if name in text:
            return message("The database is in a cloud-synced folder ({name}). Syncing can "
                           "copy it half-written or from two machines at once: keep it on a "
                           "local disk and back up instead.", name=name)
    if text.startswith(("//", "\\\\")) or _is_network_mount(Path(path)):
        return message("The database is on a network drive, where SQLite's locking is "
                       "unreliable: keep it on a local disk.")
    return None


def _is_network_mount(path: Path) -> bool:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    best, kind = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "davfs"}
