"""File ▸ Import takes market-catalyst-calendar datasets too (#7): JSON and CSV, recognised by
content, all or nothing with the problems listed, and a second import changes nothing."""

from __future__ import annotations

import json

import pytest

from gui.dialogs import Files, Messages
from tests.model.peer_dataset import dataset, to_csv


def _import(window, monkeypatch, path):
    monkeypatch.setattr(Files, "open", classmethod(lambda cls, *a, **k: str(path)))
    window.actions_by_name["import"].trigger()


@pytest.mark.parametrize("form", ["json", "csv"])
def test_import_peer_dataset_twice(window, monkeypatch, tmp_path, form):
    """A peer dataset becomes theses named from thesis_id, shown in the list at once; the same
    file again adds and changes nothing (#7)."""
    path = tmp_path / f"peer.{form}"
    data = dataset()
    path.write_text(json.dumps(data) if form == "json" else to_csv(data), encoding="utf-8")
    before = window.list_model.rowCount()
    _import(window, monkeypatch, path)
    titles = {s.title for s in window.list_model.records()}
    assert {"Ai infrastructure capex", "Rates duration risk"} <= titles
    assert window.list_model.rowCount() == before + 3
    assert "market-catalyst-calendar" in window.statusBar().currentMessage()
    catalysts = window.tracker.store.scalar("SELECT count(*) FROM catalyst")
    _import(window, monkeypatch, path)
    assert window.list_model.rowCount() == before + 3
    assert window.tracker.store.scalar("SELECT count(*) FROM catalyst") == catalysts
    assert f"{len(data['records'])} unchanged" in window.statusBar().currentMessage()


def test_bad_peer_dataset_lists_problems_and_writes_nothing(window, monkeypatch, tmp_path):
    """An unknown status and a record without dates refuse the whole file; the dialog names
    each bad record and the database is untouched (#7, all or nothing)."""
    data = dataset()
    data["records"][1]["status"] = "postponed"
    del data["records"][2]["date"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    errors = []
    monkeypatch.setattr(Messages, "error", classmethod(
        lambda cls, parent, text, title="": errors.append(text)))
    before = window.tracker.store.scalar("SELECT count(*) FROM catalyst")
    theses = window.list_model.rowCount()
    _import(window, monkeypatch, path)
    assert len(errors) == 1
    assert "avgo-watch" in errors[0] and "postponed" in errors[0]
    assert "spy-fomc" in errors[0]
    assert window.tracker.store.scalar("SELECT count(*) FROM catalyst") == before
    assert window.list_model.rowCount() == theses
