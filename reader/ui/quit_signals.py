"""SIGTERM and SIGINT stop the reader as closing its window would.

A signal arrives while Qt's event loop runs in C++, where Python cannot act on it: the
signal's number is written to a socket (``signal.set_wakeup_fd``) that a
``QSocketNotifier`` watches, so the handler runs on the next turn of the event loop, with
the window's own close path (settings saved, the indexing process stopped).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None

#: The signals that stop the reader, and the exit status each one gives.
QUIT_SIGNALS: dict[signal.Signals, int] = {signal.SIGTERM: 0, signal.SIGINT: 130}


class QuitSignals(QObject):
    """Calls ``on_quit(exit_status)`` on the UI thread when SIGTERM or SIGINT arrives."""

    def __init__(self, on_quit: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous: dict[signal.Signals, _Handler] = {}
        for signum in QUIT_SIGNALS:
            # A Python-level handler that does nothing: the number reaches the socket, and
            # the default action (die at once, or KeyboardInterrupt) no longer happens.
            self._previous[signum] = signal.signal(signum, lambda *_: None)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def _on_notifier_activated(self, *_args: object) -> None:
        try:
            data = self._read.recv(64)
        except OSError:
            return
        for number in data:
            try:
                signum = signal.Signals(number)
            except ValueError:
                continue
            if signum in QUIT_SIGNALS:
                log.info("%s received: closing", signum.name)
                self._on_quit(QUIT_SIGNALS[signum])
                return

    def uninstall(self) -> None:
        """Put the previous handlers back (tests start several windows in one process)."""
        self._notifier.setEnabled(False)
        for signum, previous in self._previous.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(signum, signal.SIG_DFL if previous is None else previous)
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        self._read.close()
        self._write.close()


__all__ = ["QUIT_SIGNALS", "QuitSignals"]
