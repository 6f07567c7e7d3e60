"""How the search reads text: the shared constants, each language's analysis, the schema.

The bottom of the search package: every other module of it may import this one, and this
one imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from whoosh.analysis.acore import Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang import NoStemmer, NoStopWords, stemmer_for_language, stopwords_for_language
from whoosh.lang.porter import stem as porter_stem

from reader.core.language import DEFAULT_LANGUAGE, Languages
from reader.core.vocabulary import (
    ANALYSIS_VERSION,
    Analysis,
)

#: Bump when the schema, the documents or the manifest change; an index of another version
#: is rebuilt.
SCHEMA_VERSION = f"7.{ANALYSIS_VERSION}"  # 7: checksums of the index files
MANIFEST_NAME = "reader-index.json"
#: Present while an update may have committed to Whoosh without the manifest saying so.
DIRTY_NAME = "reader-index.dirty"
LOCK_NAME = "reader-index.lock"
PREBUILT_DIR_NAME = ".index"
#: Longer queries are cut here (a person types a few words; a paste of a page is not a query).
MAX_QUERY_CHARS = 200
MAX_UNITS = 12
SNIPPET_CHARS = 180
#: Fewer hits than this count as "little found": Did-you-mean is offered.
FEW_HITS = 3
MAX_SECTIONS_PER_ARTICLE = 3
#: Sections with fewer of the words are looked for only while fewer than this were found.
ENOUGH_SECTIONS = 20
REFERENCES_ANCHOR = "references"

ANALYSIS = Analysis(porter_stem)


# Whoosh's language tables are untyped: reach them through Any.
_stemmer_for: Any = stemmer_for_language
_stopwords_for: Any = stopwords_for_language


def _snowball(code: str) -> Callable[[str], str] | None:
    try:
        stem: Callable[[str], str] = _stemmer_for(code)
    except NoStemmer:
        return None
    return stem


def _stop_words(code: str) -> frozenset[str] | None:
    try:
        return frozenset(_stopwords_for(code))
    except NoStopWords:
        return None


#: Each article is indexed in its own language (see :mod:`reader.core.language`).
LANGUAGES = Languages(ANALYSIS, _snowball, _stop_words)
#: Text of a language other than English reaches the analyzer as ``\x1dCODE\x1dtext``.
LANG_MARK = "\x1d"


def tagged(code: str, text: str) -> str:
    text = text.replace(LANG_MARK, " ")
    return text if code == DEFAULT_LANGUAGE else f"{LANG_MARK}{code}{LANG_MARK}{text}"


def untag(value: str) -> tuple[str, str]:
    """(language, text) of a value made by :func:`tagged`."""
    if value.startswith(LANG_MARK):
        end = value.find(LANG_MARK, 1)
        if 1 < end <= 9:
            return value[1:end], value[end + 1 :]
    return DEFAULT_LANGUAGE, value


def spell_word(code: str, word: str) -> str:
    """Did-you-mean words of other languages are kept as ``code:word`` (``:`` is in no
    word), so a query is corrected from the words of its own language only."""
    return word if code == DEFAULT_LANGUAGE else f"{code}:{word}"


# Every section is matched on one field, ``content`` (title, heading, text, authors and
# journal, with position gaps between them so a phrase never spans two), which keeps the
# number of posting lists read per word at one; the title and heading fields only add to
# the score of sections already found: title over headings over body.
#: Separates the parts of ``content``; the analyzer leaves a gap in positions there.
PART_BREAK = "\x1e"
_PART_GAP = 16


class HealthAnalyzer(Analyzer):
    """Whoosh's view of :class:`reader.core.vocabulary.Analysis` (folding, letter–digit
    joining, British->American spellings, stop words, stemming)."""

    is_morph = True

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def has_morph(self) -> bool:
        return True

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        no_morph = bool(kwargs.pop("no_morph", False) or kwargs.pop("nomorph", False))
        kwargs.pop("tokenize", None)
        code, text = untag(value)
        analysis = LANGUAGES.analysis(code)
        start_char += len(value) - len(text)
        value = text
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        pos = start_pos
        offset = 0
        for part in value.split(PART_BREAK) if PART_BREAK in value else (value,):
            for term, _, start, end in analysis.spans(part, stemming=not no_morph):
                token.text = spell_word(code, term) if no_morph else term
                if keeporiginal:
                    token.original = part[start:end]  # type: ignore[attr-defined]
                if positions:
                    token.pos = pos
                    pos += 1
                if chars:
                    token.startchar = start_char + offset + start
                    token.endchar = start_char + offset + end
                yield token
            pos += _PART_GAP
            offset += len(part) + 1


# Whoosh's field classes are untyped: reach TEXT through Any.
_TEXT: Any = TEXT


class ContentField(_TEXT):  # type: ignore[misc]  # Whoosh's classes are untyped
    """The searched text, with the library's words kept for Did-you-mean.

    Whoosh adds a section's words to the spelling list as one posting per section and
    word, as many as the text's own postings, though only whether a word is there at all
    is ever asked. Between :meth:`start_session` and :meth:`end_session` (one update of
    the index) each word is added once, by the first section that has it; the words come
    from the same analysis as the text's, without stemming."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._spelled: set[str] | None = None

    def start_session(self) -> None:
        self._spelled = set()

    def end_session(self) -> None:
        self._spelled = None

    def spellable_words(self, value: Any) -> Iterator[str]:
        code, text = untag(str(value))
        analysis = LANGUAGES.analysis(code)
        words = {
            spell_word(code, word)
            for part in text.split(PART_BREAK)
            for _, word, _, _ in analysis.spans(part, stemming=False)
        }
        spelled = self._spelled
        if spelled is not None:
            words -= spelled
            spelled.update(words)
        return iter(sorted(words))

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)  # pickled into the index's table of contents
        state.pop("_spelled", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._spelled = None


def make_schema() -> Schema:
    analyzer = HealthAnalyzer()
    return Schema(
        key=ID(unique=True, stored=True),
        article=ID(stored=True, sortable=True),  # a column: grouping reads no stored text
        language=ID(stored=True, sortable=True),  # the article's, as indexed: a column too
        anchor=STORED(),
        collection=ID(),  # folded, for the filter
        collection_name=STORED(),
        title=TEXT(analyzer=analyzer, stored=True, phrase=False),
        heading=TEXT(analyzer=analyzer, stored=True, phrase=False),
        body=STORED(),  # the section text, for snippets
        content=ContentField(analyzer=analyzer, spelling=True),
        # the abbreviations the article defines that the section uses in capitals: what a
        # synonym expanding to an abbreviation matches (never "Mequon, MI")
        abbrev=KEYWORD(lowercase=True, scorable=True),
    )
