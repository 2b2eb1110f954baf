"""Starting the desktop app where no window can be shown gives a message, not a Qt abort (#3)."""

import main


def test_no_display_is_a_clear_error(monkeypatch, capsys, tmp_path):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    db = tmp_path / "never-created.sqlite3"
    assert main.main(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "no display" in err and "Traceback" not in err
    assert not db.exists()


def test_only_a_bare_start_skips_building_the_command_parser():
    """`python main.py [--db PATH]` opens the app without the full parser; anything else
    (a command, --version, a malformed --db) goes through it and its messages."""
    assert main._desktop_only([]) == (True, None)
    assert main._desktop_only(["--db", "x.sqlite3"]) == (True, "x.sqlite3")
    assert main._desktop_only(["--db=x.sqlite3"]) == (True, "x.sqlite3")
    for argv in (["list"], ["--version"], ["--db"], ["--db="], ["--db", "--version"],
                 ["--db", "x", "list"], ["-h"]):
        assert main._desktop_only(argv) == (False, None), argv


def test_a_malformed_start_gets_the_parsers_message(capsys):
    import pytest
    with pytest.raises(SystemExit) as exit_:
        main.main(["--db"])
    assert exit_.value.code == 2
    assert "--db: expected one argument" in capsys.readouterr().err


def test_about_box_names_the_one_version(qapp):
    """Help ▸ About shows model.__version__, the number --version and pyproject use (#13)."""
    from gui.app import versions
    from model import __version__
    assert versions().splitlines()[0] == f"Thesis Tracker {__version__}"
