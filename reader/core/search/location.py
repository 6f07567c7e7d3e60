"""Where a library's search index lives, and whether it may be written: decided here only.

An index lives in one of four places (:class:`Place`):

- **prebuilt**, beside the library (``<library>/.index``, made with ``offline-reader index
  --out <library>/.index``): used when its manifest is of this version and this library.
  On read-only media it is read as it is; when it is older than the library there, the
  index is brought up to date in the user cache instead.
- **chosen**: a folder the person named (``index --out``), or where the indexing process
  said it wrote the index. Written there, or not at all.
- **cache**: the user's cache, one folder per library.
- **temporary**: nothing else can be written, so a temporary folder for this run, with a
  notice to show the person; the index deletes it when it is closed.

The decision is made before an index is opened, never in the middle of an update:
:meth:`SearchIndex.open <reader.core.search.index.SearchIndex.open>` takes an
:class:`IndexLocation` and keeps to it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reader.core.errors import SearchError
from reader.core.library import Library
from reader.core.paths import user_cache_dir
from reader.core.search.analysis import DIRTY_NAME, MANIFEST_NAME, PREBUILT_DIR_NAME
from reader.core.search.manifest import Manifest, library_key
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason

log = logging.getLogger(__name__)


class Place(StrEnum):
    """The kinds of place an index lives in (see the module's docstring)."""

    PREBUILT = "prebuilt"
    CHOSEN = "chosen"
    CACHE = "cache"
    TEMPORARY = "temporary"


@dataclass(frozen=True, slots=True)
class IndexLocation:
    """One place for an index: its folder, whether the index may be written there, and
    what to tell the person about it."""

    folder: Path
    place: Place
    writable: bool
    notice: str | None = None

    @property
    def temporary(self) -> bool:
        """The folder is for this run only: the index deletes it when closed."""
        return self.place is Place.TEMPORARY


def prebuilt_folder(root: Path) -> Path:
    """Where a prebuilt index of the library at ``root`` is looked for."""
    return Path(root) / PREBUILT_DIR_NAME


def default_index_dir(root: Path) -> Path:
    """Where the index of the library at ``root`` lives in the user cache."""
    digest = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return user_cache_dir() / "index" / digest


def can_write(folder: Path) -> bool:
    """Whether an index may be written in ``folder``: it is a folder this process may
    write in, or it is missing and its nearest existing parent is one. Makes nothing."""
    folder = Path(folder)
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    if probe != folder and not probe.is_dir():
        return False
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)


def chosen(folder: Path) -> IndexLocation:
    """A folder named by the person (``index --out``): the index is written there or not
    at all."""
    return IndexLocation(Path(folder), Place.CHOSEN, can_write(folder))


def reported(folder: Path, *, temporary: bool, notice: str | None) -> IndexLocation:
    """Where the indexing process said it wrote the index, with what it said about it: a
    temporary folder is deleted when the index that reads it is closed."""
    place = Place.TEMPORARY if temporary else Place.CHOSEN
    return IndexLocation(Path(folder), place, can_write(folder), notice or None)


def cache(root: Path) -> IndexLocation:
    """The library's folder in the user cache."""
    folder = default_index_dir(root)
    return IndexLocation(folder, Place.CACHE, can_write(folder))


def temporary(*, prefix: str = "offline-reader-index-", tell: bool = True) -> IndexLocation:
    """A new temporary folder, for when nothing else can be written; ``tell``: with the
    notice that says so. Raises SearchError when not even that can be made."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=prefix))
    except OSError as exc:
        problem = QT_TRANSLATE_NOOP(
            "SearchError", "no folder can be written for the search index ({reason})"
        )
        raise SearchError(problem.format(reason=os_reason(exc))) from None
    notice = None
    if tell:
        notice = QT_TRANSLATE_NOOP(
            "SearchIndex",
            "Nothing here can be written, so the search index is kept in the "
            "temporary folder {folder} and rebuilt at each start.",
        ).format(folder=folder)
        log.warning("%s", notice)
    return IndexLocation(folder, Place.TEMPORARY, True, notice)


def _prebuilt_manifest(library: Library, *, head_only: bool) -> Manifest | None:
    """The manifest of the index beside ``library`` when it is one this reader can use
    (this version, this library, its last update finished), else None; ``head_only``:
    without its articles (see :meth:`Manifest.read`)."""
    folder = prebuilt_folder(library.root)
    path = folder / MANIFEST_NAME
    if not path.is_file() or (folder / DIRTY_NAME).exists():
        return None
    try:
        manifest = Manifest.read(path, head_only=head_only)
    except (OSError, ValueError, TypeError, json.JSONDecodeError):
        return None
    if manifest.unusable(library_key(library.root, folder)) is not None:
        return None
    return manifest


def is_current(manifest: Manifest, library: Library) -> bool:
    """The index of ``manifest`` has every article of ``library`` as it is now."""
    added, changed, removed, _ = manifest.diff(library.summaries)
    return not (added or changed or removed)


def _elsewhere(library: Library) -> IndexLocation:
    """Where the index lives when not beside the library: the user cache if it can be
    written, else a temporary folder."""
    place = cache(library.root)
    return place if place.writable else temporary()


def for_reading(library: Library) -> IndexLocation:
    """The index to search now: a prebuilt one beside the library (even one older than
    the library: it serves while a newer one is built, see :func:`for_writing`), else the
    one in the user cache. Makes nothing."""
    folder = prebuilt_folder(library.root)
    if (folder / MANIFEST_NAME).is_file():
        return IndexLocation(folder, Place.PREBUILT, can_write(folder))
    return cache(library.root)


def for_writing(library: Library, folder: Path | None = None) -> IndexLocation:
    """Where the index of ``library`` is kept up to date: ``folder`` when one is named;
    else the prebuilt index beside the library when it can be written, or is current
    where it cannot (read-only media); else the user cache; else a temporary folder."""
    if folder is not None:
        return chosen(folder)
    beside = prebuilt_folder(library.root)
    if (beside / MANIFEST_NAME).is_file():
        writable = can_write(beside)
        manifest = _prebuilt_manifest(library, head_only=writable)  # articles: only to compare
        if manifest is not None and (writable or is_current(manifest, library)):
            return IndexLocation(beside, Place.PREBUILT, writable)
        if manifest is not None:
            log.info("the prebuilt index %s is older than the library: kept elsewhere", beside)
    return _elsewhere(library)


def instead_of(where: IndexLocation, library: Library) -> IndexLocation | None:
    """Where the index goes when the one at ``where`` cannot be used (damaged, foreign,
    of another version), or None: it is cleared and rebuilt where it is. A prebuilt index
    is left as it is, for whoever made it, and the index kept where it would be without
    one."""
    if where.place is Place.PREBUILT:
        return _elsewhere(library)
    return None


def for_kiosk(library: Library) -> IndexLocation:
    """The kiosk's index: the prebuilt one beside the library, read as it is and never
    written (nor cleared, nor rebuilt); else a private temporary folder that nobody else
    uses, built in for this session of the kiosk (never the user's cache)."""
    beside = prebuilt_folder(library.root)
    if (beside / MANIFEST_NAME).is_file():
        return IndexLocation(beside, Place.PREBUILT, writable=False)
    return temporary(prefix="offline-reader-kiosk-", tell=False)
