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
2. Each reference is split into its **source names** (each organisation among the
   authors, the container: journal or website, publishers and affiliations after it)
   and its title. A mention fits a reference when it is one of those names whole, word
   for word, each reference word equal to the mention's or an ISO 4 / NLM-style
   abbreviation of it ("JAMA Pediatr." <- "JAMA Pediatrics", "Am J Epidemiol" <-
   "American Journal of Epidemiology"); or the distinctive part of one, leaving out only
   words such as "University" or "Staff" (never a place or scope: "European Centre for
   Disease Prevention and Control" is not "Centers for Disease Control and
   Prevention", "The Lancet" is not "Lancet Infect Dis"); or an acronym the reference
   or the article defines; or an author's surname; or, for a document, its title
   written as a name ("the Dietary Guidelines for Americans").
3. A sentence that cites (it speaks of a study, review, report, researchers ...) is
   linked to the reference it names unmistakably. When a name fits several references,
   only the sentence itself may choose (a year, another name that fits one of them, two
   or more title words shared with one and no other); otherwise it is **flagged
   ambiguous** with all of them and linked to none. A journal, organisation or person
   that no reference holds is **flagged absent**, with the closest reference (same kind
   of source, shared topic words, not cited elsewhere) and why it was not taken.
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
_CONNECTORS = _wordset("of and the for on in to & de du des la le van von der da di y")
#: Capitalised words that start sentences and are not names.
_LEADING_NOISE = _wordset(
    """a an the this these that those in while however although one another finally for as it
    its they their there here when where what which who whose if but and or so such our we
    our many most some several both each other new recent recently last earlier after before
    further also more less study studies researchers research according data results experts
    scientists doctors surveys survey evidence guidelines guidance reports report people
    both"""
)
_NOISE = _LEADING_NOISE | _CONNECTORS
_DETERMINERS = _wordset("a an the this these that those its their our his her") | _CONNECTORS
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
    trust laboratory laboratories academies network federation commission office nhs force
    initiative collaboration collaborators institutet"""
)
#: Words too generic to identify a source on their own.
GENERIC_NAME_WORDS = _ORG_WORDS | _wordset(
    """journal journals review reviews annals archives proceedings bulletin national american
    international medical health world global public research researchers science sciences
    study studies report reports new england british european royal federal state united
    states general clinical press staff website online news database systematic syst rev
    collaboration library experts canadian australian scottish irish welsh english french
    german spanish swedish danish dutch italian japanese chinese indian nordic"""
)
#: Words of a name that may be left out when naming it ("Cornell" for "Cornell University",
#: "Mayo Clinic" for "Mayo Clinic Staff", "Cochrane" for "Cochrane Database Syst Rev").
#: Places and scopes ("National", "European", "Canadian") are never among them: another
#: country's agency of a similar name is another source.
DROPPABLE_NAME_WORDS = _wordset(
    """university universities institute institutes institutet college school centre center
    centers centres clinic hospital foundation staff website online news database systematic
    syst rev review reviews collaboration library press office department"""
)
#: Words that say a sentence is citing something.
_CUE = re.compile(
    r"\b(stud(?:y|ies|ied)|review\w*|report\w*|survey\w*|trials?|research\w*|"
    r"publish\w*|publication|found|find(?:s|ings)?|show(?:s|ed|n)?|according|recommend\w*|"
    r"guidelines?|guidance|guide|analys[ie]s|meta-analys[ie]s|data|paper|article|conclude[sd]?|"
    r"suggest\w*|state[sd]?|estimat\w*|note[sd]?|notes|demonstrated|observed|investigators|"
    r"scientists|experts|colleagues|co-?workers|team|et al|highlighted|warn\w*|advis\w*|"
    r"journal|says|said|campaign|linked|statement|fact sheet|adds?|added|explain\w*|"
    r"list(?:s|ed)|identif\w*|urg(?:es|ed)|confirm\w*|caution\w*|describ\w*|calls?|called|"
    r"commission)\b",
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
_ORG_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:researchers|scientists|investigators|experts|doctors|team)\b",
    re.IGNORECASE,
)
#: "A Cochrane review", "a Harvard report": the name is the source of a publication.
_PUBLICATION_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:systematic\s+)?(?:reviews?|reports?|guidelines?|guidance|survey|"
    r"meta-analys[ie]s|fact sheet|statement)\b",
    re.IGNORECASE,
)
#: A name followed by a citing verb (possibly through its possessive: "Health Canada's food
#: guide suggests") is put forward as a source.
_SOURCE_VERB_AFTER = re.compile(
    r"^(?:['’]s?(?:\s+[\w-]+){0,3})?\s*(?:,[^,]{0,60},\s*)?(?:also\s+|has\s+also\s+|has\s+)?"
    r"(?:says|said|adds|added|recommends|recommended|advises|advised|warns|warned|notes|"
    r"noted|lists|listed|explains|explained|urges|urged|reports|"
    r"reported|found|finds|suggests|suggested|states|stated|estimates|estimated|published|"
    r"publishes|concluded|concludes|guidance|guidelines?)\b",
    re.IGNORECASE,
)

_TOKEN = re.compile(r"[^\W_][\w'’\-]*|\S")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
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
    """A sentence naming a source it is never linked to.

    ``kind`` is ``absent`` (no reference is from the source named) or ``ambiguous``
    (the name fits several references, ``candidates``, and nothing in the sentence tells
    them apart). ``source_kind`` says what was named: journal, organisation, author or
    source. ``reason`` is the technical account, for staff.
    """

    paragraph: int
    start: int
    end: int
    sentence: str
    names: str
    closest_key: str | None
    reason: str
    kind: str = "absent"
    source_kind: str = "source"
    candidates: tuple[str, ...] = ()


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
            if flag.kind == "ambiguous":
                both = " and ".join(f"ref {number.get(k, '?')} [{k}]" for k in flag.candidates)
                out.append(
                    f"FLAGGED ambiguous: claim names {flag.names!r}, which fits {both} — "
                    f"{flag.reason}: {flag.sentence}"
                )
                continue
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


def _undot(text: str) -> str:
    """``U.S.`` -> ``US``: dotted initials are one word."""
    return _DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), text)


def name_words(text: str) -> list[str]:
    """The words of a name, stop words dropped, full stops of abbreviations removed."""
    words = [w.strip("'’") for w in _WORD.findall(_undot(text).replace(".", " "))]
    return [w for w in words if w and fold(w) not in NAME_STOP_WORDS]


def _abbreviates(short: str, full: str) -> bool:
    """True when ``short`` is ``full`` or an ISO 4 / NLM abbreviation of it.

    Abbreviations keep the start of the word ("Pediatr" <- "Pediatrics", "J" <-
    "Journal") or drop inner letters while keeping the first two ("Natl" <-
    "National"). Case is ignored, except that a one-letter abbreviation must be a
    capital (so a lower-case word is never read as an initial).
    """
    s, f = _spelling(fold(short)), _spelling(fold(full))
    if not s or not f or s[0] != f[0]:
        return False
    if s == f:
        return True
    if len(s) > len(f):
        # One word in two spellings: "Institutet" / "Institute", "Centers" / "Center".
        return len(f) >= 5 and s.startswith(f) and len(s) - len(f) <= 2
    if len(s) == 1:
        return short.isupper()
    if f.startswith(s):
        return True
    if len(s) >= 3 and s[:2] == f[:2]:
        it = iter(f)
        return all(c in it for c in s)
    return False


def _spelling(word: str) -> str:
    """British and American spellings alike: centre/center, paediatric/pediatric, -isation."""
    w = word.replace("isation", "ization").replace("ae", "e").replace("oe", "e")
    if w.endswith("tre"):
        w = w[:-3] + "ter"
    return w


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
    # Every name the reference gives its source, as words: each organisation in the author
    # segment, the container (journal, website), publishers and affiliations after it.
    source_names: tuple[tuple[str, ...], ...] = ()
    container_words: tuple[str, ...] = ()
    title_words: tuple[str, ...] = ()


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


_PERSON_CHUNK = re.compile(r"^[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)* [A-Z]{1,3}$")


def _organisation_names(authors: str) -> list[tuple[str, ...]]:
    """The organisations in an author segment ("Devore CD; Council ..., American Academy of
    Pediatrics" -> the council, the academy), each as its words, acronyms left out."""
    out: list[tuple[str, ...]] = []
    plain = re.sub(r"\([^)]*\)", " ", authors)
    for chunk in re.split(r"[,;]|\s&\s", plain):
        chunk = chunk.strip()
        if not chunk or _PERSON_CHUNK.match(chunk) or re.fullmatch(r"(?:[A-Z]\.\s*)+", chunk):
            continue
        words = tuple(name_words(chunk))
        if words and (len(words) >= 2 or words[0][:1].isupper()):
            out.append(words)
    return out


def _rest_names(rest: str) -> list[tuple[str, ...]]:
    """Capitalised names after the title: the container, a publisher, an affiliation."""
    out: list[tuple[str, ...]] = []
    plain = re.sub(r"https?://\S+|\[[^\]]*\]", " ", _undot(rest))
    for part in re.split(r"[.;:,()]|\b(?:19|20)\d\d\b|\d+", plain):
        words = tuple(name_words(part))
        if words and words[0][:1].isupper():
            out.append(words)
    return out


def _profile(ref: SourceReference) -> _Profile:
    authors, title, rest = _split_source(_undot(ref.text), ref.parsed)
    names = tuple(n for n in (authors, rest) if n)
    tokens = tuple(w for n in names for w in name_words(n))
    # Acronyms the reference defines ("World Health Organization (WHO)"); capitalised words
    # that are a whole name ("NHS.") are found among the source names.
    acronyms = frozenset(re.findall(r"\(([A-Z][A-Z0-9&]{1,9})\)", authors))
    surnames = _surnames(authors)
    no_brackets = re.sub(r"\[[^\]]*\]", " ", ref.text)
    year_m = _YEAR.search(no_brackets) or _YEAR.search(ref.text)
    container = ref.parsed.container
    if rest:
        container = re.split(r"[.;,(]|\s(?:19|20)\d\d", rest)[0].strip() or container
    container_words = tuple(name_words(container)) if container else ()
    if len(container_words) >= 3 and all(w[:1].isupper() for w in container_words):
        # "N Engl J Med" is also known as NEJM.
        acronyms = acronyms | {"".join(w[0] for w in container_words).upper()}
    source_names = tuple(dict.fromkeys([*_organisation_names(authors), *_rest_names(rest)]))
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
        source_names=source_names,
        container_words=container_words,
        title_words=tuple(_WORD.findall(re.sub(r"\[[^\]]*\]", " ", title))),
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
        # Drop sentence-start noise ("The", "A study", "In"); inside the sentence only
        # determiners ("the New England Journal" keeps its "New").
        while (
            span
            and not _is_acronym(span[0][0])
            and fold(span[0][0]) in (_NOISE if span[0][1] == tokens[0][1] else _DETERMINERS)
        ):
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
    if _PUBLICATION_AFTER.match(after) and not (journal and not org):
        return "organisation"
    if _SOURCE_VERB_AFTER.match(after) and (
        len(words) >= 2 or re.fullmatch(r"[A-Z]{2,}", text) or re.match(r"['’]s?\s", after)
    ):
        return "organisation"  # put forward as the source of what follows
    return "name"


# --- matching ------------------------------------------------------------------------------

#: How a mention fits a reference: it names the whole source, or a part of its name that
#: leaves out only words such as "University" or "Staff".
WHOLE = 2
PARTIAL = 1


def _same_words(ref_words: Sequence[str], mention_words: Sequence[str]) -> bool:
    """Word for word the same name, the reference's words possibly abbreviated."""
    if not ref_words or len(ref_words) != len(mention_words):
        return False
    return all(_abbreviates(r, m) for r, m in zip(ref_words, mention_words, strict=True))


def _core(words: Sequence[str]) -> list[str]:
    return [w for w in words if fold(w) not in DROPPABLE_NAME_WORDS]


def _fit(mention_words: Sequence[str], name: Sequence[str]) -> int:
    """WHOLE, PARTIAL or 0: how ``mention_words`` names the source called ``name``."""
    if _same_words(name, mention_words):
        return WHOLE
    core, name_core = _core(mention_words), _core(name)
    if (
        core
        and any(fold(w) not in GENERIC_NAME_WORDS for w in core)
        and _same_words(name_core, core)
    ):
        return PARTIAL
    return 0


@dataclass(frozen=True, slots=True)
class _Fit:
    strength: int
    why: str


def _match(mention: Mention, profile: _Profile) -> _Fit | None:
    """Why ``mention`` names the reference of ``profile``, or None when it does not."""
    words = name_words(mention.text)
    if not words:
        return None
    if mention.acronym and mention.acronym in profile.acronyms:
        return _Fit(WHOLE, f"{_kind_word(mention)} {mention.acronym}")
    if mention.kind == "person":
        surname = fold(words[-1])
        if surname in profile.surnames:
            role = "first author" if surname == profile.first_surname else "author"
            return _Fit(WHOLE if role == "first author" else PARTIAL, f"{role} {words[-1]}")
        return None
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,}[A-Z0-9]*", words[0]):
        if words[0] in profile.acronyms or (words[0],) in profile.source_names:
            return _Fit(WHOLE, f"acronym {words[0]}")
        return None
    best: _Fit | None = None
    for name in profile.source_names:
        strength = _fit(words, name)
        if strength and (best is None or strength > best.strength):
            label = "journal" if name == profile.container_words else _kind_word(mention)
            best = _Fit(strength, f"{label} {mention.text}")
    if best is None and mention.kind != "journal":
        best = _title_fit(words, profile)
    return best


def _title_fit(words: Sequence[str], profile: _Profile) -> _Fit | None:
    """A document named by its title ("the Dietary Guidelines for Americans")."""
    content = [w for w in words if fold(w) not in NAME_STOP_WORDS]
    if len(content) < 2:
        return None
    title = [fold(w) for w in profile.title_words if fold(w) not in NAME_STOP_WORDS]
    want = [fold(w) for w in content]
    for k in range(len(title) - len(want) + 1):
        if title[k : k + len(want)] == want:
            return _Fit(WHOLE, f"title “{' '.join(content)}”")
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

#: Title words a sentence must share with one candidate, and with no other, to tell two
#: references of one source apart ("stay active ... rest in bed" for the review of bed rest).
DISTINGUISHING_TERMS = 2


def source_references(items: Sequence[tuple[str, str]]) -> tuple[SourceReference, ...]:
    """(key, text) pairs in display order -> references the linker reads."""
    return tuple(
        SourceReference(key, n, text, parse_reference(text))
        for n, (key, text) in enumerate(items, start=1)
    )


@dataclass(frozen=True, slots=True)
class _Named:
    mention: Mention
    candidates: tuple[int, ...]  # profile indexes, best fits only
    why: dict[int, str]


def _candidates(
    mention: Mention, profiles: Sequence[_Profile], aliases: dict[str, set[int]]
) -> _Named:
    fits = {i: f for i, p in enumerate(profiles) if (f := _match(mention, p))}
    words = name_words(mention.text)
    if not fits and len(words) == 1 and words[0] in aliases:
        # An acronym the article defined earlier ("... Prevention (CDC)" then "the CDC").
        fits = {i: _Fit(WHOLE, f"acronym {words[0]}") for i in aliases[words[0]]}
    if not fits:
        return _Named(mention, (), {})
    top = max(f.strength for f in fits.values())
    chosen = tuple(sorted(i for i, f in fits.items() if f.strength == top))
    return _Named(mention, chosen, {i: fits[i].why for i in chosen})


def _tell_apart(
    named: _Named,
    others: Sequence[_Named],
    profiles: Sequence[_Profile],
    sentence: str,
    terms: set[str],
) -> int | None:
    """The one candidate the sentence itself singles out, else None (never a guess).

    What counts: another name in the sentence that fits only one of them, the year, or
    at least DISTINGUISHING_TERMS title words shared with one candidate and no other.
    """
    cands = set(named.candidates)
    for other in others:
        common = cands & set(other.candidates)
        if other is not named and len(common) == 1 and other.candidates:
            return common.pop()
    years = {int(y) for y in _YEAR.findall(sentence)}
    by_year = [i for i in cands if profiles[i].year in years]
    if len(by_year) == 1:
        return by_year[0]
    own = set(topic_terms(named.mention.text))
    distinct: dict[int, set[str]] = {}
    for i in cands:
        shared = (terms - own) & profiles[i].title_terms
        rivals = set().union(*(profiles[j].title_terms for j in cands if j != i))
        distinct[i] = shared - rivals
    strong = [i for i, d in distinct.items() if len(d) >= DISTINGUISHING_TERMS]
    if len(strong) == 1 and all(not distinct[j] for j in cands if j != strong[0]):
        return strong[0]
    return None


_CITING_KINDS = frozenset({"journal", "organisation", "person"})


def link_claims(paragraphs: Sequence[str], references: Sequence[SourceReference]) -> LinkReport:
    """Link each sentence that names a source to that source's reference; flag the rest.

    A sentence is linked only to a reference it names unmistakably. A source named but in
    no reference is flagged ``absent``; a name that fits several references, with nothing
    in the sentence to tell them apart, is flagged ``ambiguous`` with all of them and
    linked to none. ``paragraphs`` are plain texts; spans in the result index them.
    """
    profiles = [_profile(r) for r in references]
    df: dict[str, int] = {}
    for p in profiles:
        for t in p.title_terms:
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log((len(profiles) + 1) / c) for t, c in df.items()}

    aliases: dict[str, set[int]] = {}
    links: list[ClaimLink] = []
    pending: list[tuple[int, int, int, str, Mention]] = []
    ambiguous: list[tuple[int, int, int, str, Mention, tuple[int, ...]]] = []
    for p_index, text in enumerate(paragraphs):
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            mentions = [m for m in extract_mentions(sentence) if _names_something(m)]
            if not mentions:
                continue
            named = [_candidates(m, profiles, aliases) for m in mentions]
            for n in named:  # "Centers for Disease Control and Prevention (CDC)"
                if n.mention.acronym and len(n.candidates) == 1:
                    aliases.setdefault(n.mention.acronym, set()).add(n.candidates[0])
            if not _CUE.search(sentence):
                continue
            terms = set(topic_terms(sentence))
            matched: dict[int, str] = {}
            unmatched: list[Mention] = []
            unclear: list[_Named] = []
            for n in named:
                if len(n.candidates) == 1:
                    matched.setdefault(n.candidates[0], n.why[n.candidates[0]])
                elif n.candidates:
                    one = _tell_apart(n, named, profiles, sentence, terms)
                    if one is None:
                        unclear.append(n)
                    else:
                        matched.setdefault(one, n.why[one])
                elif n.mention.kind in _CITING_KINDS:
                    unmatched.append(n.mention)
            for i, why in sorted(matched.items()):
                links.append(ClaimLink(p_index, start, end, sentence, profiles[i].ref.key, why))
            for n in unclear:
                if not set(n.candidates) & set(matched):
                    ambiguous.append((p_index, start, end, sentence, n.mention, n.candidates))
                    break
            if unmatched:
                pending.append((p_index, start, end, sentence, unmatched[0]))

    linked = {link.reference_key for link in links}
    flags: list[ClaimFlag] = []
    for p_index, start, end, sentence, mention in pending:
        closest, reason = _closest(mention, sentence, profiles, linked, idf)
        key = closest.ref.key if closest else None
        flags.append(
            ClaimFlag(
                p_index,
                start,
                end,
                sentence,
                mention.text,
                key,
                reason,
                "absent",
                _kind_word(mention) if mention.kind != "name" else "source",
            )
        )
    for p_index, start, end, sentence, mention, indexes in ambiguous:
        numbers = " and ".join(str(profiles[i].ref.number) for i in indexes)
        reason = (
            f"“{mention.text}” fits references {numbers} equally; the sentence gives no "
            "year, other name or title words that tell them apart"
        )
        keys = tuple(profiles[i].ref.key for i in indexes)
        flags.append(
            ClaimFlag(
                p_index,
                start,
                end,
                sentence,
                mention.text,
                keys[0],
                reason,
                "ambiguous",
                _kind_word(mention) if mention.kind != "name" else "source",
                keys,
            )
        )
    flags.sort(key=lambda f: (f.paragraph, f.start))
    unused = tuple(r.key for r in references if r.key not in linked)
    return LinkReport(tuple(links), tuple(flags), unused)


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
