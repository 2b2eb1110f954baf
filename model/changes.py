"""What one operation changed, by kind of record, and who asked: what every view filters on.

Every committed write (an edit, an import, an undo or a redo) is described by one frozen
``OpChanges``: for each kind of record the ids added, changed and removed, the theses whose
row, parts or history changed, and the ``initiator`` that asked (a view that made an edit
already shows it and can skip reloading). The store derives it from the rows the transaction
actually wrote (``model.undo`` captures them), so it can neither miss a record nor name one
that was not touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType


class Kind(str, Enum):
    """The kinds of record; the value is the table that holds them."""

    THESIS = "thesis"
    CATALYST = "catalyst"
    RISK = "risk"
    BENEFICIARY = "beneficiary"
    COMPANY = "company"
    SOURCE = "source"
    CITATION = "citation"
    HISTORY = "history"
    PRICE = "price"          # ids are company ids: a company's price rows changed


class Origin(Enum):
    """Why the records changed."""

    OPERATION = "operation"  # an edit made through this tracker
    UNDO = "undo"
    REDO = "redo"
    OUTSIDE = "outside"      # written elsewhere (a worker's connection, another program)
    DAY = "day"              # nothing was written, but the date changed (overdue counts)


@dataclass(frozen=True)
class Touched:
    """The ids of one kind of record an operation added, changed or removed."""

    added: frozenset[int] = frozenset()
    changed: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def ids(self) -> frozenset[int]:
        """Every id touched in any way."""
        return self.added | self.changed | self.removed

    @property
    def present(self) -> frozenset[int]:
        """Ids that exist after the operation (added or changed, not removed)."""
        return (self.added | self.changed) - self.removed


_NOTHING = Touched()


@dataclass(frozen=True)
class OpChanges:
    """One committed operation's effect. ``reset`` means "reload everything" (another
    database, a restore, or an operation too big to describe row by row)."""

    label: str = ""
    records: Mapping[Kind, Touched] = field(default_factory=lambda: MappingProxyType({}))
    theses: frozenset[int] = frozenset()
    reset: bool = False
    initiator: object = None
    origin: Origin = Origin.OPERATION

    def __bool__(self) -> bool:
        return self.reset or self.origin is Origin.DAY or any(self.records.values())

    def of(self, kind: Kind) -> Touched:
        return self.records.get(kind, _NOTHING)

    def touches(self, *kinds: Kind) -> bool:
        """Any record of these kinds was added, changed or removed (always, on a reset)."""
        return self.reset or any(self.of(kind) for kind in kinds)

    @property
    def added_theses(self) -> frozenset[int]:
        return self.of(Kind.THESIS).added - self.of(Kind.THESIS).removed

    @property
    def removed_theses(self) -> frozenset[int]:
        return self.of(Kind.THESIS).removed - self.of(Kind.THESIS).added

    def for_thesis(self, thesis_id: int | None, *kinds: Kind) -> bool:
        """Records of these kinds (any kind if none given) changed in this thesis."""
        if thesis_id is None:
            return False
        if self.reset:
            return True
        if thesis_id not in self.theses:
            return False
        return not kinds or self.touches(*kinds)

    def with_initiator(self, initiator: object) -> OpChanges:
        return OpChanges(self.label, self.records, self.theses, self.reset, initiator,
                         self.origin)

    @classmethod
    def everything(cls, *, label: str = "", origin: Origin = Origin.OUTSIDE,
                   initiator: object = None) -> OpChanges:
        return cls(label=label, reset=True, origin=origin, initiator=initiator)

    @classmethod
    def day_changed(cls) -> OpChanges:
        """Nothing was written, but what is overdue or due this week moved on."""
        return cls(label="A new day", origin=Origin.DAY)

    @classmethod
    def build(cls, records: Mapping[Kind, tuple[Iterable[int], Iterable[int], Iterable[int]]],
              theses: Iterable[int], *, label: str = "", origin: Origin = Origin.OPERATION,
              initiator: object = None, reset: bool = False) -> OpChanges:
        touched = {kind: Touched(frozenset(a), frozenset(c), frozenset(r))
                   for kind, (a, c, r) in records.items()}
        return cls(label, MappingProxyType({k: t for k, t in touched.items() if t}),
                   frozenset(theses), reset, initiator, origin)


def quoted(text: object, limit: int = 40) -> str:
    """A record's title for a step's name: “Big light …”, one line, at most ``limit`` long."""
    flat = " ".join(str(text).split())
    return "“" + (flat if len(flat) <= limit else flat[: limit - 1] + "…") + "”"
