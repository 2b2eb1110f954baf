"""Looks like a tool of 2026 (#13 item 3), through the real window: the toolbar's everyday
actions, Help ▸ Keyboard shortcuts, and the colours following the system's light or dark
palette while the app runs.

On the code #13 part B started from there was no toolbar, no shortcuts list, and the charts
stayed white with the light palette's colours whatever the system showed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QToolButton

import pytest

from gui import palette as colours
from gui.models.thesis_list import ThesisListModel
from tests.acceptance.conftest import click, menu, open_tab, select_thesis


def test_the_toolbar_offers_the_everyday_actions(app, qtbot, dialogs):
    """New thesis, Tick, Review, Search, Upcoming, Export PDF: each an icon with a tooltip
    naming its shortcut; the buttons do what the menu entries do."""
    toolbar = app.toolbar
    names = [action.objectName() for action in toolbar.actions()]
    assert names == ["newThesis", "tickCatalyst", "reviewThesis", "find", "viewUpcoming",
                     "actionExportPdf"]
    for action in toolbar.actions():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys and keys in action.toolTip()
        assert not action.icon().pixmap(QSize(20, 20)).isNull()
    button = toolbar.widgetForAction(app.actions_by_name["viewUpcoming"])
    click(button)
    assert app.pages.currentWidget() is app.upcoming
    # Tick: the catalyst selected in the thesis's Catalysts tab, after asking when.
    select_thesis(app, "Big light", qtbot)
    table = open_tab(app, "Catalysts").findChild(type(app.thesis_list), "catalystTable")
    model = table.model()
    pending = next(r for r in range(model.rowCount()) if model.record(r).status == "pending")
    table.setCurrentIndex(model.index(pending, 1))
    seen = []
    dialogs.expect(lambda d: (seen.append(d.objectName()), d.reject()))
    click(toolbar.widgetForAction(app.actions_by_name["tickCatalyst"]))
    dialogs.done()
    assert seen == ["tickDialog"]
    assert dialogs.unexpected == []


def test_keyboard_shortcuts_lists_every_shortcut_from_the_actions(app, qtbot):
    """Help ▸ Keyboard shortcuts: every menu action with a shortcut (Delete thesis has one
    now) and the keys of tables and fields; an action added later is listed too, since the
    list is read from the actions."""
    menu(app, "shortcuts")
    dialog = app.findChild(QDialog, "shortcutsDialog")
    rows = dict(dialog.rows())
    for action in app.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and action.associatedObjects() and action.menu() is None:
            assert rows.get(action.text().replace("&", "").rstrip("…")) == keys
    assert rows["Delete thesis"] == "Ctrl+Shift+Del"
    assert rows["Keyboard shortcuts"] == QKeySequence("Ctrl+/").toString(
        QKeySequence.SequenceFormat.NativeText)
    assert "Tick the catalyst (on its Done box)" in rows
    dialog.close()
    extra = QAction("Export &Something…", app)
    extra.setShortcut(QKeySequence("Ctrl+Alt+E"))
    app.menus.add_export_action(extra)
    menu(app, "shortcuts")
    later = [d for d in app.findChildren(QDialog, "shortcutsDialog") if d.isVisible()][-1]
    assert dict(later.rows())["Export Something"] == QKeySequence("Ctrl+Alt+E").toString(
        QKeySequence.SequenceFormat.NativeText)
    later.close()


@pytest.fixture
def dark_mode(qapp):
    """Switch the application's palette the way the system does when it turns dark (and
    back afterwards)."""
    light = QPalette(qapp.palette())

    def switch(dark: bool) -> None:
        if not dark:
            qapp.setPalette(light)
            return
        palette = QPalette(light)
        for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                             (QPalette.ColorRole.Base, "#17181a"),
                             (QPalette.ColorRole.AlternateBase, "#24262a"),
                             (QPalette.ColorRole.Button, "#2d2f33"),
                             (QPalette.ColorRole.Text, "#e8eaed"),
                             (QPalette.ColorRole.WindowText, "#e8eaed"),
                             (QPalette.ColorRole.ButtonText, "#e8eaed")):
            palette.setColor(role, QColor(colour))
        qapp.setPalette(palette)
    yield switch
    qapp.setPalette(light)


def test_the_colours_follow_the_system_switching_to_dark_and_back(app, qtbot, dark_mode):
    """The system turns dark while the app runs: the tables' status colours, the charts
    (background, axes, bars, key), the chips and the toolbar's icons take the dark palette's
    variants at once; turning light again brings the light ones back (#13 item 3)."""
    select_thesis(app, "Small light", qtbot)
    list_model = app.list_model
    overdue = next(r for r in range(list_model.rowCount()) if list_model.record(r).overdue)
    cell = list_model.index(overdue, ThesisListModel.OVERDUE)
    light_red = colours.catalyst("overdue")
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == light_red
    open_tab(app, "Timeline")
    qtbot.wait(1)
    timeline = app.charts["timeline"].chart
    assert timeline.view.backgroundBrush().color().name() == "#ffffff"
    def icon_ink() -> int:
        """The lightness of the toolbar's New thesis strokes (0 black ... 255 white)."""
        icon = app.actions_by_name["newThesis"].icon()
        image = icon.pixmap(QSize(20, 20)).toImage()
        inks = [image.pixelColor(x, y).lightness() for x in range(image.width())
                for y in range(image.height()) if image.pixelColor(x, y).alpha() > 200]
        return max(inks)
    light_ink = icon_ink()
    assert light_ink < 100                  # dark strokes on a light window
    chips = app.detail.overview.chips
    theme = chips.items[0][1]
    assert chips.colour_of(0).name() == colours.theme(theme, app.theme_colours.slots)

    dark_mode(True)
    qtbot.waitUntil(lambda: timeline.dark)
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == \
        colours.catalyst("overdue", dark=True)
    assert timeline.view.backgroundBrush().color().name() == "#17181a"
    assert timeline.lanes.bars.dark
    assert timeline.history_plot.getAxis("left").textPen().color().name() == "#e8eaed"
    assert colours.catalyst("pending", dark=True) in timeline.key.text
    assert icon_ink() > 200                 # light strokes on the dark window
    assert chips.colour_of(0).name() == colours.theme(theme, app.theme_colours.slots,
                                                      dark=True)
    # A chart first built while dark starts dark.
    open_tab(app, "Prices")
    qtbot.wait(1)
    assert app.charts["prices"].chart.chart.dark

    dark_mode(False)
    qtbot.waitUntil(lambda: not timeline.dark)
    assert timeline.view.backgroundBrush().color().name() == "#ffffff"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == light_red
    assert chips.colour_of(0).name() == colours.theme(theme, app.theme_colours.slots)
    assert icon_ink() == light_ink
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 128
    assert app.findChildren(QToolButton)
