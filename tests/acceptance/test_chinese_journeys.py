"""The interface in Simplified Chinese (#13 part B), through the real window: every visible text,
tooltip and placeholder of the main window, its menus, toolbar, tabs, tables and charts, and of
every dialog the app opens, is Chinese once the translation is loaded, apart from the proper
nouns and file formats listed below and the user's own data (titles, companies, tickers...),
which stay as written.

On the code #13 part B started from none of the app's strings were marked for translation, so
every one of these checks found English.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

import pytest

from tests.acceptance.conftest import click_button, menu, open_tab, select_thesis

# Latin words that may stay in the Chinese interface.
ALLOWED = {
    # each language is named in itself in View ▸ Language…
    "English",
    # the app's name, and what it is built with (Help ▸ About)
    "Thesis", "Tracker", "Python", "SQLite", "Qt", "PySide6-Essentials", "sqlite-utils",
    "pyqtgraph",
    # file formats and standards Chinese users see written this way
    "PDF", "JSON", "CSV", "Markdown", "PNG", "SVG", "iCalendar", "UTF-8", "ID", "URL",
    "A4", "Letter", "YYYY-MM-DD",
    # the market-catalyst-calendar dataset's name, a Yahoo Finance CSV's column names
    "market-catalyst-calendar", "Yahoo", "Finance", "Date", "Open", "High", "Low", "Close",
    "Adj", "Volume", "date,close", "date", "close",
    # keys on the keyboard
    "Ctrl", "Shift", "Alt", "Del", "Ins", "Insert", "Delete", "Enter", "Esc", "Space", "F2",
    "F5", "PgDown", "PgUp",
    # examples of what to type: exchanges, tickers, windows as research writes them, a tag
    "SZSE", "SSE", "HKEX", "NASDAQ", "SH", "SZ", "H1", "H2", "Q3", "2H26", "optics",
    # industry terms the demo's Chinese notes write in Latin letters
    "CPO", "NPO", "DSP", "AI",
    # the command a damaged file's message names
    "python", "main.py", "restore", "--db",
}
PLACEHOLDER = re.compile(r"\{[a-z_0-9!:,.]*\}|%n")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9.,_'’-]*[A-Za-z0-9]")


# -- reading what is on screen --------------------------------------------------------------------
def plain(text: str) -> str:
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def model_texts(model, where: str) -> list[tuple[str, str]]:
    from PySide6.QtCore import QAbstractListModel, Qt
    out = []
    if model is None:
        return out
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for column in range(columns):
        out.append((f"{where} header", str(model.headerData(column, Qt.Orientation.Horizontal)
                                            or "")))
        for row in range(model.rowCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    out.append((f"{where} cell", value))
    return out


def texts_of(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a user can read on a widget and its children: texts,
    titles, tooltips, placeholders, items, headers and cells, actions and menus."""
    out: list[tuple[str, str]] = [("window title", widget.windowTitle())]
    for child in [widget, *widget.findChildren(QWidget)]:
        name = f"{type(child).__name__}:{child.objectName()}"
        out.append((f"{name} tooltip", child.toolTip()))
        if isinstance(child, (QLabel, QAbstractButton)):
            out.append((name, child.text()))
        elif isinstance(child, (QLineEdit, QPlainTextEdit)):
            out.append((f"{name} placeholder", child.placeholderText()))
        elif isinstance(child, QComboBox):
            out += [(f"{name} item", child.itemText(i)) for i in range(child.count())]
            if child.lineEdit() is not None:
                out.append((f"{name} placeholder", child.lineEdit().placeholderText()))
        elif isinstance(child, QAbstractSpinBox) and hasattr(child, "prefix"):
            out += [(f"{name} prefix", child.prefix()), (f"{name} suffix", child.suffix())]
        elif isinstance(child, QTabWidget):
            for i in range(child.count()):
                out += [(f"{name} tab", child.tabText(i)), (f"{name} tab tip",
                                                           child.tabToolTip(i))]
        elif isinstance(child, QGroupBox):
            out.append((name, child.title()))
        elif isinstance(child, QTreeWidget):
            out.append((f"{name} header", child.headerItem().text(0)))
            out.append((f"{name} header", child.headerItem().text(1)))
            items = [child.topLevelItem(i) for i in range(child.topLevelItemCount())]
            while items:
                item = items.pop()
                out += [(f"{name} item", item.text(c)) for c in range(item.columnCount())]
                items += [item.child(i) for i in range(item.childCount())]
        elif isinstance(child, QAbstractItemView):
            out += model_texts(child.model(), name)
        elif isinstance(child, QMenu):
            out += menu_texts(child)
        if hasattr(child, "scene") and callable(child.scene) and child.scene() is not None \
                and type(child).__module__.startswith("pyqtgraph"):
            out += chart_texts(child)
    for action in widget.findChildren(QAction):
        if action.associatedObjects():          # in a menu, a toolbar or a widget
            out += [("action", action.text()), ("action tooltip", action.toolTip())]
    return [(where, plain(text)) for where, text in out if text]


def menu_texts(menu: QMenu) -> list[tuple[str, str]]:
    out = [("menu", menu.title())]
    for action in menu.actions():
        out += [("menu action", action.text()), ("menu action tooltip", action.toolTip())]
        if action.menu() is not None:
            out += menu_texts(action.menu())
    return out


def chart_texts(view) -> list[tuple[str, str]]:
    """What a pyqtgraph view writes: text items, the colour key, axis labels."""
    import pyqtgraph as pg
    out = []
    for item in view.scene().items():
        if isinstance(item, pg.TextItem):
            out.append(("chart text", item.textItem.toPlainText()))
        elif isinstance(item, pg.LabelItem):
            out.append(("chart label", item.text))
        elif isinstance(item, pg.AxisItem) and item.label.isVisible():
            out.append(("chart axis", item.label.toPlainText()))
    return out


def user_data(tracker) -> list[str]:
    """Everything in the file the user (or the demo) wrote: it is shown as written."""
    found: set[str] = set()
    for thesis in tracker.theses.all():
        found.update((thesis.title, thesis.theme, thesis.statement, thesis.horizon,
                      thesis.tags, thesis.benchmark_ticker or ""))
        found.update(thesis.tag_list)
        for c in tracker.catalysts.for_thesis(thesis.id):
            found.update((c.title, c.description, c.expected, c.outcome))
        for r in tracker.risks.for_thesis(thesis.id):
            found.update((r.title, r.description))
        for b in tracker.beneficiaries.for_thesis(thesis.id):
            found.update((b.role, b.name, b.local_name, b.ticker or "", b.exchange))
        for s in tracker.sources.for_thesis(thesis.id):
            found.update((s.title, s.publisher, s.url, s.summary))
        for h in tracker.history.for_thesis(thesis.id, include_undone=True):
            found.update((h.subject, h.note, h.old or "", h.new or ""))
        for cite in tracker.sources.citations_for_thesis(thesis.id):
            found.add(cite.locator)
    for company in tracker.companies.all():
        found.update((company.name, company.local_name, company.ticker or "", company.exchange,
                      company.country, company.label))
    return sorted((text for text in found if text), key=len, reverse=True)


class English:
    """Finds untranslated English: what is left of a text once the user's data, the allowed
    words, numbers and punctuation are taken out."""

    def __init__(self, data: list[str], extra: tuple[str, ...] = ()):
        # Paths first; then the longest values first, so a title goes whole before a word of
        # it; values of one or two characters (a conviction "3") would cut words apart.
        self.data = [*extra, *(value for value in data if not value.isdigit())]

    def left(self, text: str) -> list[str]:
        # A title cut short where a sentence quotes it (“Big light: 800G/1.6T/3.2T…”).
        text = re.sub(r"“([^”]*)…”", lambda m: " " if any(
            value.startswith(m.group(1)) for value in self.data) else m.group(0), text)
        for value in self.data:
            if value in text:
                text = text.replace(value, " ")
        return [w for w in WORD.findall(text) if w not in ALLOWED and len(w) > 1]

    def problems(self, texts) -> list[str]:
        found = []
        for where, text in texts:
            words = self.left(text)
            if words or PLACEHOLDER.search(text):
                found.append(f"{where}: {text!r} -> {words}")
        return sorted(set(found))


# -- the window in Chinese ----------------------------------------------------------------------
@pytest.fixture
def chinese(qapp):
    """The Chinese translation loaded, as View ▸ Language… 简体中文 (or a Chinese system)
    loads it; the system language comes back after the test (tests/conftest.py)."""
    from gui import i18n
    loaded = i18n.install_language("zh_CN")
    assert [Path(p).name for p in loaded] == ["qtbase_zh_CN.qm", "thesis_tracker_zh_CN.qm"]
    return i18n


@pytest.fixture
def zh_app(chinese, make_window, db_path, qtbot):
    window = make_window(db_path)
    window.resize(1400, 850)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def shown_everywhere(window, qtbot) -> list[tuple[str, str]]:
    """Every page and tab shown once (charts build when first shown), then read."""
    texts = []
    window.ensure_upcoming()
    for name in ("Big light", "Space computing"):
        select_thesis(window, name, qtbot)
        for index in range(window.detail.tabs.count()):
            window.detail.tabs.setCurrentIndex(index)
            qtbot.wait(1)           # let a chart tab build and lay out
            texts += texts_of(window)
    window.pages.setCurrentWidget(window.upcoming)
    window.upcoming.show_roadmap()
    qtbot.wait(1)
    texts += texts_of(window)
    window.upcoming.show_list()
    texts += menu_texts(window.menuBar().actions()[0].menu())
    for action in window.menuBar().actions():
        texts += menu_texts(action.menu())
    return [(where, plain(text)) for where, text in texts if text]


def test_every_text_of_the_main_window_is_chinese(zh_app, qtbot):
    """Menus, toolbar, list, filters, notice, every tab, every table's headers and cells,
    the charts: Chinese, apart from the user's data and the allowed words (#13 item 5)."""
    window = zh_app
    assert window.menus.file.title() == "文件(&F)"
    assert window.toolbar.actions()[0].text() == "新建投资逻辑(&N)…"
    texts = shown_everywhere(window, qtbot)
    # The chips: a theme and a tag clicked filter the list; the filter bar says so in Chinese.
    window.filter_by_chip("theme", "Optical interconnect")
    window.filter_by_chip("tag", "光模块")
    assert window.chip_filter.label.text() == "仅显示："
    texts += texts_of(window.chip_filter)
    window.chip_filter.clear()
    english = English(user_data(window.tracker), (str(window.tracker.path),
                                                   window.tracker.path.name))
    assert english.problems(texts) == []
    # What was read reaches every part: a table header, a chart's today line and colour key,
    # a cell's status, the roadmap's filters, a menu entry, a toolbar tooltip.
    shown = {text for _, text in texts}
    assert {"解析区间", "今天", "待发生", "全部主题", "键盘快捷键(&K)"} <= shown
    assert "记下一条新的投资逻辑 (Ctrl+N)" in shown
    assert any("■ 待发生" in text for text in shown)
    # Dates follow the locale where they are shown (2026/12/10), not where stored.
    assert any(re.search(r"\b20\d\d/\d{1,2}/\d{1,2}\b", text) for _, text in texts)
    assert window.count_label.text().startswith("显示 5 / 5 条投资逻辑")


def test_the_language_switches_in_the_running_window(make_window, db_path, qtbot, monkeypatch):
    """View ▸ Language… 简体中文 turns the open window Chinese at once (menus, tabs, tables,
    charts, counts), and English brings it back, without a restart (#13 item 5)."""
    from gui import i18n
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    window.detail.tabs.setCurrentWidget(window.charts["timeline"])
    qtbot.wait(1)
    assert window.menus.file.title() == "&File"
    monkeypatch.setattr(i18n.LanguageDialog, "ask",
                        classmethod(lambda cls, parent, names, index: ("简体中文", True)))
    menu(window, "language")
    qtbot.waitUntil(lambda: window.menus.file.title() == "文件(&F)")
    assert window.pages.tabText(0) == "投资逻辑(&T)"
    assert window.detail.tabs.tabText(0) == "概览(&O)"
    assert window.list_model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation
                                        .Horizontal) == "标题"
    assert window.statusBar().currentMessage() == "界面语言已切换为简体中文。"
    assert "投资逻辑" in window.count_label.text()
    timeline = window.charts["timeline"].chart
    axis_label = timeline.history_plot.getAxis("left").label
    assert axis_label.toPlainText().split() == ["确", "信", "度"]      # upright, stacked
    assert axis_label.rotation() == 0
    english = English(user_data(window.tracker), (str(window.tracker.path),
                                                   window.tracker.path.name))
    assert english.problems(shown_everywhere(window, qtbot)) == []
    monkeypatch.setattr(i18n.LanguageDialog, "ask",
                        classmethod(lambda cls, parent, names, index: ("English", True)))
    menu(window, "language")
    qtbot.waitUntil(lambda: window.menus.file.title() == "&File")
    assert window.detail.tabs.tabText(0) == "&Overview"
    assert window.count_label.text().startswith("5 of 5 theses")


# -- every dialog -------------------------------------------------------------------------------
def read_and_close(found: list, *, close=None):
    """An answer for the Dialogs watcher: read the dialog, then close it (or ``close`` it)."""
    def answer(dialog):
        found.append((dialog.objectName() or type(dialog).__name__, texts_of(dialog)))
        (close or (lambda d: d.reject()))(dialog)
    return answer


def test_every_dialog_the_app_opens_is_chinese(zh_app, qtbot, dialogs, monkeypatch, tmp_path):
    """New thesis (and its refusal of an empty title, a model message), review, tick, the
    status-change note, add beneficiary, delete (Qt's Yes/No as 是/否), companies and merge,
    exports, import prices, language, about, keyboard shortcuts, undo history, and the
    dialogs for an undo refused, a damaged file, a file open elsewhere, the welcome, a crash,
    long work's progress: Chinese apart from the user's data (#13 item 5)."""
    from gui import dialogs as gui_dialogs
    from gui import instance_link, onboarding
    from gui.charts import prices as price_charts
    from gui.crash_dialog import CrashDialog
    from gui.export import dialogs as export_dialogs
    window = zh_app
    found: list = []
    select_thesis(window, "Big light", qtbot)

    # New thesis: empty title refused (the model's message, translated), then cancelled.
    dialogs.expect(lambda d: click_button(d, "创建"), read_and_close(found, close=lambda d:
                                                                     d.accept()),
                   read_and_close(found))
    menu(window, "newThesis")
    dialogs.done()
    assert any("标题不能为空。" in text for _, texts in found for _, text in texts)

    dialogs.expect(read_and_close(found))
    menu(window, "reviewThesis")
    dialogs.done()
    catalysts = window.detail.catalysts
    pending = next(r for r in range(catalysts.rowCount())
                   if catalysts.record(r).status == "pending")
    for status in ("done", "missed", "cancelled"):
        dialogs.expect(read_and_close(found))
        window.editor.tick(catalysts.record(pending), status)
        dialogs.done()
    dialogs.expect(read_and_close(found))
    window.detail.overview.status.setCurrentIndex(4)
    window.detail.overview.status.activated.emit(4)
    dialogs.done()
    dialogs.expect(read_and_close(found))
    window.editor.add_beneficiary(window.current_thesis_id())
    dialogs.done()
    dialogs.expect(read_and_close(found))
    menu(window, "deleteThesis")
    dialogs.done()
    # Export PDF and calendar, the language choice, About.
    for name in ("actionExportPdf", "actionExportCalendar", "language", "about"):
        dialogs.expect(read_and_close(found))
        menu(window, name)
        dialogs.done()
    # Import prices from the Prices tab.
    open_tab(window, "股价(P)")
    dialogs.expect(read_and_close(found))
    window.charts["prices"].chart.chart.ask_import()
    dialogs.done()
    # Companies (not modal) and its Merge into… dialog; keyboard shortcuts; undo history.
    menu(window, "companies")
    companies = window.findChild(QDialog, "companiesDialog")
    companies.table.selectRow(0)
    dialogs.expect(read_and_close(found))
    companies.merge_button.click()
    dialogs.done()
    found.append(("companiesDialog", texts_of(companies)))
    companies.close()
    menu(window, "shortcuts")
    shortcuts = window.findChild(QDialog, "shortcutsDialog")
    found.append(("shortcutsDialog", texts_of(shortcuts)))
    assert ("新建投资逻辑", "Ctrl+N") in shortcuts.rows()
    shortcuts.close()
    menu(window, "undoHistory")
    found.append(("undoHistoryDialog", texts_of(window.undo_history_dialog)))
    window.undo_history_dialog.close()
    # The dialogs for what goes wrong, asked the way the app asks.
    for ask in (lambda: gui_dialogs.UndoRefusedDialog.ask(window, "无法撤销"),
                lambda: gui_dialogs.CorruptDialog.ask(window, "损坏", tmp_path / "b.sqlite3"),
                lambda: instance_link.AlreadyOpenDialog.ask(window, "已打开"),
                lambda: gui_dialogs.Messages.confirm(window, "确定？")):
        dialogs.expect(read_and_close(found))
        ask()
        dialogs.done()
    # Not modal or not reachable without a crash or a first start: built as the app builds.
    for dialog in (onboarding.WelcomeDialog(window),
                   CrashDialog(window, tmp_path / "crash.txt", "Traceback …"),
                   export_dialogs.ExportDone(window, "导出 PDF", [tmp_path / "x.pdf"], "完成"),
                   price_charts.ImportPricesDialog([(1, "Zhongji Innolight")], window)):
        found.append((dialog.objectName(), texts_of(dialog)))
        dialog.deleteLater()
    # Long work behind its progress dialog (an import), read while it runs. The dialog
    # watcher stops first: it would take the (modal) progress box for an unexpected dialog
    # and close it when its poll came before this read (the test failed now and then).
    dialogs.stop()
    from threading import Event
    release = Event()
    monkeypatch.setattr(type(window.tasks), "show_after_ms", 0)

    def read_progress():
        box = next((w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "taskProgress" and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(10, read_progress)
            return
        found.append(("taskProgress", texts_of(box)))
        release.set()
    QTimer.singleShot(0, read_progress)
    window.tasks.run_with_progress(window, "正在导入 x.json…", lambda cancelled: release.wait(5))

    names = {name for name, _ in found}
    assert {"newThesisDialog", "reviewDialog", "tickDialog", "noteDialog", "companyDialog",
            "exportPdfDialog", "exportCalendarDialog", "importPricesDialog", "mergeDialog",
            "companiesDialog", "shortcutsDialog", "undoHistoryDialog", "undoRefusedDialog",
            "corruptDialog", "welcomeDialog", "crashDialog", "exportDone",
            "taskProgress"} <= names
    english = English(user_data(window.tracker), (str(tmp_path), "Traceback", "b.sqlite3",
                                                   "crash.txt", "x.pdf", "x.json"))
    problems = english.problems((f"{name}: {where}", text) for name, texts in found
                                for where, text in texts)
    assert problems == []
    assert dialogs.unexpected == []
    # Qt's own buttons come from qtbase_zh_CN: the delete question's Yes/No read 是/否.
    assert any(text in ("是(&Y)", "是") for name, texts in found for _, text in texts)
