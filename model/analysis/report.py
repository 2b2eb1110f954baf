"""Everything a thesis document shows, gathered once: the PDF and Markdown exports render this.

Sources are numbered [1], [2], ... in the order ``sources.for_thesis`` gives them (oldest first);
the statement, each risk and each catalyst carry the numbers of the sources they cite, so every
rendering refers to the same list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from model.messages import Message, message, term
from model.types import HistoryEntry

if TYPE_CHECKING:
    from model.service import Tracker

DAY_S = 86_400.0

# How each catalyst state shows in a checklist: (mark for Markdown task lists, label).
CHECK_MARKS = {"done": ("x", "done"), "missed": ("!", "missed"), "cancelled": ("-", "cancelled"),
               "overdue": (" ", "OVERDUE"), "pending": (" ", "pending")}


@dataclass(frozen=True)
class BeneficiaryLine:
    name: str
    local_name: str
    ticker: str
    exchange: str
    role: str


@dataclass(frozen=True)
class RiskLine:
    title: str
    description: str
    severity: int
    likelihood: int
    status: str
    cites: tuple[int, ...] = ()

    @property
    def score(self) -> int:
        return self.severity * self.likelihood


@dataclass(frozen=True)
class CatalystLine:
    title: str
    description: str
    state: str          # done, missed, cancelled, pending or overdue (pending past its window)
    expected: str       # the window as the analyst wrote it ("H2 2026")
    window_start: str
    window_end: str
    happened_on: str
    outcome: str
    impact: str
    days_overdue: int = 0
    cites: tuple[int, ...] = ()

    @property
    def mark(self) -> str:
        return CHECK_MARKS[self.state][0]

    @property
    def label(self) -> str:
        if self.state == "overdue":
            return message("OVERDUE {days} d", days=self.days_overdue)
        return term(CHECK_MARKS[self.state][1])

    @property
    def window_text(self) -> str:
        if self.window_start == self.window_end:
            return f"{self.expected} ({self.window_start})" if self.expected != self.window_start \
                else self.window_start
        return f"{self.expected} ({self.window_start} to {self.window_end})"


@dataclass(frozen=True)
class HistoryLine:
    on: str             # YYYY-MM-DD
    change: str
    note: str


@dataclass(frozen=True)
class SourceLine:
    number: int
    title: str
    publisher: str
    published_on: str
    url: str
    summary: str
    cited_by: tuple[str, ...] = ()   # "thesis", "risk: ...", "catalyst: ..." with any locator


@dataclass(frozen=True)
class ThesisReport:
    thesis_id: int
    title: str
    theme: str
    status: str
    status_since: str
    conviction: int
    conviction_since: str
    next_review: str
    horizon: str
    tags: str
    statement: str
    statement_cites: tuple[int, ...]
    beneficiaries: list[BeneficiaryLine]
    risks: list[RiskLine]
    catalysts: list[CatalystLine]
    history: list[HistoryLine]
    sources: list[SourceLine]
    generated_on: str
    scorecard: list[tuple[str, str]] = field(default_factory=list)

    @property
    def catalyst_counts(self) -> dict[str, int]:
        counts = {state: 0 for state in CHECK_MARKS}
        for c in self.catalysts:
            counts[c.state] += 1
        return counts


def cite_text(numbers: Iterable[int]) -> str:
    """``(1, 3)`` -> ``"[1][3]"``; empty for no citations."""
    return "".join(f"[{n}]" for n in numbers)


def _day(stamp: str | None) -> str:
    return (stamp or "")[:10]


def build_report(tracker: Tracker, thesis_id: int, *,
                 today: dt.date | None = None) -> ThesisReport:
    """Read one thesis and all its parts through the service API."""
    thesis = tracker.theses.get(thesis_id)
    today = today or tracker.clock.today()
    sources = tracker.sources.for_thesis(thesis_id)
    number = {s.id: n for n, s in enumerate(sources, 1)}
    cited_by: dict[int, list[str]] = {s.id: [] for s in sources}
    by_thesis: list[int] = []
    by_risk: dict[int, list[int]] = {}
    by_catalyst: dict[int, list[int]] = {}
    risks = tracker.risks.for_thesis(thesis_id)
    catalysts = tracker.catalysts.for_thesis(thesis_id)
    risk_titles = {r.id: r.title for r in risks}
    catalyst_titles = {c.id: c.title for c in catalysts}
    for cit in tracker.sources.citations_for_thesis(thesis_id):
        n = number.get(cit.source_id)
        if n is None:
            continue
        where = f" ({cit.locator})" if cit.locator else ""
        if cit.thesis_id is not None:
            by_thesis.append(n)
            cited_by[cit.source_id].append(message("thesis{where}", where=where))
        elif cit.risk_id is not None:
            by_risk.setdefault(cit.risk_id, []).append(n)
            cited_by[cit.source_id].append(message(
                "risk: {title}{where}", title=risk_titles.get(cit.risk_id, "?"), where=where))
        elif cit.catalyst_id is not None:   # always, when neither of the others (a CHECK)
            by_catalyst.setdefault(cit.catalyst_id, []).append(n)
            cited_by[cit.source_id].append(message(
                "catalyst: {title}{where}", title=catalyst_titles.get(cit.catalyst_id, "?"),
                where=where))

    catalyst_lines = []
    for c in catalysts:
        overdue = c.is_overdue(today)
        catalyst_lines.append(CatalystLine(
            title=c.title, description=c.description,
            state="overdue" if overdue else c.status, expected=c.expected,
            window_start=c.window_start, window_end=c.window_end,
            happened_on=c.happened_on or "", outcome=c.outcome, impact=c.impact,
            days_overdue=c.days_overdue(today) if overdue else 0,
            cites=tuple(sorted(set(by_catalyst.get(c.id, ()))))))

    return ThesisReport(
        thesis_id=thesis.id, title=thesis.title, theme=thesis.theme, status=thesis.status,
        status_since=_day(tracker.theses.last_changed(thesis_id, "status")),
        conviction=thesis.conviction,
        conviction_since=_day(tracker.theses.last_changed(thesis_id, "conviction")),
        next_review=thesis.next_review or "", horizon=thesis.horizon, tags=thesis.tags,
        statement=thesis.statement, statement_cites=tuple(sorted(set(by_thesis))),
        beneficiaries=[BeneficiaryLine(b.name, b.local_name, b.ticker or "", b.exchange, b.role)
                       for b in tracker.beneficiaries.for_thesis(thesis_id)],
        risks=[RiskLine(r.title, r.description, r.severity, r.likelihood, r.status,
                        tuple(sorted(set(by_risk.get(r.id, ()))))) for r in risks],
        catalysts=catalyst_lines,
        history=[HistoryLine(_day(h.at), _describe(h, catalyst_titles), h.note)
                 for h in handout_history(tracker.history.for_thesis(thesis_id))],
        sources=[SourceLine(number[s.id], s.title, s.publisher, s.published_on or "", s.url,
                            s.summary, tuple(cited_by[s.id])) for s in sources],
        generated_on=today.isoformat(),
        scorecard=_scorecard(tracker, thesis_id))


def _describe(entry: HistoryEntry, catalyst_titles: dict[int, str]) -> str:
    """The change in words, naming the catalyst a row is about when the row does not."""
    if not entry.subject and entry.catalyst_id in catalyst_titles:
        entry = replace(entry, subject=f"{entry.field} “{catalyst_titles[entry.catalyst_id]}”")
    return entry.describe()


def handout_history(entries: Sequence[HistoryEntry], *,
                    within_s: float = DAY_S) -> list[HistoryEntry]:
    """The history a committee handout shows (#12 defect 13), in the order given.

    Left out: changes that were undone; rows that changed nothing (old equals new); and a
    change taken back by the next change of the same thing within a day with no note on
    either (3 → 4, then 4 → 3 a minute later). The app's History tab keeps all of it.
    """
    kept: list[HistoryEntry] = []
    last: dict[tuple[str, int | None, str], HistoryEntry] = {}
    for entry in sorted(entries, key=lambda h: (h.at, h.id)):
        if entry.undone_at or (entry.old is not None and entry.old == entry.new):
            continue
        key = (entry.field, entry.catalyst_id, entry.subject)
        before = last.get(key)
        if (before is not None and before.old is not None and not entry.note
                and not before.note and before.old == entry.new and before.new == entry.old
                and _seconds(entry.at) - _seconds(before.at) <= within_s):
            kept.remove(before)
            del last[key]
            continue
        kept.append(entry)
        last[key] = entry
    chosen = {id(h) for h in kept}
    return [h for h in entries if id(h) in chosen]


def _seconds(stamp: str) -> float:
    when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.timestamp()


def path_text(steps: Sequence[tuple[str, object]], *, words: bool = False) -> str:
    """``((at, value), ...)`` as "3 (2025-12-09) → 4 (2026-02-10)"; a value with no recorded
    time says so instead of printing empty brackets ("3 ()", #12 defect 13). ``words``: the
    values are statuses, translated with the sentence."""
    if not steps:
        return "–"
    fields: dict[str, object] = {}
    parts = []
    for i, (at, value) in enumerate(steps):
        fields[f"v{i}"] = term(str(value)) if words else str(value)
        fields[f"at{i}"] = (dt.date.fromisoformat(at[:10]) if at
                            else message("no change recorded"))
        parts.append(f"{{v{i}}} ({{at{i}}})")
    return Message(" → ".join(parts), **fields)


def _scorecard(tracker: Tracker, thesis_id: int) -> list[tuple[str, str]]:
    """Label/value pairs from the scorecard (issue #7), or none when the tracker has none."""
    service = getattr(tracker, "scorecard", None)
    if service is None:
        return []
    score = service.for_thesis(thesis_id)
    c = score.counts
    slipped: str = message("none")
    if c.slipped:
        average = c.average_slip_days
        slipped = (message("{count} (on average {days:.0f} days later)", count=c.slipped,
                           days=average)
                   if average is not None else str(c.slipped))
    if c.positive_decided:
        positive: str = message("{done} of {decided} decided ({rate:.0f}%)", done=c.positive_done,
                                decided=c.positive_decided, rate=100 * c.positive_hit_rate)
    else:
        positive = message("none decided yet")
    return [(message("Catalysts"),
             message("{done} done, {missed} missed, {cancelled} cancelled, {pending} pending "
                     "({total} in all)", done=c.done, missed=c.missed, cancelled=c.cancelled,
                     pending=c.pending, total=c.total)),
            (message("Slipped (window moved later)"), slipped),
            (message("Positive catalysts that happened"), positive),
            (message("Conviction path"), path_text(score.conviction_path)),
            (message("Status path"), path_text(score.status_path, words=True)),
            (message("Verdict"), score.verdict)]
