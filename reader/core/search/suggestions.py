"""As-you-type suggestions: a sorted in-memory list of title and heading words, never a
wildcard over the body.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Any

from reader.core.model import (
    Suggestion,
)
from reader.core.search.analysis import ANALYSIS, MAX_QUERY_CHARS
from reader.core.vocabulary import (
    clean_text,
)


def suggestion_keys(title: str, headings: list[list[str]]) -> list[str]:
    """Folded, unstemmed keys of a title and its headings (kept in the manifest)."""
    return [ANALYSIS.fold_key(title), *(ANALYSIS.fold_key(h) for _, h in headings)]


def _buckets(texts: Iterable[str]) -> dict[str, list[str]]:
    """``texts`` by their first letter, each bucket sorted."""
    out: dict[str, list[str]] = {}
    for text in texts:
        if text:
            out.setdefault(text[0], []).append(text)
    for bucket in out.values():
        bucket.sort()
    return out


def _take(found: dict[str, list[int]], bucket: list[str], prefix: str, most: int) -> Iterator[int]:
    """Up to ``most`` entries under the texts of ``bucket`` that start with ``prefix``."""
    n = 0
    for i in range(bisect_left(bucket, prefix), len(bucket)):
        if n >= most or not bucket[i].startswith(prefix):
            return
        for idx in found[bucket[i]][: most - n]:
            n += 1
            yield idx


class SuggestionList:
    """Titles and headings, searchable by the start of any of their words, in memory."""

    def __init__(self, articles: dict[str, list[Any]]) -> None:
        self.entries: list[tuple[str, str, str | None, bool]] = []  # text, id, anchor, is_title
        keys: dict[str, list[int]] = {}  # folded title or heading -> entries
        words: dict[str, list[int]] = {}  # a word of one -> entries
        self.entry_words: list[tuple[str, ...]] = []
        for article_id, row in articles.items():
            title = str(row[1]) if len(row) > 1 else ""
            items: list[tuple[str, str | None, bool]] = [(title, None, True)]
            headings = row[3] if len(row) > 3 and isinstance(row[3], list) else []
            items.extend((str(h), str(a), False) for a, h in headings)
            stored = row[4] if len(row) > 4 and isinstance(row[4], list) else []
            if len(stored) != len(items):
                stored = suggestion_keys(title, headings)
            for (text, anchor, is_title), key in zip(items, stored, strict=True):
                if not key:
                    continue
                idx = len(self.entries)
                self.entries.append((text, article_id, anchor, is_title))
                ws = tuple(key.split(" "))
                self.entry_words.append(ws)
                keys.setdefault(key, []).append(idx)
                for w in set(ws):
                    words.setdefault(w, []).append(idx)
        # Distinct texts, sorted in buckets by first letter: no single sort of hundreds of
        # thousands of entries holds the interpreter while a window waits.
        self._keys = keys
        self._key_text = _buckets(keys)
        self._words = words
        self._word_text = _buckets(words)

    def suggest(self, prefix: str, limit: int) -> tuple[Suggestion, ...]:
        key = ANALYSIS.fold_key(clean_text(prefix)[:MAX_QUERY_CHARS])
        if not key or limit <= 0:
            return ()
        parts = key.split(" ")
        chosen: list[int] = []
        seen: set[int] = set()
        # 1. entries that start with what was typed (titles first, then short ones)
        starts = list(_take(self._keys, self._key_text.get(key[0], []), key, 400))
        # 2. entries with a word that starts with the last word typed, and every other word
        last, others = parts[-1], parts[:-1]
        inside: list[int] = []
        for idx in _take(self._words, self._word_text.get(last[:1], []), last, 3000):
            ws = self.entry_words[idx]
            if all(any(w.startswith(o) for w in ws) for o in others):
                inside.append(idx)

        def rank(idx: int) -> tuple[int, int, str]:
            text, _, _, is_title = self.entries[idx]
            return (0 if is_title else 1, len(text), text)

        for group in (sorted(starts, key=rank), sorted(set(inside), key=rank)):
            for idx in group:
                if idx in seen:
                    continue
                seen.add(idx)
                chosen.append(idx)
        out: list[Suggestion] = []
        shown: set[str] = set()
        for idx in chosen:
            text, article_id, anchor, _ = self.entries[idx]
            folded = text.casefold()
            if folded in shown:
                continue
            shown.add(folded)
            out.append(Suggestion(text=text, article_id=article_id, section_anchor=anchor))
            if len(out) >= limit:
                break
        return tuple(out)
