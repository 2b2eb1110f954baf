"""model/__init__.py: the package's one version number and the error every caller catches.
The GUI and the command line catch ``model.UserError`` to show a message instead of a
traceback, so it must be the very class every service raises from."""

from __future__ import annotations

import re

import model
from model.errors import NotFound, UserError


def test_user_error_is_the_errors_module_class():
    """main.py and the GUI catch model.UserError: a second class of that name would let messages
    through as tracebacks."""
    assert model.UserError is UserError
    try:
        raise NotFound("No thesis matches 'x'.")
    except model.UserError as caught:
        assert str(caught) == "No thesis matches 'x'."


def test_the_version_is_a_release_number_and_the_one_versions_prints():
    """--version and Help ▸ About print model.__version__ (#13: one version number)."""
    from model.about import versions
    assert re.fullmatch(r"\d+\.\d+\.\d+([ab]\d+|rc\d+)?", model.__version__)
    assert versions()[0] == f"Thesis Tracker {model.__version__}"
