"""Child process for test_crash_subprocess.py: writes through the service API in a loop,
printing each id only after its transaction committed, until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from model.service import Tracker  # noqa: E402


def main(db: str, tag: str, out=None) -> None:
    tracker = Tracker.open(db)
    say = lambda *words: print(*words, file=out or sys.stdout, flush=True)  # noqa: E731
    say("ready")
    n = 0
    while True:
        n += 1
        thesis = tracker.theses.add(title=f"crash {tag}-{n}", statement="x" * 2000)
        say("thesis", thesis.id)
        last = None
        for k in range(3):
            last = tracker.catalysts.add(thesis_id=thesis.id, title=f"c {tag}-{n}-{k}",
                                         expected="2H26", description="y" * 500)
            say("catalyst", last.id)
        tracker.catalysts.tick(last.id, note=f"tick {n}")
        say("tick", last.id)
        tracker.theses.set_status(thesis.id, "active", note="crash test")
        say("status", thesis.id)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
