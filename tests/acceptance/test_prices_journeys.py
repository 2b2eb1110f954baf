"""Prices as an analyst uses them (#12 defects 1, 2, 3, item 14 and "Benchmark from the app"):
imports from the Prices tab, what it shows before there are any, and the list pane's width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from tests.acceptance.conftest import click_tab, prices_csv


def _import_through_the_dialog(qtbot, when_modal, button, company: str, path: str) -> None:
    """Click Import prices…, pick the company by its name in the list, type the file, Import."""
    def answer(dialog):
        combo = dialog.company
        combo.setCurrentIndex(combo.findText(company, Qt.MatchFlag.MatchStartsWith))
        assert combo.currentIndex() >= 0, f"{company} is not offered"
        qtbot.keyClicks(dialog.path, path)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    done = when_modal(answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert done, "the Import prices dialog never opened"


def test_import_three_companies_one_after_another(window, big_light, qtbot, when_modal,
                                                  tmp_path):
    """Big light ▸ Prices ▸ Import prices… for 300308.SZ, then GOOGL, then 300502.SZ, without
    leaving the thesis: every line has its own colour, the legend names each company as
    "中际旭创 300308.SZ", and the chart is rebased on the first day all three have a close,
    not on 2000-01-01 (#12 defect 1: 300502.SZ and GOOGL were both orange)."""
    tab = window.charts["prices"]
    click_tab(qtbot, window.detail.tabs, tab)
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=3000)
    prices = tab.chart
    files = {"中际旭创 300308.SZ": prices_csv(tmp_path / "300308.csv", "2025-06-02", 120),
             "Alphabet (Google) GOOGL": prices_csv(tmp_path / "googl.csv", "2025-05-01", 150),
             "新易盛 300502.SZ": prices_csv(tmp_path / "300502.csv", "2025-06-03", 110)}
    for company, path in files.items():
        button = prices.empty.import_button if not prices.chart.has_prices \
            else prices.chart.import_button
        _import_through_the_dialog(qtbot, when_modal, button, company, path)
    legend = prices.chart.legend_entries()
    assert [label for label, _, _ in legend] == ["中际旭创 300308.SZ", "新易盛 300502.SZ",
                                                 "Alphabet (Google) GOOGL"]
    looks = [(colour, style) for _, colour, style in legend]
    assert len(set(looks)) == 3, f"two companies drawn alike: {legend}"
    assert prices.chart.plot.getAxis("left").labelText == "rebased (100 = 2025-06-03)"
    from model.analysis.timeline import day_seconds
    for curve in prices.chart.curves.values():
        xs, ys = curve.getOriginalDataset()
        assert ys[list(xs).index(day_seconds("2025-06-03"))] == 100.0


def test_prices_tab_without_prices_says_what_to_import(window, big_light, qtbot, when_modal,
                                                       tmp_path):
    """A demo thesis has no prices: the tab says which companies to import, offers the button
    and names the file formats, instead of an empty plot labelled 0–1.0 and "00.100"; the
    button imports and the chart appears (#12 defect 2)."""
    tab = window.charts["prices"]
    click_tab(qtbot, window.detail.tabs, tab)
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=3000)
    prices = tab.chart
    empty = prices.empty
    qtbot.waitUntil(empty.isVisible, timeout=3000)
    assert prices.pages.currentWidget() is empty
    assert not prices.chart.isVisible()
    text = empty.message.text()
    for name in ("中际旭创 300308.SZ", "新易盛 300502.SZ", "天孚通信 300394.SZ",
                 "Alphabet (Google) GOOGL"):
        assert name in text
    assert "Yahoo" in empty.formats.text() and "date,close" in empty.formats.text()
    assert empty.import_button.isEnabled() and empty.import_button.isVisible()
    _import_through_the_dialog(qtbot, when_modal, empty.import_button, "天孚通信",
                               prices_csv(tmp_path / "tfc.csv", "2025-06-02", 60))
    assert prices.pages.currentWidget() is prices.content
    qtbot.waitUntil(prices.chart.isVisible, timeout=3000)
    assert prices.chart.legend_entries()[0][0] == "天孚通信 300394.SZ"


def test_opening_every_tab_leaves_the_thesis_list_alone(window, big_light, qtbot, when_modal,
                                                        tmp_path):
    """Clicking through the thesis tabs, Prices included, with prices imported and a long
    note of companies still without prices, never moves the splitter: Overdue and Next review
    stay on screen (#12 defect 3: Prices squeezed the list until the app was restarted)."""
    tabs = window.detail.tabs
    before = window.splitter.sizes()
    for index in range(tabs.count()):
        click_tab(qtbot, tabs, tabs.widget(index))
        qtbot.wait(10)
        assert window.splitter.sizes() == before, tabs.tabText(index)
    prices = window.charts["prices"].chart
    _import_through_the_dialog(qtbot, when_modal, prices.empty.import_button, "中际旭创",
                               prices_csv(tmp_path / "a.csv", "2025-06-02", 300))
    for index in range(tabs.count()):
        click_tab(qtbot, tabs, tabs.widget(index))
        qtbot.wait(10)
        assert window.splitter.sizes() == before, tabs.tabText(index)
    assert "No prices yet for" in prices.chart.note.text()


def test_import_prices_dialog_underlines_its_shortcuts(window, big_light, qtbot, when_modal):
    """The file row reads "CSV file" with F as its shortcut, not "CSV &file" with a literal
    ampersand (#12 item 14)."""
    tab = window.charts["prices"]
    click_tab(qtbot, window.detail.tabs, tab)
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=3000)
    seen = {}

    def look(dialog):
        # A label shows its "&" literally unless it has a buddy to give the shortcut to.
        seen["labels"] = {label.text(): label.buddy() for label in dialog.findChildren(QLabel)
                          if "&" in label.text()}
        seen["path"] = dialog.path
        dialog.reject()
    done = when_modal(look)
    qtbot.mouseClick(tab.chart.empty.import_button, Qt.MouseButton.LeftButton)
    assert done and seen["labels"]["CSV &file"] is seen["path"]
    assert all(buddy is not None for buddy in seen["labels"].values()), seen["labels"]


def test_benchmark_set_in_overview_fills_the_excess_columns(window, qtbot, when_modal,
                                                            tmp_path):
    """Scale-across has no benchmark: type 000300.SH into Overview's Benchmark field, import a
    beneficiary's prices and then the benchmark's (a new company) from the Prices tab, and the
    event study's Excess columns fill in (#12, "Benchmark from the app")."""
    tracker = window.tracker
    thesis = next(t for t in tracker.theses.all() if t.title.startswith("Scale-across"))
    window.show_thesis(thesis.id)
    overview = window.detail.overview
    click_tab(qtbot, window.detail.tabs, 0)
    overview.benchmark.setFocus()
    qtbot.keyClicks(overview.benchmark, "000300.sh")
    qtbot.keyClick(overview.benchmark, Qt.Key.Key_Return)
    assert tracker.theses.get(thesis.id).benchmark_ticker == "000300.SH"
    # A done catalyst inside the price range, so the event study has a row.
    catalyst = tracker.ops.add_catalyst(thesis.id, title="DCI order", expected="2025-08-04")
    tracker.ops.tick(catalyst.value.id, on="2025-08-04")
    tab = window.charts["prices"]
    click_tab(qtbot, window.detail.tabs, tab)
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=3000)
    prices = tab.chart
    _import_through_the_dialog(qtbot, when_modal, prices.empty.import_button, "中际旭创",
                               prices_csv(tmp_path / "a.csv", "2025-06-02", 120))
    model = prices.model
    excess = [c for c in range(model.columnCount()) if "Excess" in
              str(model.headerData(c, Qt.Orientation.Horizontal))]
    assert model.rowCount() == 1 and model.index(0, excess[0]).data() in ("", "–", None)
    _import_through_the_dialog(qtbot, when_modal, prices.chart.import_button, "000300.SH",
                               prices_csv(tmp_path / "csi.csv", "2025-06-02", 120, skip=()))
    assert tracker.companies.by_ticker("000300.SH") is not None
    assert all(model.index(0, c).data() not in ("", "–", None) for c in excess)
    assert "excess over 000300.SH" in prices.summary.text()
    assert any("benchmark" in label for label, _, _ in prices.chart.legend_entries())
