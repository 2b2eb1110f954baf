"""Sources (research notes, filings) and the citations that tie them to theses, risks and
catalysts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from model import validate
from model.changes import quoted
from model.errors import NotFound, ValidationError
from model.messages import fields_named, message
from model.types import Citation, Source

if TYPE_CHECKING:
    from model.storage.store import Store


class Sources:
    def __init__(self, store: Store):
        self.store = store

    def get(self, source_id: int) -> Source:
        return Source.from_row(self.store.get("source", source_id, "source"))

    def all(self) -> list[Source]:
        return [Source.from_row(r) for r in self.store.rows(
            "SELECT * FROM source ORDER BY published_on, id")]

    def for_thesis(self, thesis_id: int) -> list[Source]:
        """Sources cited by the thesis or by any of its risks and catalysts, oldest first."""
        rows = self.store.rows(
            "SELECT DISTINCT s.* FROM source s JOIN citation c ON c.source_id = s.id "
            "LEFT JOIN risk r ON r.id = c.risk_id LEFT JOIN catalyst k ON k.id = c.catalyst_id "
            "WHERE c.thesis_id = ? OR r.thesis_id = ? OR k.thesis_id = ? "
            "ORDER BY s.published_on, s.id", (thesis_id, thesis_id, thesis_id))
        return [Source.from_row(r) for r in rows]

    def resolve(self, ref: int | str) -> int:
        """A source named by id, exact title or unambiguous title prefix (any case)."""
        source_id = validate.record_id(ref)
        if source_id is not None:
            return self.get(source_id).id
        name = str(ref or "").strip()
        if not name:
            raise NotFound("Name a source by id or title.")
        return self.store.resolve_title("source", name, what="source", plural="sources")

    def add(self, *, title: str, publisher: str = "", published_on: str | dt.date | None = None,
            url: str = "",
            summary: str = "") -> Source:
        values = _source_values(title=title, publisher=publisher, published_on=published_on,
                                url=url, summary=summary)
        with self.store.write(message("Add source {title}", title=quoted(values["title"]))):
            source_id = self.store.insert("source", values)
        return self.get(source_id)

    def update(self, source_id: int, **fields: object) -> Source:
        unknown = set(fields) - set(_SOURCE_FIELDS)
        if unknown:
            raise ValidationError(f"Cannot edit {', '.join(sorted(unknown))} of a source.")
        with self.store.write() as step:
            current = self.get(source_id)
            merged = {k: getattr(current, k) for k in _SOURCE_FIELDS}
            merged.update(fields)
            values = {k: v for k, v in _source_values(**merged).items()
                      if getattr(current, k) != v}
            if not values:
                return current
            step.label = step.label or message("Edit {what} of source {title}",
                                               what=fields_named(list(values)),
                                               title=quoted(current.title))
            self.store.update("source", source_id, values)
        return self.get(source_id)

    def delete(self, source_id: int) -> Source:
        """Delete a source and every citation of it (undo brings both back)."""
        current = self.get(source_id)
        with self.store.write(message("Delete source {title}", title=quoted(current.title))):
            self.store.execute("DELETE FROM source WHERE id = ?", (source_id,))
        return current

    # -- citations -------------------------------------------------------------------------
    def cite(self, source_id: int, *, thesis_id: int | None = None, risk_id: int | None = None,
             catalyst_id: int | None = None, locator: str = "") -> Citation:
        """Cite a source for one thesis, risk or catalyst (citing it again changes nothing)."""
        if sum(x is not None for x in (thesis_id, risk_id, catalyst_id)) != 1:
            raise ValidationError("A citation links a source to exactly one thesis, risk or "
                                  "catalyst.")
        locator = validate.text(locator, what="locator")
        column, value = next((c, v) for c, v in (("thesis_id", thesis_id), ("risk_id", risk_id),
                                                  ("catalyst_id", catalyst_id)) if v is not None)
        with self.store.write() as step:
            source = self.get(source_id)
            self._owner_thesis(thesis_id, risk_id, catalyst_id)
            existing = self.store.row(
                f"SELECT * FROM citation WHERE source_id = ? AND {column} = ?", (source_id, value))
            if existing:
                return Citation.from_row(existing)
            step.label = step.label or message("Cite {title}", title=quoted(source.title))
            row_id = self.store.insert("citation", {"source_id": source_id, column: value,
                                                    "locator": locator})
        return Citation.from_row(self.store.get("citation", row_id))

    def uncite(self, citation_id: int) -> None:
        with self.store.write(message("Remove a citation")):
            self.store.get("citation", citation_id, "citation")
            self.store.execute("DELETE FROM citation WHERE id = ?", (citation_id,))

    def citations_for_thesis(self, thesis_id: int) -> list[Citation]:
        """Every citation made by the thesis, its risks and its catalysts."""
        rows = self.store.rows(
            "SELECT c.* FROM citation c LEFT JOIN risk r ON r.id = c.risk_id "
            "LEFT JOIN catalyst k ON k.id = c.catalyst_id "
            "WHERE c.thesis_id = ? OR r.thesis_id = ? OR k.thesis_id = ? ORDER BY c.id",
            (thesis_id, thesis_id, thesis_id))
        return [Citation.from_row(r) for r in rows]

    def _owner_thesis(self, thesis_id: int | None, risk_id: int | None,
                      catalyst_id: int | None) -> int:
        if thesis_id is not None:
            self.store.get("thesis", thesis_id, "thesis")
            return thesis_id
        table, row_id = ("risk", risk_id) if risk_id is not None else ("catalyst", catalyst_id)
        assert row_id is not None, "cite() checked that exactly one owner is given"
        return int(self.store.get(table, row_id, table)["thesis_id"])


_SOURCE_FIELDS = ("title", "publisher", "published_on", "url", "summary")


def _source_values(*, title: object, publisher: object = "", published_on: object = None,
                   url: object = "", summary: object = "") -> dict[str, str | None]:
    return {"title": validate.text(title, what="source title", required=True).strip(),
            "publisher": validate.text(publisher, what="publisher").strip(),
            "published_on": validate.optional_date(published_on, what="published date"),
            "url": validate.text(url, what="URL or file").strip(),
            "summary": validate.text(summary, what="summary")}
