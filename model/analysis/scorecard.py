"""Scoring what came true: catalyst outcomes, slips, positive hit rate and conviction vs outcome.

Definitions (README "Review discipline"):
- slipped: a catalyst with at least one 'window' history row (its window moved later); the slip
  in days is the move of the window's end date, summed over its slips; rows whose old window is
  unknown (imported 'delayed' entries) count as slips but not in the average.
- positive hit rate: of the catalysts marked '+' that were decided (done or missed), the share
  done; cancelled ones were never put to the test and are left out.
- conviction path: the conviction when the thesis was created, then after each change, set
  against the status the thesis ended in (confirmed or broken) and the conviction held then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from model.date_windows import try_parse_window
from model.messages import message, term
from model.storage.sqlite_errors import translated

if TYPE_CHECKING:
    from model.storage.store import Store

# A conviction or status change from the history: (at, field, old, new).
_Event = tuple[str, str, str | None, str | None]

OUTCOMES = ("confirmed", "broken")


@dataclass(frozen=True)
class Counts:
    done: int = 0
    missed: int = 0
    cancelled: int = 0
    pending: int = 0
    slipped: int = 0
    slip_days_total: int = 0
    slips_measured: int = 0          # slipped catalysts whose slip in days is known
    positive_done: int = 0
    positive_missed: int = 0

    @property
    def total(self) -> int:
        return self.done + self.missed + self.cancelled + self.pending

    @property
    def average_slip_days(self) -> float | None:
        return self.slip_days_total / self.slips_measured if self.slips_measured else None

    @property
    def positive_decided(self) -> int:
        return self.positive_done + self.positive_missed

    @property
    def positive_hit_rate(self) -> float | None:
        """Share of decided positive catalysts that happened (None when none is decided)."""
        return self.positive_done / self.positive_decided if self.positive_decided else None

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__))


@dataclass(frozen=True)
class ThesisScore:
    thesis_id: int
    title: str
    status: str
    conviction: int
    counts: Counts
    conviction_path: tuple[tuple[str, int], ...]    # (when, conviction), oldest first
    status_path: tuple[tuple[str, str], ...]        # (when, status), oldest first
    conviction_at_outcome: int | None               # held when it became confirmed/broken

    @property
    def outcome(self) -> str | None:
        return self.status if self.status in OUTCOMES else None

    @property
    def verdict(self) -> str:
        """Conviction against the outcome, in words."""
        if self.outcome is None:
            return term("open")
        held = self.conviction_at_outcome
        start = self.conviction_path[0][1] if self.conviction_path else held
        if self.outcome == "confirmed":
            if held is not None and held >= 4:
                return message("confirmed, called with high conviction")
            if held is not None and held <= 2:
                return message("confirmed despite low conviction")
            return term("confirmed")
        if held is not None and start is not None and held < start:
            return message("broken, conviction cut beforehand")
        if held is not None and held >= 4:
            return message("broken while conviction was high")
        return term("broken")


@dataclass(frozen=True)
class Scorecard:
    """Every thesis's score and the totals over all of them."""

    theses: list[ThesisScore] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        total = Counts()
        for score in self.theses:
            total = total + score.counts
        return total

    def by_outcome(self) -> dict[str, list[ThesisScore]]:
        out: dict[str, list[ThesisScore]] = {name: [] for name in OUTCOMES}
        for score in self.theses:
            if score.outcome:
                out[score.outcome].append(score)
        return out

    def average_conviction_at(self, outcome: str) -> float | None:
        """Mean conviction held when theses became ``outcome`` (confirmed or broken)."""
        held = [s.conviction_at_outcome for s in self.by_outcome()[outcome]
                if s.conviction_at_outcome is not None]
        return sum(held) / len(held) if held else None


class Scorecards:
    def __init__(self, store: Store):
        self.store = store

    def for_thesis(self, thesis_id: int) -> ThesisScore:
        self.store.get("thesis", thesis_id, "thesis")
        with translated(self.store.path):
            return self._build([thesis_id])[0]

    def overall(self, thesis_ids: Iterable[int] | None = None) -> Scorecard:
        """All theses (or the given ones), each scored, with totals."""
        with translated(self.store.path):
            return Scorecard(self._build(None if thesis_ids is None else list(thesis_ids)))

    # -- building ----------------------------------------------------------------------------
    def _build(self, ids: list[int] | None) -> list[ThesisScore]:
        only = ""            # "IN (1,2,3)" when scoring some theses only
        if ids is not None:
            ids = [int(i) for i in ids]
            if not ids:
                return []
            only = f"IN ({','.join(str(i) for i in ids)})"
        conn = self.store.conn
        theses = self.store.rows(
            f"SELECT id, title, status, conviction FROM thesis "
            f"{'WHERE id ' + only if only else ''} ORDER BY title COLLATE NOCASE, id")
        counts: defaultdict[int, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
        for thesis_id, status, impact, n in conn.execute(
                f"SELECT thesis_id, status, impact, count(*) FROM catalyst "
                f"{'WHERE thesis_id ' + only if only else ''} GROUP BY thesis_id, status, impact"):
            counts[thesis_id][status] += n
            if impact == "+" and status in ("done", "missed"):
                counts[thesis_id]["positive_" + status] += n
        # catalyst -> [thesis, days, all measured (a bool)]
        per_catalyst: dict[int, list[int]] = {}
        for thesis_id, catalyst_id, old, new in conn.execute(
                f"SELECT h.thesis_id, h.catalyst_id, h.old, h.new FROM history h "
                f"JOIN catalyst c ON c.id = h.catalyst_id WHERE h.field = 'window' "
                f"AND h.undone_at IS NULL {'AND h.thesis_id ' + only if only else ''} "
                f"ORDER BY h.id"):
            entry = per_catalyst.setdefault(catalyst_id, [thesis_id, 0, True])
            days = _slip_days(old, new)
            if days is None:
                entry[2] = False
            else:
                entry[1] += days
        # thesis -> [slipped, days total, measured]
        slips: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for thesis_id, days, measured in per_catalyst.values():
            slips[thesis_id][0] += 1
            if measured:
                slips[thesis_id][1] += days
                slips[thesis_id][2] += 1
        paths: defaultdict[int, list[_Event]] = defaultdict(list)
        for thesis_id, at, name, old, new in conn.execute(
                f"SELECT thesis_id, at, field, old, new FROM history "
                f"WHERE field IN ('conviction', 'status') AND undone_at IS NULL "
                f"{'AND thesis_id ' + only if only else ''} ORDER BY at, id"):
            paths[thesis_id].append((at, name, old, new))
        created: dict[int, str] = {}
        if paths:
            marks = ",".join(str(i) for i in paths)
            for thesis_id, at in self.store.conn.execute(
                    f"SELECT thesis_id, min(at) FROM history WHERE field = 'created' "
                    f"AND undone_at IS NULL AND thesis_id IN ({marks}) GROUP BY thesis_id"):
                created[thesis_id] = at
        out: list[ThesisScore] = []
        for t in theses:
            tid = t["id"]
            c: Mapping[str, int] = counts.get(tid, {})
            slipped, days, measured = slips.get(tid, (0, 0, 0))
            conviction_path, status_path, held = _paths(paths.get(tid, []), created.get(tid),
                                                        t["conviction"], t["status"])
            out.append(ThesisScore(
                tid, t["title"], t["status"], t["conviction"],
                Counts(c.get("done", 0), c.get("missed", 0), c.get("cancelled", 0),
                       c.get("pending", 0), slipped, days, measured,
                       c.get("positive_done", 0), c.get("positive_missed", 0)),
                conviction_path, status_path, held))
        return out


def _slip_days(old: str | None, new: str | None) -> int | None:
    before, after = try_parse_window(old or ""), try_parse_window(new or "")
    if before is None or after is None:
        return None
    return (after.end - before.end).days


def _level(value: object) -> int | None:
    """A conviction from the history's text, or None when it is none (scorecard, PDF and
    Markdown failed with ValueError on a "high" another SQLite tool wrote)."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _paths(events: Sequence[_Event], created_at: str | None, conviction_now: int,
           status_now: str,
           ) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, str], ...], int | None]:
    """Rebuild the conviction and status paths from the history's change rows.

    A row with no old value is the starting value; otherwise a path starts from the first
    change's old value at the thesis's creation. Repeats of the same value are dropped.
    """
    start = created_at or (events[0][0] if events else "")
    conviction_path: list[tuple[str, int]] = []
    status_path: list[tuple[str, str]] = []
    held: int | None = None
    outcome_seen = False
    for at, name, old, new in events:
        if new is None:
            continue
        if name == "conviction":
            conviction = _level(new)
            if conviction is None:
                continue        # not a level (another tool wrote "high"): it says nothing
            before = _level(old)
            if not conviction_path and before is not None:
                conviction_path.append((start, before))
            if not conviction_path or conviction_path[-1][1] != conviction:
                conviction_path.append((at, conviction))
        else:
            if not status_path and old is not None:
                status_path.append((start, old))
            if not status_path or status_path[-1][1] != new:
                status_path.append((at, new))
        if name == "status":
            # The conviction held just before the thesis was settled is what gets scored: a
            # conviction raised in the same review that confirms it earns no credit.
            outcome_seen = new in OUTCOMES
            held = (conviction_path[-1][1] if conviction_path else None) if outcome_seen else None
    if not conviction_path:
        conviction_path.append((start, conviction_now))
    if not status_path:
        status_path.append((start, status_now))
    if status_now not in OUTCOMES:
        held = None
    elif not outcome_seen:      # settled without a recorded change: the conviction it has now
        held = conviction_path[-1][1]
    elif held is None:          # settled before any conviction was recorded
        held = conviction_path[0][1]
    return tuple(conviction_path), tuple(status_path), held
