"""Edit ▸ Companies…: every company, corrected in place, with the theses it is in; duplicates
merged into the one to keep (#12 item 10)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from gui.dialogs import Messages, plain_label, run_modal
from gui.i18n import translate
from gui.models.base import Column, RecordTableModel
from gui.tables import RecordTable
from model.changes import Kind, OpChanges


class CompanyModel(RecordTableModel):
    """Every company (name order) with the titles of the theses it benefits."""

    NAME, LOCAL, TICKER, EXCHANGE, COUNTRY, THESES = range(6)

    def __init__(self, tracker, parent=None):
        super().__init__(parent)
        self.tracker = tracker
        self._theses: dict[int, list[str]] = {}
        self.columns = [
            Column(QT_TRANSLATE_NOOP("Column", "Company"), lambda c: c.name, field="name"),
            Column(QT_TRANSLATE_NOOP("Column", "Local name"),
                   lambda c: c.local_name, field="local_name"),
            Column(QT_TRANSLATE_NOOP("Column", "Ticker"), lambda c: c.ticker or "", field="ticker"),
            Column(QT_TRANSLATE_NOOP("Column", "Exchange"), lambda c: c.exchange, field="exchange"),
            Column(QT_TRANSLATE_NOOP("Column", "Country"), lambda c: c.country, field="country"),
            Column(QT_TRANSLATE_NOOP("Column", "Theses"),
                   self._used, sort=lambda c: len(self._theses.get(c.id, [])),
                   tooltip=lambda c: "\n".join(self._theses.get(c.id, [])) or None),
        ]
        self.reload()

    def _used(self, company) -> str:
        titles = self._theses.get(company.id, [])
        if not titles:
            return translate("Companies", "none")
        return f"{len(titles)}: " + "; ".join(titles)

    def reload(self) -> None:
        self._theses = self.tracker.companies.theses_of()
        self.replace_all(self.tracker.companies.all())

    def apply_changes(self, changes: OpChanges) -> None:
        """Follow one operation: companies added, removed or changed, and the thesis lists
        when beneficiaries or theses changed."""
        if changes.reset:
            self.reload()
            return
        if not changes.touches(Kind.COMPANY, Kind.BENEFICIARY, Kind.THESIS):
            return
        self._theses = self.tracker.companies.theses_of()
        self.sync(self.tracker.companies.all())
        if self._rows and changes.touches(Kind.BENEFICIARY, Kind.THESIS):
            column = self.THESES
            self.dataChanged.emit(self.index(0, column),
                                  self.index(len(self._rows) - 1, column))


class CompaniesDialog(QDialog):
    """The company list: double-click (or F2) a cell to correct it; select a duplicate and
    Merge into… the company to keep. Every change is one undoable step."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("companiesDialog")
        self.setWindowTitle(self.tr("Companies"))
        self.main_window = window
        self.model = CompanyModel(window.tracker, self)
        self.model.editor = lambda company, field, value: window.editor.run(
            "edit_company", company.id, **{field: value})
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Correct a company in place (double-click or F2). "
                                        "Select a duplicate, then Merge into… the one to "
                                        "keep.")))
        self.table = RecordTable(self.model, "companyTable")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.NAME, Qt.SortOrder.AscendingOrder)
        self.table.fit_columns({0: 20, 1: 10, 2: 10, 3: 8, 4: 6, 5: 30})
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("&Merge into…"), objectName="mergeCompanies")
        self.merge_button.setToolTip(self.tr("Merge the selected company into another: its "
                                             "theses and prices move over, and it goes"))
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.merge_button.clicked.connect(self.merge)
        window.bridge.changed.connect(self.model.apply_changes)
        self.resize(900, 480)

    def merge(self) -> None:
        duplicate = self.table.current_record()
        if duplicate is None:
            Messages.info(self, self.tr("Select the duplicate company first."))
            return
        from model.companies import likeness
        others = sorted((c for c in self.model.records() if c.id != duplicate.id),
                        key=lambda c: -likeness(duplicate, c))      # stable: then as listed
        keep = MergeDialog.ask(self, duplicate, others)
        if keep is None:
            return
        merged = self.main_window.editor.run("merge_companies", duplicate.id, into=keep)
        if merged:
            self.table.setCurrentIndex(self.model.index_of(keep))

    @classmethod
    def show_for(cls, window) -> CompaniesDialog | None:
        if window.tracker is None:
            return None
        dialog = cls(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: window.bridge.changed.disconnect(
            dialog.model.apply_changes) if window.bridge is not None else None)
        dialog.show()
        return dialog


class MergeDialog(QDialog):
    """Which company the duplicate merges into: the likeliest first, chosen only when it is
    plainly the same company (a merge is not something Enter should do to the wrong one)."""

    def __init__(self, parent, duplicate, others):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge companies"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Merge “{company}” into:").format(
            company=duplicate.label)))
        from model.companies import likeness
        self.keep = QComboBox(objectName="mergeInto")
        for company in others:
            self.keep.addItem(company.label, company.id)
        alike = bool(others) and likeness(duplicate, others[0]) >= 2
        self.keep.setCurrentIndex(0 if alike else -1)
        self.keep.setPlaceholderText(self.tr("Choose the company to keep"))
        layout.addWidget(self.keep)
        layout.addWidget(QLabel(self.tr("Its theses and prices move to that company; it goes. "
                                        "(Edit ▸ Undo brings it back.)")))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        merge = box.button(QDialogButtonBox.StandardButton.Ok)
        merge.setText(self.tr("Merge"))
        merge.setEnabled(self.keep.currentIndex() >= 0)
        self.keep.currentIndexChanged.connect(lambda i: merge.setEnabled(i >= 0))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    @classmethod
    def ask(cls, parent, duplicate, others) -> int | None:
        """The id of the company to keep, or None."""
        dialog = cls(parent, duplicate, others)
        return run_modal(dialog, lambda result: dialog.keep.currentData()
                         if result == QDialog.DialogCode.Accepted else None)

