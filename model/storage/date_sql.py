"""SQL that tells a stored date from text that is no date (schema 5, #14).

Kept apart from the schema (which imports sqlite-utils) so the queries that use it cost
nothing to import at start-up.
"""

from __future__ import annotations

# The date columns, and whether they may be empty. Their CHECK (date(x) = x) constraints from
# m001 let any text through: date('soon') is NULL, and a CHECK that comes out NULL passes (and
# date('2026-02-30') is '2026-02-30': only a modifier makes SQLite roll it over).
DATE_COLUMNS = (("thesis", "next_review", True), ("catalyst", "window_start", False),
                ("catalyst", "window_end", False), ("catalyst", "happened_on", True),
                ("source", "published_on", True), ("price", "day", False))


def is_date_sql(column: str) -> str:
    """SQL that is 1 when ``column`` holds a real YYYY-MM-DD day (year 1 on), else 0."""
    return f"coalesce(date({column}, '+0 days') IS {column} AND {column} >= '0001', 0)"


# A catalyst's window can be placed in time. Only a row another tool wrote before schema 5
# (whose triggers refuse it) fails this: charts and calendars leave such a catalyst off,
# tables show it, and ``check`` names it.
PLACED = f"({is_date_sql('window_start')} AND {is_date_sql('window_end')})"
