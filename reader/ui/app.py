"""Start the reader window: ``run_app(options)`` is what ``offline-reader`` calls."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.cli.gui import GuiOptions
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.navigation import OpenRequest
from reader.core.paths import user_cache_dir
from reader.core.settings import SettingsStore
from reader.ui import accessibility
from reader.ui.fonts import load_bundled_fonts
from reader.ui.main_window import MainWindow, base_font

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the bundled fonts loaded."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("offline-reader")
        app.setApplicationDisplayName("Health library")
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("offline-reader")
        base_font(app)  # remember the platform's font before any text-size change
    # Before any widget is asked for its accessible interface: the article view
    # must reach screen readers as a document of headings, paragraphs and links.
    accessibility.install()
    load_bundled_fonts()
    return app


def build_window(
    options: GuiOptions, store: SettingsStore | None = None, *, start_search: bool = True
) -> MainWindow:
    """The window on ``options.library``, showing the target, the last or a welcome article.

    The search index is checked (and built if needed) in the background afterwards.
    """
    application()
    try:
        library = Library.scan(options.library, cache_dir=user_cache_dir())
    except ReaderError as exc:
        log.warning("%s", exc)
        library = Library(options.library, (), ())
        window = MainWindow(library, store or SettingsStore.for_user())
        window.show_welcome()
        window.show_status(str(exc), error=True)
        return window
    window = MainWindow(library, store or SettingsStore.for_user())
    opened = False
    if options.open_target:
        opened = window.open_target(options.open_target)
    last = window.settings.last_article
    if not opened and last and library.summary(last) is not None:
        opened = window.open_article(OpenRequest(last, remember=False))
    if not opened:
        window.show_welcome()
    if library.problems:
        n = len(library.problems)
        window.show_status(
            f"{n} file{'s' if n != 1 else ''} in the library could not be read; "
            "run 'offline-reader check' for details.",
            error=True,
        )
    if start_search:
        # After the first paint: the window shows before any indexing work starts.
        QTimer.singleShot(0, window.search.start)
    return window


def run_app(options: GuiOptions) -> int:
    if options.kiosk:
        from reader.ui.kiosk.app import run_kiosk

        return run_kiosk(options)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    window = build_window(options)
    window.show()
    # Without a window manager (a kiosk, a virtual display) nothing would ever get
    # the "focused" state that screen readers follow.
    window.activateWindow()
    return int(app.exec())
