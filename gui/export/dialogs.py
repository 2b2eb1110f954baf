"""Export dialogs: PDF (current, filtered or all theses; paper; open when done), calendar, and the
File-menu actions that reach them and the Markdown export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
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

from gui.dialogs import Messages, run_modal
from model.errors import UserError

NAME_LIMIT = 60         # characters of a default file name, before its suffix


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


def fit_to_text(edit: QLineEdit, *, most: int = 900) -> None:
    """Make a file box wide enough for the whole path it holds (up to ``most`` pixels), so the
    file's name is never cut to its last characters (#12 defect 12)."""
    def fit(text: str) -> None:
        metrics = edit.fontMetrics()
        edit.setMinimumWidth(min(most, max(320, metrics.horizontalAdvance(text) + 24)))
    edit.textChanged.connect(fit)
    fit(edit.text())


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
        fit_to_text(self.path)
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
        return run_modal(dialog, lambda result: dialog.choice()
                         if result == QDialog.DialogCode.Accepted else None)


def run_pdf_export(parent, tracker, choice: PdfChoice, *,
                   open_url: Callable[[QUrl], object] | None = None) -> bool:
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
        pages = export_pdf(tracker, choice.thesis_ids, choice.path, choice.paper,
                           progress=report)
    except ExportCancelled:
        return False
    except UserError as exc:
        Messages.error_titled(parent, "Export PDF", str(exc))
        return False
    finally:
        progress.close()
        progress.deleteLater()
    count = len(choice.thesis_ids)
    ExportDone.tell(parent, "Export PDF", [Path(choice.path)],
                    f"Exported {count} {'thesis' if count == 1 else 'theses'} "
                    f"({pages} page{'s' if pages != 1 else ''}) to PDF.", open_url=open_url)
    if choice.open_when_done:
        (open_url or QDesktopServices.openUrl)(QUrl.fromLocalFile(str(Path(choice.path)
                                                                      .resolve())))
    return True


class ExportDone(QMessageBox):
    """Says where an export went, with Open and Show in folder (#12 defect 12).

    Not modal: the user reads it, clicks Open or Show in folder, or carries on working."""

    def __init__(self, parent, title: str, paths: list[Path], summary: str, *,
                 open_url: Callable[[QUrl], object] | None = None):
        super().__init__(parent)
        self.setObjectName("exportDone")
        self.setWindowTitle(title)
        self.setIcon(QMessageBox.Icon.Information)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.paths = [Path(p).resolve() for p in paths]
        self.open_url = open_url or (lambda url: QDesktopServices.openUrl(url))
        names = "\n".join(p.name for p in self.paths)
        self.setText(summary)
        self.setInformativeText(f"{names}\nin {self.paths[0].parent}")
        self.open_button = self.addButton("&Open", QMessageBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("exportOpen")
        self.folder_button = self.addButton("Show in &folder", QMessageBox.ButtonRole.ActionRole)
        self.folder_button.setObjectName("exportShowFolder")
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(QMessageBox.StandardButton.Close)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button is self.open_button:
            self.open_url(QUrl.fromLocalFile(str(self.paths[0])))
        elif button is self.folder_button:
            self.open_url(QUrl.fromLocalFile(str(self.paths[0].parent)))

    @classmethod
    def tell(cls, parent, title: str, paths: list[Path], summary: str, *,
             open_url: Callable[[QUrl], object] | None = None) -> ExportDone:
        box = cls(parent, title, paths, summary, open_url=open_url)
        box.show()
        return box


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
        fit_to_text(self.path)
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
        return run_modal(dialog, lambda result: dialog.choice()
                         if result == QDialog.DialogCode.Accepted else None)


def run_calendar_export(parent, tracker, choice: CalendarChoice, *,
                        open_url: Callable[[QUrl], object] | None = None) -> int | None:
    from model.interchange.ics import export_ics
    try:
        count = export_ics(tracker, choice.path, thesis_ids=choice.thesis_ids,
                           pending_only=choice.pending_only)
    except UserError as exc:
        Messages.error_titled(parent, "Export calendar", str(exc))
        return None
    ExportDone.tell(parent, "Export calendar", [Path(choice.path)],
                    f"Exported {count} catalyst{'s' if count != 1 else ''} as calendar events.",
                    open_url=open_url)
    return count


def run_markdown_export(parent, tracker, thesis_id: int, path: str, *,
                        open_url: Callable[[QUrl], object] | None = None) -> bool:
    """The Markdown file and, when the thesis has catalysts, its timeline PNG beside it (same
    name, .png)."""
    from gui.export.pdf import render_chart_png
    from model.interchange.markdown import export_markdown
    target = Path(path if path.lower().endswith(".md") else path + ".md")
    written = [target]
    try:
        chart = None
        if tracker.catalysts.for_thesis(thesis_id):
            chart = render_chart_png(tracker, thesis_id, target.with_suffix(".png"))
            written.append(chart)
        export_markdown(tracker, thesis_id, target, chart=chart.name if chart else None)
    except UserError as exc:
        Messages.error_titled(parent, "Export Markdown", str(exc))
        return False
    ExportDone.tell(parent, "Export Markdown", written,
                    "Exported the thesis to Markdown" + (" with its timeline chart." if chart
                                                         else "."), open_url=open_url)
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

    settings = getattr(main_window, "settings", None)

    def last_dir() -> Path:
        return export_folder(settings)

    def remember(path: str) -> None:
        remember_export_folder(settings, path)

    def export_pdf_action():
        t = get_tracker()
        if t is None:
            return
        current = get_current()
        name = t.theses.get(current).title if current is not None else "theses"
        choice = ExportPdfDialog.ask(
            main_window, current_id=current, filtered_ids=get_shown(), all_ids=t.theses.ids(),
            default_path=str(last_dir() / f"{file_stem(name)}.pdf"))
        if choice is not None and run_pdf_export(main_window, t, choice):
            remember(choice.path)

    def export_markdown_action():
        t, current = get_tracker(), get_current()
        if t is None:
            return
        if current is None:
            Messages.info_titled(main_window, "Export Markdown", "Select a thesis first.")
            return
        default = last_dir() / f"{file_stem(t.theses.get(current).title)}.md"
        path, _ = QFileDialog.getSaveFileName(main_window, "Export Markdown", str(default),
                                              "Markdown files (*.md)")
        if path and run_markdown_export(main_window, t, current, path):
            remember(path)

    def export_calendar_action():
        t = get_tracker()
        if t is None:
            return
        shown = get_shown()
        choice = ExportCalendarDialog.ask(
            main_window, theses=[(th.id, th.title) for th in t.theses.all()],
            checked=set(shown) if shown else None,
            default_path=str(last_dir() / "catalysts.ics"))
        if choice is not None and run_calendar_export(main_window, t, choice) is not None:
            remember(choice.path)

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


def export_folder(settings) -> Path:
    """The folder the last export went to, else the user's documents folder: every export
    (PDF, Markdown, calendar, JSON) starts there, never in the folder the app started from."""
    remembered = settings.value("export/folder") if hasattr(settings, "value") else None
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    return documents_folder()


def remember_export_folder(settings, path: str) -> None:
    if hasattr(settings, "setValue") and path:
        settings.setValue("export/folder", str(Path(path).parent))


def documents_folder() -> Path:
    """The user's documents folder (where exports go unless the user chose another), else
    their home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def file_stem(title: str, limit: int = NAME_LIMIT) -> str:
    """A file name from a title: characters a file system may refuse become word breaks,
    words are joined by "-", and a long title is cut at a word boundary, never inside a word
    or number ("…-through-2026", not "…-through-20"; #12 defect 12)."""
    keep = "".join(ch if ch.isalnum() or ch in " -_." else " " for ch in title)
    words = [w.strip(".") for w in keep.split()]
    words = [w for w in words if w]
    if not words:
        return "thesis"
    stem = words[0][:limit]
    for word in words[1:]:
        if len(stem) + 1 + len(word) > limit:
            break
        stem += "-" + word
    return stem
