"""gui/app.py: the QApplication, the versions Help ▸ About shows, and a start with no display
(#3)."""

from __future__ import annotations

import main


def test_no_display_is_a_clear_error(monkeypatch, capsys, tmp_path):
    """Starting the desktop app where no window can be shown gives a message, not a Qt abort,
    and creates no database (#3)."""
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    db = tmp_path / "never-created.sqlite3"
    assert main.main(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "no display" in err and "Traceback" not in err
    assert not db.exists()
