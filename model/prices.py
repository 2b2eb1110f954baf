"""Daily closing prices per company: CSV import (Yahoo-style or plain date,close) and series.

An import is all or nothing: every bad row is listed by its line number and nothing is stored.
Imported days replace the stored close of the same day; other days are kept. Charts and event
studies use the adjusted close where the file gave one, else the close.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from model.date_windows import FIRST_YEAR, LAST_YEAR, in_years
from model.errors import ImportFailed, NotFound, ValidationError
from model.interchange.table_file import Table, parse_text, read_table
from model.interchange.textfile import refuse_bad_rows
from model.messages import message, term
from model.storage.sqlite_errors import translated

if TYPE_CHECKING:
    from model.companies import Companies
    from model.storage.store import Store
    from model.types import Company, Thesis

# Header names (lower case, spaces and underscores squeezed) -> our column.
_COLUMNS = {"date": "day", "day": "day", "日期": "day", "交易日期": "day",
            "close": "close", "price": "close", "收盘": "close", "收盘价": "close",
            "adjclose": "adj_close", "adjustedclose": "adj_close", "复权收盘价": "adj_close",
            "open": None, "high": None, "low": None, "volume": None}
# Yahoo marks days without trading with "null" in every price field.
_MISSING = {"", "null", "nan", "n/a", "-"}


@dataclass(frozen=True)
class PriceImport:
    """What an import stored."""

    company_id: int
    ticker: str | None
    rows: int
    first: str
    last: str
    adjusted: bool          # the file had an adjusted close column
    skipped: int            # rows with no price at all (Yahoo's "null" days), left out


@dataclass
class PriceSeries:
    """Days (ISO, ascending) and the close to use for each (adjusted where known)."""

    company_id: int
    days: list[str]
    values: list[float]

    def __len__(self) -> int:
        return len(self.days)


def _key(name: str) -> str:
    return re.sub(r"[\s_]+", "", name.strip().lower().lstrip("\ufeff"))


def parse_day(text: str) -> str:
    """2024-03-05, 2024/3/5, 20240305 or 2024-03-05 00:00:00 -> 2024-03-05."""
    value = text.strip()
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T][\d:.+\-Z]*)?", value) or \
        re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    if not m:
        raise ValidationError(message("{text!r} is not a date (use YYYY-MM-DD)", text=text))
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValidationError(message("{text!r} is not a real date", text=text)) from None
    if not in_years(day):
        raise ValidationError(message("{text!r} is outside the years {first} to {last}",
                                      text=text, first=FIRST_YEAR, last=LAST_YEAR))
    return day.isoformat()


def parse_price(text: str, *, what: str, decimal_comma: bool = False) -> float:
    """``1,234.5`` (commas group thousands) or, from a semicolon-separated file, ``1.234,5``
    and ``12,5`` (the comma is the decimal mark)."""
    cleaned = text.strip().replace("_", "").replace(" ", "").replace("\u00a0", "")
    if decimal_comma and "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValidationError(message("the {what} {text!r} is not a number", what=term(what),
                                      text=text)) from None
    if not math.isfinite(value) or value <= 0:
        raise ValidationError(message("the {what} {text!r} must be a positive number",
                                      what=term(what), text=text))
    return value


PriceRows = list[tuple[str, float, float | None]]


def parse_price_csv(text: str, *, name: str = "the file",
                    today: dt.date | None = None) -> tuple[PriceRows, int, bool]:
    """Rows (day, close, adj_close) sorted by day, the count of no-price rows skipped, and
    whether an adjusted close column was present; ImportFailed lists every bad row."""
    return parse_price_table(parse_text(text, name=name), today=today)


def parse_price_table(table: Table, *,
                      today: dt.date | None = None) -> tuple[PriceRows, int, bool]:
    """The same for a table read from a CSV (, ; or tab) or a spreadsheet."""
    name, header = table.name, table.header
    keys = [_key(h) for h in header]
    columns: dict[str, int] = {}
    for i, key in enumerate(keys):
        column = _COLUMNS.get(key)
        if column and column not in columns:
            columns[column] = i
    if "day" not in columns or "close" not in columns:
        raise ImportFailed(message(
            "{name} needs a date column and a close column (Yahoo's Date,Open,High,Low,Close,"
            "Adj Close,Volume or a plain date,close); its header is {header!r}. Nothing was "
            "imported.", name=name, header=",".join(header)))
    adjusted = "adj_close" in columns
    comma = table.decimal_comma
    today_text = today.isoformat() if today else None
    rows: PriceRows = []
    problems: list[tuple[int, str]] = list(table.problems)
    seen: dict[str, int] = {}      # day -> the line it was first on
    skipped = 0
    for line_no, record in table.rows:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) < len(header):
            problems.append((line_no, message("has {fields} fields, the header has {columns}",
                                              fields=len(record), columns=len(header))))
            continue
        prices = [record[columns[c]].strip().lower() for c in ("close", "adj_close")
                  if c in columns]
        if all(p in _MISSING for p in prices):
            skipped += 1       # a day without trading, not a mistake
            continue
        try:
            day = parse_day(record[columns["day"]])
            close = parse_price(record[columns["close"]], what="close", decimal_comma=comma)
            adj = None
            if adjusted and record[columns["adj_close"]].strip().lower() not in _MISSING:
                adj = parse_price(record[columns["adj_close"]], what="adjusted close",
                                  decimal_comma=comma)
        except ValidationError as exc:
            problems.append((line_no, exc.message))
            continue
        if today_text and day > today_text:
            problems.append((line_no, message("{day} is in the future", day=day)))
            continue
        if day in seen:
            problems.append((line_no, message("{day} is already on line {line}", day=day,
                                              line=seen[day])))
            continue
        seen[day] = line_no
        rows.append((day, close, adj))
    problems.sort()
    refuse_bad_rows(name, problems, rows, "price")
    rows.sort()
    return rows, skipped, adjusted


class Prices:
    """``tracker.prices``: importing and reading daily closes."""

    def __init__(self, store: Store, companies: Companies):
        self.store = store
        self.companies = companies

    # -- importing ---------------------------------------------------------------------------
    def import_file(self, company: int | str, path: Path | str, *, backup: bool = True,
                    create_as: str | None = None) -> PriceImport:
        """Import a CSV (, ; or tab separated) or a spreadsheet (.xlsx, .xls, .ods) for a
        company (id, ticker or name) in one transaction; every row is checked first.

        ``create_as``: when ``company`` is a ticker no company has yet (a thesis's benchmark
        index), create it under this name in the same transaction, once the file is read."""
        if create_as and not isinstance(company, int) and self.companies.by_ticker(company) is None:
            rows, skipped, adjusted = parse_price_table(read_table(path),
                                                        today=self.store.clock.today())
            if backup:
                from model.storage import backup as backups
                backups.take_backup(self.store, reason="before-import")
            with self.store.write(f"Import prices for {company}"):
                found = self.companies.add(name=create_as, ticker=company)
                self.store_rows(found.id, rows)
            return PriceImport(found.id, found.ticker, len(rows), rows[0][0], rows[-1][0],
                               adjusted, skipped)
        company_id = self.companies.resolve(company)
        return self.import_table(company_id, read_table(path), backup=backup)

    def import_table(self, company_id: int, table: Table, *, backup: bool = False) -> PriceImport:
        found = self.companies.get(company_id)
        rows, skipped, adjusted = parse_price_table(table, today=self.store.clock.today())
        if backup:
            from model.storage import backup as backups
            backups.take_backup(self.store, reason="before-import")
        self.store_rows(company_id, rows)
        return PriceImport(company_id, found.ticker, len(rows), rows[0][0], rows[-1][0],
                           adjusted, skipped)

    def import_text(self, company_id: int, text: str, *, name: str = "the file",
                    backup: bool = False) -> PriceImport:
        return self.import_table(company_id, parse_text(text, name=name), backup=backup)

    def store_rows(self, company_id: int, rows: Iterable[tuple[str, float, float | None]],
                   ) -> None:
        """(day, close, adj_close) rows; a day already stored is replaced."""
        with self.store.write("Import prices"), translated(self.store.path):
            self.store.conn.executemany(
                "INSERT INTO price (company_id, day, close, adj_close) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (company_id, day) DO UPDATE SET close = excluded.close, "
                "adj_close = excluded.adj_close",
                [(company_id, day, close, adj) for day, close, adj in rows])

    def delete(self, company_id: int) -> int:
        with self.store.write("Delete prices"):
            n = self.store.execute("DELETE FROM price WHERE company_id = ?",
                                   (company_id,)).rowcount
        return n

    # -- reading -----------------------------------------------------------------------------
    def series(self, company_id: int, *, start: str | None = None,
               end: str | None = None) -> PriceSeries:
        sql = "SELECT day, coalesce(adj_close, close) FROM price WHERE company_id = ?"
        params: list[int | str] = [company_id]
        if start:
            sql += " AND day >= ?"
            params.append(start)
        if end:
            sql += " AND day <= ?"
            params.append(end)
        with translated(self.store.path):
            found = self.store.conn.execute(sql + " ORDER BY day", params).fetchall()
        return PriceSeries(company_id, [r[0] for r in found], [r[1] for r in found])

    def count(self, company_id: int) -> int:
        return int(self.store.scalar("SELECT count(*) FROM price WHERE company_id = ?",
                                     (company_id,)))

    def coverage(self) -> dict[int, tuple[int, str, str]]:
        """company id -> (days, first day, last day) for every company with prices."""
        return {r["company_id"]: (r["n"], r["first"], r["last"]) for r in self.store.rows(
            "SELECT company_id, count(*) AS n, min(day) AS first, max(day) AS last FROM price "
            "GROUP BY company_id")}

    def benchmark_for(self, thesis: Thesis) -> int | None:
        """The company id of the thesis's benchmark ticker, if it has prices."""
        if not thesis.benchmark_ticker:
            return None
        company = self.companies.by_ticker(thesis.benchmark_ticker)
        if company is None or not self.count(company.id):
            return None
        return company.id

    def company_for_ticker(self, ticker: str, *, create_as: str | None = None) -> Company:
        """The company with this ticker; with ``create_as`` a new one of that name if none."""
        found = self.companies.by_ticker(ticker)
        if found is not None:
            return found
        if create_as:
            return self.companies.add(name=create_as, ticker=ticker)
        raise NotFound(f"There is no company with ticker {ticker!r}: add it first, or give a "
                       f"name to create it (for an index used as a benchmark).")
