"""Slow work off the UI thread: building the search index and running searches.

Each task is a QRunnable; it reports through a QObject living on the UI thread, so
results arrive there by queued signal. Searches run on a pool of one thread: a newer
query supersedes an older one (the pane drops stale results).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.model import IndexProgress, IndexReport, SearchResults

log = logging.getLogger(__name__)

try:  # the search engine is optional at run time: without it the reader still reads
    from reader.core.search import SearchIndex
except ImportError as exc:  # pragma: no cover - depends on the installation
    SearchIndex = None  # type: ignore[assignment,misc]
    _SEARCH_IMPORT_ERROR: str | None = str(exc)
else:
    _SEARCH_IMPORT_ERROR = None


@dataclass(frozen=True, slots=True)
class IndexReady:
    report: IndexReport | None  # None when the index was already up to date


class _Signals(QObject):
    index_opened = Signal(object)  # SearchIndex
    index_progressed = Signal(object)  # IndexProgress
    index_finished = Signal(object)  # IndexReady
    index_failed = Signal(str)
    search_finished = Signal(object)  # SearchResults
    search_failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Any) -> None:
        super().__init__()
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        self._fn()


class SearchService(QObject):
    """Owns the search index and the threads that build and query it."""

    index_opened = Signal()
    index_progressed = Signal(object)  # IndexProgress
    index_finished = Signal(object)  # IndexReady
    index_failed = Signal(str)  # a message for the status bar
    search_finished = Signal(object)  # SearchResults
    search_failed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.index: Any = None
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._index_pool = QThreadPool(self)
        self._index_pool.setMaxThreadCount(1)
        self._search_pool = QThreadPool(self)
        self._search_pool.setMaxThreadCount(1)
        self._pending_query: str | None = None
        self._searching = False
        self.indexing = False
        s = self._signals
        s.index_opened.connect(self._on_signals_index_opened)
        s.index_progressed.connect(self.index_progressed)
        s.index_finished.connect(self._on_signals_index_finished)
        s.index_failed.connect(self._on_signals_index_failed)
        s.search_finished.connect(self._on_signals_search_finished)
        s.search_failed.connect(self._on_signals_search_failed)

    @staticmethod
    def available() -> str | None:
        """None when search works; otherwise why it does not."""
        if SearchIndex is None:
            return f"search is not available: {_SEARCH_IMPORT_ERROR}"
        return None

    # --- index ----------------------------------------------------------------------------

    def start(self) -> None:
        """Open the index and bring it up to date, in the background."""
        if SearchIndex is None:
            self.index_failed.emit(self.available() or "search is not available")
            return
        self.indexing = True
        self._index_pool.start(_Task(self._build))

    def _build(self) -> None:
        s = self._signals
        try:
            assert SearchIndex is not None
            index = SearchIndex.open(self.library)
            s.index_opened.emit(index)
            if not index.needs_update():
                s.index_finished.emit(IndexReady(None))
                return
            report = index.update(progress=s.index_progressed.emit, cancel=self._cancel.is_set)
            s.index_finished.emit(IndexReady(report))
        except ReaderError as exc:
            s.index_failed.emit(str(exc))
        except Exception as exc:  # a worker must never take the window down with it
            log.exception("building the search index failed")
            s.index_failed.emit(f"The search index could not be built ({type(exc).__name__}).")

    def _on_signals_index_opened(self, index: object) -> None:
        self.index = index
        self.index_opened.emit()

    def _on_signals_index_finished(self, ready: IndexReady) -> None:
        self.indexing = False
        self.index_finished.emit(ready)
        if self._pending_query is not None and not self._searching:
            self._run_next()

    def _on_signals_index_failed(self, message: str) -> None:
        self.indexing = False
        self.index_failed.emit(message)

    # --- search ---------------------------------------------------------------------------

    def search(self, query: str) -> None:
        """Search for ``query`` in the background; only the newest pending query runs."""
        self._pending_query = query
        if not self._searching:
            self._run_next()

    def _run_next(self) -> None:
        query = self._pending_query
        self._pending_query = None
        index = self.index
        if query is None:
            return
        if not query.strip():
            self.search_finished.emit(SearchResults(query, (), 0))
            return
        if index is None:
            self.search_finished.emit(
                SearchResults(
                    query,
                    (),
                    0,
                    rebuilding=True,
                    message="The search index is being prepared; results will appear shortly.",
                )
            )
            self._pending_query = query  # run it again when the index is open
            return
        self._searching = True
        s = self._signals

        def work() -> None:
            try:
                s.search_finished.emit(index.search(query))
            except ReaderError as exc:
                s.search_failed.emit(str(exc))
            except Exception as exc:
                log.exception("search failed")
                s.search_failed.emit(f"The search failed ({type(exc).__name__}).")

        self._search_pool.start(_Task(work))

    def _on_signals_search_finished(self, results: SearchResults) -> None:
        self._searching = False
        self.search_finished.emit(results)
        if results.rebuilding and self._pending_query is None and self.indexing:
            self._pending_query = results.query  # ask again once the index is built
            return
        if self._pending_query is not None:
            self._run_next()

    def _on_signals_search_failed(self, message: str) -> None:
        self._searching = False
        self.search_failed.emit(message)
        if self._pending_query is not None:
            self._run_next()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Ask indexing to stop and wait for the workers (at window close)."""
        self._cancel.set()
        self._search_pool.waitForDone(timeout_ms)
        self._index_pool.waitForDone(timeout_ms)
        index = self.index
        if index is not None and hasattr(index, "close"):
            index.close()


__all__ = ["IndexProgress", "IndexReady", "SearchService"]
