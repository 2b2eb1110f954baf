"""Export dialogs: PDF (current, filtered or all theses; paper; open when done), calendar, and what
File ▸ Export PDF / Markdown / Calendar run (``export_pdf``, ``export_markdown``,
``export_calendar``: gui.menus declares the actions and loads this module when one is chosen)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
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
from gui.i18n import error_text, translate
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


def refuse_missing_folder(dialog: QDialog, path: str) -> bool:
    """True (after saying so, the dialog staying open with what was typed) when the folder
    of ``path`` does not exist: the export would fail after the dialog had closed."""
    folder = Path(path).parent             # as the export will use it
    if folder.is_dir():
        return False
    Messages.error_titled(dialog, dialog.windowTitle(), translate(
        "Export", "The folder {folder} does not exist: type another, or choose one with "
                  "Browse….").format(folder=folder))
    return True


def _path_row(parent: QWidget, edit: QLineEdit, caption: str, filters: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    browse = QPushButton(translate("Export", "Browse…"), parent)
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
        self.setWindowTitle(self.tr("Export PDF"))
        self.setObjectName("exportPdfDialog")
        self._ids = {"current": [current_id] if current_id is not None else [],
                     "filtered": list(filtered_ids or []), "all": list(all_ids)}
        self.current = QRadioButton(self.tr("Current thesis"), self)
        self.filtered = QRadioButton(self.tr("Theses shown in the list ({count})").format(
            count=len(self._ids["filtered"])), self)
        self.all = QRadioButton(self.tr("All theses ({count})").format(
            count=len(self._ids["all"])), self)
        for name, button in (("current", self.current), ("filtered", self.filtered),
                             ("all", self.all)):
            button.setObjectName(f"scope_{name}")
            button.setEnabled(bool(self._ids[name]))
        (self.current if current_id is not None else self.all).setChecked(True)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paperCombo")
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.path = QLineEdit(default_path, self)
        self.path.setObjectName("pathEdit")
        fit_to_text(self.path)
        self.open_when_done = QCheckBox(self.tr("Open when done"), self)
        self.open_when_done.setObjectName("openWhenDone")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        scope = QVBoxLayout()
        for button in (self.current, self.filtered, self.all):
            scope.addWidget(button)
        form.addRow(self.tr("Theses:"), scope)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("File:"), _path_row(self, self.path, self.tr("Export PDF"),
                                                self.tr("PDF files (*.pdf)")))
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

    def accept(self) -> None:
        if not refuse_missing_folder(self, self.choice().path):
            super().accept()

    @classmethod
    def ask(cls, parent=None, **kwargs) -> PdfChoice | None:
        dialog = cls(parent, **kwargs)
        return run_modal(dialog, lambda result: dialog.choice()
                         if result == QDialog.DialogCode.Accepted else None)


def run_pdf_export(parent, tracker, choice: PdfChoice, *,
                   open_url: Callable[[QUrl], object] | None = None) -> bool:
    """Export with a cancellable progress dialog; errors become a message box. True if written."""
    from gui.export.pdf import ExportCancelled, export_pdf

    progress = QProgressDialog(translate("Export", "Exporting theses to PDF…"),
                               translate("Export", "Cancel"), 0, 100, parent)
    progress.setObjectName("pdfProgress")
    progress.setWindowTitle(translate("Export", "Export PDF"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0 if len(choice.thesis_ids) > 1 else 800)

    def report(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()  # keep the window painting and the Cancel button live
        return not progress.wasCanceled()

    failed = None
    try:
        pages = export_pdf(tracker, choice.thesis_ids, choice.path, choice.paper,
                           progress=report)
    except ExportCancelled:
        return False
    except UserError as exc:
        failed = exc
    finally:
        # Closed before any message: a progress box still due (it shows after 800 ms) came
        # up over the error and held its OK button until cancelled.
        progress.close()
        progress.deleteLater()
    if failed is not None:
        Messages.error_titled(parent, translate("Export", "Export PDF"), error_text(failed))
        return False
    count = len(choice.thesis_ids)
    ExportDone.tell(parent, translate("Export", "Export PDF"), [Path(choice.path)],
                    translate("Export", "Exported %n thesis(es) ({pages}) to PDF.", None,
                              count).format(pages=translate("Export", "%n page(s)", None,
                                                            pages)), open_url=open_url)
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
        self.setInformativeText(self.tr("{names}\nin {folder}").format(
            names=names, folder=self.paths[0].parent))
        self.open_button = self.addButton(self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("exportOpen")
        self.folder_button = self.addButton(self.tr("Show in &folder"),
                                            QMessageBox.ButtonRole.ActionRole)
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
        self.setWindowTitle(self.tr("Export calendar"))
        self.setObjectName("exportCalendarDialog")
        self.list = QListWidget(self)
        self.list.setObjectName("calendarTheses")
        # Titles are long: the list is as wide as they need (within reason), cuts the rest
        # with "…" rather than a sideways scroll bar, and shows the whole title as a tooltip.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for thesis_id, title in theses:
            item = QListWidgetItem(title, self.list)
            item.setToolTip(title)
            item.setData(Qt.ItemDataRole.UserRole, thesis_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked is None or thesis_id in checked
                               else Qt.CheckState.Unchecked)
        self.pending_only = QCheckBox(self.tr("Pending catalysts only"), self)
        self.pending_only.setObjectName("pendingOnly")
        self.path = QLineEdit(default_path, self)
        self.path.setObjectName("pathEdit")
        fit_to_text(self.path)
        select_all = QPushButton(self.tr("All"), self)
        select_none = QPushButton(self.tr("None"), self)
        select_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        select_none.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        picks = QHBoxLayout()
        picks.addWidget(select_all)
        picks.addWidget(select_none)
        picks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The catalysts of these theses go into the calendar:"),
                                self))
        layout.addWidget(self.list, 1)
        layout.addLayout(picks)
        layout.addWidget(self.pending_only)
        layout.addLayout(_path_row(self, self.path, self.tr("Export calendar"),
                                   self.tr("iCalendar files (*.ics)")))
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self.list.itemChanged.connect(self._update)
        self._update()
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(title) for _id, title in theses), default=0)
        em = metrics.horizontalAdvance("M")
        self.resize(min(max(widest + 6 * em, 40 * em), 72 * em),
                    min(max(self.sizeHint().height(), 22 * metrics.height()),
                        34 * metrics.height()))

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

    def accept(self) -> None:
        if not refuse_missing_folder(self, self.choice().path):
            super().accept()

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
        Messages.error_titled(parent, translate("Export", "Export calendar"), error_text(exc))
        return None
    ExportDone.tell(parent, translate("Export", "Export calendar"), [Path(choice.path)],
                    translate("Export", "Exported %n catalyst(s) as calendar events.", None,
                              count), open_url=open_url)
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
        Messages.error_titled(parent, translate("Export", "Export Markdown"), error_text(exc))
        return False
    ExportDone.tell(parent, translate("Export", "Export Markdown"), written,
                    translate("Export", "Exported the thesis to Markdown with its timeline "
                                        "chart.") if chart
                    else translate("Export", "Exported the thesis to Markdown."),
                    open_url=open_url)
    return True


# -- File ▸ Export PDF / Markdown / Calendar ----------------------------------------------------
# Each reads the window's open tracker, its selected thesis and the theses its list shows
# when it runs (the database can change); the folder of the last export is remembered.

def _last_dir(window) -> Path:
    return export_folder(getattr(window, "settings", None))


def _remember(window, path: str) -> None:
    remember_export_folder(getattr(window, "settings", None), path)


def export_pdf(window) -> None:
    """File ▸ Export PDF…: the dialog, then the export with its progress."""
    t = window.tracker
    if t is None:
        return
    current = window.current_thesis_id()
    name = t.theses.get(current).title if current is not None else "theses"
    choice = ExportPdfDialog.ask(
        window, current_id=current, filtered_ids=window.visible_thesis_ids(),
        all_ids=t.theses.ids(), default_path=str(_last_dir(window) / f"{file_stem(name)}.pdf"))
    if choice is not None and run_pdf_export(window, t, choice):
        _remember(window, choice.path)


def export_markdown(window) -> None:
    """File ▸ Export Markdown…: the selected thesis, its chart beside it."""
    t, current = window.tracker, window.current_thesis_id()
    if t is None:
        return
    if current is None:
        Messages.info_titled(window, translate("Export", "Export Markdown"),
                             translate("Export", "Select a thesis first."))
        return
    default = _last_dir(window) / f"{file_stem(t.theses.get(current).title)}.md"
    path, _ = QFileDialog.getSaveFileName(window, translate("Export", "Export Markdown"),
                                          str(default),
                                          translate("Export", "Markdown files (*.md)"))
    if path and run_markdown_export(window, t, current, path):
        _remember(window, path)


def export_calendar(window) -> None:
    """File ▸ Export Calendar…: the theses to include (those the list shows ticked)."""
    t = window.tracker
    if t is None:
        return
    shown = window.visible_thesis_ids()
    choice = ExportCalendarDialog.ask(
        window, theses=[(th.id, th.title) for th in t.theses.all()],
        checked=set(shown) if shown else None,
        default_path=str(_last_dir(window) / "catalysts.ics"))
    if choice is not None and run_calendar_export(window, t, choice) is not None:
        _remember(window, choice.path)


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
