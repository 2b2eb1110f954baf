"""Restore's own rules (model/storage/restore.py, #14 items 2-3)."""

from __future__ import annotations

import shutil

import pytest

from model.service import Tracker
from model.storage import backup as backups
from model.storage import restore


def test_a_copy_left_by_an_older_restore_killed_between_its_renames_is_finished(tracker):
    """Versions before the intent note copied the backup to ``.<sha1>.restoring``, moved the
    database aside, then renamed the copy into place; killed between the renames, the next
    open now finishes the job instead of creating a demo database (#14 item 2)."""
    backup = tracker.backup()
    tracker.theses.add(title="newer than the backup")
    path = tracker.path
    tracker.close()
    legacy = restore._legacy_temp(path)
    shutil.copyfile(backup, legacy)
    backups.move_aside(path)
    assert not path.exists()
    again = Tracker.open(path, seed_if_new=True)
    try:
        assert "newer than the backup" not in [t.title for t in again.theses.all()]
        assert any("interrupted restore" in w for w in again.warnings)
    finally:
        again.close()
    assert not legacy.exists()


def test_the_database_itself_is_not_a_backup_to_restore(tracker):
    """Restoring the file onto itself would move it aside and copy it back from the aside."""
    path = tracker.path
    tracker.close()
    with pytest.raises(restore.UserError, match="database itself"):
        restore.restore(path, path)
