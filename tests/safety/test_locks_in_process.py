"""POSIX drops every fcntl lock a process holds on a file when it closes any descriptor of it
(model.storage.held). A second connection opened in the app (an export's, an import's) once
read the file's header with a plain open and close, releasing the app's SQLite locks: a
terminal command then checkpointed and deleted the -wal, and the app's next commits went to a
deleted file, lost when it was killed. Replayed with real processes and SIGKILL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from model.service import Tracker
from tests.safety.helpers import fork, kill_and_collect, say, wait_for_line

ROOT = Path(__file__).resolve().parents[2]


def _app(out_fd: int, db: str) -> None:
    """The app: open the database, run an export on a connection of its own, then wait for
    the word to write a thesis, say it is committed, and wait to be killed."""
    tracker = Tracker.open(db, daily_backup=False)
    own = Tracker.open(db, daily_backup=False, undo=False)      # File ▸ Export JSON…
    own.close()
    say(out_fd, "ready")
    import time
    while not os.path.exists(db + ".go"):
        time.sleep(0.01)
    thesis = tracker.ops.add_thesis(title="Committed before the kill").value
    say(out_fd, "committed", thesis.id)
    time.sleep(60)


def test_a_commit_after_a_terminal_command_survives_sigkill(tmp_path):
    db = tmp_path / "theses.sqlite3"
    Tracker.open(db, seed_if_new=True, daily_backup=False).close()
    pid, fd = fork(_app, str(db))
    wait_for_line(fd, "ready")
    listed = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "list"],
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    Path(f"{db}.go").touch()
    thesis_id = int(wait_for_line(fd, "committed").split()[-1])
    kill_and_collect(pid, fd)
    after = Tracker.open(db, daily_backup=False)
    try:
        assert after.theses.get(thesis_id).title == "Committed before the kill"
    finally:
        after.close()
