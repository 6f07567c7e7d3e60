"""Claim-to-reference linking for text that names its sources in words.

Web articles often carry no citation markers: a sentence says "a study published in
JAMA Pediatrics found ..." or "researchers at Cornell University ..." and the
reference list holds "... JAMA Pediatr." and "Cornell University. ...". This module
finds such sentences and ties them to the reference they name.

The method, in short:

1. Each sentence is searched for **mentions**: capitalised names (with a trailing
   ``(ACRONYM)``), classified by their words and context as a journal ("published
   in X", "Journal", "Pediatrics"), an organisation or institution ("researchers at
   X", "University", "Organization"), or a person ("X and colleagues", "X et al.").
2. Each reference is split into its **source names** (authors or organisation, and
   the container: journal, website) and its title. A mention matches a reference
   when its words line up with a run of words of the source names, each reference
   word equal to or an ISO 4 / NLM-style abbreviation of the mention's word
   ("JAMA Pediatr." <- "JAMA Pediatrics", "Am J Epidemiol" <- "American Journal of
   Epidemiology"), or when an acronym, an institution's distinctive name or an
   author's surname is found there. Titles never count as names.
3. A sentence that cites (it speaks of a study, review, report, researchers ...)
   and names a source is linked to the reference(s) it names. A year or a topic
   alone never links. A sentence naming a journal, organisation or person that no
   reference holds is **flagged**, with the closest reference (same kind of source,
   shared topic words, not cited elsewhere) and why it was not taken.
4. References no sentence links to are reported as unused.

Pure functions over plain text; no Qt, no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.refparse import ParsedReference, parse_reference
from reader.core.text import fold, sentence_spans

# --- vocabulary ----------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


#: Function words dropped from names before matching (as ISO 4 drops them).
NAME_STOP_WORDS = _wordset(
    "a an and the of for in on at to by with from & de du des la le van von der und fur"
)
#: Words that join capitalised words inside a name ("Journal of Autism and ...").
_CONNECTORS = _wordset("of and the for on in & de du des la le van von der da di y")
#: Capitalised words that start sentences and are not names.
_LEADING_NOISE = _wordset(
    """a an the this these that those in while however although one another finally for as it
    its they their there here when where what which who whose if but and or so such our we
    our many most some several both each other new recent recently last earlier after before
    further also more less study studies researchers research according data results"""
)
_NOISE = _LEADING_NOISE | _CONNECTORS
#: Words that make a name a journal.
_JOURNAL_WORDS = _wordset(
    """journal journals review reviews annals archives proceedings bulletin lancet medicine
    pediatrics paediatrics jama bmj nejm plos nature science letters reports quarterly
    gazette magazine epidemiology nutrition obstetrics gynecology gynaecology pediatr"""
)
#: Words that make a name an organisation or institution.
_ORG_WORDS = _wordset(
    """university universities institute institutes college school organization organisation
    association society agency centre center centers centres department foundation council
    ministry hospital clinic academy board committee service services administration authority
    trust laboratory laboratories academies network federation commission office nhs"""
)
#: Words too generic to identify a source on their own.
GENERIC_NAME_WORDS = _ORG_WORDS | _wordset(
    """journal journals review reviews annals archives proceedings bulletin national american
    international medical health world global public research researchers science sciences
    study studies report reports new england british european royal federal state united
    states general clinical press"""
)
#: Words that say a sentence is citing something.
_CUE = re.compile(
    r"\b(stud(?:y|ies)|review(?:ed|s)?|report(?:ed|s)?|survey(?:s|ed)?|trials?|research(?:ers)?|"
    r"published|publication|found|find(?:s|ings)?|show(?:s|ed|n)?|according|recommend(?:s|ed|ations?)?|"
    r"guidelines?|analys[ie]s|meta-analys[ie]s|data|paper|article|conclude[sd]?|suggest(?:s|ed)?|"
    r"state[sd]?|estimate[sd]?|noted|note[sd]?|demonstrated|observed|investigators|scientists|"
    r"experts|colleagues|co-?workers|et al|highlighted|warn(?:s|ed)?|advise[sd]?|journal)\b",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(
    r"^\s*(?:et al\b|"
    r"and (?:his |her |their )?(?:colleagues|co-?workers|coauthors|co-authors|team)\b|"
    r"['’]s? (?:team|group|lab|laboratory)\b)",
    re.IGNORECASE,
)
_PERSON_BEFORE = re.compile(r"(?:\b(?:Dr|Prof|Professor)\.?|\bled by)\s*$", re.IGNORECASE)
_JOURNAL_BEFORE = re.compile(
    r"(?:\b(?:published|appeared|reported|printed|appearing)\s+in|\bin the journal|"
    r"\bjournal)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ORG_BEFORE = re.compile(
    r"(?:\b(?:researchers|scientists|investigators|experts|team|teams|doctors|group)\s+"
    r"(?:at|from|of)|\baccording to|\bby|\bfrom)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ORG_AFTER = re.compile(r"^\s*(?:researchers|scientists|investigators|experts)\b", re.IGNORECASE)

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*|\S")
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_TOPIC_STOP = _wordset(
    """a an and the of for in on at to by with from is are was were be been being that this
    these those it its as or not no but than then there their they them which who whom whose
    what when where while had has have do does did can could may might will would should
    shall also more most less least very such into over under about after before between
    during through up down out so if each other some any all both only own same too just
    study studies published found showed results researchers research review year years
    compared significantly higher lower levels level"""
)


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceReference:
    """A reference as the linker sees it: its key, display number and text."""

    key: str
    number: int
    text: str
    parsed: ParsedReference


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a sentence: ``kind`` is journal, organisation, person or name."""

    text: str
    kind: str
    start: int
    end: int
    acronym: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimLink:
    """A sentence (``start``..``end`` in paragraph ``paragraph``) that cites ``reference_key``."""

    paragraph: int
    start: int
    end: int
    sentence: str
    reference_key: str
    evidence: str


@dataclass(frozen=True, slots=True)
class ClaimFlag:
    """A sentence naming a source that is not in the references; never linked."""

    paragraph: int
    start: int
    end: int
    sentence: str
    names: str
    closest_key: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class LinkReport:
    links: tuple[ClaimLink, ...]
    flags: tuple[ClaimFlag, ...]
    unused: tuple[str, ...]  # keys of references no claim links to

    def lines(self, references: Sequence[SourceReference]) -> tuple[str, ...]:
        number = {r.key: r.number for r in references}
        out = [
            f"claim -> ref {number.get(link.reference_key, '?')} [{link.reference_key}] "
            f"({link.evidence}): {link.sentence}"
            for link in self.links
        ]
        for flag in self.flags:
            closest = (
                f"; closest: ref {number[flag.closest_key]} [{flag.closest_key}]"
                if flag.closest_key in number
                else ""
            )
            out.append(
                f"FLAGGED claim names {flag.names!r}, not in the references{closest} — "
                f"{flag.reason}: {flag.sentence}"
            )
        out.extend(f"ref {number.get(k, '?')} [{k}] is cited by no claim" for k in self.unused)
        return tuple(out)


# --- names and abbreviations -------------------------------------------------------------


def name_words(text: str) -> list[str]:
    """The words of a name, stop words dropped, full stops of abbreviations removed."""
    words = [w.strip("'’") for w in _WORD.findall(text.replace(".", " "))]
    return [w for w in words if w and fold(w) not in NAME_STOP_WORDS]


def _abbreviates(short: str, full: str) -> bool:
    """True when ``short`` is ``full`` or an ISO 4 / NLM abbreviation of it.

    Abbreviations keep the start of the word ("Pediatr" <- "Pediatrics", "J" <-
    "Journal") or drop inner letters while keeping the first two ("Natl" <-
    "National"). Case is ignored, except that a one-letter abbreviation must be a
    capital (so a lower-case word is never read as an initial).
    """
    s, f = fold(short), fold(full)
    if not s or not f or s[0] != f[0] or len(s) > len(f):
        return False
    if s == f:
        return True
    if len(s) == 1:
        return short.isupper()
    if f.startswith(s):
        return True
    if len(s) >= 3 and s[:2] == f[:2]:
        it = iter(f)
        return all(c in it for c in s)
    return False


def abbreviation_matches(abbreviated: str, full: str) -> bool:
    """Whether ``abbreviated`` is ``full`` written out or abbreviated word by word.

    >>> abbreviation_matches("JAMA Pediatr.", "JAMA Pediatrics")
    True
    >>> abbreviation_matches("Am J Epidemiol", "American Journal of Epidemiology")
    True
    >>> abbreviation_matches("Am J Epidemiol", "Journal of Autism and Developmental Disorders")
    False
    """
    short_words = name_words(abbreviated)
    full_words = name_words(full)
    return _words_match(short_words, full_words)


def _words_match(short_words: Sequence[str], full_words: Sequence[str]) -> bool:
    if not short_words or len(short_words) != len(full_words):
        return False
    if not all(_abbreviates(s, f) for s, f in zip(short_words, full_words, strict=True)):
        return False
    # At least one word must carry real letters: "J A" must not match "Journal of Autism".
    return any(len(s) >= 3 for s in short_words)


# --- references ------------------------------------------------------------------------------

_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?[^)]*\)\.?\s*(?P<rest>.*)$")


@dataclass(frozen=True, slots=True)
class _Profile:
    ref: SourceReference
    names: tuple[str, ...]  # name texts: author/organisation segment, container, the rest
    name_tokens: tuple[str, ...]  # words of the names, in order (abbreviations kept)
    acronyms: frozenset[str]
    surnames: frozenset[str]
    first_surname: str | None
    title_terms: frozenset[str]
    year: int | None
    container: str | None
    is_journal_article: bool


def _split_source(text: str, parsed: ParsedReference) -> tuple[str, str, str]:
    """(authors or organisation, title, the rest: container, volume, pages, ...)."""
    text = " ".join(text.split())
    quoted = re.search(r"[“\"](.+?)[”\"]", text)
    if quoted:
        return text[: quoted.start()].strip(), quoted.group(1), text[quoted.end() :].strip()
    apa = _APA.match(text)
    if apa and ("," in apa.group("authors") or len(apa.group("authors").split()) <= 6):
        rest = apa.group("rest")
        m = re.match(r"(.+?[.?!])\s+(.*)$", rest)
        title, after = (m.group(1), m.group(2)) if m else (rest, "")
        return apa.group("authors"), title, after
    # Vancouver / NLM: "Authors. Title. Journal. Year;..." - split on full stops that end
    # a word of two letters or more (not initials), outside brackets.
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "." and depth == 0 and (i + 1 == len(text) or text[i + 1] == " "):
            word = re.search(r"(\S+)$", text[start:i])
            if (
                word
                and re.fullmatch(r"[A-Z]", word.group(1))
                and re.match(r"\s+[A-Z][.\-]", text[i + 1 :])
            ):
                continue  # an initial inside an author's name ("Smith J. K. ...")
            parts.append(text[start:i].strip())
            start = i + 1
    if text[start:].strip():
        parts.append(text[start:].strip())
    if len(parts) >= 3:
        return parts[0], parts[1], " ".join(parts[2:])
    if len(parts) == 2:
        return parts[0], parts[1], ""
    authors = ", ".join(parsed.authors)
    return authors, parsed.title or "", parsed.container or ""


def _surnames(author_text: str) -> tuple[str, ...]:
    out: list[str] = []
    for chunk in re.split(r",|;|&|\band\b", author_text):
        words = [w for w in _WORD.findall(chunk) if not re.fullmatch(r"[A-Z]{1,3}", w)]
        words = [w for w in words if fold(w) not in ("et", "al")]
        if words and words[0][:1].isupper():
            out.append(words[0])
    return tuple(out)


def _stem(word: str) -> str:
    w = fold(word).replace("-", "").replace("'", "").replace("’", "")
    return w[:5] if len(w) > 5 else w


def topic_terms(text: str) -> list[str]:
    """Content words of ``text``, stemmed (first five letters), stop words dropped."""
    return [_stem(w) for w in _WORD.findall(text) if fold(w) not in _TOPIC_STOP and len(w) > 2] + [
        _stem(w) for w in _WORD.findall(text) if re.fullmatch(r"[A-Za-z]-?\d+", w)
    ]


def _profile(ref: SourceReference) -> _Profile:
    authors, title, rest = _split_source(ref.text, ref.parsed)
    names = tuple(n for n in (authors, rest) if n)
    tokens = tuple(w for n in names for w in name_words(n))
    acronyms = frozenset(re.findall(r"\(([A-Z][A-Z0-9&]{1,9})\)", authors)) | frozenset(
        w for w in tokens if re.fullmatch(r"[A-Z]{2,}[A-Z0-9]*", w)
    )
    surnames = _surnames(authors)
    no_brackets = re.sub(r"\[[^\]]*\]", " ", ref.text)
    year_m = _YEAR.search(no_brackets) or _YEAR.search(ref.text)
    container = ref.parsed.container
    if rest:
        container = re.split(r"[.;,(]|\s(?:19|20)\d\d", rest)[0].strip() or container
    journal_like = bool(
        re.search(r"\b(?:19|20)\d\d\s*;\s*\d|\b\d+\s*\(\d+\)|\bdoi\b|10\.\d{4,}/", ref.text, re.I)
        or (container and any(fold(w) in _JOURNAL_WORDS for w in name_words(container)))
    )
    return _Profile(
        ref=ref,
        names=names,
        name_tokens=tokens,
        acronyms=acronyms,
        surnames=frozenset(fold(s) for s in surnames),
        first_surname=fold(surnames[0]) if surnames else None,
        title_terms=frozenset(topic_terms(re.sub(r"\[[^\]]*\]", " ", title))),
        year=int(year_m.group(1)) if year_m else None,
        container=container,
        is_journal_article=journal_like,
    )


# --- mentions ------------------------------------------------------------------------------


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _is_cap(word: str) -> bool:
    return bool(word) and (
        word[0].isupper() or (word[0].isdigit() and any(c.isupper() for c in word))
    )


def extract_mentions(sentence: str) -> list[Mention]:
    """Capitalised names in a sentence, classified by their words and context."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0]
        if not (word[0].isalnum() and _is_cap(word)):
            i += 1
            continue
        j = i
        last = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1][0]
            if _is_cap(nxt) and nxt[0].isalnum():
                j += 1
                last = j
            elif nxt.casefold() in _CONNECTORS:
                j += 1
            else:
                break
        span = tokens[i : last + 1]
        i = last + 1
        # Drop sentence-start noise ("The", "A study", "In").
        while span and not _is_acronym(span[0][0]) and fold(span[0][0]) in _NOISE:
            span = span[1:]
            while span and span[0][0].casefold() in _CONNECTORS:
                span = span[1:]
        if not span:
            continue
        s, e = span[0][1], span[-1][2]
        text = sentence[s:e]
        text_clean = re.sub(r"['’]s$", "", text)
        e_clean = s + len(text_clean)
        acronym = None
        after = sentence[e:]
        acr = re.match(r"\s*\(([A-Z][A-Za-z0-9&]{1,9})\)", after)
        if acr and sum(1 for w in name_words(text_clean) if w[:1].isupper()) >= 2:
            acronym = acr.group(1)
            if not re.fullmatch(r"[A-Z0-9&]+[a-z]?", acronym):
                acronym = None
        if acr:  # the "(ACRONYM)" belongs to this name: do not read it again
            while i < len(tokens) and tokens[i][1] < e + acr.end():
                i += 1
        kind = _classify(sentence, s, e_clean, text_clean, acronym)
        mentions.append(Mention(text_clean, kind, s, e_clean, acronym))
    return mentions


def _classify(sentence: str, start: int, end: int, text: str, acronym: str | None) -> str:
    before, after = sentence[:start], sentence[end:]
    words = [fold(w) for w in name_words(text)]
    org = any(w in _ORG_WORDS for w in words)
    journal = any(w in _JOURNAL_WORDS for w in words)
    person_context = _PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before)
    if person_context and len(words) <= 3 and not (org or journal):
        return "person"
    if (_JOURNAL_BEFORE.search(before) or journal) and not org:
        return "journal"
    if org or acronym or _ORG_BEFORE.search(before) or _ORG_AFTER.match(after):
        return "organisation"
    return "name"


# --- matching ------------------------------------------------------------------------------


def _match(mention: Mention, profile: _Profile) -> str | None:
    """Why ``mention`` names the reference of ``profile``, or None when it does not."""
    words = name_words(mention.text)
    if not words:
        return None
    if mention.acronym and mention.acronym in profile.acronyms:
        return f"{_kind_word(mention)} {mention.acronym}"
    if mention.kind == "person":
        surname = fold(words[-1])
        if surname in profile.surnames:
            role = "first author" if surname == profile.first_surname else "author"
            return f"{role} {words[-1]}"
        return None
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,}[A-Z0-9]*", words[0]):
        return f"acronym {words[0]}" if words[0] in profile.acronyms else None
    # A run of the reference's name words that the mention writes out (or equals).
    n = len(words)
    tokens = profile.name_tokens
    distinctive = [w for w in words if fold(w) not in GENERIC_NAME_WORDS]
    if n >= 2 or distinctive:
        for k in range(len(tokens) - n + 1):
            if _words_match(tokens[k : k + n], words):
                label = "journal" if mention.kind == "journal" else _kind_word(mention)
                return f"{label} {mention.text}"
    # An institution named by its distinctive word(s): "researchers at Cornell".
    if mention.kind in ("organisation", "name") and distinctive and profile.names:
        author_words = {fold(w) for w in name_words(profile.names[0])}
        if all(fold(w) in author_words for w in distinctive):
            return f"{_kind_word(mention)} {' '.join(distinctive)}"
    return None


def _names_something(mention: Mention) -> bool:
    """A name with a distinctive word, several words, or an acronym: "the University" is none."""
    words = name_words(mention.text)
    if mention.acronym or len(words) >= 2:
        return True
    return bool(words) and (
        fold(words[0]) not in GENERIC_NAME_WORDS or bool(re.fullmatch(r"[A-Z]{2,}", words[0]))
    )


def _kind_word(mention: Mention) -> str:
    return {"organisation": "organisation", "journal": "journal", "person": "author"}.get(
        mention.kind, "name"
    )


def _topic_overlap(
    sentence_terms: set[str], profile: _Profile, idf: dict[str, float]
) -> tuple[float, list[str]]:
    shared = sorted(sentence_terms & profile.title_terms)
    return sum(idf.get(t, 1.0) for t in shared), shared


# --- the linker ------------------------------------------------------------------------------


def source_references(items: Sequence[tuple[str, str]]) -> tuple[SourceReference, ...]:
    """(key, text) pairs in display order -> references the linker reads."""
    return tuple(
        SourceReference(key, n, text, parse_reference(text))
        for n, (key, text) in enumerate(items, start=1)
    )


def link_claims(paragraphs: Sequence[str], references: Sequence[SourceReference]) -> LinkReport:
    """Link each sentence that names a source to that source's reference; flag the rest.

    ``paragraphs`` are plain texts; spans in the result index them.
    """
    profiles = [_profile(r) for r in references]
    df: dict[str, int] = {}
    for p in profiles:
        for t in p.title_terms:
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log((len(profiles) + 1) / c) for t, c in df.items()}

    links: list[ClaimLink] = []
    pending: list[tuple[int, int, int, str, Mention]] = []
    ambiguous: list[tuple[int, int, int, str, Mention, list[int]]] = []
    for p_index, text in enumerate(paragraphs):
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            if not _CUE.search(sentence):
                continue
            mentions = extract_mentions(sentence)
            if not mentions:
                continue
            terms = set(topic_terms(sentence))
            matched: dict[int, str] = {}
            unmatched: list[Mention] = []
            for mention in mentions:
                if not _names_something(mention):
                    continue
                hits = [(i, why) for i, p in enumerate(profiles) if (why := _match(mention, p))]
                if len(hits) > 1:
                    chosen = _disambiguate(hits, profiles, sentence, terms, idf)
                    if not chosen:
                        ambiguous.append(
                            (p_index, start, end, sentence, mention, [i for i, _ in hits])
                        )
                    hits = chosen
                    if not hits:
                        continue
                for i, why in hits:
                    matched.setdefault(i, why)
                if not hits and mention.kind != "name":
                    unmatched.append(mention)
            for i, why in sorted(matched.items()):
                links.append(ClaimLink(p_index, start, end, sentence, profiles[i].ref.key, why))
            if not matched and unmatched:
                pending.append((p_index, start, end, sentence, unmatched[0]))

    linked = {link.reference_key for link in links}
    flags: list[ClaimFlag] = []
    for p_index, start, end, sentence, mention in pending:
        closest, reason = _closest(mention, sentence, profiles, linked, idf)
        key = closest.ref.key if closest else None
        flags.append(ClaimFlag(p_index, start, end, sentence, mention.text, key, reason))
    for p_index, start, end, sentence, mention, indexes in ambiguous:
        if any(link.paragraph == p_index and link.start == start for link in links):
            continue
        numbers = " and ".join(str(profiles[i].ref.number) for i in indexes)
        reason = (
            f"“{mention.text}” matches references {numbers} equally and nothing else in "
            "the sentence tells them apart"
        )
        key = profiles[indexes[0]].ref.key
        flags.append(ClaimFlag(p_index, start, end, sentence, mention.text, key, reason))
    flags.sort(key=lambda f: (f.paragraph, f.start))
    unused = tuple(r.key for r in references if r.key not in linked)
    return LinkReport(tuple(links), tuple(flags), unused)


def _disambiguate(
    hits: list[tuple[int, str]],
    profiles: Sequence[_Profile],
    sentence: str,
    terms: set[str],
    idf: dict[str, float],
) -> list[tuple[int, str]]:
    """Several references match one name: keep the one the year or topic singles out."""
    years = {int(y) for y in _YEAR.findall(sentence)}
    scored = []
    for i, why in hits:
        p = profiles[i]
        score = _topic_overlap(terms, p, idf)[0] + (2.0 if p.year in years else 0.0)
        if why.startswith("first author"):
            score += 2.0
        scored.append((score, i, why))
    scored.sort(key=lambda t: (-t[0], t[1]))
    if scored[0][0] > scored[1][0]:
        return [(scored[0][1], scored[0][2])]
    return []  # a tie: linking either would be a guess


def _closest(
    mention: Mention,
    sentence: str,
    profiles: Sequence[_Profile],
    linked: set[str],
    idf: dict[str, float],
) -> tuple[_Profile | None, str]:
    kind = {"journal": "journal", "organisation": "organisation", "person": "author"}.get(
        mention.kind, "source"
    )
    if not profiles:
        return None, f"names the {kind} {mention.text}, and the article has no references"
    terms = set(topic_terms(sentence))
    years = {int(y) for y in _YEAR.findall(sentence)}
    best: tuple[float, int] | None = None
    for i, p in enumerate(profiles):
        overlap, _ = _topic_overlap(terms, p, idf)
        score = overlap
        if mention.kind == "journal" and p.is_journal_article:
            score += 1.5
        if mention.kind == "organisation" and not p.is_journal_article:
            score += 1.5
        if p.ref.key not in linked:
            score += 1.0
        if p.year is not None and p.year in years:
            score += 1.0
        if best is None or score > best[0]:
            best = (score, i)
    assert best is not None
    p = profiles[best[1]]
    _, shared = _topic_overlap(terms, p, idf)
    outside = sentence[: mention.start] + " " + sentence[mention.end :]
    shown = _words_for(outside + " " + mention.text, set(shared))
    topic = f"shares the topic ({', '.join(shown)})" if shown else "shares no topic words"
    if mention.kind == "journal":
        source = f"is from {p.container}" if p.container else "names no journal"
    elif mention.kind == "person":
        source = "is by " + (", ".join(sorted(p.surnames)) or (p.names[0] if p.names else "?"))
    else:
        source = f"is from {p.names[0]}" if p.names else "names no source"
    return p, f"the closest reference {topic} but {source}, not from the {kind} named"


def _words_for(sentence: str, stems: set[str]) -> list[str]:
    """The sentence's own words behind a set of stems, in reading order, once each."""
    out: list[str] = []
    for word in _WORD.findall(sentence):
        stem = _stem(word)
        if stem in stems and fold(word) not in _TOPIC_STOP:
            stems.discard(stem)
            out.append(word)
    return out
