"""The Prices tab (#4): each beneficiary's prices rebased to 100 on the chosen day or
absolute, catalysts as vertical markers, the event study table, importing from the tab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

import numpy as np
import pytest

from model.analysis.timeline import day_seconds
from tests.helpers import trading_days


@pytest.fixture
def setup(tracker):
    """Thesis with two priced beneficiaries (one jumps +10 % on the event), one without."""
    tid = tracker.theses.add(title="Priced").id
    a = tracker.companies.add(name="Alpha", ticker="AAA")
    b = tracker.companies.add(name="Beta", ticker="BBB")
    c = tracker.companies.add(name="Gamma", ticker="CCC")
    for company in (a, b, c):
        tracker.beneficiaries.add(thesis_id=tid, company_id=company.id)
    days = trading_days(dt.date(2025, 1, 6), 120)
    event = days[60]
    tracker.prices.store_rows(a.id, [(d, 50.0 if d < event else 55.0, None) for d in days])
    tracker.prices.store_rows(b.id, [(d, 200.0 + i, None) for i, d in enumerate(days)])
    done = tracker.catalysts.add(thesis_id=tid, title="Approval", expected=event)
    tracker.catalysts.tick(done.id, on=event)
    tracker.catalysts.add(thesis_id=tid, title="Launch", expected="Q1 2027")
    return dict(thesis=tid, a=a, b=b, c=c, days=days, event=event, done=done)


@pytest.fixture
def tab(qtbot, tracker, setup, qtmodeltester):
    from gui.charts.prices import PricesTab
    w = PricesTab(tracker)
    qtbot.addWidget(w)
    tracker.subscribe(w.apply_changes)     # as the window's changes_applied signal does
    w.resize(1000, 700)
    w.set_thesis(setup["thesis"])
    w.show()
    qtbot.waitExposed(w)
    qtmodeltester.check(w.model)
    qtmodeltester.check(w.proxy)
    yield w
    tracker.unsubscribe(w.apply_changes)
    w.chart.view.close()


def test_rebased_and_absolute_curves_with_markers(tab, setup, qtbot):
    """A curve per priced beneficiary on epoch-second x; rebased, each is 100 at the chosen
    day; absolute shows the closes; catalysts are vertical lines at their dates (#4)."""
    chart = tab.chart
    assert set(chart.curves) == {setup["a"].id, setup["b"].id}
    assert "CCC" in chart.note.text()
    days = setup["days"]
    xs, ys = chart.curves[setup["b"].id].getOriginalDataset()
    assert xs[0] == day_seconds(days[0]) and ys[0] == pytest.approx(100.0)
    on = dt.date.fromisoformat(days[10])
    chart.rebase_date.setDate(QDate(on.year, on.month, on.day))
    xs, ys = chart.curves[setup["b"].id].getOriginalDataset()
    assert ys[10] == pytest.approx(100.0) and ys[11] == pytest.approx(211 / 210 * 100)
    chart.mode.setCurrentText(chart.ABSOLUTE)
    assert not chart.rebase_date.isEnabled()
    _, ys = chart.curves[setup["a"].id].getOriginalDataset()
    assert ys[0] == 50.0 and ys[-1] == 55.0
    curve = chart.curves[setup["a"].id]
    assert curve.opts["autoDownsample"] and curve.opts["clipToView"]
    lines = {line.catalyst_id: line for line in chart.markers}
    assert lines[setup["done"].id].value() == day_seconds(setup["event"])
    assert lines[setup["done"].id].pen.style() == Qt.PenStyle.SolidLine
    assert len(lines) == 2


def test_event_table_shows_returns_and_follows_changes(tab, setup, tracker):
    """The table holds one row per priced beneficiary for the done catalyst, with +10 % for
    the jump; ticking another catalyst done adds its rows in place (#4)."""
    model = tab.model
    assert model.rowCount() == 2
    row = next(model.record(r) for r in range(2) if model.record(r).ticker == "AAA")
    r = model.row_of(row.id)
    assert model.index(r, 4).data() == "+10.0%" and model.index(r, 6).data() == "+10.0%"
    assert model.index(r, 4).data(Qt.ItemDataRole.ForegroundRole).name() == "#2e7d32"
    inserted = []
    model.rowsInserted.connect(lambda *a: inserted.append(a))
    model.modelReset.connect(lambda: pytest.fail("a change must not reset the table"))
    launch = next(c for c in tracker.catalysts.for_thesis(setup["thesis"]) if c.title == "Launch")
    tracker.catalysts.tick(launch.id, on=setup["days"][90])
    assert model.rowCount() == 4 and len(inserted) == 2
    assert "4 rows from 2 done catalysts" in tab.summary.text()


def test_import_from_the_tab(tab, setup, tracker, tmp_path, monkeypatch):
    """Import prices… asks for company and file, imports, and the chart gains the curve; a
    bad file shows the rows in a warning and changes nothing (#4)."""
    from gui.charts.prices import ImportPricesDialog
    good = tmp_path / "c.csv"
    good.write_text("Date,Open,High,Low,Close,Adj Close,Volume\n"
                    "2025-02-03,1,1,1,10,9,5\n2025-02-04,1,1,1,11,10,5\n")
    monkeypatch.setattr(ImportPricesDialog, "ask",
                        classmethod(lambda cls, parent, companies, **kw:
                                    (setup["c"].id, str(good))))
    tab.chart.import_button.click()
    assert setup["c"].id in tab.chart.curves
    assert "Imported 2 days" in tab.chart.note.text()
    bad = tmp_path / "bad.csv"
    bad.write_text("date,close\n2025-02-05,oops\n")
    warned = []
    from gui.dialogs import Messages
    monkeypatch.setattr(Messages, "error",
                        classmethod(lambda cls, parent, text, title="": warned.append(text)))
    monkeypatch.setattr(ImportPricesDialog, "ask",
                        classmethod(lambda cls, parent, companies, **kw:
                                    (setup["c"].id, str(bad))))
    tab.chart.import_button.click()
    assert warned and "row 2:" in warned[0]
    assert tracker.prices.count(setup["c"].id) == 2


def test_many_points_are_clipped_and_downsampled(qtbot, tracker, setup):
    """20 years of daily prices: zoomed to one year only that year's points are drawn, and
    with the whole range in 200 pixels, a few points per pixel (#4 speed)."""
    from gui.charts.prices import PricesChart
    days = np.arange(np.datetime64("2005-01-03"), np.datetime64("2025-01-03"))
    tracker.prices.store_rows(setup["c"].id, [(str(d), 10.0 + (i % 50), None)
                                              for i, d in enumerate(days)])
    chart = PricesChart(tracker, thesis_id=setup["thesis"])
    qtbot.addWidget(chart)
    chart.resize(200, 300)
    chart.show()
    qtbot.waitExposed(chart)
    curve = chart.curves[setup["c"].id]
    assert curve.opts["autoDownsample"] and curve.opts["clipToView"]
    chart.plot.setXRange(day_seconds("2010-01-01"), day_seconds("2011-01-01"), padding=0)
    qtbot.waitUntil(lambda: len(curve.getData()[0]) < 800, timeout=2000)
    year, _ = curve.getData()
    assert year[0] <= day_seconds("2010-01-01") and year[-1] >= day_seconds("2010-12-31")
    chart.plot.setXRange(day_seconds("2005-01-01"), day_seconds("2025-01-03"), padding=0)
    # Peak mode keeps a low and a high per bin of about 1/5 pixel.
    most = 2 * 5 * chart.plot.getViewBox().width() * 1.3 + 10   # int() of the factor
    qtbot.waitUntil(lambda: len(curve.getData()[0]) < most, timeout=2000)
    assert len(curve.getData()[0]) < len(days) / 2
    chart.view.close()



def test_import_waits_for_a_file(qtbot):
    """Import prices: the Import button is off until a file is named (clicked with none, the
    dialog closed without a word; found by a walk through the app)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.charts.prices import ImportPricesDialog
    dialog = ImportPricesDialog([(1, "中际旭创 300308.SZ")])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.path.setText("   ")
    assert not ok.isEnabled()
    dialog.path.setText("/tmp/300308.csv")
    assert ok.isEnabled()


def test_a_closed_chart_ignores_a_change_of_language(tab, qtbot):
    """View ▸ Language while a chart is on its way out (its view closed, the widget not yet
    deleted): nothing is relabelled, and nothing raises. Its legend's layout was gone and
    relabelling raised inside Qt's event loop (found when a prices test ran before the
    Chinese journeys)."""
    from gui import i18n
    tab.chart.view.close()
    try:
        i18n.install_language("zh_CN")
        qtbot.wait(10)                      # the LanguageChange events are delivered
    finally:
        i18n.install_language("en")
        qtbot.wait(10)
