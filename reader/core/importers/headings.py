"""Where listed section headings go in a body of paragraphs that does not carry them.

A scraped web page gives its section headings as a separate list. Each goes before the
paragraph it heads, in order, none lost, none repeated. The placement is a segmentation
of the paragraphs into a lead (possibly empty) and one section per heading, chosen by
dynamic programming to maximise the evidence:

- **the opening**: the heading's words in the first sentence of the paragraph it is put
  before (words weighted by their rarity in the article, stems for inflections, acronyms
  the article defines expanded), and less so in the rest of that paragraph;
- **the topic shift**: a section starts where neighbouring paragraphs share few words,
  not between two paragraphs on one subject;
- **continuation**: a paragraph that opens by pointing back ("This study", "These
  foods", "... also ...", "However") is an unlikely section start;
- **membership**: each paragraph sits better under the heading whose words it uses than
  under another heading;
- **anchors**: a bare heading line in the body that names a listed heading fixes it; a
  bare line that names none is where some listed heading most likely starts;
- **the order constraint** and **section counts**: headings keep their order, and each
  gets at least one paragraph when there are enough.

Where another placement of a heading scores almost as well, the placement is reported
as uncertain with its alternatives, so staff can confirm or move it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reader.core.text import fold, sentence_spans

_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_FUNCTION_WORDS = _wordset(
    """a an and the of for in on at to by with from is are was were be been being that this
    these those it its as or not no but than then there their they them which who what when
    where while how why do does did can could may might will would should also more most
    very such into over about after before between during through up out so if each other
    some any all both only own same too just our we you your my me i us get gets"""
)
#: A paragraph that opens like this continues the one before it.
_CONTINUES = re.compile(
    r"^(?:this|these|those|such|it|they|he|she|its|their|however|but|yet|still|because|"
    r"so|thus|therefore|also|likewise|similarly|instead|even so|and|or|another|"
    r"the (?:results?|stud(?:y|ies)|researchers|findings|authors|review|trial)|"
    r"(?:\w+[ ,]+){0,3}(?:also|too)\b|(?:\w+\s+){1,2}(?:this|these|those|such)\b)\b",
    re.IGNORECASE,
)

#: Weights of the evidence (see the module's description).
OPENING_WEIGHT = 1.0
PARAGRAPH_WEIGHT = 0.4
SHIFT_WEIGHT = 0.3
CONTINUES_PENALTY = 1.0
MEMBER_WEIGHT = 0.2
ARTICLE_START_SHIFT = 0.3  # how much the article's start counts as a topic shift
BARE_LINE_BONUS = 0.6
#: ... for a heading whose words open no paragraph better than this.
BARE_LINE_WEAK_EVIDENCE = 0.25
COMMON_WORDS_FLOOR = 2.0
START_WEIGHT = 0.3  # the heading's words among the paragraph's first three content words
LENGTH_WEIGHT = 0.15  # per paragraph a section is longer or shorter than the average
LONG_LEAD_WEIGHT = 0.3  # per lead paragraph beyond the first
#: A placement that a different one comes within this much of is reported as uncertain.
UNCERTAIN_MARGIN = 0.2
WORDLESS_MARGIN = 0.4
#: Sections between two headings are at most this long, or three times the average.
MIN_LONGEST_SECTION = 12


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light stemmer: "Tasting"/"taste", "vaccinated"/"vaccine", "Kidneys"/"kidney"."""
    w = fold(word).replace("’", "'")
    w = re.sub(r"'s?$", "", w).replace("-", "").replace("'", "")
    for suffix in ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    return w[:6]


def acronyms_defined(paragraphs: Sequence[str]) -> dict[str, str]:
    """Acronyms the text defines: "autism spectrum disorder (ASD)" -> ASD: those words."""
    found: dict[str, str] = {}
    for text in paragraphs:
        for m in re.finditer(r"\(([A-Z]{2,8})s?\)", text):
            acronym = m.group(1)
            words = _WORDS.findall(text[: m.start()])
            content = [w for w in words if fold(w) not in _FUNCTION_WORDS]
            if len(content) >= len(acronym):
                tail = content[-len(acronym) :]
                if all(w[0].upper() == a for w, a in zip(tail, acronym, strict=True)):
                    found.setdefault(acronym, " ".join(tail))
    return found


def _terms(text: str, acronyms: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for w in _WORDS.findall(text):
        if fold(w) not in _FUNCTION_WORDS:
            out.append(_stem(w))
        if w in acronyms:
            out.extend(_stem(x) for x in _WORDS.findall(acronyms[w]))
    return out


def same_heading(a: str, b: str) -> bool:
    """Whether two wordings name one heading ("Future Advances" / "... on this Topic")."""
    wa = {_stem(w) for w in _WORDS.findall(a) if fold(w) not in _FUNCTION_WORDS}
    wb = {_stem(w) for w in _WORDS.findall(b) if fold(w) not in _FUNCTION_WORDS}
    if not wa or not wb:
        return fold(a).strip() == fold(b).strip()
    if wa <= wb or wb <= wa:
        return True
    return len(wa & wb) / len(wa | wb) >= 0.6


@dataclass(frozen=True, slots=True)
class Placement:
    """Where each listed heading goes, and the ones the evidence does not settle.

    ``positions[i]`` is the paragraph heading ``i`` goes before. ``uncertain`` maps a
    heading's index to the other paragraphs it could go before, best first.
    ``merged_bare`` holds the bare-line positions a listed heading took over.
    """

    positions: tuple[int, ...]
    uncertain: Mapping[int, tuple[int, ...]]
    merged_bare: frozenset[int]


class _Evidence:
    def __init__(self, paragraphs: Sequence[str], headings: Sequence[str], title: str) -> None:
        self.n = len(paragraphs)
        acronyms = acronyms_defined(paragraphs)
        self.full = [set(_terms(p, acronyms)) for p in paragraphs]
        counts = [_terms(p, acronyms) for p in paragraphs]
        firsts = []
        for p in paragraphs:
            spans = sentence_spans(p)
            firsts.append(p[spans[0][0] : spans[0][1]] if spans else p)
        self.first = [set(_terms(f, acronyms)) for f in firsts]
        self.start = [set(_terms(f, acronyms)[:3]) for f in firsts]
        df: dict[str, int] = {}
        for bag in self.full:
            for t in bag:
                df[t] = df.get(t, 0) + 1
        self.idf = {t: math.log((self.n + 1) / (c + 0.5)) for t, c in df.items()}
        self.heads = [list(dict.fromkeys(_terms(h, acronyms))) for h in headings]
        self.title = list(dict.fromkeys(_terms(title, acronyms)))
        self.continues = [bool(_CONTINUES.match(p.strip())) for p in paragraphs]
        # Topic shift before each paragraph: 1 - cosine of neighbouring paragraphs' words.
        vectors = []
        for terms in counts:
            v: dict[str, float] = {}
            for t in terms:
                v[t] = v.get(t, 0.0) + self.idf.get(t, 0.0)
            vectors.append(v)
        shifts = [1.0 - _cosine(vectors[p - 1], vectors[p]) for p in range(1, self.n)]
        # Relative to this article's neighbours: short paragraphs share few words anyway.
        low, high = (min(shifts), max(shifts)) if shifts else (0.0, 0.0)
        spread = high - low or 1.0
        self.shift = [ARTICLE_START_SHIFT] + [(v - low) / spread for v in shifts]
        self.cover_full = [
            [self._cover(h, self.full[p]) for p in range(self.n)] for h in self.heads
        ]
        self.cover_first = [
            [self._cover(h, self.first[p]) for p in range(self.n)] for h in self.heads
        ]
        self.cover_start = [
            [self._cover(h, self.start[p]) for p in range(self.n)] for h in self.heads
        ]

    def _weight(self, term: str) -> float:
        return self.idf.get(term, math.log(self.n + 1.5))

    def _cover(self, terms: Sequence[str], bag: set[str]) -> float:
        """The heading's word weight found in ``bag``, as a share; words every paragraph
        uses ("diabetes" in an article on diabetes) weigh next to nothing."""
        weights = [(t, self._weight(t)) for t in terms]
        total = sum(w for _, w in weights)
        if not total:
            return 0.0
        return sum(w for t, w in weights if t in bag) / (total + COMMON_WORDS_FLOOR)

    def opening(self, i: int, p: int) -> float:
        value = OPENING_WEIGHT * self.cover_first[i][p] + PARAGRAPH_WEIGHT * self.cover_full[i][p]
        value += START_WEIGHT * self.cover_start[i][p]
        value += SHIFT_WEIGHT * self.shift[p]
        if self.continues[p]:
            value -= CONTINUES_PENALTY
        return value

    def member(self, i: int, p: int) -> float:
        others = [self.cover_full[j][p] for j in range(len(self.heads)) if j != i]
        return MEMBER_WEIGHT * (self.cover_full[i][p] - (max(others) if others else 0.0))


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def place_headings(
    paragraphs: Sequence[str],
    listed: Sequence[str],
    fixed: Mapping[int, int],
    bare: set[int],
    title: str = "",
) -> Placement:
    """Place ``listed`` headings before paragraphs (see the module's description).

    ``fixed`` maps a heading's index to its known position (a bare line naming it, or
    an override); ``bare`` holds the positions of bare heading lines that name no listed
    heading. Positions increase strictly when there are enough paragraphs; otherwise
    headings may share a paragraph (an empty section).
    """
    m, n = len(listed), len(paragraphs)
    if m == 0:
        return Placement((), {}, frozenset())
    if n == 0:
        return Placement(tuple(0 for _ in listed), {}, frozenset())
    evidence = _Evidence(paragraphs, listed, title)
    taken = set(fixed.values())
    # A bare line naming no listed heading is where a heading without words of its own in
    # any paragraph's opening most likely starts.
    weak = {i for i in range(m) if max(evidence.cover_first[i]) < BARE_LINE_WEAK_EVIDENCE}

    def opening(i: int, p: int) -> float:
        if i in fixed:
            return 0.0 if fixed[i] == p else -math.inf
        if p in taken:
            return -math.inf
        bonus = BARE_LINE_BONUS if p in bare and i in weak else 0.0
        return evidence.opening(i, p) + bonus

    member = [[evidence.member(i, p) for p in range(n)] for i in range(m)]
    prefix = [[0.0] * (n + 1) for _ in range(m)]
    for i in range(m):
        for p in range(n):
            prefix[i][p + 1] = prefix[i][p] + member[i][p]

    average = n / m

    def segment(i: int, start: int, end: int) -> float:
        return prefix[i][end] - prefix[i][start] - LENGTH_WEIGHT * abs(end - start - average)

    first_bare = min(bare | taken, default=n)

    def lead(length: int) -> float:  # a bare heading line ends the lead, whatever follows
        return -LONG_LEAD_WEIGHT * max(0, min(length, first_bare) - 1)

    strict = n >= m
    longest = max(MIN_LONGEST_SECTION, math.ceil(3 * average))
    tables = _solve(m, n, opening, segment, lead, strict, longest)
    if tables is None and strict:
        strict = False
        tables = _solve(m, n, opening, segment, lead, strict, longest)
    if tables is None:  # fixed headings in another order than the list: keep their places
        return _around_fixed(paragraphs, listed, fixed, bare, title)
    total, positions, through = tables
    uncertain: dict[int, tuple[int, ...]] = {}
    for i in range(m):
        if i in fixed:
            continue
        # A heading none of whose words open the paragraph it was put before is placed by
        # the structure alone: a wider margin counts as close.
        wordless = evidence.cover_first[i][positions[i]] == 0.0
        margin = WORDLESS_MARGIN if wordless else UNCERTAIN_MARGIN
        close = sorted(
            (total - through[i][p], p)
            for p in range(n)
            if p != positions[i] and total - through[i][p] < margin
        )
        if close:
            uncertain[i] = tuple(p for _, p in close[:2])
    merged = frozenset(p for i, p in enumerate(positions) if p in bare and i not in fixed)
    return Placement(tuple(positions), uncertain, merged)


def _solve(
    m: int,
    n: int,
    opening: Callable[[int, int], float],
    segment: Callable[[int, int, int], float],
    lead: Callable[[int], float],
    strict: bool,
    longest: int,
) -> tuple[float, list[int], list[list[float]]] | None:
    """The best total, its positions, and for every (heading, paragraph) the best total of
    a placement that puts the heading there (forward and backward passes; sections in the
    middle are at most ``longest`` paragraphs, so the work grows with n, not n squared)."""
    neg = -math.inf
    empty = 0 if strict else 1  # a section may be empty only when it cannot be helped
    opens = [[opening(i, p) for p in range(n)] for i in range(m)]
    f = [[neg] * n for _ in range(m)]
    back = [[-1] * n for _ in range(m)]
    for p in range(n):
        if opens[0][p] > neg:
            f[0][p] = opens[0][p] + lead(p)
    for i in range(1, m):
        for p in range(n):
            here = opens[i][p]
            if here == neg:
                continue
            for q in range(max(0, p - longest), p + empty):
                if q >= n or f[i - 1][q] == neg:
                    continue
                value = f[i - 1][q] + segment(i - 1, q, p) + here - (10.0 if q == p else 0.0)
                if value > f[i][p]:
                    f[i][p], back[i][p] = value, q
    g = [[neg] * n for _ in range(m)]
    for p in range(n):
        g[m - 1][p] = segment(m - 1, p, n)
    for i in range(m - 2, -1, -1):
        for p in range(n):
            for q in range(p + 1 - empty, min(n, p + longest + 1)):
                nxt = opens[i + 1][q]
                if nxt == neg or g[i + 1][q] == neg:
                    continue
                value = segment(i, p, q) + nxt + g[i + 1][q] - (10.0 if q == p else 0.0)
                if value > g[i][p]:
                    g[i][p] = value
    finals = [(f[m - 1][p] + g[m - 1][p], p) for p in range(n)]
    total, end = max(finals)
    if total == neg:
        return None
    positions = [end]
    for i in range(m - 1, 0, -1):
        positions.append(back[i][positions[-1]])
    positions.reverse()
    through = [[f[i][p] + g[i][p] for p in range(n)] for i in range(m)]
    return total, positions, through


def _around_fixed(
    paragraphs: Sequence[str],
    listed: Sequence[str],
    fixed: Mapping[int, int],
    bare: set[int],
    title: str,
) -> Placement:
    """Fixed headings in another order than the list keep their places; each run of the
    others goes after the fixed headings listed before it (and before those after it)."""
    positions = [0] * len(listed)
    for i, pos in fixed.items():
        positions[i] = pos
    taken = set(fixed.values())
    i = 0
    while i < len(listed):
        if i in fixed:
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(listed) and run[-1] + 1 not in fixed:
            run.append(run[-1] + 1)
        low = max((fixed[j] + 1 for j in fixed if j < i), default=0)
        high = min((fixed[j] for j in fixed if j > run[-1]), default=len(paragraphs))
        window = [p for p in range(len(paragraphs)) if p not in taken and low <= p < high]
        if not window:
            window = [p for p in range(len(paragraphs)) if p not in taken] or [low]
        window = [p for p in window if p < len(paragraphs)] or [len(paragraphs) - 1]
        sub = place_headings(
            [paragraphs[p] for p in window], [listed[k] for k in run], {}, set(), title
        )
        for k, pos in zip(run, sub.positions, strict=True):
            positions[k] = window[min(pos, len(window) - 1)]
        i = run[-1] + 1
    return Placement(tuple(positions), {}, frozenset())
