"""Everyday commands: list, show, add-thesis, set-status, set-conviction, tick, search."""

from __future__ import annotations

import argparse
import functools
from typing import TYPE_CHECKING, TextIO

from model.cli import arguments, command
from model.cli.table import render
from model.constants import CATALYST_STATUSES, THESIS_STATUSES

if TYPE_CHECKING:
    from model.service import Tracker


def _list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--status", choices=THESIS_STATUSES, help="only theses with this status")


@command("list", "list theses with their next catalyst")
@arguments(_list_args)
def cmd_list(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """List every thesis: status, conviction, the next pending catalyst and its window, and how
    many catalysts are overdue."""
    rows = []
    for s in tracker.theses.summaries(status=args.status):
        nxt = f"{s.next_catalyst} ({s.next_expected})" if s.next_catalyst else "-"
        rows.append([s.id, s.status, s.conviction, s.title, nxt, s.overdue or ""])
    if not rows:
        print("No theses yet: add one with `python main.py add-thesis TITLE`.", file=out)
        return 0
    print(render(["id", "status", "conv", "title", "next catalyst", "overdue"], rows,
                 limits={3: 48, 4: 56}), file=out)
    return 0


def _show_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title (an unambiguous prefix, any case)")


@command("show", "show one thesis in full")
@arguments(_show_args)
def cmd_show(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Show a thesis: statement, beneficiaries, risks, catalysts, sources and history."""
    thesis_id = tracker.theses.resolve(args.thesis)
    t = tracker.theses.get(thesis_id)
    today = tracker.clock.today()
    p = functools.partial(print, file=out)
    p(f"#{t.id} {t.title}")
    p(f"Theme: {t.theme or '-'}   Status: {t.status}   Conviction: {t.conviction}/5   "
      f"Horizon: {t.horizon or '-'}")
    p(f"Next review: {t.next_review or '-'} (every {t.review_cadence_days} days)   "
      f"Tags: {t.tags or '-'}")
    if t.statement:
        p("")
        p(t.statement)
    bens = tracker.beneficiaries.for_thesis(thesis_id)
    if bens:
        p("\nBeneficiaries")
        p(render(["company", "local name", "ticker", "role"],
                 [[b.name, b.local_name, b.ticker or "", b.role] for b in bens], limits={3: 70}))
    risks = tracker.risks.for_thesis(thesis_id)
    if risks:
        p("\nRisks")
        p(render(["id", "sev x lik", "status", "risk"],
                 [[r.id, f"{r.severity}x{r.likelihood}={r.score}", r.status, r.title]
                  for r in risks], limits={3: 80}))
    cats = tracker.catalysts.for_thesis(thesis_id)
    if cats:
        p("\nCatalysts")
        rows = []
        for c in cats:
            mark = {"done": "[x]", "missed": "[!]", "cancelled": "[-]"}.get(c.status, "[ ]")
            state = "OVERDUE" if c.is_overdue(today) else c.status
            rows.append([mark, c.id, c.expected, state, c.happened_on or "", c.impact, c.title])
        p(render(["", "id", "window", "status", "happened", "+/-", "catalyst"], rows,
                 limits={6: 70}))
    sources = tracker.sources.for_thesis(thesis_id)
    if sources:
        p("\nSources")
        for n, s in enumerate(sources, 1):
            p(f"  [{n}] {s.title} — {s.publisher or 'unknown publisher'}, "
              f"{s.published_on or 'undated'}")
    history = tracker.history.for_thesis(thesis_id)
    if history:
        p("\nHistory (newest first)")
        p(render(["when", "change", "note"],
                 [[h.at, h.describe(), h.note] for h in history], limits={1: 60, 2: 60}))
    return 0


def _add_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("title")
    p.add_argument("--theme", default="")
    p.add_argument("--statement", default="", help="the thesis in a few sentences")
    p.add_argument("--status", default="draft", choices=THESIS_STATUSES)
    p.add_argument("--conviction", type=int, default=3, help="1-5 (default 3)")
    p.add_argument("--horizon", default="")
    p.add_argument("--next-review", default=None, help="YYYY-MM-DD")
    p.add_argument("--tags", default="", help="comma-separated")


@command("add-thesis", "add a thesis")
@arguments(_add_args)
def cmd_add_thesis(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Add a thesis; prints its id."""
    t = tracker.ops.add_thesis(title=args.title, theme=args.theme, statement=args.statement,
                               status=args.status, conviction=args.conviction,
                               horizon=args.horizon, next_review=args.next_review,
                               tags=args.tags).value
    print(f"Added thesis #{t.id}: {t.title}", file=out)
    return 0


def _status_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    p.add_argument("status", choices=THESIS_STATUSES)
    p.add_argument("--note", default="", help="why (kept in the history)")


@command("set-status", "change a thesis's status (recorded in its history)")
@arguments(_status_args)
def cmd_set_status(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Change the status; the old and new status and the note go into the history."""
    thesis_id = tracker.theses.resolve(args.thesis)
    before = tracker.theses.get(thesis_id).status
    t = tracker.ops.set_status(thesis_id, args.status, note=args.note).value
    print(f"#{t.id} {t.title}: status {before} -> {t.status}", file=out)
    return 0


def _conviction_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("thesis", help="thesis id or title prefix")
    p.add_argument("conviction", help="1-5")
    p.add_argument("--note", default="", help="why (kept in the history)")


@command("set-conviction", "change a thesis's conviction 1-5 (recorded in its history)")
@arguments(_conviction_args)
def cmd_set_conviction(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Change the conviction; the change and the note go into the history."""
    thesis_id = tracker.theses.resolve(args.thesis)
    before = tracker.theses.get(thesis_id).conviction
    t = tracker.ops.set_conviction(thesis_id, args.conviction, note=args.note).value
    print(f"#{t.id} {t.title}: conviction {before} -> {t.conviction}", file=out)
    return 0


def _tick_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("catalyst", help="catalyst id or title prefix")
    p.add_argument("--thesis", help="limit title matching to this thesis")
    p.add_argument("--on", default=None, help="the date it happened, YYYY-MM-DD (default today)")
    p.add_argument("--note", default="", help="the outcome")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--missed", action="store_true", help="mark it missed instead of done")
    group.add_argument("--cancelled", action="store_true", help="mark it cancelled")
    group.add_argument("--reopen", action="store_true", help="set it back to pending")


@command("tick", "tick a catalyst off as done (or --missed, --cancelled, --reopen)")
@arguments(_tick_args)
def cmd_tick(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Mark a catalyst done on a date (default today) with an outcome note; the tick is written to
    the thesis history in the same transaction."""
    thesis_id = tracker.theses.resolve(args.thesis) if args.thesis else None
    catalyst_id = tracker.catalysts.resolve(args.catalyst, thesis_id=thesis_id)
    status = ("missed" if args.missed else "cancelled" if args.cancelled
              else "pending" if args.reopen else "done")
    c = tracker.ops.tick(catalyst_id, status=status, on=args.on, note=args.note).value
    when = f" on {c.happened_on}" if c.happened_on else ""
    print(f"Catalyst #{c.id} {c.title}: {c.status}{when}", file=out)
    return 0


def _search_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+",
                   help="words to find (Chinese included); OR for alternatives; -word or "
                        "NOT word leaves out the theses (and companies, sources) holding it")
    p.add_argument("--limit", type=int, default=50)


@command("search", "full-text search across theses, catalysts, risks, companies and sources")
@arguments(_search_args)
def cmd_search(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Find records containing every word (substring match, any script: 光模 finds 光模块)."""
    query = " ".join(args.query)
    if not 1 <= args.limit <= 100_000:
        from model.errors import ValidationError
        raise ValidationError(f"--limit must be from 1 to 100,000, not {args.limit:,}.")
    hits = tracker.search.search(query, limit=args.limit)
    if not hits:
        print(f"Nothing matches {query!r}.", file=out)
        return 0
    titles: dict[int, str] = {}
    rows = []
    for h in hits:
        if h.thesis_id is not None and h.thesis_id not in titles:
            titles[h.thesis_id] = tracker.theses.get(h.thesis_id).title
        title = titles.get(h.thesis_id, "") if h.thesis_id is not None else ""
        rows.append([h.kind, h.ref_id, title, h.snippet])
    print(render(["kind", "id", "thesis", "match"], rows, limits={2: 36, 3: 70}), file=out)
    return 0


__all__ = ["cmd_list", "CATALYST_STATUSES"]
