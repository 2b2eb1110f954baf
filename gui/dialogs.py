"""Small dialogs, each with an ``ask``-style classmethod that tests can replace (monkeypatch)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QRadioButton, QVBoxLayout)


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


class CalendarExportDialog(QDialog):
    """Which theses go into the calendar, and whether only pending catalysts."""

    def __init__(self, parent, current_title: str | None):
        super().__init__(parent)
        self.setWindowTitle("Export calendar")
        layout = QVBoxLayout(self)
        self.all = QRadioButton("All theses")
        self.current = QRadioButton(f"Only “{current_title}”" if current_title
                                    else "Only the selected thesis")
        self.current.setEnabled(bool(current_title))
        self.all.setChecked(True)
        self.pending = QCheckBox("Only catalysts still pending")
        self.pending.setChecked(True)
        for w in (self.all, self.current, self.pending):
            layout.addWidget(w)
        layout.addWidget(_buttons(self, "Choose file…"))

    @classmethod
    def ask(cls, parent, current_title: str | None) -> dict | None:
        """{'only_current': bool, 'pending_only': bool}, or None."""
        dialog = cls(parent, current_title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return {"only_current": dialog.current.isChecked(),
                "pending_only": dialog.pending.isChecked()}


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
