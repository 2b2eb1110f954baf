"""The one SQLite file: opening it safely, migrating it, and grouping writes into transactions.

Opening refuses, before writing a byte, a file that is not SQLite or was written by a newer
version. Every write goes through ``Store.write()``: one transaction, and after it commits the
listeners hear what changed, so views can update only the touched rows.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict

from model.changes import OpChanges, Origin
from model.constants import SCHEMA_VERSION
from model.errors import (
    Ambiguous,
    CorruptDatabaseError,
    NewerSchemaError,
    NotFound,
    ReadOnlyError,
    StoreError,
)
from model.messages import message, term
from model.storage import backup as backups
from model.storage import clean_close, held
from model.storage.connection import connect, undecodable
from model.storage.files import (
    PRIVATE_DIR,
    PRIVATE_FILE,
    make_private_dir,
    open_regular,
    real_path,
    regular_file_problem,
    tighten,
)
from model.storage.identity import describe as describe_identity
from model.storage.identity import identify
from model.storage.sqlite_errors import one_line, translate_error, translated
from model.storage.sqlite_file import SQLITE_HEADER, header_problem, sqlite_uri  # noqa: F401
from model.undo import (
    MAX_STEP_ROWS,
    UndoStack,
    UndoStep,
    captured_count,
    clear_capture,
    describe,
    install_capture,
    read_capture,
)
from model.validate import in_id_range

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

    from model.storage.identity import Identity
    from model.storage.instance import InstanceLock, UseLock

# A row as a dict of column name to value (what ``Store.rows`` hands out).
Row: TypeAlias = dict[str, Any]
# Query parameters: positional values, or named ones for ``:name`` placeholders.
Params: TypeAlias = Sequence[Any] | Mapping[str, Any]

# The migration steps (model.storage.schema), loaded only when a file needs them: importing
# sqlite-utils costs a third of a second, which a start on a current file need not pay.
# Tests replace this with an extended set.
migrations: Migrations | None = None


def load_sqlite_utils() -> ModuleType:
    """Import sqlite-utils without its optional numpy support.

    sqlite-utils imports numpy (0.2 s, ~15 MB) only to map numpy scalar types in inserts, which
    this app never makes; charts import numpy themselves when first shown.
    """
    import sys
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    blocked = "numpy" not in sys.modules
    if blocked:
        # None in sys.modules makes sqlite-utils' "import numpy" fail fast (documented in the
        # import system's reference); typeshed types the values as modules only.
        sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        if blocked and sys.modules.get("numpy") is None:
            del sys.modules["numpy"]
    return sqlite_utils


def _migration_steps() -> Migrations:
    if migrations is not None:
        return migrations
    load_sqlite_utils()
    from model.storage.schema import migrations as steps
    return steps

BUSY_TIMEOUT_S = 2.0
_NAME_MAX = 255          # bytes in one file name on Linux, macOS and Windows file systems


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class Clock:
    """Now and today, replaceable in tests so queues and reviews run against a fixed day."""

    def __init__(self, now: Callable[[], dt.datetime] = utc_now):
        self._now = now

    def now(self) -> dt.datetime:
        return self._now()

    def stamp(self) -> str:
        return self.now().astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def today(self) -> dt.date:
        return self.now().astimezone().date()

    @classmethod
    def fixed(cls, when: dt.datetime | dt.date | str) -> "Clock":
        if isinstance(when, str):
            when = dt.datetime.fromisoformat(when)
        if not isinstance(when, dt.datetime):
            when = dt.datetime(when.year, when.month, when.day, 12, tzinfo=dt.timezone.utc)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return cls(lambda: when)


class Write:
    """The open transaction of one ``Store.write()``: its label and, once it has committed,
    what it changed (``changes``) and the undo step it left (``step``, None when the step was
    not kept)."""

    def __init__(self, label: str, initiator: object, origin: Origin):
        self.label = label
        self.initiator = initiator
        self.origin = origin
        self.reset = False          # tell views to reload everything (seeding a new file)
        self.keep_undo = True       # False: the work is not a step of its own (seeding)
        self.changes: OpChanges = OpChanges(label=label)
        self.step: UndoStep | None = None


class Store:
    """An open database: reads, one-transaction writes, and change notification."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool, clock: Clock,
                 backup_dir: Path):
        self.path = path
        self.conn = conn
        self._db: Database | None = None
        self.readonly = readonly
        self.clock = clock
        self.backup_dir = backup_dir
        self._listeners: list[Callable[[OpChanges], None]] = []
        self._seen_version: int | None = None      # PRAGMA data_version last looked at
        self._pending: Write | None = None
        self._capture: dict[str, tuple[str, ...]] | None = None   # columns, once installed
        self._naming: tuple[str, object] | None = None    # (label, initiator) for the next write
        self.last_write: Write | None = None
        self.undo_stack = UndoStack()
        # Problems worth telling the user that did not stop opening.
        self.warnings: list[str] = []
        self.instance_lock: InstanceLock | None = None   # when single_instance
        self.held: held.Key | None = None     # this file, noted as held by this process
        self.use_lock: UseLock | None = None             # held while open
        self.damage: str | None = None     # why the store was switched to read-only (damage)

    @property
    def db(self) -> Database:
        """The sqlite-utils Database over the connection, made on first use."""
        if self._db is None:
            load_sqlite_utils()
            from sqlite_utils import Database
            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    # -- reading ---------------------------------------------------------------------------
    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        with translated(self.path):
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def row(self, sql: str, params: Params = ()) -> Row | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        with translated(self.path):
            found = self.conn.execute(sql, params).fetchone()
        return found[0] if found else None

    def get(self, table: str, row_id: int, what: str | None = None) -> Row:
        # No row has an id beyond SQLite's 64 bits (sqlite3 raises OverflowError on one).
        found = (self.row(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
                 if in_id_range(row_id) else None)
        if found is None:
            raise NotFound(message("There is no {what} with id {id}.", what=term(what or table),
                                   id=row_id))
        return found

    def resolve_title(self, table: str, name: str, *, what: str, plural: str, scope: str = "",
                      params: Sequence[Any] = ()) -> int:
        """The one row whose title is ``name`` or, failing that, starts with it (any case).

        ``scope`` narrows the rows (" AND thesis_id = ?" with ``params``). Several prefix
        matches raise Ambiguous naming a few; none raises NotFound.
        """
        exact = self.rows(f"SELECT id FROM {table} WHERE lower(title) = lower(?){scope}",
                          (name, *params))
        if len(exact) == 1:
            return int(exact[0]["id"])
        escaped = name.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found = self.rows(f"SELECT id, title FROM {table} WHERE lower(title) LIKE ? ESCAPE '\\'"
                          f"{scope} ORDER BY title", (escaped + "%", *params))
        if not found:
            raise NotFound(f"No {what} has a title starting with {name!r}.")
        if len(found) > 1:
            names = "; ".join(r["title"] for r in found[:5])
            raise Ambiguous(f"{name!r} matches {len(found)} {plural} ({names}): type more of the "
                            f"title or use the id.")
        return int(found[0]["id"])

    # -- writing ---------------------------------------------------------------------------
    def start_capture(self) -> None:
        """Record every write's rows from now on (undo steps and exact change notices)."""
        if self._capture is None and not self.readonly:
            with translated(self.path):
                self._capture = install_capture(self.conn)

    @contextmanager
    def write(self, label: str = "", *, initiator: object = None,
              origin: Origin = Origin.OPERATION) -> Iterator[Write]:
        """One transaction; nested calls join the outer one (whose label names the step).

        After it commits, the rows it wrote become an undo step (``self.undo_stack``) and
        every listener hears one ``OpChanges`` describing them.
        """
        if self.readonly:
            raise ReadOnlyError(message("{path} is open read-only: changes cannot be saved.",
                                        path=self.path))
        if self._pending is not None:
            inner = self._pending
            if not inner.label and label:
                inner.label = label
            with translated(self.path), self.db.atomic():
                yield inner
            return
        if self._naming is not None:
            label, initiator = self._naming[0] or label, self._naming[1]
        current = self._pending = Write(label, initiator, origin)
        step = None
        try:
            with translated(self.path):
                if self.conn.in_transaction:
                    raise RuntimeError("a transaction is open outside Store.write()")
                # BEGIN IMMEDIATE takes the write lock up front, where the busy timeout
                # applies. A deferred BEGIN whose first write must read first (FTS5 triggers
                # on a fresh connection) gets SQLITE_BUSY at once, without waiting.
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    with self.db.atomic():
                        yield current
                    step = self._finish(current)
                    self.conn.execute("COMMIT")
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
        finally:
            self._pending = None
        if step is not None:
            current.step = step
            self.undo_stack.push(step)
        self.last_write = current
        if current.changes:
            self.notify(current.changes)

    @contextmanager
    def operation(self, label: str, initiator: object = None) -> Iterator[None]:
        """Name the write that work inside this block starts (an import that must take its
        backup before its transaction begins); ``last_write`` then holds its result."""
        self._naming, self.last_write = (label, initiator), None
        try:
            yield
        finally:
            self._naming = None

    def _finish(self, current: Write) -> UndoStep | None:
        """Inside the transaction, before COMMIT: turn the captured rows into the notice and
        (for an operation) its undo step."""
        label = current.label
        if self._capture is None:
            current.changes = OpChanges.everything(label=label, origin=current.origin,
                                                   initiator=current.initiator)
            return None
        count = captured_count(self.conn)
        if current.reset or count > MAX_STEP_ROWS:
            clear_capture(self.conn)
            current.changes = OpChanges.everything(label=label, origin=current.origin,
                                                   initiator=current.initiator)
            return None
        if not count:
            current.changes = OpChanges(label=label, origin=current.origin,
                                        initiator=current.initiator)
            return None
        images = read_capture(self.conn, self._capture)
        current.changes = describe(self.conn, images, label=label, origin=current.origin,
                                   initiator=current.initiator)
        if current.origin is not Origin.OPERATION or not current.keep_undo or not images:
            return None
        return UndoStep(label or message("Change"), images, current.changes)

    def adopt(self, step: UndoStep | None, changes: OpChanges) -> None:
        """Take an operation committed on another connection of this process (an import on
        a worker thread) as one of ours: its step goes on the undo stack, its notice out."""
        if step is not None and self._capture is not None:
            self.undo_stack.push(step)
        if changes:
            self.notify(changes)

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        with translated(self.path):
            return self.conn.execute(sql, params)

    def insert(self, table: str, values: Mapping[str, Any]) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                              tuple(values.values()))
        # An INSERT that succeeded always sets it (None only before any INSERT).
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update(self, table: str, row_id: int, values: Mapping[str, Any]) -> None:
        if not values:
            return
        sets = ", ".join(f"{name} = ?" for name in values)
        self.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row_id))

    # -- listeners -------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[OpChanges], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[OpChanges], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, changes: OpChanges) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def changed_elsewhere(self) -> bool:
        """Another connection (the command line, another program, a worker of this process)
        committed to the file since the last look. SQLite bumps ``PRAGMA data_version`` for
        commits of other connections only, so this costs one tiny statement and never a read
        of the data. The first look only takes note."""
        with translated(self.path):
            version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        seen, self._seen_version = self._seen_version, version
        return seen is not None and version != seen

    # -- housekeeping ----------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def close(self) -> None:
        try:
            self.conn.close()
            closed = True
        except sqlite3.Error:
            closed = False
        held.release(self.held)
        self.held = None
        if closed and not self.readonly:
            clean_close.record_clean_close(self.path)
        if self.instance_lock is not None:
            # Only after the connection is closed: the next instance may then open at once.
            self.instance_lock.release()
            self.instance_lock = None
        if self.use_lock is not None:
            self.use_lock.release()
            self.use_lock = None


def default_database_path() -> Path:
    """THESIS_TRACKER_DB if set, else theses.sqlite3 in the user's data folder."""
    env = os.environ.get("THESIS_TRACKER_DB")
    if env:
        return Path(env).expanduser()
    return default_data_dir() / "theses.sqlite3"


APP_FOLDER = "thesis-tracker"       # the data folder's name (platformdirs' app name)


def default_data_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_data_dir(APP_FOLDER, appauthor=False))


def _check_header(path: Path) -> None:
    if held.is_held(path):
        # Another Store of this process has it open (an export's or import's own connection):
        # its header passed this check then, and a plain open and close of the file now would
        # release that connection's locks (model.storage.held).
        return
    try:
        # Non-blocking and checked with fstat: a FIFO swapped in after the first check must
        # not hang the open forever (#14 item 6).
        with open_regular(path) as fd:
            head = os.read(fd, 100)
            size = os.fstat(fd).st_size
    except PermissionError:
        raise ReadOnlyError(f"{path} cannot be read: permission denied.") from None
    except IsADirectoryError:
        raise StoreError(f"{path} is not a regular file: it was not opened.") from None
    except OSError as exc:
        raise StoreError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    problem = header_problem(path, head, size)
    if problem:
        newest = backups.newest_good_backup(path)
        raise CorruptDatabaseError(f"{path} {problem}. It was not opened or changed. "
                                   f"{backups.restore_hint(path, newest)}", path=path,
                                   newest_backup=newest)


class OpenOptions(TypedDict, total=False):
    """The options of ``open_store`` that ``Tracker.open`` passes through."""

    create: bool
    readonly: bool
    verify: bool
    daily_backup: bool
    single_instance: bool
    wait: float | None


def open_store(path: Path | str | None = None, *, create: bool = True, readonly: bool = False,
               clock: Clock | None = None, verify: bool = True, daily_backup: bool = True,
               on_new: Callable[[Store], object] | None = None, single_instance: bool = False,
               wait: float | None = None) -> Store:
    """Open (or create) a database, refusing newer, damaged or foreign files without touching
    them.

    ``on_new(store)`` runs once, inside the first transaction, for a file created here (the
    caller loads demo data with it). Before any migration of an existing file a verified backup
    is taken; on the first open of each day too. Every open holds the shared use lock
    (``<db>.inuse.lock``, waiting up to ``wait`` seconds for a restore in another process);
    ``single_instance`` (the desktop app) also takes the ``<db>.lock`` and raises
    ``instance.AlreadyOpenError`` when another app holds it, before SQLite sees the file.
    An interrupted restore is finished first; a missing file is never created beside a copy
    set aside that is newer than every backup (#14 item 2).
    """
    from model.storage import restore as restoring
    from model.storage.instance import USE_WAIT_S, UseLock
    path = real_path(Path(path) if path is not None else default_database_path())
    clock = clock or Clock()
    size = len(path.name.encode("utf-8", "surrogateescape"))
    if size > _NAME_MAX - len("-journal"):
        raise StoreError(f"The file name {path.name!r} is too long ({size} bytes): SQLite keeps "
                         f"a '-journal' file beside it, so the name must be at most "
                         f"{_NAME_MAX - len('-journal')} bytes.")
    problem = regular_file_problem(path)
    if problem is None:
        problem = regular_file_problem(path.parent) if path.parent.exists() and \
            not path.parent.is_dir() else None
    if problem:
        raise StoreError(f"Cannot use {path}: it {problem}. Nothing was opened or changed.")
    if (create and not readonly) or single_instance:
        _make_folder(path)
    notes = restoring.finish_unfinished(path)
    if path.exists():
        # A file that is no database of ours (a text file opened by mistake) is refused before
        # any lock file is made beside it; _open checks it again under the locks.
        _check_header(path)
    use = UseLock(path).acquire_shared(timeout=USE_WAIT_S if wait is None else wait)
    lock = None
    try:
        existed = path.exists()
        if not existed and create and not readonly:
            restoring.refuse_beside_stranded(path)
        if single_instance and not readonly and (existed or create):
            from model.storage.instance import InstanceLock
            lock = InstanceLock(path).acquire()
        store = _open(path, existed=existed, create=create, readonly=readonly, clock=clock,
                      verify=verify, daily_backup=daily_backup, on_new=on_new)
    except BaseException:
        if lock is not None:
            lock.release()
        use.release()
        raise
    store.instance_lock = lock
    store.changed_elsewhere()       # what other connections did before now is in the data
    store.use_lock = use
    store.warnings[:0] = notes
    return store


def _make_folder(path: Path) -> None:
    """The folder for a database we may create: new folders are private (0700), and the
    app's own data folder is made private even when an older version created it 0755."""
    try:
        make_private_dir(path.parent)
    except OSError as exc:
        raise ReadOnlyError(f"Cannot create the folder {path.parent}: "
                            f"{exc.strerror or exc}.") from None
    try:
        # The data folder is named for the app on every platform: a file elsewhere (--db)
        # does not pay for loading platformdirs to find that out.
        if (path.parent.name == APP_FOLDER
                and path.parent.resolve() == default_data_dir().resolve()):
            tighten(path.parent, PRIVATE_DIR)
    except (OSError, RuntimeError):
        pass


def _open(path: Path, *, existed: bool, create: bool, readonly: bool, clock: Clock,
          verify: bool, daily_backup: bool, on_new: Callable[[Store], object] | None) -> Store:
    if existed:
        _check_header(path)
    elif not create or readonly:
        raise NotFound(message("There is no database at {path}.", path=path))
    else:
        if not os.access(path.parent, os.W_OK):
            raise ReadOnlyError(message("Cannot create {path}: the folder {folder} is read-only.",
                                        path=path, folder=path.parent))

    if not readonly and existed and not os.access(path, os.W_OK):
        raise ReadOnlyError(message("{path} is read-only: open it read-only or copy it "
                                    "somewhere writable.", path=path))
    if not readonly and existed and not os.access(path.parent, os.W_OK):
        raise ReadOnlyError(message("The folder {folder} is read-only, so SQLite cannot keep "
                                    "its journal beside {name}: move the file somewhere "
                                    "writable.", folder=path.parent, name=path.name))
    if existed:
        _probe_untouched(path, verify=verify, readonly=readonly)
    else:
        _create_private(path)
    mode = "ro" if readonly else "rw"
    try:
        conn = connect(path, mode, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc
    store = Store(path, conn, readonly=readonly, clock=clock,
                  backup_dir=backups.backup_dir_for(path))
    store.held = held.hold(path)
    try:
        _prepare(store, existed=existed, verify=verify, daily_backup=daily_backup,
                 on_new=on_new)
    except BaseException:
        store.close()
        if not existed:
            # A file we created a moment ago and could not finish: leave nothing half-made.
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return store


def _create_private(path: Path) -> None:
    """Create the new database file empty and 0600 before SQLite opens it: SQLite would make
    it 0644, and gives its -wal, -shm and -journal the database's mode (#14 item 14)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     PRIVATE_FILE)
    except FileExistsError:
        raise StoreError(f"{path} appeared while it was being created; open it again.") from None
    except OSError as exc:
        raise ReadOnlyError(f"Cannot create {path}: {exc.strerror or exc}.") from None
    os.close(fd)


def _prepare(store: Store, *, existed: bool, verify: bool, daily_backup: bool,
             on_new: Callable[[Store], object] | None) -> None:
    path = store.path
    try:
        store.conn.execute("PRAGMA foreign_keys = ON")
        store.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # The header peeked before may be stale: a newer version's migration can still sit in
        # a -wal it has not checkpointed (it was killed, or is still running).
        if store.schema_version > SCHEMA_VERSION:
            identity = identify(store.conn, SCHEMA_VERSION)
            if identity.kind == "newer":
                raise NewerSchemaError(message("{what}. It was not changed: update Thesis "
                                               "Tracker to use it.",
                                               what=_what(identity, path)))
        if store.readonly:
            version = store.schema_version
            if version != SCHEMA_VERSION:
                raise StoreError(message("{path} needs an upgrade (schema {version} -> "
                                         "{current}), which a read-only open cannot do.",
                                         path=path, version=version, current=SCHEMA_VERSION))
            return
        store.conn.execute("PRAGMA journal_mode = WAL")
        store.conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        error = translate_error(exc, path)
        if isinstance(error, CorruptDatabaseError):
            error.newest_backup = backups.newest_good_backup(path)
            hint = backups.restore_hint(path, error.newest_backup)
            error.args = (message("{error} {hint}", error=error.args[0], hint=hint),)
        raise error from exc

    if existed and store.schema_version == 0 and _has_user_tables(store):
        raise StoreError(message("{path} is a SQLite database, but not a Thesis Tracker one: "
                                 "it was not changed.", path=path))
    if store.schema_version != SCHEMA_VERSION:
        steps = _migration_steps()
        with translated(path):
            pending = steps.pending(store.db)
        if pending and existed and store.schema_version > 0:
            # Never migrate without a verified copy of the old version to go back to.
            backups.take_backup(store, reason="before-migration")
        # Foreign keys off while the steps run: a step that rebuilds a table (m004) would
        # otherwise cascade the drop of the old table into every child row. Each step checks
        # the references itself before it commits.
        with translated(path):
            store.conn.execute("PRAGMA foreign_keys = OFF")
            try:
                steps.apply(store.db)
            finally:
                store.conn.execute("PRAGMA foreign_keys = ON")
    if not existed and on_new is not None:
        with store.write("Load the demo theses") as seeding:
            seeding.reset = True
            seeding.keep_undo = False
            on_new(store)
    elif existed and daily_backup:
        try:
            backups.daily_backup_if_due(store)
        except CorruptDatabaseError:
            raise
        except StoreError as exc:
            # A full disk or an unwritable backups/ folder must not lock the user out of their
            # data; the GUI shows store.warnings.
            store.warnings.append(f"Today's backup could not be taken: {exc}")


def _probe_untouched(path: Path, *, verify: bool, readonly: bool = False) -> None:
    """Refuse a damaged, newer or foreign file through a read-only connection, before any
    read-write one exists.

    A read-write connection checkpoints the -wal into the main file when it closes and sets
    WAL mode in the header when it starts, so a stray -wal, a newer version's un-checkpointed
    migration or somebody else's SQLite file would be written by merely looking at it. A
    read-only connection never writes the main file. The file is recognised by its tables,
    not by its version number alone (model.storage.identity).
    """
    # Asked before connecting: even a read-only connection to a WAL file creates its -wal,
    # which would make every file look touched.
    check = verify and not clean_close.untouched_since_clean_close(path)
    try:
        _probe(path, check=check)
    except ReadOnlyError:
        if readonly or not _hot_journal(path):
            raise
        # A crash left a rollback journal: SQLite rolls it back on the first read of a
        # read-write connection, which a read-only one cannot do (it reported "read-only",
        # locking the user out of a file that only needs what any SQLite client does).
        _roll_back_journal(path)
        _probe(path, check=verify)


def _probe(path: Path, *, check: bool) -> None:
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc
    try:
        if check:
            result = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
            if result != ["ok"]:
                raise sqlite3.DatabaseError(
                    f"database disk image is malformed: {one_line('; '.join(result))}")
        identity = identify(conn, SCHEMA_VERSION)
    except sqlite3.DatabaseError as exc:
        error = translate_error(exc, path)
        if isinstance(error, CorruptDatabaseError) or undecodable(exc):
            raise _damaged(path, error.args[0]) from exc
        raise error from exc
    except UnicodeDecodeError as exc:
        # SQLite's message for a damaged schema quotes the damaged names, which Python cannot
        # decode: that is damage too, not a bug (#14 item 6).
        raise _damaged(path, message("The database ({path}) is damaged (unreadable schema: "
                                     "{reason}).", path=path, reason=exc.reason)) from exc
    finally:
        conn.close()
    if identity.kind == "newer":
        raise NewerSchemaError(message("{what}. It was not opened or changed: update Thesis "
                                       "Tracker to use it.", what=_what(identity, path)))
    if identity.kind in ("damaged-version", "damaged-schema"):
        raise _damaged(path, message("{what}.", what=_what(identity, path)))
    if identity.kind == "foreign":
        raise StoreError(message("{what}: it was not opened or changed.",
                                 what=_what(identity, path)))


def _what(identity: Identity, path: Path) -> str:
    # SCHEMA_VERSION read at call time: the migration tests raise it for a test-only step.
    return describe_identity(identity, path, SCHEMA_VERSION)


def _damaged(path: Path, text: str) -> CorruptDatabaseError:
    newest = backups.newest_good_backup(path)
    return CorruptDatabaseError(message("{text} It was not changed. {hint}", text=text,
                                        hint=backups.restore_hint(path, newest)), path=path,
                                newest_backup=newest)


def _hot_journal(path: Path) -> bool:
    journal = Path(str(path) + "-journal")
    try:
        return journal.is_file() and journal.stat().st_size > 0
    except OSError:
        return False


def _roll_back_journal(path: Path) -> None:
    try:
        conn = sqlite3.connect(sqlite_uri(path, "rw"), uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc


def _has_user_tables(store: Store) -> bool:
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return bool(names - {"_sqlite_migrations"})
