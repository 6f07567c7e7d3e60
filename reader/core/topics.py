"""Browsing for people who do not know what to type: the library's topics A to Z and by
group ("Heart and blood pressure", "Pregnancy, babies and children", ...).

The groups are data (``reader/data/topic_groups.tsv``): words in an article's title that
put it in a group, and collections whose every article belongs to one. An article can be
in several groups. Collections a library marks as secondary (below ``[secondary]`` in its
``collections.txt``: research papers, say) are left out of browsing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from reader.core.library import Library, secondary_collections
from reader.core.model import ArticleSummary
from reader.core.texts import QT_TRANSLATE_NOOP

#: What A–Z files a title under when it starts with neither a letter nor a digit.
OTHER_LETTER = "#"

#: The bundled groups' names, for the interface to show in its language (the groups are
#: data, which lupdate cannot read: a test checks every group of the data is here).
GROUP_NAMES: dict[str, str] = {
    str(name): name
    for name in (
        QT_TRANSLATE_NOOP("TopicGroup", "Bones, joints and muscles"),
        QT_TRANSLATE_NOOP("TopicGroup", "Brain and nerves"),
        QT_TRANSLATE_NOOP("TopicGroup", "Cancer"),
        QT_TRANSLATE_NOOP("TopicGroup", "Diabetes and blood sugar"),
        QT_TRANSLATE_NOOP("TopicGroup", "Eyes, ears, nose and mouth"),
        QT_TRANSLATE_NOOP("TopicGroup", "Food, weight and healthy living"),
        QT_TRANSLATE_NOOP("TopicGroup", "Heart and blood pressure"),
        QT_TRANSLATE_NOOP("TopicGroup", "Infections and vaccines"),
        QT_TRANSLATE_NOOP("TopicGroup", "Lungs and breathing"),
        QT_TRANSLATE_NOOP("TopicGroup", "Mental health"),
        QT_TRANSLATE_NOOP("TopicGroup", "Older adults"),
        QT_TRANSLATE_NOOP("TopicGroup", "Pregnancy, babies and children"),
        QT_TRANSLATE_NOOP("TopicGroup", "Skin, hair and nails"),
        QT_TRANSLATE_NOOP("TopicGroup", "Stomach, bowels and kidneys"),
        QT_TRANSLATE_NOOP("TopicGroup", "Women's and men's health"),
    )
}


def group_name(name: str) -> str:
    """A group's name, translatable when it is one of the bundled groups'."""
    return GROUP_NAMES.get(name, name)


@dataclass(frozen=True, slots=True)
class TopicGroup:
    name: str
    words: tuple[str, ...]  # folded title words; "word*" matches a word's start; phrases
    collections: frozenset[str]


@dataclass(frozen=True, slots=True)
class Shelf:
    """One group (or letter) and its articles, in title order."""

    name: str
    articles: tuple[ArticleSummary, ...]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def parse_groups(text: str) -> tuple[TopicGroup, ...]:
    """Groups from the TSV text (see ``topic_groups.tsv``)."""
    groups: list[TopicGroup] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t") if c.strip()]
        if len(cells) < 2:
            continue
        words = tuple(_fold(c) for c in cells[1:] if not c.startswith("collection:"))
        collections = frozenset(
            c.split(":", 1)[1].strip() for c in cells[1:] if c.startswith("collection:")
        )
        groups.append(TopicGroup(cells[0], words, collections))
    return tuple(groups)


@lru_cache(maxsize=1)
def topic_groups() -> tuple[TopicGroup, ...]:
    """The bundled groups."""
    data = resources.files("reader").joinpath("data", "topic_groups.tsv")
    return parse_groups(data.read_text(encoding="utf-8"))


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _title_words(title: str) -> list[str]:
    return _WORD.findall(_fold(title))


def _matches(words: list[str], joined: str, pattern: str) -> bool:
    if " " in pattern:
        return (
            f" {pattern.rstrip('*')} " in joined
            if not pattern.endswith("*")
            else (f" {pattern[:-1]}" in joined)
        )
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return any(w.startswith(stem) for w in words)
    return pattern in words


def groups_of(summary: ArticleSummary, groups: tuple[TopicGroup, ...] | None = None) -> list[str]:
    """The names of the groups an article is in (by its title and its collection)."""
    words = _title_words(summary.title)
    joined = f" {' '.join(words)} "
    out: list[str] = []
    for group in groups if groups is not None else topic_groups():
        if summary.collection in group.collections or any(
            _matches(words, joined, p) for p in group.words
        ):
            out.append(group.name)
    return out


def browsable(library: Library) -> list[ArticleSummary]:
    """The articles browsing shows: all but those of secondary collections, by title."""
    secondary = secondary_collections(library.root)
    items = [s for s in library.summaries if s.collection not in secondary]
    return sorted(items, key=lambda s: (_fold(s.title), s.id))


def letter_of(title: str) -> str:
    """The A–Z letter of a title: its first letter without accents, or ``#``."""
    for ch in _fold(title):
        if ch.isalpha() and ch.isascii():
            return ch.upper()
        if ch.isalnum():
            return OTHER_LETTER
    return OTHER_LETTER


def by_letter(library: Library) -> list[Shelf]:
    """The browsable articles under their first letters, A to Z (``#`` last)."""
    shelves: dict[str, list[ArticleSummary]] = {}
    for summary in browsable(library):
        shelves.setdefault(letter_of(summary.title), []).append(summary)
    order = sorted(shelves, key=lambda k: (k == OTHER_LETTER, k))
    return [Shelf(k, tuple(shelves[k])) for k in order]


def by_group(library: Library, groups: tuple[TopicGroup, ...] | None = None) -> list[Shelf]:
    """Each group with its browsable articles, in the groups' order; empty groups left out."""
    chosen = groups if groups is not None else topic_groups()
    shelves: dict[str, list[ArticleSummary]] = {g.name: [] for g in chosen}
    for summary in browsable(library):
        for name in groups_of(summary, chosen):
            shelves[name].append(summary)
    return [Shelf(group_name(name), tuple(items)) for name, items in shelves.items() if items]
