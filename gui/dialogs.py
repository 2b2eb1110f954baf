"""Small dialogs, each with an ``ask``-style classmethod that tests can replace (monkeypatch)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)


class Messages:
    """Message boxes; every store error goes through ``error`` so the app keeps running."""

    @classmethod
    def error(cls, parent, text: str, title: str = "Thesis Tracker") -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def info(cls, parent, text: str, title: str = "Thesis Tracker") -> None:
        QMessageBox.information(parent, title, text)

    @classmethod
    def confirm(cls, parent, text: str, title: str = "Thesis Tracker") -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


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


def _buttons(dialog: QDialog, ok_text: str = "OK") -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class NoteDialog(QDialog):
    """An optional note for a status or conviction change; Enter accepts."""

    def __init__(self, parent, question: str):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle("Record the change")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(question))
        self.note = QLineEdit()
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText("Why? (optional, kept in the history)")
        layout.addWidget(self.note)
        layout.addWidget(_buttons(self, "Record"))

    @classmethod
    def ask(cls, parent, question: str) -> str | None:
        """The note (maybe empty), or None when the user cancels the change."""
        dialog = cls(parent, question)
        return dialog.note.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class TickDialog(QDialog):
    """When a catalyst happened (default today) and what came of it; Enter accepts."""

    def __init__(self, parent, title: str, status: str, today: dt.date):
        super().__init__(parent)
        self.setObjectName("tickDialog")
        verb = {"done": "Tick off", "missed": "Mark missed", "cancelled": "Mark cancelled"}
        self.setWindowTitle(f"{verb.get(status, status)}: {title}")
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{_escape(title)}</b>"))
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setObjectName("tickDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        form.addRow("Happened on" if status == "done" else "Decided on", self.date)
        self.note = QLineEdit()
        self.note.setObjectName("tickNote")
        self.note.setPlaceholderText("Outcome: what happened, and what it means for the thesis")
        self.note.setMinimumWidth(380)
        form.addRow("Outcome", self.note)
        form.addRow(_buttons(self, verb.get(status, "OK")))
        self.note.setFocus()

    def values(self) -> tuple[str, str]:
        return self.date.date().toString("yyyy-MM-dd"), self.note.text()

    @classmethod
    def ask(cls, parent, title: str, status: str, today: dt.date) -> tuple[str, str] | None:
        """(date, outcome note), or None when cancelled."""
        dialog = cls(parent, title, status, today)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class NewThesisDialog(QDialog):
    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("newThesisDialog")
        self.setWindowTitle("New thesis")
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setObjectName("newThesisTitle")
        self.theme = QLineEdit()
        self.theme.setObjectName("newThesisTheme")
        self.statement = QPlainTextEdit()
        self.statement.setTabChangesFocus(True)
        form.addRow("Title", self.title)
        form.addRow("Theme", self.theme)
        form.addRow("Statement", self.statement)
        form.addRow(_buttons(self, "Create"))

    def values(self) -> dict:
        return {"title": self.title.text(), "theme": self.theme.text(),
                "statement": self.statement.toPlainText()}

    @classmethod
    def ask(cls, parent) -> dict | None:
        dialog = cls(parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class CompanyDialog(QDialog):
    """Pick a known company or name a new one, with its role in the thesis."""

    def __init__(self, parent, companies):
        super().__init__(parent)
        self.setWindowTitle("Add beneficiary")
        form = QFormLayout(self)
        self.company = QComboBox()
        self.company.setEditable(True)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in companies:
            self.company.addItem(c.label, c.id)
        self.company.setCurrentIndex(-1)
        self.company.lineEdit().setPlaceholderText("Known company, or a new name")
        self.ticker = QLineEdit()
        self.local = QLineEdit()
        self.role = QLineEdit()
        form.addRow("Company", self.company)
        form.addRow("Ticker (new company)", self.ticker)
        form.addRow("Local name (new company)", self.local)
        form.addRow("Role in the thesis", self.role)
        form.addRow(_buttons(self, "Add"))

    def values(self) -> dict:
        text = self.company.currentText().strip()
        index = self.company.findText(text, Qt.MatchFlag.MatchExactly)
        company_id = self.company.itemData(index) if index >= 0 else None
        return {"company_id": company_id, "name": text, "ticker": self.ticker.text(),
                "local_name": self.local.text(), "role": self.role.text()}

    @classmethod
    def ask(cls, parent, companies) -> dict | None:
        dialog = cls(parent, companies)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ReviewDialog(QDialog):
    """A thesis review (#7): a required note, optional conviction/status change, the next
    review date (today + cadence unless chosen) and the cadence itself."""

    UNCHANGED = "(unchanged)"

    def __init__(self, parent, thesis, statuses, today: dt.date, next_date: dt.date):
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(f"Review: {thesis.title}")
        self.thesis, self.today = thesis, today
        form = QFormLayout(self)
        last = f"next review was due {thesis.next_review}" if thesis.next_review else \
            "no review scheduled yet"
        form.addRow(QLabel(f"<b>{_escape(thesis.title)}</b><br>{last}"))
        self.note = QPlainTextEdit(objectName="reviewNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("What did you check, and does the thesis still hold? "
                                     "(required, kept in the history)")
        self.note.setMinimumSize(420, 90)
        form.addRow("&Note", self.note)
        self.conviction = QComboBox(objectName="reviewConviction")
        self.conviction.addItem(f"{self.UNCHANGED} {thesis.conviction}", None)
        for value in range(1, 6):
            if value != thesis.conviction:
                self.conviction.addItem(str(value), value)
        form.addRow("&Conviction", self.conviction)
        self.status = QComboBox(objectName="reviewStatus")
        self.status.addItem(f"{self.UNCHANGED} {thesis.status}", None)
        for status in statuses:
            if status != thesis.status:
                self.status.addItem(status, status)
        form.addRow("&Status", self.status)
        self.cadence = QSpinBox(objectName="reviewCadence")
        self.cadence.setRange(1, 3660)
        self.cadence.setSuffix(" days")
        self.cadence.setValue(int(thesis.review_cadence_days or 90))
        form.addRow("Review &every", self.cadence)
        self.next_date = QDateEdit(_qdate(next_date), objectName="reviewNextDate")
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_date.setMinimumDate(_qdate(today + dt.timedelta(days=1)))
        form.addRow("Ne&xt review", self.next_date)
        # A new cadence moves the next date with it, until the user picks a date themselves.
        self._date_picked = False
        self.next_date.userDateChanged.connect(lambda _d: setattr(self, "_date_picked", True))
        self.cadence.valueChanged.connect(self._cadence_changed)
        self.buttons = _buttons(self, "Record review")
        form.addRow(self.buttons)
        self.note.textChanged.connect(self._enable)
        self._enable()
        self.note.setFocus()

    def _cadence_changed(self, days: int) -> None:
        if not self._date_picked:
            self.next_date.blockSignals(True)
            self.next_date.setDate(_qdate(self.today + dt.timedelta(days=days)))
            self.next_date.blockSignals(False)

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.note.toPlainText().strip()))

    def values(self) -> dict:
        return {"note": self.note.toPlainText().strip(),
                "conviction": self.conviction.currentData(),
                "status": self.status.currentData(),
                "next_review": self.next_date.date().toString("yyyy-MM-dd"),
                "cadence": self.cadence.value()}

    @classmethod
    def ask(cls, parent, thesis, statuses, today: dt.date, next_date: dt.date) -> dict | None:
        """{note, conviction, status, next_review, cadence} (None = unchanged), or None."""
        dialog = cls(parent, thesis, statuses, today, next_date)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CorruptDialog:
    """A damaged database: offer the newest good backup instead of crashing."""

    @classmethod
    def ask(cls, parent, message: str, backup) -> str:
        """'restore' (use the backup), or 'cancel'."""
        box = QMessageBox(parent)
        box.setObjectName("corruptDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("The database is damaged")
        box.setText(message)
        restore = None
        if backup is not None:
            box.setInformativeText(f"The newest good backup is {backup}. Restoring it moves the "
                                   f"damaged file aside (it is kept, not deleted).")
            restore = box.addButton("Restore newest backup", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return "restore" if restore is not None and box.clickedButton() is restore else "cancel"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
