"""Search for the kiosk without writing anywhere a person's traces could stay.

- A prebuilt index beside the library (``<library>/.index``, made with
  ``offline-reader index --out <library>/.index``) is opened read-only: searching
  never writes to it, and a stale or damaged one is never cleared or rebuilt here.
- Without one, an index is built in the background in a private temporary folder,
  which :meth:`KioskSearch.close` removes when the kiosk stops. Until it is ready a
  search says so.

The user's cache, config and data folders are never touched.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from reader.core.errors import SearchError
from reader.core.library import Library
from reader.core.model import SearchResults
from reader.core.search import MANIFEST_NAME, PREBUILT_DIR_NAME, SearchIndex
from reader.ui.i18n import fill, translations

log = logging.getLogger(__name__)


def preparing() -> str:
    """Shown while the index is not ready; the kiosk runs the search itself once it is."""
    return QCoreApplication.translate(
        "KioskSearch",
        "The search is being prepared. Your results will appear here by themselves "
        "as soon as it is ready.",
    )


class _Signals(QObject):
    opened = Signal(object, str)  # SearchIndex or None, a message


class _Build(QRunnable):
    def __init__(self, work: Any) -> None:
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


class KioskSearch(QObject):
    """The kiosk's search index: prebuilt and read-only, or private and temporary."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.index: SearchIndex | None = None
        self.prebuilt = False
        self.problem: str | None = None
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._cancel = threading.Event()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.opened.connect(self._on_signals_opened)

    @property
    def temp_dir(self) -> Path | None:
        return Path(self._temp.name) if self._temp is not None else None

    def start(self) -> None:
        beside = Path(self.library.root) / PREBUILT_DIR_NAME
        if (beside / MANIFEST_NAME).is_file():
            self._pool.start(_Build(lambda: self._open_prebuilt(beside)))
            return
        self._temp = tempfile.TemporaryDirectory(prefix="offline-reader-kiosk-")
        target = Path(self._temp.name)
        self._pool.start(_Build(lambda: self._build_temporary(target)))

    def _open_prebuilt(self, folder: Path) -> None:
        try:
            index = SearchIndex.open_prebuilt(self.library, folder)
        except SearchError as exc:
            self._signals.opened.emit(None, f"the prebuilt index {folder} cannot be used: {exc}")
            return
        if index.needs_update():
            log.warning("the prebuilt index %s is older than the library; rebuild it", folder)
        self.prebuilt = True
        self._signals.opened.emit(index, "")

    def _build_temporary(self, folder: Path) -> None:
        try:
            index = SearchIndex.open(self.library, folder)
            if index.needs_update():
                index.update(cancel=self._cancel.is_set)
        except Exception as exc:  # a worker must never take the kiosk down
            log.exception("building the kiosk's search index failed")
            self._signals.opened.emit(None, f"the search index could not be built ({exc})")
            return
        if self._cancel.is_set():  # the kiosk is stopping: nobody will take the index
            index.close()
            return
        self._signals.opened.emit(index, "")

    def _on_signals_opened(self, index: SearchIndex | None, message: str) -> None:
        if index is not None and self._cancel.is_set():  # it arrived after close()
            index.close()
            return
        if index is None:
            self._fail(fill(self.tr("Search is not available on this screen: %1."), message))
            return
        self.index = index
        log.info("kiosk search ready (%s)", "prebuilt" if self.prebuilt else "temporary")
        self.ready.emit()

    def _fail(self, message: str) -> None:
        self.problem = message
        log.warning("%s", message)
        self.failed.emit(message)

    @property
    def is_ready(self) -> bool:
        return self.index is not None

    def search(self, query: str) -> SearchResults:
        if self.index is None:
            message = self.problem or preparing()
            return SearchResults(query, (), 0, message=message, rebuilding=True)
        return self.index.search(query, language=translations().language)

    def close(self) -> None:
        """Stop building, close the index and remove the temporary folder."""
        self._cancel.set()
        # A build stops at the next article, but writing its last segment cannot be
        # stopped: wait for it (a slow, loaded machine takes a while), so no file of the
        # temporary folder is still open when the folder is removed.
        if not self._pool.waitForDone(60000):
            log.warning("the kiosk's search index was still being built at exit")
        if self.index is not None:
            self.index.close()
            self.index = None
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None
