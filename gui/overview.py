"""The Overview tab: a thesis's own fields, edited in place; status and conviction with a note."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.chips import ChipRow, ThemeColours
from gui.date_field import DateField
from gui.i18n import Retranslating, date_text, word
from gui.keys import AppUndoFromFields
from model.constants import SETTLED_STATUSES, THESIS_STATUSES
from model.errors import NotFound


class StatementEdit(QPlainTextEdit):
    """Multi-line text that reports when the user leaves it (the moment to save)."""

    left = Signal()     # focus left the editor

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.left.emit()


class StatusCombo(QComboBox):
    """The thesis status: a change is a decision with a note, so it is chosen from the open
    list. The arrow keys and the wheel on the closed box would step through every status in
    between, each a change of its own with its own question (draft -> active -> watch): the
    keys open the list instead, and the wheel scrolls the page."""

    _OPENING = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                Qt.Key.Key_Home, Qt.Key.Key_End}

    def keyPressEvent(self, event) -> None:     # noqa: N802 - Qt naming
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in self._OPENING and plain:
            self.showPopup()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:       # noqa: N802 - Qt naming
        event.ignore()


class OverviewTab(Retranslating, QWidget):
    review_requested = Signal()     # the Review… button: the window runs the review dialog
    chip_clicked = Signal(str, str)     # a theme or tag chip: the window filters the list

    def __init__(self, tracker, editor, theme_colours: ThemeColours | None = None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("overviewTab")
        self.tracker, self.editor = tracker, editor
        self.thesis = None
        self._unsaved: set[str] = set()     # fields whose last save failed: keep their text (#6)
        self._asking = False     # a question about a change is open: no second one
        form = QFormLayout(self)
        self.title = QLineEdit(objectName="titleEdit")
        self.theme = QLineEdit(objectName="themeEdit")
        self.status = StatusCombo(objectName="statusCombo")
        for status in THESIS_STATUSES:
            self.status.addItem(status, status)
        self.conviction = QSpinBox(objectName="convictionSpin")
        self.conviction.setRange(1, 5)
        self.conviction.setKeyboardTracking(False)
        self.changed_label = QLabel(objectName="lastChanged")
        row = QHBoxLayout()
        row.addWidget(self.status)
        self.conviction_label = QLabel()
        self.conviction_label.setBuddy(self.conviction)
        row.addWidget(self.conviction_label)
        row.addWidget(self.conviction)
        row.addWidget(self.changed_label, 1)
        self.horizon = QLineEdit(objectName="horizonEdit")
        self.tags = QLineEdit(objectName="tagsEdit")
        # The theme and tags as chips: a click filters the thesis list by one (#13).
        self.chips = ChipRow(theme_colours or ThemeColours(self))
        self.chips.chip_clicked.connect(self.chip_clicked)
        # The index the event study measures excess returns against; its prices are imported
        # from the Prices tab (#12).
        self.benchmark = QLineEdit(objectName="benchmarkEdit")
        self.next_review = DateField(object_name="nextReviewEdit", optional=True)
        self.cadence = QSpinBox(objectName="cadenceSpin")
        self.cadence.setRange(1, 3660)
        self.cadence.setKeyboardTracking(False)
        self.review_button = QPushButton(objectName="reviewButton")
        self.review_state = QLabel(objectName="reviewState")
        review_row = QHBoxLayout()
        review_row.addWidget(self.next_review, 1)
        review_row.addWidget(self.cadence)
        review_row.addWidget(self.review_button)
        review_row.addWidget(self.review_state)
        self.statement = StatementEdit(objectName="statementEdit")
        self.statement.setTabChangesFocus(True)
        # Labels made here (a layout row has no buddy of its own), their texts set in
        # retranslate().
        self.labels: dict[str, QLabel] = {}
        for key, field, buddy in (("title", self.title, self.title),
                                  ("theme", self.theme, self.theme),
                                  ("status", row, self.status),
                                  ("horizon", self.horizon, self.horizon),
                                  ("tags", self.tags, self.tags),
                                  ("chips", self.chips, None),
                                  ("benchmark", self.benchmark, self.benchmark),
                                  ("review", review_row, self.next_review),
                                  ("statement", self.statement, self.statement)):
            label = self.labels[key] = QLabel()
            if buddy is not None:
                label.setBuddy(buddy)
            form.addRow(label, field)
        from gui.scorecard import ScorecardPanel
        self.scorecard = ScorecardPanel()
        form.addRow(self.scorecard)
        self._lines = {"title": self.title, "theme": self.theme, "horizon": self.horizon,
                       "tags": self.tags, "next_review": self.next_review,
                       "benchmark_ticker": self.benchmark}
        for field, edit in self._lines.items():
            edit.editingFinished.connect(lambda f=field: self._commit_line(f))
        self.statement.left.connect(self._commit_statement)
        self.status.activated.connect(self._status_chosen)
        # Committed once, when the user leaves the box or presses Enter: each arrow click is
        # not a change of its own (#11).
        self.conviction.editingFinished.connect(
            lambda: self._conviction_chosen(self.conviction.value()))
        self.cadence.editingFinished.connect(lambda: self._cadence_chosen(self.cadence.value()))
        self.review_button.clicked.connect(self.review_requested)
        self.undo_keys = AppUndoFromFields(self)
        self.undo_keys.follow(*self._lines.values(), self.statement)
        # Escape takes back what was typed in a field (it was saved on leaving it).
        for edit in (*self._lines.values(), self.statement, self.conviction, self.cadence):
            edit.installEventFilter(self)
        self.setEnabled(False)
        self.apply_language()

    def eventFilter(self, watched, event) -> bool:     # noqa: N802 - Qt naming
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and not event.modifiers() and self.thesis is not None):
            return self.revert(watched)
        return super().eventFilter(watched, event)

    def revert(self, edit) -> bool:
        """Escape in a field: back to what is stored. False (the key goes on: a dialog or
        the window may use it) when there was nothing typed to take back."""
        t = self.thesis
        field = next((f for f, e in self._lines.items() if e is edit), None)
        if field is not None:
            stored = getattr(t, field) or ""
            if edit.text() == stored:
                return False
            edit.setText(stored)
            edit.setModified(False)
        elif edit is self.statement:
            if edit.toPlainText() == t.statement:
                return False
            edit.setPlainText(t.statement)
            field = "statement"
        elif edit is self.conviction or edit is self.cadence:
            stored = t.conviction if edit is self.conviction else int(t.review_cadence_days or 90)
            if edit.cleanText().strip() == str(stored):
                return False
            self._show_spins()
            edit.selectAll()
            return True
        else:
            return False
        self._unsaved.discard(field)
        return True

    def retranslate(self) -> None:
        # Every Alt key here is free of the menus (File, Edit, View, Help) and the tabs
        # (Overview, Beneficiaries, Risks, Catalysts, Sources, History, Timeline, Prices).
        for key, text in (("title", self.tr("T&itle")), ("theme", self.tr("&Theme")),
                          ("status", self.tr("St&atus")), ("horizon", self.tr("Hori&zon")),
                          ("tags", self.tr("Ta&gs")), ("chips", ""),
                          ("benchmark", self.tr("Benchmar&k")),
                          ("review", self.tr("Ne&xt review")),
                          ("statement", self.tr("State&ment"))):
            self.labels[key].setText(text)
        self.conviction_label.setText(self.tr("Co&nviction (1-5)"))
        for index, status in enumerate(THESIS_STATUSES):
            self.status.setItemText(index, word(status))
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. optics, 光模块"))
        self.benchmark.setPlaceholderText(self.tr("ticker of an index or company, e.g. "
                                                  "000300.SH"))
        self.benchmark.setToolTip(self.tr("The event study's Excess columns compare each "
                                          "company with this ticker; import its prices in the "
                                          "Prices tab"))
        self.cadence.setPrefix(self.tr("every "))
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setToolTip(self.tr("Review cadence: a review sets the next date this far "
                                        "ahead"))
        self.review_button.setText(self.tr("Revie&w…"))
        self.review_button.setToolTip(self.tr("Record a review: a note, any change of "
                                              "conviction or status, and the next review "
                                              "date"))
        self._show_state()

    def load(self, thesis_id: int | None) -> None:
        same = self.thesis is not None and self.thesis.id == thesis_id
        try:
            self.thesis = None if thesis_id is None else self.tracker.theses.get(thesis_id)
        except NotFound:
            self.thesis = None
        self.setEnabled(self.thesis is not None)
        if not same:
            self._unsaved.clear()
        # A refresh of the same thesis (another field saved) must not wipe text whose save
        # failed (disk full, busy): only another thesis replaces everything.
        self._show(force=not same)

    def refresh(self) -> None:
        if self.thesis is not None:
            self.load(self.thesis.id)

    def _show(self, force: bool = False) -> None:
        t = self.thesis
        for field, edit in self._lines.items():
            # Never overwrite what the user is typing, or an edit that could not be saved.
            if force or not (edit.hasFocus() or field in self._unsaved):
                edit.setText("" if t is None else (getattr(t, field) or ""))
        if force or not (self.statement.hasFocus() or "statement" in self._unsaved):
            self.statement.setPlainText("" if t is None else t.statement)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(THESIS_STATUSES.index(t.status) if t is not None else -1)
        self.status.blockSignals(False)
        # A spin box being clicked through keeps its value until the user leaves it.
        if force or not self.conviction.hasFocus():
            self._show_spins()
        self._show_state()
        self.chips.show_chips(t.theme if t is not None else "",
                              t.tag_list if t is not None else ())
        self.scorecard.show_score(self.tracker, None if t is None else t.id)

    def _show_state(self) -> None:
        """Since when the status holds, and how the reviews stand."""
        t = self.thesis
        if t is None or self.tracker is None:
            self.changed_label.clear()
            self.review_state.clear()
            return
        when = self.tracker.theses.last_changed(t.id, "status") or t.updated_at
        self.changed_label.setText(self.tr("status since {date}").format(
            date=date_text(when[:10])))
        last = self.tracker.reviews.last_reviewed(t.id)
        overdue = (bool(t.next_review) and t.status not in SETTLED_STATUSES
                   and t.next_review < self.tracker.clock.today().isoformat())
        from html import escape
        state = escape(self.tr("last {date}").format(date=date_text(last[:10]))
                       if last else self.tr("never reviewed"))
        if overdue:
            from gui.style import overdue_brush
            colour = overdue_brush().color().name()
            late = escape(self.tr("review overdue"))
            state = f"<b style='color:{colour}'>{late}</b> · " + state
        self.review_state.setText(state)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.Type.PaletteChange:
            self._show_state()      # the overdue red of the light or the dark palette

    def _show_spins(self) -> None:
        t = self.thesis
        for spin, value in ((self.conviction, 3 if t is None else t.conviction),
                            (self.cadence, 90 if t is None else int(t.review_cadence_days or 90))):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def _commit_line(self, field: str) -> None:
        if self.thesis is None or self._asking:
            return
        value = self._lines[field].text()
        if value == (getattr(self.thesis, field) or ""):
            self._unsaved.discard(field)
            return
        self._asking = True     # a refusal's message takes the focus: that is no second edit
        try:
            saved = self.editor.edit_thesis(self.thesis.id, field, value)
        finally:
            self._asking = False
        self._after_save(field, saved)

    def _commit_statement(self) -> None:
        if self.thesis is not None and self.statement.toPlainText() != self.thesis.statement:
            self._after_save("statement", self.editor.edit_thesis(
                self.thesis.id, "statement", self.statement.toPlainText()))

    def _after_save(self, field: str, saved) -> None:
        """A value refused (an empty title, a bad date) puts back what is stored, so every
        field shows the truth (#11); a save that failed (disk full, busy) keeps the typed
        text so nothing is lost and it can be saved again (#6). The dialog said why."""
        if saved:
            self._unsaved.discard(field)
        elif self.editor.refused():
            self._unsaved.discard(field)
            self._revert(field)
        else:
            self._unsaved.add(field)

    def _revert(self, field: str) -> None:
        if self.thesis is None:
            return
        self.refresh()
        stored = getattr(self.thesis, field) or ""
        if field == "statement":
            self.statement.setPlainText(stored)
        else:
            self._lines[field].setText(stored)

    def _status_chosen(self, index: int) -> None:
        if self.thesis is None:
            return
        if not self.editor.change_thesis(self.thesis.id, "status", THESIS_STATUSES[index]):
            self.status.blockSignals(True)
            self.status.setCurrentIndex(THESIS_STATUSES.index(self.thesis.status))
            self.status.blockSignals(False)

    def _cadence_chosen(self, value: int) -> None:
        if self.thesis is None or value == self.thesis.review_cadence_days:
            return
        if not self.editor.edit_thesis(self.thesis.id, "review_cadence_days", value):
            self._show_spins()

    def _conviction_chosen(self, value: int) -> None:
        # Enter finishes the edit, and the question taking the focus finishes it again: one
        # question, whose answer (Cancel too) is the last word.
        if self.thesis is None or value == self.thesis.conviction or self._asking:
            return
        self._asking = True
        try:
            changed = self.editor.change_thesis(self.thesis.id, "conviction", value)
        finally:
            self._asking = False
        if not changed:
            self._show_spins()          # cancelled or refused: back to the stored value
