"""Snippets: a short extract of a section around its marked words."""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.core.search.analysis import ANALYSIS, SNIPPET_CHARS
from reader.core.vocabulary import (
    Analysis,
)


def _scan(flat: str, width: int, analysis: Analysis) -> Iterator[tuple[str, str, int, int]]:
    """The terms of a snippet's source, no further than a snippet needs: the first few
    pages at most."""
    for span in analysis.spans(flat[:8000]):
        if span[2] > 3000 + 2 * width:
            return
        yield span


@dataclass(frozen=True)
class Marks:
    """Words to mark: single terms anywhere, and term sequences (phrases, multi-word
    synonyms) only where the whole sequence stands."""

    singles: frozenset[str] = frozenset()
    seqs: tuple[tuple[str, ...], ...] = ()

    def __len__(self) -> int:
        return len(self.singles) + len(self.seqs)

    @property
    def terms(self) -> set[str]:
        return set(self.singles).union(*self.seqs)

    @functools.cached_property
    def _ends(self) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
        """The sequences by their last term, each with its key (looked up once a word)."""
        ends: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for seq in self.seqs:
            ends.setdefault(seq[-1], []).append((seq, " ".join(seq)))
        return {term: tuple(found) for term, found in ends.items()}

    def find(self, spans: Iterable[tuple[str, str, int, int]]) -> Iterator[tuple[int, int, str]]:
        """(start, end, what) of each marked word among analysed ``spans``; ``what`` is the
        term, or the whole sequence it belongs to."""
        longest = max((len(q) for q in self.seqs), default=0)
        recent: deque[tuple[str, int, int]] = deque(maxlen=max(longest, 1))
        singles, ends = self.singles, self._ends
        emitted = -1  # end of the last span given, so no span is given twice
        for term, _, start, end in spans:
            if longest:
                recent.append((term, start, end))
            ending = ends.get(term)
            if ending is None and term not in singles:
                continue  # most words: neither marked nor the end of a marked sequence
            found: list[tuple[int, int, str]] = []
            for seq, key in ending or ():
                n = len(seq)
                if len(recent) >= n:
                    tail = list(recent)[-n:]
                    if tuple(t for t, _, _ in tail) == seq:
                        found.extend((s, e, key) for _, s, e in tail)
            if term in singles:
                found.append((start, end, term))
            for s, e, key in sorted(found):
                if s >= emitted:
                    emitted = e
                    yield s, e, key


def make_snippet(
    text: str, marks: Marks, width: int = SNIPPET_CHARS, analysis: Analysis = ANALYSIS
) -> tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]]:
    """A short plain-text extract of ``text`` around the densest cluster of marked terms.

    Returns (snippet, spans of the marked words in the snippet, the words as written).
    """
    flat = text.replace("\n", " ").replace("\t", " ")
    matches: list[tuple[int, int, str]] = []
    found: set[str] = set()
    first = -1
    # Scan no further than needed: to where every marked term was seen near the first
    # match, or a little past the first match, or (nothing yet) the first few pages.
    for start, end, key in marks.find(_scan(flat, width, analysis)):
        matches.append((start, end, key))
        found.add(key)
        if first < 0:
            first = start
        if len(found) == len(marks) or start - first > 2 * width:
            break
    words = tuple(dict.fromkeys(flat[s:e] for s, e, _ in matches))
    if not flat.strip():
        return "", (), ()
    if not matches:
        start = 0
    else:
        best, best_score = 0, -1
        for i, (s, _, _) in enumerate(matches):
            distinct = {t for ms, _, t in matches[i:] if ms < s + width}
            count = sum(1 for ms, _, _ in matches[i:] if ms < s + width)
            score = len(distinct) * 100 + count
            if score > best_score:
                best, best_score = i, score
        anchor = matches[best][0]
        start = max(0, anchor - width // 4)
        if start > 0:
            space = flat.find(" ", start, anchor)
            start = space + 1 if space >= 0 else start
            # begin at a sentence start when one is near
            dot = flat.rfind(". ", max(0, anchor - width // 3), anchor)
            if dot >= 0:
                start = dot + 2
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    body = flat[start:end].strip()
    lead = len(flat[start:end]) - len(flat[start:end].lstrip())
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(flat) else ""
    offset = len(prefix) - start - lead
    spans = tuple((s + offset, e + offset) for s, e, _ in matches if s >= start + lead and e <= end)
    return prefix + body + suffix, spans, words
