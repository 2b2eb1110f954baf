"""Checks shared by the command-line tests."""

from __future__ import annotations


def fails(result, *words):
    """A command's (code, out, err) is a failure: non-zero exit, the message on stderr,
    naming each of ``words``."""
    code, out, err = result
    assert code not in (0, None), (out, err)
    assert err.strip(), "the message must be on stderr"
    for word in words:
        assert word in err, err
