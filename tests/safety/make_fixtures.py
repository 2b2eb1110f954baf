"""Write tests/safety/fixtures/v<N>.sqlite3: a database as each released schema version left it.

Run ``python tests/safety/make_fixtures.py`` when a migration is added (#6), after adding the
commit that released the new version to RELEASED. Each file is built with the migrations *as that
commit had them* (read with ``git show``), since a released file keeps the schema it was made
with even if a step is edited later, then filled with the demo data plus hostile text (only the
columns that version had). Existing files are kept unless ``--force``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import tempfile
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from model.service import Tracker  # noqa: E402
from model.storage.schema import SCHEMA_VERSION, migrations  # noqa: E402
from model.storage.store import Clock  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The commit whose model/schema.py first shipped each schema version.
RELEASED = {1: "f215db2", 2: "51ca422", 3: "c97360a", 4: None, 5: None}
HOSTILE = ["光模块 📈 «quotes» \"double\" 'single'", "שלום עולם RTL ‏mark", "a\tb\nc\r\nd",
           "Robert'); DROP TABLE thesis;--", "e\u0301 combining, ZWJ 👩‍👩‍👧", "x" * 5000]


def latest_source(folder: Path) -> Path:
    """The demo data at the current schema, plus edits that write history and hostile text."""
    path = folder / "source.sqlite3"
    clock = Clock.fixed(dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone.utc))
    tracker = Tracker.open(path, seed_if_new=True, clock=clock, daily_backup=False)
    for n, text in enumerate(HOSTILE):
        thesis = tracker.theses.add(title=f"hostile {n}: {text[:60]}", statement=text, tags=text)
        tracker.risks.add(thesis_id=thesis.id, title=f"risk {text[:40]}", description=text)
        catalyst = tracker.catalysts.add(thesis_id=thesis.id, title=f"cat {text[:40]}",
                                         expected="H2 2027", description=text)
        tracker.catalysts.tick(catalyst.id, status="done", on="2026-11-20", note=text)
        tracker.theses.set_status(thesis.id, "active", note=text)
        tracker.theses.set_conviction(thesis.id, 4, note=text)
    tracker.close()
    return path


def released_migrations(version: int):
    """The Migrations set of model/schema.py at the commit that released ``version``."""
    commit = RELEASED.get(version)
    if commit is None:      # the version being released now: today's steps
        return migrations
    # model/schema.py until #11 moved it to model/storage/schema.py.
    text = subprocess.run(["git", "show", f"{commit}:model/schema.py"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    module = types.ModuleType(f"schema_v{version}")
    exec(compile(text, f"{commit}:model/schema.py", "exec"), module.__dict__)
    return module.migrations


def build(version: int, source: Path, target: Path) -> None:
    steps_set = released_migrations(version)
    steps = [m.name for m in steps_set._migrations]
    conn = sqlite3.connect(target)
    db = sqlite_utils.Database(conn)
    steps_set.apply(db, stop_before=steps[version] if version < len(steps) else None)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' AND name != '_sqlite_migrations' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    with conn:
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")')]
            names = ", ".join(f'"{c}"' for c in columns)
            conn.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"')
    conn.execute("DETACH DATABASE src")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("VACUUM")
    conn.close()


def main(argv: list[str]) -> int:
    force = "--force" in argv
    FIXTURES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        source = latest_source(Path(temp))
        for version in range(1, SCHEMA_VERSION + 1):
            target = FIXTURES / f"v{version}.sqlite3"
            if target.exists() and not force:
                print(f"kept {target.name}")
                continue
            target.unlink(missing_ok=True)
            build(version, source, target)
            print(f"wrote {target.name} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
