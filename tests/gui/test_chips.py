"""gui/chips.py and the chip colours of gui/palette.py (#13 item 3): a colour per theme that stays
with it, chips laid out in a cell, a click on one filtering the list, the filter bar showing
what filters it and clearing it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui import palette
from gui.chips import TAG, THEME, ChipRow, FilterBar, ThemeColours, layout_chips


def test_each_theme_gets_its_own_colour_and_keeps_it():
    """Distinct colours as long as there are colours; the same set of themes always gets the
    same ones, in any order, and a new theme does not recolour the others (unless it takes
    a slot first)."""
    themes = ["Optical interconnect", "Space computing", "AI capex", "Power"]
    slots = palette.theme_slots(themes)
    assert len(set(slots.values())) == len(themes)
    assert palette.theme_slots(reversed(themes)) == slots
    grown = palette.theme_slots([*themes, "Memory"])
    assert {t: grown[t] for t in themes} == slots or len(set(grown.values())) == 5
    many = palette.theme_slots([f"theme {i}" for i in range(len(palette.THEMES))])
    assert sorted(many.values()) == list(range(len(palette.THEMES)))
    assert palette.theme("Space computing", slots, dark=True) == \
        palette.THEMES[slots["Space computing"]].dark


def test_chips_fit_their_cell_and_say_how_many_did_not(qapp):
    metrics = QFontMetrics(QApplication.font())
    placed, left = layout_chips(metrics, ["optics", "AI capex", "800G", "光模块"],
                                QRect(0, 0, 400, 24))
    assert [text for _, text in placed] == ["optics", "AI capex", "800G", "光模块"]
    assert left == 0
    assert all(a.right() < b.left() for (a, _), (b, _) in zip(placed, placed[1:]))
    placed, left = layout_chips(metrics, ["optics", "AI capex", "800G", "光模块"],
                                QRect(0, 0, 120, 24))
    assert 1 <= len(placed) < 4 and left == 4 - len(placed)
    assert all(rect.right() <= 120 for rect, _ in placed)
    placed, left = layout_chips(metrics, ["a very long theme name indeed"], QRect(0, 0, 60, 24))
    assert len(placed) == 1 and placed[0][1].endswith("…") and left == 0


def test_the_filter_bar_shows_what_filters_and_clears_it(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget
    pane = QWidget()
    qtbot.addWidget(pane)
    bar = FilterBar(ThemeColours())
    QVBoxLayout(pane).addWidget(bar)
    pane.show()
    assert bar.isHidden() and bar.filters == {}
    with qtbot.waitSignal(bar.changed):
        bar.set_filter(THEME, "Space computing")
    bar.set_filter(TAG, "光模块")
    assert bar.isVisible() and bar.filters == {THEME: "Space computing", TAG: "光模块"}
    chips = {chip.objectName(): chip for chip in bar.findChildren(type(bar.clear_button))
             if chip.objectName().endswith("Filter")}
    assert set(chips) == {"themeFilter", "tagFilter"}
    assert chips["tagFilter"].text().startswith("光模块")
    with qtbot.waitSignal(bar.changed):
        QTest.mouseClick(chips["tagFilter"], Qt.MouseButton.LeftButton)
    assert bar.filters == {THEME: "Space computing"}
    with qtbot.waitSignal(bar.changed):
        QTest.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert bar.filters == {} and bar.isHidden()


def test_a_row_of_chips_wraps_and_reports_the_one_clicked(qtbot):
    """Overview's chips: the theme first (its colour), then the tags; a narrow row wraps
    onto more lines (and asks for the height); a click reports the chip under it."""
    colours = ThemeColours()
    colours.set_themes(["Optical interconnect", "Space computing"])
    row = ChipRow(colours)
    qtbot.addWidget(row)
    row.show_chips("Optical interconnect", ("optics", "AI capex", "800G", "1.6T", "大光"))
    row.resize(600, row.heightForWidth(600))
    row.show()
    assert row.items[:2] == ((THEME, "Optical interconnect"), (TAG, "optics"))
    assert row.colour_of(0).name() == palette.theme("Optical interconnect", colours.slots)
    assert row.colour_of(1).name() == palette.TAG.light
    one_line = row.heightForWidth(600)
    assert row.heightForWidth(120) > 2 * one_line
    rects = row.rects()
    assert all(r.right() < 600 for r in rects) and len({r.top() for r in rects}) == 1
    with qtbot.waitSignal(row.chip_clicked) as clicked:
        QTest.mouseClick(row, Qt.MouseButton.LeftButton, pos=rects[5].center())
    assert clicked.args == [TAG, "大光"]
    with qtbot.assertNotEmitted(row.chip_clicked):
        QTest.mouseClick(row, Qt.MouseButton.LeftButton, pos=QPoint(599, rects[0].bottom()))


def test_a_click_on_a_chip_in_the_list_filters_it(window, qtbot):
    """The list's Theme and Tags cells are chips: clicking one shows only the theses with it,
    the filter bar says so, and showing a thesis the filter hides clears it."""
    from gui.models.thesis_list import ThesisListModel
    table = window.thesis_list
    proxy = window.proxy
    space = next(r for r in range(proxy.rowCount())
                 if proxy.index(r, 0).data().startswith("Space computing"))
    rect = table.visualRect(proxy.index(space, ThesisListModel.THEME))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 12, rect.center().y()))
    qtbot.waitUntil(lambda: proxy.rowCount() == 1)
    assert window.chip_filter.filters == {THEME: "Space computing"}
    assert window.chip_filter.isVisible()
    big = window.tracker.theses.resolve("Big light")
    window.show_thesis(big)
    assert window.current_thesis_id() == big and window.chip_filter.filters == {}
    assert proxy.rowCount() == 5
    window.filter_by_chip(TAG, "大光")
    assert [proxy.index(r, 0).data().split(":")[0] for r in range(proxy.rowCount())] == \
        ["Big light"]


def test_a_chip_cut_short_keeps_its_themes_colour(window):
    """A theme chip elided to its column ("Space comp…") is drawn in its theme's colour, not
    the one its shortened text would hash to (found in the screenshots)."""
    from PySide6.QtGui import QColor

    from gui.models.thesis_list import ThesisListModel
    table, proxy = window.thesis_list, window.proxy
    table.setColumnWidth(ThesisListModel.THEME, 70)
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data().startswith("Space computing"))
    rect = table.visualRect(proxy.index(row, ThesisListModel.THEME))
    image = table.viewport().grab(rect).toImage()
    inks = {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height())}
    slots = window.theme_colours.slots
    assert palette.theme("Space computing", slots) in inks
    wrong = palette.theme("Space co…", {})
    assert wrong == palette.theme("Space computing", slots) or wrong not in inks
    assert QColor(palette.theme("Space computing", slots)).isValid()
