"""Full-text search over the library: the only module that imports Whoosh.

The index holds ONE DOCUMENT PER SECTION (plus one for an article's reference list),
so a hit points at the section that matched and its snippet comes from a short text.
Beside the Whoosh files, ``reader-index.json`` records the schema version, the
library it belongs to, the files of the last commit with their sizes, and a manifest
of every article's content hash, title and headings. The manifest drives
incremental updates (only added, changed and removed articles are touched) and the
as-you-type suggestions (a sorted in-memory list of title and heading words, never a
wildcard over the body).

Query handling (see :meth:`SearchIndex.search`): plain words (sections with all of
them first, then sections with some), ``"quoted phrases"``, ``-excluded`` words, a
collection filter; synonyms applied at query time; Did-you-mean from the library's own
vocabulary. Whatever a person types, search returns results or a friendly nothing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import gc
import hashlib
import json
import logging
import os
import pickle
import re
import shutil
import struct
import tempfile
import threading
import time
import traceback
import warnings
import zlib
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.analysis.acore import Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb import filestore
from whoosh.filedb.filetables import FileFormatError
from whoosh.lang import NoStemmer, NoStopWords, stemmer_for_language, stopwords_for_language
from whoosh.lang.porter import stem as porter_stem
from whoosh.query.compound import And, AndMaybe, Or
from whoosh.query.positional import Phrase
from whoosh.query.qcore import Query
from whoosh.query.terms import Term as WTerm
from whoosh.reading import CorruptIndexError

from reader.core.article import read_article
from reader.core.errors import ArticleError, SearchError
from reader.core.fslock import FileLock
from reader.core.fsutil import atomic_write_text, open_regular
from reader.core.language import DEFAULT_LANGUAGE, Languages
from reader.core.library import Library
from reader.core.model import (
    Article,
    IndexPhase,
    IndexProgress,
    IndexReport,
    Problem,
    SearchHit,
    SearchResults,
    Suggestion,
)
from reader.core.paths import user_cache_dir
from reader.core.text import fold
from reader.core.texts import QT_TRANSLATE_NOOP
from reader.core.vocabulary import (
    ANALYSIS_VERSION,
    Analysis,
    Synonyms,
    abbreviations_in,
    clean_text,
    defined_abbreviations,
    raw_words,
)

log = logging.getLogger(__name__)

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

_ANALYSIS = Analysis(porter_stem)


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
LANGUAGES = Languages(_ANALYSIS, _snowball, _stop_words)
#: Text of a language other than English reaches the analyzer as ``\x1dCODE\x1dtext``.
LANG_MARK = "\x1d"


def _tagged(code: str, text: str) -> str:
    text = text.replace(LANG_MARK, " ")
    return text if code == DEFAULT_LANGUAGE else f"{LANG_MARK}{code}{LANG_MARK}{text}"


def _untag(value: str) -> tuple[str, str]:
    """(language, text) of a value made by :func:`_tagged`."""
    if value.startswith(LANG_MARK):
        end = value.find(LANG_MARK, 1)
        if 1 < end <= 9:
            return value[1:end], value[end + 1 :]
    return DEFAULT_LANGUAGE, value


def _spell_word(code: str, word: str) -> str:
    """Did-you-mean words of other languages are kept as ``code:word`` (``:`` is in no
    word), so a query is corrected from the words of its own language only."""
    return word if code == DEFAULT_LANGUAGE else f"{code}:{word}"


# Whoosh's storage layer is untyped: reach it through Any.
_FileStorage: Any = filestore.FileStorage


def _storage(index_dir: Path) -> Any:
    """Files read, not memory-mapped: a segment damaged under an open searcher then raises
    an error to catch (a mapped one kills the process with SIGBUS); no slower measured."""
    return _FileStorage(str(index_dir), supports_mmap=False)


# Every section is matched on one field, ``content`` (title, heading, text, authors and
# journal, with position gaps between them so a phrase never spans two), which keeps the
# number of posting lists read per word at one; the title and heading fields only add to
# the score of sections already found: title over headings over body.
_TITLE_BOOST = 3.0
_HEADING_BOOST = 1.5
#: Separates the parts of ``content``; the analyzer leaves a gap in positions there.
PART_BREAK = "\x1e"
_PART_GAP = 16

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
#: What reading a damaged index may raise: anything at all (Whoosh has a dozen exception
#: classes of its own, and damaged data reaches code paths that raise whatever they
#: raise). Reading is never left to fail: the index is marked damaged and rebuilt.
_READ_ERRORS: tuple[type[BaseException], ...] = (Exception, MemoryError)
_WHOOSH_FILE = re.compile(r"^(_?MAIN.*|.*\.(toc|seg|pst|trm|pos|dci|dcz|fvz|sta|lck))$")


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
        code, text = _untag(value)
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
                token.text = _spell_word(code, term) if no_morph else term
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
        content=TEXT(analyzer=analyzer, spelling=True),
        # the abbreviations the article defines that the section uses in capitals: what a
        # synonym expanding to an abbreviation matches (never "Mequon, MI")
        abbrev=KEYWORD(lowercase=True, scorable=True),
    )


def _release(exc: BaseException) -> None:
    """Close the files a failed Whoosh writer left open (the frames of ``exc`` hold them)
    now, rather than at some later garbage collection; on a full disk that frees space."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        traceback.clear_frames(exc.__traceback__)
        gc.collect()


def default_index_dir(root: Path) -> Path:
    """Where the index of the library at ``root`` lives in the user cache."""
    digest = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return user_cache_dir() / "index" / digest


#: Notices an importer puts where a figure, file or table image is left out: not text to
#: search for.
_OMITTED_NOTICE = re.compile(
    r"\s*(?:The (?:figure image|supplementary file|media file) is not included in this copy\."
    r"|The table is an image in the original and is not included\.)"
)


def section_documents(article: Article) -> list[dict[str, Any]]:
    """The documents one article contributes: one per section.

    What is not the article's text is not searched: the reference list, the notices that
    stand in for images left out, and an agency's name as author (it would match every
    topic the agency wrote; the names of a journal article's authors are searched)."""
    meta = article.meta
    code = LANGUAGES.key(meta.language)
    byline = meta.journal is not None or meta.doi is not None
    extra = " ".join((*meta.authors, meta.journal or "")) if byline else ""
    also_called = dict(meta.extra).get("also_called", "")
    defined = defined_abbreviations(
        "\n".join(s.text for s in article.sections), also_called.split(";")
    )
    base = {
        "article": meta.id,
        "language": code,
        "collection": fold(meta.collection),
        "collection_name": meta.collection,
        "title": _tagged(code, meta.title),
    }

    def content(heading: str, text: str) -> str:
        parts = (meta.title, heading, text.replace(PART_BREAK, " "), extra)
        return _tagged(code, PART_BREAK.join(parts))

    docs: list[dict[str, Any]] = []
    for section in article.sections:
        text = _OMITTED_NOTICE.sub("", section.text)
        if not text.strip() and not section.heading:
            continue
        abbrevs = abbreviations_in(f"{meta.title}\n{section.heading}\n{text}", defined)
        docs.append(
            {
                **base,
                "key": f"{meta.id}#{section.anchor}",
                "anchor": section.anchor,
                "heading": _tagged(code, section.heading),
                "body": text,
                "content": content(section.heading, text),
                "abbrev": " ".join(abbrevs),
            }
        )
    if not docs:
        docs.append(
            {
                **base,
                "key": f"{meta.id}#lead",
                "anchor": "lead",
                "heading": "",
                "body": "",
                "content": content("", ""),
                "abbrev": "",
            }
        )
    return docs


# --- manifest -----------------------------------------------------------------------------

#: The manifest's first line ends here; then one article per line, then ``}}``.
_ARTICLES_OPEN = '"articles":{'
_READ_BATCH = 400
#: The manifest of 50,000 articles is some 30 MB; a larger file, or a longer line, is not one.
MAX_MANIFEST_BYTES = 512 * 1024 * 1024
_MAX_MANIFEST_LINE = 16 * 1024 * 1024


def file_checksum(path: Path, cancel: Callable[[], bool] | None = None) -> str | None:
    """CRC-32 of a regular file's bytes, read a mebibyte at a time (zlib lets other threads
    run meanwhile); None when ``cancel`` said stop."""
    crc = 0
    with open_regular(path) as f:
        while chunk := f.read(1 << 20):
            if cancel is not None and cancel():
                return None
            crc = zlib.crc32(chunk, crc)
    return f"crc32:{crc:08x}"


@dataclass
class _Manifest:
    schema: str = SCHEMA_VERSION
    library: str = ""
    state: str = "clean"  # "dirty" while a writer may have committed without us recording it
    docs: int = 0
    files: dict[str, int] = field(default_factory=dict)
    # file name -> checksum of its bytes (see file_checksum): damage inside a file of the
    # right size (a zeroed block, a flipped bit) is found by comparing them
    digests: dict[str, str] = field(default_factory=dict)
    # id -> [content hash, title, collection, [[anchor, heading], ...]]
    articles: dict[str, list[Any]] = field(default_factory=dict)

    def to_json(self) -> str:
        """One JSON document, written one article to a line (see :meth:`read`)."""
        head = json.dumps(
            {
                "schema": self.schema,
                "library": self.library,
                "state": self.state,
                "docs": self.docs,
                "files": self.files,
                "digests": self.digests,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        lines = [head[:-1] + "," + _ARTICLES_OPEN]
        rows = [
            json.dumps(article_id, ensure_ascii=False)
            + ":"
            + json.dumps(row, ensure_ascii=False, separators=(",", ":"))
            for article_id, row in self.articles.items()
        ]
        lines.append(",\n".join(rows))
        lines.append("}}\n")
        return "\n".join(line for line in lines if line)

    @classmethod
    def read(cls, path: Path) -> _Manifest:
        """Read a manifest a few hundred lines at a time: no single call (nor the garbage
        collections it would set off) holds the interpreter long, so a window reading the
        index of 50,000 articles on a worker thread stays responsive. A manifest of an
        older, one-line format gives only its schema version (and is rebuilt)."""
        with open_regular(path, MAX_MANIFEST_BYTES) as f:
            head = f.readline(_MAX_MANIFEST_LINE).decode("utf-8").rstrip("\r\n")
            if not head.endswith(_ARTICLES_OPEN):
                found = re.search(r'"schema":"([^"]{0,40})"', head[:4096])
                if found is None:
                    raise ValueError("not an index manifest")
                return cls(schema=found.group(1), state="")
            data = json.loads(head[: -len(_ARTICLES_OPEN)].rstrip(",") + "}")
            if not isinstance(data, dict):
                raise ValueError("not an index manifest")
            articles: dict[str, list[Any]] = {}
            batch: list[str] = []
            closed = False
            while raw := f.readline(_MAX_MANIFEST_LINE):
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "}}":
                    closed = True
                    break
                batch.append(line.rstrip(","))
                if len(batch) >= _READ_BATCH:
                    articles.update(json.loads("{" + ",".join(batch) + "}"))
                    batch.clear()
            if batch:
                articles.update(json.loads("{" + ",".join(batch) + "}"))
            if not closed:
                raise ValueError("the manifest is cut short")
        return cls(
            schema=str(data.get("schema", "")),
            library=str(data.get("library", "")),
            state=str(data.get("state", "")),
            docs=int(data.get("docs", -1)),
            files={str(k): int(v) for k, v in dict(data.get("files", {})).items()},
            digests={str(k): str(v) for k, v in dict(data.get("digests", {})).items()},
            articles=articles,
        )


# --- suggestions --------------------------------------------------------------------------


def suggestion_keys(title: str, headings: list[list[str]]) -> list[str]:
    """Folded, unstemmed keys of a title and its headings (kept in the manifest)."""
    return [_ANALYSIS.fold_key(title), *(_ANALYSIS.fold_key(h) for _, h in headings)]


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


class _SuggestionList:
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
        key = _ANALYSIS.fold_key(clean_text(prefix)[:MAX_QUERY_CHARS])
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


# --- queries ------------------------------------------------------------------------------


@dataclass
class ParsedQuery:
    """What a person typed, split into plain words, phrases and excluded words/phrases."""

    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    dropped_operators: bool = False

    def text(self, words: list[str] | None = None) -> str:
        parts = list(words if words is not None else self.words)
        parts += [f'"{p}"' for p in self.phrases]
        parts += [f"-{e}" if " " not in e else f'-"{e}"' for e in self.excluded]
        return " ".join(parts)


_QUERY_TOKEN = re.compile(r'([-+]?)"([^"]*)(?:"|$)|(\S+)')
_OPERATORS = frozenset({"AND", "OR", "NOT", "&&", "||", "AND NOT"})


def parse_query(text: str) -> ParsedQuery:
    """Split a query; never fails. ``NOT word`` and ``-word`` exclude; AND/OR are ignored."""
    text = clean_text(text)[:MAX_QUERY_CHARS]
    text = text.replace("“", '"').replace("”", '"').replace("„", '"').replace("«", '"')
    text = text.replace("»", '"')
    parsed = ParsedQuery()
    negate_next = False
    for m in _QUERY_TOKEN.finditer(text):
        sign, phrase, word = m.group(1), m.group(2), m.group(3)
        if phrase is not None:
            phrase = " ".join(phrase.split())
            if not phrase:
                continue
            if sign == "-" or negate_next:
                parsed.excluded.append(phrase)
            elif len(phrase.split()) == 1:
                parsed.words.append(phrase)
            else:
                parsed.phrases.append(phrase)
            negate_next = False
            continue
        if word in _OPERATORS:
            parsed.dropped_operators = True
            negate_next = word == "NOT"
            continue
        if word.startswith("-") and len(word) > 1 and word[1] != "-":
            parsed.excluded.append(word[1:])
            negate_next = False
            continue
        word = word.lstrip("+")
        if negate_next:
            parsed.excluded.append(word)
        elif word:
            parsed.words.append(word)
        negate_next = False
    return parsed


def _term_any(term: str) -> Query:
    return WTerm("content", term)


def _seq_query(seq: tuple[str, ...], phrase: bool) -> Query:
    if len(seq) == 1:
        return _term_any(seq[0])
    if phrase:
        return Phrase("content", list(seq))
    return And([_term_any(t) for t in seq])


def _boost_query(terms: set[str]) -> Query | None:
    """Extra score for sections whose title or heading has the words."""
    subs: list[Query] = [WTerm("title", t, boost=_TITLE_BOOST) for t in sorted(terms)]
    subs += [WTerm("heading", t, boost=_HEADING_BOOST) for t in sorted(terms)]
    return Or(subs) if subs else None


@dataclass
class _Plan:
    units: list[Query]
    excluded: Query | None
    marks: Marks  # what to mark in snippets and articles
    word_terms: list[tuple[str, str]]  # (word as typed, term) of plain words
    word_spans: list[tuple[int, int]]  # where those words are in " ".join(parsed.words)
    boost: Query | None = None
    language: str = DEFAULT_LANGUAGE  # the query's, as analysed
    analysis: Analysis = _ANALYSIS

    def scored(self, q: Query) -> Query:
        return AndMaybe(q, self.boost) if self.boost is not None else q


def _plan(parsed: ParsedQuery, synonyms: Synonyms, language: str = DEFAULT_LANGUAGE) -> _Plan:
    analysis = LANGUAGES.analysis(language)
    if language != DEFAULT_LANGUAGE:  # the synonym lists are English
        synonyms = Synonyms((), analysis)
    units: list[Query] = []
    singles: set[str] = set()
    seqs: list[tuple[str, ...]] = []
    word_terms: list[tuple[str, str]] = []
    joined = " ".join(parsed.words)
    spans: list[tuple[int, int]] = []
    for t in analysis.iter_terms(joined):
        word_terms.append((joined[t.start : t.end], t.text))
        spans.append((t.start, t.end))
    plain_terms = [t for _, t in word_terms]
    for seq, alts in synonyms.segment(plain_terms):
        singles.update(seq)
        options = [_seq_query(seq, phrase=False)]
        for alt in alts:
            abbreviation = synonyms.abbreviation(alt)
            if abbreviation is not None:
                # only where an article defines it and writes it in capitals
                options.append(WTerm("abbrev", abbreviation))
                continue
            if len(alt) == 1:
                singles.update(alt)
            elif alt not in seqs:
                seqs.append(alt)
            options.append(_seq_query(alt, phrase=True))
        units.append(options[0] if len(options) == 1 else Or(options))
    for phrase in parsed.phrases:
        terms = tuple(analysis.analyse(phrase))
        if terms:
            if len(terms) == 1:
                singles.update(terms)
            elif terms not in seqs:
                seqs.append(terms)
            units.append(_seq_query(terms, phrase=True))
    excluded: list[Query] = []
    for ex in parsed.excluded:
        terms = tuple(analysis.analyse(ex))
        if terms:
            excluded.append(_seq_query(terms, phrase=True))
    marks = Marks(frozenset(singles), tuple(seqs))
    return _Plan(
        units=units[:MAX_UNITS],
        excluded=Or(excluded) if excluded else None,
        marks=marks,
        word_terms=word_terms,
        word_spans=spans,
        boost=_boost_query(marks.terms),
        language=language,
        analysis=analysis,
    )


# --- snippets -----------------------------------------------------------------------------


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

    def find(self, spans: Iterable[tuple[str, str, int, int]]) -> Iterator[tuple[int, int, str]]:
        """(start, end, what) of each marked word among analysed ``spans``; ``what`` is the
        term, or the whole sequence it belongs to."""
        longest = max((len(q) for q in self.seqs), default=0)
        recent: deque[tuple[str, int, int]] = deque(maxlen=max(longest, 1))
        emitted = -1  # end of the last span given, so no span is given twice
        for term, _, start, end in spans:
            recent.append((term, start, end))
            found: list[tuple[int, int, str]] = []
            for seq in self.seqs:
                n = len(seq)
                if term == seq[-1] and len(recent) >= n:
                    tail = list(recent)[-n:]
                    if tuple(t for t, _, _ in tail) == seq:
                        key = " ".join(seq)
                        found.extend((s, e, key) for _, s, e in tail)
            if term in self.singles:
                found.append((start, end, term))
            for s, e, key in sorted(found):
                if s >= emitted:
                    emitted = e
                    yield s, e, key


def make_snippet(
    text: str, marks: Marks, width: int = SNIPPET_CHARS, analysis: Analysis = _ANALYSIS
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


# --- the index ----------------------------------------------------------------------------


class SearchIndex:
    """The search index of one library. Open with :meth:`open`; call :meth:`update` (from a
    worker thread if you like) when :meth:`needs_update`; :meth:`search` and :meth:`suggest`
    from any thread."""

    def __init__(self, library: Library, index_dir: Path, *, explicit_dir: bool) -> None:
        self.library = library
        self.index_dir = index_dir
        self._explicit_dir = explicit_dir
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._ix: Any = None
        self._searcher: Any = None
        self._column: tuple[Any, Any] | None = None
        self._languages: tuple[Any, tuple[str, ...]] | None = None
        self._manifest = _Manifest(library=self._library_key())
        self._suggestions: _SuggestionList | None = None  # built on first use
        self._suggestions_lock = threading.Lock()
        self._needs_rebuild = True
        self._rebuilding = False
        self._temporary_dir: Path | None = None
        self.damage: str | None = None  # why the index on disk was not usable, if it was not
        self.notice: str | None = None  # something to tell the person (where the index went)
        self.synonyms = Synonyms.for_library(library.root, _ANALYSIS)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, library: Library, index_dir: Path | None = None, *, verify: bool = False
    ) -> SearchIndex:
        """Open the index of ``library``; a missing, damaged, stale or foreign index is
        detected here and cleared, and :meth:`needs_update` then says it must be built.
        ``verify`` also checks every file against its checksum now (see :meth:`verify`,
        which a window calls on a worker after opening instead)."""
        explicit = index_dir is not None
        if index_dir is None:
            beside = Path(library.root) / PREBUILT_DIR_NAME
            index_dir = default_index_dir(library.root)
            if (beside / MANIFEST_NAME).is_file():
                probe = cls(library, beside, explicit_dir=True)
                if probe._try_open() is None and not (verify and probe.verify()):
                    log.info("using the prebuilt index %s", beside)
                    return probe
                probe.close()
        self = cls(library, Path(index_dir), explicit_dir=explicit)
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
    def open_prebuilt(cls, library: Library, folder: Path) -> SearchIndex:
        """Open a prebuilt index as it is, for reading only: unlike :meth:`open`, nothing
        is cleared or rebuilt (a kiosk's index on read-only media). Raises SearchError
        with the reason when it cannot be used."""
        index = cls(library, folder, explicit_dir=True)
        reason = index._try_open()
        if reason is not None:
            index.close()
            raise SearchError(reason)
        return index

    def _library_key(self) -> str:
        root = Path(self.library.root).resolve()
        try:
            if self.index_dir.resolve().parent == root:
                return "."
        except OSError:
            pass
        return str(root)

    def _try_open(self) -> str | None:
        """Open the index on disk; return None, or why it cannot be used."""
        path = self.index_dir / MANIFEST_NAME
        if not path.is_file():
            return "there is no index yet"
        try:
            manifest = _Manifest.read(path)
        except (OSError, ValueError, TypeError, json.JSONDecodeError):
            return "its manifest is unreadable"
        if manifest.schema != SCHEMA_VERSION:
            return f"it was built by another version ({manifest.schema})"
        if manifest.library != self._library_key():
            return f"it belongs to another library ({manifest.library})"
        if manifest.state != "clean" or (self.index_dir / DIRTY_NAME).exists():
            return "its last update was interrupted"
        for name, size in manifest.files.items():
            try:
                if (self.index_dir / name).stat().st_size != size:
                    return f"{name} has changed size"
            except OSError:
                return f"{name} is missing"
        reason: str | None = None
        with warnings.catch_warnings():
            # Whoosh leaves a file open when a damaged TOC fails to load; it is closed below.
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                ix, searcher = self._open_whoosh(manifest.docs)
            except _READ_ERRORS as exc:
                reason = f"it is damaged ({type(exc).__name__}: {exc})"
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
        searcher = ix.searcher()
        try:
            if searcher.doc_count() != docs:
                raise ValueError("the document count differs from the manifest")
            if docs:
                searcher.stored_fields(0)
                searcher.stored_fields(docs - 1)
                searcher.search(_term_any("b12"), limit=1)
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
            self._manifest = _Manifest(library=self._library_key())
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

    def delete_folder_at_close(self) -> None:
        """Delete this index's folder at :meth:`close` (a temporary one handed over)."""
        self._temporary_dir = self.index_dir

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
        known = self._manifest.articles
        current = {s.id: s for s in self.library.summaries}
        removed = [a for a in known if a not in current]
        changed = [a for a, s in current.items() if a in known and known[a][0] != s.content_hash]
        added = [a for a in current if a not in known]
        unchanged = len(current) - len(changed) - len(added)
        return added, changed, removed, unchanged

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
            except (windex.LockError, *_INDEX_ERRORS) as exc:  # type: ignore[misc]
                disk_full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
                # a full disk is said once, by the SearchError below; anything else is logged
                (log.info if disk_full else log.warning)("index update failed: %s", exc)
                log.debug("index update failed", exc_info=True)
                _release(exc)
                self._remove_uncommitted()  # now that the writer's files are closed
                if disk_full:
                    kept = "the last index is still used" if not self._needs_rebuild else ""
                    raise SearchError(
                        f"the disk holding the search index ({self.index_dir}) is full: "
                        f"the index was not updated{'; ' + kept if kept else ''}"
                    ) from None
                raise SearchError(
                    f"the search index in {self.index_dir} could not be updated: {exc}"
                ) from None
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
        if not self._writable():
            if self._explicit_dir and self.index_dir.name != PREBUILT_DIR_NAME:
                raise SearchError(f"the search index folder {self.index_dir} cannot be written")
            # a read-only prebuilt index that is out of date: build a private copy instead
            self.close()
            self.index_dir = default_index_dir(self.library.root)
            self._explicit_dir = False
            if self._try_open() is not None:
                self._clear()
            if not self._writable():  # nor the user cache: a temporary folder, for this run
                self.index_dir = Path(tempfile.mkdtemp(prefix="offline-reader-index-"))
                self._temporary_dir = self.index_dir  # removed again by close()
                self.notice = QT_TRANSLATE_NOOP(
                    "SearchIndex",
                    "Nothing here can be written, so the search index is kept in the "
                    "temporary folder {folder} and rebuilt at each start.",
                ).format(folder=self.index_dir)
                log.warning("%s", self.notice)
                self._clear()
        full = self._needs_rebuild
        if full:
            self._clear()
            self._rebuilding = True
        added, changed, removed, unchanged = self._diff()
        todo = added + changed
        if not full and not todo and not removed:
            tell(0, 0, None, IndexPhase.DONE)
            return self._report(0, 0, 0, unchanged, started)
        try:
            if self._ix is None:
                storage = _storage(self.index_dir)
                storage.create()
                self._ix = storage.create_index(make_schema())
            # work on a copy: searches and suggestions keep reading the current one
            manifest = dataclasses.replace(self._manifest, articles=dict(self._manifest.articles))
            atomic_write_text(self.index_dir / DIRTY_NAME, "an update is being written\n")
            writer = self._ix.writer(limitmb=256, timeout=15.0)
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
                        article = read_article(summary.path)
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
            ix = self._ix
            searcher = ix.searcher()
            manifest.docs = searcher.doc_count()
            manifest.state = "clean"
            manifest.files = {
                p.name: p.stat().st_size
                for p in self.index_dir.iterdir()
                if p.is_file() and _WHOOSH_FILE.match(p.name) and not p.name.endswith("LOCK")
            }
            manifest.digests = self._digests(manifest.files)
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

    def _write_manifest(self, manifest: _Manifest) -> None:
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
        self, plan: _Plan, collection: str | None, limit: int
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
        results = searcher.search(
            plan.scored(q), limit=min(limit * 2, 300), filter=filt, mask=plan.excluded
        )
        hits = [(h.docnum, float(h.score)) for h in results]
        n_all = len(hits)
        if not hits:
            total = 0
        elif results.has_exact_length():
            total = len(results)
        else:
            total = self._count(q, filt, plan.excluded)
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

    def _count(self, q: Query, filt: Query | None, mask: Query | None) -> int:
        """How many sections match ``q``: every one counted, none scored."""
        assert self._searcher is not None
        return len(self._searcher.search(q, limit=None, scored=False, filter=filt, mask=mask))

    def _group(
        self, hits: list[tuple[int, float]], plan: _Plan, limit: int
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
                heading = _untag(str(stored.get("heading", "")))[1]
                if not snippet and heading:
                    snippet, spans, words = make_snippet(
                        heading, plan.marks, analysis=plan.analysis
                    )
                title = _untag(str(stored.get("title", "")))[1]
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
        """The language a query is analysed in: of the index's, the one its words belong to."""
        codes = self.languages()
        if len(codes) < 2:
            return codes[0] if codes else DEFAULT_LANGUAGE
        assert self._searcher is not None
        reader = self._searcher.reader()

        def known(code: str, word: str) -> float:
            if ("spell_content", _spell_word(code, word)) in reader:
                return 1.0  # the word as written is in that language's articles
            terms = LANGUAGES.analysis(code).analyse(word)
            return 0.5 if terms and reader.doc_frequency("content", terms[0]) else 0.0

        words = [w for text in (*parsed.words, *parsed.phrases) for w in raw_words(text)]
        return LANGUAGES.guess(words, codes, known, prefer)

    def _language_first(self, hits: list[tuple[int, float]], code: str) -> list[tuple[int, float]]:
        """Sections of articles in the query's language first, each part in its order."""
        if len(self.languages()) < 2:
            return hits
        assert self._searcher is not None
        column = self._searcher.reader().column_reader("language")
        same = [h for h in hits if column[h[0]] == code]
        return same + [h for h in hits if column[h[0]] != code]

    def _correct(self, plan: _Plan, parsed: ParsedQuery) -> str | None:
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

    def _closest(self, word: str, plan: _Plan) -> str | None:
        """The library's closest word to ``word`` in the query's language."""
        assert self._searcher is not None
        reader = self._searcher.reader()
        tagged = _spell_word(plan.language, word)
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
        plan = _plan(parsed, self.synonyms, code)
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
        if n_all < FEW_HITS:
            did_you_mean = self._correct(plan, parsed)
            if not n_all and did_you_mean:
                plan2 = _plan(parse_query(did_you_mean), self.synonyms, code)
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
            plan = _plan(parse_query(text), self.synonyms, code)
            if plan.units and self._run(plan, collection, 1)[0]:
                return text, QT_TRANSLATE_NOOP(
                    "SearchIndex", "Nothing matched exactly. Try the broader search “{query}”."
                ).format(query=text)
        if collection:
            plan = _plan(parsed, self.synonyms, code)
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

    def _suggestion_list(self) -> _SuggestionList:
        suggestions = self._suggestions
        if suggestions is not None:
            return suggestions
        with self._suggestions_lock:
            if self._suggestions is not None:
                return self._suggestions
            manifest = self._manifest
            suggestions = _SuggestionList(manifest.articles)
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
        plan = _plan(parsed, self.synonyms, code)
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
