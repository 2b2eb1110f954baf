"""Data commands: import, export, export-ics, check, backup, restore, demo, seed-demo."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from model.cli import arguments, command
from model.errors import UserError
from model.storage import backup as backups

if TYPE_CHECKING:
    from model.service import Tracker


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a JSON bundle (.json), or catalysts as a CSV (, ; or tab "
                                "separated) or a spreadsheet (.xlsx, .xls, .ods)")


@command("import", "import a JSON bundle, or catalysts from a CSV or spreadsheet (all or nothing)")
@arguments(_import_args)
def cmd_import(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Import a file in one transaction. A JSON bundle (see docs/bundle-format.md) adds theses
    with everything they hold; a CSV (separated by commas, semicolons or tabs) or a spreadsheet
    (.xlsx, .xls, .ods; the first sheet) adds catalysts to existing theses, with columns thesis,
    title, expected (required) and status, done_on, note, impact, description (optional).
    UTF-8, UTF-8 with BOM, UTF-16 and GB18030/GBK files are recognised; a file mixing
    encodings is refused. Any bad row: nothing is imported (no backup is taken) and the bad
    rows are listed."""
    path = Path(args.file)
    from model.interchange.peer import looks_like_peer
    from model.interchange.peer_import import import_peer_file
    if looks_like_peer(path):   # a market-catalyst-calendar dataset (#7)
        from model.cli.review import report_peer_import
        return report_peer_import(import_peer_file(tracker, path), path, out)
    from model.interchange.table_file import is_table_file
    if is_table_file(path):
        from model.interchange.catalyst_csv import import_catalyst_csv
        n = import_catalyst_csv(tracker, path)
        print(f"Imported {n} catalyst(s) from {path}.", file=out)
        return 0
    from model.interchange.bundle import import_bundle, read_bundle_file
    counts = import_bundle(tracker, read_bundle_file(path))
    print(f"Imported {counts['theses']} thesis(es), {counts['catalysts']} catalyst(s), "
          f"{counts['risks']} risk(s), {counts['companies']} new company(ies) and "
          f"{counts['sources']} source(s) from {path}.", file=out)
    return 0


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="where to write the JSON bundle")
    p.add_argument("--thesis", action="append", help="only this thesis (repeatable)")


@command("export", "export everything (or some theses) as a JSON bundle")
@arguments(_export_args)
def cmd_export(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Write a JSON bundle with everything, history included. Exporting, importing into an empty
    database and exporting again gives an identical file."""
    from model.interchange.bundle import write_bundle
    ids = [tracker.theses.resolve(t) for t in args.thesis] if args.thesis else None
    bundle = write_bundle(tracker, args.file, ids)
    print(f"Exported {len(bundle['theses'])} thesis(es) to {args.file}.", file=out)
    return 0


def _ics_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="where to write the .ics calendar")
    p.add_argument("--thesis", action="append", help="only this thesis (repeatable)")
    p.add_argument("--pending-only", action="store_true", help="only catalysts still pending")


@command("export-ics", "export catalysts as an iCalendar file")
@arguments(_ics_args)
def cmd_export_ics(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Every catalyst as an all-day event over its expected window, with a stable UID, the thesis
    and the status in its text."""
    from model.interchange.ics import export_ics
    ids = [tracker.theses.resolve(t) for t in args.thesis] if args.thesis else None
    n = export_ics(tracker, args.file, thesis_ids=ids, pending_only=args.pending_only)
    print(f"Wrote {n} event(s) to {args.file}.", file=out)
    return 0


def _check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--repair", action="store_true",
                   help="rewrite text that is not valid UTF-8 (a backup is taken first)")


@command("check", "check the database: integrity, foreign keys, text, dates, schema version, "
                  "backups")
@arguments(_check_args)
def cmd_check(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Run integrity_check and foreign_key_check, look for text that is not valid UTF-8, and
    report the schema version and backups. Exits 1 when a problem is found. --repair replaces
    the undecodable bytes with U+FFFD (after a backup, which keeps the raw bytes)."""
    if args.repair:
        from model.storage.integrity import repair_text
        repaired = repair_text(tracker.store)
        print(f"Repaired {repaired} text value(s)." if repaired else "No text needed repair.",
              file=out)
    report = tracker.check()
    p = functools.partial(print, file=out)
    p(f"Database:       {tracker.path}")
    p(f"Integrity:      {'ok' if report.integrity == ['ok'] else '; '.join(report.integrity)}")
    p(f"Foreign keys:   {'ok' if not report.foreign_key_problems else report.foreign_key_problems}")
    p(f"Schema version: {report.schema_version}")
    if report.undecodable:
        cells = report.undecodable
        listed = ", ".join(c.describe() for c in cells[:5])
        more = f" and {len(cells) - 5} more" if len(cells) > 5 else ""
        p(f"Text:           {len(cells)} value(s) are not valid UTF-8 text ({listed}{more}): "
          f"bytes another program wrote; bad ones show as \ufffd. Repair them with: python "
          f"main.py check --repair")
    else:
        p("Text:           ok")
    if report.bad_dates:
        dates = report.bad_dates
        listed = ", ".join(d.describe() for d in dates[:5])
        more = f" and {len(dates) - 5} more" if len(dates) > 5 else ""
        p(f"Dates:          {len(dates)} value(s) are no YYYY-MM-DD date ({listed}{more}); "
          f"the app reads them as no date. Set them with edit-catalyst, set-window, "
          f"edit-thesis or edit-source")
    else:
        p("Dates:          ok")
    if report.newest_backup and report.newest_backup_age is not None:   # set together
        hours = report.newest_backup_age.total_seconds() / 3600
        p(f"Backups:        {report.backups}, newest {report.newest_backup.name} "
          f"({hours:.1f} h old)")
    else:
        p("Backups:        none yet (python main.py backup takes one)")
    from model.storage.location import location_warning
    place = location_warning(tracker.path)
    for warning in [w for w in [place, *tracker.store.warnings] if w]:
        p(f"Warning:        {warning}")
    return 0 if report.ok else 1


@command("backup", "take a verified backup now")
def cmd_backup(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Copy the database with SQLite's backup API into backups/ beside it, verify the copy with
    integrity_check, then keep the newest 10 plus one per day for 7 days."""
    path = tracker.backup()
    print(f"Backed up to {path}", file=out)
    return 0


def _restore_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="the backup to restore (default: the newest good one)")
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help="how long to wait for commands still using the database (default 10)")


@command("restore", "replace the database with a backup (the current file is kept aside)",
         opens_store=False)
@arguments(_restore_args)
def cmd_restore(db_path: Path, args: argparse.Namespace, out: TextIO) -> int:
    """Restore a verified backup: only a healthy Thesis Tracker database this version can open.
    The current database is not deleted: it is kept with a timestamp beside the original. The
    swap is atomic (a crash leaves the old file or the new one; the next start finishes it).
    Refused while the desktop app has the database open; waits for commands using it."""
    from model.storage.files import regular_file_problem
    problem = regular_file_problem(db_path)
    if problem and not (args.list and "does not exist" in problem):
        raise UserError(f"Cannot restore into {db_path}: it {problem}. Nothing was changed.")
    if args.list:
        found = backups.list_backups(db_path)
        if not found:
            print(f"No backups of {db_path}.", file=out)
        for b in found:
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason:16} {b.path}", file=out)
        return 0
    source = Path(args.file) if args.file else backups.newest_good_backup(db_path)
    if source is None:
        raise UserError(f"There is no good backup of {db_path} to restore.")
    if args.wait is not None and not 0 <= args.wait <= 3600:
        raise UserError("--wait takes a number of seconds from 0 to 3600.")
    aside = backups.restore(db_path, source, wait=args.wait)
    print(f"Restored {db_path} from {source}.", file=out)
    if aside:
        print(f"The previous file was kept as {aside}.", file=out)
    return 0


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--remove", action="store_true",
                   help="take the demo theses out (with the demo's companies and sources that "
                        "nothing else uses)")


@command("demo", "load the demo theses (or take them out with --remove)", seed_if_new=False)
@arguments(_demo_args)
def cmd_demo(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Only the first start in the default data folder loads the demo theses (#13); this loads
    them into any database, once: five theses on optical interconnect written from three
    research notes, recognisable by their external_ref (thesis-tracker-demo:...). --remove
    deletes them again, as Edit ▸ Remove demo theses does in the app."""
    from model.demo import demo_thesis_ids
    if args.remove:
        removed = tracker.ops.remove_demo().value
        print(f"Removed {removed} demo thes{'is' if removed == 1 else 'es'} from {tracker.path}."
              if removed else f"There are no demo theses in {tracker.path}.", file=out)
        return 0
    if demo_thesis_ids(tracker):
        print(f"The demo theses are already in {tracker.path}.", file=out)
        return 0
    counts = tracker.ops.load_demo().value
    print(f"Loaded {counts['theses']} demo theses into {tracker.path}.", file=out)
    return 0


def _seed_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("count", type=int, help="how many synthetic theses to add")
    p.add_argument("--catalysts", type=int, default=10, help="catalysts per thesis (default 10)")


@command("seed-demo", "add N synthetic theses (~10 catalysts each) for benchmarks",
         seed_if_new=False)
@arguments(_seed_args)
def cmd_seed_demo(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Fill the database with synthetic theses, catalysts, risks and companies in one
    transaction; for trying the app and for benchmarks at scale."""
    from model.demo import seed_demo
    if not 1 <= args.count <= 1_000_000:
        raise UserError(f"The count must be from 1 to 1,000,000, not {args.count:,}.")
    if not 0 <= args.catalysts <= 1_000:
        raise UserError(f"--catalysts must be from 0 to 1,000, not {args.catalysts:,}.")
    seed_demo(tracker, args.count, catalysts_per_thesis=args.catalysts)
    print(f"Added {args.count} synthetic theses to {tracker.path}.",
          file=sys.stdout if out is None else out)
    return 0
