"""The edits a user makes, from the desktop app and the command line alike: one write path.

Each operation runs in one transaction (the services it calls join it), becomes one undo step
named for the user ("Tick “Google TPU v7 ramp”"), and returns an ``OpResult``: the record it
made or changed, the ``OpChanges`` every view filters on (carrying the ``initiator``, so the
view that made the edit need not reload), and the ``UndoStep`` that is its exact inverse.
Composite edits (a review with a new cadence, a source added and cited, a source taken off a
thesis, a beneficiary with a new company) are operations here, not sequences in the GUI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from model.changes import OpChanges, quoted
from model.errors import NotFound, ValidationError
from model.messages import message, term
from model.types import Beneficiary, Catalyst, Citation, Company, Risk, Source, Thesis
from model.undo import UndoStep

if TYPE_CHECKING:
    from model.prices import PriceImport
    from model.reviews import ReviewResult
    from model.service import Tracker

T = TypeVar("T")


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What an operation made or changed, what that touched, and how to take it back."""

    value: T
    changes: OpChanges
    step: UndoStep | None       # None when nothing changed (or the step was too big to keep)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class Operations:
    def __init__(self, tracker: Tracker):
        self.tracker = tracker

    def _run(self, label: str, initiator: object, work: Callable[[], T]) -> OpResult[T]:
        with self.tracker.store.write(label, initiator=initiator) as write:
            value = work()
        return OpResult(value, write.changes, write.step)

    def _run_import(self, label: str, initiator: object, work: Callable[[], T]) -> OpResult[T]:
        """An import takes its verified backup before its transaction (a backup inside it
        would wait on its own lock), so the work opens the write itself; this names it."""
        store = self.tracker.store
        with store.operation(label, initiator):
            value = work()
        write = store.last_write
        if write is None:
            return OpResult(value, OpChanges(label=label, initiator=initiator), None)
        return OpResult(value, write.changes, write.step)

    # -- theses --------------------------------------------------------------------------------
    def add_thesis(self, *, initiator: object = None, **values: Any) -> OpResult[Thesis]:
        return self._run("", initiator, lambda: self.tracker.theses.add(**values))

    def edit_thesis(self, thesis_id: int, *, initiator: object = None,
                    **fields: Any) -> OpResult[Thesis]:
        """Plain fields (title, theme, statement, horizon, tags, next_review,
        review_cadence_days, benchmark_ticker); status and conviction have their own."""
        return self._run("", initiator, lambda: self.tracker.theses.update(thesis_id, **fields))

    def set_status(self, thesis_id: int, status: str, *, note: str = "",
                   initiator: object = None) -> OpResult[Thesis]:
        return self._run("", initiator,
                         lambda: self.tracker.theses.set_status(thesis_id, status, note=note))

    def set_conviction(self, thesis_id: int, conviction: int, *, note: str = "",
                       initiator: object = None) -> OpResult[Thesis]:
        return self._run("", initiator, lambda: self.tracker.theses.set_conviction(
            thesis_id, conviction, note=note))

    def review(self, thesis_id: int, *, note: str, conviction: int | None = None,
               status: str | None = None, next_review: str | None = None,
               cadence: int | None = None, initiator: object = None) -> OpResult[ReviewResult]:
        """A review with any change of conviction, status and cadence: one step."""
        return self._run("", initiator, lambda: self.tracker.reviews.record(
            thesis_id, note=note, conviction=conviction, status=status,
            next_review=next_review, cadence=cadence))

    def delete_thesis(self, thesis_id: int, *, initiator: object = None) -> OpResult[Thesis]:
        """The thesis with its catalysts, risks, beneficiaries, citations and history: one
        step that undo brings back whole, every record with its own id."""
        return self._run("", initiator, lambda: self.tracker.theses.delete(thesis_id))

    def load_demo(self, *, initiator: object = None) -> OpResult[dict[str, int]]:
        """The demo theses into this database (``demo`` command): one step; nothing when
        they are already there."""
        from model.demo import demo_thesis_ids, load_seeds

        def work() -> dict[str, int]:
            if demo_thesis_ids(self.tracker):
                return {}
            return load_seeds(self.tracker)
        return self._run(message("Load the demo theses"), initiator, work)

    def remove_demo(self, *, initiator: object = None) -> OpResult[int]:
        """Edit ▸ Remove demo theses (#13): every demo thesis with what it holds, and the
        demo's companies and sources nothing else uses; one step that undo brings back."""
        from model.demo import remove_demo
        return self._run(message("Remove demo theses"), initiator,
                         lambda: remove_demo(self.tracker))

    # -- catalysts -----------------------------------------------------------------------------
    def add_catalyst(self, thesis_id: int, *, title: str, expected: str, impact: str = "+",
                     description: str = "", initiator: object = None) -> OpResult[Catalyst]:
        """A new catalyst with its first window (never counted as a slip)."""
        return self._run("", initiator, lambda: self.tracker.catalysts.add(
            thesis_id=thesis_id, title=title, expected=expected, impact=impact,
            description=description))

    def edit_catalyst(self, catalyst_id: int, *, note: str = "", initiator: object = None,
                      **fields: Any) -> OpResult[Catalyst]:
        return self._run("", initiator, lambda: self.tracker.catalysts.update(
            catalyst_id, note=note, **fields))

    def set_window(self, catalyst_id: int, expected: str, *, note: str = "",
                   initiator: object = None) -> OpResult[Catalyst]:
        """Move the expected window; a later window is a slip in the history."""
        return self._run("", initiator, lambda: self.tracker.catalysts.set_window(
            catalyst_id, expected, note=note))

    def tick(self, catalyst_id: int, *, status: str = "done", on: str | None = None,
             note: str = "", initiator: object = None) -> OpResult[Catalyst]:
        return self._run("", initiator, lambda: self.tracker.catalysts.tick(
            catalyst_id, status=status, on=on, note=note))

    def delete_catalyst(self, catalyst_id: int, *,
                        initiator: object = None) -> OpResult[Catalyst]:
        return self._run("", initiator, lambda: self.tracker.catalysts.delete(catalyst_id))

    # -- risks ---------------------------------------------------------------------------------
    def add_risk(self, thesis_id: int, *, title: str, description: str = "", severity: int = 3,
                 likelihood: int = 3, initiator: object = None) -> OpResult[Risk]:
        return self._run("", initiator, lambda: self.tracker.risks.add(
            thesis_id=thesis_id, title=title, description=description, severity=severity,
            likelihood=likelihood))

    def edit_risk(self, risk_id: int, *, note: str = "", initiator: object = None,
                  **fields: Any) -> OpResult[Risk]:
        return self._run("", initiator,
                         lambda: self.tracker.risks.update(risk_id, note=note, **fields))

    def delete_risk(self, risk_id: int, *, initiator: object = None) -> OpResult[Risk]:
        return self._run("", initiator, lambda: self.tracker.risks.delete(risk_id))

    # -- companies and beneficiaries -------------------------------------------------------------
    def add_beneficiary(self, thesis_id: int, *, company_id: int | None = None,
                        name: str = "", ticker: str | None = None, local_name: str = "",
                        exchange: str = "", country: str = "", role: str = "",
                        initiator: object = None) -> OpResult[Beneficiary]:
        """A company (known by id or ticker, else new) as a beneficiary: one step."""
        def work() -> Beneficiary:
            companies = self.tracker.companies
            if company_id is not None:
                company = companies.get(company_id)
            else:
                company = companies.find_or_add(name=name, ticker=ticker or None,
                                                local_name=local_name, exchange=exchange,
                                                country=country)
            return self.tracker.beneficiaries.add(thesis_id=thesis_id, company_id=company.id,
                                                  role=role)
        named = self.tracker.companies.get(company_id).name if company_id is not None else name
        label = (message("Add beneficiary {name}", name=quoted(named)) if named.strip()
                 else message("Add beneficiary"))
        return self._run(label, initiator, work)

    def edit_beneficiary(self, beneficiary_id: int, *, role: str,
                         initiator: object = None) -> OpResult[Beneficiary]:
        return self._run("", initiator,
                         lambda: self.tracker.beneficiaries.update(beneficiary_id, role=role))

    def remove_beneficiary(self, beneficiary_id: int, *,
                           initiator: object = None) -> OpResult[Beneficiary]:
        return self._run("", initiator,
                         lambda: self.tracker.beneficiaries.remove(beneficiary_id))

    def edit_company(self, company_id: int, *, initiator: object = None,
                     **fields: Any) -> OpResult[Company]:
        return self._run("", initiator,
                         lambda: self.tracker.companies.update(company_id, **fields))

    def merge_companies(self, duplicate_id: int, *, into: int,
                        initiator: object = None) -> OpResult[Company]:
        """A duplicate company merged into another (beneficiaries and prices move over)."""
        return self._run("", initiator,
                         lambda: self.tracker.companies.merge(duplicate_id, into=into))

    # -- sources and citations -------------------------------------------------------------------
    def add_source(self, *, title: str, thesis_id: int | None = None, publisher: str = "",
                   published_on: str | None = None, url: str = "", summary: str = "",
                   locator: str = "", initiator: object = None) -> OpResult[Source]:
        """A source, cited for ``thesis_id`` when given: one step."""
        def work() -> Source:
            source = self.tracker.sources.add(title=title, publisher=publisher,
                                              published_on=published_on, url=url,
                                              summary=summary)
            if thesis_id is not None:
                self.tracker.sources.cite(source.id, thesis_id=thesis_id, locator=locator)
            return source
        return self._run(message("Add source {title}", title=quoted(title)), initiator, work)

    def edit_source(self, source_id: int, *, initiator: object = None,
                    **fields: Any) -> OpResult[Source]:
        return self._run("", initiator, lambda: self.tracker.sources.update(source_id, **fields))

    def cite(self, source_id: int, *, thesis_id: int | None = None, risk_id: int | None = None,
             catalyst_id: int | None = None, locator: str = "",
             initiator: object = None) -> OpResult[Citation]:
        return self._run("", initiator, lambda: self.tracker.sources.cite(
            source_id, thesis_id=thesis_id, risk_id=risk_id, catalyst_id=catalyst_id,
            locator=locator))

    def remove_source_from_thesis(self, thesis_id: int, source_id: int, *,
                                  initiator: object = None) -> OpResult[int]:
        """Take a source off a thesis: every citation of it by the thesis, its risks and its
        catalysts goes (one step); the source itself stays for other theses."""
        def work() -> int:
            sources = self.tracker.sources
            source = sources.get(source_id)
            citations = [c for c in sources.citations_for_thesis(thesis_id)
                         if c.source_id == source_id]
            if not citations:
                raise NotFound(f"The source {quoted(source.title)} is not cited by this "
                               f"thesis.")
            for citation in citations:
                sources.uncite(citation.id)
            return len(citations)
        title = self.tracker.sources.get(source_id).title
        return self._run(message("Remove source {title} from this thesis", title=quoted(title)),
                         initiator, work)

    def delete_source(self, source_id: int, *, initiator: object = None) -> OpResult[Source]:
        return self._run("", initiator, lambda: self.tracker.sources.delete(source_id))

    # -- imports -------------------------------------------------------------------------------
    def import_bundle(self, data: dict[str, Any], *, backup: bool = True,
                      initiator: object = None) -> OpResult[dict[str, int]]:
        """A JSON bundle, all or nothing; one step (unless too big to keep for undo)."""
        from model.interchange.bundle import import_bundle
        return self._run_import(message("Import a bundle"), initiator,
                                lambda: import_bundle(self.tracker, data, backup=backup))

    def import_file(self, path: str, *, initiator: object = None) -> OpResult[str]:
        """File ▸ Import: a JSON bundle, a catalysts CSV or a market-catalyst-calendar
        dataset, recognised by its content; the value is a sentence saying what came in."""
        from pathlib import Path

        from model.interchange.peer import NAME, looks_like_peer

        def work() -> str:
            if looks_like_peer(path):
                from model.interchange.peer_import import import_peer_file
                counts = import_peer_file(self.tracker, path)
                return message("Imported {name} data: {theses} new thesis(es), {catalysts} new "
                               "and {updated} updated catalyst(s), {unchanged} unchanged.",
                               name=NAME, theses=counts["theses"],
                               catalysts=counts["catalysts"], updated=counts["updated"],
                               unchanged=counts["unchanged"])
            if str(path).lower().endswith(".csv"):
                from model.interchange.catalyst_csv import import_catalyst_csv
                return message("Imported {count} catalyst(s).",
                               count=import_catalyst_csv(self.tracker, path))
            from model.interchange.bundle import import_bundle, read_bundle_file
            counts = import_bundle(self.tracker, read_bundle_file(path))
            return message("Imported {theses} thesis(es), {catalysts} catalyst(s) and {risks} "
                           "risk(s).", theses=counts["theses"], catalysts=counts["catalysts"],
                           risks=counts["risks"])
        return self._run_import(message("Import {name}", name=Path(path).name), initiator, work)

    def import_prices(self, company_ref: int | str, path: str, *, create_as: str | None = None,
                      initiator: object = None) -> OpResult[PriceImport]:
        """A price file for a company; ``create_as`` names a company to create for a ticker
        none has yet (a thesis's benchmark index), in the same step."""
        return self._run_import("", initiator, lambda: self.tracker.prices.import_file(
            company_ref, path, create_as=create_as))


def require(value: object, what: str) -> None:
    """Refuse an empty required argument with a message naming it (CLI and dialogs)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(message("The {what} must not be empty.", what=term(what)))
