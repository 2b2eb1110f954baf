"""Undo and redo as exact row images: every write's before and after, captured by SQLite itself.

Temporary triggers (they live only in this connection) copy each written row of the record
tables into a ``temp.op_<table>`` table: its values before and after, cascades included (a
deleted thesis takes its catalysts, risks and history with it, and the triggers see each).
When a write commits, those images become an ``UndoStep``: undoing it puts every touched row
back as it was before, with its own id; redoing puts it as it was after. Ids are never reused
(the tables are AUTOINCREMENT), so a record that comes back cannot collide with a newer one.

Before an undo or redo applies, every row it would touch must still be exactly as the step
left it; if another writer (the command line, a second window read-only...) changed or removed
one, the step is refused with the record named and both stacks stay where they were.

History rows are the log of what happened: undoing a change marks its history rows undone
(``undone_at``) instead of deleting them, and redoing clears the mark, so the app can still
show that a change was made and taken back while reports and exports leave it out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from model.changes import Kind, OpChanges, Origin
from model.errors import UserError
from model.messages import message, term

# Parents before children: rows are put back (inserted) in this order and removed in the
# reverse, so a foreign key never points at a row that is not there yet (or any more).
TABLES: tuple[str, ...] = ("company", "source", "thesis", "risk", "catalyst", "beneficiary",
                           "citation", "price", "history")
_KEYS: dict[str, tuple[str, ...]] = {"price": ("company_id", "day")}

# An operation that wrote more rows than this (a big import) is not kept for undo: its images
# would hold the whole import in memory. A backup is taken before every import instead.
MAX_STEP_ROWS = 100_000

Row = tuple[Any, ...]
Key = tuple[Any, ...]


class UndoRefused(UserError):
    """An undo or redo could not apply: a record it would restore was changed or removed by
    another writer since. Nothing was changed; the step stays where it was."""


@dataclass(frozen=True)
class TableImages:
    """One table's rows as an operation found and left them, by primary key (None: absent)."""

    table: str
    columns: tuple[str, ...]
    before: dict[Key, Row | None]
    after: dict[Key, Row | None]


@dataclass(frozen=True)
class UndoStep:
    """One operation's exact inverse (and its redo): the row images it captured."""

    label: str
    tables: tuple[TableImages, ...]
    changes: OpChanges

    @property
    def row_count(self) -> int:
        return sum(len(t.before) for t in self.tables)


@dataclass
class UndoStack:
    """The steps of this process, newest last; ``undone`` holds the steps that can be redone.
    Listeners hear ``(event, step)`` with event 'push', 'undo', 'redo', 'drop' or 'clear'."""

    steps: list[UndoStep] = field(default_factory=list)
    undone: list[UndoStep] = field(default_factory=list)
    limit: int = 200
    listeners: list[Callable[[str, UndoStep | None], None]] = field(default_factory=list)

    def push(self, step: UndoStep) -> None:
        self.steps.append(step)
        self.undone.clear()
        if len(self.steps) > self.limit:
            del self.steps[0]
        self._tell("push", step)

    def clear(self) -> None:
        self.steps.clear()
        self.undone.clear()
        self._tell("clear", None)

    def _tell(self, event: str, step: UndoStep | None) -> None:
        for listener in list(self.listeners):
            listener(event, step)


# -- capture ---------------------------------------------------------------------------------
def table_columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))


def install_capture(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Create this connection's temporary image tables and triggers; returns the columns."""
    columns: dict[str, tuple[str, ...]] = {}
    for table in TABLES:
        cols = table_columns(conn, table)
        columns[table] = cols
        # No column types: values keep their storage class (a REAL stays exact).
        image_cols = ", ".join([f"o_{c}" for c in cols] + [f"n_{c}" for c in cols])
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS op_{table} "
                     f"(seq INTEGER PRIMARY KEY, action TEXT NOT NULL, {image_cols})")
        olds = ", ".join(f"old.{c}" for c in cols)
        news = ", ".join(f"new.{c}" for c in cols)
        nulls = ", ".join("NULL" for _ in cols)
        target = f"op_{table} (action, {image_cols})"
        for event, values in (("INSERT", f"'I', {nulls}, {news}"),
                              ("UPDATE", f"'U', {olds}, {news}"),
                              ("DELETE", f"'D', {olds}, {nulls}")):
            conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS op_{table}_{event.lower()} "
                         f"AFTER {event} ON main.{table} BEGIN "
                         f"INSERT INTO {target} VALUES ({values}); END")
    return columns


def captured_count(conn: sqlite3.Connection) -> int:
    total = " + ".join(f"(SELECT count(*) FROM temp.op_{t})" for t in TABLES)
    return int(conn.execute(f"SELECT {total}").fetchone()[0])


def clear_capture(conn: sqlite3.Connection) -> None:
    for table in TABLES:
        conn.execute(f"DELETE FROM temp.op_{table}")


def read_capture(conn: sqlite3.Connection,
                 columns: dict[str, tuple[str, ...]]) -> tuple[TableImages, ...]:
    """The rows this transaction wrote, each as first found and last left (then forgotten)."""
    found = []
    for table in TABLES:
        cols = columns[table]
        width = len(cols)
        key_of = _key_getter(table, cols)
        before: dict[Key, Row | None] = {}
        after: dict[Key, Row | None] = {}
        for entry in conn.execute(f"SELECT * FROM temp.op_{table} ORDER BY seq"):
            action = entry[1]
            old = None if action == "I" else tuple(entry[2:2 + width])
            new = None if action == "D" else tuple(entry[2 + width:])
            image = old if old is not None else new
            assert image is not None        # every action has a before or an after image
            key = key_of(image)
            if key not in before:
                before[key] = old
            after[key] = new
        if before:
            # A row inserted and deleted again within the operation never existed for anyone,
            # and one written with the values it had did not change.
            for key in [k for k in before if before[k] == after[k]]:
                del before[key], after[key]
            found.append(TableImages(table, cols, before, after))
    clear_capture(conn)
    return tuple(t for t in found if t.before)


def _key_getter(table: str, cols: Sequence[str]) -> Callable[[Row], Key]:
    positions = [cols.index(name) for name in _KEYS.get(table, ("id",))]
    return lambda row: tuple(row[p] for p in positions)


# -- what changed ----------------------------------------------------------------------------
_KIND = {kind.value: kind for kind in Kind}


def describe(conn: sqlite3.Connection, images: Sequence[TableImages], *, label: str,
             origin: Origin, initiator: object = None) -> OpChanges:
    """The OpChanges of a set of row images: ids by kind and every thesis they concern."""
    records: dict[Kind, tuple[set[int], set[int], set[int]]] = {}
    theses: set[int] = set()
    companies: set[int] = set()
    sources: set[int] = set()
    citation_owners: list[tuple[Any, Any]] = []
    for table in images:
        kind = _KIND[table.table]
        added, changed, removed = records.setdefault(kind, (set(), set(), set()))
        cols = table.columns
        for key, old in table.before.items():
            new = table.after[key]
            record_id = key[0]
            if old is None:
                added.add(record_id)
            elif new is None:
                removed.add(record_id)
            else:
                changed.add(record_id)
            for row in (old, new):
                if row is None:
                    continue
                values = dict(zip(cols, row))
                if kind is Kind.THESIS:
                    theses.add(values["id"])
                elif kind is Kind.COMPANY:
                    companies.add(values["id"])
                elif kind is Kind.PRICE:
                    companies.add(values["company_id"])
                elif kind is Kind.SOURCE:
                    sources.add(values["id"])
                elif kind is Kind.CITATION:
                    if values["thesis_id"] is not None:
                        theses.add(values["thesis_id"])
                    citation_owners.append((values["risk_id"], values["catalyst_id"]))
                elif "thesis_id" in values:
                    theses.add(values["thesis_id"])
    theses |= _theses_of(conn, images, companies, sources, citation_owners)
    return OpChanges.build(records, theses, label=label, origin=origin, initiator=initiator)


def _theses_of(conn: sqlite3.Connection, images: Sequence[TableImages], companies: set[int],
               sources: set[int], owners: list[tuple[Any, Any]]) -> set[int]:
    """Theses that show a changed company, source or citation (found in the rows as they are
    now, and in the images for rows that are gone)."""
    found: set[int] = set()
    owner_rows = {(img.table, key[0]): dict(zip(img.columns, row))
                  for img in images if img.table in ("risk", "catalyst")
                  for key, row in [*img.before.items(), *img.after.items()] if row is not None}
    for risk_id, catalyst_id in owners:
        table, ref = ("risk", risk_id) if risk_id is not None else ("catalyst", catalyst_id)
        if ref is None:
            continue
        row = owner_rows.get((table, ref))
        if row is not None:
            found.add(row["thesis_id"])
        else:
            hit = conn.execute(f"SELECT thesis_id FROM {table} WHERE id = ?", (ref,)).fetchone()
            if hit:
                found.add(hit[0])
    for company_id in companies:
        found.update(r[0] for r in conn.execute(
            "SELECT thesis_id FROM beneficiary WHERE company_id = ?", (company_id,)))
    for source_id in sources:
        found.update(r[0] for r in conn.execute(
            "SELECT coalesce(c.thesis_id, r.thesis_id, k.thesis_id) FROM citation c "
            "LEFT JOIN risk r ON r.id = c.risk_id LEFT JOIN catalyst k ON k.id = c.catalyst_id "
            "WHERE c.source_id = ?", (source_id,)) if r[0] is not None)
    return found


# -- applying --------------------------------------------------------------------------------
def _where(table: str, cols: Sequence[str]) -> tuple[str, list[int]]:
    names = _KEYS.get(table, ("id",))
    return " AND ".join(f"{n} = ?" for n in names), [cols.index(n) for n in names]


def _current(conn: sqlite3.Connection, table: str, cols: Sequence[str], key: Key) -> Row | None:
    where, _ = _where(table, cols)
    found = conn.execute(f"SELECT {', '.join(cols)} FROM main.{table} WHERE {where}",
                         key).fetchone()
    return None if found is None else tuple(found)


def _name(table: str, cols: Sequence[str], row: Row | None, key: Key) -> str:
    values = dict(zip(cols, row)) if row is not None else {}
    title = values.get("title") or values.get("name")
    what = term(table)      # thesis, catalyst, risk, company, source, beneficiary, citation
    if title:
        return message("the {what} “{title}”", what=what, title=title)
    if table == "price":
        return message("the price of company {company} on {day}", company=key[0], day=key[1])
    return message("the {what} with id {id}", what=what, id=key[0])


def check_unchanged(conn: sqlite3.Connection, step: UndoStep, *, expect_after: bool,
                    verb: str) -> None:
    """Refuse (UndoRefused) when a row the step touched is no longer as the step expects."""
    for images in step.tables:
        if images.table == "history":
            continue            # the log follows its records (see apply_images)
        expected = images.after if expect_after else images.before
        for key, row in expected.items():
            now = _current(conn, images.table, images.columns, key)
            if now == row:
                continue
            name = _name(images.table, images.columns, row if row is not None else now, key)
            if row is None:
                why = message("{name} was added again elsewhere since", name=name)
            elif now is None:
                why = message("{name} was deleted elsewhere since", name=name)
            else:
                why = message("{name} was changed elsewhere since", name=name)
            refusal = (message("Cannot undo “{label}”: {why} (by another program or window). "
                               "Nothing was changed.", label=step.label, why=why)
                       if verb == "undo" else
                       message("Cannot redo “{label}”: {why} (by another program or window). "
                               "Nothing was changed.", label=step.label, why=why))
            raise UndoRefused(refusal)


def apply_images(conn: sqlite3.Connection, step: UndoStep, *, to_after: bool,
                 stamp: str) -> None:
    """Put every row the step touched as it was before it (undo) or after it (redo).

    Inside the caller's transaction, which the row in ``undo_in_progress`` never outlives: it
    lets a date another tool wrote before schema 5 come back as it was (m005)."""
    conn.execute("INSERT INTO main.undo_in_progress (started_at) VALUES (?)", (stamp,))
    _apply_images(conn, step, to_after=to_after, stamp=stamp)
    conn.execute("DELETE FROM main.undo_in_progress")


def _apply_images(conn: sqlite3.Connection, step: UndoStep, *, to_after: bool,
                  stamp: str) -> None:
    targets: list[tuple[TableImages, dict[Key, Row | None]]] = [
        (images, images.after if to_after else images.before) for images in step.tables]
    by_table = {images.table: (images, target) for images, target in targets}
    # Remove children first, then change, then insert parents first.
    for table in reversed(TABLES):
        if table in by_table and table != "history":
            images, target = by_table[table]
            for key, row in target.items():
                if row is None:
                    _delete(conn, images, key)
    for table in TABLES:
        if table in by_table and table != "history":
            images, target = by_table[table]
            for key, row in target.items():
                if row is not None:
                    _put(conn, images, key, row)
    if "history" in by_table:
        images, _ = by_table["history"]
        _apply_history(conn, images, to_after=to_after, stamp=stamp)


def _apply_history(conn: sqlite3.Connection, images: TableImages, *, to_after: bool,
                   stamp: str) -> None:
    cols = images.columns
    undone = cols.index("undone_at")
    for key, old in images.before.items():
        new = images.after[key]
        if old is None:                 # the step wrote this entry
            # (both None is impossible: read_capture drops rows that never existed for anyone)
            assert new is not None
            if to_after:
                _put(conn, images, key, new)                   # back, unmarked
            elif _current(conn, "history", cols, key) is not None:
                marked = list(new)
                marked[undone] = stamp
                _put(conn, images, key, tuple(marked))          # kept, marked undone
        elif new is None:               # the step removed it (its thesis was deleted)
            if to_after:
                _delete(conn, images, key)
            else:
                _put(conn, images, key, old)
        else:
            _put(conn, images, key, new if to_after else old)


def _delete(conn: sqlite3.Connection, images: TableImages, key: Key) -> None:
    where, _ = _where(images.table, images.columns)
    conn.execute(f"DELETE FROM main.{images.table} WHERE {where}", key)


def _put(conn: sqlite3.Connection, images: TableImages, key: Key, row: Row) -> None:
    """Make the row exactly ``row``: insert it when absent, else set only what differs (the
    history table refuses updates of its recorded columns)."""
    table, cols = images.table, images.columns
    now = _current(conn, table, cols, key)
    if now is None:
        marks = ", ".join("?" for _ in cols)
        conn.execute(f"INSERT INTO main.{table} ({', '.join(cols)}) VALUES ({marks})", row)
        return
    differing = [i for i, (a, b) in enumerate(zip(now, row)) if a != b or type(a) is not type(b)]
    if differing:
        where, _ = _where(table, cols)
        sets = ", ".join(f"{cols[i]} = ?" for i in differing)
        conn.execute(f"UPDATE main.{table} SET {sets} WHERE {where}",
                     [row[i] for i in differing] + list(key))


def merged(first: UndoStep, second: UndoStep, label: str) -> UndoStep:
    """One step doing ``first`` then ``second``: each row from its state before ``first`` to
    its state after ``second``."""
    by_table: dict[str, TableImages] = {}
    for images in (*first.tables, *second.tables):
        known = by_table.get(images.table)
        if known is None:
            by_table[images.table] = TableImages(images.table, images.columns,
                                                 dict(images.before), dict(images.after))
            continue
        for key, row in images.before.items():
            known.before.setdefault(key, row)
        known.after.update(images.after)
    tables = tuple(by_table[t] for t in TABLES if t in by_table)
    return UndoStep(label, tables, second.changes)


def iter_keys(step: UndoStep, table: str) -> Iterator[Key]:
    for images in step.tables:
        if images.table == table:
            yield from images.before
