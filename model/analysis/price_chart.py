"""The Prices chart's decisions, without Qt: which series it draws and what each is called, which
colour each gets, and the day the series are rebased on (#12 defect 1)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.service import Tracker


@dataclass(frozen=True)
class SeriesSpec:
    """One line of the chart: a company's closes, or the thesis's benchmark."""

    company_id: int
    label: str              # what the legend says: "中际旭创 300308.SZ"
    benchmark: bool = False


def series_label(name: str, local_name: str = "", ticker: str | None = None) -> str:
    """The company as an analyst names it: its local name if it has one, else its name, then
    the ticker ("中际旭创 300308.SZ", "Alphabet GOOGL")."""
    shown = (local_name or "").strip() or (name or "").strip()
    ticker = (ticker or "").strip()
    if ticker and ticker != shown:
        return f"{shown} {ticker}" if shown else ticker
    return shown or ticker


def chart_series(tracker: Tracker, thesis_id: int) -> list[SeriesSpec]:
    """The thesis's beneficiaries in their order, then its benchmark (when the ticker names a
    company that is not already a beneficiary)."""
    specs = [SeriesSpec(b.company_id, series_label(b.name, b.local_name, b.ticker))
             for b in tracker.beneficiaries.for_thesis(thesis_id)]
    thesis = tracker.theses.get(thesis_id)
    if thesis.benchmark_ticker:
        company = tracker.companies.by_ticker(thesis.benchmark_ticker)
        if company is not None and all(s.company_id != company.id for s in specs):
            specs.append(SeriesSpec(company.id, series_label(company.name, company.local_name,
                                                             company.ticker) + " (benchmark)",
                                    benchmark=True))
    return specs


def assign_colours(keys: Sequence[Hashable],
                   previous: Mapping[Hashable, int] | None = None) -> dict[Hashable, int]:
    """A distinct palette index for every key: a key keeps the index it had (a line does not
    change colour when another company's prices arrive), new keys take the lowest free ones.

    Indices are never shared, so no two series look alike; the palette turns an index past
    its colours into a dashed or dotted line of a colour already used.
    """
    previous = previous or {}
    out: dict[Hashable, int] = {}
    taken: set[int] = set()
    for key in keys:
        index = previous.get(key)
        if index is not None and index not in taken:
            out[key] = index
            taken.add(index)
    free = (i for i in range(len(keys) + len(taken) + 1) if i not in taken)
    for key in keys:
        if key not in out:
            out[key] = next(free)
    return {key: out[key] for key in keys}


def first_common_day(series_days: Sequence[Sequence[str]]) -> str | None:
    """The day the series are rebased on by default: the first day every series has a close.

    When the series share no day (one ends before another begins, or two markets trade on
    different calendars around the start), the latest first day: from there on every series
    has a close on or before each day. None when there are no series.
    """
    shown = [days for days in series_days if len(days)]
    if not shown:
        return None
    start = max(days[0] for days in shown)
    common = None
    for days in shown:
        later = {d for d in days if d >= start}
        common = later if common is None else common & later
        if not common:
            return start
    return min(common) if common else start
