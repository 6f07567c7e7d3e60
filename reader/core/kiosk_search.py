"""A search held entirely in memory, for a kiosk that must write nothing to disk.

Every article's sections are read once at start-up; a query matches sections that
contain all of its words (accent- and case-folded, whole words or word starts of
four letters and more). Fine for a waiting-room library of a few hundred articles;
a larger deployment ships a prebuilt index instead (see docs/kiosk.md).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.model import SearchHit, SearchResults
from reader.core.text import fold

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
MAX_HITS = 30
SNIPPET_CHARS = 180


@dataclass(frozen=True, slots=True)
class _Entry:
    article_id: str
    article_title: str
    collection: str
    section_anchor: str
    section_heading: str
    text: str
    words: frozenset[str]
    title_words: frozenset[str]


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class MemorySearch:
    """Sections of every article of ``library``, searchable without an index file."""

    def __init__(self, library: Library) -> None:
        entries: list[_Entry] = []
        for summary in library.summaries:
            try:
                article = library.load(summary.id)
            except ReaderError as exc:
                log.warning("not searchable: %s", exc)
                continue
            title_words = frozenset(_words(article.title))
            for section in article.sections:
                text = section.text
                heading = section.heading or article.title
                entries.append(
                    _Entry(
                        article.id,
                        article.title,
                        article.meta.collection,
                        section.anchor,
                        heading,
                        text,
                        frozenset(_words(f"{heading} {text}")),
                        title_words,
                    )
                )
        self._entries = tuple(entries)

    def search(self, query: str) -> SearchResults:
        terms = list(dict.fromkeys(_words(query)))
        if not terms:
            return SearchResults(query, (), 0, message="Type a word to search for.")
        hits: list[SearchHit] = []
        for entry in self._entries:
            score = 0.0
            for term in terms:
                found = self._match(term, entry.words)
                if not found:
                    break
                score += len(found) + (2.0 if found & entry.title_words else 0.0)
            else:
                hits.append(self._hit(entry, terms, score))
        hits.sort(key=lambda h: (-h.score, h.article_title.casefold()))
        message = None if hits else f"Nothing was found for “{query.strip()}”."
        return SearchResults(query, tuple(hits[:MAX_HITS]), len(hits), message=message)

    @staticmethod
    def _match(term: str, words: frozenset[str]) -> frozenset[str]:
        if term in words:
            return frozenset({term})
        if len(term) >= 4:
            return frozenset(w for w in words if w.startswith(term))
        return frozenset()

    @staticmethod
    def _hit(entry: _Entry, terms: list[str], score: float) -> SearchHit:
        folded = fold(entry.text)
        first = min((i for t in terms if (i := folded.find(t)) >= 0), default=0)
        start = max(0, first - SNIPPET_CHARS // 3)
        snippet = entry.text[start : start + SNIPPET_CHARS].strip()
        if start > 0:
            snippet = "…" + snippet
        if start + SNIPPET_CHARS < len(entry.text):
            snippet += "…"
        return SearchHit(
            article_id=entry.article_id,
            article_title=entry.article_title,
            collection=entry.collection,
            section_anchor=entry.section_anchor,
            section_heading=entry.section_heading,
            score=score,
            snippet=snippet,
            terms=tuple(terms),
        )
