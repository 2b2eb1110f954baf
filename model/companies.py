"""Companies and the theses they benefit from (beneficiaries)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from model import validate
from model.changes import quoted
from model.errors import NotFound, ValidationError
from model.messages import message
from model.types import Beneficiary, Company

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from model.storage.store import Store


class CompanyFields(TypedDict, total=False):
    """A company's editable fields, as ``find_or_add`` and ``update`` take them."""

    name: str
    local_name: str
    ticker: str | None
    exchange: str
    country: str


class _CompanyRow(TypedDict):
    name: str
    local_name: str
    ticker: str | None
    exchange: str
    country: str


class Companies:
    def __init__(self, store: Store):
        self.store = store

    def get(self, company_id: int) -> Company:
        return Company.from_row(self.store.get("company", company_id, "company"))

    def all(self) -> list[Company]:
        return [Company.from_row(r) for r in
                self.store.rows("SELECT * FROM company ORDER BY name COLLATE NOCASE")]

    def by_ticker(self, ticker: str) -> Company | None:
        row = self.store.row("SELECT * FROM company WHERE ticker = ? COLLATE NOCASE",
                             (str(ticker).strip(),))
        return Company.from_row(row) if row else None

    def resolve(self, ref: int | str) -> int:
        """A company by id, ticker, or name (any case)."""
        company_id = validate.record_id(ref)
        if company_id is not None:
            return self.get(company_id).id
        found = self.by_ticker(str(ref))
        if found:
            return found.id
        row = self.store.row("SELECT id FROM company WHERE lower(name) = lower(?) "
                             "OR local_name = ?", (str(ref).strip(), str(ref).strip()))
        if row is None:
            raise NotFound(f"There is no company with ticker or name {ref!r}.")
        return int(row["id"])

    def add(self, *, name: str, local_name: str = "", ticker: str | None = None,
            exchange: str = "", country: str = "") -> Company:
        values = _company_values(name=name, local_name=local_name, ticker=ticker,
                                 exchange=exchange, country=country)
        if values["ticker"] and self.by_ticker(values["ticker"]):
            raise ValidationError(message("A company with ticker {ticker} already exists.",
                                          ticker=values["ticker"]))
        with self.store.write(message("Add company {name}", name=quoted(values["name"]))):
            company_id = self.store.insert("company", values)
        return self.get(company_id)

    def find_or_add(self, **fields: Unpack[CompanyFields]) -> Company:
        ticker = (fields.get("ticker") or "").strip()
        if ticker:
            found = self.by_ticker(ticker)
            if found:
                return found
            return self.add(**fields)
        # No ticker: a company the user names by its name or its local name (中际旭创) is the
        # known one, not a new duplicate without a ticker.
        name = str(fields.get("name", "")).strip()
        rows = self.store.rows("SELECT * FROM company WHERE lower(name) = lower(?) OR "
                               "(local_name != '' AND lower(local_name) = lower(?)) "
                               "ORDER BY ticker IS NULL, id", (name, name)) if name else []
        if len(rows) > 1:
            raise ValidationError(message(
                "{count} companies are called {name} ({labels}): pick one from the list, or "
                "give the new one its ticker.", count=len(rows), name=quoted(name),
                labels=", ".join(Company.from_row(r).label for r in rows[:4])))
        if rows:
            return Company.from_row(rows[0])
        return self.add(**fields)

    def update(self, company_id: int, **fields: Unpack[CompanyFields]) -> Company:
        current = self.get(company_id)
        merged = CompanyFields(name=current.name, local_name=current.local_name,
                               ticker=current.ticker, exchange=current.exchange,
                               country=current.country)
        merged.update(fields)
        values = _company_values(**merged)
        if values["ticker"]:
            other = self.by_ticker(values["ticker"])
            if other and other.id != company_id:
                raise ValidationError(message("Ticker {ticker} belongs to {name}.",
                                              ticker=values["ticker"], name=other.name))
        with self.store.write(message("Edit company {name}", name=quoted(values["name"]))):
            self.store.update("company", company_id, values)
        return self.get(company_id)


    def theses_of(self) -> dict[int, list[str]]:
        """Company id -> the titles of the theses it benefits (in title order)."""
        found: dict[int, list[str]] = {}
        for row in self.store.rows(
                "SELECT b.company_id, t.title FROM beneficiary b JOIN thesis t ON t.id = "
                "b.thesis_id ORDER BY t.title COLLATE NOCASE, t.id"):
            found.setdefault(row["company_id"], []).append(row["title"])
        return found

    def merge(self, duplicate_id: int, *, into: int) -> Company:
        """Merge a duplicate company into another, in one step: its beneficiaries move over
        (a thesis that already has both keeps the one with a role), its prices fill the
        days the other lacks, and the duplicate goes. Undo brings it back as it was."""
        if duplicate_id == into:
            raise ValidationError(message("Choose another company to merge into."))
        duplicate, keep = self.get(duplicate_id), self.get(into)
        with self.store.write(message("Merge {duplicate} into {keep}",
                                      duplicate=quoted(duplicate.name),
                                      keep=quoted(keep.name))):
            for row in self.store.rows("SELECT * FROM beneficiary WHERE company_id = ?",
                                       (duplicate_id,)):
                other = self.store.row("SELECT * FROM beneficiary WHERE thesis_id = ? AND "
                                       "company_id = ?", (row["thesis_id"], into))
                if other is None:
                    self.store.update("beneficiary", row["id"], {"company_id": into})
                    continue
                if not other["role"] and row["role"]:
                    self.store.update("beneficiary", other["id"], {"role": row["role"]})
                self.store.execute("DELETE FROM beneficiary WHERE id = ?", (row["id"],))
            self.store.execute(
                "INSERT OR IGNORE INTO price (company_id, day, close, adj_close) "
                "SELECT ?, day, close, adj_close FROM price WHERE company_id = ?",
                (into, duplicate_id))
            self.store.execute("DELETE FROM price WHERE company_id = ?", (duplicate_id,))
            self.store.execute("DELETE FROM company WHERE id = ?", (duplicate_id,))
        return self.get(into)


def _company_values(*, name: object, local_name: object = "", ticker: object = None,
                    exchange: object = "", country: object = "") -> _CompanyRow:
    ticker = validate.text(ticker, what="ticker").strip().upper() if ticker else ""
    return {"name": validate.text(name, what="company name", required=True).strip(),
            "local_name": validate.text(local_name, what="local-language name").strip(),
            "ticker": ticker or None,
            "exchange": validate.text(exchange, what="exchange").strip(),
            "country": validate.text(country, what="country").strip()}


class Beneficiaries:
    _SQL = ("SELECT b.id, b.thesis_id, b.company_id, b.role, c.name, c.local_name, c.ticker, "
            "c.exchange, c.country FROM beneficiary b JOIN company c ON c.id = b.company_id ")

    def __init__(self, store: Store):
        self.store = store

    def for_thesis(self, thesis_id: int) -> list[Beneficiary]:
        return [Beneficiary.from_row(r) for r in self.store.rows(
            self._SQL + "WHERE b.thesis_id = ? ORDER BY b.position, b.id", (thesis_id,))]

    def get(self, beneficiary_id: int) -> Beneficiary:
        row = self.store.row(self._SQL + "WHERE b.id = ?", (beneficiary_id,))
        if row is None:
            raise NotFound(f"There is no beneficiary with id {beneficiary_id}.")
        return Beneficiary.from_row(row)

    def add(self, *, thesis_id: int, company_id: int, role: str = "") -> Beneficiary:
        if self.store.scalar("SELECT 1 FROM beneficiary WHERE thesis_id = ? AND company_id = ?",
                             (thesis_id, company_id)):
            raise ValidationError(message("That company is already a beneficiary of this "
                                          "thesis."))
        with self.store.write(message("Add beneficiary")):
            position = self.store.scalar("SELECT coalesce(max(position), 0) + 1 FROM beneficiary "
                                         "WHERE thesis_id = ?", (thesis_id,))
            row_id = self.store.insert("beneficiary", {
                "thesis_id": thesis_id, "company_id": company_id,
                "role": validate.text(role, what="role"), "position": position})
        return self.get(row_id)

    def update(self, beneficiary_id: int, *, role: str) -> Beneficiary:
        role = validate.text(role, what="role")
        current = self.get(beneficiary_id)
        if current.role == role:
            return current
        with self.store.write(message("Edit role of {name}", name=quoted(current.name))):
            self.store.update("beneficiary", beneficiary_id, {"role": role})
        return self.get(beneficiary_id)

    def remove(self, beneficiary_id: int) -> Beneficiary:
        current = self.get(beneficiary_id)
        with self.store.write(message("Remove beneficiary {name}",
                                      name=quoted(current.name))):
            self.store.execute("DELETE FROM beneficiary WHERE id = ?", (beneficiary_id,))
        return current


def likeness(one: Company, other: Company) -> int:
    """How likely ``other`` is the same company as ``one``: 3 the same name (either's name or
    local name), 2 one name inside the other ("Innolight" in "Zhongji Innolight"), 1 the same
    first word, 0 nothing alike. Merge offers the likeliest first."""
    def names(c: Company) -> set[str]:
        return {n.strip().casefold() for n in (c.name, c.local_name) if n and n.strip()}
    mine, theirs = names(one), names(other)
    if mine & theirs:
        return 3
    if any(a in b or b in a for a in mine for b in theirs):
        return 2
    if {n.split()[0] for n in mine if n.split()} & {n.split()[0] for n in theirs if n.split()}:
        return 1
    return 0

