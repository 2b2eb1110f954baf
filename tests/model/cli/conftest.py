"""Fixtures for the command-line tests: one command through main.main on the test database."""

from __future__ import annotations

import pytest

import main
from model.service import Tracker


@pytest.fixture
def run(db_path, capsys):
    """Run one command on the demo database; returns (exit code, stdout, stderr). A traceback
    on either stream fails the test: every mistake must be a one-line message (#2)."""
    Tracker.open(db_path, seed_if_new=True).close()

    def call(*args, db=True):
        argv = [str(a) for a in args] + (["--db", str(db_path)] if db else [])
        try:
            code = main.main(argv)
        except SystemExit as exc:       # argparse: usage errors exit 2
            code = exc.code
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return call
