"""Fixtures for the export tests (#5)."""

from __future__ import annotations

import pytest

from tests.gui.export.helpers import make_thesis


@pytest.fixture
def many(tracker):
    """A thesis with 200 catalysts in the demo database."""
    return make_thesis(tracker, 200)
