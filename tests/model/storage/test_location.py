"""model/storage/location.py: a warning when the database lives where SQLite's locking fails:
a cloud-synced folder or a network drive (#6)."""

from __future__ import annotations

import pytest

from model.storage import location
from model.storage.location import location_warning


@pytest.mark.parametrize("folder, name", [("Dropbox", "dropbox"), ("OneDrive - Work", "onedrive"),
                                          ("Google Drive", "google drive"),
                                          ("坚果云", "坚果云"), ("Nextcloud", "nextcloud")])
def test_a_cloud_synced_folder_is_named(tmp_path, folder, name):
    """A database in a synced folder (two machines writing it) gets a warning naming the service
    (#6)."""
    path = tmp_path / folder / "theses.sqlite3"
    warning = location_warning(path)
    assert warning is not None and f"cloud-synced folder ({name})" in warning


def test_a_local_folder_gets_no_warning(tmp_path, monkeypatch):
    """No false alarm on a local disk (a warning shown every start would be ignored)."""
    monkeypatch.setattr(location, "_is_network_mount", lambda path: False)
    assert location_warning(tmp_path / "theses.sqlite3") is None


def test_a_network_mount_is_named(tmp_path, monkeypatch):
    """/proc/mounts decides: the longest mount point above the file, by its type."""
    mounts = tmp_path / "mounts"
    share = tmp_path / "share"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/x {share} nfs4 rw 0 0\n"
                      f"tmpfs {share}/local tmpfs rw 0 0\n")
    real = location.Path

    class FakePath(type(real())):
        def read_text(self, *args, **kwargs):
            if str(self) == "/proc/mounts":
                return mounts.read_text()
            return super().read_text(*args, **kwargs)
    monkeypatch.setattr(location, "Path", FakePath)
    assert "network drive" in location_warning(share / "theses.sqlite3")
    assert location_warning(share / "local" / "theses.sqlite3") is None


def test_no_proc_mounts_means_no_network_warning(tmp_path, monkeypatch):
    """Without /proc (macOS, Windows, a sandbox) the check says nothing rather than failing."""
    real = location.Path

    class NoProc(type(real())):
        def read_text(self, *args, **kwargs):
            if str(self) == "/proc/mounts":
                raise OSError("no /proc here")
            return super().read_text(*args, **kwargs)
    monkeypatch.setattr(location, "Path", NoProc)
    assert location_warning(tmp_path / "t.sqlite3") is None
