"""The crash dialog (#13): "Something went wrong — details saved to …", the details, Copy
details and Open log folder. Its own module: loaded only when something went wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)


class CrashDialog(QDialog):
    """"Something went wrong — details saved to …", the details, Copy details, Open log
    folder."""

    def __init__(self, parent, report: Path, details: str):
        super().__init__(parent, objectName="crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.report = report
        self.details = details
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr("Something went wrong — details saved to {report}.\n\nWhat you were doing "
                    "may not have finished; your saved data is safe. Please send the details "
                    "with a note of what you did.").format(report=report),
            objectName="crashMessage")
        message.setWordWrap(True)
        message.setTextInteractionFlags(message.textInteractionFlags()
                                        | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        self.text = QPlainTextEdit(details, objectName="crashDetails")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy details"), objectName="copyDetails")
        folder = QPushButton(self.tr("Open log &folder"), objectName="openLogFolder")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        folder.clicked.connect(lambda: open_folder(report.parent))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(f"{self.details}\n(report: {self.report})")
        self.copy_button.setText(self.tr("Copied"))

    @classmethod
    def ask(cls, parent, report: Path, details: str) -> None:
        """Show it and wait until the user closes it (tests replace this)."""
        dialog = cls(parent, report, details)
        dialog.exec()
        dialog.deleteLater()


def open_folder(path: Path) -> bool:
    """The folder in the desktop's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    path.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
