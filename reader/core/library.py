"""The library on disk: ``<root>/<collection folder>/<article>.md``.

Scanning reads only each file's front matter, so the library pane can list
thousands of articles without parsing their bodies. A file that cannot be read is
reported by name (and line) and the rest of the library still loads.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.article import (
    cannot_be_read,
    content_hash,
    decode_article_bytes,
    load_front_matter,
    meta_from_front_matter,
    parse_article,
    read_article_bytes,
)
from reader.core.article_cache import ArticleCache, cache_folder, prebuilt_folder
from reader.core.errors import ArticleError, LibraryError
from reader.core.fsutil import (
    UnsafeFileError,
    atomic_write_text,
    file_kind,
    open_regular,
    read_bounded,
)
from reader.core.model import Article, ArticleSummary, Problem
from reader.core.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Collection:
    name: str
    articles: tuple[ArticleSummary, ...]


def list_article_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every ``*.md`` below ``root`` that is a regular file inside the library, in a
    stable order (hidden folders skipped, linked folders not followed), and a problem for
    each ``*.md`` entry that is not one: a link that loops, dangles or leads outside the
    library, a named pipe, a device. (``os.scandir``: a library of 50,000 files lists in a
    fraction of the time ``Path.rglob`` takes.)"""
    root_resolved = os.path.realpath(root)
    found: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
    problems: list[Problem] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(str(root), ())]
    while stack:
        folder, parts = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            log.warning("skipping %s: %s", folder, exc.strerror or exc)
            if parts:
                problems.append(Problem(Path(folder), f"folder not read: {exc.strerror or exc}"))
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                stack.append((entry.path, (*parts, name)))
            elif name.endswith(".md"):
                found.append(((*parts, name), entry))
    found.sort(key=lambda item: "\0".join(item[0]))  # a string compares faster than a tuple
    paths: list[Path] = []
    for _, entry in found:
        path = Path(entry.path)
        reason = _unusable_entry(entry, root_resolved)
        if reason is None:
            paths.append(path)
        else:
            log.warning("skipping %s: %s", path, reason)
            problems.append(Problem(path, f"skipped: {reason}"))
    return paths, problems


def _unusable_entry(entry: os.DirEntry[str], root_resolved: str) -> str | None:
    """Why a listed ``*.md`` entry cannot be an article, or None when it can."""
    try:
        if entry.is_symlink():
            try:
                target = Path(entry.path).stat()  # follows; a loop or a dangling link raises
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    return QT_TRANSLATE_NOOP("LibraryError", "a link that leads round in a loop")
                return QT_TRANSLATE_NOOP(
                    "LibraryError", "a link to nothing (its target is missing)"
                )
            real = os.path.realpath(entry.path)
            if os.path.commonpath([real, root_resolved]) != root_resolved:
                return QT_TRANSLATE_NOOP("LibraryError", "a link that leads outside the library")
            mode = target.st_mode
        elif entry.is_file(follow_symlinks=False):  # the listing says so: no system call
            return None
        else:
            mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as exc:
        return cannot_be_read(exc)
    except ValueError as exc:
        return QT_TRANSLATE_NOOP("ArticleError", "cannot be read: {reason}").format(reason=exc)
    if not stat.S_ISREG(mode):
        return QT_TRANSLATE_NOOP("FileError", "it is {kind}, not a regular file").format(
            kind=file_kind(mode)
        )
    return None


def iter_article_files(root: Path) -> Iterator[Path]:
    """The article files of :func:`list_article_files` (without its problems)."""
    yield from list_article_files(root)[0]


def summarise(path: Path, within: Path | None = None) -> ArticleSummary:
    """Read one file's front matter; raise :class:`ArticleError` when it is unusable.
    ``within``: the library folder the file must be in when it is read."""
    data = read_article_bytes(path, within)
    text = decode_article_bytes(data, path)
    fields, _ = load_front_matter(text, path)
    meta = meta_from_front_matter(fields, path)
    return ArticleSummary(
        id=meta.id,
        title=meta.title,
        collection=meta.collection,
        path=path,
        authors=meta.authors,
        journal=meta.journal,
        published=meta.published,
        content_hash=content_hash(data),
    )


def _valid_entry(entry: Any) -> bool:
    """A scan cache entry: [size, mtime, None, problem, line] or [size, mtime, id, title,
    collection, [authors], journal, published, content hash]."""
    if not isinstance(entry, list) or len(entry) not in (5, 9):
        return False
    if entry[2] is None:
        return len(entry) == 5 and isinstance(entry[3], str) and isinstance(entry[4], int | None)
    return (
        len(entry) == 9
        and all(isinstance(entry[i], str) for i in (2, 3, 4, 8))
        and isinstance(entry[5], list)
        and all(isinstance(a, str) for a in entry[5])
        and all(isinstance(entry[i], str | None) for i in (6, 7))
    )


#: A scan cache of 50,000 articles is some 25 MB; a larger file is not read.
MAX_SCAN_CACHE_BYTES = 256 * 1024 * 1024


class ScanCache:
    """What :func:`summarise` found in each file of one library, by relative path, size
    and modification time; stored as JSON in ``cache_dir``, written atomically. An
    unreadable or foreign cache is ignored; one that cannot be written is not kept."""

    VERSION = 1

    def __init__(self, cache_dir: Path, root: Path) -> None:
        self.root = root
        self._prefix = str(root).rstrip(os.sep) + os.sep
        self.path = self.path_for(cache_dir, root)
        self._old: dict[str, list[Any]] = {}
        self._new: dict[str, list[Any]] = {}
        self.notice: str | None = None  # set when a cache was there but could not be used
        try:
            raw = read_bounded(self.path, MAX_SCAN_CACHE_BYTES)
        except FileNotFoundError:
            return
        except OSError as exc:
            self._unusable(str(exc) if isinstance(exc, UnsafeFileError) else exc.strerror)
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("version") == self.VERSION and data.get("root") == str(root.resolve()):
                self._old = dict(data["files"])
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, MemoryError):
            self._unusable("it is damaged")

    def _unusable(self, why: str | None) -> None:
        self.notice = (
            f"The saved list of the library ({self.path}) could not be used ({why}); "
            "the library was listed afresh."
        )
        log.warning("%s", self.notice)

    @staticmethod
    def path_for(cache_dir: Path, root: Path) -> Path:
        key = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
        return Path(cache_dir) / "scan" / f"{key}.json"

    def summarise(self, path: Path) -> ArticleSummary:
        text = str(path)
        rel = text[len(self._prefix) :] if text.startswith(self._prefix) else text
        try:
            st = path.stat()
        except OSError as exc:
            raise ArticleError(path, cannot_be_read(exc)) from None
        entry: list[Any] = self._old.get(rel) or []
        if not (_valid_entry(entry) and entry[0] == st.st_size and entry[1] == st.st_mtime_ns):
            try:
                s = summarise(path, self.root)
            except ArticleError as exc:
                entry = [st.st_size, st.st_mtime_ns, None, exc.detail, exc.line]
                self._new[rel] = entry
                raise
            entry = [st.st_size, st.st_mtime_ns, s.id, s.title, s.collection, list(s.authors)]
            entry += [s.journal, s.published, s.content_hash]
        self._new[rel] = entry
        if entry[2] is None:
            raise ArticleError(path, str(entry[3]), entry[4])
        _, _, aid, title, collection, authors, journal, published, digest = entry
        return ArticleSummary(
            id=aid,
            title=title,
            collection=collection,
            path=path,
            authors=tuple(authors),
            journal=journal,
            published=published,
            content_hash=digest,
        )

    def save(self) -> None:
        if self._new == self._old:
            return
        head = json.dumps({"version": self.VERSION, "root": str(self.root.resolve())})
        # one entry at a time: no single call holds the interpreter (a window may be waiting)
        files = ",".join(
            json.dumps(rel, ensure_ascii=False) + ":" + json.dumps(entry, ensure_ascii=False)
            for rel, entry in self._new.items()
        )
        try:
            atomic_write_text(self.path, head[:-1] + ',"files":{' + files + "}}")
        except OSError as exc:
            log.info("the library scan cache %s cannot be written: %s", self.path, exc)


#: The file at a library's root that orders its collections, one name a line.
COLLECTION_ORDER_NAME = "collections.txt"


def collection_order(root: Path) -> dict[str, int]:
    """Collection name -> its place, from ``<root>/collections.txt`` (``#`` comments);
    empty when the library has none or it cannot be read."""
    try:
        with open_regular(Path(root) / COLLECTION_ORDER_NAME) as handle:  # never a pipe
            data = handle.read(64 * 1024)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return {name: n for n, name in enumerate(dict.fromkeys(_order_lines(text)))}


#: In ``collections.txt``, the collections after this line are secondary: listed last and
#: left out of browsing by topic (research papers beside plain-language topics).
SECONDARY_MARK = "[secondary]"


def _order_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#") and ln != SECONDARY_MARK]


def secondary_collections(root: Path) -> frozenset[str]:
    """The collections ``<root>/collections.txt`` lists after ``[secondary]``."""
    try:
        with open_regular(Path(root) / COLLECTION_ORDER_NAME) as handle:
            text = handle.read(64 * 1024).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    lines = [ln.strip() for ln in text.splitlines()]
    if SECONDARY_MARK not in lines:
        return frozenset()
    return frozenset(_order_lines("\n".join(lines[lines.index(SECONDARY_MARK) + 1 :])))


class Library:
    """The articles under one root folder, listed from their front matter."""

    def __init__(
        self,
        root: Path,
        summaries: tuple[ArticleSummary, ...],
        problems: tuple[Problem, ...],
        notices: tuple[str, ...] = (),
        parsed: ArticleCache | None = None,
    ) -> None:
        self.root = root
        self.summaries = summaries
        self.problems = problems
        #: Things to tell the person that are not about one article (a cache made anew).
        self.notices = notices
        #: Where parsed articles are kept (:meth:`load` reads them there before parsing).
        self.parsed = parsed
        self._by_id = {s.id: s for s in summaries}

    @classmethod
    def scan(
        cls,
        root: Path,
        cache_dir: Path | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Library:
        """List the library. With ``cache_dir``, what was read of each file is kept there
        (keyed by path, size and modification time) and reused while the file is unchanged:
        a large library then lists in a fraction of the time; so are the articles once
        parsed (:mod:`reader.core.article_cache`). Articles prebuilt beside the library are
        read with or without it. ``progress(done, total)`` is told every few hundred
        files."""
        root = Path(root)
        if not root.is_dir():
            raise LibraryError(
                QT_TRANSLATE_NOOP(
                    "LibraryError", "the library folder {root} does not exist or is not a folder"
                ).format(root=root)
            )
        cache = ScanCache(cache_dir, root) if cache_dir is not None else None
        summaries: list[ArticleSummary] = []
        paths, problems = list_article_files(root)
        seen: dict[str, Path] = {}
        for n, path in enumerate(paths):
            if progress is not None and n % 250 == 0:
                progress(n, len(paths))
            try:
                summary = cache.summarise(path) if cache is not None else summarise(path, root)
            except ArticleError as exc:
                problems.append(Problem(path, exc.detail, exc.line))
                log.warning("%s", exc)
                continue
            if summary.id in seen:
                problems.append(
                    Problem(
                        path, f"duplicate id {summary.id!r}: already used by {seen[summary.id]}"
                    )
                )
                continue
            seen[summary.id] = path
            summaries.append(summary)
        # one string per article (sorts as the pair would, in far less time)
        summaries.sort(key=lambda s: f"{s.collection.casefold()}\0{s.title.casefold()}")
        if cache is not None:
            cache.save()
        if progress is not None:
            progress(len(paths), len(paths))
        notices = (cache.notice,) if cache is not None and cache.notice else ()
        parsed = article_cache(root, cache_dir)
        parsed.keep_only(s.content_hash for s in summaries)  # what no article has now goes
        return cls(root, tuple(summaries), tuple(problems), notices, parsed)

    @staticmethod
    def is_cached(root: Path, cache_dir: Path) -> bool:
        """True when ``cache_dir`` holds a scan of the library at ``root`` (a start after
        the first lists it quickly)."""
        try:
            return ScanCache.path_for(cache_dir, Path(root)).is_file()
        except OSError:
            return False

    def __len__(self) -> int:
        return len(self.summaries)

    def collections(self) -> tuple[Collection, ...]:
        """The collections, in the order ``<root>/collections.txt`` names them (the others
        after, alphabetically)."""
        groups: dict[str, list[ArticleSummary]] = {}
        for s in self.summaries:
            groups.setdefault(s.collection, []).append(s)
        rank = collection_order(self.root)
        names = sorted(groups, key=lambda n: (rank.get(n, len(rank)), n.casefold()))
        return tuple(Collection(name, tuple(groups[name])) for name in names)

    def summary(self, article_id: str) -> ArticleSummary | None:
        return self._by_id.get(article_id)

    def find(self, path_or_id: str) -> ArticleSummary | None:
        """An article by id, or by the path of its file (relative or absolute)."""
        if path_or_id in self._by_id:
            return self._by_id[path_or_id]
        try:
            wanted = os.path.realpath(path_or_id)  # never raises on a link loop
        except (OSError, ValueError):
            return None
        return next((s for s in self.summaries if os.path.realpath(s.path) == wanted), None)

    def load(self, article_id: str) -> Article:
        """Read and parse an article, as its file is now (bounded, inside the library).
        An article parsed before from the same bytes is read back instead of parsed."""
        summary = self._by_id.get(article_id)
        if summary is None:
            raise LibraryError(
                QT_TRANSLATE_NOOP(
                    "LibraryError", "there is no article with id {id} in {root}"
                ).format(id=repr(article_id), root=self.root)
            )
        path = Path(summary.path)
        data = read_article_bytes(path, self.root)
        digest = content_hash(data)
        if self.parsed is not None:
            kept = self.parsed.get(digest, path)
            if kept is not None:
                return kept
        article = parse_article(decode_article_bytes(data, path), path, digest)
        if self.parsed is not None:
            self.parsed.put(article)
        return article


def article_cache(root: Path, cache_dir: Path | None) -> ArticleCache:
    """The parsed articles of the library at ``root``: those prebuilt beside it, then, with
    the user cache folder ``cache_dir``, those kept there (the only place written)."""
    if cache_dir is None:
        return ArticleCache([prebuilt_folder(root)])
    mine = cache_folder(cache_dir, root)
    return ArticleCache([prebuilt_folder(root), mine], write_to=mine)


#: What a person can do about a missing or empty library (the CLI and the window add it).
LIBRARY_NEXT_STEP = QT_TRANSLATE_NOOP(
    "LibraryError",
    "Give a folder of article .md files with --library DIR, or open one in the window "
    "(File > Open library…). From a clone, scripts/bootstrap.sh sets up the bundled library.",
)


def require_library(root: Path) -> None:
    """Raise :class:`LibraryError` with a next step when ``root`` is missing, not a
    folder, or holds no article (``*.md``) at all; cheap (stops at the first article)."""
    root = Path(root)
    if not root.is_dir():
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "LibraryError", "there is no library folder at {root}. {next}"
            ).format(root=root, next=LIBRARY_NEXT_STEP)
        )
    if next(iter_article_files(root), None) is None:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "LibraryError", "the library folder {root} holds no articles. {next}"
            ).format(root=root, next=LIBRARY_NEXT_STEP)
        )
