"""The append-only log: one row per status, conviction, tick, slip or review, written inside
the same transaction as the change it records (callers hold ``store.write()``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.types import HistoryEntry

if TYPE_CHECKING:
    from model.storage.store import Store


class History:
    def __init__(self, store: Store):
        self.store = store

    def record(self, thesis_id: int, field: str, *, old: object = None, new: object = None,
               note: str = "",
               catalyst_id: int | None = None, subject: str = "", at: str | None = None) -> int:
        assert self.store.conn.in_transaction, "history is written in its change's transaction"
        row_id = self.store.insert("history", {
            "at": at or self.store.clock.stamp(), "thesis_id": thesis_id,
            "catalyst_id": catalyst_id, "field": field, "subject": subject,
            "old": None if old is None else str(old), "new": None if new is None else str(new),
            "note": note or ""})
        return row_id

    def for_thesis(self, thesis_id: int, *, include_undone: bool = False) -> list[HistoryEntry]:
        """Newest first; changes that were undone only when ``include_undone``."""
        kept = "" if include_undone else " AND undone_at IS NULL"
        rows = self.store.rows(f"SELECT * FROM history WHERE thesis_id = ?{kept} "
                               f"ORDER BY at DESC, id DESC", (thesis_id,))
        return [HistoryEntry.from_row(r) for r in rows]

    def for_catalyst(self, catalyst_id: int) -> list[HistoryEntry]:
        rows = self.store.rows("SELECT * FROM history WHERE catalyst_id = ? AND undone_at IS NULL "
                               "ORDER BY at, id",
                               (catalyst_id,))
        return [HistoryEntry.from_row(r) for r in rows]
