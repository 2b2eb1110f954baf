"""The command line: each module here registers commands; main.py parses and dispatches.

A command is ``(name, help, add_arguments(parser), run(tracker, args, out) -> int)``. Commands
that must not create a database (restore) set ``opens_store=False`` and get the path instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

COMMANDS: dict[str, "Command"] = {}

# Adds a command's options to its parser.
AddArguments = Callable[[argparse.ArgumentParser], None]
# run(tracker, args, out) -> exit code; the first argument is the database path instead for
# a command that does not open the store (opens_store=False).
Run = Callable[..., int]
_Run = TypeVar("_Run", bound=Run)


@dataclass
class Command:
    name: str
    help: str
    description: str
    add_arguments: AddArguments
    run: Run
    opens_store: bool = True
    seed_if_new: bool = True


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


# Options given by @arguments, until @command (the decorator above it) registers the command.
_OPTIONS: dict[Run, AddArguments] = {}


def command(name: str, help: str, *, opens_store: bool = True,
            seed_if_new: bool = True) -> Callable[[_Run], _Run]:
    """Register ``run``; its docstring is the long --help text, ``@arguments`` its options."""
    def register(fn: _Run) -> _Run:
        COMMANDS[name] = Command(name, help, fn.__doc__ or help,
                                 _OPTIONS.pop(fn, _no_arguments), fn, opens_store,
                                 seed_if_new)
        return fn
    return register


def arguments(add: AddArguments) -> Callable[[_Run], _Run]:
    """Give a command its options (``add(parser)``); written below its ``@command``."""
    def attach(fn: _Run) -> _Run:
        _OPTIONS[fn] = add
        return fn
    return attach


def load_commands() -> None:
    import importlib
    import pkgutil

    import model.cli as package
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"model.cli.{info.name}")


def _prog() -> str:
    """How the user started us: ``thesis-tracker`` when installed, else ``python main.py``."""
    import os
    import sys
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if name.startswith("thesis-tracker"):
        return name.removesuffix(".exe")
    return "python main.py"


def build_parser(extra_modules: tuple[str, ...] = ()) -> argparse.ArgumentParser:
    """The parser; ``extra_modules`` register commands that need Qt (main.py passes gui's)."""
    load_commands()
    import importlib
    for name in extra_modules:
        importlib.import_module(name)
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Thesis Tracker: investment theses, their beneficiaries, risks and dated "
                    "catalysts in one local SQLite file. With no command, opens the desktop app.")
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: $THESIS_TRACKER_DB or the user data folder)")
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in sorted(COMMANDS.values(), key=lambda c: c.name):
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.description,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                       help="database file (default: $THESIS_TRACKER_DB or the user data folder)")
        cmd.add_arguments(p)
    return parser
