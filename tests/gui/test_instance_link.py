"""gui/instance_link.py: the second-instance offer (#6). The window that has a database open
listens on a local socket named from the file; a second start asks the user, and "Bring it
forward" reaches that window, which comes to the front."""

from __future__ import annotations

import os

from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

import pytest

from gui.instance_link import AlreadyOpenDialog, RaiseServer, ask_to_raise, server_name


def test_the_server_name_is_the_files_not_the_spelling_of_its_path(tmp_path, monkeypatch):
    """Relative, absolute and symlinked paths of one file reach the same window; another file
    another; any file name works."""
    db = tmp_path / "theses.sqlite3"
    db.write_bytes(b"")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db)
    monkeypatch.chdir(tmp_path)
    name = server_name(db)
    assert name.startswith("thesis-tracker-") and len(name) == len("thesis-tracker-") + 20
    assert server_name("theses.sqlite3") == server_name(link) == name
    assert server_name(tmp_path / "other.sqlite3") != name
    assert server_name(tmp_path / "bad \udcff.sqlite3")          # any file name works


def test_a_raise_request_brings_the_window_forward(qtbot, tmp_path):
    """'Bring it forward' reaches the listening window, which is restored and shown (#6)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    server = RaiseServer(tmp_path / "t.sqlite3", window)
    try:
        assert server.listening
        with qtbot.waitSignal(server.raise_requested, timeout=3000):
            assert ask_to_raise(tmp_path / "t.sqlite3")
        assert window.isVisible() and not window.isMinimized()
    finally:
        server.close()


def test_anything_but_the_request_is_ignored(qtbot, tmp_path):
    """Another program connecting with other bytes does not raise the window."""
    server = RaiseServer(tmp_path / "t.sqlite3")
    heard = []
    server.raise_requested.connect(lambda: heard.append(1))
    try:
        socket = QLocalSocket()
        socket.connectToServer(server_name(tmp_path / "t.sqlite3"))
        assert socket.waitForConnected(1000)
        socket.write(b"hello\n")
        socket.waitForBytesWritten(1000)
        qtbot.waitUntil(lambda: not server.server.hasPendingConnections(), timeout=1000)
        qtbot.wait(50)
        socket.disconnectFromServer()
        assert heard == []
    finally:
        server.close()


def test_a_socket_left_by_a_crashed_window_does_not_block_listening(tmp_path):
    """A SIGKILLed app leaves its socket file; the next window (holding the lock now) clears
    it and listens."""
    first = RaiseServer(tmp_path / "t.sqlite3")
    path = first.server.fullServerName()
    # Simulate the crash: the socket file stays although nobody listens on it.
    first.server.close()
    if os.name == "posix":
        import socket as stdlib_socket
        leftover = stdlib_socket.socket(stdlib_socket.AF_UNIX)
        leftover.bind(path)
        leftover.close()
        assert os.path.exists(path)
    second = RaiseServer(tmp_path / "t.sqlite3")
    try:
        assert second.listening
    finally:
        second.close()


def test_nobody_listening_is_false_within_the_timeout(tmp_path):
    """With no window to answer, the second start learns it within the timeout instead of hanging.
    """
    import time
    started = time.monotonic()
    assert ask_to_raise(tmp_path / "nobody.sqlite3", timeout_ms=300) is False
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("button, answer", [("Bring it forward", "raise"),
                                            ("Open read-only", "readonly"), (None, None)])
def test_the_offer_answers_what_was_chosen(qtbot, when_modal, button, answer):
    """The offer's three answers (Bring it forward is the default), the message shown as given."""
    seen = {}

    def choose(box):
        seen["text"], seen["default"] = box.text(), box.defaultButton().text()
        if button is None:
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            next(b for b in box.buttons() if b.text() == button).click()
    when_modal(choose)
    assert AlreadyOpenDialog.ask(None, "t.sqlite3 is open elsewhere (pid 7)") == answer
    assert seen == {"text": "t.sqlite3 is open elsewhere (pid 7)",
                    "default": "Bring it forward"}
