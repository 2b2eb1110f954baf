"""What every chart shares: the Save as PNG/SVG menu, headless rendering, and store listening.

Imports pyqtgraph, so only chart modules (loaded when a chart is first built) import this.
"""

from __future__ import annotations

import unicodedata
from html import escape
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401  (PySide6 before pyqtgraph)
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

import pyqtgraph as pg

from gui.dialogs import Messages
from gui.i18n import Retranslating, translate
from model.analysis.chart_text import date_ticks
from model.analysis.timeline import DAY
from model.errors import UserError

pg.setConfigOptions(antialias=False, background="w", foreground="#333333")
SCREEN_DPI = 96.0


class TimeAxis(pg.AxisItem):
    """A date axis (x in epoch seconds of UTC midnights) that always says the year: years when
    more than a year is in view, months ("Jan 2026", "Feb" ...) when a year or less, days
    when six weeks or less (``model.analysis.chart_text.date_ticks``, #12).

    Cheaper than pg.DateAxisItem, which converts every tick through QDateTime for its time
    zone (~30 ms a frame at a 20-year range).
    """

    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation=orientation, **kwargs)
        self._labels: dict[float, str] = {}

    def tickValues(self, minVal, maxVal, size):
        ticks = date_ticks(minVal, maxVal, size, names=tick_names())
        self._labels = {x: label for x, label, _ in ticks}
        return [(DAY * 365, [x for x, label, _ in ticks if label]),
                (DAY * 91, [x for x, label, _ in ticks if not label])]

    def tickStrings(self, values, scale, spacing):
        return [self._labels.get(v, "") for v in values]


def upright_script(text: str) -> bool:
    """Whether text set vertically stands its characters upright, one under the next, as
    Chinese, Japanese and Korean (wide characters) are written, rather than turning the line
    on its side as Latin text is."""
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


class SideAxis(pg.AxisItem):
    """A left or right axis whose label is turned on its side for Latin text, as pyqtgraph
    draws it, but stands upright, its characters stacked, for Chinese (a walk through the
    app: 确信度 was drawn turned, each character on its side)."""

    def upright(self) -> bool:
        return self.orientation in ("left", "right") and upright_script(self.labelText)

    def labelString(self) -> str:
        if not self.upright():
            return super().labelString()
        style = ";".join(f"{k}: {v}" for k, v in self.labelStyle.items())
        stacked = "<br/>".join(escape(ch) for ch in self.labelText if not ch.isspace())
        return f"<div align='center' style='{style}'>{stacked}</div>"

    def _updateLabel(self) -> None:
        if self.label is not None and self.orientation in ("left", "right"):
            self.label.setRotation(0 if self.upright() else -90)
        super()._updateLabel()
        self.resizeEvent()      # a new label of the same size moves no axis: place it now

    def resizeEvent(self, ev=None) -> None:               # noqa: N802 - Qt naming
        super().resizeEvent(ev)
        if self.label is None or not self.upright():
            return
        # Upright, the label is as wide as a character: against the axis's outer edge, in
        # the middle of its height.
        box = self.label.boundingRect()
        x = 0.0 if self.orientation == "left" else self.size().width() - box.width()
        self.label.setPos(x, round((self.size().height() - box.height()) / 2))

    def label_depth(self) -> float:
        """How much of the axis's width the label takes."""
        box = self.label.boundingRect()
        return box.width() if self.upright() else box.height()


def tick_names():
    """Month and date labels for the time axes in the interface's language: "Feb 2026" in
    English, "2026年2月" in Chinese (the formats are translated strings)."""
    from PySide6.QtCore import QDate, QLocale

    from model.analysis.chart_text import TickNames
    locale = QLocale()
    month_year = translate("Charts", "MMM yyyy", "date format: a month and its year")
    day_month_year = translate("Charts", "d MMM yyyy", "date format: a whole date")
    day_only = translate("Charts", "d", "date format: a day of the month")
    return TickNames(
        month=lambda m: locale.toString(QDate(2000, m, 1), translate(
            "Charts", "MMM", "date format: a month")),
        month_year=lambda y, m: locale.toString(QDate(y, m, 1), month_year),
        day_month_year=lambda y, m, d: locale.toString(QDate(y, m, d), day_month_year),
        day=lambda y, m, d: locale.toString(QDate(y, m, d), day_only))


def chart_colours(dark: bool) -> tuple[str, str]:
    """(background, ink) of a chart: white paper, or the dark window's own."""
    if not dark:
        return "#ffffff", "#333333"
    from PySide6.QtGui import QGuiApplication, QPalette
    palette = QGuiApplication.palette()
    return (palette.color(QPalette.ColorRole.Base).name(),
            palette.color(QPalette.ColorRole.Text).name())


def layout_view(view: pg.GraphicsView, size: QSize) -> None:
    """Give a (possibly never shown) view its size and lay its items out now, not later."""
    old = view.size()
    view.resize(size)
    if not view.isVisible():
        # A hidden widget only hears of its new size when shown; tell it now.
        QtWidgets.QApplication.sendEvent(view, QtGui.QResizeEvent(size, old))
    view.setRange(QRectF(0, 0, size.width(), size.height()), padding=0)
    central = view.centralWidget
    if central is not None:
        central.setGeometry(QRectF(0, 0, size.width(), size.height()))
        grid = getattr(central, "layout", None)
        if grid is not None and not callable(grid):
            grid.activate()     # pg.GraphicsLayout keeps its QGraphicsGridLayout in .layout


def render_view(view: pg.GraphicsView, width_px: int, height_px: int, *,
                dpi: float = SCREEN_DPI, prepare=None) -> QImage:
    """The view's scene drawn into a width x height image; at ``dpi`` > 96 the layout is done at
    the matching smaller logical size and scaled up, so text keeps its printed size.
    ``prepare()`` runs once the layout is done (text placed by pixel size goes there)."""
    scale = max(dpi, 1.0) / SCREEN_DPI
    logical = QSize(max(1, round(width_px / scale)), max(1, round(height_px / scale)))
    layout_view(view, logical)
    if prepare is not None:
        prepare()
    image = QImage(int(width_px), int(height_px), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    # Paint in logical units on a high-density image: items that draw in device pixels
    # (markers, axis text) reset the world transform, which would undo a painter scale.
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.scene().render(painter, QRectF(0, 0, width_px / scale, height_px / scale),
                        QRectF(0, 0, logical.width(), logical.height()))
    painter.end()
    image.setDevicePixelRatio(1.0)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def save_png(view: pg.GraphicsView, path, *, scale: float = 2.0) -> Path:
    """The view as it is on screen, at ``scale`` times its pixels (crisp on paper and HiDPI)."""
    size = view.size()
    image = QImage(round(size.width() * scale), round(size.height() * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    source = QRectF(0, 0, size.width(), size.height())
    view.scene().render(painter, source, source)
    painter.end()
    image.setDevicePixelRatio(1.0)
    from gui.charts import png_bytes
    from model.interchange.textfile import write_atomically
    return write_atomically(path, png_bytes(image))       # private, whole or not at all


def save_svg(view: pg.GraphicsView, path, *, title: str = "Thesis Tracker chart") -> Path:
    """The view's scene as vector SVG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtSvg import QSvgGenerator

    from model.interchange.textfile import write_atomically
    size = view.size()
    path = Path(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
    view.scene().render(painter, QRectF(0, 0, size.width(), size.height()),
                        QRectF(0, 0, size.width(), size.height()))
    painter.end()
    buffer.close()
    if not data.size():
        raise OSError(translate("Charts", "Could not write {path}: the chart drew "
                                          "nothing.").format(path=path))
    return write_atomically(path, bytes(data.data()))      # private, whole or not at all


class ChartPanel(Retranslating, QWidget):
    """A chart widget: ``self.view`` (a GraphicsLayoutWidget) plus the Save as menu.

    pyqtgraph's own view menus are switched off so a right click anywhere on the chart opens
    one menu with the save actions (and whatever ``extra_actions`` adds).

    On screen a chart follows the system palette: white with the palette's light colours, or
    the dark window's background with the dark ones, switching when the system does
    (``PaletteChange``: ``follow_palette``, then the subclass's ``recolour``). ``light=True``
    (documents, exports) keeps it on white whatever the screen shows.
    """

    file_stem = "chart"

    def __init__(self, tracker=None, parent=None, *, light: bool = False):
        super().__init__(parent)
        self.light = light
        self.dark = False
        self.tracker = None
        self.view = pg.GraphicsLayoutWidget()
        self.view.setObjectName("chartView")
        self.view.scene().contextMenu = []     # no "Export..." from pyqtgraph: ours instead
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        if tracker is not None:
            self.set_tracker(tracker)

    # -- palette and language ------------------------------------------------------------------
    def follow_palette(self) -> None:
        """Colours for the palette now: the view's background and ink, the axes, then
        whatever the chart draws (``recolour``)."""
        from gui.style import is_dark
        self.dark = not self.light and is_dark()
        background, ink = chart_colours(self.dark)
        self.view.setBackground(background)
        for item in self.view.ci.items:
            if isinstance(item, pg.PlotItem):
                for name in ("left", "bottom"):
                    axis = item.getAxis(name)
                    axis.setPen(ink)
                    axis.setTextPen(ink)
        self.recolour()

    def recolour(self) -> None:
        """Subclasses redraw in the colours of ``self.dark``."""

    def retranslate(self) -> None:
        """Subclasses set their texts (built charts only: pyqtgraph's own)."""

    def apply_language(self) -> None:
        if getattr(getattr(self, "view", None), "closed", False):
            # Its scene is torn down (the chart is on its way out: an image export's chart,
            # or a closed tab); its items' layouts are gone, so there is nothing to relabel.
            return
        super().apply_language()

    def changeEvent(self, event) -> None:                   # noqa: N802 - Qt naming
        if event.type() == QtCore.QEvent.Type.PaletteChange and not self.light:
            from gui.style import is_dark
            if is_dark() != self.dark:
                self.follow_palette()
        super().changeEvent(event)

    # -- store -------------------------------------------------------------------------------
    def set_tracker(self, tracker) -> None:
        """Draw from this tracker's store. The chart does not listen to the store itself: the
        window hands it every committed operation through ``apply_changes`` (one Qt signal,
        ``MainWindow.changes_applied``, reaches every view)."""
        self.tracker = tracker

    def apply_changes(self, changes) -> None:
        """Follow one committed operation (a model.changes.OpChanges)."""
        if self.tracker is not None:
            self.on_changes(changes)

    def on_changes(self, changes) -> None:   # overridden by charts that follow the store
        pass

    # -- saving ------------------------------------------------------------------------------
    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        self.extra_actions(menu)
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(self.tr("Save as &PNG…"), self.ask_save_png).setObjectName("savePng")
        menu.addAction(self.tr("Save as &SVG…"), self.ask_save_svg).setObjectName("saveSvg")
        return menu

    def extra_actions(self, menu: QMenu) -> None:
        pass

    def contextMenuEvent(self, event) -> None:
        self.context_menu().exec(event.globalPos())

    def ask_save_png(self) -> None:
        path = self.ask_path(self.tr("PNG image (*.png)"), ".png")
        if path:
            self._saving(save_png, path)

    def ask_save_svg(self) -> None:
        path = self.ask_path(self.tr("SVG drawing (*.svg)"), ".svg")
        if path:
            self._saving(save_svg, path)

    def ask_path(self, kind: str, suffix: str) -> str | None:
        """Where to save; tests replace this (the dialog is modal)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), self.file_stem + suffix,
                                              kind)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path or None

    def _saving(self, fn, path) -> None:
        try:
            fn(self.view, path)
        except (OSError, UserError) as exc:
            Messages.error_titled(self, self.tr("Save chart"), str(exc))

    def render_image(self, width_px: int, height_px: int, *, dpi: float = SCREEN_DPI) -> QImage:
        return render_view(self.view, width_px, height_px, dpi=dpi, prepare=self.prepare_render)

    def prepare_render(self) -> None:
        """Place what depends on pixel sizes, once a headless render has laid the view out."""


def html_key(colours: dict[str, str], ink: str = "#333333") -> str:
    """A one-line colour key for a LabelItem: a coloured square before each status (its name
    in the interface's language)."""
    from html import escape

    from gui.i18n import word
    return "&nbsp;&nbsp;".join(f"<span style='color:{c}'>&#9632;</span>&nbsp;"
                               f"<span style='color:{ink}'>{escape(word(name))}</span>"
                               for name, c in colours.items())


def elide(text: str, limit: int = 34) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
