"""Shared bench helpers: a cached big database, timing, and a results table."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Child processes run as a user's would: with Python's bytecode cache. Some shells (CI
# runners, sandboxes) export PYTHONDONTWRITEBYTECODE, which makes every start recompile every
# module of ours, while the bare-PySide6 baseline loads precompiled site-packages.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def big_database(count: int = 10_000) -> Path:
    """A `seed-demo COUNT` database (about 10 catalysts per thesis), built once and cached."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"seed-{count}.sqlite3"
    if not path.exists():
        tmp = OUT / f".seed-{count}.building.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp), "seed-demo",
                        str(count)], check=True, stdout=subprocess.DEVNULL)
        import sqlite3
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        os.replace(tmp, path)
        shutil.rmtree(OUT / "backups", ignore_errors=True)
    return path


def copy_of(path: Path, name: str) -> Path:
    target = OUT / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(path, target)
    # Write the copy out now: the kernel flushing 150 MB in the background would otherwise
    # slow whatever is being timed next.
    os.sync()
    return target


def timeit(fn, *, repeat: int = 15, warmup: int = 2) -> float:
    """Median seconds of ``repeat`` calls after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def paired(ours, base, *, repeat: int = 15, warmup: int = 2) -> tuple[float, float]:
    """Median seconds of two functions timed alternately, so machine noise hits both alike."""
    for _ in range(warmup):
        ours()
        base()
    a, b = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        ours()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        base()
        b.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def table(title: str, rows: list[tuple]) -> str:
    """rows: (what, ours, baseline, unit, goal) -> text with the ratio column."""
    lines = [f"\n{title}", f"{'measure':52} {'ours':>10} {'baseline':>10} {'ratio':>7}  goal",
             "-" * 100]
    for what, ours, base, unit, goal in rows:
        ratio = f"{ours / base:6.2f}x" if base else "      -"
        base_text = f"{base:.2f}{unit}" if base is not None else "-"
        lines.append(f"{what:52} {ours:8.2f}{unit} {base_text:>10} {ratio:>7}  {goal}")
    return "\n".join(lines)
