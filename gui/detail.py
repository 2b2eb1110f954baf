"""The selected thesis in tabs: Overview, Beneficiaries, Risks, Catalysts, Sources, History.

Other features add their own tabs with ``add_detail_tab(widget, title)``; a tab widget that
has a ``set_thesis(thesis_id)`` method is told whenever the selected thesis changes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from gui.models.parts import BeneficiaryModel, CatalystModel, HistoryModel, RiskModel, SourceModel
from gui.overview import OverviewTab
from gui.tables import (PartPanel, RecordTable, catalyst_menu, install_catalyst_delegates,
                        install_risk_delegates)


def default_window(today: dt.date) -> str:
    """A new catalyst's window: the next calendar quarter, which the user then edits."""
    quarter = (today.month - 1) // 3 + 2
    year = today.year + (quarter > 4)
    return f"Q{(quarter - 1) % 4 + 1} {year}"


class ThesisDetail(QWidget):
    thesis_changed = Signal(object)    # the shown thesis id, or None

    def __init__(self, tracker, editor, parent=None):
        super().__init__(parent)
        self.tracker, self.editor = tracker, editor
        self.thesis_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(objectName="thesisHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget(objectName="detailTabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)

        self.overview = OverviewTab(tracker, editor)
        self.beneficiaries = BeneficiaryModel(tracker, self)
        self.risks = RiskModel(tracker, self)
        self.catalysts = CatalystModel(tracker, self)
        self.sources = SourceModel(tracker, self)
        self.history = HistoryModel(tracker, self)
        self.beneficiaries.editor = editor.edit_beneficiary
        self.risks.editor = editor.edit_risk
        self.catalysts.editor = editor.edit_catalyst
        self.sources.editor = editor.edit_source

        self.beneficiary_table = RecordTable(self.beneficiaries, "beneficiaryTable")
        self.beneficiary_table.fit_columns({0: 16, 1: 8, 2: 10, 3: 8})
        self.risk_table = RecordTable(self.risks, "riskTable")
        install_risk_delegates(self.risk_table, self.risks)
        self.risk_table.fit_columns({0: 22, 1: 30, 2: 6, 3: 6, 4: 4, 5: 9})
        self.catalyst_table = RecordTable(self.catalysts, "catalystTable")
        install_catalyst_delegates(self.catalyst_table, self.catalysts)
        self.catalyst_table.customContextMenuRequested.connect(self._catalyst_menu)
        self.catalyst_table.fit_columns({0: 4, 1: 26, 2: 10, 3: 20, 4: 8, 5: 8, 6: 4, 7: 20})
        self.source_table = RecordTable(self.sources, "sourceTable")
        self.source_table.fit_columns({0: 28, 1: 12, 2: 8, 3: 16, 4: 24})
        self.history_table = RecordTable(self.history, "historyTable")
        self.history_table.fit_columns({0: 13, 1: 22, 2: 8, 3: 8, 4: 8})

        # Scrolls rather than forcing a tall window: the form and its scorecard grow (#7).
        overview_scroll = QScrollArea(objectName="overviewScroll", widgetResizable=True)
        overview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        overview_scroll.setWidget(self.overview)
        self.tabs.addTab(overview_scroll, "&Overview")
        self.tabs.addTab(PartPanel(self.beneficiary_table, noun="beneficiary",
                                   add=lambda: self._with_thesis(editor.add_beneficiary),
                                   remove=editor.remove_beneficiary, label=lambda b: b.name),
                         "&Beneficiaries")
        self.tabs.addTab(PartPanel(self.risk_table, noun="risk",
                                   add=lambda: self._with_thesis(editor.add_risk),
                                   remove=editor.delete_risk, label=lambda r: r.title), "&Risks")
        self.tabs.addTab(PartPanel(self.catalyst_table, noun="catalyst", add=self._add_catalyst,
                                   remove=editor.delete_catalyst, label=lambda c: c.title),
                         "&Catalysts")
        self.tabs.addTab(PartPanel(self.source_table, noun="source",
                                   add=lambda: self._with_thesis(editor.add_source),
                                   remove=lambda s: editor.uncite_source(self.thesis_id, s),
                                   label=lambda s: s.title), "&Sources")
        self.tabs.addTab(self.history_table, "&History")
        self.set_thesis(None)

    # -- extension point ---------------------------------------------------------------------
    def add_detail_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (charts, scorecards...); it gets ``set_thesis(id)`` calls if it has one."""
        index = self.tabs.addTab(widget, title)
        if hasattr(widget, "set_thesis"):
            self.thesis_changed.connect(widget.set_thesis)
            widget.set_thesis(self.thesis_id)
        return index

    # -- showing a thesis --------------------------------------------------------------------
    @property
    def part_models(self):
        return (self.beneficiaries, self.risks, self.catalysts, self.sources, self.history)

    def set_thesis(self, thesis_id: int | None) -> None:
        if thesis_id == self.thesis_id and thesis_id is not None:
            return
        self.thesis_id = thesis_id
        self.overview.load(thesis_id)
        for model in self.part_models:
            model.load(thesis_id)
        self._heading()
        for index in range(1, self.tabs.count()):
            self.tabs.widget(index).setEnabled(thesis_id is not None)
        self.thesis_changed.emit(thesis_id)

    def _heading(self) -> None:
        thesis = self.overview.thesis
        self.heading.setText(thesis.title if thesis else "No thesis selected")

    def apply_changes(self, changes) -> None:
        if self.thesis_id is None:
            return
        if self.thesis_id in changes.removed_theses:
            self.set_thesis(None)
            return
        for model in self.part_models:
            model.apply_changes(changes)
        if changes.reset or self.thesis_id in changes.theses:
            self.overview.refresh()
            self._heading()

    def _with_thesis(self, fn):
        return None if self.thesis_id is None else fn(self.thesis_id)

    def _add_catalyst(self):
        if self.thesis_id is None:
            return None
        return self.editor.add_catalyst(self.thesis_id,
                                        expected=default_window(self.tracker.clock.today()))

    def _catalyst_menu(self, position) -> None:
        menu = catalyst_menu(self.catalyst_table, self.editor, position)
        if menu is not None:
            menu.exec(self.catalyst_table.viewport().mapToGlobal(position))
