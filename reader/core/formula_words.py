"""The words a screen reader says for a formula, in any interface language.

The MathML importer (:mod:`reader.core.importers.mathml`) writes what to say for a formula
as a sequence of words, each either a word of this module's vocabulary ("sub", "the
fraction", "nu", "equals"), written ``~key``, or text from the formula itself (a number,
a variable's name, a formula's own words), written as it is:

    ~nu ~sub i j ~of t, ~tau, ~equals ~fraction ~vector v ~sub i ~of t, ~over ...

:func:`say` puts it into words with a table of the vocabulary: :func:`english_words` in
the core (and for the ``aria-label`` of the library Markdown), the interface's translation
of :data:`VOCABULARY` in the window, so a Spanish interface says "nu subíndice i j de t".

A formula's own text that starts with ``~`` is written with it doubled (``~~x``), so it
is never taken for a word of the vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.core.texts import QT_TRANSLATE_NOOP, Text

#: How a word of the vocabulary is written: ``~`` and its key.
MARK = "~"

#: Unicode's INVISIBLE SEPARATOR, the character MathML puts between indices: written
#: between a letter and its sub- or superscript and between the letters of a script
#: ("ν⁣i⁣j"). Nothing is seen, but a speech synthesiser reading the text (a screen
#: reader's Say All, reading by line) hears the letters apart: "nu i j", "x i",
#: "sigma s", where "νij", "xi", "σs" sound "nuidge", "Roman eleven", "sigmas".
SEPARATOR = "\u2063"
#: The invisible mathematical operators (function application, times, separator, plus).
_UNSEEN = re.compile("[\u2061-\u2064]")


def without_separators(text: str) -> str:
    """``text`` as it is seen (what a copy carries): no invisible separators."""
    return _UNSEEN.sub("", text)


#: Every word a formula's spoken form may hold, by key. The contexts keep apart the words
#: that are the same in English but not in every language ("over" of a fraction and of a
#: maximum, "bar" of an accent and of the symbol |, "to" of a sum's limits and of an arrow).
VOCABULARY: dict[str, Text] = {
    # how a formula is built
    "sub": QT_TRANSLATE_NOOP("Formula", "sub"),
    "end_sub": QT_TRANSLATE_NOOP("Formula", "end sub"),
    "squared": QT_TRANSLATE_NOOP("Formula", "squared"),
    "cubed": QT_TRANSLATE_NOOP("Formula", "cubed"),
    "transposed": QT_TRANSLATE_NOOP("Formula", "transposed"),
    "inverse": QT_TRANSLATE_NOOP("Formula", "inverse"),
    "power": QT_TRANSLATE_NOOP("Formula", "to the power"),
    "end_power": QT_TRANSLATE_NOOP("Formula", "end power"),
    "over": QT_TRANSLATE_NOOP("Formula", "over"),
    "fraction": QT_TRANSLATE_NOOP("Formula", "the fraction"),
    "end_fraction": QT_TRANSLATE_NOOP("Formula", "end fraction"),
    "root": QT_TRANSLATE_NOOP("Formula", "root"),
    "of": QT_TRANSLATE_NOOP("Formula", "of"),
    "square_root": QT_TRANSLATE_NOOP("Formula", "the square root of"),
    "end_root": QT_TRANSLATE_NOOP("Formula", "end root"),
    "from": QT_TRANSLATE_NOOP("Formula", "from"),
    "to": QT_TRANSLATE_NOOP("Formula", "to"),
    "under": QT_TRANSLATE_NOOP("Formula", "under"),
    "with": QT_TRANSLATE_NOOP("Formula", "with"),
    "above": QT_TRANSLATE_NOOP("Formula", "above"),
    "open_paren": QT_TRANSLATE_NOOP("Formula", "open paren"),
    "close_paren": QT_TRANSLATE_NOOP("Formula", "close paren"),
    "open_bracket": QT_TRANSLATE_NOOP("Formula", "open bracket"),
    "close_bracket": QT_TRANSLATE_NOOP("Formula", "close bracket"),
    "open_brace": QT_TRANSLATE_NOOP("Formula", "open brace"),
    "close_brace": QT_TRANSLATE_NOOP("Formula", "close brace"),
    "over_limit": QT_TRANSLATE_NOOP("Formula limit", "over"),
    # accents, said before or after the letter they mark
    "vector": QT_TRANSLATE_NOOP("Formula accent", "vector"),
    "bar": QT_TRANSLATE_NOOP("Formula accent", "bar"),
    "underline": QT_TRANSLATE_NOOP("Formula accent", "underline"),
    "hat": QT_TRANSLATE_NOOP("Formula accent", "hat"),
    "tilde_accent": QT_TRANSLATE_NOOP("Formula accent", "tilde"),
    "dot": QT_TRANSLATE_NOOP("Formula accent", "dot"),
    "double_dot": QT_TRANSLATE_NOOP("Formula accent", "double dot"),
    "check": QT_TRANSLATE_NOOP("Formula accent", "check"),
    "acute": QT_TRANSLATE_NOOP("Formula accent", "acute"),
    "grave": QT_TRANSLATE_NOOP("Formula accent", "grave"),
    # symbols
    "equals": QT_TRANSLATE_NOOP("Formula symbol", "equals"),
    "plus": QT_TRANSLATE_NOOP("Formula symbol", "plus"),
    "minus": QT_TRANSLATE_NOOP("Formula symbol", "minus"),
    "plus_minus": QT_TRANSLATE_NOOP("Formula symbol", "plus or minus"),
    "minus_plus": QT_TRANSLATE_NOOP("Formula symbol", "minus or plus"),
    "times": QT_TRANSLATE_NOOP("Formula symbol", "times"),
    "star": QT_TRANSLATE_NOOP("Formula symbol", "star"),
    "divided_by": QT_TRANSLATE_NOOP("Formula symbol", "divided by"),
    "less": QT_TRANSLATE_NOOP("Formula symbol", "is less than"),
    "greater": QT_TRANSLATE_NOOP("Formula symbol", "is greater than"),
    "less_equal": QT_TRANSLATE_NOOP("Formula symbol", "is less than or equal to"),
    "greater_equal": QT_TRANSLATE_NOOP("Formula symbol", "is greater than or equal to"),
    "not_equal": QT_TRANSLATE_NOOP("Formula symbol", "is not equal to"),
    "approximately": QT_TRANSLATE_NOOP("Formula symbol", "is approximately"),
    "much_less": QT_TRANSLATE_NOOP("Formula symbol", "is much less than"),
    "much_greater": QT_TRANSLATE_NOOP("Formula symbol", "is much greater than"),
    "congruent": QT_TRANSLATE_NOOP("Formula symbol", "is congruent to"),
    "identical": QT_TRANSLATE_NOOP("Formula symbol", "is identical to"),
    "tilde": QT_TRANSLATE_NOOP("Formula symbol", "tilde"),
    "proportional": QT_TRANSLATE_NOOP("Formula symbol", "is proportional to"),
    "arrow_to": QT_TRANSLATE_NOOP("Formula symbol", "to"),
    "arrow_from": QT_TRANSLATE_NOOP("Formula symbol", "from"),
    "implies": QT_TRANSLATE_NOOP("Formula symbol", "implies"),
    "if_and_only_if": QT_TRANSLATE_NOOP("Formula symbol", "if and only if"),
    "maps_to": QT_TRANSLATE_NOOP("Formula symbol", "maps to"),
    "in": QT_TRANSLATE_NOOP("Formula symbol", "in"),
    "not_in": QT_TRANSLATE_NOOP("Formula symbol", "not in"),
    "subset": QT_TRANSLATE_NOOP("Formula symbol", "subset of"),
    "subset_equal": QT_TRANSLATE_NOOP("Formula symbol", "subset of or equal to"),
    "union": QT_TRANSLATE_NOOP("Formula symbol", "union"),
    "intersection": QT_TRANSLATE_NOOP("Formula symbol", "intersection"),
    "sum": QT_TRANSLATE_NOOP("Formula symbol", "sum"),
    "product": QT_TRANSLATE_NOOP("Formula symbol", "product"),
    "integral": QT_TRANSLATE_NOOP("Formula symbol", "integral"),
    "partial": QT_TRANSLATE_NOOP("Formula symbol", "partial"),
    "nabla": QT_TRANSLATE_NOOP("Formula symbol", "nabla"),
    "infinity": QT_TRANSLATE_NOOP("Formula symbol", "infinity"),
    "for_all": QT_TRANSLATE_NOOP("Formula symbol", "for all"),
    "exists": QT_TRANSLATE_NOOP("Formula symbol", "there exists"),
    "empty_set": QT_TRANSLATE_NOOP("Formula symbol", "empty set"),
    "prime": QT_TRANSLATE_NOOP("Formula symbol", "prime"),
    "double_prime": QT_TRANSLATE_NOOP("Formula symbol", "double prime"),
    "percent": QT_TRANSLATE_NOOP("Formula symbol", "percent"),
    "factorial": QT_TRANSLATE_NOOP("Formula symbol", "factorial"),
    "dots": QT_TRANSLATE_NOOP("Formula symbol", "dot dot dot"),
    "vertical_bar": QT_TRANSLATE_NOOP("Formula symbol", "bar"),
    "norm": QT_TRANSLATE_NOOP("Formula symbol", "norm"),
    "parallel": QT_TRANSLATE_NOOP("Formula symbol", "parallel to"),
    "perpendicular": QT_TRANSLATE_NOOP("Formula symbol", "perpendicular to"),
    "degrees": QT_TRANSLATE_NOOP("Formula symbol", "degrees"),
    "square_root_sign": QT_TRANSLATE_NOOP("Formula symbol", "square root of"),
    "and": QT_TRANSLATE_NOOP("Formula symbol", "and"),
    "ell": QT_TRANSLATE_NOOP("Formula symbol", "ell"),
    "transpose": QT_TRANSLATE_NOOP("Formula symbol", "transpose"),
    "defined_as": QT_TRANSLATE_NOOP("Formula symbol", "is defined as"),
    "h_bar": QT_TRANSLATE_NOOP("Formula symbol", "h bar"),
    # Greek letters
    "alpha": QT_TRANSLATE_NOOP("Formula letter", "alpha"),
    "beta": QT_TRANSLATE_NOOP("Formula letter", "beta"),
    "gamma": QT_TRANSLATE_NOOP("Formula letter", "gamma"),
    "delta": QT_TRANSLATE_NOOP("Formula letter", "delta"),
    "epsilon": QT_TRANSLATE_NOOP("Formula letter", "epsilon"),
    "zeta": QT_TRANSLATE_NOOP("Formula letter", "zeta"),
    "eta": QT_TRANSLATE_NOOP("Formula letter", "eta"),
    "theta": QT_TRANSLATE_NOOP("Formula letter", "theta"),
    "iota": QT_TRANSLATE_NOOP("Formula letter", "iota"),
    "kappa": QT_TRANSLATE_NOOP("Formula letter", "kappa"),
    "lambda": QT_TRANSLATE_NOOP("Formula letter", "lambda"),
    "mu": QT_TRANSLATE_NOOP("Formula letter", "mu"),
    "nu": QT_TRANSLATE_NOOP("Formula letter", "nu"),
    "xi": QT_TRANSLATE_NOOP("Formula letter", "xi"),
    "omicron": QT_TRANSLATE_NOOP("Formula letter", "omicron"),
    "pi": QT_TRANSLATE_NOOP("Formula letter", "pi"),
    "rho": QT_TRANSLATE_NOOP("Formula letter", "rho"),
    "sigma": QT_TRANSLATE_NOOP("Formula letter", "sigma"),
    "tau": QT_TRANSLATE_NOOP("Formula letter", "tau"),
    "upsilon": QT_TRANSLATE_NOOP("Formula letter", "upsilon"),
    "phi": QT_TRANSLATE_NOOP("Formula letter", "phi"),
    "chi": QT_TRANSLATE_NOOP("Formula letter", "chi"),
    "psi": QT_TRANSLATE_NOOP("Formula letter", "psi"),
    "omega": QT_TRANSLATE_NOOP("Formula letter", "omega"),
    "capital_alpha": QT_TRANSLATE_NOOP("Formula letter", "capital alpha"),
    "capital_beta": QT_TRANSLATE_NOOP("Formula letter", "capital beta"),
    "capital_gamma": QT_TRANSLATE_NOOP("Formula letter", "capital gamma"),
    "capital_delta": QT_TRANSLATE_NOOP("Formula letter", "capital delta"),
    "capital_epsilon": QT_TRANSLATE_NOOP("Formula letter", "capital epsilon"),
    "capital_zeta": QT_TRANSLATE_NOOP("Formula letter", "capital zeta"),
    "capital_eta": QT_TRANSLATE_NOOP("Formula letter", "capital eta"),
    "capital_theta": QT_TRANSLATE_NOOP("Formula letter", "capital theta"),
    "capital_iota": QT_TRANSLATE_NOOP("Formula letter", "capital iota"),
    "capital_kappa": QT_TRANSLATE_NOOP("Formula letter", "capital kappa"),
    "capital_lambda": QT_TRANSLATE_NOOP("Formula letter", "capital lambda"),
    "capital_mu": QT_TRANSLATE_NOOP("Formula letter", "capital mu"),
    "capital_nu": QT_TRANSLATE_NOOP("Formula letter", "capital nu"),
    "capital_xi": QT_TRANSLATE_NOOP("Formula letter", "capital xi"),
    "capital_omicron": QT_TRANSLATE_NOOP("Formula letter", "capital omicron"),
    "capital_pi": QT_TRANSLATE_NOOP("Formula letter", "capital pi"),
    "capital_rho": QT_TRANSLATE_NOOP("Formula letter", "capital rho"),
    "capital_sigma": QT_TRANSLATE_NOOP("Formula letter", "capital sigma"),
    "capital_tau": QT_TRANSLATE_NOOP("Formula letter", "capital tau"),
    "capital_upsilon": QT_TRANSLATE_NOOP("Formula letter", "capital upsilon"),
    "capital_phi": QT_TRANSLATE_NOOP("Formula letter", "capital phi"),
    "capital_chi": QT_TRANSLATE_NOOP("Formula letter", "capital chi"),
    "capital_psi": QT_TRANSLATE_NOOP("Formula letter", "capital psi"),
    "capital_omega": QT_TRANSLATE_NOOP("Formula letter", "capital omega"),
}

_WORD = re.compile(rf"{MARK}([a-z_]+)(.*)", re.S)


def word(key: str) -> str:
    """The vocabulary word ``key`` as it is written in a spoken form (``~key``)."""
    if key not in VOCABULARY:
        raise KeyError(f"no formula word {key!r}")
    return MARK + key


def literal(text: str) -> str:
    """A formula's own text as it is written in a spoken form (a leading ``~`` doubled)."""
    return " ".join(MARK + w if w.startswith(MARK) else w for w in text.split())


def english_words() -> dict[str, str]:
    """The vocabulary in English (the words as the code writes them)."""
    return {key: str(text) for key, text in VOCABULARY.items()}


def say(words: str, table: Mapping[str, str] | None = None) -> str:
    """A spoken form (see the module's docstring) in words, from ``table`` (the vocabulary
    by key; English when None or where it has no word)."""
    table = table if table is not None else english_words()
    out: list[str] = []
    for token in words.split():
        if token.startswith(MARK + MARK):
            out.append(token[1:])
            continue
        found = _WORD.fullmatch(token)
        if found is None or found.group(1) not in VOCABULARY:
            out.append(token)
            continue
        key, rest = found.groups()
        phrase = table.get(key) or str(VOCABULARY[key])
        out.append(phrase + rest)
    return " ".join(out)


def greek_key(small: bool, name: str) -> str | None:
    """The vocabulary key of a Greek letter named ``name`` (Unicode's name: "NU", "LAMDA")."""
    letter = name.lower().replace("lamda", "lambda")
    key = letter if small else f"capital_{letter}"
    return key if key in VOCABULARY else None
