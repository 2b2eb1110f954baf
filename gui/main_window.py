"""The main window: thesis list (search, status filter, chip filters) beside the selected
thesis, Upcoming, the toolbar, the start-up notice, settings that come back, and opening
databases without crashing. Its texts follow the interface language as it changes
(``retranslate``), its colours the system's light or dark palette."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.chips import TAG, THEME, ChipDelegate, FilterBar, ThemeColours
from gui.database import DatabaseOpener, DatabaseSession
from gui.detail import ThesisDetail
from gui.dialogs import Messages
from gui.editing import Editor, UndoMirror
from gui.i18n import Retranslating, date_text, localize, word
from gui.keys import AppUndoFromFields
from gui.menus import Menus
from gui.models.thesis_list import ThesisFilterProxy, ThesisListModel
from gui.models.upcoming import UpcomingModel
from gui.notice import StartupNotice
from gui.tables import RecordTable
from gui.tasks import TaskManager
from gui.upcoming import UpcomingView
from model.changes import Kind, Origin
from model.constants import THESIS_STATUSES
from model.errors import UserError

ORGANIZATION, APPLICATION = "ThesisTracker", "Thesis Tracker"
MAX_RECENT = 8


def default_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


class StoreBridge(QObject):
    """Turns the tracker's after-commit callbacks into a Qt signal views connect to."""

    changed = Signal(object)    # a model.changes.OpChanges, once per committed operation

    def __init__(self, tracker, parent=None):
        super().__init__(parent)
        self.tracker = tracker
        tracker.subscribe(self.changed.emit)

    def detach(self) -> None:
        self.tracker.unsubscribe(self.changed.emit)


def mark(text: str, terms: list[str]) -> str:
    """``text`` as escaped HTML with every occurrence of the terms (any case) in bold."""
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    out, at = [], 0
    for found in pattern.finditer(text):
        out.append(html.escape(text[at:found.start()]))
        out.append(f"<b>{html.escape(found.group())}</b>")
        at = found.end()
    out.append(html.escape(text[at:]))
    return "".join(out)


class _FirstPaint(QObject):
    """Runs the window's deferred start-up work once its first paint is on screen."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is self.parent():
            obj.removeEventFilter(self)
            QTimer.singleShot(0, obj.finish_startup)
        return False


class _Resized(QObject):
    """Calls ``fit`` whenever the watched widget is resized."""

    def __init__(self, fit, parent=None):
        super().__init__(parent)
        self.fit = fit

    def eventFilter(self, obj, event):     # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


class MainWindow(Retranslating, QMainWindow):
    database_opened = Signal(object)     # the new Tracker (or None when closed)
    # A committed operation's OpChanges, once the list, the detail and Upcoming have followed
    # it: the charts (and any later view) connect here, never to the store.
    changes_applied = Signal(object)

    def __init__(self, *, settings: QSettings | None = None, clock=None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Thesis Tracker")
        self.settings = settings if settings is not None else default_settings()
        self.clock = clock
        self.tracker = None
        self.bridge: StoreBridge | None = None
        self.list_model: ThesisListModel | None = None
        self.upcoming_model: UpcomingModel | None = None
        # The window's parts, each declared here: its worker threads, how it opens files,
        # what runs beside the open one, its edits and undo, its menus and charts.
        self.tasks = TaskManager(self)
        self.opener = DatabaseOpener(self)
        self.session: DatabaseSession | None = None
        self.editor = Editor(self)
        # The model keeps the undo steps; this QUndoStack only mirrors them (Undo History).
        self.undo_mirror = UndoMirror(self.editor, self)
        self.undo_stack = self.undo_mirror.stack
        self.undo_history_dialog = None     # Edit ▸ Undo History…, made when first asked for
        # Work the first paint does not need waits for it (finish_startup): the export
        # actions, the search thread, the instance server, the day's backup, the notice.
        self._deferred: list = []
        self._started = False
        self._count_pending = False     # a count of the list is due on the next turn
        self._reselect_due = False      # a look at the list's selection is due
        self._shown_once = False        # the splitter follows the saved share until shown
        self._draft_notices: set[str] = set()    # the status bar's "… is not stored yet"
        self._build()
        self.menus = Menus(self)
        self.actions_by_name = self.menus.actions      # by object name, for scripts and tests
        self.toolbar = self.menus.toolbar
        from gui.charts import install_charts  # Timeline, Prices and Roadmap tabs (#4)
        self.charts = install_charts(self)
        self.statusBar()
        self.apply_language()
        self._restore_layout()
        # Overdue counts, review marks and Upcoming depend on the date: refresh at midnight.
        self.day_timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.VeryCoarseTimer)
        self.day_timer.timeout.connect(self.day_changed)
        self._schedule_day_change()
        # Another program (the command line) writing to the open file: every view follows
        # within a few seconds, and at once when the window comes back to the front.
        self.outside_timer = QTimer(self, interval=self.OUTSIDE_CHECK_MS)
        self.outside_timer.timeout.connect(self.check_outside)
        self._first_paint = _FirstPaint(self)
        self.installEventFilter(self._first_paint)

    # -- start-up ----------------------------------------------------------------------------
    def _later(self, step) -> None:
        """Run ``step`` after the first paint (at once when that has happened)."""
        if self._started:
            step()
        else:
            self._deferred.append(step)

    def finish_startup(self) -> None:
        """Run the deferred start-up work now (after the first paint, or for a window that
        is never shown: ``gui.create_main_window``). Later calls do nothing."""
        if self._started:
            return
        self._started = True
        failed = None
        while self._deferred:
            step = self._deferred.pop(0)
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - the other steps must still run
                failed = failed or exc
        # PySide6 reads the whole source of every module named in an import statement after
        # it loads (looking for `from __feature__ import`) and leaves it in linecache: about
        # 3 MB that nothing here needs (a traceback reads the lines again if it must).
        import linecache
        linecache.clearcache()
        if failed is not None:
            raise failed                # a programming error: report it as any other

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._apply_list_share()
            QTimer.singleShot(0, self._settled)
        if not self._started:
            # A window shown minimised or off-screen may not paint for a while: start-up
            # finishes anyway.
            QTimer.singleShot(self.STARTUP_FALLBACK_MS, self.finish_startup)

    STARTUP_FALLBACK_MS = 2000

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.pages = QTabWidget(objectName="pages")
        self.pages.setDocumentMode(True)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        self.notice = StartupNotice()
        self.notice_label, self.notice_button = self.notice.label, self.notice.button
        self.notice.upcoming_requested.connect(self.show_upcoming)
        outer.addWidget(self.notice)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.undo_keys = AppUndoFromFields(self)
        self.undo_keys.follow(self.search_box)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem("", None)
        for status in THESIS_STATUSES:
            self.status_filter.addItem("", status)
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.status_filter)
        left_layout.addLayout(filters)
        # The theme and tag chips clicked (#13): what filters the list, each clearable.
        self.theme_colours = ThemeColours(self)
        self._chip_filter: FilterBar | None = None      # made when a chip is first clicked
        self._left_layout = left_layout
        self.proxy = ThesisFilterProxy(self)
        self._title_fitter = _Resized(lambda: self._fit_title(), self)
        self.thesis_list = RecordTable(self.proxy, "thesisList")
        # Right-click the header to hide columns (Tags, Overdue…): the title gets their room,
        # and the choice is remembered.
        self.thesis_list.offer_column_choice()
        self.thesis_list.columns_changed.connect(self._columns_chosen)
        for column, kind in ((ThesisListModel.THEME, THEME), (ThesisListModel.TAGS, TAG)):
            chips = ChipDelegate(kind, self.theme_colours, self.thesis_list)
            chips.chip_clicked.connect(self.filter_by_chip)
            self.thesis_list.setItemDelegateForColumn(column, chips)
        self.theme_colours.changed.connect(lambda: self.thesis_list.viewport().update())
        # The view keeps this selection model when the proxy gets another database's list.
        self.thesis_list.selectionModel().currentRowChanged.connect(self._current_changed)
        self.thesis_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.thesis_list.setSortingEnabled(True)
        self.thesis_list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # Room the pane gains goes to the title, which is what gets cut, not to the last
        # column (Next review took all of it while titles stayed cut); a narrow pane keeps
        # the title at its starting width and scrolls.
        self.thesis_list.horizontalHeader().setStretchLastSection(False)
        self._title_floor = 0
        self.thesis_list.viewport().installEventFilter(self._title_fitter)
        self.thesis_list.horizontalHeader().sectionResized.connect(
            lambda index, _old, _new: index and self._fit_title())
        left_layout.addWidget(self.thesis_list, 1)
        self.count_label = QLabel(objectName="listCount")
        # Its text changes with every search: it must never resize (and so re-lay out and
        # repaint) the window around it.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        left_layout.addWidget(self.count_label)
        # Why the selected thesis matched the search: its records with the words marked.
        self.why = QLabel(objectName="searchWhy")
        self.why.setTextFormat(Qt.TextFormat.RichText)     # built from escaped text only
        self.why.setWordWrap(True)
        self.why.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.why.hide()
        left_layout.addWidget(self.why)

        self.detail = ThesisDetail(None, self.editor, self.theme_colours)
        self.detail.overview.scorecard.later = self._later     # after the first paint
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        self.pages.addTab(self.splitter, "")
        self.upcoming = UpcomingView()
        self.pages.addTab(self.upcoming, "")

        self.search_box.textChanged.connect(self.apply_search)
        self.proxy.matching_applied.connect(self._explain)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData()))
        self.detail.overview.chip_clicked.connect(self.filter_by_chip)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        # A search that hid the thesis shown beside the list, then cleared: its row is back,
        # so it is selected again (the list and the detail never disagree about it).
        for signal in (self.proxy.rowsInserted, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._reselect_later)
        self.thesis_list.add_requested.connect(lambda: self.new_thesis())
        self.thesis_list.remove_requested.connect(lambda: self.delete_thesis())
        self.upcoming.open_thesis.connect(self.show_thesis)
        self.detail.overview.review_requested.connect(self.review_thesis)
        self.detail.notice.connect(self._draft_notice)
        self.detail.draft_gone.connect(self._draft_notice_done)
        self.pages.currentChanged.connect(
            lambda _i: self.ensure_upcoming() if self.pages.currentWidget() is self.upcoming
            else None)

    def _draft_notice(self, text: str) -> None:
        self._draft_notices.add(text)
        self.statusBar().showMessage(text, 20000)

    def _draft_notice_done(self) -> None:
        """A waiting new row was stored or thrown away: the status bar stops saying it waits."""
        if self.statusBar().currentMessage() in self._draft_notices:
            self.statusBar().clearMessage()
        self._draft_notices.clear()

    # -- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the window in the interface's language (at start and whenever View ▸
        Language… changes it): the parts that are widgets hear the change themselves."""
        self.search_box.setPlaceholderText(self.tr("Search everything (titles, companies, "
                                                   "光模块…)"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for index, status in enumerate(THESIS_STATUSES, 1):
            self.status_filter.setItemText(index, word(status).capitalize())
        self.pages.setTabText(0, self.tr("&Theses"))
        self.pages.setTabText(1, self.tr("&Upcoming"))
        if hasattr(self, "menus"):
            self.menus.retranslate()
            self.undo_mirror.sync()         # Edit ▸ Undo History names the steps again
        for model in (self.list_model, self.upcoming_model):
            if model is not None:
                model.retranslate()
        self._title()
        if self.tracker is not None:
            self._count_now()
            self._explain()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "menus"):
            self.menus.draw_icons()         # the toolbar's and menus' icons in the new colours
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_outside()            # back from the terminal: before the next click
        super().changeEvent(event)

    OUTSIDE_CHECK_MS = 1500

    def check_outside(self) -> None:
        """Reload every view if another program changed the file (model: check_outside).
        Not while the user is in the middle of something a reload would disturb (a dialog,
        a menu, a table cell being typed): the next look, a moment later, does it."""
        if self.tracker is None or QApplication.activeModalWidget() is not None \
                or QApplication.activePopupWidget() is not None:
            return
        if any(table.state() == QAbstractItemView.State.EditingState
               for table in self.findChildren(RecordTable)):
            return
        try:
            changes = self.tracker.check_outside()
        except UserError:
            return      # the file went away or broke: the next edit says so, with its dialog
        if changes is not None:
            self.statusBar().showMessage(self.tr("Changed by another program: shown as it is "
                                                 "now."), 10000)

    def loading_text(self) -> str:
        """Under the list while its pages are still being read."""
        return self.tr("Loading the list…")

    # -- databases ---------------------------------------------------------------------------
    def open_database(self, path, *, seed_if_new: bool = False) -> bool:
        """Open (or create) a database; store errors become dialogs and the app keeps running."""
        path = Path(path)
        if self.tracker is not None and self.tracker.path.resolve() == path.resolve():
            self.close_database()       # reopening our own file: release our instance lock
        tracker = self.opener.open(path, seed_if_new=seed_if_new, clock=self.clock)
        if tracker is None:
            return False
        self._install(tracker)
        return True

    @property
    def search_worker(self):
        return self.session.search_worker if self.session is not None else None

    def _install(self, tracker) -> None:
        self.close_database()
        self.tracker = tracker
        self.editor.set_tracker(tracker)
        self.session = DatabaseSession(self, tracker, self.tasks, parent=self)
        self._later(self.session.start)
        self.bridge = StoreBridge(tracker, self)
        previous, self.list_model = self.list_model, ThesisListModel(tracker, self)
        self.list_model.loaded.connect(self._list_loaded)
        self._later(self.list_model.load_rest)
        if not self.list_model.complete:
            self._count_text(self.loading_text())
        self.proxy.setSourceModel(self.list_model)
        if previous is not None:
            previous.deleteLater()
        self.thesis_list.fit_columns({0: 14, 1: 7, 2: 5, 3: 6, 4: 12, 5: 5, 6: 9, 7: 12})
        # Tags show as chips in Overview (a click filters the list there too): their column
        # waits until asked for, and Title has the room.
        saved = self.settings.value("hiddenColumns")
        self.thesis_list.hide_columns([ThesisListModel.TAGS] if saved is None
                                      else self._saved_list(saved))
        self._title_floor = self.thesis_list.columnWidth(0)
        self._fit_title()
        self.theme_colours.set_themes(self.list_model.themes())     # the first page's
        self.detail.set_tracker(tracker)
        self.upcoming_model = None
        self.upcoming.set_model(None, self.editor)
        if self.pages.currentWidget() is self.upcoming:
            self.ensure_upcoming()
        self.bridge.changed.connect(self._on_changes)
        self.outside_timer.start()
        self._title()                   # the overdue count follows from the list
        self._remember_recent(tracker.path)
        self.apply_search(self.search_box.text())
        self._count()
        # Before the first paint: a banner that appeared later would push the window down.
        self.notice.set_tracker(tracker)
        self.database_opened.emit(tracker)
        last = self.settings.value("lastThesis")
        if self.settings.value("lastDatabase") == str(tracker.path) and last is not None:
            self.show_thesis(int(last))
        elif self.proxy.rowCount():
            self.thesis_list.setCurrentIndex(self.proxy.index(0, 0))
        self.settings.setValue("lastDatabase", str(tracker.path))

    def _list_loaded(self) -> None:
        self._count()
        self.theme_colours.set_themes(self.list_model.themes())
        current = self.thesis_list.currentIndex()
        if current.isValid():
            self.thesis_list.scrollTo(current)

    def close_database(self) -> None:
        if self.tracker is None:
            return
        if self.list_model is not None:
            self.list_model.stop_loading()
        self.outside_timer.stop()
        self.session.close()            # its threads finish before the file closes
        self.session = None
        self._save_selection()
        self.detail.set_thesis(None)
        self.bridge.detach()
        self.bridge.deleteLater()
        self.editor.set_tracker(None)       # the undo steps go with the open file
        self.notice.set_tracker(None)
        self.tracker.close()
        self.tracker = self.bridge = None
        self._title()
        self.database_opened.emit(None)

    def _schedule_day_change(self) -> None:
        now = dt.datetime.now()
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0, 0, 2))
        self.day_timer.start(int((midnight - now).total_seconds() * 1000))

    def day_changed(self) -> None:
        """A new day: what was due yesterday may be overdue now, everywhere it shows."""
        if self.tracker is not None:
            self.tracker.new_day()      # every view hears it as one OpChanges (origin DAY)
        self._schedule_day_change()

    def _on_changes(self, changes) -> None:
        self.list_model.apply_changes(changes)
        if changes.touches(Kind.THESIS) or changes.reset:
            # A theme added, renamed or gone: every theme keeps a colour of its own.
            self.theme_colours.set_themes(self.list_model.themes())
        self.detail.apply_changes(changes)
        if changes.touches(Kind.CATALYST, Kind.THESIS) or changes.origin is Origin.DAY:
            self.notice.update_later()
        if self.upcoming_model is not None:
            self.upcoming_model.apply_changes(changes)
        if self.search_box.text().strip():
            # An edit may make a thesis match (or stop matching) the search.
            self.apply_search(self.search_box.text())
        self._count()
        if changes.origin in (Origin.UNDO, Origin.REDO):
            self._show_what_changed(changes)
        self.changes_applied.emit(changes)

    def _show_what_changed(self, changes) -> None:
        """An undo or a redo says what it did, and brings the thesis it changed into view
        when that is not the one shown (a change on another thesis, a deleted thesis back)."""
        step = changes.label        # the step's own name; the origin says undone or redone
        if changes.origin is Origin.UNDO:
            done = (self.tr("Undone: {step}") if step else self.tr("Undone"))
        else:
            done = (self.tr("Redone: {step}") if step else self.tr("Redone"))
        self.statusBar().showMessage(done.format(step=localize(step)), 10000)
        present = [t for t in changes.theses if t not in changes.removed_theses]
        if (not present or self.current_thesis_id() in present
                or self.pages.currentWidget() is not self.splitter):
            return      # Upcoming shows its own rows change; it is not left for the list
        added = [t for t in present if t in changes.added_theses]
        self.show_thesis(min(added or present))

    # -- list, search, selection -------------------------------------------------------------
    def apply_search(self, text: str) -> None:
        """Full-text search (CJK included) narrows the list to the matching theses.

        The query runs on the search worker so typing never waits for it; the proxy applies
        the newest result when it arrives (``proxy.matching_applied``). Text with no searchable
        words shows everything at once (show_thesis relies on clearing the box)."""
        if self.tracker is None:
            return
        from model.search import searchable
        if searchable(text):
            self.session.search().submit(text)
        else:
            if self.search_worker is not None:
                self.search_worker.submit(None)     # a late result must not filter again
            self.proxy.set_matching_ids(None)

    def _count(self, *args) -> None:
        # A filter change emits one signal per run of rows (thousands at 10,000 theses):
        # count once, after they are all in.
        if not self._count_pending:
            self._count_pending = True
            QTimer.singleShot(0, self._count_now)

    def _count_now(self) -> None:
        self._count_pending = False
        if self.list_model is None or self.tracker is None:     # closed before this ran
            self._count_text("")
            return
        if not self.list_model.complete:
            self._count_text(self.loading_text())
            return
        overdue, reviews = self.list_model.totals()
        self._count_text(" · ".join((
            self.tr("%n of {total} theses", None, self.proxy.rowCount()).format(
                total=self.list_model.rowCount()),
            self.tr("%n catalyst(s) overdue", None, overdue),
            self.tr("%n review(s) overdue", None, reviews))))
        self._title(overdue + reviews)

    def _count_text(self, text: str) -> None:
        self.count_label.setText(text)
        self.count_label.setToolTip(text)       # in full when the pane is too narrow for it

    def _title(self, overdue: int | None = None) -> None:
        """'Thesis Tracker — theses.sqlite3 — 4 overdue': catalysts and reviews past due (#7),
        counted from the list's summaries (no query per edit) once the list is complete;
        without a count, the last one."""
        if overdue is None:
            overdue = getattr(self, "_overdue_shown", 0)
        self._overdue_shown = overdue
        if self.tracker is None:
            self.setWindowTitle("Thesis Tracker")
            return
        suffix = " — " + self.tr("%n overdue", None, overdue) if overdue else ""
        self.setWindowTitle(f"Thesis Tracker — {self.tracker.path.name}{suffix}")

    def visible_thesis_ids(self) -> list[int]:
        """The theses the list shows, in its order, with every page read first (an export of
        "the theses shown" must not miss the ones not loaded yet)."""
        if self.list_model is None:
            return []
        self.list_model.finish_loading()
        proxy, model = self.proxy, self.list_model
        return [model.record(proxy.mapToSource(proxy.index(row, 0)).row()).id
                for row in range(proxy.rowCount())]

    def current_thesis_id(self) -> int | None:
        return self.detail.thesis_id

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            source = self.proxy.mapToSource(current)
            self.detail.set_thesis(self.list_model.record(source.row()).id)
        self._explain()

    def _fit_title(self) -> None:
        table = self.thesis_list
        header = table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(1, header.count()))
        room = table.viewport().width() - others
        if self._title_floor and header.count():
            table.setColumnWidth(0, max(self._title_floor, room))

    def _reselect_later(self, *args) -> None:
        # One look after a filter's burst of signals (one per run of rows).
        if not self._reselect_due:
            self._reselect_due = True
            QTimer.singleShot(0, self, self._reselect)

    def _reselect(self) -> None:
        self._reselect_due = False
        thesis_id = self.detail.thesis_id
        if thesis_id is None or self.list_model is None:
            return
        current = self.thesis_list.currentIndex()
        if current.isValid() and self.list_model.record(
                self.proxy.mapToSource(current).row()).id == thesis_id:
            return
        source = self.list_model.index_of(thesis_id)
        index = self.proxy.mapFromSource(source) if source is not None else None
        if index is None or not index.isValid():
            return          # still hidden by the search: nothing is selected meanwhile
        self.thesis_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.thesis_list.scrollTo(index)

    def _explain(self) -> None:
        """Under the list: the selected thesis's records that match the search, the words
        marked (#12). Plain text the user typed is escaped before anything is marked."""
        text = self.search_box.text()
        thesis_id = self.current_thesis_id()
        hits = (self.tracker.search.explain(text, thesis_id)
                if self.tracker is not None and thesis_id is not None and text.strip()
                else [])
        if not hits:
            self.why.hide()
            return
        from model.search import parse_query
        terms = sorted({t for g in parse_query(text) for t in g}, key=len, reverse=True)
        lines = [f"<b>{html.escape(word(hit.kind))}</b>: {mark(hit.snippet, terms)}"
                 for hit in hits]
        self.why.setText(html.escape(self.tr("Matches here:")) + "<br>" + "<br>".join(lines))
        self.why.show()

    def show_thesis(self, thesis_id: int) -> None:
        """Select a thesis in the list (clearing filters that hide it) and show its tabs."""
        self.pages.setCurrentIndex(0)
        if self.list_model is not None:
            self.list_model.ensure_loaded(thesis_id)
        source = self.list_model.index_of(thesis_id) if self.list_model else None
        if source is None or not source.isValid():
            return
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.search_box.clear()
            self.status_filter.setCurrentIndex(0)
            if self._chip_filter is not None:
                self._chip_filter.clear()
            index = self.proxy.mapFromSource(source)
        self.thesis_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.thesis_list.scrollTo(index)

    def show_upcoming(self) -> None:
        self.pages.setCurrentWidget(self.upcoming)

    def ensure_upcoming(self) -> None:
        """Build Upcoming the first time it is shown (not at start-up: it lists every pending
        catalyst, which at 10,000 theses takes about a second)."""
        if self.upcoming_model is None and self.tracker is not None:
            self.upcoming_model = UpcomingModel(self.tracker, parent=self)
            self.upcoming_model.editor = self.editor.edit_catalyst
            self.upcoming.set_model(self.upcoming_model, self.editor)

    def filter_by_chip(self, kind: str, value: str) -> None:
        """A theme or tag chip clicked (#13): the list shows only the theses with it, and the
        filter bar above it says so (✕ or Clear filters takes it away)."""
        self.pages.setCurrentIndex(0)
        self.chip_filter.set_filter(kind, value)

    @property
    def chip_filter(self) -> FilterBar:
        """The bar above the list saying which theme or tag filters it (built when first
        needed: nothing filters at start-up)."""
        if self._chip_filter is None:
            self._chip_filter = FilterBar(self.theme_colours)
            self._left_layout.insertWidget(1, self._chip_filter)    # under the search box
            self._chip_filter.changed.connect(self._apply_chip_filters)
        return self._chip_filter

    def _apply_chip_filters(self) -> None:
        self.proxy.set_theme(self.chip_filter.filters.get(THEME))
        self.proxy.set_tag(self.chip_filter.filters.get(TAG))

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(0)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- thesis actions ----------------------------------------------------------------------
    def new_thesis(self, values: dict | None = None):
        """Ctrl+N: the New thesis dialog; a refused title keeps it open with what was typed."""
        if self.tracker is None:
            return None
        if values is not None:
            thesis = self.editor.add_thesis(**values)
        else:
            from gui.dialogs import NewThesisDialog
            made = []

            def submit(chosen: dict) -> None:
                made.append(self.tracker.ops.add_thesis(**chosen).value)
            if NewThesisDialog.ask(self, submit=submit) is None or not made:
                return None
            thesis = made[0]
        if thesis:
            self.show_thesis(thesis.id)
        return thesis

    def tick_selected(self):
        """Edit ▸ Tick catalyst (the toolbar's Tick): the catalyst selected in Upcoming or in
        the thesis's Catalysts tab; with none selected, the Catalysts tab to pick one."""
        if self.tracker is None:
            return None
        if self.pages.currentWidget() is self.upcoming and self.upcoming.model is not None:
            from gui.models.upcoming import is_review
            record = self.upcoming.table.current_record()
            if record is not None and not is_review(record):
                return self.editor.tick(record)
        if self.current_thesis_id() is None:
            self.statusBar().showMessage(self.tr("Select a thesis, then the catalyst to tick."),
                                         10000)
            return None
        self.pages.setCurrentIndex(0)
        _model, table = self.detail.part("catalysts")
        tab = self.detail.tab_of("catalysts")
        record = table.current_record() if self.detail.tabs.currentWidget() is tab else None
        if record is None:
            self.detail.tabs.setCurrentWidget(tab)
            self.statusBar().showMessage(self.tr("Select the catalyst to tick, then Tick "
                                                 "again (or tick its Done box)."), 10000)
            return None
        return self.editor.tick(record)

    def review_thesis(self):
        """Review… (#7): the dialog, then one undoable review of the selected thesis."""
        thesis_id = self.current_thesis_id()
        if self.tracker is None or thesis_id is None:
            return None
        from gui.dialogs import ReviewDialog
        thesis = self.tracker.theses.get(thesis_id)
        done = []

        def submit(values: dict) -> None:
            done.append(self.tracker.ops.review(
                thesis_id, note=values["note"], conviction=values.get("conviction"),
                status=values.get("status"), next_review=values.get("next_review"),
                cadence=values.get("cadence")).value)
        values = ReviewDialog.ask(self, thesis, THESIS_STATUSES, self.tracker.clock.today(),
                                  self.tracker.reviews.next_date(thesis), submit=submit)
        if values is None or not done:
            return None
        result = done[0]
        if result:
            self.statusBar().showMessage(self.tr("Review recorded; next review {date}.").format(
                date=date_text(result.next_review)), 10000)
        return result

    def delete_thesis(self) -> bool:
        thesis_id = self.current_thesis_id()
        if self.tracker is None or thesis_id is None:
            return False
        title = self.tracker.theses.get(thesis_id).title
        if not Messages.confirm(self, self.tr("Delete the thesis “{title}” with all its "
                                              "catalysts, risks, beneficiaries and history?\n"
                                              "(Edit ▸ Undo brings it back.)").format(
                                                  title=title)):
            return False
        return bool(self.editor.delete_thesis(thesis_id))

    def _settled(self) -> None:
        self._apply_list_share()
        self._shown_once = True

    # -- settings ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 850)
        # The list pane's share of the width, not its pixels: sizes saved at another window
        # width (or restored before the window has its final one) came back wrong (#12).
        try:
            self._list_share = float(self.settings.value("listShare", 620 / 1400))
        except (TypeError, ValueError):
            self._list_share = 620 / 1400
        self._list_share = min(max(self._list_share, 0.15), 0.85)
        self._apply_list_share()

    def _apply_list_share(self) -> None:
        total = max(sum(self.splitter.sizes()), self.splitter.width(), 1)
        left = int(total * self._list_share)
        self.splitter.setSizes([left, total - left])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._shown_once:
            self._apply_list_share()        # until the window has settled on its size

    def _list_share_now(self) -> float:
        sizes = self.splitter.sizes()
        return sizes[0] / sum(sizes) if sum(sizes) else self._list_share

    def _save_selection(self) -> None:
        if self.tracker is not None and self.current_thesis_id() is not None:
            self.settings.setValue("lastDatabase", str(self.tracker.path))
            self.settings.setValue("lastThesis", self.current_thesis_id())

    def _columns_chosen(self) -> None:
        self.settings.setValue("hiddenColumns", self.thesis_list.hidden_columns())
        self._fit_title()

    @staticmethod
    def _saved_list(value) -> list:
        """A list QSettings gives back: an INI file returns one item as a plain string and
        none as None."""
        if value is None or value == "":
            return []
        return [value] if isinstance(value, (str, int)) else list(value)

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("listShare", round(self._list_share_now(), 4))
        self._save_selection()
        self.settings.sync()

    def recent_files(self) -> list[str]:
        return [str(path) for path in self._saved_list(self.settings.value("recentFiles"))]

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])
        self.menus.refresh_recent()

    def closeEvent(self, event):
        # Leave a half-typed field: commit it before closing, as a native app does.
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.save_settings()
        self.close_database()
        self.tasks.shutdown()
        super().closeEvent(event)
