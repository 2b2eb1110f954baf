"""Thesis Tracker: parse arguments, open the store, then start the GUI or run one command."""

from __future__ import annotations

import sys


def _versions() -> str:
    from model.about import versions
    return "\n".join(versions())


# Commands that need Qt (PDF export, chart images) register from gui/ and import Qt lazily.
GUI_COMMAND_MODULES: tuple[str, ...] = ("gui.commands", "gui.desktop_entry")


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


def _damage_behind(tracker) -> str | None:
    """Why the open database looks damaged (a full check, on its own connection), or None."""
    if tracker is None:
        return None
    from model.storage import integrity
    try:
        result = integrity.run_full_check(tracker.path)
    except Exception:  # noqa: BLE001 - the question is only "damaged or not"
        return None
    if result.ok:
        return None
    return result.message.replace("it is open read-only so nothing more is written to it",
                                  "nothing was changed")


def _console_for_commands() -> None:
    """On Windows ``thesis-tracker`` is a gui-script (pythonw: no console window, #13), which
    leaves a command no stdout: write to the console it was typed in, or nowhere rather than
    failing. Elsewhere, and under python.exe, nothing changes."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes
    import os
    attached = ctypes.windll.kernel32.AttachConsole(-1)     # ATTACH_PARENT_PROCESS
    target = "CONOUT$" if attached else os.devnull
    sys.stdout = open(target, "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open(target, "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def _say(stream, text: str) -> None:
    """One line on ``stream`` (stderr) if it can take it: a closed or full stderr leaves
    nothing else to tell."""
    try:
        print(text, file=stream, flush=True)
    except Exception:  # noqa: BLE001 - a closed or full stream; nowhere left to say it
        pass


def _quiet_stdout() -> None:
    """Point stdout at nothing: Python's own flush of it at exit would fail again (a reader
    gone, a full disk) and print its complaint after ours."""
    import os
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):   # not a real file (pytest's capture)
        pass
    finally:
        os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    desktop, db = _desktop_only(sys.argv[1:] if argv is None else argv)
    if desktop:
        from gui.app import run
        return run(db)
    _console_for_commands()

    from model.cli import COMMANDS, build_parser
    from model.errors import UserError

    parser = build_parser(GUI_COMMAND_MODULES)
    args, extra = parser.parse_known_args(argv)
    if extra:
        if getattr(args, "command", None) == "search" and all(
                word.startswith("-") and not word.startswith("--") for word in extra):
            args.query += extra     # "-word" leaves a word out; argparse took it for an option
        else:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if sys.stdout is None and (args.version or args.command is not None):
        # Started with stdout closed (`>&-`): say so before the command changes anything,
        # rather than do it and fail on its first line of output.
        _say(sys.stderr, "error: Cannot write the output: standard output is closed.")
        return 1
    if args.version:
        try:
            print(_versions(), flush=True)
        except BrokenPipeError:
            _quiet_stdout()
        except OSError as exc:
            _quiet_stdout()
            _say(sys.stderr, f"error: Cannot write the output: {exc.strerror or exc}.")
            return 1
        return 0
    if args.command is None:
        from gui.app import run
        return run(args.db)

    from model.cli.safe_text import OutputFailed, SafeOutput
    from model.service import Tracker
    from model.storage.store import default_database_path
    cmd = COMMANDS[args.command]
    tracker = None
    # Titles with ESC, BEL or bidi overrides reach the terminal escaped (#14 item 15).
    out, err = SafeOutput(sys.stdout), SafeOutput(sys.stderr)
    try:
        if not cmd.opens_store:
            from pathlib import Path
            code = cmd.run(Path(args.db) if args.db else default_database_path(), args, out)
            out.flush()         # a full disk shows here, not in Python's flush at exit
            return code
        # One command, one process: no undo steps to keep (the desktop app keeps its own).
        # Only the first start in the default data folder loads the demo (#13): a new file
        # named with --db starts empty.
        tracker = Tracker.open(args.db, seed_if_new=None if cmd.seed_if_new else False,
                               undo=False)
        if cmd.name != "check":
            tracker.daily_full_check()
        code = cmd.run(tracker, args, out)
        out.flush()             # a full disk shows here, not in Python's flush at exit
        if tracker.damage:
            # A read on a file that failed its full check may have shown too little (#14).
            _say(err, f"error: {tracker.damage} What is shown above may be incomplete.")
            return 1
        return code
    except UserError as exc:
        from model.errors import ReadOnlyError
        damage = tracker.damage if tracker is not None else None
        message = damage if isinstance(exc, ReadOnlyError) and damage else str(exc)
        _say(err, f"error: {message}")
        return 1
    except OutputFailed as exc:
        # stdout refused a write (`> /dev/full`, an I/O error): one line, not a traceback.
        _quiet_stdout()
        _say(err, f"error: Cannot write the output: {exc.reason}.")
        return 1
    except BrokenPipeError:
        # The reader went away (`list | head`): nothing is wrong. Before the catch-all below
        # (an OSError is an Exception), which turned this into a traceback after a full check.
        _quiet_stdout()
        return 0
    except Exception:
        # Not a UserError: a bug, or damage no check caught (a flipped byte inside a record,
        # which SQLite keeps no checksum for). Damage gets one line; a bug keeps its traceback.
        damage = _damage_behind(tracker)
        if damage is None:
            raise
        _say(err, f"error: {damage}")
        return 1
    except KeyboardInterrupt:
        print("interrupted: the last change was not saved unless it was reported.",
              file=sys.stderr)
        return 130
    finally:
        if tracker is not None:
            tracker.close()


if __name__ == "__main__":
    sys.exit(main())
