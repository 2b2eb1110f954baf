"""The parts of a thesis besides catalysts: companies and beneficiaries, risks, sources, citations."""

from __future__ import annotations

from model import validate
from model.errors import NotFound, ValidationError
from model.constants import RISK_STATUSES
from model.types import Beneficiary, Citation, Company, Risk, Source


class Companies:
    def __init__(self, store):
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

    def resolve(self, ref) -> int:
        """A company by id, ticker, or name (any case)."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
            return self.get(int(ref)).id
        found = self.by_ticker(ref)
        if found:
            return found.id
        row = self.store.row("SELECT id FROM company WHERE lower(name) = lower(?) "
                             "OR local_name = ?", (str(ref).strip(), str(ref).strip()))
        if row is None:
            raise NotFound(f"There is no company with ticker or name {ref!r}.")
        return row["id"]

    def add(self, *, name: str, local_name: str = "", ticker: str | None = None,
            exchange: str = "", country: str = "") -> Company:
        values = _company_values(name=name, local_name=local_name, ticker=ticker,
                                 exchange=exchange, country=country)
        if values["ticker"] and self.by_ticker(values["ticker"]):
            raise ValidationError(f"A company with ticker {values['ticker']} already exists.")
        with self.store.write() as changes:
            company_id = self.store.insert("company", values)
            changes.kinds.add("company")
        return self.get(company_id)

    def find_or_add(self, **fields) -> Company:
        ticker = (fields.get("ticker") or "").strip()
        if ticker:
            found = self.by_ticker(ticker)
            if found:
                return found
        row = self.store.row("SELECT * FROM company WHERE lower(name) = lower(?) AND ticker IS NULL",
                             (str(fields.get("name", "")).strip(),)) if not ticker else None
        if row:
            return Company.from_row(row)
        return self.add(**fields)

    def update(self, company_id: int, **fields) -> Company:
        current = self.get(company_id)
        merged = {k: getattr(current, k) for k in ("name", "local_name", "ticker", "exchange",
                                                   "country")}
        merged.update(fields)
        values = _company_values(**merged)
        if values["ticker"]:
            other = self.by_ticker(values["ticker"])
            if other and other.id != company_id:
                raise ValidationError(f"Ticker {values['ticker']} belongs to {other.name}.")
        with self.store.write() as changes:
            self.store.update("company", company_id, values)
            changes.kinds.add("company")
            for row in self.store.rows("SELECT thesis_id FROM beneficiary WHERE company_id = ?",
                                       (company_id,)):
                changes.touch("beneficiary", row["thesis_id"])
        return self.get(company_id)


def _company_values(*, name, local_name="", ticker=None, exchange="", country="") -> dict:
    ticker = validate.text(ticker, what="ticker").strip().upper() if ticker else ""
    return {"name": validate.text(name, what="company name", required=True).strip(),
            "local_name": validate.text(local_name, what="local-language name").strip(),
            "ticker": ticker or None,
            "exchange": validate.text(exchange, what="exchange").strip(),
            "country": validate.text(country, what="country").strip()}


class Beneficiaries:
    _SQL = ("SELECT b.id, b.thesis_id, b.company_id, b.role, c.name, c.local_name, c.ticker, "
            "c.exchange, c.country FROM beneficiary b JOIN company c ON c.id = b.company_id ")

    def __init__(self, store):
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
            raise ValidationError("That company is already a beneficiary of this thesis.")
        with self.store.write() as changes:
            position = self.store.scalar("SELECT coalesce(max(position), 0) + 1 FROM beneficiary "
                                         "WHERE thesis_id = ?", (thesis_id,))
            row_id = self.store.insert("beneficiary", {
                "thesis_id": thesis_id, "company_id": company_id,
                "role": validate.text(role, what="role"), "position": position})
            changes.touch("beneficiary", thesis_id)
        return self.get(row_id)

    def update(self, beneficiary_id: int, *, role: str) -> Beneficiary:
        current = self.get(beneficiary_id)
        with self.store.write() as changes:
            self.store.update("beneficiary", beneficiary_id, {"role": validate.text(role, what="role")})
            changes.touch("beneficiary", current.thesis_id)
        return self.get(beneficiary_id)

    def remove(self, beneficiary_id: int) -> Beneficiary:
        current = self.get(beneficiary_id)
        with self.store.write() as changes:
            self.store.execute("DELETE FROM beneficiary WHERE id = ?", (beneficiary_id,))
            changes.touch("beneficiary", current.thesis_id)
        return current


class Risks:
    def __init__(self, store, history):
        self.store = store
        self.history = history

    def get(self, risk_id: int) -> Risk:
        return Risk.from_row(self.store.get("risk", risk_id, "risk"))

    def for_thesis(self, thesis_id: int) -> list[Risk]:
        return [Risk.from_row(r) for r in self.store.rows(
            "SELECT * FROM risk WHERE thesis_id = ? ORDER BY severity * likelihood DESC, id",
            (thesis_id,))]

    def add(self, *, thesis_id: int, title: str, description: str = "", severity: int = 3,
            likelihood: int = 3, status: str = "open") -> Risk:
        values = {"thesis_id": thesis_id,
                  "title": validate.text(title, what="risk title", required=True).strip(),
                  "description": validate.text(description, what="description"),
                  "severity": validate.score(severity, what="severity"),
                  "likelihood": validate.score(likelihood, what="likelihood"),
                  "status": validate.choice(status, RISK_STATUSES, what="risk status")}
        if not self.store.scalar("SELECT 1 FROM thesis WHERE id = ?", (thesis_id,)):
            raise NotFound(f"There is no thesis with id {thesis_id}.")
        with self.store.write() as changes:
            risk_id = self.store.insert("risk", values)
            changes.touch("risk", thesis_id)
        return self.get(risk_id)

    def update(self, risk_id: int, *, note: str = "", **fields) -> Risk:
        current = self.get(risk_id)
        values = {}
        for name, value in fields.items():
            if name == "title":
                value = validate.text(value, what="risk title", required=True).strip()
            elif name == "description":
                value = validate.text(value, what="description")
            elif name in ("severity", "likelihood"):
                value = validate.score(value, what=name)
            elif name == "status":
                value = validate.choice(value, RISK_STATUSES, what="risk status")
            else:
                raise ValidationError(f"Cannot edit {name} of a risk.")
            if getattr(current, name) != value:
                values[name] = value
        if not values:
            return current
        with self.store.write() as changes:
            self.store.update("risk", risk_id, values)
            if "status" in values:
                self.history.record(current.thesis_id, "risk", old=current.status,
                                    new=values["status"], note=validate.text(note, what="note"),
                                    subject=values.get("title", current.title))
            changes.touch("risk", current.thesis_id)
        return self.get(risk_id)

    def restore(self, snapshot: Risk) -> Risk:
        """Re-insert a deleted risk with its old id (undo of delete)."""
        values = {k: getattr(snapshot, k) for k in snapshot.__dataclass_fields__}
        if not self.store.scalar("SELECT 1 FROM thesis WHERE id = ?", (snapshot.thesis_id,)):
            raise NotFound(f"There is no thesis with id {snapshot.thesis_id}.")
        with self.store.write() as changes:
            self.store.insert("risk", values)
            changes.touch("risk", snapshot.thesis_id)
        return self.get(snapshot.id)

    def delete(self, risk_id: int) -> Risk:
        current = self.get(risk_id)
        with self.store.write() as changes:
            self.store.execute("DELETE FROM risk WHERE id = ?", (risk_id,))
            changes.touch("risk", current.thesis_id)
        return current


class Sources:
    def __init__(self, store):
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

    def add(self, *, title: str, publisher: str = "", published_on=None, url: str = "",
            summary: str = "") -> Source:
        with self.store.write() as changes:
            source_id = self.store.insert("source", _source_values(
                title=title, publisher=publisher, published_on=published_on, url=url,
                summary=summary))
            changes.kinds.add("source")
        return self.get(source_id)

    def update(self, source_id: int, **fields) -> Source:
        current = self.get(source_id)
        merged = {k: getattr(current, k) for k in ("title", "publisher", "published_on", "url",
                                                   "summary")}
        merged.update(fields)
        with self.store.write() as changes:
            self.store.update("source", source_id, _source_values(**merged))
            changes.kinds.add("source")
            for thesis_id in self._citing_theses(source_id):
                changes.touch("source", thesis_id)
        return self.get(source_id)

    def delete(self, source_id: int) -> Source:
        current = self.get(source_id)
        with self.store.write() as changes:
            for thesis_id in self._citing_theses(source_id):
                changes.touch("source", thesis_id)
            self.store.execute("DELETE FROM source WHERE id = ?", (source_id,))
            changes.kinds.add("source")
        return current

    def _citing_theses(self, source_id: int) -> set[int]:
        rows = self.store.rows(
            "SELECT coalesce(c.thesis_id, r.thesis_id, k.thesis_id) AS thesis_id FROM citation c "
            "LEFT JOIN risk r ON r.id = c.risk_id LEFT JOIN catalyst k ON k.id = c.catalyst_id "
            "WHERE c.source_id = ?", (source_id,))
        return {r["thesis_id"] for r in rows}

    # -- citations -------------------------------------------------------------------------
    def cite(self, source_id: int, *, thesis_id=None, risk_id=None, catalyst_id=None,
             locator: str = "") -> Citation:
        if sum(x is not None for x in (thesis_id, risk_id, catalyst_id)) != 1:
            raise ValidationError("A citation links a source to exactly one thesis, risk or catalyst.")
        self.get(source_id)
        owner = self._owner_thesis(thesis_id, risk_id, catalyst_id)
        column, value = next((c, v) for c, v in (("thesis_id", thesis_id), ("risk_id", risk_id),
                                                  ("catalyst_id", catalyst_id)) if v is not None)
        existing = self.store.row(f"SELECT * FROM citation WHERE source_id = ? AND {column} = ?",
                                  (source_id, value))
        if existing:
            return Citation.from_row(existing)
        with self.store.write() as changes:
            row_id = self.store.insert("citation", {"source_id": source_id, column: value,
                                                    "locator": validate.text(locator, what="locator")})
            changes.touch("citation", owner)
        return Citation.from_row(self.store.get("citation", row_id))

    def uncite(self, citation_id: int) -> None:
        row = self.store.get("citation", citation_id, "citation")
        owner = self._owner_thesis(row["thesis_id"], row["risk_id"], row["catalyst_id"])
        with self.store.write() as changes:
            self.store.execute("DELETE FROM citation WHERE id = ?", (citation_id,))
            changes.touch("citation", owner)

    def citations_for_thesis(self, thesis_id: int) -> list[Citation]:
        """Every citation made by the thesis, its risks and its catalysts."""
        rows = self.store.rows(
            "SELECT c.* FROM citation c LEFT JOIN risk r ON r.id = c.risk_id "
            "LEFT JOIN catalyst k ON k.id = c.catalyst_id "
            "WHERE c.thesis_id = ? OR r.thesis_id = ? OR k.thesis_id = ? ORDER BY c.id",
            (thesis_id, thesis_id, thesis_id))
        return [Citation.from_row(r) for r in rows]

    def _owner_thesis(self, thesis_id, risk_id, catalyst_id) -> int:
        if thesis_id is not None:
            self.store.get("thesis", thesis_id, "thesis")
            return thesis_id
        table, row_id = ("risk", risk_id) if risk_id is not None else ("catalyst", catalyst_id)
        return self.store.get(table, row_id, table)["thesis_id"]


def _source_values(*, title, publisher="", published_on=None, url="", summary="") -> dict:
    return {"title": validate.text(title, what="source title", required=True).strip(),
            "publisher": validate.text(publisher, what="publisher").strip(),
            "published_on": validate.optional_date(published_on, what="published date"),
            "url": validate.text(url, what="URL or file").strip(),
            "summary": validate.text(summary, what="summary")}
