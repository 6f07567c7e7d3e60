"""Queries: what a person typed, parsed, and planned as Whoosh queries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh.query.compound import And, AndMaybe, Or
from whoosh.query.positional import Phrase
from whoosh.query.qcore import Query
from whoosh.query.terms import Term as WTerm

from reader.core.language import DEFAULT_LANGUAGE
from reader.core.search.analysis import ANALYSIS, LANGUAGES, MAX_QUERY_CHARS, MAX_UNITS
from reader.core.search.snippets import Marks
from reader.core.vocabulary import (
    Analysis,
    Synonyms,
    clean_text,
)


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


# The title and heading fields only add to the score of sections already found (see
# make_schema): title over headings over body.
_TITLE_BOOST = 3.0
_HEADING_BOOST = 1.5

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


def term_query(term: str) -> Query:
    return WTerm("content", term)


def _seq_query(seq: tuple[str, ...], phrase: bool) -> Query:
    if len(seq) == 1:
        return term_query(seq[0])
    if phrase:
        return Phrase("content", list(seq))
    return And([term_query(t) for t in seq])


def _boost_query(terms: set[str]) -> Query | None:
    """Extra score for sections whose title or heading has the words."""
    subs: list[Query] = [WTerm("title", t, boost=_TITLE_BOOST) for t in sorted(terms)]
    subs += [WTerm("heading", t, boost=_HEADING_BOOST) for t in sorted(terms)]
    return Or(subs) if subs else None


@dataclass
class Plan:
    units: list[Query]
    excluded: Query | None
    marks: Marks  # what to mark in snippets and articles
    word_terms: list[tuple[str, str]]  # (word as typed, term) of plain words
    word_spans: list[tuple[int, int]]  # where those words are in " ".join(parsed.words)
    boost: Query | None = None
    language: str = DEFAULT_LANGUAGE  # the query's, as analysed
    analysis: Analysis = ANALYSIS

    def scored(self, q: Query) -> Query:
        return AndMaybe(q, self.boost) if self.boost is not None else q


def make_plan(parsed: ParsedQuery, synonyms: Synonyms, language: str = DEFAULT_LANGUAGE) -> Plan:
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
    return Plan(
        units=units[:MAX_UNITS],
        excluded=Or(excluded) if excluded else None,
        marks=marks,
        word_terms=word_terms,
        word_spans=spans,
        boost=_boost_query(marks.terms),
        language=language,
        analysis=analysis,
    )
