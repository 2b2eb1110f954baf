"""Chips (#13): a thesis's theme (one colour per theme, from the palette) and its tags as small
rounded labels, in the thesis list and in Overview. A click on a chip filters the list by it;
the filter bar above the list says what the list is filtered by, each filter with its ✕, and
"Clear" takes them all away.

Colours are read when painting (``gui.style.is_dark``): after the system switches between
light and dark the next paint uses the other variant.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QToolTip,
    QWidget,
)

from gui import palette
from gui.i18n import Retranslating

THEME, TAG = "theme", "tag"
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 10     # a cell's chip texts (a tuple of str)
PAD_X, GAP, RADIUS = 6, 4, 7


class ThemeColours(QObject):
    """The colour slot of each theme of the open database (``palette.theme_slots``)."""

    changed = Signal()      # the themes (and so their colours) changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.slots: dict[str, int] = {}

    def set_themes(self, themes) -> None:
        slots = palette.theme_slots(themes)
        if slots != self.slots:
            self.slots = slots
            self.changed.emit()

    def colour(self, kind: str, text: str, *, dark: bool) -> QColor:
        if kind == THEME:
            return QColor(palette.theme(text, self.slots, dark=dark))
        return QColor(palette.TAG.pick(dark))


def _is_dark() -> bool:
    from gui.style import is_dark
    return is_dark()


def chip_colours(colour: QColor, base: QColor) -> tuple[QColor, QColor]:
    """(fill, text) of a chip: an opaque tint of its colour over the base (readable on a
    selected row too), the text in the colour itself."""
    fill = QColor(round(base.red() * 0.82 + colour.red() * 0.18),
                  round(base.green() * 0.82 + colour.green() * 0.18),
                  round(base.blue() * 0.82 + colour.blue() * 0.18))
    return fill, colour


def layout_chips(metrics: QFontMetrics, texts, rect: QRect) -> tuple[list[tuple[QRect, str]],
                                                                       int]:
    """Chips placed left to right inside ``rect`` (one line): the (rectangle, text) of those
    that fit whole, and how many did not."""
    placed: list[tuple[QRect, str]] = []
    height = min(rect.height() - 4, metrics.height() + 4)
    top = rect.top() + (rect.height() - height) // 2
    x = rect.left() + 2
    for i, text in enumerate(texts):
        width = metrics.horizontalAdvance(text) + 2 * PAD_X
        room = rect.right() - x - (0 if i == len(texts) - 1 else metrics.horizontalAdvance(
            f"+{len(texts) - i - 1}") + GAP)
        if width > room:
            if not placed:          # one long chip: cut it to the room there is
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                          max(rect.right() - x - 2 * PAD_X, 8))
                width = metrics.horizontalAdvance(text) + 2 * PAD_X
                placed.append((QRect(x, top, width, height), text))
                return placed, len(texts) - 1
            return placed, len(texts) - i
        placed.append((QRect(x, top, width, height), text))
        x += width + GAP
    return placed, 0


def paint_chip(painter: QPainter, rect: QRect, text: str, colour: QColor, base: QColor) -> None:
    fill, ink = chip_colours(colour, base)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class ChipDelegate(QStyledItemDelegate):
    """Paints a cell's ``CHIPS_ROLE`` texts as chips; a click on one emits ``chip_clicked``
    (the row is selected as usual too)."""

    chip_clicked = Signal(str, str)     # (THEME or TAG, the chip's text)

    def __init__(self, kind: str, colours: ThemeColours, parent=None):
        super().__init__(parent)
        self.kind, self.colours = kind, colours

    def _texts(self, index) -> tuple[str, ...]:
        return tuple(index.data(CHIPS_ROLE) or ())

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        texts = self._texts(index)
        if not texts:
            return
        metrics = QFontMetrics(option.font)
        placed, left = layout_chips(metrics, texts, option.rect.adjusted(2, 0, -2, 0))
        dark = _is_dark()
        base = option.palette.color(QPalette.ColorRole.Base)
        painter.save()
        painter.setFont(option.font)
        # Coloured by the whole name: a chip cut short ("Space comp…") keeps its theme's colour.
        for (rect, shown), text in zip(placed, texts):
            paint_chip(painter, rect, shown, self.colours.colour(self.kind, text, dark=dark),
                       base)
        if left:
            x = placed[-1][0].right() + GAP if placed else option.rect.left() + 2
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRect(x, option.rect.top(), option.rect.right() - x,
                                   option.rect.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"+{left}")
        painter.restore()

    def chip_at(self, option, index, pos) -> str | None:
        metrics = QFontMetrics(option.font)
        placed, _ = layout_chips(metrics, self._texts(index), option.rect.adjusted(2, 0, -2, 0))
        full = self._texts(index)
        for (rect, _shown), text in zip(placed, full):
            if rect.contains(pos):
                return text
        return None

    def editorEvent(self, event, model, option, index) -> bool:      # noqa: N802 - Qt naming
        if (event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton):
            text = self.chip_at(option, index, event.position().toPoint())
            if text is not None:
                self.chip_clicked.emit(self.kind, text)
        return super().editorEvent(event, model, option, index)

    def helpEvent(self, event, view, option, index) -> bool:           # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.ToolTip:
            texts = self._texts(index)
            if texts:
                text = self.chip_at(option, index, event.pos())
                from gui.models.base import plain_tooltip
                tip = (self.tr("Show only the theses with “{chip}”").format(chip=text)
                       if text is not None else ", ".join(texts))
                QToolTip.showText(event.globalPos(), plain_tooltip(tip), view)
                return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(self, option, index) -> QSize:                       # noqa: N802 - Qt naming
        size = super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        width = sum(metrics.horizontalAdvance(t) + 2 * PAD_X + GAP for t in self._texts(index))
        return QSize(max(size.width(), width + 4), max(size.height(), metrics.height() + 6))


class ChipButton(QToolButton):
    """One chip as a button (Overview, the filter bar); ``removable`` adds a ✕ to it."""

    def __init__(self, kind: str, text: str, colours: ThemeColours, *, removable: bool = False,
                 parent=None):
        super().__init__(parent)
        self.kind, self.value, self.colours = kind, text, colours
        self.setObjectName(f"{kind}Chip")
        self.setText(f"{text}  ✕" if removable else text)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._restyle()

    def _restyle(self) -> None:
        from PySide6.QtGui import QGuiApplication
        # The application's palette: a style sheet changes the button's own (and sends it a
        # PaletteChange, which must not restyle it again).
        base = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        fill, ink = chip_colours(self.colours.colour(self.kind, self.value, dark=_is_dark()),
                                 base)
        sheet = (f"QToolButton {{ background: {fill.name()}; color: {ink.name()}; "
                 f"border: 1px solid {ink.name()}; border-radius: {RADIUS}px; "
                 f"padding: 1px {PAD_X}px; }}"
                 f"QToolButton:hover {{ border-width: 2px; padding: 0px {PAD_X - 1}px; }}")
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    def changeEvent(self, event) -> None:                              # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()         # the light or dark variant of its colour
        super().changeEvent(event)


class ChipRow(Retranslating, QWidget):
    """A thesis's theme and tags as chips (Overview), wrapped onto as many lines as the width
    needs; a click asks the window to filter the list by the chip. One widget that paints
    its chips (no widget or style sheet per chip: it is on screen at the first paint)."""

    chip_clicked = Signal(str, str)     # (THEME or TAG, text)

    def __init__(self, colours: ThemeColours, parent=None):
        super().__init__(parent)
        self.setObjectName("chipRow")
        self.colours = colours
        self.items: tuple[tuple[str, str], ...] = ()       # (kind, text) in order
        self.setMouseTracking(True)
        size = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        size.setHeightForWidth(True)
        self.setSizePolicy(size)
        colours.changed.connect(self.update)
        self.apply_language()

    def retranslate(self) -> None:
        self.setToolTip("")             # each chip says what a click does (event: ToolTip)

    def show_chips(self, theme: str, tags) -> None:
        items = ((THEME, theme),) * bool(theme) + tuple((TAG, t) for t in tags)
        if items != self.items:
            self.items = items
            self.updateGeometry()
            self.update()

    # -- geometry ------------------------------------------------------------------------------
    def rects(self, width: int | None = None) -> list[QRect]:
        """Each chip's rectangle, wrapping to a new line where the width runs out."""
        metrics = QFontMetrics(self.font())
        width = self.width() if width is None else width
        height = metrics.height() + 6
        out, x, y = [], 0, 0
        for _kind, text in self.items:
            w = metrics.horizontalAdvance(text) + 2 * PAD_X
            if x and x + w > width:
                x, y = 0, y + height + GAP
            out.append(QRect(x, y, min(w, max(width, 1)), height))
            x += w + GAP
        return out

    def hasHeightForWidth(self) -> bool:                          # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:                  # noqa: N802 - Qt naming
        rects = self.rects(width)
        return rects[-1].bottom() + 1 if rects else 0

    def sizeHint(self) -> QSize:                                  # noqa: N802 - Qt naming
        metrics = QFontMetrics(self.font())
        return QSize(200, self.heightForWidth(max(self.width(), 200)) or metrics.height())

    def minimumSizeHint(self) -> QSize:                           # noqa: N802 - Qt naming
        return QSize(0, 0)

    def chip_at(self, pos) -> int | None:
        return next((i for i, rect in enumerate(self.rects()) if rect.contains(pos)), None)

    def colour_of(self, index: int) -> QColor:
        kind, text = self.items[index]
        return self.colours.colour(kind, text, dark=_is_dark())

    # -- painting and clicks -------------------------------------------------------------------
    def paintEvent(self, event) -> None:                          # noqa: N802 - Qt naming
        painter = QPainter(self)
        base = self.palette().color(QPalette.ColorRole.Window)
        metrics = QFontMetrics(self.font())
        for index, rect in enumerate(self.rects()):
            text = metrics.elidedText(self.items[index][1], Qt.TextElideMode.ElideRight,
                                      rect.width() - 2 * PAD_X + 1)
            paint_chip(painter, rect, text, self.colour_of(index), base)
        painter.end()

    def mouseMoveEvent(self, event) -> None:                      # noqa: N802 - Qt naming
        over = self.chip_at(event.position().toPoint()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:                   # noqa: N802 - Qt naming
        index = self.chip_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.chip_clicked.emit(*self.items[index])
            return
        super().mouseReleaseEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.chip_at(event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
                return True
            from gui.models.base import plain_tooltip
            QToolTip.showText(event.globalPos(), plain_tooltip(
                self.tr("Show only the theses with “{chip}”").format(
                    chip=self.items[index][1])), self)
            return True
        return super().event(event)


class FilterBar(Retranslating, QWidget):
    """What the list is filtered by (theme, tag), each chip with a ✕, and Clear; hidden while
    nothing filters. ``changed`` says the filters changed (the window applies them)."""

    changed = Signal()

    def __init__(self, colours: ThemeColours, parent=None):
        super().__init__(parent)
        self.setObjectName("chipFilterBar")
        self.colours = colours
        self.filters: dict[str, str] = {}       # THEME/TAG -> value
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        self.label = QLabel(objectName="chipFilterLabel")
        layout.addWidget(self.label)
        self._chips = QHBoxLayout()
        self._chips.setSpacing(GAP)
        layout.addLayout(self._chips)
        layout.addStretch(1)
        self.clear_button = QToolButton(objectName="chipFilterClear")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self.hide()
        self.apply_language()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Only:"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every thesis again"))
        self._rebuild()

    def changeEvent(self, event) -> None:                              # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.PaletteChange:
            for chip in self.findChildren(ChipButton):
                chip._restyle()
        super().changeEvent(event)

    def set_filter(self, kind: str, value: str | None) -> None:
        if value:
            if self.filters.get(kind) == value:
                return
            self.filters[kind] = value
        elif self.filters.pop(kind, None) is None:
            return
        self._rebuild()
        self.changed.emit()

    def clear(self) -> None:
        if self.filters:
            self.filters.clear()
            self._rebuild()
            self.changed.emit()

    def _rebuild(self) -> None:
        while self._chips.count():
            widget = self._chips.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for kind in (THEME, TAG):
            value = self.filters.get(kind)
            if value is None:
                continue
            chip = ChipButton(kind, value, self.colours, removable=True, parent=self)
            chip.setObjectName(f"{kind}Filter")
            chip.setToolTip(self.tr("Stop filtering by “{chip}”").format(chip=value))
            chip.clicked.connect(lambda _=False, k=kind: self.set_filter(k, None))
            self._chips.addWidget(chip)
        self.setVisible(bool(self.filters))
