"""Start the reader window: ``run_app(options)`` is what ``offline-reader`` calls."""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from reader.core.errors import ReaderError
from reader.core.library import Library, iter_article_files, require_library
from reader.core.navigation import OpenRequest
from reader.core.paths import user_cache_dir
from reader.core.settings import SettingsStore
from reader.ui.application import application
from reader.ui.i18n import error_text, fill, system_language, translations
from reader.ui.main_window import MainWindow
from reader.ui.options import GuiOptions
from reader.ui.quit_signals import QuitSignals
from reader.ui.workers import LibraryLoader, ScanProgress

log = logging.getLogger(__name__)

#: A library of more files than this, never listed before, is listed after the window
#: appears (reading 50,000 files' front matter the first time takes a quarter of a minute).
BACKGROUND_SCAN_FILES = 2000


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
        window.show_status(error_text(exc), error=True)
        window.library_problem = error_text(exc)
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
    was_rtl = translations().right_to_left
    translations().set_language(code)
    window.update_settings(language=code, apply=False)
    window.save_layout()
    if translations().right_to_left != was_rtl:  # the panes change sides: the mirrored layout
        window.update_settings(window_state="", apply=False)
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
        window.resume_at(last, window.settings.last_position)  # where the reader left it
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
