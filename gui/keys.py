"""Ctrl+Z in a text field with nothing of its own to undo undoes the last edit of the app.

A QLineEdit claims Ctrl+Z (and Ctrl+Shift+Z) for itself whenever it can be edited, even when
it has no typing to take back: with the cursor left in a field, Edit ▸ Undo never came. The
filter lets the field keep the keys only while it has something to undo or redo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def _available(widget: QWidget, redo: bool) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return True


class AppUndoFromFields(QObject):
    """Installed on text fields (``follow``); passes Undo/Redo to the app when the field has
    nothing to undo or redo itself."""

    def follow(self, *widgets: QWidget) -> None:
        for widget in widgets:
            target = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
            target = target.focusProxy() or target
            target.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:                # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.ShortcutOverride:
            for key, redo in ((QKeySequence.StandardKey.Undo, False),
                              (QKeySequence.StandardKey.Redo, True)):
                if event.matches(key) and not _available(watched, redo):
                    return True         # not overridden: the app's Undo/Redo shortcut fires
        return False
