"""model/cli/__init__.py: how a command registers (``@command``, ``@arguments``) and the parser
main.py builds from every module in model/cli (#2, #11)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import model.cli as cli
from model.cli import arguments, build_parser, command, load_commands
from tests.helpers import ROOT
from tests.model.cli.helpers import fails


@pytest.fixture
def registry(monkeypatch):
    """A copy of the command registry, so commands made here do not leak into other tests."""
    load_commands()
    commands = dict(cli.COMMANDS)
    monkeypatch.setattr(cli, "COMMANDS", commands)
    return commands


def test_an_unknown_command_is_refused_by_the_parser(run):
    """A misspelt command is argparse's "invalid choice" on stderr with a non-zero exit, not
    an attempt to open the desktop app (#2)."""
    run("list")
    fails(run("nonsense-command"), "invalid choice")


def test_a_command_registers_with_its_docstring_options_and_flags(registry):
    """@command records the name, the one-line help, the docstring as the long --help text,
    the options @arguments gave, and whether the store is opened (restore gets the path)."""
    def options(parser):
        parser.add_argument("--times", type=int, default=1)

    @command("test-echo", "say something", opens_store=False, seed_if_new=False)
    @arguments(options)
    def echo(db_path, args, out):
        """Print the path, --times times."""
        print(str(db_path) * args.times, file=out)
        return 0

    registered = registry["test-echo"]
    assert (registered.help, registered.description) == ("say something",
                                                         "Print the path, --times times.")
    assert registered.run is echo and not registered.opens_store and not registered.seed_if_new
    args = build_parser().parse_args(["test-echo", "--times", "3"])
    assert (args.command, args.times) == ("test-echo", 3)


def test_a_command_without_options_or_docstring_still_parses(registry):
    """No @arguments: no options (an unknown one is refused); no docstring: --help shows the
    one-line help instead."""
    @command("test-bare", "bare command")
    def bare(tracker, args, out):
        return 0
    assert registry["test-bare"].description == "bare command"
    assert registry["test-bare"].opens_store and registry["test-bare"].seed_if_new
    parser = build_parser()
    assert parser.parse_args(["test-bare"]).command == "test-bare"
    with pytest.raises(SystemExit):
        parser.parse_args(["test-bare", "--times", "2"])


def test_every_module_registers_its_commands_and_db_goes_anywhere():
    """load_commands imports every module in model/cli, so each one's commands are in the
    parser; --db is accepted before or after the command (both are documented)."""
    parser = build_parser()
    for name in ("list", "show", "import", "export", "restore", "add-catalyst", "upcoming",
                 "import-prices", "event-study"):
        assert name in cli.COMMANDS, name
    assert parser.parse_args(["--db", "a.sqlite3", "list"]).db == "a.sqlite3"
    assert parser.parse_args(["list", "--db", "b.sqlite3"]).db == "b.sqlite3"
    assert parser.parse_args([]).command is None
    assert parser.parse_args(["--version"]).version


def test_the_plain_parser_needs_no_qt_and_gui_commands_join_when_asked():
    """Without extra modules the parser registers no Qt command and imports no Qt (the command
    line stays fast and works without a display); main.py's gui.commands adds export-pdf."""
    code = ("import sys; from model.cli import COMMANDS, build_parser; build_parser(); "
            "print('export-pdf' in COMMANDS, 'PySide6' in sys.modules); "
            "build_parser(('gui.commands',)); print('export-pdf' in COMMANDS)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=60).stdout.split()
    assert out == ["False", "False", "True"]
