"""The selected thesis in tabs: Overview, Beneficiaries, Risks, Catalysts, Sources, History.

Other features add their own tabs with ``add_detail_tab(widget, title)``; a tab widget that
has a ``set_thesis(thesis_id)`` method is told whenever the selected thesis changes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import Retranslating, translate
from gui.overview import OverviewTab
from model.changes import Origin

# The tabs' titles (context "ThesisDetail").
TITLES = {"overview": QT_TRANSLATE_NOOP("ThesisDetail", "&Overview"),
          "beneficiaries": QT_TRANSLATE_NOOP("ThesisDetail", "&Beneficiaries"),
          "risks": QT_TRANSLATE_NOOP("ThesisDetail", "&Risks"),
          "catalysts": QT_TRANSLATE_NOOP("ThesisDetail", "&Catalysts"),
          "sources": QT_TRANSLATE_NOOP("ThesisDetail", "&Sources"),
          # Alt+H is Theme's in Overview: History takes Alt+Y.
          "history": QT_TRANSLATE_NOOP("ThesisDetail", "Histor&y")}


class LazyTab(QWidget):
    """A tab whose content is built the first time it is current (or asked for): most sessions
    never open most tabs, and a start-up should not pay for their tables and models."""

    def __init__(self, build, parent=None):
        super().__init__(parent)
        self._build = build
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.content is None:
            self.content = self._build()
            self.layout().addWidget(self.content)
            self.content.show()         # a child added to a shown widget starts hidden
        return self.content


class ThesisDetail(Retranslating, QWidget):
    """Overview is built at once; Beneficiaries, Risks, Catalysts, Sources and History (model,
    table, delegates) when first shown. Their attributes (``catalysts``, ``catalyst_table``...)
    build the tab on first access, so callers never see a missing table."""

    thesis_changed = Signal(object)    # the shown thesis id, or None
    notice = Signal(str)               # something the user should know, for the status bar
    draft_gone = Signal()              # a new row was stored or thrown away: its notice is old

    PARTS = ("beneficiaries", "risks", "catalysts", "sources", "history")
    _TABLES = {"beneficiary_table": "beneficiaries", "risk_table": "risks",
               "catalyst_table": "catalysts", "source_table": "sources",
               "history_table": "history"}

    def __init__(self, tracker, editor, theme_colours=None, parent=None):
        super().__init__(parent)
        self.tracker, self.editor = tracker, editor
        self._titles: dict[QWidget, object] = {}    # tab -> its English title, or a callable
        self.thesis_id: int | None = None
        self._built: dict[str, tuple] = {}      # part -> (model, table)
        self._when_built: dict[str, list] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(objectName="thesisHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)      # a title is never markup
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

        self.overview = OverviewTab(tracker, editor, theme_colours)
        # Scrolls rather than forcing a tall window: the form and its scorecard grow (#7).
        overview_scroll = QScrollArea(objectName="overviewScroll", widgetResizable=True)
        overview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        overview_scroll.setWidget(self.overview)
        self.tabs.addTab(overview_scroll, "")
        self._titles[overview_scroll] = TITLES["overview"]
        self._lazy = {}
        for part in self.PARTS:
            self._lazy[part] = LazyTab(lambda part=part: self._build_part(part))
            self.tabs.addTab(self._lazy[part], "")
            self._titles[self._lazy[part]] = TITLES[part]
        self.tabs.currentChanged.connect(self._tab_shown)
        self.set_thesis(None)
        self.apply_language()

    def retranslate(self) -> None:
        for index in range(self.tabs.count()):
            title = self._titles.get(self.tabs.widget(index))
            if title is not None:
                self.tabs.setTabText(index, title() if callable(title)
                                     else translate("ThesisDetail", title))
        self._heading()
        if "history" in self._built:
            self._retranslate_history()

    def _retranslate_history(self) -> None:
        undone = getattr(self, "show_undone", None)
        if undone is not None:
            undone.setText(self.tr("Show &undone changes"))
            undone.setToolTip(self.tr("Changes taken back with Edit ▸ Undo stay in the log, "
                                      "greyed; reports and exports leave them out"))

    def tab_of(self, part: str) -> QWidget:
        """The tab a part (catalysts, risks…) lives in."""
        return self._lazy[part]

    # -- the part tabs, built on demand -------------------------------------------------------
    def __getattr__(self, name):
        # Only reached for attributes not set yet: a part's model or table builds its tab.
        part = name if name in ThesisDetail.PARTS else ThesisDetail._TABLES.get(name)
        if part is None:
            raise AttributeError(name)
        model, table = self.part(part)
        return model if name == part else table

    def part(self, part: str) -> tuple:
        """(model, table) of a part tab, building it now if it was not yet."""
        if part not in self._built:
            self._lazy[part].ensure()
        return self._built[part]

    def build_all(self) -> None:
        """Build every part tab now (``gui.create_main_window``: the whole window for tools)."""
        for part in self.PARTS:
            self.part(part)

    def when_built(self, part: str, callback) -> None:
        """Call ``callback(model, table)`` once the part's tab exists (now, if it does)."""
        if part in self._built:
            callback(*self._built[part])
        else:
            self._when_built.setdefault(part, []).append(callback)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, LazyTab):
            widget.ensure()
            # The keys go where the eyes are: after choosing Catalysts, Insert adds a
            # catalyst, not (from the thesis list it left) a thesis.
            part = next((p for p, tab in self._lazy.items() if tab is widget), None)
            if part is not None and part in self._built:
                self._built[part][1].setFocus(Qt.FocusReason.TabFocusReason)

    def _build_part(self, part: str) -> QWidget:
        from gui.models.parts import (
            BeneficiaryModel,
            CatalystModel,
            HistoryModel,
            RiskModel,
            SourceModel,
            ThesisPartModel,
        )
        from gui.tables import (
            PartPanel,
            RecordTable,
            install_catalyst_delegates,
            install_risk_delegates,
        )
        editor = self.editor

        def panel(model_class, edit, name, widths, noun, add, remove, label, delegates=None):
            model = model_class(self.tracker, self)
            model.editor = edit
            table = RecordTable(model, name)
            if delegates is not None:
                delegates(table, model)
            table.fit_columns(widths)
            return model, table, PartPanel(table, noun=noun, add=add, remove=remove,
                                           label=label)
        # PartPanel's nouns name the buttons ("Add catalyst") and its questions.

        # A new catalyst, risk or source is a row typed in place (the model's draft); it is
        # created, one undoable step, once its required fields are filled.
        if part == "beneficiaries":
            model, table, widget = panel(
                BeneficiaryModel, editor.edit_beneficiary, "beneficiaryTable",
                {0: 16, 1: 8, 2: 10, 3: 8}, "beneficiary",
                lambda: self._with_thesis(editor.add_beneficiary), editor.remove_beneficiary,
                lambda b: b.name)
        elif part == "risks":
            model, table, widget = panel(
                RiskModel, editor.edit_risk, "riskTable", {0: 22, 1: 30, 2: 6, 3: 6, 4: 4, 5: 9},
                "risk", lambda values: self._with_thesis(
                    lambda tid: editor.add_risk(tid, **values)),
                editor.delete_risk, lambda r: r.title, install_risk_delegates)
        elif part == "catalysts":
            model, table, widget = panel(
                CatalystModel, editor.edit_catalyst, "catalystTable",
                {0: 4, 1: 22, 2: 9, 3: 20, 4: 7, 5: 8, 6: 4, 7: 20}, "catalyst",
                lambda values: self._with_thesis(
                    lambda tid: editor.add_catalyst(tid, **values)),
                editor.delete_catalyst, lambda c: c.title, install_catalyst_delegates)
            table.customContextMenuRequested.connect(self._catalyst_menu)
        elif part == "sources":
            model, table, widget = panel(
                SourceModel, editor.edit_source, "sourceTable",
                {0: 28, 1: 12, 2: 8, 3: 16, 4: 24}, "source",
                lambda values: self._with_thesis(
                    lambda tid: editor.add_source(tid, **values)),
                lambda s: editor.uncite_source(self.thesis_id, s), lambda s: s.title)
        else:
            model = HistoryModel(self.tracker, self)
            table = RecordTable(model, "historyTable")
            table.fit_columns({0: 17, 1: 22, 2: 8, 3: 8, 4: 8})   # "2026-11-24 10:00:00"
            widget = QWidget()
            column = QVBoxLayout(widget)
            column.setContentsMargins(0, 0, 0, 0)
            undone = self.show_undone = QCheckBox(objectName="showUndone")
            undone.toggled.connect(model.set_show_undone)
            column.addWidget(undone)
            column.addWidget(table)
        self._built[part] = (model, table)
        if isinstance(model, ThesisPartModel):
            model.draft_gone.connect(self.draft_gone)
        if part == "history":
            self._retranslate_history()
        model.load(self.thesis_id)
        for callback in self._when_built.pop(part, []):
            callback(model, table)
        return widget

    # -- extension point ---------------------------------------------------------------------
    def add_detail_tab(self, widget: QWidget, title) -> int:
        """Add a tab (charts, scorecards...); it gets ``set_thesis(id)`` calls if it has one.
        ``title`` is its text, or a callable that says it in the interface's language."""
        index = self.tabs.addTab(widget, title() if callable(title) else title)
        if callable(title):
            self._titles[widget] = title
        if hasattr(widget, "set_thesis"):
            self.thesis_changed.connect(widget.set_thesis)
            widget.set_thesis(self.thesis_id)
        return index

    # -- showing a thesis --------------------------------------------------------------------
    @property
    def part_models(self):
        """The models of the part tabs built so far."""
        return tuple(model for model, _table in self._built.values())

    def set_tracker(self, tracker) -> None:
        self.tracker = tracker
        self.overview.tracker = tracker
        for model in self.part_models:
            model.tracker = tracker

    def set_thesis(self, thesis_id: int | None) -> None:
        if thesis_id == self.thesis_id and thesis_id is not None:
            return
        for _model, table in self._built.values():
            table.finish_editing()
        waiting = [text for text in (m.unfinished_draft() for m in self.part_models) if text]
        self.thesis_id = thesis_id
        self.overview.load(thesis_id)
        for model in self.part_models:
            model.load(thesis_id)
        self._heading()
        for index in range(1, self.tabs.count()):
            self.tabs.widget(index).setEnabled(thesis_id is not None)
        self.thesis_changed.emit(thesis_id)
        for text in waiting:
            self.notice.emit(text)

    def _heading(self) -> None:
        thesis = self.overview.thesis
        self.heading.setText(thesis.title if thesis else self.tr("No thesis selected"))

    def apply_changes(self, changes) -> None:
        if self.thesis_id is None:
            return
        if self.thesis_id in changes.removed_theses:
            self.set_thesis(None)
            return
        for model in self.part_models:
            model.apply_changes(changes)
        if changes.reset or changes.origin is Origin.DAY or self.thesis_id in changes.theses:
            self.overview.refresh()
            self._heading()

    def _with_thesis(self, fn):
        return None if self.thesis_id is None else fn(self.thesis_id)

    def _catalyst_menu(self, position) -> None:
        from gui.tables import catalyst_menu
        menu = catalyst_menu(self.catalyst_table, self.editor, position)
        if menu is not None:
            menu.exec(self.catalyst_table.viewport().mapToGlobal(position))
