"""The menu entries of #13, each importing its module only when chosen (the menus are built
at start-up, the features are not needed for the first paint)."""

from __future__ import annotations


def remove_demo(window) -> int:
    """Edit ▸ Remove demo theses…"""
    from gui.onboarding import remove_demo
    return remove_demo(window)


def choose_language(window) -> str | None:
    """View ▸ Language…"""
    from gui.i18n import choose_language
    return choose_language(window)


def toggle_reminders(window) -> None:
    """View ▸ Desktop reminders (checkable)."""
    from gui.reminders import toggle
    toggle(window)


def open_log_folder(window) -> bool:
    """Help ▸ Open log folder."""
    from gui.crash import open_log_folder
    return open_log_folder(window)
