"""The first start (#13): the demo theses are demo data, what big light / small light / new light
(大光 / 小光 / 新光) mean, and the choice to keep them or start empty; Edit ▸ Remove demo theses
takes them out later (one undoable step, ``tracker.ops.remove_demo``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

KEEP, EMPTY = "keep", "empty"

WELCOME = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "<h3>Welcome to Thesis Tracker</h3>"
    "<p>To show how it works, the five theses in the list are <b>demo data</b>: optical "
    "interconnect for AI data centres, written up from three research notes of late 2025 and "
    "early 2026 (a broker conference call, a Soochow Securities note, a commentary on a CITIC "
    "Securities report). Their sources are cited in each thesis.</p>"
    "<p>The Soochow note sorts the trade into three themes:</p>"
    "<ul>"
    "<li><b>Big light (大光)</b>: the high-speed pluggable optical modules themselves (800G, "
    "1.6T, 3.2T).</li>"
    "<li><b>Small light (小光)</b>: what goes into them, upstream: optical and laser chips, "
    "DSPs, isolators and other passive parts.</li>"
    "<li><b>New light (新光)</b>: new architectures, co-packaged (CPO) and near-packaged (NPO) "
    "optics.</li>"
    "</ul>"
    "<p>The labels are the note's; reading them this way is ours, as each thesis says.</p>"
    "<p>Keep the demo to look around (Edit ▸ Remove demo theses takes it out later), or start "
    "with an empty list.</p>")


class WelcomeDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent, objectName="welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Thesis Tracker"))
        self.choice = KEEP
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(WELCOME), objectName="welcomeText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text)
        buttons = QDialogButtonBox()
        keep = QPushButton(self.tr("&Keep the demo"), objectName="keepDemo")
        empty = QPushButton(self.tr("&Start empty"), objectName="startEmpty")
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(empty, QDialogButtonBox.ButtonRole.DestructiveRole)
        keep.setDefault(True)
        keep.clicked.connect(lambda: self._choose(KEEP))
        empty.clicked.connect(lambda: self._choose(EMPTY))
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:       # Escape or the close button: keep what is there
        self.choice = KEEP
        super().reject()

    @classmethod
    def ask(cls, parent) -> str:
        """KEEP or EMPTY (tests replace this)."""
        dialog = cls(parent)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        return choice


def welcome(window) -> str | None:
    """After the first start loaded the demo: say so and act on the answer. None when this
    start did not load the demo."""
    tracker = window.tracker
    if tracker is None or not getattr(tracker, "demo_loaded", False):
        return None
    tracker.demo_loaded = False         # asked once
    choice = WelcomeDialog.ask(window)
    if choice == EMPTY:
        remove_demo(window, confirm=False)
    return choice


def remove_demo(window, *, confirm: bool = True) -> int:
    """Edit ▸ Remove demo theses: every demo thesis (and the demo's companies and sources that
    nothing else uses) in one step that Edit ▸ Undo brings back. Returns how many went."""
    from gui.dialogs import Messages
    from model.demo import demo_thesis_ids
    from model.errors import UserError
    tracker = window.tracker
    if tracker is None:
        return 0
    count = len(demo_thesis_ids(tracker))
    from gui.i18n import error_text, translate
    if not count:
        Messages.info(window, translate("Onboarding", "There are no demo theses in this "
                                                      "database."))
        return 0
    if confirm and not Messages.confirm(
            window, translate("Onboarding", "Remove the %n demo theses with their catalysts, "
                                            "risks and sources?\n(Edit ▸ Undo brings them "
                                            "back.)", None, count)):
        return 0
    try:
        removed = tracker.ops.remove_demo().value
    except UserError as exc:
        Messages.error(window, error_text(exc))
        return 0
    window.statusBar().showMessage(translate("Onboarding", "Removed %n demo theses. Edit ▸ "
                                                           "Undo brings them back.", None,
                                             removed), 10000)
    return removed
