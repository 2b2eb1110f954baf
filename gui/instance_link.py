"""The second-instance offer (#6): raise the window that has the database open, or open read-only.

The first window listens on a QLocalServer named from a hash of its database path; a second
app that finds the database locked (model.storage.instance.AlreadyOpenError) asks the user and, for
"Bring it forward", connects and sends one line, and the first window raises itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCryptographicHash, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox

_RAISE = b"raise\n"


def server_name(db_path) -> str:
    # Qt's SHA-1 rather than hashlib's, which would load OpenSSL (3 MB) into every start.
    name = str(Path(db_path).resolve()).encode("utf-8", "surrogateescape")
    digest = QCryptographicHash.hash(name, QCryptographicHash.Algorithm.Sha1)
    return f"thesis-tracker-{bytes(digest.toHex()).decode()[:20]}"


class RaiseServer(QObject):
    """Listens while a window has ``db_path`` open; emits ``raise_requested`` when asked."""

    raise_requested = Signal()          # another instance asked this window to come forward

    def __init__(self, db_path, window=None, parent=None):
        super().__init__(parent)
        self.window = window
        self.server = QLocalServer(self)
        name = server_name(db_path)
        # A server left by a crashed instance is dead (we hold the flock now): clear its socket.
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._accept)
        if window is not None:
            self.raise_requested.connect(self._bring_forward)

    def _accept(self) -> None:
        # The request is one short line written right after connecting: read it here rather
        # than keep per-socket slots alive (a socket outliving its server crashed Qt).
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            data = b""
            while len(data) < len(_RAISE) and (socket.bytesAvailable()
                                               or socket.waitForReadyRead(500)):
                data += bytes(socket.readAll().data())
            socket.abort()
            socket.deleteLater()
            if data.startswith(_RAISE.strip()):
                self.raise_requested.emit()

    def _bring_forward(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def close(self) -> None:
        self.server.close()


def ask_to_raise(db_path, timeout_ms: int = 3000) -> bool:
    """Ask the window holding ``db_path`` to come forward; False when none answers.

    The other window starts listening just after its first paint (at most 2 s after it
    opened the file), so a second start in that moment keeps trying until ``timeout_ms``."""
    from PySide6.QtCore import QDeadlineTimer, QThread
    deadline = QDeadlineTimer(timeout_ms)
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name(db_path))
        if socket.waitForConnected(min(250, max(1, deadline.remainingTime()))):
            break
        if deadline.hasExpired():
            return False
        QThread.msleep(100)
    socket.write(_RAISE)
    ok = socket.waitForBytesWritten(max(1, deadline.remainingTime()))
    socket.disconnectFromServer()
    return ok


class AlreadyOpenDialog:
    """"Open elsewhere": bring the other window forward, open read-only, or cancel."""

    @classmethod
    def ask(cls, parent, message: str) -> str | None:
        """'raise', 'readonly' or None (tests replace this modal part)."""
        from gui.i18n import translate
        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("AlreadyOpenDialog", "Database already open"), message,
                          QMessageBox.StandardButton.Cancel, parent)
        bring = box.addButton(translate("AlreadyOpenDialog", "Bring it forward"),
                              QMessageBox.ButtonRole.AcceptRole)
        readonly = box.addButton(translate("AlreadyOpenDialog", "Open read-only"),
                                 QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(bring)
        box.setTextFormat(Qt.TextFormat.PlainText)
        from gui.dialogs import run_modal

        def answer(_result) -> str | None:
            clicked = box.clickedButton()
            return "raise" if clicked is bring else "readonly" if clicked is readonly else None
        return run_modal(box, answer)
