"""Bookmarks and the history of recently read articles: plain data, kept in one JSON file
in the user's data folder and written atomically (a power cut or kill -9 while writing
leaves the previous file whole). A damaged or foreign file is set aside, never fatal.

``ReadingStore(path=None)`` keeps everything in memory only. The kiosk never makes one.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.fsutil import atomic_write_text, open_regular
from reader.core.paths import user_data_dir
from reader.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

READING_FILE = "reading.json"
FORMAT_VERSION = 1
MAX_BOOKMARKS = 500
MAX_HISTORY = 50
MAX_NAME = 200
#: The file is read only up to this size (500 bookmarks take about 150 KiB).
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An article, or a place in it: a section, and how far into it (characters of the
    rendered text from the section's heading)."""

    article_id: str
    name: str
    title: str  # the article's title when it was bookmarked
    section_anchor: str | None = None
    position: int | None = None  # characters from the section's start
    created: float = 0.0  # seconds since the epoch

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.article_id, self.section_anchor)


@dataclass(frozen=True, slots=True)
class Visit:
    article_id: str
    title: str
    read_at: float = 0.0


@dataclass(frozen=True, slots=True)
class Reading:
    bookmarks: tuple[Bookmark, ...] = ()
    history: tuple[Visit, ...] = ()  # most recent first
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def with_bookmark(self, bookmark: Bookmark) -> Reading:
        """Add ``bookmark`` (replacing one of the same article and section), newest last."""
        name = " ".join(bookmark.name.split())[:MAX_NAME] or bookmark.title[:MAX_NAME]
        bookmark = replace(bookmark, name=name, created=bookmark.created or time.time())
        kept = [b for b in self.bookmarks if b.key != bookmark.key]
        return replace(self, bookmarks=(*kept, bookmark)[-MAX_BOOKMARKS:])

    def without_bookmark(self, bookmark: Bookmark) -> Reading:
        return replace(self, bookmarks=tuple(b for b in self.bookmarks if b.key != bookmark.key))

    def renamed(self, bookmark: Bookmark, name: str) -> Reading:
        clean = " ".join(name.split())[:MAX_NAME]
        if not clean:
            return self
        return replace(
            self,
            bookmarks=tuple(
                replace(b, name=clean) if b.key == bookmark.key else b for b in self.bookmarks
            ),
        )

    def bookmark_at(self, article_id: str, section_anchor: str | None) -> Bookmark | None:
        return next((b for b in self.bookmarks if b.key == (article_id, section_anchor)), None)

    def with_visit(self, article_id: str, title: str, when: float | None = None) -> Reading:
        """``article_id`` read now: first in the history, once."""
        visit = Visit(article_id, title, time.time() if when is None else when)
        rest = [v for v in self.history if v.article_id != article_id]
        return replace(self, history=(visit, *rest)[:MAX_HISTORY])

    def without_history(self) -> Reading:
        return replace(self, history=())


def _str(value: Any, limit: int) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= limit else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _float(value: Any) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok else 0.0


def reading_from_dict(data: Any) -> Reading:
    """Bookmarks and history from decoded JSON; unusable entries are left out (counted)."""
    if not isinstance(data, dict):
        return Reading(
            warnings=(
                QT_TRANSLATE_NOOP("Bookmarks", "the bookmarks file does not hold a JSON object"),
            )
        )
    bookmarks: list[Bookmark] = []
    history: list[Visit] = []
    dropped = 0
    for raw in data.get("bookmarks", ()) if isinstance(data.get("bookmarks"), list) else ():
        aid = _str(raw.get("article_id"), 256) if isinstance(raw, dict) else None
        name = _str(raw.get("name"), MAX_NAME) if isinstance(raw, dict) else None
        if not isinstance(raw, dict) or aid is None or name is None:
            dropped += 1
            continue
        bookmarks.append(
            Bookmark(
                aid,
                name,
                _str(raw.get("title"), 2000) or aid,
                _str(raw.get("section_anchor"), 256),
                _int(raw.get("position")),
                _float(raw.get("created")),
            )
        )
    for raw in data.get("history", ()) if isinstance(data.get("history"), list) else ():
        aid = _str(raw.get("article_id"), 256) if isinstance(raw, dict) else None
        if not isinstance(raw, dict) or aid is None:
            dropped += 1
            continue
        history.append(Visit(aid, _str(raw.get("title"), 2000) or aid, _float(raw.get("read_at"))))
    left_out = QT_TRANSLATE_NOOP(
        "Bookmarks", "unusable bookmark or history entries were left out ({count})"
    )
    warnings = (left_out.format(count=dropped),) if dropped else ()
    return Reading(tuple(bookmarks[-MAX_BOOKMARKS:]), tuple(history[:MAX_HISTORY]), warnings)


def reading_to_json(reading: Reading) -> str:
    data = {
        "version": FORMAT_VERSION,
        "bookmarks": [asdict(b) for b in reading.bookmarks],
        "history": [asdict(v) for v in reading.history],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


class ReadingStore:
    """Where bookmarks and history live; ``path=None`` keeps them in memory only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    @classmethod
    def for_user(cls) -> ReadingStore:
        return cls(user_data_dir() / READING_FILE)

    def load(self) -> Reading:
        """What was saved (or nothing), with warnings; never raises. A damaged file is
        renamed aside (``reading.json.damaged``) so the next save does not lose it."""
        if self.path is None or not self.path.exists():
            return Reading()
        try:
            with open_regular(self.path) as handle:  # a named pipe cannot hang the start
                raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            log.warning("cannot read %s: %s", self.path, exc)
            unreadable = QT_TRANSLATE_NOOP("Bookmarks", "your bookmarks ({file}) cannot be read")
            return Reading(warnings=(unreadable.format(file=self.path),))
        if len(raw) > MAX_FILE_BYTES:
            return self._set_aside(
                QT_TRANSLATE_NOOP(
                    "Bookmarks", "the bookmarks file is too large; it was kept as {aside}"
                )
            )
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            return self._set_aside(
                QT_TRANSLATE_NOOP(
                    "Bookmarks", "the bookmarks file is damaged; it was kept as {aside}"
                )
            )
        reading = reading_from_dict(data)
        for w in reading.warnings:
            log.warning("%s: %s", self.path, w)
        return reading

    def _set_aside(self, why: str) -> Reading:
        assert self.path is not None
        aside = self.path.with_name(self.path.name + ".damaged")
        try:
            self.path.replace(aside)
        except OSError:
            aside = self.path
        warning = why.format(aside=aside) if isinstance(why, Text) else why
        log.warning("%s: %s", self.path, warning)
        return Reading(warnings=(warning,))

    def save(self, reading: Reading) -> None:
        """Write atomically; raises OSError when the folder cannot be written."""
        if self.path is None:
            return
        atomic_write_text(self.path, reading_to_json(reading))


__all__ = [
    "MAX_HISTORY",
    "Bookmark",
    "Reading",
    "ReadingStore",
    "Visit",
    "reading_from_dict",
    "reading_to_json",
]
