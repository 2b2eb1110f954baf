"""gui/desktop_actions.py: the #13 menu entries. Each hands the window to its feature module,
imported only when chosen, and returns what that module returns."""

from __future__ import annotations

import sys

import pytest

from gui import desktop_actions


@pytest.mark.parametrize("entry, module, function", [
    ("remove_demo", "gui.onboarding", "remove_demo"),
    ("choose_language", "gui.i18n", "choose_language"),
    ("toggle_reminders", "gui.reminders", "toggle"),
    ("open_log_folder", "gui.crash", "open_log_folder"),
])
def test_each_entry_calls_its_feature_with_the_window(entry, module, function, monkeypatch):
    """Each #13 menu entry reaches its feature with the window and returns its answer."""
    calls = []
    __import__(module)
    monkeypatch.setattr(sys.modules[module], function,
                        lambda window: calls.append(window) or f"{function} done")
    window = object()
    result = getattr(desktop_actions, entry)(window)
    assert calls == [window]
    assert result == (None if entry == "toggle_reminders" else f"{function} done")


def test_the_features_are_not_imported_with_the_menus():
    """The menus are built before the first paint; the feature modules wait until chosen
    (gui.i18n is there: the menus' texts are translated, #13 part B), and so do the exports,
    the shortcuts list and the SVG renderer of the menus' icons."""
    import subprocess

    from tests.helpers import ROOT
    code = ("import sys, gui.desktop_actions, gui.menus; "
            "print(sorted(m for m in ('gui.onboarding', 'gui.reminders', 'gui.crash', "
            "'gui.export.dialogs', 'gui.shortcuts', 'PySide6.QtSvg') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=60).stdout.strip()
    assert out == "[]"
