"""A research article's byline: its authors shortened ("L. Giuggioli, T. J. McKetterick"),
the journal and the year, so the title and the text come first and the full details
(DOI, licence, every author, dates) wait one key or tap away."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import ArticleMeta

#: Authors named in the byline before "et al.".
BYLINE_AUTHORS = 2

_YEAR = re.compile(r"\b(1[5-9]\d\d|2\d\d\d)\b")
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "del", "di", "le", "la", "du"})
#: Words that make a name a group's ("The PLOS Medicine Editors"): never shortened.
_GROUP_WORDS = frozenset(
    {"the", "group", "consortium", "editors", "committee", "network", "collaboration",
     "study", "team", "investigators", "society", "association", "of", "and", "for"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]  # shortened, at most BYLINE_AUTHORS
    more_authors: bool  # there are more: "et al."
    journal: str | None
    year: str | None


def short_name(name: str) -> str:
    """ "Thomas J. McKetterick" -> "T. J. McKetterick"; a group's name stays whole."""
    words = name.split()
    if len(words) < 2 or len(words) > 5 or any(w.casefold() in _GROUP_WORDS for w in words):
        return name.strip()
    if not all(w[:1].isupper() or w in _PARTICLES for w in words):
        return name.strip()
    last = len(words) - 1
    while last > 1 and words[last - 1] in _PARTICLES:
        last -= 1  # "Ludwig van Beethoven" -> "L. van Beethoven"
    given = words[:last]
    if not all(w[:1].isalpha() for w in given):
        return name.strip()
    initials = [
        w if re.fullmatch(r"\w\.", w) else "-".join(f"{part[:1]}." for part in w.split("-"))
        for w in given
    ]
    return " ".join([*initials, *words[last:]])


def is_research(meta: ArticleMeta) -> bool:
    """An article with a journal or a DOI: its details are many, the byline folds them."""
    return bool(meta.journal or meta.doi)


def byline(meta: ArticleMeta, limit: int = BYLINE_AUTHORS) -> Byline:
    authors: Sequence[str] = meta.authors
    shown = tuple(short_name(a) for a in authors[:limit])
    year = _YEAR.search(meta.published or "")
    return Byline(shown, len(authors) > limit, meta.journal, year.group(1) if year else None)
