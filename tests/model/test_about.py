"""One version number (#13): model.__version__ is the one pyproject reads and --version, About,
the bundle header and the PDF footer print (the PDF in tests/export/test_bundled_font.py)."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

import main
from model import __version__
from model.about import versions

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_reads_the_version_from_the_model():
    """No second copy in pyproject.toml: it is dynamic, read from model.__version__."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "model.__version__"}
    assert importlib.metadata.version("thesis-tracker") == __version__


def test_version_everywhere(capsys, tracker, tmp_path):
    """--version's first line, the About box's lines and the bundle's generator name it."""
    assert main.main(["--version"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"Thesis Tracker {__version__}"
    assert versions()[0] == f"Thesis Tracker {__version__}"
    from model.interchange.bundle import read_bundle_file, write_bundle
    write_bundle(tracker, tmp_path / "b.json")
    assert read_bundle_file(tmp_path / "b.json")["generator"] == f"Thesis Tracker {__version__}"

