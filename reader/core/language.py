"""Languages: article language codes, text direction, and how each language is searched.

An article's front matter says its ``language`` (a BCP 47 tag such as ``es`` or ``es-MX``).
That code decides

- the language a screen reader and the speech voice use for its text (the UI asks
  :func:`primary_code`);
- the direction of its text (:func:`direction`: right to left for Arabic, Hebrew, …);
- how it is indexed and how a query in that language is analysed (:class:`Languages`):
  stop words and a Snowball stemmer per language, accent folding everywhere (so ``nino``
  and ``niño`` are one word, whichever is typed), British -> American spellings and the
  lay/clinical synonyms for English only.

The search engine's stemmers are passed in (``reader.core.search`` hands over Whoosh's),
so this module stays engine-free and Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from reader.core.vocabulary import Analysis, fold_word

_T = TypeVar("_T")

#: Articles without a ``language`` are English.
DEFAULT_LANGUAGE = "en"

# ISO 639-1: every two-letter language code (``check`` warns on any other).
_ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
    "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks "
    "ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl "
    "nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl "
    "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
    "vi vo wa wo xh yi yo za zh zu"
)
LANGUAGE_CODES = frozenset(_ISO_639_1.split())

#: Interface languages with a complete translation, each named in its own language.
INTERFACE_LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("es", "Español"))

#: Languages written from right to left.
RTL_LANGUAGES = frozenset({"ar", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


def primary_code(tag: str | None) -> str:
    """The primary language of a BCP 47 tag, lower case: ``es-MX`` -> ``es``,
    ``pt_BR`` -> ``pt``; "" when ``tag`` is not a language tag at all."""
    if not isinstance(tag, str):
        return ""
    found = _TAG.match(tag.strip())
    return found.group(1).lower() if found else ""


def is_known_code(tag: str | None) -> bool:
    """True when ``tag``'s primary language is an ISO 639-1 code."""
    return primary_code(tag) in LANGUAGE_CODES


def direction(tag: str | None) -> str:
    """ "rtl" for a language written right to left, else "ltr"."""
    return "rtl" if primary_code(tag) in RTL_LANGUAGES else "ltr"


# --- analysis per language ---------------------------------------------------------------

#: Words of Whoosh's Spanish stop list that carry meaning in health text ("no", "sin
#: azúcar", "vacuna contra…", "estado de salud", "siente dolor"): they are searched.
_KEEP_TEXT = "no sin contra estado estados sentido sentidos sentida sentidas siente sintiendo"
_SPANISH_KEEP = frozenset(fold_word(w) for w in _KEEP_TEXT.split())

#: Letters that appear in Spanish words and not in English ones: a hint of the query's language.
_HINT_LETTERS: dict[str, frozenset[str]] = {
    "es": frozenset("ñáéíóúü¿¡"),
}

# A Spanish singular may end in these consonants before a plural "-es" (enfermedad-es,
# hospital-es, mujer-es, corazon-es, mes-es, reloj-es, ley-es); "-ces" is "-z" (luz, luces).
_ES_PLURAL_ES = re.compile(r"(?<=[dlnrsjy])es$")


def spanish_singular(word: str) -> str:
    """A folded Spanish word without its plural ending: ``enfermedades`` -> ``enfermedad``,
    ``luces`` -> ``luz``, ``ninos`` -> ``nino``. Short words are left alone."""
    if len(word) < 5 or not word.endswith("s"):
        return word
    if word.endswith("ces"):
        return word[:-3] + "z"
    if _ES_PLURAL_ES.search(word):
        return word[:-2]
    if word[-2] in "aeiou":
        return word[:-1]
    return word


def spanish_stemmer(snowball: Callable[[str], str]) -> Callable[[str], str]:
    """Whoosh's Snowball Spanish stemmer made consistent for search.

    Words arrive folded (no accents, ``ñ`` -> ``n``: what a person types without accents
    matches text written with them). Snowball's Spanish rules stem singular and plural
    differently (``enfermedad`` -> ``enfermed`` but ``enfermedades`` -> ``enfermedad``) and
    some of its suffixes carry an accent; so the plural goes first, ``-cion`` regains its
    accent (``alimentacion`` -> ``aliment``, like ``alimentar``), and the stem is folded.
    """

    def stem(word: str) -> str:
        single = spanish_singular(word)
        if single.endswith("cion"):
            single = single[:-4] + "ción"
        elif single.endswith("logia"):
            single = single[:-5] + "logía"
        return fold_word(snowball(single))

    return stem


@dataclass(frozen=True, slots=True)
class LanguageSupport:
    """How the search engine treats one language: its analysis, and whether it has its
    own stemmer and stop words (languages without them are only folded)."""

    code: str
    analysis: Analysis
    stemmed: bool


class Languages:
    """The analysis of every language the reader can search, built on first use.

    ``english`` is the analysis of English (and of text whose language is unknown, and of
    languages with no stemmer); ``stemmer_for`` and ``stopwords_for`` give the search
    engine's Snowball stemmer and stop words of a language code, or None.
    """

    def __init__(
        self,
        english: Analysis,
        stemmer_for: Callable[[str], Callable[[str], str] | None],
        stopwords_for: Callable[[str], Iterable[str] | None],
    ) -> None:
        self.english = english
        self._stemmer_for = stemmer_for
        self._stopwords_for = stopwords_for
        self._support: dict[str, LanguageSupport] = {}

    def key(self, tag: str | None) -> str:
        """The language an article or query of ``tag`` is indexed as: its primary code
        when the reader has a stemmer for it, else English (the default analysis)."""
        code = primary_code(tag) or DEFAULT_LANGUAGE
        if code == DEFAULT_LANGUAGE:
            return code
        return code if self.support(code).stemmed else DEFAULT_LANGUAGE

    def support(self, code: str) -> LanguageSupport:
        found = self._support.get(code)
        if found is not None:
            return found
        if code == DEFAULT_LANGUAGE:
            found = LanguageSupport(code, self.english, True)
        else:
            snowball = _safe(self._stemmer_for, code)
            stops = _safe(self._stopwords_for, code) or ()
            folded = frozenset(fold_word(w) for w in stops)
            if code == "es":
                folded -= _SPANISH_KEEP
            stemmer = None
            if snowball is not None:
                stemmer = spanish_stemmer(snowball) if code == "es" else _folding(snowball)
            analysis = Analysis(stemmer, stop_words=folded, respell=None)
            found = LanguageSupport(code, analysis, snowball is not None)
        self._support[code] = found
        return found

    def analysis(self, tag: str | None) -> Analysis:
        return self.support(self.key(tag)).analysis

    def guess(
        self,
        words: Iterable[str],
        candidates: Iterable[str],
        known: Callable[[str, str], float],
        prefer: str | None = None,
    ) -> str:
        """The language of a query among ``candidates`` (the index's languages).

        Each word counts for a language when it is one of its stop words (``de``, ``la``;
        ``the``, ``of``), as much as the library's text in that language has it (``known(code,
        folded_word)``: 1 as written, less for another form of the word), and when it has
        letters only that language uses (``ñ``, ``¿``).
        A tie goes to ``prefer`` (the interface language), then English.
        """
        codes = list(dict.fromkeys(candidates)) or [DEFAULT_LANGUAGE]
        if len(codes) == 1:
            return codes[0]
        scores = dict.fromkeys(codes, 0.0)
        for raw in words:
            folded = fold_word(raw)
            if not folded:
                continue
            for code in codes:
                analysis = self.support(code).analysis
                if folded in analysis.stop_words:
                    scores[code] += 2
                else:
                    scores[code] += known(code, folded)
                hints = _HINT_LETTERS.get(code)
                if hints is not None and any(c in hints for c in raw.casefold()):
                    scores[code] += 2
        best = max(scores.values())
        tied = [c for c in codes if scores[c] == best]
        preferred = primary_code(prefer)
        if preferred in tied:
            return preferred
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in tied else tied[0]


def _safe(get: Callable[[str], _T | None], code: str) -> _T | None:
    """What ``get`` gives for ``code``; None when the engine does not know the language."""
    try:
        return get(code)
    except (KeyError, ValueError, LookupError):
        return None


def _folding(snowball: Callable[[str], str]) -> Callable[[str], str]:
    @lru_cache(maxsize=65536)
    def stem(word: str) -> str:
        return fold_word(snowball(word))

    return stem
