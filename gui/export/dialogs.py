"""Export dialogs: PDF (current, filtered or all theses; paper; open when done), calendar, and the
File-menu actions that reach them and the Markdown export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from model.errors import UserError


@dataclass(frozen=True)
class PdfChoice:
    thesis_ids: list[int]
    paper: str
    path: str
    open_when_done: bool


@dataclass(frozen=True)
class CalendarChoice:
    thesis_ids: list[int]
    pending_only: bool
    path: str


def _path_row(parent: QWidget, edit: QLineEdit, caption: str, filters: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    browse = QPushButton("Browse…", parent)
    browse.setObjectName("browseButton")

    def pick():
        path, _ = QFileDialog.getSaveFileName(parent, caption, edit.text(), filters)
        if path:
            edit.setText(path)
    browse.clicked.connect(pick)
    row.addWidget(browse)
    return row


class ExportPdfDialog(QDialog):
    """Which theses, which paper, where; ``ask`` returns the choice or None."""

    def __init__(self, parent=None, *, current_id: int | None = None,
                 filtered_ids: list[int] | None = None, all_ids: list[int] = (),
                 default_path: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.setObjectName("exportPdfDialog")
        self._ids = {"current": [current_id] if current_id is not None else [],
                     "filtered": list(filtered_ids or []), "all": list(all_ids)}
        self.current = QRadioButton("Current thesis", self)
        self.filtered = QRadioButton(f"Theses shown in the list ({len(self._ids['filtered'])})",
                                     self)
        self.all = QRadioButton(f"All theses ({len(self._ids['all'])})", self)
        for name, button in (("current", self.current), ("filtered", self.filtered),
                             ("all", self.all)):
            button.setObjectName(f"scope_{name}")
            button.setEnabled(bool(self._ids[name]))
        (self.current if current_id is not None else self.all).setChecked(True)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paperCombo")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.path = QLineEdit(default_path, self)
        self.path.setObjectName("pathEdit")
        self.open_when_done = QCheckBox("Open when done", self)
        self.open_when_done.setObjectName("openWhenDone")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        scope = QVBoxLayout()
        for button in (self.current, self.filtered, self.all):
            scope.addWidget(button)
        form.addRow("Theses:", scope)
        form.addRow("Paper:", self.paper)
        form.addRow("File:", _path_row(self, self.path, "Export PDF", "PDF files (*.pdf)"))
        form.addRow("", self.open_when_done)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.path.text().strip()))

    def choice(self) -> PdfChoice:
        scope = next(n for n, b in (("current", self.current), ("filtered", self.filtered),
                                    ("all", self.all)) if b.isChecked())
        path = self.path.text().strip()
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return PdfChoice(self._ids[scope], self.paper.currentData(), path,
                         self.open_when_done.isChecked())

    @classmethod
    def ask(cls, parent=None, **kwargs) -> PdfChoice | None:
        dialog = cls(parent, **kwargs)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def run_pdf_export(parent, tracker, choice: PdfChoice, *,
                   open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> bool:
    """Export with a cancellable progress dialog; errors become a message box. True if written."""
    from gui.export.pdf import ExportCancelled, export_pdf

    progress = QProgressDialog("Exporting theses to PDF…", "Cancel", 0, 100, parent)
    progress.setObjectName("pdfProgress")
    progress.setWindowTitle("Export PDF")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0 if len(choice.thesis_ids) > 1 else 800)

    def report(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()  # keep the window painting and the Cancel button live
        return not progress.wasCanceled()

    try:
        export_pdf(tracker, choice.thesis_ids, choice.path, choice.paper, progress=report)
    except ExportCancelled:
        return False
    except UserError as exc:
        QMessageBox.warning(parent, "Export PDF", str(exc))
        return False
    finally:
        progress.close()
        progress.deleteLater()
    if choice.open_when_done:
        open_url(QUrl.fromLocalFile(str(Path(choice.path).resolve())))
    return True


class ExportCalendarDialog(QDialog):
    """Which theses' catalysts go into the .ics file, and whether only pending ones."""

    def __init__(self, parent=None, *, theses: list[tuple[int, str]] = (),
                 checked: set[int] | None = None, default_path: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Export calendar")
        self.setObjectName("exportCalendarDialog")
        self.list = QListWidget(self)
        self.list.setObjectName("calendarTheses")
        for thesis_id, title in theses:
            item = QListWidgetItem(title, self.list)
            item.setData(Qt.ItemDataRole.UserRole, thesis_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked is None or thesis_id in checked
                               else Qt.CheckState.Unchecked)
        self.pending_only = QCheckBox("Pending catalysts only", self)
        self.pending_only.setObjectName("pendingOnly")
        self.path = QLineEdit(default_path, self)
        self.path.setObjectName("pathEdit")
        select_all, select_none = QPushButton("All", self), QPushButton("None", self)
        select_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        select_none.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        picks = QHBoxLayout()
        picks.addWidget(select_all)
        picks.addWidget(select_none)
        picks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(picks)
        layout.addWidget(self.pending_only)
        layout.addLayout(_path_row(self, self.path, "Export calendar",
                                   "iCalendar files (*.ics)"))
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self.list.itemChanged.connect(self._update)
        self._update()

    def _check_all(self, state) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def selected_ids(self) -> list[int]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def _update(self, *_) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.path.text().strip()) and bool(self.selected_ids()))

    def choice(self) -> CalendarChoice:
        path = self.path.text().strip()
        if not path.lower().endswith(".ics"):
            path += ".ics"
        return CalendarChoice(self.selected_ids(), self.pending_only.isChecked(), path)

    @classmethod
    def ask(cls, parent=None, **kwargs) -> CalendarChoice | None:
        dialog = cls(parent, **kwargs)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def run_calendar_export(parent, tracker, choice: CalendarChoice) -> int | None:
    from model.interchange.ics import export_ics
    try:
        return export_ics(tracker, choice.path, thesis_ids=choice.thesis_ids,
                          pending_only=choice.pending_only)
    except UserError as exc:
        QMessageBox.warning(parent, "Export calendar", str(exc))
        return None


def run_markdown_export(parent, tracker, thesis_id: int, path: str) -> bool:
    """The Markdown file and its timeline PNG beside it (same name, .png)."""
    from gui.export.pdf import render_chart_png
    from model.interchange.markdown import export_markdown
    target = Path(path if path.lower().endswith(".md") else path + ".md")
    try:
        chart = render_chart_png(tracker, thesis_id, target.with_suffix(".png"))
        export_markdown(tracker, thesis_id, target, chart=chart.name)
    except UserError as exc:
        QMessageBox.warning(parent, "Export Markdown", str(exc))
        return False
    return True


# -- the main window's File menu ------------------------------------------------------------

def install_export_actions(main_window) -> list[QAction]:
    """Add Export PDF…, Export Markdown… and Export Calendar… to the window's File menu
    (``main_window.menus.add_export_action``). Each reads the window's open tracker, its
    selected thesis and the theses its list shows when it runs (the database can change)."""
    def get_tracker():
        return main_window.tracker

    get_current = main_window.current_thesis_id
    get_shown = main_window.visible_thesis_ids

    def last_dir() -> Path:
        t = get_tracker()
        return Path(t.path).parent if t is not None else Path.home()

    def export_pdf_action():
        t = get_tracker()
        if t is None:
            return
        current = get_current()
        name = t.theses.get(current).title if current is not None else "theses"
        choice = ExportPdfDialog.ask(
            main_window, current_id=current, filtered_ids=get_shown(), all_ids=t.theses.ids(),
            default_path=str(last_dir() / f"{_safe_name(name)}.pdf"))
        if choice is not None:
            run_pdf_export(main_window, t, choice)

    def export_markdown_action():
        t, current = get_tracker(), get_current()
        if t is None:
            return
        if current is None:
            QMessageBox.information(main_window, "Export Markdown", "Select a thesis first.")
            return
        default = last_dir() / f"{_safe_name(t.theses.get(current).title)}.md"
        path, _ = QFileDialog.getSaveFileName(main_window, "Export Markdown", str(default),
                                              "Markdown files (*.md)")
        if path:
            run_markdown_export(main_window, t, current, path)

    def export_calendar_action():
        t = get_tracker()
        if t is None:
            return
        shown = get_shown()
        choice = ExportCalendarDialog.ask(
            main_window, theses=[(th.id, th.title) for th in t.theses.all()],
            checked=set(shown) if shown else None,
            default_path=str(last_dir() / "catalysts.ics"))
        if choice is not None:
            run_calendar_export(main_window, t, choice)

    actions = []
    for text, name, slot in (("Export &PDF…", "actionExportPdf", export_pdf_action),
                             ("Export &Markdown…", "actionExportMarkdown",
                              export_markdown_action),
                             ("Export &Calendar…", "actionExportCalendar",
                              export_calendar_action)):
        action = QAction(text, main_window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, run=slot: run())
        main_window.menus.add_export_action(action)
        actions.append(action)
    return actions


def _safe_name(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_." else " " for ch in title)
    return "-".join(keep.split())[:60] or "thesis"
