"""Thesis Tracker: parse arguments, open the store, then start the GUI or run one command."""

from __future__ import annotations

import sys


def _versions() -> str:
    from model.about import versions
    return "\n".join(versions())


# Commands that need Qt (PDF export, chart images) register from gui/ and import Qt lazily.
GUI_COMMAND_MODULES: tuple[str, ...] = ("gui.commands",)


def _desktop_only(argv: list[str]) -> tuple[bool, str | None]:
    """(True, db) when the arguments only open the desktop app (none, or ``--db PATH``): then
    the start need not build every command's parser (about 35 ms of imports)."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return True, argv[0][len("--db="):]
    return False, None


def main(argv: list[str] | None = None) -> int:
    desktop, db = _desktop_only(sys.argv[1:] if argv is None else argv)
    if desktop:
        from gui.app import run
        return run(db)

    from model.cli import COMMANDS, build_parser
    from model.errors import UserError

    parser = build_parser(GUI_COMMAND_MODULES)
    args = parser.parse_args(argv)
    if args.version:
        print(_versions())
        return 0
    if args.command is None:
        from gui.app import run
        return run(args.db)

    from model.service import Tracker
    from model.storage.store import default_database_path

    cmd = COMMANDS[args.command]
    tracker = None
    try:
        if not cmd.opens_store:
            from pathlib import Path
            return cmd.run(Path(args.db) if args.db else default_database_path(), args, sys.stdout)
        # One command, one process: no undo steps to keep (the desktop app keeps its own).
        tracker = Tracker.open(args.db, seed_if_new=cmd.seed_if_new, undo=False)
        return cmd.run(tracker, args, sys.stdout)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: the last change was not saved unless it was reported.",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if tracker is not None:
            tracker.close()


if __name__ == "__main__":
    sys.exit(main())
