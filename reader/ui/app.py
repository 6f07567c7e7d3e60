"""Start the reader window: ``run_app(options)`` is what ``offline-reader`` calls."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.cli.gui import GuiOptions
from reader.core.desktop import APP_ID
from reader.core.errors import ReaderError
from reader.core.library import Library, iter_article_files, require_library
from reader.core.navigation import OpenRequest
from reader.core.paths import resources_dir, user_cache_dir
from reader.core.settings import SettingsStore
from reader.ui import accessibility
from reader.ui.fonts import load_bundled_fonts
from reader.ui.i18n import fill, system_language, translations
from reader.ui.main_window import MainWindow, base_font
from reader.ui.quit_signals import QuitSignals
from reader.ui.workers import LibraryLoader, ScanProgress

log = logging.getLogger(__name__)

#: A library of more files than this, never listed before, is listed after the window
#: appears (reading 50,000 files' front matter the first time takes a quarter of a minute).
BACKGROUND_SCAN_FILES = 2000


def app_icon() -> QIcon:
    """The reader's icon: the scalable SVG plus the rendered hicolor sizes."""
    icon = QIcon()
    icons = resources_dir() / "icons"
    for png in sorted((icons / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    svg = icons / f"{APP_ID}.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    if icon.isNull():
        log.warning("the reader's icon is missing from %s", icons)
    return icon


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the bundled fonts loaded."""
    # Qt calls into Python (event filters, slots) many times per turn of the event loop,
    # and each call waits for the interpreter while a search or an index opens on a worker
    # thread: hand it over every millisecond rather than every five, so those waits never
    # add up to a visible stop.
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("offline-reader")
        app.setApplicationDisplayName("Health library")
        app.setApplicationVersion(__version__)
        base_font(app)  # remember the platform's font before any text-size change
    if app.desktopFileName() != APP_ID:
        # The desktop entry's id: desktops match the window to its menu entry and icon.
        app.setDesktopFileName(APP_ID)
        app.setWindowIcon(app_icon())
    # Before any widget is asked for its accessible interface: the article view
    # must reach screen readers as a document of headings, paragraphs and links.
    accessibility.install()
    load_bundled_fonts()
    if not translations().loaded:  # English until a window picks the person's language
        translations().set_language("en")
    return app


def build_window(
    options: GuiOptions,
    store: SettingsStore | None = None,
    *,
    start_search: bool = True,
    background_scan: bool = False,
) -> MainWindow:
    """The window on ``options.library``, showing the target, the last or a welcome article.

    The search index is checked (and built if needed) in the background afterwards. With
    ``background_scan``, a large library never listed before is listed after the window
    appears, which says how far it got.
    """
    application()
    store = store or SettingsStore.for_user()
    set_interface_language(store)
    if background_scan and options.library.is_dir() and _first_scan_is_slow(options.library):
        return _build_window_loading(options, store, start_search)
    try:
        require_library(options.library)
        library = Library.scan(options.library, cache_dir=user_cache_dir())
    except ReaderError as exc:
        log.warning("%s", exc)
        library = Library(options.library, (), ())
        window = MainWindow(library, store or SettingsStore.for_user())
        window.show_welcome()
        window.show_status(str(exc), error=True)
        window.library_problem = str(exc)
        return window
    window = MainWindow(library, store or SettingsStore.for_user())
    _show_library(window, options, start_search)
    # The library and its rows live as long as the window: leave them out of full garbage
    # collections, which would otherwise stop the window for longer the larger it is.
    gc.freeze()
    return window


def set_interface_language(store: SettingsStore) -> str:
    """The saved interface language, else the system's (when the reader speaks it)."""
    saved = store.load()[0].language
    return translations().set_language(saved or system_language())


def switch_language(window: MainWindow, code: str) -> MainWindow:
    """Show the reader in another interface language.

    Every string of a window is set as it is built, so a new window is built in the new
    language on the same library and search index, with the same article, place, layout
    and history; the old one goes without closing (closing would stop the search).
    """
    translations().set_language(code)
    window.update_settings(language=code, apply=False)
    window.save_layout()
    location = window.article_view.location()
    search = window.search
    new = MainWindow(window.library, window.store, search=search)
    search.setParent(new)
    new.history = window.history
    if location is not None:
        new.open_article(OpenRequest(location.article_id, scroll=location.scroll, remember=False))
    else:
        new.show_welcome()
    if window.isVisible():
        new.setGeometry(window.geometry())
        new.show()
        new.activateWindow()
    window.hide()
    window.deleteLater()
    return new


def switch_library(window: MainWindow, root: Path) -> MainWindow:
    """Show another library (File > Open library…): remembered for the next start, opened
    in a new window in place of this one (whose search and indexer stop)."""
    window.update_settings(library=str(root), apply=False)
    window.save_layout()
    new = build_window(GuiOptions(library=root), window.store)
    if window.isVisible():
        new.setGeometry(window.geometry())
        new.show()
        new.activateWindow()
    window.close()
    window.deleteLater()
    new.show_status(_Texts().opened(root, len(new.library)))
    return new


class _Texts(QObject):
    """The start-up messages, in the interface language (tr() gives lupdate the plurals)."""

    def opened(self, root: Path, n: int) -> str:
        return fill(self.tr("Library %1 opened: %n article(s)", "", n), root)

    def loading(self) -> str:
        return self.tr("Loading the library…")

    def progress(self, done: int, total: int) -> str:
        return fill(self.tr("Loading the library: %1 of %n article(s)", "", total), done)

    def loaded(self, n: int) -> str:
        return self.tr("Library loaded: %n article(s)", "", n)

    def unreadable(self, n: int) -> str:
        return self.tr(
            "%n file(s) in the library could not be read; run 'offline-reader check' for details.",
            "",
            n,
        )


def _first_scan_is_slow(root: Path) -> bool:
    if Library.is_cached(root, user_cache_dir()):
        return False
    files = enumerate(iter_article_files(Path(root)))
    return any(n >= BACKGROUND_SCAN_FILES for n, _ in files)


def _build_window_loading(
    options: GuiOptions, store: SettingsStore | None, start_search: bool
) -> MainWindow:
    window = MainWindow(Library(options.library, (), ()), store or SettingsStore.for_user())
    window.show_status(_Texts().loading())
    loader = LibraryLoader(options.library, user_cache_dir(), window)

    def progressed(p: ScanProgress) -> None:
        window.show_status(_Texts().progress(p.done, p.total), speak=False)

    def loaded(library: Library) -> None:
        window.set_library(library)
        n = len(library)
        window.show_status(_Texts().loaded(n))
        _show_library(window, options, start_search)
        gc.freeze()

    def failed(message: str) -> None:
        window.show_welcome()
        window.show_status(message, error=True)

    loader.progressed.connect(progressed)
    loader.loaded.connect(loaded)
    loader.failed.connect(failed)
    application().aboutToQuit.connect(loader.cancel)
    loader.start()
    return window


def _show_library(window: MainWindow, options: GuiOptions, start_search: bool) -> None:
    """Open the target, the last or a welcome article; report unreadable files."""
    library = window.library
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
        window.show_status(_Texts().unreadable(n), error=True)
    elif library.notices:  # the saved listing was unusable (it is logged in full)
        window.show_status(
            QCoreApplication.translate(
                "Library", "The saved list of the library could not be used; it was made anew."
            )
        )
    if start_search:
        # After the first paint: the window shows before any indexing work starts.
        QTimer.singleShot(0, window.search.start)


def run_app(options: GuiOptions) -> int:
    if options.kiosk:
        from reader.ui.kiosk.app import run_kiosk

        return run_kiosk(options)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = application()

    def quit_on_signal(status: int) -> None:
        # As if the person closed the window (the current one: a change of language or
        # library builds a new one): layout saved, the indexer stopped.
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()
        app.exit(status)

    # Before the window is built: a signal while it starts waits for the event loop.
    signals = QuitSignals(quit_on_signal, app)
    window = build_window(options, background_scan=True)
    window.show()
    # Without a window manager (a kiosk, a virtual display) nothing would ever get
    # the "focused" state that screen readers follow.
    window.activateWindow()
    if window.library_problem:
        window.offer_library(window.library_problem)
    try:
        return int(app.exec())
    finally:
        signals.uninstall()
