"""Price commands: import-prices and event-study."""

from __future__ import annotations

import argparse
import functools
from typing import TYPE_CHECKING, TextIO

from model.cli import arguments, command
from model.cli.table import render

if TYPE_CHECKING:
    from model.service import Tracker


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("ticker", help="the company's ticker (as stored, any case)")
    p.add_argument("file", help="a CSV (, ; or tab separated) or a spreadsheet (.xlsx, .xls, "
                                ".ods): Yahoo's Date,Open,High,Low,Close,Adj Close,Volume or a "
                                "plain date,close")
    p.add_argument("--create", metavar="NAME",
                   help="if no company has this ticker, add one with this name (for an index "
                        "used as a thesis benchmark)")


@command("import-prices", "import daily prices for a company from a CSV (all or nothing)")
@arguments(_import_args)
def cmd_import_prices(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Import daily closes for the company with TICKER. The file is a Yahoo Finance download
    (Date,Open,High,Low,Close,Adj Close,Volume; the adjusted close is used where given) or a
    plain two-column date,close file. Days already stored are replaced, others kept. Rows of
    "null" prices (days without trading) are skipped; any other bad row refuses the whole file
    and the bad rows are listed. UTF-8, UTF-16 and GB18030/GBK files are recognised; in a
    semicolon-separated file a comma is the decimal mark (12,5)."""
    company = tracker.prices.company_for_ticker(args.ticker, create_as=args.create)
    done = tracker.prices.import_file(company.id, args.file)
    kind = "adjusted closes" if done.adjusted else "closes"
    print(f"Imported {done.rows} daily {kind} for {company.label} ({done.first} to "
          f"{done.last}) from {args.file}.", file=out)
    if done.skipped:
        print(f"Skipped {done.skipped} row(s) without prices (days without trading).", file=out)
    return 0


def _study_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title (an unambiguous prefix, any case)")
    p.add_argument("--horizons", default="1,5,20",
                   help="trading days after the event, comma-separated (default 1,5,20)")


@command("event-study", "returns of the beneficiaries around each done catalyst")
@arguments(_study_args)
def cmd_event_study(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """For each done catalyst and each beneficiary with prices: the return from the close
    before the event to 1, 5 and 20 trading days after it, and the excess over the thesis's
    benchmark ticker when one is set and has prices. Day 0 is the first trading day on or after
    the date the catalyst happened; the base is the close before day 0."""
    from model.analysis.event_study import event_study, percent
    from model.errors import ValidationError
    try:
        horizons = tuple(sorted({int(h) for h in args.horizons.split(",") if h.strip()}))
    except ValueError:
        raise ValidationError(f"--horizons takes whole numbers like 1,5,20, not "
                              f"{args.horizons!r}.") from None
    if not horizons or min(horizons) < 1 or max(horizons) > 2_520:
        raise ValidationError("--horizons takes whole numbers of trading days from 1 to 2,520 "
                              "(ten years).")
    thesis_id = tracker.theses.resolve(args.thesis)
    study = event_study(tracker, thesis_id, horizons)
    p = functools.partial(print, file=out)
    p(f"#{thesis_id} {tracker.theses.get(thesis_id).title}")
    if study.benchmark:
        note = "" if study.benchmark_has_prices else " (no prices: import them for excess returns)"
        p(f"Benchmark: {study.benchmark}{note}")
    if study.without_prices:
        p(f"No prices for: {', '.join(study.without_prices)}")
    if not study.rows:
        p("No event returns: the thesis needs done catalysts with a date and beneficiaries "
          "with prices around that date (python main.py import-prices TICKER FILE)."
          if study.events else "No done catalysts with a date yet.")
        return 0
    headers = ["date", "catalyst", "company", "base"] + [f"+{h}d" for h in horizons]
    if study.benchmark_has_prices:
        headers += [f"xs +{h}d" for h in horizons]
    rows = []
    for r in study.rows:
        row = [r.happened_on, r.catalyst, r.ticker or r.company, f"{r.base_close:.2f}"]
        row += [percent(r.returns[h]) for h in horizons]
        if study.benchmark_has_prices:
            row += [percent(r.excess.get(h)) for h in horizons]
        rows.append(row)
    p(render(headers, rows, limits={1: 40, 2: 14}))
    return 0
