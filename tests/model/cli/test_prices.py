"""model/cli/prices.py: import-prices and event-study on the command line (#4)."""

from __future__ import annotations

import datetime as dt

from tests.helpers import jump_series, trading_days

YAHOO = """Date,Open,High,Low,Close,Adj Close,Volume
2024-01-02,10.0,10.5,9.8,10.2,9.2,1000
2024-01-03,10.2,10.9,10.1,10.8,9.8,1200
2024-01-04,null,null,null,null,null,null
2024-01-05,10.8,11.0,10.5,10.6,9.6,900
"""


def test_cli_import_prices_and_errors(tracker, tmp_path, capsys):
    """`import-prices TICKER FILE` reports what it stored; a bad file gives 'error:' and the
    rows, exit 1, no traceback; --create adds a benchmark index (#4)."""
    import main
    tracker.close()
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(YAHOO)
    bad.write_text("date,close\n2024-01-02,x\n")
    db = str(tracker.path)
    assert main.main(["import-prices", "NVDA", str(good), "--db", db]) == 0
    assert "Imported 3 daily adjusted closes for NVIDIA" in capsys.readouterr().out
    assert main.main(["import-prices", "NVDA", str(bad), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "row 2:" in err and "Traceback" not in err
    assert main.main(["import-prices", "SPX", str(good), "--db", db]) == 1
    assert "no company with ticker" in capsys.readouterr().err
    assert main.main(["import-prices", "SPX", str(good), "--create", "S&P 500", "--db", db]) == 0


def test_cli_event_study(tracker, capsys):
    """`event-study THESIS` prints one line per event and company with the returns (#4)."""
    import main
    thesis_id = tracker.theses.add(title="Cli study").id
    stock = tracker.companies.add(name="Jumper", ticker="JMP")
    tracker.beneficiaries.add(thesis_id=thesis_id, company_id=stock.id)
    days = trading_days(dt.date(2025, 1, 6), 40)
    tracker.prices.store_rows(stock.id, [(d, v, None) for d, v in
                                         zip(days, jump_series(days, days[10], 10.0, 12.5))])
    c = tracker.catalysts.add(thesis_id=thesis_id, title="News", expected=days[10])
    tracker.catalysts.tick(c.id, on=days[10])
    tracker.close()
    assert main.main(["event-study", "Cli study", "--db", str(tracker.path)]) == 0
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if "JMP" in row)
    assert line.split()[-3:] == ["+25.0%", "+25.0%", "+25.0%"] and days[10] in line
    assert main.main(["event-study", "Cli study", "--horizons", "x", "--db",
                      str(tracker.path)]) == 1
    assert capsys.readouterr().err.startswith("error:")
