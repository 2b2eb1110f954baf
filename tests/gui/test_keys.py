"""gui/keys.py: Ctrl+Z in a text field with nothing of its own to undo undoes the app's last
edit (#11). A QLineEdit claims Ctrl+Z whenever it can be edited, so with the cursor left in a
field Edit ▸ Undo never came; the field keeps the keys only while it has typing to take back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

import pytest

from gui.keys import AppUndoFromFields

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _override(key, modifiers=CTRL):
    return QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)


@pytest.fixture
def keys(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    return AppUndoFromFields(parent), parent


def _passes_to_app(keys, widget, event) -> bool:
    """True when the filter lets the app's shortcut fire (the field does not claim the key)."""
    return keys.eventFilter(widget, event)


def test_an_untouched_field_lets_the_apps_undo_and_redo_fire(keys, qtbot):
    """With nothing typed, Ctrl+Z and Ctrl+Shift+Z in a field reach Edit ▸ Undo and Redo (#11)."""
    undo_keys, parent = keys
    edit = QLineEdit(parent)
    undo_keys.follow(edit)
    assert _passes_to_app(undo_keys, edit, _override(Qt.Key.Key_Z))
    assert _passes_to_app(undo_keys, edit, _override(Qt.Key.Key_Z, CTRL | SHIFT))


def test_a_field_with_typing_keeps_undo_until_it_is_taken_back(keys, qtbot):
    """While the field has typing to take back, Ctrl+Z is the field's; then the app's again."""
    undo_keys, parent = keys
    edit = QLineEdit(parent)
    undo_keys.follow(edit)
    qtbot.keyClicks(edit, "typed")
    assert not _passes_to_app(undo_keys, edit, _override(Qt.Key.Key_Z))
    edit.undo()
    assert _passes_to_app(undo_keys, edit, _override(Qt.Key.Key_Z))
    assert not _passes_to_app(undo_keys, edit, _override(Qt.Key.Key_Z, CTRL | SHIFT))   # redo


def test_other_keys_and_events_are_left_alone(keys):
    """Only the undo and redo shortcuts are looked at; other keys and key presses go on as usual."""
    undo_keys, parent = keys
    edit = QLineEdit(parent)
    assert not _passes_to_app(undo_keys, edit, _override(Qt.Key.Key_C))
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Z, CTRL)
    assert not _passes_to_app(undo_keys, edit, press)


def test_multi_line_fields_and_spin_boxes_are_followed_too(keys, qtbot):
    """The statement (a multi-line field) and spin boxes (through their line edit) behave like the
    other fields."""
    undo_keys, parent = keys
    text = QPlainTextEdit(parent)
    spin = QSpinBox(parent)
    undo_keys.follow(text, spin)
    assert _passes_to_app(undo_keys, text, _override(Qt.Key.Key_Z))
    qtbot.keyClicks(text, "note")
    assert not _passes_to_app(undo_keys, text, _override(Qt.Key.Key_Z))
    line = spin.findChild(QLineEdit)
    assert _passes_to_app(undo_keys, line, _override(Qt.Key.Key_Z))


def test_a_real_ctrl_z_reaches_the_window_action(qtbot):
    """End to end: in a shown window, Ctrl+Z in an untouched field triggers the window's Undo
    action; after typing, it undoes the typing instead."""
    from PySide6.QtGui import QAction, QKeySequence
    window = QWidget()
    qtbot.addWidget(window)
    edit = QLineEdit(window)
    fired = []
    action = QAction("Undo", window)
    action.setShortcut(QKeySequence.StandardKey.Undo)
    action.triggered.connect(lambda: fired.append(1))
    window.addAction(action)
    undo_keys = AppUndoFromFields(window)
    undo_keys.follow(edit)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert fired == [1]
    qtbot.keyClicks(edit, "abc")
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert fired == [1] and edit.text() == ""
