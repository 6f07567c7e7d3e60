"""The search index of one library (see :class:`SearchIndex`)."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import gc
import json
import logging
import os
import pickle
import re
import shutil
import struct
import threading
import time
import traceback
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.filedb import filestore
from whoosh.filedb.filetables import FileFormatError
from whoosh.query.compound import And, Or
from whoosh.query.qcore import Query
from whoosh.query.terms import Term as WTerm
from whoosh.reading import CorruptIndexError

from reader.core.errors import ArticleError, SearchError
from reader.core.fslock import FileLock
from reader.core.fsutil import atomic_write_text
from reader.core.language import DEFAULT_LANGUAGE, INTERFACE_LANGUAGES, primary_code
from reader.core.library import Library
from reader.core.model import (
    IndexPhase,
    IndexProgress,
    IndexReport,
    Problem,
    SearchHit,
    SearchResults,
    Suggestion,
)
from reader.core.search import location
from reader.core.search.analysis import (
    ANALYSIS,
    DIRTY_NAME,
    ENOUGH_SECTIONS,
    FEW_HITS,
    LANGUAGES,
    LOCK_NAME,
    MANIFEST_NAME,
    MAX_SECTIONS_PER_ARTICLE,
    ContentField,
    make_schema,
    spell_word,
    untag,
)
from reader.core.search.documents import section_documents
from reader.core.search.location import IndexLocation, Place
from reader.core.search.manifest import Manifest, file_checksum, library_key
from reader.core.search.query import ParsedQuery, Plan, make_plan, parse_query, term_query
from reader.core.search.scoring import FastBM25F
from reader.core.search.snippets import make_snippet
from reader.core.search.suggestions import SuggestionList, suggestion_keys
from reader.core.text import fold
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason
from reader.core.vocabulary import (
    Synonyms,
    fold_word,
    raw_words,
    rows_key,
    synonym_rows,
)

log = logging.getLogger(__name__)


# Whoosh's storage layer is untyped: reach it through Any.
_FileStorage: Any = filestore.FileStorage


def _storage(index_dir: Path) -> Any:
    """Files read, not memory-mapped: a segment damaged under an open searcher then raises
    an error to catch (a mapped one kills the process with SIGBUS); no slower measured."""
    return _FileStorage(str(index_dir), supports_mmap=False)


# Failures Whoosh lets escape from a damaged index (see the module docstring of tests):
# a flipped bit or a zeroed block reaches zlib, struct, pickle, array sizes and lookups.
_INDEX_ERRORS: tuple[type[BaseException], ...] = (
    windex.IndexError,
    CorruptIndexError,
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    OSError,
    ValueError,  # UnicodeDecodeError too
    LookupError,  # KeyError, IndexError
    AttributeError,
    TypeError,
    ImportError,
    ArithmeticError,  # OverflowError, ZeroDivisionError
    RuntimeError,  # RecursionError on a looping structure
    MemoryError,  # a garbage length
    AssertionError,
    FileFormatError,
    filestore.StorageError,
)
#: What a failed update may raise: the above, or another writer holding Whoosh's lock.
_UPDATE_ERRORS: tuple[type[BaseException], ...] = (windex.LockError, *_INDEX_ERRORS)
#: What reading a damaged index may raise: anything at all (Whoosh has a dozen exception
#: classes of its own, and damaged data reaches code paths that raise whatever they
#: raise). Reading is never left to fail: the index is marked damaged and rebuilt.
_READ_ERRORS: tuple[type[BaseException], ...] = (Exception, MemoryError)
_WHOOSH_FILE = re.compile(r"^(_?MAIN.*|.*\.(toc|seg|pst|trm|pos|dci|dcz|fvz|sta|lck))$")


#: Postings the writer keeps in memory before it sorts them into a file of their own, in
#: MB as Whoosh estimates them. Measured building 700 articles of the bundled library:
#: peak 125 MB at 256, 80 MB at 32 but half as much CPU again (every posting written out
#: and read back); 64 keeps the benchmark's 18,000 abstracts near 300 MB, building and
#: searching (`benchmarks/search_results.md`).
_WRITER_MB = 64


def _release(exc: BaseException) -> None:
    """Close the files a failed Whoosh writer left open (the frames of ``exc`` hold them)
    now, rather than at some later garbage collection; on a full disk that frees space."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        traceback.clear_frames(exc.__traceback__)
        gc.collect()


class SearchIndex:
    """The search index of one library. Open with :meth:`open`; call :meth:`update` (from a
    worker thread if you like) when :meth:`needs_update`; :meth:`search` and :meth:`suggest`
    from any thread."""

    def __init__(self, library: Library, where: IndexLocation) -> None:
        self.library = library
        self.location = where
        self.index_dir = where.folder
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._ix: Any = None
        self._searcher: Any = None
        self._column: tuple[Any, Any] | None = None
        self._languages: tuple[Any, tuple[str, ...]] | None = None
        self._manifest = Manifest(library=self._library_key())
        self._suggestions: SuggestionList | None = None  # built on first use
        self._suggestions_lock = threading.Lock()
        self._needs_rebuild = True
        self._rebuilding = False
        # a temporary folder is deleted at close (see keep_temporary_folder)
        self._temporary_dir: Path | None = where.folder if where.temporary else None
        self.damage: str | None = None  # why the index on disk was not usable, if it was not
        self.notice: str | None = where.notice  # something to tell the person (where it is)
        self._synonym_rows = synonym_rows(library.root)
        self._synonym_key = rows_key(self._synonym_rows)
        self._synonyms: Synonyms | None = None  # see synonyms
        self._synonyms_lock = threading.Lock()

    @property
    def synonyms(self) -> Synonyms:
        """The library's synonyms, as analysed when the index was built (kept in its
        manifest) while their rows are the same, else analysed now."""
        synonyms = self._synonyms
        if synonyms is not None:
            return synonyms
        with self._synonyms_lock:
            if self._synonyms is None:
                kept = self._manifest.synonyms
                if kept.get("key") == self._synonym_key:
                    with contextlib.suppress(ValueError):
                        self._synonyms = Synonyms.from_data(kept, ANALYSIS)
                if self._synonyms is None:
                    self._synonyms = Synonyms(self._synonym_rows, ANALYSIS)
            return self._synonyms

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        library: Library,
        where: IndexLocation | Path | None = None,
        *,
        verify: bool = False,
    ) -> SearchIndex:
        """Open the index of ``library`` where :mod:`~reader.core.search.location` put it
        (``where``: a location, or a folder named by the person; None: where the library's
        index is kept up to date, see :func:`~reader.core.search.location.for_writing`).
        The index stays there: an update writes there or fails, it never moves.

        A missing, damaged, stale or foreign index is detected here and cleared, and
        :meth:`needs_update` then says it must be built; an unusable prebuilt index is
        left as it is and the index opened where the location says instead. ``verify``
        also checks every file against its checksum now (see :meth:`verify`, which a
        window calls on a worker after opening instead)."""
        if where is None:
            where = location.for_writing(library)
        elif not isinstance(where, IndexLocation):
            where = location.chosen(where)
        self = cls(library, where)
        reason = self._try_open()
        if reason is None and verify:
            reason = self.verify()
        if reason is not None and (instead := location.instead_of(where, library)) is not None:
            log.info("the prebuilt index %s cannot be used: %s", self.index_dir, reason)
            self.close()
            self = cls(library, instead)
            reason = self._try_open()
            if reason is None and verify:
                reason = self.verify()
        if reason is not None:
            self.damage = reason
            if FileLock(self.index_dir / LOCK_NAME).held_elsewhere():
                # another reader on this library is writing it: not damage, work in progress
                log.info("search index %s is being updated by another process", self.index_dir)
                return self
            log.info("search index %s: %s; it will be rebuilt", self.index_dir, reason)
            self._clear()
        return self

    @classmethod
    def open_prebuilt(cls, library: Library, where: IndexLocation | Path) -> SearchIndex:
        """Open a prebuilt index as it is, for reading only: unlike :meth:`open`, nothing
        is cleared or rebuilt (a kiosk's index on read-only media). Raises SearchError
        with the reason when it cannot be used."""
        folder = where.folder if isinstance(where, IndexLocation) else Path(where)
        index = cls(library, IndexLocation(folder, Place.PREBUILT, writable=False))
        reason = index._try_open()
        if reason is not None:
            index.close()
            raise SearchError(reason)
        return index

    def _library_key(self) -> str:
        return library_key(self.library.root, self.index_dir)

    def _try_open(self) -> str | None:
        """Open the index on disk; return None, or why it cannot be used."""
        path = self.index_dir / MANIFEST_NAME
        if not path.is_file():
            return QT_TRANSLATE_NOOP("SearchError", "there is no index yet")
        try:
            manifest = Manifest.read(path)
        except (OSError, ValueError, TypeError, json.JSONDecodeError):
            return QT_TRANSLATE_NOOP("SearchError", "its manifest is unreadable")
        unusable = manifest.unusable(self._library_key())
        if unusable is not None:
            return unusable
        if (self.index_dir / DIRTY_NAME).exists():
            return QT_TRANSLATE_NOOP("SearchError", "its last update was interrupted")
        for name, size in manifest.files.items():
            try:
                if (self.index_dir / name).stat().st_size != size:
                    return QT_TRANSLATE_NOOP("SearchError", "{file} has changed size").format(
                        file=name
                    )
            except OSError:
                return QT_TRANSLATE_NOOP("SearchError", "{file} is missing").format(file=name)
        reason: str | None = None
        with warnings.catch_warnings():
            # Whoosh leaves a file open when a damaged TOC fails to load; it is closed below.
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                ix, searcher = self._open_whoosh(manifest.docs)
            except _READ_ERRORS as exc:
                reason = QT_TRANSLATE_NOOP("SearchError", "it is damaged ({reason})").format(
                    reason=f"{type(exc).__name__}: {exc}"
                )
            if reason is not None:
                gc.collect()
        if reason is not None:
            return reason
        with self._lock:
            self._ix = ix
            self._searcher = searcher
            self._manifest = manifest
            self._suggestions = None
            self._needs_rebuild = False
        self._prepare_suggestions()
        return None

    def _open_whoosh(self, docs: int) -> tuple[Any, Any]:
        storage = _storage(self.index_dir)
        ix = storage.open_index(schema=make_schema())
        searcher = ix.searcher(weighting=FastBM25F())
        try:
            if searcher.doc_count() != docs:
                raise ValueError("the document count differs from the manifest")
            if docs:
                searcher.stored_fields(0)
                searcher.stored_fields(docs - 1)
                searcher.search(term_query("b12"), limit=1)
        except BaseException:
            searcher.close()
            raise
        return ix, searcher

    def verify(self, cancel: Callable[[], bool] | None = None) -> str | None:
        """Check every file of the open index against the checksum its manifest records:
        None when they all match (or there is no open index, or ``cancel`` said stop),
        otherwise why not. A mismatch marks the index damaged: searches then say it is
        being rebuilt and :meth:`needs_update` is True. Reads the whole index: call it from
        a worker thread, or from a command that is about to use the index anyway."""
        with self._lock:
            manifest, index_dir = self._manifest, self.index_dir
            if self._searcher is None:
                return None
        reason: str | None = None
        missing = sorted(set(manifest.files) - set(manifest.digests))
        if missing:
            reason = f"{missing[0]} has no checksum"
        for name, digest in manifest.digests.items():
            if reason is not None:
                break
            try:
                actual = file_checksum(index_dir / name, cancel)
            except OSError as exc:
                reason = f"{name} cannot be read ({exc.strerror or exc})"
                break
            if actual is None:
                return None
            if actual != digest:
                reason = f"{name} does not match its checksum (its content is damaged)"
        if reason is None:
            return None
        with self._lock:
            if self._manifest is manifest:
                self._needs_rebuild = True
                self.damage = reason
        log.warning("search index %s: %s; it will be rebuilt", index_dir, reason)
        return reason

    def _digests(self, files: dict[str, int]) -> dict[str, str]:
        """Checksums of the index files just committed. Whoosh never rewrites a file in
        place, so a file the last manifest knew, of the same size, keeps its checksum."""
        known = self._manifest
        out: dict[str, str] = {}
        for name, size in files.items():
            if known.files.get(name) == size and name in known.digests:
                out[name] = known.digests[name]
            else:
                out[name] = file_checksum(self.index_dir / name) or ""
        return out

    def _remove_uncommitted(self) -> None:
        """Delete the index files the last commit does not use (what a failed update had
        written: on a full disk, most of it), keeping the last committed index whole."""
        keep = set(self._manifest.files)
        with contextlib.suppress(OSError):
            for child in self.index_dir.iterdir():
                name = child.name
                if _WHOOSH_FILE.match(name) and name not in keep and not name.endswith("LOCK"):
                    with contextlib.suppress(OSError):
                        child.unlink()

    def _writable(self) -> bool:
        """Whether the index may be written now (its location allows it, and the disk)."""
        if not self.location.writable:
            return False
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return os.access(self.index_dir, os.W_OK)

    def _clear(self) -> None:
        """Forget the index on disk (only the files the index itself writes)."""
        with self._lock:
            self._close_searcher()
            self._ix = None
            self._manifest = Manifest(library=self._library_key())
            self._suggestions = None
            self._needs_rebuild = True
        if not self.index_dir.is_dir() or not self._writable():
            return
        for child in self.index_dir.iterdir():
            if child.is_file() and (
                _WHOOSH_FILE.match(child.name) or child.name in (MANIFEST_NAME, DIRTY_NAME)
            ):
                with contextlib.suppress(OSError):
                    child.unlink()

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()
            self._searcher = None

    @property
    def temporary(self) -> bool:
        """True when the index is kept in a temporary folder that :meth:`close` deletes."""
        return self._temporary_dir is not None

    def keep_temporary_folder(self) -> None:
        """Leave the temporary folder in place at :meth:`close`: another process (the
        window that asked for the index) opens it and deletes it when done."""
        self._temporary_dir = None

    def close(self) -> None:
        """Close the index files; an index kept in a temporary folder (nothing else could
        be written) is deleted with its folder, so no run leaves one behind."""
        with self._lock:
            self._close_searcher()
            self._ix = None
            temporary, self._temporary_dir = self._temporary_dir, None
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)

    # -- building ----------------------------------------------------------------------

    def _diff(self) -> tuple[list[str], list[str], list[str], int]:
        return self._manifest.diff(self.library.summaries)

    def needs_update(self) -> bool:
        """True when the index must be built, or articles were added, changed or removed."""
        if self._needs_rebuild:
            return True
        added, changed, removed, _ = self._diff()
        return bool(added or changed or removed)

    @property
    def rebuilding(self) -> bool:
        return self._needs_rebuild or self._rebuilding

    def rebuild(
        self,
        progress: Callable[[IndexProgress], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> IndexReport:
        """Build the index from scratch (cleared by :meth:`update`, under the lock that
        keeps another process from writing it meanwhile)."""
        with self._write_lock:
            self._needs_rebuild = True
        return self.update(progress, cancel)

    def update(
        self,
        progress: Callable[[IndexProgress], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> IndexReport:
        """Index the articles added or changed since the last update, drop removed ones.

        Safe to call from a worker thread while others search. Raises :class:`SearchError`
        when the index cannot be written at all.
        """
        with self._write_lock:
            lock = FileLock(self.index_dir / LOCK_NAME)  # one writer among processes, too
            lock.acquire()
            try:
                if lock.waited:  # another process updated the index meanwhile: start from it
                    self.close()
                    if self._try_open() is None:
                        self.damage = None
                return self._update(progress, cancel)
            except SearchError:
                raise
            except _UPDATE_ERRORS as exc:
                disk_full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
                # a full disk is said once, by the SearchError below; anything else is logged
                (log.info if disk_full else log.warning)("index update failed: %s", exc)
                log.debug("index update failed", exc_info=True)
                _release(exc)
                self._remove_uncommitted()  # now that the writer's files are closed
                if disk_full and self._needs_rebuild:
                    full = QT_TRANSLATE_NOOP(
                        "SearchError",
                        "the disk holding the search index ({folder}) is full: "
                        "the index was not updated",
                    )
                    raise SearchError(full.format(folder=self.index_dir)) from None
                if disk_full:
                    full = QT_TRANSLATE_NOOP(
                        "SearchError",
                        "the disk holding the search index ({folder}) is full: "
                        "the index was not updated; the last index is still used",
                    )
                    raise SearchError(full.format(folder=self.index_dir)) from None
                failed = QT_TRANSLATE_NOOP(
                    "SearchError", "the search index in {folder} could not be updated: {reason}"
                )
                reason = os_reason(exc) if isinstance(exc, OSError) and exc.strerror else str(exc)
                raise SearchError(failed.format(folder=self.index_dir, reason=reason)) from None
            finally:
                lock.release()

    def _update(
        self,
        progress: Callable[[IndexProgress], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> IndexReport:
        started = time.perf_counter()

        def tell(done: int, total: int, article_id: str | None, phase: IndexPhase) -> None:
            if progress is not None:
                progress(IndexProgress(done, total, article_id, phase))

        tell(0, len(self.library.summaries), None, IndexPhase.CHECKING)
        full = self._needs_rebuild
        added, changed, removed, unchanged = self._diff()
        if not full and not added and not changed and not removed:
            tell(0, 0, None, IndexPhase.DONE)  # nothing to write: a read-only index will do
            return self._report(0, 0, 0, unchanged, started)
        if not self._writable():  # the index stays where its location is: see location
            unwritable = QT_TRANSLATE_NOOP(
                "SearchError", "the search index folder {folder} cannot be written"
            )
            raise SearchError(unwritable.format(folder=self.index_dir))
        if full:
            self._clear()
            self._rebuilding = True
            added, changed, removed, unchanged = self._diff()
        todo = added + changed
        try:
            if self._ix is None:
                storage = _storage(self.index_dir)
                storage.create()
                self._ix = storage.create_index(make_schema())
            # work on a copy: searches and suggestions keep reading the current one
            manifest = dataclasses.replace(self._manifest, articles=dict(self._manifest.articles))
            atomic_write_text(self.index_dir / DIRTY_NAME, "an update is being written\n")
            writer = self._ix.writer(limitmb=_WRITER_MB, timeout=15.0)
            spelling = writer.schema["content"]
            if isinstance(spelling, ContentField):
                spelling.start_session()
            problems: list[Problem] = []
            try:
                for article_id in removed + changed:
                    writer.delete_by_term("article", article_id)
                for n, article_id in enumerate(todo):
                    if cancel is not None and cancel():
                        writer.cancel()
                        self._mark_clean()
                        tell(n, len(todo), None, IndexPhase.CANCELLED)
                        return self._report(0, 0, 0, unchanged, started, cancelled=True)
                    summary = self.library.summary(article_id)
                    if summary is None:  # pragma: no cover - the diff comes from the library
                        continue
                    tell(n, len(todo), article_id, IndexPhase.INDEXING)
                    if not full:
                        writer.delete_by_term("article", article_id)
                    try:
                        # through the library: what was parsed here is kept for the window
                        # where it keeps parsed articles (its indexing process does)
                        article = self.library.load(article_id)
                    except ArticleError as exc:
                        problems.append(Problem(summary.path, exc.detail, exc.line))
                        manifest.articles[article_id] = [summary.content_hash, summary.title,
                                                         summary.collection, []]  # fmt: skip
                        continue
                    for doc in section_documents(article):
                        writer.add_document(**doc)
                    headings = [[s.anchor, s.heading] for s in article.headed_sections]
                    manifest.articles[article_id] = [
                        summary.content_hash,
                        article.title,
                        article.meta.collection,
                        headings,
                        suggestion_keys(article.title, headings),
                    ]
                for article_id in removed:
                    manifest.articles.pop(article_id, None)
                tell(len(todo), len(todo), None, IndexPhase.COMMITTING)
                writer.commit(optimize=full)
            except BaseException:
                with contextlib.suppress(Exception):
                    writer.cancel()
                self._keep_last_index(full)
                raise
            finally:
                if isinstance(spelling, ContentField):
                    spelling.end_session()
            ix = self._ix
            searcher = ix.searcher(weighting=FastBM25F())
            manifest.docs = searcher.doc_count()
            manifest.state = "clean"
            manifest.files = {
                p.name: p.stat().st_size
                for p in self.index_dir.iterdir()
                if p.is_file() and _WHOOSH_FILE.match(p.name) and not p.name.endswith("LOCK")
            }
            manifest.digests = self._digests(manifest.files)
            manifest.synonyms = self.synonyms.to_data(self._synonym_key)
            self._write_manifest(manifest)
            self._mark_clean()
            with self._lock:
                self._close_searcher()
                self._searcher = searcher
                self._manifest = manifest
                self._suggestions = None
                self._needs_rebuild = False
            self._prepare_suggestions()
        finally:
            self._rebuilding = False
        tell(len(todo), len(todo), None, IndexPhase.DONE)
        if full:
            return self._report(len(todo), 0, 0, 0, started, problems=problems)
        return self._report(len(added), len(changed), len(removed), unchanged, started, problems)

    def _report(
        self,
        added: int,
        changed: int,
        removed: int,
        unchanged: int,
        started: float,
        problems: list[Problem] | None = None,
        cancelled: bool = False,
    ) -> IndexReport:
        return IndexReport(
            added=added,
            changed=changed,
            removed=removed,
            unchanged=unchanged,
            seconds=time.perf_counter() - started,
            location=self.index_dir,
            problems=tuple(problems or ()),
            cancelled=cancelled,
        )

    def _keep_last_index(self, full: bool) -> None:
        """After a failed update (a full disk, say) the last committed index is still whole
        on disk: what the update had written is deleted and the last index served on. A
        failed full build leaves nothing to serve (and its files are deleted too)."""
        self._remove_uncommitted()
        if not full:
            with contextlib.suppress(OSError):
                self._mark_clean()
            self.close()
            if self._try_open() is None:
                return
        self._needs_rebuild = True

    def _mark_clean(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            (self.index_dir / DIRTY_NAME).unlink()

    def _write_manifest(self, manifest: Manifest) -> None:
        manifest.library = self._library_key()
        path = self.index_dir / MANIFEST_NAME
        atomic_write_text(path, manifest.to_json())
        with contextlib.suppress(OSError):
            path.chmod(0o644)  # a prebuilt index is read by whoever runs the reader

    # -- searching ------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        collection: str | None = None,
        limit: int = 20,
        language: str | None = None,
    ) -> SearchResults:
        """Sections matching ``query``, best first, grouped by article; articles in the
        query's language first (``language``, the interface's, decides a query that could
        be either).

        Never raises for anything a person may type; raises :class:`SearchError` only when
        the index itself fails in a way that a rebuild cannot mend.
        """
        query = query if isinstance(query, str) else str(query)
        with self._lock:
            if self._searcher is None or self._needs_rebuild:
                return SearchResults(
                    query,
                    (),
                    0,
                    rebuilding=True,
                    message=QT_TRANSLATE_NOOP(
                        "SearchIndex",
                        "The search index is being built; results will appear shortly.",
                    ),
                )
            try:
                limit = max(1, min(int(limit), 200))
                return self._search(query, collection, limit, language)
            except _READ_ERRORS as exc:
                log.warning("search failed on a damaged index: %r", exc)
                self._needs_rebuild = True
                self.damage = f"it failed while searching ({type(exc).__name__})"
                return SearchResults(
                    query,
                    (),
                    0,
                    rebuilding=True,
                    message=QT_TRANSLATE_NOOP(
                        "SearchIndex",
                        "The search index is damaged and is being rebuilt. "
                        "Please try again in a moment.",
                    ),
                )

    def _run(
        self, plan: Plan, collection: str | None, limit: int
    ) -> tuple[list[tuple[int, float]], int, int]:
        """(docnum, score) of matching sections, best first; the total; and how many had
        every word.

        Sections with all the words come first; then, while places are left, sections with
        all but one of them (three words or more), then, when little was found, sections
        with any of them. Each level ranks below the one before.
        """
        assert self._searcher is not None
        searcher = self._searcher
        filt = WTerm("collection", fold(collection)) if collection else None
        units = plan.units
        q: Query = And(units) if len(units) > 1 else units[0]
        hits, total = self._top_and_count(plan.scored(q), min(limit * 2, 300), filt, plan)
        n_all = len(hits)
        levels: list[Query] = []
        if 3 <= len(units) <= 6:
            levels.append(Or([And(units[:i] + units[i + 1 :]) for i in range(len(units))]))
        if len(units) > 1:
            levels.append(Or(units))
        seen = {d for d, _ in hits}
        for n, level in enumerate(levels):
            # Whether a level is used depends on how much the levels before it found, not
            # on how many results were asked for: the window and `offline-reader search`
            # (other limits) count the same sections.
            if total >= ENOUGH_SECTIONS or (n == len(levels) - 1 and len(levels) > 1 and total):
                break
            total = self._count(level, filt, plan.excluded)  # a level holds the one before
            if len(hits) >= limit:
                continue
            # only the places left to fill: a small limit lets Whoosh skip weak blocks
            more = searcher.search(
                plan.scored(level),
                limit=limit - len(hits) + len(seen),
                filter=filt,
                mask=plan.excluded,
            )
            top = max((float(h.score) for h in more), default=1.0)
            floor = min((s for _, s in hits), default=top)
            scale = 0.5 * floor / max(top, 1e-9)
            for h in more:
                if h.docnum not in seen:
                    seen.add(h.docnum)
                    hits.append((h.docnum, float(h.score) * scale))
        return hits, total, n_all

    def _top_and_count(
        self, q: Query, limit: int, filt: Query | None, plan: Plan
    ) -> tuple[list[tuple[int, float]], int]:
        """The best ``limit`` sections matching ``q`` and how many match, in one pass.

        Most searches find far more sections than they show; Whoosh's skipping of weak
        blocks then skips little and leaves the count to a second pass over the postings.
        Scoring every match while counting it is cheaper, and the best ones are the true
        best (the skipping could pass over a strong phrase match)."""
        assert self._searcher is not None
        results = self._searcher.search(q, limit=None, filter=filt, mask=plan.excluded)
        top = [(int(docnum), float(score)) for score, docnum in results.top_n[:limit]]
        return top, len(results)

    def _count(self, q: Query, filt: Query | None, mask: Query | None) -> int:
        """How many sections match ``q``: every one counted, none scored."""
        assert self._searcher is not None
        return len(self._searcher.search(q, limit=None, scored=False, filter=filt, mask=mask))

    def _group(
        self, hits: list[tuple[int, float]], plan: Plan, limit: int
    ) -> tuple[SearchHit, ...]:
        assert self._searcher is not None
        searcher = self._searcher
        column = self._article_column()
        hits = self._language_first(hits, plan.language)
        order: list[str] = []
        by_article: dict[str, list[tuple[int, float]]] = {}
        for docnum, score in hits:
            article_id = str(column[docnum])
            if article_id not in by_article:
                order.append(article_id)
                by_article[article_id] = []
            if len(by_article[article_id]) < MAX_SECTIONS_PER_ARTICLE:
                by_article[article_id].append((docnum, score))
        out: list[SearchHit] = []
        title_words_of: dict[str, tuple[str, ...]] = {}
        for article_id in order:
            for docnum, score in by_article[article_id]:
                if len(out) >= limit:
                    return tuple(out)
                stored = searcher.stored_fields(docnum)
                body = str(stored.get("body", ""))
                snippet, spans, words = make_snippet(body, plan.marks, analysis=plan.analysis)
                heading = untag(str(stored.get("heading", "")))[1]
                if not snippet and heading:
                    snippet, spans, words = make_snippet(
                        heading, plan.marks, analysis=plan.analysis
                    )
                title = untag(str(stored.get("title", "")))[1]
                if title not in title_words_of:
                    title_words_of[title] = make_snippet(title, plan.marks, analysis=plan.analysis)[
                        2
                    ]
                title_words = title_words_of[title]
                out.append(
                    SearchHit(
                        article_id=article_id,
                        article_title=title,
                        collection=str(stored.get("collection_name", "")),
                        section_anchor=str(stored.get("anchor", "")),
                        section_heading=heading,
                        score=round(score, 4),
                        snippet=snippet,
                        highlights=spans,
                        terms=tuple(dict.fromkeys((*words, *title_words))),
                    )
                )
        return tuple(out)

    def _article_column(self) -> Any:
        searcher = self._searcher
        if self._column is None or self._column[0] is not searcher:
            self._column = (searcher, searcher.reader().column_reader("article"))
        return self._column[1]

    # -- languages (see reader.core.language) ---------------------------------------------

    def languages(self) -> tuple[str, ...]:
        """The languages of the indexed articles (as indexed: ``es``, ``en``)."""
        searcher = self._searcher
        if searcher is None:
            return ()
        if self._languages is None or self._languages[0] is not searcher:
            codes = tuple(str(c) for c in searcher.reader().field_terms("language"))
            self._languages = (searcher, codes)
        return self._languages[1]

    def _query_language(self, parsed: ParsedQuery, prefer: str | None) -> str:
        """The language a query is analysed in: the one its words belong to, among the
        index's languages and the interface languages (a Spanish query — "dolor de cabeza",
        "¿qué es?" — is Spanish on an English-only library too: its stop words and letters
        say so, and its words are not the library's)."""
        codes = self.languages()
        if self._searcher is None:
            return codes[0] if codes else DEFAULT_LANGUAGE
        reader = self._searcher.reader()

        def known(code: str, word: str) -> float:
            if code not in codes:
                return 0.0  # the library has no article in that language
            if ("spell_content", spell_word(code, word)) in reader:
                return 1.0  # the word as written is in that language's articles
            terms = LANGUAGES.analysis(code).analyse(word)
            return 0.5 if terms and reader.doc_frequency("content", terms[0]) else 0.0

        words = [w for text in (*parsed.words, *parsed.phrases) for w in raw_words(text)]
        candidates = list(codes)
        # A language without articles here is a candidate only for a query with words the
        # library does not know ("mi" is an English library's abbreviation, not Spanish "my").
        if any(not any(known(c, fold_word(w)) for c in codes) for w in words if fold_word(w)):
            for code in (LANGUAGES.key(prefer), *(c for c, _ in INTERFACE_LANGUAGES)):
                if code not in candidates and LANGUAGES.support(code).stemmed:
                    candidates.append(code)
        if len(candidates) < 2:
            return candidates[0] if candidates else DEFAULT_LANGUAGE
        return LANGUAGES.guess(words, candidates, known, prefer)

    def _absent_language(self, plan: Plan, prefer: str | None) -> str | None:
        """The language of a query that the library has no article in, else None: the
        query's own, or the interface's when the query has words the library does not
        know at all (a Spanish reader's "leche materna" on an English library is Spanish,
        not a misspelling of English words)."""
        codes = self.languages()
        if not codes or plan.language not in codes:
            return plan.language if codes else None
        interface = LANGUAGES.key(prefer) if primary_code(prefer) else None
        if interface is None or interface in codes or not LANGUAGES.support(interface).stemmed:
            return None
        assert self._searcher is not None
        reader = self._searcher.reader()
        unknown = [
            term
            for _, term in plan.word_terms
            if term.isalpha() and len(term) >= 3 and not reader.doc_frequency("content", term)
        ]
        return interface if unknown else None

    def _absent_message(self, absent: str, query: str, found: bool) -> str:
        """What to say when there are no articles in the query's language: plainly, with
        the library's language named when it has one, and whether these results are in it."""
        shown = " ".join(query.split())[:80]
        wanted = _language_name(absent)
        others = [c for c in self.languages() if c != absent]
        if len(others) == 1:
            library = _language_name(others[0])
            if found:
                return QT_TRANSLATE_NOOP(
                    "SearchIndex",
                    "There are no articles in {language} about “{query}”. These articles in "
                    "{library_language} match some of its words.",
                ).format(language=wanted, query=shown, library_language=library)
            return QT_TRANSLATE_NOOP(
                "SearchIndex",
                "There are no articles in {language} about “{query}”, and none in "
                "{library_language} match. Try the words in {library_language}.",
            ).format(language=wanted, query=shown, library_language=library)
        if found:
            return QT_TRANSLATE_NOOP(
                "SearchIndex",
                "There are no articles in {language} about “{query}”. These articles in "
                "other languages match some of its words.",
            ).format(language=wanted, query=shown)
        return QT_TRANSLATE_NOOP(
            "SearchIndex",
            "There are no articles in {language} about “{query}”, and none in the "
            "library's other languages match.",
        ).format(language=wanted, query=shown)

    def _language_first(self, hits: list[tuple[int, float]], code: str) -> list[tuple[int, float]]:
        """Sections of articles in the query's language first, each part in its order."""
        if len(self.languages()) < 2:
            return hits
        assert self._searcher is not None
        column = self._searcher.reader().column_reader("language")
        same = [h for h in hits if column[h[0]] == code]
        return same + [h for h in hits if column[h[0]] != code]

    def _correct(self, plan: Plan, parsed: ParsedQuery) -> str | None:
        """The query with unknown or rare words replaced by the library's closest words."""
        assert self._searcher is not None
        reader = self._searcher.reader()
        joined = " ".join(parsed.words)
        pieces: list[str] = []
        last = 0
        changed = False
        for (raw, term), (start, end) in zip(plan.word_terms, plan.word_spans, strict=True):
            if not term.isalpha() or len(term) < 3:
                continue
            if reader.doc_frequency("content", term):
                continue
            word = plan.analysis.analyse(raw, stemming=False)
            best = self._closest(word[0], plan) if word else None
            if best:
                pieces.append(joined[last:start])
                pieces.append(best)
                last = end
                changed = True
        if not changed:
            return None
        pieces.append(joined[last:])
        return parsed.text(["".join(pieces)])

    def _closest(self, word: str, plan: Plan) -> str | None:
        """The library's closest word to ``word`` in the query's language."""
        assert self._searcher is not None
        reader = self._searcher.reader()
        tagged = spell_word(plan.language, word)
        tag = len(tagged) - len(word)
        for maxdist in (1, 2):
            if maxdist == 2 and len(word) < 5:
                break
            # a shared first letter (two for long words) keeps the automaton walk short
            prefix = tag + (2 if len(word) >= 6 else 1)
            candidates = [
                c[tag:]
                for c in reader.terms_within("spell_content", tagged, maxdist, prefix=prefix)
                if c != tagged and (tag or ":" not in c)
            ]
            if candidates:
                stem = plan.analysis.stem
                best: str = max(
                    candidates,
                    key=lambda c: (reader.doc_frequency("content", stem(c)), c),
                )
                return best
        return None

    def _search(
        self, query: str, collection: str | None, limit: int, prefer: str | None = None
    ) -> SearchResults:
        parsed = parse_query(query)
        code = self._query_language(parsed, prefer)
        plan = make_plan(parsed, self.synonyms, code)
        absent = self._absent_language(plan, prefer) if plan.units else None
        if absent is not None and absent != code:  # analysed as the reader's language
            code = absent
            plan = make_plan(parsed, self.synonyms, code)
        if not plan.units:
            hint = QT_TRANSLATE_NOOP("SearchIndex", "Type a word or two to search for.")
            if parsed.excluded:
                hint = QT_TRANSLATE_NOOP(
                    "SearchIndex", "Add a word to look for as well as the words to leave out."
                )
            words = (*parsed.words, *parsed.phrases)
            if any(plan.analysis.analyse(w, stops=False) for w in words):
                hint = QT_TRANSLATE_NOOP(
                    "SearchIndex",
                    "Those words are too common to search for; try a more specific word.",
                )
            return SearchResults(query, (), 0, message=hint)
        hits, total, n_all = self._run(plan, collection, limit)
        did_you_mean: str | None = None
        broader: str | None = None
        message: str | None = None
        if absent is not None:
            # no did-you-mean from another language's words ("leche" is not "leave")
            if not hits:
                total = 0
            return SearchResults(
                query=query,
                hits=self._group(hits, plan, limit),
                total=total,
                message=self._absent_message(absent, query, bool(hits)),
            )
        if n_all < FEW_HITS:
            did_you_mean = self._correct(plan, parsed)
            if not n_all and did_you_mean:
                plan2 = make_plan(parse_query(did_you_mean), self.synonyms, code)
                if plan2.units:
                    hits2, total2, n_all2 = self._run(plan2, collection, limit)
                    if n_all2 or (hits2 and not hits):
                        hits, total, n_all, plan = hits2, total2, n_all2, plan2
                        shown = " ".join(query.split())[:80]
                        message = QT_TRANSLATE_NOOP(
                            "SearchIndex",
                            "Nothing found for “{query}”; showing results for “{suggestion}”.",
                        ).format(query=shown, suggestion=did_you_mean)
        if not hits:
            total = 0  # whatever Whoosh estimated (it counts deleted sections too)
            broader, message = self._broader(parsed, collection, limit, code)
        elif not n_all and message is None:
            message = QT_TRANSLATE_NOOP(
                "SearchIndex",
                "No section has all of these words; showing sections with some of them.",
            )
        grouped = self._group(hits, plan, limit)
        return SearchResults(
            query=query,
            hits=grouped,
            total=total,
            did_you_mean=did_you_mean,
            broader=broader,
            message=message,
        )

    def _broader(
        self, parsed: ParsedQuery, collection: str | None, limit: int, code: str
    ) -> tuple[str | None, str]:
        """A next step when nothing was found: fewer constraints, or another collection."""
        loose = ParsedQuery(words=parsed.words + [w for p in parsed.phrases for w in p.split()])
        candidates: list[str] = []
        if parsed.phrases or parsed.excluded:
            candidates.append(loose.text())
        if len(loose.words) > 1:
            candidates.append(" ".join(loose.words[:-1]))
        for text in candidates:
            plan = make_plan(parse_query(text), self.synonyms, code)
            if plan.units and self._run(plan, collection, 1)[0]:
                return text, QT_TRANSLATE_NOOP(
                    "SearchIndex", "Nothing matched exactly. Try the broader search “{query}”."
                ).format(query=text)
        if collection:
            plan = make_plan(parsed, self.synonyms, code)
            if plan.units and self._run(plan, None, 1)[0]:
                return (
                    parsed.text(),
                    QT_TRANSLATE_NOOP(
                        "SearchIndex",
                        "Nothing in “{collection}”; there are results in other collections.",
                    ).format(collection=collection),
                )
        return None, QT_TRANSLATE_NOOP(
            "SearchIndex",
            "No articles match. Check the spelling, use fewer words, or try a more "
            "general word (for example “vitamin” instead of a brand name).",
        )

    def suggest(self, prefix: str, limit: int = 8) -> tuple[Suggestion, ...]:
        """Titles and headings that start with, or have a word starting with, ``prefix``."""
        suggestions = self._suggestion_list()
        try:
            return suggestions.suggest(prefix if isinstance(prefix, str) else "", limit)
        except (ValueError, TypeError):  # pragma: no cover - defensive: never fail typing
            return ()

    def _suggestion_list(self) -> SuggestionList:
        suggestions = self._suggestions
        if suggestions is not None:
            return suggestions
        with self._suggestions_lock:
            if self._suggestions is not None:
                return self._suggestions
            manifest = self._manifest
            suggestions = SuggestionList(manifest.articles)
            if manifest is self._manifest:
                self._suggestions = suggestions
            return suggestions

    def warm(self) -> None:
        """Build now, on the caller's thread, what the first suggestion would otherwise
        build on its own (the list of titles and headings)."""
        self._suggestion_list()

    def _prepare_suggestions(self) -> None:
        """Build the suggestion list in the background, so the first keystroke is quick."""
        threading.Thread(target=self._suggestion_list, name="suggestions", daemon=True).start()

    # -- helpers for other panes -----------------------------------------------------------

    def mark(
        self, text: str, query: str, language: str | None = None
    ) -> tuple[tuple[int, int], ...]:
        """Spans in ``text`` (e.g. an opened section) of the words ``query`` matches, with
        its spellings and synonyms: what to mark when an article opens from a result
        (``language``: the interface's, as for :meth:`search`)."""
        parsed = parse_query(query)
        with self._lock:
            code = self._query_language(parsed, language)
        plan = make_plan(parsed, self.synonyms, code)
        if not len(plan.marks):
            return ()
        return tuple((s, e) for s, e, _ in plan.marks.find(plan.analysis.spans(text)))

    def stats(self) -> dict[str, int]:
        """Articles and section documents in the index, for the status bar and the CLI."""
        return {"articles": len(self._manifest.articles), "sections": self._manifest.docs}

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: Names of the interface languages, for the sentences that say a language.
_LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("LanguageName", "English"),
    "es": QT_TRANSLATE_NOOP("LanguageName", "Spanish"),
}


def _language_name(code: str) -> str:
    """A language's name for a sentence ("Spanish"; in Spanish, "español"), else its code."""
    return _LANGUAGE_NAMES.get(code, code)
