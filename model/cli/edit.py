"""Every edit the desktop app makes, from the command line: the same model operations.

add-catalyst, set-window, edit-catalyst, delete-catalyst; add-risk, edit-risk, delete-risk;
add-beneficiary, remove-beneficiary, edit-company, merge-companies; add-source, cite, uncite,
edit-source, delete-source; edit-thesis, delete-thesis. Deleting asks first (or takes --yes).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from model.changes import quoted
from model.cli import arguments, command
from model.constants import RISK_STATUSES
from model.errors import UserError, ValidationError

if TYPE_CHECKING:
    from model.service import Tracker


def _confirm(args: argparse.Namespace, question: str, out: TextIO) -> None:
    """Ask before deleting (y/N); refuse when nobody can answer and --yes was not given."""
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise UserError(f"{question} Add --yes to delete without asking (nothing was deleted).")
    print(f"{question} [y/N] ", end="", file=out, flush=True)
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes"):
        raise UserError("Nothing was deleted.")


def _fields(args: argparse.Namespace, names: dict[str, str]) -> dict[str, Any]:
    """The options given (not None), by model field name."""
    fields = {field: getattr(args, option) for option, field in names.items()
              if getattr(args, option) is not None}
    if not fields:
        options = ", ".join("--" + option.replace("_", "-") for option in names)
        raise ValidationError(f"Nothing to change: give one or more of {options}.")
    return fields


def _thesis(tracker: Tracker, ref: int | str) -> int:
    return tracker.theses.resolve(ref)


def _catalyst(tracker: Tracker, args: argparse.Namespace) -> int:
    thesis_id = tracker.theses.resolve(args.thesis) if args.thesis else None
    return tracker.catalysts.resolve(args.catalyst, thesis_id=thesis_id)


def _risk(tracker: Tracker, args: argparse.Namespace) -> int:
    thesis_id = tracker.theses.resolve(args.thesis) if args.thesis else None
    return tracker.risks.resolve(args.risk, thesis_id=thesis_id)


def _yes(p: argparse.ArgumentParser) -> None:
    p.add_argument("--yes", "-y", action="store_true", help="delete without asking")


# -- catalysts ---------------------------------------------------------------------------------
def _add_catalyst_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title (an unambiguous prefix)")
    p.add_argument("title", help="what would happen, e.g. 'NVIDIA ships Ethernet CPO switches'")
    p.add_argument("--expected", required=True, metavar="WINDOW",
                   help="when: H2 2026, 2H26, Q3 2026, end of 2027, 2026-05-20, 2026年下半年")
    p.add_argument("--impact", choices=("+", "-"), default="+",
                   help="+ confirms the thesis, - would hurt it (default +)")
    p.add_argument("--description", "--note", dest="description", default="",
                   help="details (kept with the catalyst)")


@command("add-catalyst", "add a dated catalyst to a thesis")
@arguments(_add_catalyst_args)
def cmd_add_catalyst(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Add a catalyst with its expected window, as research writes it. The window given here
    is its first: moving it later afterwards (set-window) is what counts as a slip."""
    result = tracker.ops.add_catalyst(_thesis(tracker, args.thesis), title=args.title,
                                      expected=args.expected, impact=args.impact,
                                      description=args.description)
    c = result.value
    print(f"Added catalyst #{c.id} {c.title}: {c.expected} ({c.describe_window()})", file=out)
    return 0


def _set_window_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("catalyst", help="catalyst id or title prefix")
    p.add_argument("expected", metavar="WINDOW", help="the new expected window")
    p.add_argument("--thesis", help="limit title matching to this thesis")
    p.add_argument("--note", default="", help="why it moved (kept in the history)")


@command("set-window", "move a catalyst's expected window (a later window is a slip)")
@arguments(_set_window_args)
def cmd_set_window(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Move the expected window. A window that ends later than before is recorded as a slip
    (the scorecard counts it); an earlier one as a move."""
    catalyst_id = _catalyst(tracker, args)
    before = tracker.catalysts.get(catalyst_id).expected
    c = tracker.ops.set_window(catalyst_id, args.expected, note=args.note).value
    print(f"Catalyst #{c.id} {c.title}: {before} -> {c.expected} ({c.describe_window()})",
          file=out)
    return 0


def _edit_catalyst_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("catalyst", help="catalyst id or title prefix")
    p.add_argument("--thesis", help="limit title matching to this thesis")
    p.add_argument("--title")
    p.add_argument("--description")
    p.add_argument("--impact", choices=("+", "-"))
    p.add_argument("--outcome", help="what came of it")
    p.add_argument("--happened-on", metavar="YYYY-MM-DD", help="the day it happened")


@command("edit-catalyst", "edit a catalyst's title, description, impact, outcome or date")
@arguments(_edit_catalyst_args)
def cmd_edit_catalyst(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Edit a catalyst's fields (its window: set-window; its status: tick)."""
    fields = _fields(args, {"title": "title", "description": "description", "impact": "impact",
                            "outcome": "outcome", "happened_on": "happened_on"})
    c = tracker.ops.edit_catalyst(_catalyst(tracker, args), **fields).value
    print(f"Catalyst #{c.id} {c.title}: edited {', '.join(fields)}", file=out)
    return 0


def _delete_catalyst_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("catalyst", help="catalyst id or title prefix")
    p.add_argument("--thesis", help="limit title matching to this thesis")
    _yes(p)


@command("delete-catalyst", "delete a catalyst (asks first, or --yes)")
@arguments(_delete_catalyst_args)
def cmd_delete_catalyst(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Delete a catalyst and its citations; its history rows stay with the thesis."""
    catalyst_id = _catalyst(tracker, args)
    c = tracker.catalysts.get(catalyst_id)
    _confirm(args, f"Delete catalyst #{c.id} {quoted(c.title)}?", out)
    tracker.ops.delete_catalyst(catalyst_id)
    print(f"Deleted catalyst #{c.id} {c.title}", file=out)
    return 0


# -- risks -------------------------------------------------------------------------------------
def _add_risk_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    p.add_argument("title", help="what would break the thesis")
    p.add_argument("--description", default="")
    p.add_argument("--severity", type=int, default=3, help="1-5 (default 3)")
    p.add_argument("--likelihood", type=int, default=3, help="1-5 (default 3)")


@command("add-risk", "add a risk that would break a thesis")
@arguments(_add_risk_args)
def cmd_add_risk(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Add a risk with its severity and likelihood (1-5 each; the list sorts by their
    product)."""
    r = tracker.ops.add_risk(_thesis(tracker, args.thesis), title=args.title,
                             description=args.description, severity=args.severity,
                             likelihood=args.likelihood).value
    print(f"Added risk #{r.id} {r.title} ({r.severity}x{r.likelihood}={r.score})", file=out)
    return 0


def _edit_risk_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("risk", help="risk id or title prefix")
    p.add_argument("--thesis", help="limit title matching to this thesis")
    p.add_argument("--title")
    p.add_argument("--description")
    p.add_argument("--severity", type=int)
    p.add_argument("--likelihood", type=int)
    p.add_argument("--status", choices=RISK_STATUSES)
    p.add_argument("--note", default="", help="why the status changed (kept in the history)")


@command("edit-risk", "edit a risk (a status change is kept in the history)")
@arguments(_edit_risk_args)
def cmd_edit_risk(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Edit a risk's title, description, scores or status (open, materialised, retired)."""
    fields = _fields(args, {"title": "title", "description": "description",
                            "severity": "severity", "likelihood": "likelihood",
                            "status": "status"})
    r = tracker.ops.edit_risk(_risk(tracker, args), note=args.note, **fields).value
    print(f"Risk #{r.id} {r.title}: edited {', '.join(fields)}", file=out)
    return 0


def _delete_risk_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("risk", help="risk id or title prefix")
    p.add_argument("--thesis", help="limit title matching to this thesis")
    _yes(p)


@command("delete-risk", "delete a risk (asks first, or --yes)")
@arguments(_delete_risk_args)
def cmd_delete_risk(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Delete a risk and its citations."""
    risk_id = _risk(tracker, args)
    r = tracker.risks.get(risk_id)
    _confirm(args, f"Delete risk #{r.id} {quoted(r.title)}?", out)
    tracker.ops.delete_risk(risk_id)
    print(f"Deleted risk #{r.id} {r.title}", file=out)
    return 0


# -- companies and beneficiaries -----------------------------------------------------------------
def _add_beneficiary_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    p.add_argument("company", help="a known company (id, ticker or name), or a new name")
    p.add_argument("--ticker", help="ticker of a new company, e.g. 300308.SZ")
    p.add_argument("--local-name", default="", help="its name in its own language, e.g. 中际旭创")
    p.add_argument("--exchange", default="", help="e.g. SZSE, SSE, HKEX, NASDAQ")
    p.add_argument("--country", default="")
    p.add_argument("--role", default="", help="how it benefits, e.g. '800G/1.6T modules'")


@command("add-beneficiary", "add a company that benefits from a thesis")
@arguments(_add_beneficiary_args)
def cmd_add_beneficiary(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Add a beneficiary: a known company by id, ticker or name, or a new company (with
    --ticker, --local-name, --exchange)."""
    thesis_id = _thesis(tracker, args.thesis)
    known = None
    if not args.ticker:
        try:
            known = tracker.companies.resolve(args.company)
        except UserError:
            known = None
    if known is not None:
        b = tracker.ops.add_beneficiary(thesis_id, company_id=known, role=args.role).value
    else:
        b = tracker.ops.add_beneficiary(thesis_id, name=args.company, ticker=args.ticker,
                                        local_name=args.local_name, exchange=args.exchange,
                                        country=args.country, role=args.role).value
    label = " ".join(x for x in (b.name, b.local_name, f"({b.ticker})" if b.ticker else "") if x)
    print(f"Added beneficiary {label} to thesis #{thesis_id}", file=out)
    return 0


def _remove_beneficiary_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    p.add_argument("company", help="company id, ticker or name")


@command("remove-beneficiary", "take a company off a thesis (the company itself stays)")
@arguments(_remove_beneficiary_args)
def cmd_remove_beneficiary(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Remove a company from a thesis's beneficiaries."""
    thesis_id = _thesis(tracker, args.thesis)
    company_id = tracker.companies.resolve(args.company)
    found = [b for b in tracker.beneficiaries.for_thesis(thesis_id) if b.company_id == company_id]
    if not found:
        raise UserError(f"{args.company!r} is not a beneficiary of thesis #{thesis_id}.")
    tracker.ops.remove_beneficiary(found[0].id)
    print(f"Removed {found[0].name} from thesis #{thesis_id}", file=out)
    return 0


def _edit_company_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("company", help="company id, ticker or name")
    p.add_argument("--name")
    p.add_argument("--local-name")
    p.add_argument("--ticker")
    p.add_argument("--exchange")
    p.add_argument("--country")


@command("edit-company", "correct a company's name, local name, ticker, exchange or country")
@arguments(_edit_company_args)
def cmd_edit_company(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Edit a company; every thesis it benefits shows the change."""
    fields = _fields(args, {"name": "name", "local_name": "local_name", "ticker": "ticker",
                            "exchange": "exchange", "country": "country"})
    c = tracker.ops.edit_company(tracker.companies.resolve(args.company), **fields).value
    print(f"Company #{c.id} {c.label}: edited {', '.join(fields)}", file=out)
    return 0


def _merge_companies_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("duplicate", help="the company to merge away (id, ticker or name)")
    p.add_argument("into", help="the company to keep (id, ticker or name)")


@command("merge-companies", "merge a duplicate company into another (beneficiaries and prices)")
@arguments(_merge_companies_args)
def cmd_merge_companies(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Merge a duplicate company into the one to keep: its theses and prices move over and
    the duplicate goes."""
    duplicate = tracker.companies.resolve(args.duplicate)
    keep = tracker.companies.resolve(args.into)
    gone = tracker.companies.get(duplicate)
    c = tracker.ops.merge_companies(duplicate, into=keep).value
    print(f"Merged {gone.label} into {c.label}", file=out)
    return 0


# -- sources and citations ---------------------------------------------------------------------
def _add_source_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title", help="the report, filing or article")
    p.add_argument("--thesis", help="cite it for this thesis (id or title prefix)")
    p.add_argument("--publisher", default="", help="e.g. the broker")
    p.add_argument("--published", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--url", default="", help="a link or a file path")
    p.add_argument("--summary", default="")
    p.add_argument("--locator", default="", help="where in it (page, section)")


@command("add-source", "add a source (a report, a filing), cited for a thesis with --thesis")
@arguments(_add_source_args)
def cmd_add_source(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Add a source; with --thesis it is cited for that thesis in the same step."""
    thesis_id = _thesis(tracker, args.thesis) if args.thesis else None
    s = tracker.ops.add_source(title=args.title, thesis_id=thesis_id, publisher=args.publisher,
                               published_on=args.published, url=args.url,
                               summary=args.summary, locator=args.locator).value
    cited = f", cited for thesis #{thesis_id}" if thesis_id is not None else ""
    print(f"Added source #{s.id} {s.title}{cited}", file=out)
    return 0


def _cite_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", help="source id or title prefix")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--thesis", help="cite it for this thesis")
    target.add_argument("--risk", help="cite it for this risk (id)")
    target.add_argument("--catalyst", help="cite it for this catalyst (id or title prefix)")
    p.add_argument("--locator", default="", help="where in the source (page, section)")


@command("cite", "cite a source for a thesis, a risk or a catalyst")
@arguments(_cite_args)
def cmd_cite(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Link a source to the thesis, risk or catalyst it supports (once; citing again changes
    nothing)."""
    source_id = tracker.sources.resolve(args.source)
    if args.thesis:
        target = {"thesis_id": tracker.theses.resolve(args.thesis)}
    elif args.risk:
        target = {"risk_id": tracker.risks.resolve(args.risk)}
    else:
        target = {"catalyst_id": tracker.catalysts.resolve(args.catalyst)}
    tracker.ops.cite(source_id, locator=args.locator, **target)
    what, ref = next(iter(target.items()))
    print(f"Cited source #{source_id} for {what.removesuffix('_id')} #{ref}", file=out)
    return 0


def _uncite_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    p.add_argument("source", help="source id or title prefix")


@command("uncite", "take a source off a thesis (its risks and catalysts too); it stays for others")
@arguments(_uncite_args)
def cmd_uncite(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Remove every citation of a source by a thesis, its risks and its catalysts."""
    thesis_id = _thesis(tracker, args.thesis)
    source_id = tracker.sources.resolve(args.source)
    n = tracker.ops.remove_source_from_thesis(thesis_id, source_id).value
    print(f"Removed {n} citation(s) of source #{source_id} from thesis #{thesis_id}", file=out)
    return 0


def _edit_source_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", help="source id or title prefix")
    p.add_argument("--title")
    p.add_argument("--publisher")
    p.add_argument("--published", metavar="YYYY-MM-DD")
    p.add_argument("--url")
    p.add_argument("--summary")


@command("edit-source", "edit a source's title, publisher, date, link or summary")
@arguments(_edit_source_args)
def cmd_edit_source(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Edit a source; every thesis citing it shows the change."""
    fields = _fields(args, {"title": "title", "publisher": "publisher",
                            "published": "published_on", "url": "url", "summary": "summary"})
    s = tracker.ops.edit_source(tracker.sources.resolve(args.source), **fields).value
    print(f"Source #{s.id} {s.title}: edited {', '.join(fields)}", file=out)
    return 0


def _delete_source_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", help="source id or title prefix")
    _yes(p)


@command("delete-source", "delete a source and all its citations (asks first, or --yes)")
@arguments(_delete_source_args)
def cmd_delete_source(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Delete a source everywhere it is cited."""
    source_id = tracker.sources.resolve(args.source)
    s = tracker.sources.get(source_id)
    _confirm(args, f"Delete source #{s.id} {quoted(s.title)} and every citation of it?", out)
    tracker.ops.delete_source(source_id)
    print(f"Deleted source #{s.id} {s.title}", file=out)
    return 0


# -- theses ------------------------------------------------------------------------------------
def _edit_thesis_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    p.add_argument("--title")
    p.add_argument("--theme")
    p.add_argument("--statement")
    p.add_argument("--horizon")
    p.add_argument("--tags", help="comma-separated")
    p.add_argument("--next-review", metavar="YYYY-MM-DD", help="empty text clears it")
    p.add_argument("--cadence", type=int, metavar="DAYS", help="review cadence in days")
    p.add_argument("--benchmark", metavar="TICKER", help="benchmark for the event study")


@command("edit-thesis", "edit a thesis's title, theme, statement, horizon, tags or review date")
@arguments(_edit_thesis_args)
def cmd_edit_thesis(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Edit a thesis's own fields (status and conviction: set-status, set-conviction)."""
    fields = _fields(args, {"title": "title", "theme": "theme", "statement": "statement",
                            "horizon": "horizon", "tags": "tags", "next_review": "next_review",
                            "cadence": "review_cadence_days", "benchmark": "benchmark_ticker"})
    t = tracker.ops.edit_thesis(_thesis(tracker, args.thesis), **fields).value
    print(f"Thesis #{t.id} {t.title}: edited {', '.join(fields)}", file=out)
    return 0


def _delete_thesis_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    _yes(p)


@command("delete-thesis", "delete a thesis with everything it holds (asks first, or --yes)")
@arguments(_delete_thesis_args)
def cmd_delete_thesis(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Delete a thesis with its catalysts, risks, beneficiaries, citations and history. The
    day's backups keep it; the desktop app can also undo it."""
    thesis_id = _thesis(tracker, args.thesis)
    t = tracker.theses.get(thesis_id)
    parts = (f"{len(tracker.catalysts.for_thesis(thesis_id))} catalyst(s), "
             f"{len(tracker.risks.for_thesis(thesis_id))} risk(s)")
    _confirm(args, f"Delete thesis #{t.id} {quoted(t.title, 60)} with its {parts} and history?",
             out)
    tracker.ops.delete_thesis(thesis_id)
    print(f"Deleted thesis #{t.id} {t.title}", file=out)
    return 0
