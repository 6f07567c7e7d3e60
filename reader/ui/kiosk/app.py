"""``offline-reader --kiosk [--kiosk-config FILE]``: start the kiosk window.

The configuration is read and checked before any window opens: a bad value stops
the start with a message naming the file, the key and what is allowed.

``OFFLINE_READER_KIOSK_SELFTEST=WORDS`` (an environment variable, so nobody at the
screen can set it) makes the kiosk drive itself once its search is ready: type WORDS
on the on-screen keyboard, search, open the first result and its first source,
clear the session, print one line to standard error and quit. The end-to-end tests
use it to watch a whole session from outside the process.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.core.errors import ReaderError
from reader.core.kiosk import load_kiosk_config
from reader.core.library import Library
from reader.core.lockout import PinLockout
from reader.ui.application import application
from reader.ui.i18n import error_in_system_language
from reader.ui.kiosk.window import KioskWindow
from reader.ui.options import GuiOptions
from reader.ui.quit_signals import QuitSignals

log = logging.getLogger(__name__)

SELFTEST_ENV = "OFFLINE_READER_KIOSK_SELFTEST"
#: The exit status after the staff exit (and after SIGTERM, see QUIT_SIGNALS): the
#: shipped systemd unit (deploy/kiosk/) starts the kiosk again after any other.
ADMIN_EXIT_STATUS = 0
#: The exit status when a part of a session could not be cleared: the kiosk stops so
#: that a fresh one, with nothing of the last person in memory, is started.
RESET_FAILED_STATUS = 3


#: libdbus and GLib both refuse this address, so neither starts a bus of its own.
NO_SESSION_BUS = "disabled:"


def no_bus_autolaunch(environ: MutableMapping[str, str]) -> bool:
    """Stop D-Bus from starting a session bus on the side when there is none.

    Asked for a session bus that is not there, libdbus runs ``dbus-launch
    --autolaunch``: a ``dbus-daemon`` that outlives the kiosk, ``~/.dbus/session-bus/``
    in the home folder, sockets in the temporary folder. A kiosk writes nothing
    outside what it promises, so with no ``DBUS_SESSION_BUS_ADDRESS`` and no bus socket
    in ``XDG_RUNTIME_DIR`` it says there is none. Returns True when it did.
    """
    if environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip():
        return False
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime, "bus").is_socket():
        return False  # libdbus finds this one itself
    environ["DBUS_SESSION_BUS_ADDRESS"] = NO_SESSION_BUS
    log.info("no D-Bus session bus: none is started (screen readers need one)")
    return True


def run_kiosk(options: GuiOptions) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        config = load_kiosk_config(options.kiosk_config)
        admin = config.admin
        lockout = PinLockout(
            admin.lockout_file,
            failures_before_delay=admin.failures_before_delay,
            failure_delay=admin.failure_delay,
        )
        lockout.check_writable()
        # No scan cache: a kiosk session writes nothing under the user's folders.
        library = Library.scan(options.library)
    except ReaderError as exc:
        print(f"offline-reader: {error_in_system_language(exc)}", file=sys.stderr)
        return 2
    if options.open_target:
        log.warning("kiosk mode starts on its home screen; %r is not opened", options.open_target)
    no_bus_autolaunch(os.environ)
    app = application()
    # SIGTERM/SIGINT from the system (not from the screen) stop the kiosk cleanly, so the
    # temporary search index is removed (window.shutdown below); set before the window is
    # built, so a signal while it starts waits for the event loop instead of killing it.
    signals = QuitSignals(app.exit, app)
    window = KioskWindow(library, config, lockout=lockout)
    window.start()
    words = os.environ.get(SELFTEST_ENV, "").strip()
    if words:
        SelfTest(window, words).arm()
    granted: list[bool] = []
    window.exit_granted.connect(lambda: granted.append(True))

    def on_reset_failed(parts: tuple[str, ...]) -> None:
        log.critical("the session's %s could not be cleared: stopping", ", ".join(parts))
        app.exit(RESET_FAILED_STATUS)

    window.reset_failed.connect(on_reset_failed)
    try:
        code = int(app.exec())
    finally:
        window.shutdown()
        signals.uninstall()
    return ADMIN_EXIT_STATUS if granted else code


class SelfTest:
    """Drives one kiosk session through its public controls, then quits."""

    def __init__(self, window: KioskWindow, words: str) -> None:
        self.window = window
        self.words = words

    def arm(self) -> None:
        if self.window.search.is_ready:
            QTimer.singleShot(0, self.run)
        else:
            self.window.search.ready.connect(self.run)
            self.window.search.failed.connect(lambda message: self.finish(1, message))

    def run(self) -> None:
        w = self.window
        w.keyboard_button.click()
        for ch in self.words.lower():
            key = w.keyboard.key_for(ch)  # by what it types: the names are translated
            if key is not None:
                key.click()
        w.keyboard.search_key.click()
        if w.search.searching:  # a slow search: its results come by themselves
            w.results_shown.connect(self._on_window_results_shown)
            return
        self._read_first_result()

    def _on_window_results_shown(self) -> None:
        self.window.results_shown.disconnect(self._on_window_results_shown)
        self._read_first_result()

    def _read_first_result(self) -> None:
        w = self.window
        count = w.results_list.count()
        if not count:
            self.finish(1, f"no results for {w.search_box.text()!r}")
            return
        item = w.results_list.item(0)
        w.results_list.itemClicked.emit(item)
        article = w.article_view.article
        if article is None:
            self.finish(1, "the first result did not open")
            return
        if article.citations:
            w.article_view.follow("cite:0")
        sources = w.references_open
        w.finish_button.click()
        cleared = (
            w.current_page == "home"
            and not w.search_box.text()
            and not w.search_box.isUndoAvailable()  # Ctrl+Z brings nothing back
            and w.history_length == (0, 0)
        )
        self.finish(
            0 if cleared else 1,
            f"searched {self.words!r} ({count} results), opened {article.id}, "
            f"source shown: {sources}, session cleared: {cleared}",
        )

    def finish(self, code: int, message: str) -> None:
        print(f"kiosk self-test: {message}", file=sys.stderr, flush=True)
        self.window.guard.grant_exit()
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(code)
