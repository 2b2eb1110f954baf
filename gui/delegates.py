"""Editors for table cells: a window field that shows its parsed range, combos, 1-5 spin boxes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QToolTip,
)

from gui.i18n import date_text, error_text, translate, word
from gui.models.base import plain_tooltip
from gui.style import overdue_brush
from model.date_windows import parse_window
from model.errors import ValidationError


def window_text(window) -> str:
    """A parsed window in the interface's language: "2026-07-01 – 2026-12-31 (half)", or its
    one day."""
    if window.start == window.end:
        return date_text(window.start)
    return translate("Window", "{start} – {end} ({precision})").format(
        start=date_text(window.start), end=date_text(window.end),
        precision=word(window.precision))


def describe_window(text: str) -> tuple[bool, str]:
    """(parses?, the range in words or the reason it does not)."""
    try:
        return True, window_text(parse_window(text))
    except ValidationError as exc:
        return False, error_text(exc)


class WindowEdit(QLineEdit):
    """A line edit for an expected window; its tooltip and placeholder show the parsed range."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("windowEdit")
        self.setPlaceholderText(self.tr("e.g. H2 2026, 2H26, Q3 2026, end of 2027, "
                                        "2026-05-20, 2026年下半年"))
        self._normal = self.palette()
        self.textChanged.connect(self._show_parse)

    def _show_parse(self, text: str) -> None:
        ok, message = describe_window(text)
        self.setToolTip(message)
        self.setProperty("parsed", message if ok else "")
        palette = self._normal
        if not ok and text.strip():
            palette = self.palette()
            palette.setBrush(palette.ColorRole.Text, overdue_brush())
        self.setPalette(palette)


class WindowDelegate(QStyledItemDelegate):
    """Accepts what research writes ("H2 2026"); refuses to commit text that does not parse."""

    def createEditor(self, parent, option, index):
        return WindowEdit(parent)

    def setEditorData(self, editor, index):
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor, model, index):
        text = editor.text().strip()
        if text == (index.data(Qt.ItemDataRole.EditRole) or ""):
            return
        # An unparseable window still goes to the model so the user sees why it was refused.
        model.setData(index, text, Qt.ItemDataRole.EditRole)


class ComboDelegate(QStyledItemDelegate):
    """A choice among ``options`` (stored values); ``words``: shown in the interface's
    language (statuses), the stored value kept as the item's data."""

    def __init__(self, options, parent=None, *, words: bool = False):
        super().__init__(parent)
        self.options = list(options)
        self.words = words

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for value in self.options:
            combo.addItem(word(value) if self.words else value, value)
        # Commit as soon as a choice is made, as a native combo cell does.
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c),
                                                     self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor, index):
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if value in self.options:
            editor.setCurrentIndex(self.options.index(value))

    def setModelData(self, editor, model, index):
        value = editor.currentData()
        if value != str(index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class ScoreDelegate(QStyledItemDelegate):
    """1-5 (severity, likelihood, conviction)."""

    def createEditor(self, parent, option, index):
        spin = QSpinBox(parent)
        spin.setRange(1, 5)
        return spin

    def setEditorData(self, editor, index):
        try:
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))
        except (TypeError, ValueError):
            editor.setValue(3)

    def setModelData(self, editor, model, index):
        editor.interpretText()
        if editor.value() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class TextDelegate(QStyledItemDelegate):
    """Plain text that only writes when it actually changed (no empty history or undo steps);
    a cell cut short by its column shows its whole text as a tooltip (#12 item 14)."""

    def helpEvent(self, event, view, option, index):                 # noqa: N802 - Qt
        if event.type() == QEvent.Type.ToolTip and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = str(index.data() or "")
            room = view.visualRect(index).width() - 2 * view.style().pixelMetric(
                QStyle.PixelMetric.PM_FocusFrameHMargin) - 4
            if text and option.fontMetrics.horizontalAdvance(text) > room:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), view)
                return True
        return super().helpEvent(event, view, option, index)

    def setModelData(self, editor, model, index):
        if editor.text() != str(index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
