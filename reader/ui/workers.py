"""Slow work off the UI thread: building the search index and running searches.

The index is built or brought up to date by a child process (``python -m reader index
--progress-json``), so none of that work competes with the window for the interpreter;
its progress arrives as JSON lines, and when it is done the window opens the new index
on a worker thread. Opening an index and searching run on QRunnables that report
through a QObject living on the UI thread, so results arrive there by queued signal.
Searches run on a pool of one thread: a newer query supersedes an older one (the pane
drops stale results).

:class:`SearchService` is the one search of both windows. The kiosk's
(:class:`reader.ui.kiosk.search.KioskSearch`) only decides where its index lives and never
writes anywhere else; the searching, its thread and its results are this class's.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QProcess,
    QProcessEnvironment,
    QRunnable,
    QThreadPool,
    Signal,
)

import reader
from reader.core.errors import ReaderError
from reader.core.index_wire import IndexerOutcome, decode_line
from reader.core.library import Library
from reader.core.model import Article, IndexProgress, IndexReport, SearchResults
from reader.core.search import SearchIndex, location
from reader.ui.i18n import error_text, fill, translated, translations

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IndexReady:
    report: IndexReport | None  # None when the index was already up to date


@dataclass(frozen=True, slots=True)
class _Opened:
    index: SearchIndex
    needs_update: bool
    report: IndexReport | None = None  # set when reopened after the indexer finished


def indexer_command(library_root: Path) -> tuple[str, list[str]]:
    """The program and arguments of the process that brings the index up to date."""
    args = ["-m", "reader", "index", "--library", str(library_root), "--progress-json"]
    return sys.executable, args


@dataclass(frozen=True, slots=True)
class _Damaged:
    index: SearchIndex
    reason: str


class _Signals(QObject):
    index_opened = Signal(object)  # _Opened
    index_damaged = Signal(object)  # _Damaged
    index_failed = Signal(str)
    search_finished = Signal(object)  # _Found
    search_failed = Signal(object)  # _Found (its results unused) and the message


@dataclass(frozen=True, slots=True)
class _Found:
    """A search's results as they come back from the worker, with the ticket of the
    search that asked (see :meth:`SearchService.cancel`)."""

    ticket: int
    results: SearchResults
    failure: str | None = None


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object]) -> None:
        super().__init__()
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        self._fn()


@dataclass(frozen=True, slots=True)
class ScanProgress:
    done: int
    total: int


class _LoaderSignals(QObject):
    progressed = Signal(object)  # ScanProgress
    loaded = Signal(object)  # Library
    failed = Signal(str)


class _ScanCancelledError(Exception):
    pass


class LibraryLoader(QObject):
    """Lists a library on a worker thread (a first start on a large library reads every
    file's front matter), telling how far it got."""

    progressed = Signal(object)  # ScanProgress
    loaded = Signal(object)  # Library
    failed = Signal(str)

    def __init__(self, root: Path, cache_dir: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.cache_dir = cache_dir
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancelled = False
        self._signals = _LoaderSignals()
        self._signals.progressed.connect(self.progressed)
        self._signals.loaded.connect(self.loaded)
        self._signals.failed.connect(self.failed)

    def start(self) -> None:
        self._pool.start(_Task(self._scan))

    def cancel(self) -> None:
        """Stop listing (the reader is quitting) within a few hundred files."""
        self._cancelled = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled:
            raise _ScanCancelledError
        self._signals.progressed.emit(ScanProgress(done, total))

    def _scan(self) -> None:
        s = self._signals
        gc.disable()  # no full collections stopping the window meanwhile (see _open below)
        try:
            library = Library.scan(self.root, cache_dir=self.cache_dir, progress=self._progress)
            gc.freeze()  # it lives as long as the window
        except _ScanCancelledError:
            return
        except ReaderError as exc:
            s.failed.emit(error_text(exc))
            return
        except Exception as exc:  # a worker must never take the window down with it
            log.exception("listing the library failed")
            failed = QCoreApplication.translate(
                "LibraryLoader", "The library could not be listed (%1)."
            )
            s.failed.emit(fill(failed, type(exc).__name__))
            return
        finally:
            gc.enable()
        s.loaded.emit(library)

    def wait(self, timeout_ms: int = 30000) -> None:
        self._pool.waitForDone(timeout_ms)


@dataclass(frozen=True, slots=True)
class ArticleLoaded:
    """What reading an article on the worker gave: the article, or why it failed."""

    request: Any  # OpenRequest (reader.core.navigation)
    article: Article | None
    error: str | None
    ticket: int


class _ArticleSignals(QObject):
    done = Signal(object)  # ArticleLoaded


class ArticleLoader(QObject):
    """Reads and parses articles on worker threads, never on the window's: :meth:`load`
    waits a moment (``wait_s``; parsing the largest bundled article takes a third of it on
    a busy laptop, reading it back from the parsed articles kept a thirtieth) for the
    result, so an ordinary article opens at once;
    a slow one is delivered later by the queued ``loaded`` signal while the window goes
    on working. A newer :meth:`load` or :meth:`cancel` leaves the one before: its
    result, when it comes, is dropped."""

    loaded = Signal(object)  # ArticleLoaded of the current request, when it was slow

    def __init__(self, parent: QObject | None = None, wait_s: float = 1.0) -> None:
        super().__init__(parent)
        self.wait_s = wait_s
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # one slow article left behind does not block the next
        self._ticket = 0
        self._pending: int | None = None
        self._signals = _ArticleSignals()
        self._signals.done.connect(self._on_signals_done)

    @property
    def busy(self) -> bool:
        """True while a slow article is being read for the current request."""
        return self._pending is not None

    def load(self, request: Any, read: Callable[[], Article]) -> ArticleLoaded | None:
        """Start ``read`` on a worker. The result when it came within ``wait_s``; otherwise
        None, and ``loaded`` is emitted when it comes (unless left meanwhile)."""
        self._ticket += 1
        ticket = self._ticket
        self._pending = ticket
        ready = threading.Event()
        box: list[ArticleLoaded] = []
        signals = self._signals

        def work() -> None:
            try:
                result = ArticleLoaded(request, read(), None, ticket)
            except ReaderError as exc:
                result = ArticleLoaded(request, None, error_text(exc), ticket)
            except Exception as exc:  # a worker must never take the window down with it
                log.exception("reading an article failed")
                message = fill(
                    QCoreApplication.translate(
                        "ArticleLoader", "The article could not be opened (%1)."
                    ),
                    type(exc).__name__,
                )
                result = ArticleLoaded(request, None, message, ticket)
            box.append(result)
            ready.set()
            signals.done.emit(result)

        self._pool.start(_Task(work))
        if ready.wait(self.wait_s):
            self._pending = None  # taken now: the queued copy is dropped
            return box[0]
        return None

    def cancel(self) -> None:
        """Leave the article being read: its result will not be shown."""
        self._pending = None

    def _on_signals_done(self, result: ArticleLoaded) -> None:
        if result.ticket != self._pending:
            return  # taken at once, or left for another
        self._pending = None
        self.loaded.emit(result)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        self.cancel()
        self._pool.waitForDone(timeout_ms)


class SearchService(QObject):
    """Owns the search index, the process that builds it and the threads that open and
    query it.

    ``may_update`` False (a kiosk) never changes an index once it is open: no check of
    its files against their checksums, no indexing process, no rebuild after damage.
    """

    may_update = True

    index_opened = Signal()
    indexer_started = Signal(int)  # the process id of the indexing process
    index_progressed = Signal(object)  # IndexProgress
    index_finished = Signal(object)  # IndexReady
    index_failed = Signal(str)  # a message for the status bar
    index_damaged = Signal(str)  # why: the checksums did not match; it is being rebuilt
    search_finished = Signal(object)  # SearchResults
    search_failed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.index: SearchIndex | None = None
        self._signals = _Signals()
        self._index_pool = QThreadPool(self)
        self._index_pool.setMaxThreadCount(1)
        self._search_pool = QThreadPool(self)
        self._search_pool.setMaxThreadCount(1)
        self._pending_query: str | None = None
        self._searching = False
        #: Each search started gets the next ticket; results of a ticket up to
        #: ``_dropped`` are never delivered (taken at once, or cancelled).
        self._ticket = 0
        self._dropped = 0
        self._taken: set[int] = set()
        self._closing = False
        self._process: QProcess | None = None
        self._outcome = IndexerOutcome()
        self._rebuilt_for: SearchIndex | None = None  # a rebuild was started for it (damage)
        self.indexing = False
        s = self._signals
        s.index_opened.connect(self._on_signals_index_opened)
        s.index_damaged.connect(self._on_signals_index_damaged)
        s.index_failed.connect(self._on_signals_index_failed)
        s.search_finished.connect(self._on_signals_search_finished)
        s.search_failed.connect(self._on_signals_search_failed)

    # --- index ----------------------------------------------------------------------------

    def start(self) -> None:
        """Open the index (on a worker thread), then bring it up to date in a child
        process if it needs it, then open the new index."""
        self.indexing = True
        self._index_pool.start(_Task(lambda: self._open(None, None)))

    def _open(
        self, report: IndexReport | None, notice: str | None, temporary: bool = False
    ) -> None:
        """On the index thread: open the index (where the indexer said it wrote it)."""
        s = self._signals
        # What an index of 50,000 articles loads (a million small objects) would set off
        # full garbage collections that stop every thread, the window's too, for a few
        # hundred milliseconds each: none while it loads, and once loaded it is left out
        # of them (it lives as long as the window).
        gc.disable()
        try:
            index = self._open_index(report, notice, temporary)
            if self._closing:  # the window is closing: nobody will take the index
                index.close()
                return
            needs = report is None and index.needs_update()
            if needs and not self.may_update:
                log.warning("the search index %s is older than the library", index.index_dir)
                needs = False
            index.warm()
            gc.freeze()
            s.index_opened.emit(_Opened(index, needs, report))
        except ReaderError as exc:
            s.index_failed.emit(error_text(exc))
        except Exception as exc:  # a worker must never take the window down with it
            log.exception("opening the search index failed")
            failed = QCoreApplication.translate(
                "SearchService", "The search index could not be opened (%1)."
            )
            s.index_failed.emit(fill(failed, type(exc).__name__))
        finally:
            gc.enable()

    def _open_index(
        self, report: IndexReport | None, notice: str | None, temporary: bool
    ) -> SearchIndex:
        """On the index thread: the index where it lives (where the indexer said it wrote
        it, after an update). Raises ReaderError when it cannot be opened."""
        folder = report.location if report is not None else None
        if folder is not None and folder.is_dir():
            where = location.reported(folder, temporary=temporary, notice=notice)
        else:
            where = location.for_reading(self.library)
        return SearchIndex.open(self.library, where)

    def _on_signals_index_opened(self, opened: _Opened) -> None:
        if self._closing:  # the window closed meanwhile
            opened.index.close()
            return
        old, self.index = self.index, opened.index
        if old is not None and old is not opened.index:
            self._index_pool.start(_Task(old.close))  # waits for a search still using it
        self.index_opened.emit()
        if opened.needs_update:
            self._start_indexer()
            return
        self.indexing = False
        self.index_finished.emit(IndexReady(opened.report))
        if opened.report is None and self.may_update:  # an index from before: check its files
            index = opened.index
            self._index_pool.start(_Task(lambda: self._verify(index)))
        if self._pending_query is not None and not self._searching:
            self._run_next()

    def _verify(self, index: SearchIndex) -> None:
        """On the index thread: compare the index's files with their checksums (damage of
        the right size, such as a zeroed block, gives wrong answers rather than errors)."""
        try:
            reason = index.verify(cancel=lambda: self._closing)
        except Exception:  # a worker must never take the window down with it
            log.exception("checking the search index failed")
            return
        if reason is not None:
            self._signals.index_damaged.emit(_Damaged(index, reason))

    def _on_signals_index_damaged(self, damaged: _Damaged) -> None:
        if self._closing or damaged.index is not self.index or self.indexing or not self.may_update:
            return
        self.indexing = True
        self.index_damaged.emit(damaged.reason)
        self._start_indexer()  # it finds the same damage and builds the index afresh

    def _start_indexer(self) -> None:
        program, args = indexer_command(Path(self.library.root))
        process = QProcess(self)
        process.setProgram(program)
        process.setArguments(args)
        env = QProcessEnvironment.systemEnvironment()
        here = str(Path(reader.__file__).resolve().parents[1])  # the same reader package
        paths = [here, *(p for p in env.value("PYTHONPATH", "").split(os.pathsep) if p)]
        env.insert("PYTHONPATH", os.pathsep.join(paths))
        process.setProcessEnvironment(env)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._on_process_ready_read)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error_occurred)
        self._process = process
        self._outcome = IndexerOutcome()
        process.started.connect(lambda: self.indexer_started.emit(int(process.processId())))
        process.start()

    def _read_lines(self, process: QProcess) -> None:
        latest: IndexProgress | None = None
        while process.canReadLine():
            line = bytes(process.readLine().data()).decode("utf-8", "replace").strip()
            item = decode_line(line)
            if isinstance(item, IndexProgress):
                latest = item
            elif isinstance(item, IndexerOutcome):
                self._outcome = item
        if latest is not None and not self._closing:
            self.index_progressed.emit(latest)

    def _on_process_ready_read(self) -> None:
        process = self._process
        if process is not None:
            self._read_lines(process)

    def _on_process_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart or self._process is None:
            return  # a crash is handled when the process has finished
        self._process.deleteLater()
        self._process = None
        self._on_signals_index_failed(
            QCoreApplication.translate(
                "SearchService", "The search index could not be built (the indexer did not start)."
            )
        )

    def _on_process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        self._read_lines(process)
        self._process = None
        process.deleteLater()
        if self._closing:
            return
        outcome = self._outcome
        if outcome.failure is not None:
            self._on_signals_index_failed(translated(outcome.failure))
        elif outcome.report is None or status != QProcess.ExitStatus.NormalExit:
            log.warning("the indexing process stopped (code %s, %s)", code, status)
            stopped = QCoreApplication.translate(
                "SearchService",
                "The search index could not be built (the indexer stopped, code %1).",
            )
            self._on_signals_index_failed(fill(stopped, code))
        else:
            report, notice, temporary = outcome.report, outcome.notice, outcome.temporary
            self._index_pool.start(_Task(lambda: self._open(report, notice, temporary)))

    def _on_signals_index_failed(self, message: str) -> None:
        self.indexing = False
        self.index_failed.emit(message)

    # --- search ---------------------------------------------------------------------------

    def search(self, query: str, *, wait_s: float = 0.0) -> SearchResults | None:
        """Search for ``query`` in the background; only the newest pending query runs.

        With ``wait_s`` the caller takes the results itself if they come within that
        time (an ordinary search shows at once): they are returned, and not emitted. A
        slower search returns None and its results come by ``search_finished``, the window
        going on meanwhile. Without it (the window's search pane) every result is emitted.
        """
        self._pending_query = query
        if self._searching:
            return None
        return self._run_next(wait_s)

    def cancel(self) -> None:
        """Forget the pending query and the results of any search running now: they are
        never delivered (a kiosk's session has ended)."""
        self._pending_query = None
        self._dropped = self._ticket

    @property
    def searching(self) -> bool:
        """True while a search runs on the worker."""
        return self._searching

    def _not_ready_message(self) -> str:
        return QCoreApplication.translate(
            "SearchService",
            "The search index is being prepared; your results will appear here "
            "by themselves as soon as it is ready.",
        )

    def _run_next(self, wait_s: float = 0.0) -> SearchResults | None:
        query = self._pending_query
        self._pending_query = None
        index = self.index
        if query is None:
            return None
        results: SearchResults | None = None
        if not query.strip():
            results = SearchResults(query, (), 0)
        elif index is None:
            message = self._not_ready_message()
            results = SearchResults(query, (), 0, rebuilding=True, message=message)
            self._pending_query = query  # run it again when the index is open
        if results is not None:
            if wait_s > 0:
                return results
            self.search_finished.emit(results)
            return None
        assert index is not None
        self._searching = True
        self._ticket += 1
        ticket = self._ticket
        s = self._signals
        language = translations().language  # decides a query that could be either language
        ready = threading.Event()
        box: list[_Found] = []

        def work() -> None:
            try:
                found = _Found(ticket, index.search(query, language=language))
            except ReaderError as exc:
                found = _Found(ticket, SearchResults(query, (), 0), error_text(exc))
            except Exception as exc:
                log.exception("search failed")
                failed = QCoreApplication.translate("SearchService", "The search failed (%1).")
                found = _Found(
                    ticket, SearchResults(query, (), 0), fill(failed, type(exc).__name__)
                )
            box.append(found)
            ready.set()
            if found.failure is None:
                s.search_finished.emit(found)
            else:
                s.search_failed.emit(found)

        self._search_pool.start(_Task(work))
        if wait_s > 0 and ready.wait(wait_s) and box[0].failure is None:
            # Taken now: the worker is done with it, and its queued copy is dropped.
            self._taken.add(ticket)
            self._searching = False
            return box[0].results
        return None

    def _delivered(self, found: _Found) -> bool:
        """Whether ``found`` is for the caller still (not cancelled, not quitting)."""
        return found.ticket > self._dropped and not self._closing

    def _on_signals_search_finished(self, found: _Found) -> None:
        if found.ticket in self._taken:  # the caller took it at once (see search)
            self._taken.discard(found.ticket)
            return
        self._searching = False
        results = found.results
        if self._delivered(found):
            self.search_finished.emit(results)
        index = self.index
        damage = index.damage if index is not None else None
        if (
            results.rebuilding
            and damage
            and self.may_update
            and not self.indexing
            and not self._closing
            and index is not self._rebuilt_for
        ):
            # the index failed while searching (damaged): build it afresh (once for this
            # index, should the build itself fail), then ask again
            self._rebuilt_for = index
            self.indexing = True
            self.index_damaged.emit(str(damage))
            self._start_indexer()
        if (
            results.rebuilding
            and self._pending_query is None
            and self.indexing
            and found.ticket > self._dropped
        ):
            self._pending_query = results.query  # ask again once the index is built
            return
        if self._pending_query is not None:
            self._run_next()

    def _on_signals_search_failed(self, found: _Found) -> None:
        self._searching = False
        if self._delivered(found):
            self.search_failed.emit(found.failure or "")
        if self._pending_query is not None:
            self._run_next()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """At window close: ask the indexing process to stop (it leaves the last committed
        index as it was; one that does not stop in time is ended), wait for the workers."""
        self._closing = True
        process = self._process
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.terminate()
            if not process.waitForFinished(timeout_ms):
                process.kill()
                process.waitForFinished(timeout_ms)
        self._search_pool.waitForDone(timeout_ms)
        self._index_pool.waitForDone(timeout_ms)
        index = self.index
        if index is not None:
            index.close()


__all__ = [
    "ArticleLoaded",
    "ArticleLoader",
    "IndexProgress",
    "IndexReady",
    "LibraryLoader",
    "ScanProgress",
    "SearchService",
]
