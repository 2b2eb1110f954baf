"""model/storage/backup_names.py: where backups live and how they are named, and the names of
damaged files set aside. Listing must find exactly this database's backups, newest first, or
restore offers the wrong file (#2, #6)."""

from __future__ import annotations

import datetime as dt
import os

from model.storage.backup_names import (
    aside_name,
    backup_dir_for,
    backup_stem,
    list_backups,
)


def _touch(folder, name, mtime=None):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(b"x")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def test_backups_live_beside_the_real_file(tmp_path):
    """A database opened through a symlink keeps its backups beside the file it points at."""
    real = tmp_path / "data" / "theses.sqlite3"
    real.parent.mkdir()
    real.write_bytes(b"")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    assert backup_dir_for(link) == tmp_path / "data" / "backups"
    loop = tmp_path / "loop.sqlite3"
    loop.symlink_to(loop)
    assert backup_dir_for(loop) == tmp_path / "backups"     # a loop: no crash


def test_only_this_databases_backups_are_listed_newest_first(tmp_path):
    """Another database's backups, look-alike names and temporaries are never offered for restore;
    the reason in the name is kept."""
    db = tmp_path / "theses.sqlite3"
    folder = tmp_path / "backups"
    _touch(folder, "theses-20261120-090000.sqlite3")
    _touch(folder, "theses-20261124-100000-before-import.sqlite3")
    _touch(folder, "theses-20261122-080000-manual-2.sqlite3")
    _touch(folder, "other-20261125-000000.sqlite3")          # another database's
    _touch(folder, "theses-20261399-000000.sqlite3")          # looks like ours: month 13
    _touch(folder, "theses-20261124-100000.sqlite3.partial")
    found = list_backups(db)
    assert [b.path.name for b in found] == ["theses-20261124-100000-before-import.sqlite3",
                                            "theses-20261122-080000-manual-2.sqlite3",
                                            "theses-20261120-090000.sqlite3"]
    assert (found[0].reason, found[0].taken_at) == ("before-import",
                                                    dt.datetime(2026, 11, 24, 10, 0, 0))
    assert found[1].reason == "manual" and found[2].reason == "" and found[2].size == 1
    assert list_backups(tmp_path / "never-backed-up.sqlite3") == []


def test_backups_in_the_same_second_are_ordered_by_when_written(tmp_path):
    """Two backups in one second: 'newest' is the one written last, or restore would bring back the
    older."""
    db = tmp_path / "t.sqlite3"
    folder = tmp_path / "backups"
    _touch(folder, "t-20261124-100000-2.sqlite3", mtime=2_000_000_000)
    _touch(folder, "t-20261124-100000.sqlite3", mtime=1_000_000_000)
    assert [b.path.name for b in list_backups(db)] == ["t-20261124-100000-2.sqlite3",
                                                       "t-20261124-100000.sqlite3"]


def test_a_long_name_gets_a_short_unique_stem(tmp_path):
    """A database with a very long name still gets backups that fit the name limit and are told
    apart from another long name's."""
    short = tmp_path / "theses.sqlite3"
    assert backup_stem(short) == "theses"
    long_a = tmp_path / ("光" * 60 + "a.sqlite3")
    long_b = tmp_path / ("光" * 60 + "b.sqlite3")
    stem_a, stem_b = backup_stem(long_a), backup_stem(long_b)
    assert stem_a != stem_b and len(stem_a.encode()) <= 120 and "~" in stem_a
    name = f"{stem_a}-20261124-100000-before-migration.sqlite3"
    assert len(name.encode()) <= 255
    _touch(tmp_path / "backups", name)
    assert [b.reason for b in list_backups(long_a)] == ["before-migration"]
    assert list_backups(long_b) == []


def test_aside_names_are_numbered_and_fit_the_name_limit(tmp_path):
    """A damaged file set aside never overwrites an earlier one and its name (with -journal) fits
    the file system."""
    db = tmp_path / "theses.sqlite3"
    assert aside_name(db, "20261124-100000") == tmp_path / "theses.sqlite3.damaged-20261124-100000"
    assert aside_name(db, "20261124-100000", 3).name.endswith(".damaged-20261124-100000-3")
    long = tmp_path / ("x" * 250)
    aside = aside_name(long, "20261124-100000")
    assert len((aside.name + "-journal").encode()) <= 255
    assert aside.name.endswith(".damaged-20261124-100000")


def test_two_databases_of_one_stem_keep_their_backups_apart(tmp_path):
    """a.db and a.sqlite3 in one folder: each lists only its own backups (they shared "a-…",
    rotated each other's away, and `restore` on a.db put back a.sqlite3; found by an attack
    on the data layer). A symlink's backups are its target's."""
    folder = tmp_path / "backups"
    (tmp_path / "a.db").write_bytes(b"")
    (tmp_path / "a.sqlite3").write_bytes(b"")
    assert backup_stem(tmp_path / "a.db") == "a.db"
    assert backup_stem(tmp_path / "a.sqlite3") == "a"
    _touch(folder, "a.db-20261120-090000-manual.sqlite3")
    _touch(folder, "a-20261121-090000-manual.sqlite3")
    assert [b.path.name for b in list_backups(tmp_path / "a.db")] == \
        ["a.db-20261120-090000-manual.sqlite3"]
    assert [b.path.name for b in list_backups(tmp_path / "a.sqlite3")] == \
        ["a-20261121-090000-manual.sqlite3"]
    link = tmp_path / "link.db"
    link.symlink_to(tmp_path / "a.db")
    assert backup_stem(link) == "a.db"
    assert list_backups(link) == list_backups(tmp_path / "a.db")


def test_a_databases_backups_from_before_keep_being_found(tmp_path):
    """Backups an earlier version named after the stem alone (b.db -> "b-…") are still b.db's
    when no b.sqlite3 beside it could own them."""
    folder = tmp_path / "backups"
    (tmp_path / "b.db").write_bytes(b"")
    _touch(folder, "b-20261120-090000-daily.sqlite3")
    _touch(folder, "b.db-20261121-090000-daily.sqlite3")
    assert [b.path.name for b in list_backups(tmp_path / "b.db")] == \
        ["b.db-20261121-090000-daily.sqlite3", "b-20261120-090000-daily.sqlite3"]
    (tmp_path / "b.sqlite3").write_bytes(b"")
    assert [b.path.name for b in list_backups(tmp_path / "b.db")] == \
        ["b.db-20261121-090000-daily.sqlite3"]
