"""Small dialogs, each with an ``ask``-style classmethod that tests can replace (monkeypatch)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gui.date_field import DateField
from gui.i18n import date_text, error_text, translate, word
from model.errors import UserError


def run_modal(dialog, read=None):
    """Run a modal dialog, read its answer (``read(result)``), then delete it: a dialog made
    with a parent would otherwise stay alive, hidden, for as long as its window (and could
    keep the keyboard focus)."""
    try:
        result = dialog.exec()
        return read(result) if read is not None else result
    finally:
        dialog.deleteLater()


class Messages:
    """Message boxes; every store error goes through ``error`` so the app keeps running.

    Their text is plain: a message quoting a title the user typed (``<b>bold</b><img
    src=x>``) shows those characters, never renders them (#12)."""

    @classmethod
    def _box(cls, parent, icon, title: str, text: str, buttons) -> QMessageBox:
        box = QMessageBox(icon, title, text, buttons, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    @classmethod
    def error(cls, parent, text: str, title: str = "Thesis Tracker") -> None:
        run_modal(cls._box(parent, QMessageBox.Icon.Warning, title, text,
                           QMessageBox.StandardButton.Ok))

    @classmethod
    def info(cls, parent, text: str, title: str = "Thesis Tracker") -> None:
        run_modal(cls._box(parent, QMessageBox.Icon.Information, title, text,
                           QMessageBox.StandardButton.Ok))

    @classmethod
    def error_titled(cls, parent, title: str, text: str) -> None:
        """``error`` with the (parent, title, text) order of QMessageBox.warning."""
        cls.error(parent, text, title)

    @classmethod
    def info_titled(cls, parent, title: str, text: str) -> None:
        cls.info(parent, text, title)

    @classmethod
    def confirm(cls, parent, text: str, title: str = "Thesis Tracker") -> bool:
        box = cls._box(parent, QMessageBox.Icon.Question, title, text,
                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return run_modal(box) == QMessageBox.StandardButton.Yes


class Files:
    """File pickers (replaced in tests)."""

    @classmethod
    def open(cls, parent, title: str, filters: str, folder: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path or None

    @classmethod
    def save(cls, parent, title: str, filters: str, suggested: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None


def _buttons(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    if ok_text is not None:
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def room_for_placeholder(widget: QWidget, edit: QLineEdit | None = None) -> None:
    """At least wide enough for the grey hint it shows while empty ("e.g. SZSE, SSE, HKEX,
    NASDAQ" was cut to "e.g. SZSE, SSE, H…"). ``edit``: the line edit holding the hint when
    it is not ``widget`` itself (an editable combo box's)."""
    edit = edit or widget
    needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 28
    if isinstance(widget, QComboBox):
        needed += widget.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 8
    widget.setMinimumWidth(max(widget.minimumWidth(), needed))


class NoteDialog(QDialog):
    """An optional note for a status or conviction change; Enter accepts."""

    def __init__(self, parent, question: str):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Record the change"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(question))
        self.note = QLineEdit()
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("Why? (optional, kept in the history)"))
        room_for_placeholder(self.note)
        layout.addWidget(self.note)
        layout.addWidget(_buttons(self, self.tr("Record")))

    @classmethod
    def ask(cls, parent, question: str) -> str | None:
        """The note (maybe empty), or None when the user cancels the change."""
        dialog = cls(parent, question)
        return run_modal(dialog, lambda result: dialog.note.text()
                         if result == QDialog.DialogCode.Accepted else None)


class SubmitDialog(QDialog):
    """A dialog whose OK hands the values to ``submit``; when the model refuses them, the
    message is shown and the dialog stays open with everything typed, to be corrected (#11)."""

    def __init__(self, parent, submit: Callable | None = None):
        super().__init__(parent)
        self._submit = submit

    def values(self):
        raise NotImplementedError

    def accept(self) -> None:
        if self._submit is not None:
            try:
                values = self.values()
                if isinstance(values, dict):
                    self._submit(values)
                else:
                    self._submit(*values)
            except UserError as exc:
                focused = self.focusWidget()
                Messages.error(self, error_text(exc))
                # Back to where the user was typing, to correct it.
                self.activateWindow()
                if focused is not None:
                    focused.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        super().accept()

    @classmethod
    def run(cls, dialog: SubmitDialog):
        return run_modal(dialog, lambda result: dialog.values()
                         if result == QDialog.DialogCode.Accepted else None)


class TickDialog(SubmitDialog):
    """When a catalyst happened (default today) and what came of it; Enter accepts."""

    def __init__(self, parent, title: str, status: str, today: dt.date, submit=None):
        super().__init__(parent, submit)
        self.setObjectName("tickDialog")
        verb = {"done": self.tr("Tick off"), "missed": self.tr("Mark missed"),
                "cancelled": self.tr("Mark cancelled")}
        self.setWindowTitle(self.tr("{verb}: {title}").format(verb=verb.get(status, status),
                                                              title=title))
        form = QFormLayout(self)
        heading = plain_label(title, bold=True)
        form.addRow(heading)
        self.date = DateField(object_name="tickDate")
        self.date.set_date(today)
        form.addRow(self.tr("Happened on") if status == "done" else self.tr("Decided on"),
                    self.date)
        self.note = QLineEdit()
        self.note.setObjectName("tickNote")
        self.note.setPlaceholderText(self.tr("Outcome: what happened, and what it means for the "
                                             "thesis"))
        self.note.setMinimumWidth(380)
        form.addRow(self.tr("Outcome"), self.note)
        form.addRow(_buttons(self, verb.get(status)))
        self.note.setFocus()

    def values(self) -> tuple[str, str]:
        return self.date.text(), self.note.text()

    @classmethod
    def ask(cls, parent, title: str, status: str, today: dt.date,
            submit=None) -> tuple[str, str] | None:
        """(date, outcome note) once ``submit(date, note)`` accepted them, or None."""
        return cls.run(cls(parent, title, status, today, submit))


class NewThesisDialog(SubmitDialog):
    def __init__(self, parent, submit=None):
        super().__init__(parent, submit)
        self.setObjectName("newThesisDialog")
        self.setWindowTitle(self.tr("New thesis"))
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setObjectName("newThesisTitle")
        self.theme = QLineEdit()
        self.theme.setObjectName("newThesisTheme")
        self.statement = QPlainTextEdit()
        self.statement.setObjectName("newThesisStatement")
        self.statement.setTabChangesFocus(True)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("T&heme"), self.theme)
        form.addRow(self.tr("&Statement"), self.statement)
        form.addRow(_buttons(self, self.tr("Create")))

    def values(self) -> dict:
        return {"title": self.title.text(), "theme": self.theme.text(),
                "statement": self.statement.toPlainText()}

    @classmethod
    def ask(cls, parent, submit=None) -> dict | None:
        return cls.run(cls(parent, submit))


class CompanyDialog(SubmitDialog):
    """Pick a known company or name a new one (ticker, local name, exchange), with its role."""

    def __init__(self, parent, companies, submit=None):
        super().__init__(parent, submit)
        self.setObjectName("companyDialog")
        self.setWindowTitle(self.tr("Add beneficiary"))
        form = QFormLayout(self)
        self.company = QComboBox(objectName="companyCombo")
        self.company.setEditable(True)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in companies:
            self.company.addItem(c.label, c.id)
        self.company.setCurrentIndex(-1)
        self.company.lineEdit().setPlaceholderText(self.tr("Known company, or a new name"))
        # Any part of a known company's label finds it: its local name (中际旭创), its ticker.
        completer = self.company.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        self.ticker = QLineEdit(objectName="companyTicker")
        self.local = QLineEdit(objectName="companyLocalName")
        self.exchange = QLineEdit(objectName="companyExchange")
        self.exchange.setPlaceholderText(self.tr("e.g. SZSE, SSE, HKEX, NASDAQ"))
        room_for_placeholder(self.exchange)
        room_for_placeholder(self.company, self.company.lineEdit())
        self.role = QLineEdit(objectName="companyRole")
        form.addRow(self.tr("&Company"), self.company)
        form.addRow(self.tr("&Ticker (new company)"), self.ticker)
        form.addRow(self.tr("&Local name (new company)"), self.local)
        form.addRow(self.tr("&Exchange (new company)"), self.exchange)
        form.addRow(self.tr("&Role in the thesis"), self.role)
        form.addRow(_buttons(self, self.tr("Add")))

    def values(self) -> dict:
        text = self.company.currentText().strip()
        index = self.company.findText(text, Qt.MatchFlag.MatchExactly)
        company_id = self.company.itemData(index) if index >= 0 else None
        if company_id is not None:
            return {"company_id": company_id, "role": self.role.text()}
        return {"name": text, "ticker": self.ticker.text(), "local_name": self.local.text(),
                "exchange": self.exchange.text(), "role": self.role.text()}

    @classmethod
    def ask(cls, parent, companies, submit=None) -> dict | None:
        return cls.run(cls(parent, companies, submit))


class UndoRefusedDialog:
    """An undo step that can no longer apply: say why; the user may forget the step."""

    @classmethod
    def ask(cls, parent, message: str) -> str:
        """'drop' (forget this step and go on to the one before it) or 'keep'."""
        box = QMessageBox(parent)
        box.setObjectName("undoRefusedDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("UndoRefusedDialog", "Cannot undo"))
        box.setTextFormat(Qt.TextFormat.PlainText)      # it quotes a record's title
        box.setText(message)
        box.setInformativeText(translate("UndoRefusedDialog", "The step stays on the undo "
                                                              "stack. Forget it to undo the "
                                                              "steps before it."))
        drop = box.addButton(translate("UndoRefusedDialog", "Forget this step"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Close)
        return run_modal(box, lambda _r: "drop" if box.clickedButton() is drop else "keep")


class ReviewDialog(SubmitDialog):
    """A thesis review (#7): a required note, optional conviction/status change, the next
    review date (today + cadence unless chosen) and the cadence itself. Ctrl+Enter records."""


    def __init__(self, parent, thesis, statuses, today: dt.date, next_date: dt.date,
                 submit=None):
        super().__init__(parent, submit)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Review: {title}").format(title=thesis.title))
        self.thesis, self.today = thesis, today
        form = QFormLayout(self)
        due = thesis.next_review
        if not due:
            last = self.tr("no review scheduled yet")
        elif due < today.isoformat():
            last = self.tr("next review was due {date}").format(date=date_text(due))
        elif due == today.isoformat():
            last = self.tr("next review is due today ({date})").format(date=date_text(due))
        else:       # reviewed early: it said "was due" of a day still to come
            last = self.tr("next review is due {date}").format(date=date_text(due))
        form.addRow(plain_label(thesis.title, bold=True))
        form.addRow(QLabel(last))
        self.note = QPlainTextEdit(objectName="reviewNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What did you check, and does the thesis still "
                                             "hold? (required, kept in the history)"))
        self.note.setMinimumSize(420, 90)
        form.addRow(self.tr("&Note"), self.note)
        unchanged = self.tr("(unchanged) {value}")
        self.conviction = QComboBox(objectName="reviewConviction")
        self.conviction.addItem(unchanged.format(value=thesis.conviction), None)
        for value in range(1, 6):
            if value != thesis.conviction:
                self.conviction.addItem(str(value), value)
        form.addRow(self.tr("&Conviction"), self.conviction)
        self.status = QComboBox(objectName="reviewStatus")
        self.status.addItem(unchanged.format(value=word(thesis.status)), None)
        for status in statuses:
            if status != thesis.status:
                self.status.addItem(word(status), status)
        form.addRow(self.tr("&Status"), self.status)
        self.cadence = QSpinBox(objectName="reviewCadence")
        self.cadence.setRange(1, 3660)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setValue(int(thesis.review_cadence_days or 90))
        form.addRow(self.tr("Review &every"), self.cadence)
        self.next_date = DateField(object_name="reviewNextDate")
        self.next_date.set_date(next_date)
        form.addRow(self.tr("Ne&xt review"), self.next_date)
        # A new cadence moves the next date with it, until the user picks a date themselves.
        self._date_picked = False
        self.next_date.edit.textEdited.connect(lambda _t: setattr(self, "_date_picked", True))
        self.next_date.editingFinished.connect(self._date_chosen)
        self.cadence.valueChanged.connect(self._cadence_changed)
        self.buttons = _buttons(self, self.tr("Record review"))
        form.addRow(self.buttons)
        self.note.textChanged.connect(self._enable)
        self._enable()
        self.note.setFocus()

    def _date_chosen(self) -> None:
        if self.next_date.text() != (self.today + dt.timedelta(
                days=self.cadence.value())).isoformat():
            self._date_picked = True

    def _cadence_changed(self, days: int) -> None:
        if not self._date_picked:
            self.next_date.set_date(self.today + dt.timedelta(days=days))

    def keyPressEvent(self, event) -> None:
        # Ctrl+Enter records from anywhere, the note included (Enter there is a new line).
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
                self.accept()
            return
        super().keyPressEvent(event)

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.note.toPlainText().strip()))

    def values(self) -> dict:
        return {"note": self.note.toPlainText().strip(),
                "conviction": self.conviction.currentData(),
                "status": self.status.currentData(),
                "next_review": self.next_date.text(),
                "cadence": self.cadence.value()}

    @classmethod
    def ask(cls, parent, thesis, statuses, today: dt.date, next_date: dt.date,
            submit=None) -> dict | None:
        """{note, conviction, status, next_review, cadence} (None = unchanged) once
        ``submit(values)`` accepted them, or None."""
        return cls.run(cls(parent, thesis, statuses, today, next_date, submit))


class CorruptDialog:
    """A damaged database: offer the newest good backup instead of crashing."""

    @classmethod
    def ask(cls, parent, message: str, backup) -> str:
        """'restore' (use the backup), or 'cancel'."""
        box = QMessageBox(parent)
        box.setObjectName("corruptDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        # The message says what the file is: damaged, or not a Thesis Tracker database at all.
        box.setWindowTitle(translate("CorruptDialog", "The database cannot be opened"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(message)
        restore = None
        if backup is not None:
            box.setInformativeText(translate("CorruptDialog", "The newest good backup is "
                                                              "{backup}. Restoring it moves the "
                                                              "damaged file aside (it is kept, "
                                                              "not deleted).").format(
                                                                  backup=backup))
            restore = box.addButton(translate("CorruptDialog", "Restore newest backup"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        return run_modal(box, lambda _r: "restore" if restore is not None
                         and box.clickedButton() is restore else "cancel")


def plain_label(text: str, *, bold: bool = False, object_name: str = "") -> QLabel:
    """A label showing user text exactly as typed: never read as rich text (#12)."""
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label
