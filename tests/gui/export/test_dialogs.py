"""Export dialogs and File-menu actions (#5), driven as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QProgressDialog,
    QPushButton,
)

from icalendar import Calendar
from pypdf import PdfReader

from gui.export.dialogs import (
    ExportCalendarDialog,
    ExportPdfDialog,
    PdfChoice,
    run_calendar_export,
    run_pdf_export,
)
from tests.gui.export.helpers import page_texts


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_pdf_dialog_all_theses_on_letter_and_open_when_done(qtbot, tracker, tmp_path):
    """Choosing All + Letter + Open when done writes every thesis on Letter pages and asks the
    desktop to open the file; Export stays disabled until a file is named."""
    ids = tracker.theses.ids()
    dialog = ExportPdfDialog(None, current_id=ids[0], filtered_ids=ids[:2], all_ids=ids)
    qtbot.addWidget(dialog)
    assert dialog.current.isChecked() and not _ok(dialog).isEnabled()
    qtbot.mouseClick(dialog.all, Qt.MouseButton.LeftButton)
    dialog.paper.setCurrentIndex(dialog.paper.findText("Letter"))
    qtbot.keyClicks(dialog.path, str(tmp_path / "all"))
    qtbot.mouseClick(dialog.open_when_done, Qt.MouseButton.LeftButton)
    assert _ok(dialog).isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    choice = dialog.choice()
    assert choice == PdfChoice(ids, "letter", str(tmp_path / "all.pdf"), True)
    opened = []
    assert run_pdf_export(None, tracker, choice, open_url=opened.append)
    reader = PdfReader(choice.path)
    assert round(float(reader.pages[0].mediabox.height)) == 792
    assert "Contents" in page_texts(choice.path)[0]
    assert [u.toLocalFile() for u in opened] == [str(Path(choice.path).resolve())]


def test_a_missing_folder_is_refused_with_the_dialog_still_open(qtbot, tracker, tmp_path,
                                                               monkeypatch):
    """Export PDF (or Calendar) to a folder that does not exist: the dialog says so and stays
    open with the path as typed; before, it closed, the export failed, and the user typed the
    path again (found by a walk through the app)."""
    from gui.dialogs import Messages
    said = []
    monkeypatch.setattr(Messages, "error_titled",
                        classmethod(lambda cls, parent, title, text: said.append(text)))
    ids = tracker.theses.ids()
    missing = tmp_path / "nodir" / "cpo.pdf"
    for dialog in (ExportPdfDialog(None, current_id=ids[0], all_ids=ids,
                                   default_path=str(missing)),
                   ExportCalendarDialog(None, theses=[(i, str(i)) for i in ids],
                                        default_path=str(missing.with_suffix(".ics")))):
        qtbot.addWidget(dialog)
        dialog.show()
        rejected = []
        dialog.finished.connect(rejected.append)
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and rejected == []
        assert "nodir" in said[-1] and "does not exist" in said[-1]
        assert dialog.path.text().startswith(str(missing.with_suffix("")))
        dialog.path.setText(str(tmp_path / "here"))
        with qtbot.waitSignal(dialog.accepted):
            qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert len(said) == 2


def test_a_failed_export_closes_its_progress_before_saying_why(qtbot, tracker, tmp_path,
                                                               monkeypatch):
    """The error of a failed export is never under a progress box that opened meanwhile
    (the 800 ms progress came up over it and held its OK button)."""
    from gui.dialogs import Messages
    from gui.export import pdf

    seen = []

    def error(cls, parent, title, text):
        seen.append([w.objectName() for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.isVisible()])

    monkeypatch.setattr(Messages, "error_titled", classmethod(error))

    from gui.export import dialogs
    made = []

    class Progress(QProgressDialog):
        def __init__(self, *args):
            super().__init__(*args)
            made.append(self)

    def failing(tracker, ids, path, paper, progress):
        progress(0, 2)
        made[-1].show()                 # as its minimum duration would, mid-export
        from model.errors import UserError
        raise UserError("Cannot write it: the disk said no.")

    monkeypatch.setattr(dialogs, "QProgressDialog", Progress)
    monkeypatch.setattr(pdf, "export_pdf", failing)
    choice = PdfChoice(tracker.theses.ids()[:1], "a4", str(tmp_path / "x.pdf"), False)
    assert run_pdf_export(None, tracker, choice) is False
    assert seen == [[]]


def test_pdf_dialog_filtered_scope(qtbot, tracker, tmp_path):
    """The filtered scope exports exactly the theses the list shows, in its order."""
    dialog = ExportPdfDialog(None, current_id=None, filtered_ids=[3, 1], all_ids=[1, 2, 3],
                             default_path=str(tmp_path / "f.pdf"))
    qtbot.addWidget(dialog)
    assert not dialog.current.isEnabled() and dialog.all.isChecked()
    qtbot.mouseClick(dialog.filtered, Qt.MouseButton.LeftButton)
    assert dialog.choice().thesis_ids == [3, 1]


def test_progress_dialog_cancel_writes_nothing(qtbot, tracker, tmp_path):
    """Pressing Cancel in the progress dialog stops the export and leaves no file (#5)."""
    out = tmp_path / "out"
    out.mkdir()
    clicked = []

    def press_cancel():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                qtbot.mouseClick(widget.findChild(QPushButton), Qt.MouseButton.LeftButton)
                clicked.append(True)
                return
        QTimer.singleShot(5, press_cancel)

    QTimer.singleShot(0, press_cancel)
    choice = PdfChoice(tracker.theses.ids(), "a4", str(out / "all.pdf"), False)
    assert run_pdf_export(None, tracker, choice, open_url=lambda url: None) is False
    assert clicked and list(out.iterdir()) == []


def _events(path):
    return Calendar.from_ical(Path(path).read_bytes()).walk("VEVENT")


def test_calendar_dialog_choice_of_theses_and_pending_only(qtbot, tracker, tmp_path):
    """Unticking a thesis and ticking Pending only gives one event per pending catalyst of the
    remaining theses, each an all-day event over the catalyst's window (#5)."""
    theses = [(t.id, t.title) for t in tracker.theses.all()]
    dialog = ExportCalendarDialog(None, theses=theses, default_path=str(tmp_path / "cal"))
    qtbot.addWidget(dialog)
    dropped = dialog.list.item(0)
    dropped.setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.pending_only, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    choice = dialog.choice()
    kept = [i for i, _ in theses if i != dropped.data(Qt.ItemDataRole.UserRole)]
    assert sorted(choice.thesis_ids) == sorted(kept) and choice.pending_only
    count = run_calendar_export(None, tracker, choice)
    expected = [c for i in kept for c in tracker.catalysts.for_thesis(i) if c.status == "pending"]
    events = _events(choice.path)
    assert count == len(events) == len(expected) > 0
    by_uid = {str(e["uid"]): e for e in events}
    assert len(by_uid) == len(events)
    for c in expected:
        event = next(e for e in events if str(e["summary"]).startswith(c.title))
        assert event["dtstart"].dt.isoformat() == c.window_start
        # iCalendar all-day events end the day after their last day.
        assert event["dtend"].dt == dt.date.fromisoformat(c.window_end) + dt.timedelta(days=1)


def test_calendar_dialog_shows_whole_titles_without_scrolling_sideways(qtbot, tracker,
                                                                       tmp_path):
    """The demo's titles fit: the dialog opens wide enough for the longest, never wider than
    72 "M"s, and a title cut anyway has its whole text as a tooltip (the list was 400 px wide
    with a sideways scroll bar; found by a walk through the app)."""
    theses = [(t.id, t.title) for t in tracker.theses.all()]
    dialog = ExportCalendarDialog(None, theses=theses, default_path=str(tmp_path / "c.ics"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    widest = max(dialog.list.fontMetrics().horizontalAdvance(title) for _, title in theses)
    assert dialog.list.viewport().width() >= widest + 20          # the check box beside it
    assert dialog.width() <= 72 * dialog.fontMetrics().horizontalAdvance("M")
    assert not dialog.list.horizontalScrollBar().isVisible()
    assert [dialog.list.item(r).toolTip() for r in range(dialog.list.count())] == \
        [title for _, title in theses]


def test_calendar_all_catalysts_one_event_each(qtbot, tracker, tmp_path):
    """Without Pending only every catalyst of every thesis is one event; None disables Export."""
    dialog = ExportCalendarDialog(None, theses=[(t.id, t.title) for t in tracker.theses.all()],
                                  default_path=str(tmp_path / "all.ics"))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(next(b for b in dialog.findChildren(QPushButton) if b.text() == "None"),
                     Qt.MouseButton.LeftButton)
    assert not _ok(dialog).isEnabled()
    qtbot.mouseClick(next(b for b in dialog.findChildren(QPushButton) if b.text() == "All"),
                     Qt.MouseButton.LeftButton)
    assert _ok(dialog).isEnabled()
    run_calendar_export(None, tracker, dialog.choice())
    total = tracker.store.scalar("SELECT count(*) FROM catalyst")
    assert len(_events(tmp_path / "all.ics")) == total


def test_main_window_file_menu_exports_the_filtered_list(qtbot, db_path, clock, tmp_path,
                                                           monkeypatch):
    """In the app, File has Export PDF…, Export Markdown… and the one Export Calendar… (the
    richer dialog: choice of theses, pending-only) in its exports section, and the filtered
    scope is what the thesis list shows after filtering by status (#5)."""
    from PySide6.QtCore import QSettings

    from gui import create_main_window
    window = create_main_window(db_path, clock=clock, settings=QSettings(
        str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus.file.actions()]
    at = texts.index("Export &PDF…")
    assert texts[at + 1] == "Export &Markdown…"
    assert texts[at + 2] == "Export &Calendar…" and at + 2 < texts.index("&Back up now")
    assert sum("calendar" in t.lower() for t in texts) == 1
    assert window.actions_by_name["exportCalendar"].objectName() == "actionExportCalendar"
    window.status_filter.setCurrentIndex(window.status_filter.findData("watch"))
    watch = [t.id for t in window.tracker.theses.all() if t.status == "watch"]
    seen = {}

    def fake_ask(parent, **kwargs):
        seen.update(kwargs)
        return PdfChoice(kwargs["filtered_ids"], "a4", str(tmp_path / "watch.pdf"), False)

    monkeypatch.setattr(ExportPdfDialog, "ask", classmethod(lambda cls, *a, **k: fake_ask(*a, **k)))
    next(a for a in window.menus.file.actions() if a.text() == "Export &PDF…").trigger()
    assert seen["filtered_ids"] == watch and seen["all_ids"] == window.tracker.theses.ids()
    title = " ".join(window.tracker.theses.get(watch[0]).title.split())[:30]
    assert title in page_texts(tmp_path / "watch.pdf")[0]
    window.close()


def test_export_calendar_with_a_choice_of_theses(window, tmp_path, qtbot, when_modal):
    """File ▸ Export calendar is the one dialog with a choice of theses and pending-only (#5):
    unticking all but the current thesis and keeping pending-only writes its pending events."""
    target = tmp_path / "cal.ics"
    current = window.current_thesis_id()
    assert sum("calendar" in a.text().lower() for a in window.menus.file.actions()) == 1

    def answer(dialog):
        assert dialog.objectName() == "exportCalendarDialog"
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) != current:
                item.setCheckState(Qt.CheckState.Unchecked)
        dialog.pending_only.setChecked(True)
        dialog.path.setText(str(target))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_modal(answer)
    window.actions_by_name["exportCalendar"].trigger()
    text = target.read_text(encoding="utf-8")
    pending = [c for c in window.tracker.catalysts.for_thesis(current) if c.status == "pending"]
    assert text.count("BEGIN:VEVENT") == len(pending) > 0
