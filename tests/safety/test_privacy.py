"""A finance journal is private, and an export is whole once it is reported (#14 items 12, 14):
folders the app creates are 0700 and files 0600, restore keeps the database's mode, exports are
written through an exclusively created temporary that never follows a planted symlink, and
every atomic write syncs the file and its folder before "Exported" is printed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import main
from model.service import Tracker
from model.storage import backup as backups


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)          # what most desktops run with: files 0644 unless made private
    yield
    os.umask(old)


def test_folders_and_files_the_app_creates_are_private(tmp_path, clock):
    """The data folder, backups/ and every file in them (database, -wal, -shm, lock files,
    backups, notes) used to be 0755/0644: anyone on the machine could read the journal
    (#14 item 14)."""
    db = tmp_path / "data" / "nested" / "theses.sqlite3"
    tracker = Tracker.open(db, seed_if_new=True, clock=clock, single_instance=True)
    tracker.theses.add(title="private")
    tracker.backup()
    assert mode(db.parent) == mode(db.parent.parent) == 0o700
    assert mode(db.parent / "backups") == 0o700
    for path in [db, Path(str(db) + "-wal"), Path(str(db) + "-shm")]:
        assert mode(path) == 0o600, path
    tracker.close()
    made = [p for p in db.parent.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".lock") for p in made)
    assert any(p.parent.name == "backups" and p.suffix == ".sqlite3" for p in made)
    wide = {str(p.relative_to(tmp_path)): oct(mode(p)) for p in made if mode(p) != 0o600}
    assert not wide, wide


def test_backups_of_a_private_database_are_private_and_restore_keeps_the_mode(tmp_path, clock):
    """A 0600 database got 0644 backups, and `restore` widened it to 0644 (#14 item 14)."""
    db = tmp_path / "theses.sqlite3"
    Tracker.open(db, seed_if_new=True, clock=clock).close()
    os.chmod(db, 0o640)
    tracker = Tracker.open(db, clock=clock, daily_backup=False)
    backup = tracker.backup()
    tracker.close()
    assert mode(backup) == 0o600
    backups.restore(db, backup)
    assert mode(db) == 0o640


@pytest.mark.parametrize("command, name", [("export", "out.json"), ("export-ics", "out.ics"),
                                           ("export-pdf", "out.pdf"), ("export-md", "out.md")])
def test_exports_are_private_and_never_follow_a_planted_symlink(command, name, tracker, tmp_path,
                                                                 capsys):
    """An export is 0600; a symlink planted at the name its temporary file used to have
    (``.<name>.partial``) is neither followed nor overwritten: the file it points to keeps its
    content (#14 item 14)."""
    out = tmp_path / "exports"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / f".{name}.partial").symlink_to(victim)
    path = tracker.path
    tracker.close()
    args = [str(out / name)] if command in ("export", "export-ics") else ["1", "-o",
                                                                          str(out / name)]
    assert main.main(["--db", str(path), command, *args]) == 0, capsys.readouterr()
    assert victim.read_text() == "keep me"
    assert mode(out / name) == 0o600 and (out / name).stat().st_size > 100
    # The Markdown's timeline picture, and nothing half-written left beside them (the PDF
    # and the PNG were 0644: Qt created them; found by a walk through the app).
    for picture in out.glob("*.png"):
        assert mode(picture) == 0o600
    assert [p.name for p in out.iterdir() if p.name.endswith(".partial")] == [
        f".{name}.partial"]


def test_markdown_export_is_private(tracker, tmp_path):
    """The Markdown document is private like the other exports (#14 item 14)."""
    from model.interchange.markdown import export_markdown
    target = tmp_path / "t.md"
    export_markdown(tracker, 1, target)
    assert mode(target) == 0o600


def test_re_export_keeps_the_mode_the_user_gave_the_file(tracker, tmp_path):
    """Writing over an export the user made readable to others keeps their choice."""
    from model.interchange.bundle import write_bundle
    target = tmp_path / "shared.json"
    write_bundle(tracker, target)
    os.chmod(target, 0o644)
    write_bundle(tracker, target)
    assert mode(target) == 0o644


def test_every_export_is_synced_with_its_folder_before_it_is_reported(tracker, tmp_path,
                                                                      monkeypatch):
    """Exports were renamed into place without fsync: a crash right after "Exported" could
    leave an empty file. Now the data is synced before the rename and the folder after it
    (#14 item 12)."""
    from model.interchange.bundle import write_bundle
    from model.interchange.ics import export_ics
    from model.interchange.markdown import export_markdown
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def replace(src, dst, *args, **kwargs):
        events.append(("rename", str(dst)))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    for write, name in ((lambda p: write_bundle(tracker, p), "a.json"),
                        (lambda p: export_ics(tracker, p), "a.ics"),
                        (lambda p: export_markdown(tracker, 1, p), "a.md")):
        events.clear()
        target = tmp_path / name
        write(target)
        renamed = events.index(("rename", str(target)))
        synced_file = [i for i, (kind, what) in enumerate(events)
                       if kind == "fsync" and Path(what).name.startswith(f".{name}.")]
        synced_dir = [i for i, (kind, what) in enumerate(events)
                      if kind == "fsync" and what == str(tmp_path)]
        assert synced_file and synced_file[0] < renamed, (name, events)
        assert synced_dir and synced_dir[-1] > renamed, (name, events)
