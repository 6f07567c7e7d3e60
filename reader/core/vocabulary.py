"""Health vocabulary analysis: how text and queries become search terms.

One function, :func:`analyse`, turns text into terms for the index and for queries,
so both sides always agree:

- case and accent folding (``Ménière`` -> ``meniere``);
- letter–digit variants as one term (``B-12``, ``B12``, ``b 12``, ``B₁₂`` -> ``b12``);
- British spellings mapped to American ones (``anaemia`` -> ``anemia``), from
  ``reader/data/spellings.tsv`` plus a few prefix/suffix patterns that are safe in
  health text (``haem``, ``paed``, ``oedem``, ``-rrhoea`` ...);
- stop words dropped (positions renumbered, so a phrase still matches across them);
- Porter stemming (``breastfeeding`` -> ``breastfeed``), with a cache.

Synonyms (lay <-> clinical words and abbreviations, ``reader/data/synonyms.tsv``
plus an optional ``synonyms.tsv`` at the library root) are applied at query time
only: see :class:`Synonyms`.

This module is pure Python; ``reader.core.search`` wraps it for Whoosh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Bumped whenever analysis changes what terms a text produces: indexes built with
#: another version are rebuilt.
ANALYSIS_VERSION = 1

_D = "0-9\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u2080-\u2089"
_HYPHENS = "\\-\u2010\u2011\u2012\u2013"
_TOKEN_RE = re.compile(
    # letters then digits, optionally hyphenated: B12, B-12, COVID-19, B₁₂, omega-3
    rf"[^\W\d_]+[{_HYPHENS}]?[{_D}]+(?![\w{_D}])"
    # one letter, a space, one or two digits: "B 12", "D 3" (not "a"/"i", which are words)
    rf"|(?<![\w{_D}])[b-hj-zB-HJ-Z] [{_D}]{{1,2}}(?![\w{_D}]|[.,][0-9])"
    # a word, or letters a formula keeps apart for speech with an invisible separator or
    # times (U+2062, U+2063: "ν⁣i⁣j", "HbA⁣1c"), found as the word it shows
    r"|\w+(?:[\u2061-\u2064]\w+)*"
)
_JOINERS = re.compile(rf"[{_HYPHENS} \u2061-\u2064]")

_STOP_TEXT = (
    "a an and are as at be by for from has have if in into is it its of on or that the "
    "their then there these they this to was were which with"
)
STOP_WORDS = frozenset(_STOP_TEXT.split(" "))

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


def clean_text(text: str) -> str:
    """Drop control and invisible formatting characters (they break nothing but matching)."""
    return _CONTROL.sub(" ", text)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Case-fold, strip accents, turn sub/superscript digits into digits, drop joiners."""
    if word.isascii():
        w = word.lower()
    else:
        w = unicodedata.normalize("NFKC", word)
        w = unicodedata.normalize("NFKD", w)
        w = "".join(c for c in w if not unicodedata.combining(c)).casefold()
    if " " in w or "-" in w or not w.isascii():
        w = _JOINERS.sub("", w)
    return w


# --- British -> American spellings ------------------------------------------------------

# Patterns safe in health text: they do not change any common word that means something else.
_SPELLING_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (n, re.compile(p), r)
    for n, p, r in (
        ("haem", r"^(an|hyper|hypo)?haem", r"\1hem"),
        ("aem", r"aem(ia|ias|ic)$", r"em\1"),
        ("anaem", r"^anaem", "anem"),
        ("aem", r"^(septic|isch|leuk|glyc|hypoglyc|hyperglyc)aem", r"\1em"),
        ("paed", r"paed", "ped"),
        ("oedem", r"^oedem", "edem"),
        ("oesoph", r"^oesoph", "esoph"),
        ("oestr", r"^oestr", "estr"),
        ("foet", r"^foet", "fet"),
        ("gynaec", r"^gynaec", "gynec"),
        ("caesar", r"^caesar", "cesar"),
        ("rrhoea", r"rrhoea(s|l)?$", r"rrhea\1"),
        ("pnoea", r"pnoea(s)?$", r"pnea\1"),
        ("coeliac", r"^coeliac", "celiac"),
        ("aetiolog", r"^aetiolog", "etiolog"),
        ("esth", r"^an(a)?esth", "anesth"),
        ("faec", r"^faec", "fec"),
        ("sulph", r"^sulph", "sulf"),
        (
            "is",
            r"^(random|organ|recogn|minim|maxim|priorit|hospital|immun|special|character|real|"
            r"summar|util|stabil|steril|standard|optim|visual|general|normal|categor|emphas|"
            r"metabol|hypothes|author|critic|apolog|memor|mobil|neutral|individual|"
            r"personal|central|local|symbol|sensit|desensit|fertil|pasteur|hospitalis)"
            r"is(e|ed|es|ing|ation|ations|er|ers)$",
            r"\1iz\2",
        ),
        ("ys", r"^(anal|paral|catal|dial|hydrol)ys(e|ed|ing|er|ers)$", r"\1yz\2"),
        ("re", r"(lit|met|fib|cent|tit|theat)re(s)?$", r"\1er\2"),
        (
            "our",
            r"^(tum|behavi|col|lab|fav|od|hum|vap|hon|neighb|flav|rum)our(s|ed|ing|al)?$",
            r"\1or\2",
        ),
    )
)


def _load_tsv(text: str) -> list[list[str]]:
    rows: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0] if raw.lstrip().startswith("#") else raw
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if cells:
            rows.append(cells)
    return rows


def _data_text(name: str) -> str:
    return resources.files("reader").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _spelling_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in _load_tsv(_data_text("spellings.tsv")):
        if len(row) >= 2:
            table[fold_word(row[0])] = fold_word(row[1])
    return table


@lru_cache(maxsize=65536)
def americanise(word: str) -> str:
    """The American spelling of a folded word (unchanged when none is known)."""
    table = _spelling_table()
    if word in table:
        return table[word]
    if len(word) < 4 or word.isdigit():
        return word
    for needle, pattern, repl in _SPELLING_PATTERNS:
        if needle in word:
            word = pattern.sub(repl, word)
    return table.get(word, word)


# --- the analysis --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """One analysed word: ``text`` is the search term, ``word`` the folded unstemmed word,
    ``pos`` its position (stop words excluded), ``start``/``end`` its span in the input."""

    text: str
    word: str
    pos: int
    start: int
    end: int


class Analysis:
    """Text -> terms. ``stemmer`` maps a folded word to its stem (the search engine's
    stemmer is passed in, so this module stays engine-free); None keeps words whole.
    ``stop_words`` (folded) and ``respell`` (British -> American) are English's unless
    another language's are given (None: no respelling) (see :mod:`reader.core.language`)."""

    def __init__(
        self,
        stemmer: Callable[[str], str] | None = None,
        *,
        stop_words: frozenset[str] | None = None,
        respell: Callable[[str], str] | None = americanise,
    ) -> None:
        self._stemmer = stemmer
        self.stop_words = STOP_WORDS if stop_words is None else stop_words
        self._respell = respell
        self._cache: dict[str, str] = {}
        self._tokens: dict[str, tuple[str, str, bool]] = {}

    def stem(self, word: str) -> str:
        """The stem of a folded word; letter–digit terms (``b12``) and numbers stay whole."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        result = word
        if self._stemmer is not None and len(word) >= 3 and word.isalpha():
            result = self._stemmer(word)
        if len(self._cache) > 500_000:
            self._cache.clear()
        self._cache[word] = result
        return result

    def _entry(self, raw: str) -> tuple[str, str, bool]:
        """(stem, folded word, is a stop word) of a raw token; "" when it is no word."""
        word = fold_word(raw)
        if not word or word == "_" or len(word) > 64:
            return ("", "", True)
        if self._respell is not None:
            word = self._respell(word)
        return (self.stem(word), word, word in self.stop_words)

    def spans(
        self, text: str, *, stemming: bool = True, stops: bool = True
    ) -> Iterator[tuple[str, str, int, int]]:
        """(term, folded word, start, end) of each term of ``text``: the fast path."""
        cache = self._tokens
        for m in _TOKEN_RE.finditer(text):
            raw = m.group()
            entry = cache.get(raw)
            if entry is None:
                entry = self._entry(raw)
                if len(cache) > 500_000:
                    cache.clear()
                cache[raw] = entry
            term, word, stopped = entry
            if not word or (stops and stopped):
                continue
            yield (term if stemming else word), word, m.start(), m.end()

    def iter_terms(self, text: str, *, stemming: bool = True, stops: bool = True) -> Iterator[Term]:
        """Analyse ``text``: every term with its position and character span."""
        for pos, (term, word, start, end) in enumerate(
            self.spans(text, stemming=stemming, stops=stops)
        ):
            yield Term(term, word, pos, start, end)

    def analyse(self, text: str, *, stemming: bool = True, stops: bool = True) -> list[str]:
        """The search terms of ``text`` in order."""
        return [t for t, _, _, _ in self.spans(text, stemming=stemming, stops=stops)]

    def fold_key(self, text: str) -> str:
        """A normalised, unstemmed key for prefix matching of titles and headings."""
        return " ".join(w for _, w, _, _ in self.spans(text, stemming=False, stops=False))


def raw_words(text: str) -> list[str]:
    """The words of ``text`` as typed (for query parsing and did-you-mean)."""
    return [m.group(0) for m in _TOKEN_RE.finditer(text)]


# --- synonyms ------------------------------------------------------------------------------


#: Larger synonym files are ignored (the bundled health topics' files are ~50 KB).
MAX_SYNONYM_FILE_BYTES = 4 * 1024 * 1024
#: In a row, expressions before this cell lead to those after it, not the other way.
ONE_WAY = "=>"
_ABBREVIATION = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")


def is_abbreviation(expr: str) -> bool:
    """An expression written as a short abbreviation in capitals: ``MI``, ``HIV``, ``SSRIs``.

    Expanding a query to one matches it only where an article defines it (see
    :func:`defined_abbreviations`), never the same letters in another sense
    ("Mequon, MI"; hearing aids for AIDS)."""
    return bool(_ABBREVIATION.match(expr.strip()))


_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,7})s?\)")
_CAPS_WORD = re.compile(r"(?<![\w-])([A-Z][A-Z&]{1,7})s?(?![\w-])")


def abbreviation_key(expr: str) -> str:
    """An abbreviation folded, without a plural ``s``: ``SSRIs`` -> ``ssri``."""
    word = expr.strip()
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    return word.lower()


def defined_abbreviations(text: str, names: Iterable[str] = ()) -> frozenset[str]:
    """Abbreviations an article defines: written in brackets after what they stand for
    ("myocardial infarction (MI)"), or among the names the article is also called by.
    Returned folded (``mi``)."""
    found = {m.group(1).lower() for m in _DEFINED.finditer(text)}
    found.update(abbreviation_key(n) for n in names if is_abbreviation(n))
    return frozenset(found)


def abbreviations_in(text: str, defined: frozenset[str]) -> list[str]:
    """The defined abbreviations ``text`` uses, written in capitals, folded."""
    if not defined:
        return []
    return list(
        dict.fromkeys(w for m in _CAPS_WORD.finditer(text) if (w := m.group(1).lower()) in defined)
    )


def synonym_rows(root: Path | None) -> list[list[str]]:
    """The rows of the bundled ``synonyms.tsv``, of ``<root>/synonyms.tsv`` and of each
    collection folder's (unreadable or oversized files are left out, with a warning)."""
    rows = _load_tsv(_data_text("synonyms.tsv"))
    if root is None:
        return rows
    files = [Path(root) / "synonyms.tsv"]
    try:
        files += sorted(
            p for p in Path(root).glob("*/synonyms.tsv") if not p.parent.name.startswith(".")
        )
    except OSError as exc:
        log.warning("cannot list %s: %s", root, exc)
    for extra in files:
        try:
            if not extra.is_file():
                continue
            with extra.open("rb") as handle:
                data = handle.read(MAX_SYNONYM_FILE_BYTES + 1)
            if len(data) > MAX_SYNONYM_FILE_BYTES:
                log.warning("ignoring %s: larger than 4 MiB", extra)
                continue
            rows.extend(_load_tsv(data.decode("utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("ignoring %s: %s", extra, exc)
    return rows


def rows_key(rows: list[list[str]]) -> str:
    """A digest of synonym rows and of the analysis that reads them: analysed synonyms
    kept under this key are these rows'."""
    text = json.dumps([ANALYSIS_VERSION, rows], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Synonyms:
    """Groups of equivalent expressions (lay <-> clinical, abbreviations).

    Each row of a ``synonyms.tsv`` is one group, tab-separated; ``#`` starts a comment.
    Expressions are analysed like any text, so ``B-12`` and ``vitamin B12`` work as written.
    A row with a ``=>`` cell is one way: a search for what stands before it also finds what
    stands after it, not the reverse (``Coke => Cocaine``: a search for cocaine does not look
    for coke). An expression written in capitals (``MI``) is an abbreviation: see
    :func:`is_abbreviation`.
    """

    def __init__(self, groups: Iterable[Iterable[str]], analysis: Analysis) -> None:
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        self._index: dict[tuple[str, ...], list[int]] = {}
        self._abbreviations: dict[tuple[str, ...], str] = {}
        self._max_len = 1
        for group in groups:
            cells = list(group)
            one_way = ONE_WAY in cells
            keys_cells = cells[: cells.index(ONE_WAY)] if one_way else cells
            seqs: list[tuple[str, ...]] = []
            keys: list[tuple[str, ...]] = []
            for expr in cells:
                if expr == ONE_WAY:
                    continue
                seq = tuple(analysis.analyse(expr))
                if not seq:
                    continue
                if is_abbreviation(expr):
                    self._abbreviations[seq] = abbreviation_key(expr)
                if seq not in seqs:
                    seqs.append(seq)
                if expr in keys_cells and seq not in keys:
                    keys.append(seq)
            if len(seqs) < 2:
                continue
            gid = len(self._groups)
            self._groups.append(tuple(seqs))
            for seq in keys:
                self._index.setdefault(seq, []).append(gid)
                self._max_len = max(self._max_len, len(seq))

    def __len__(self) -> int:
        return len(self._groups)

    @classmethod
    def for_library(cls, root: Path | None, analysis: Analysis) -> Synonyms:
        """The bundled groups plus those of ``<root>/synonyms.tsv`` and of each collection
        folder's ``synonyms.tsv`` (an importer writes one: the names its topics are also
        called by)."""
        return cls(synonym_rows(root), analysis)

    def to_data(self, key: str) -> dict[str, Any]:
        """The analysed groups as JSON data, labelled with ``key`` (see :func:`rows_key`):
        :meth:`from_data` makes the same synonyms without analysing a word."""
        return {
            "key": key,
            "groups": [[list(seq) for seq in group] for group in self._groups],
            "index": [[list(seq), gids] for seq, gids in self._index.items()],
            "abbreviations": [[list(seq), abbr] for seq, abbr in self._abbreviations.items()],
            "max_len": self._max_len,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any], analysis: Analysis) -> Synonyms:
        """Synonyms from :meth:`to_data`'s data; raises ValueError when it is not that."""
        made = cls((), analysis)
        try:
            made._groups = [tuple(tuple(str(t) for t in seq) for seq in g) for g in data["groups"]]
            made._index = {tuple(str(t) for t in seq): [int(g) for g in gids]
                           for seq, gids in data["index"]}  # fmt: skip
            made._abbreviations = {tuple(str(t) for t in seq): str(abbr)
                                   for seq, abbr in data["abbreviations"]}  # fmt: skip
            made._max_len = int(data["max_len"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not analysed synonyms: {exc}") from exc
        if any(g < 0 or g >= len(made._groups) for gids in made._index.values() for g in gids):
            raise ValueError("not analysed synonyms: a group out of range")
        return made

    def abbreviation(self, seq: tuple[str, ...]) -> str | None:
        """The folded abbreviation (``mi``) when ``seq`` was written as one, else None."""
        return self._abbreviations.get(seq)

    def alternatives(self, seq: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """Every other expression equivalent to the term sequence ``seq``."""
        out: list[tuple[str, ...]] = []
        for gid in self._index.get(seq, ()):
            for alt in self._groups[gid]:
                if alt != seq and alt not in out:
                    out.append(alt)
        return tuple(out)

    def segment(
        self, terms: list[str]
    ) -> list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]:
        """Split a term list into units: the longest run with synonyms, else one term.

        Returns (terms of the unit, alternatives) pairs in order.
        """
        units: list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = []
        i = 0
        while i < len(terms):
            for n in range(min(self._max_len, len(terms) - i), 0, -1):
                seq = tuple(terms[i : i + n])
                alts = self.alternatives(seq)
                if alts or n == 1:
                    units.append((seq, alts))
                    i += n
                    break
        return units
