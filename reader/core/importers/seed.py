"""The seed text layout (a scraped web page) -> library Markdown.

The layout, top to bottom, blocks separated by blank lines::

    womens health                      <- category line
    Exploring the Connection ...       <- title
    Breastfeeding has long ...         <- body paragraphs; a short bare line
    Future Advances                       without end punctuation is a heading
    ...
    1. Cornell University. “...”       <- numbered references
    HTML Headings:                     <- the page's section headings, NOT placed
    The Importance of Vitamin B-12 ...    in the body: their places are inferred
    *Note: this site does not ...      <- disclaimer
    author avatar                      <- then the author's name
    1WH staff

Heading placement (:func:`place_headings`): every listed heading is put before the
paragraph it heads, in order, none lost, none duplicated. A bare in-body heading that
matches a listed one is the same heading (the listed wording is used) and fixes its
position; the others are placed by a monotonic alignment (dynamic programming over
paragraph positions) that maximises the lexical similarity between each heading and
the paragraph it opens: words weighted by their rarity in the article, exact words
over shared stems, the paragraph's first sentence over the rest, acronyms expanded
where the article defines them; a paragraph that opens by pointing back ("This
study", "The results") is an unlikely section start, and the first paragraph is
the lead unless there are too few paragraphs for that.

Claims are linked to references by :mod:`reader.core.claims`; linked sentences get
a footnote marker, flagged ones go into the front matter's ``flagged_claims``.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.article import front_matter_text
from reader.core.claims import LinkReport, SourceReference, link_claims, source_references
from reader.core.importers import (
    SourceFileError,
    article_id,
    collection_folder,
    collection_name,
    decode_source_bytes,
    escape_markdown,
    read_source_text,
    write_article,
)
from reader.core.text import fold, sentence_spans, slugify, unique

log = logging.getLogger(__name__)


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
_HEADINGS_LIST = re.compile(r"^\s*HTML\s+Headings\s*:?\s*$", re.IGNORECASE)
_NOTE = re.compile(r"^\s*\*?\s*(?:Note|Disclaimer)\s*:", re.IGNORECASE)
_AUTHOR = re.compile(r"^\s*author\s+avatar\s*$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")
_FUNCTION_WORDS = _wordset(
    """a an and the of for in on at to by with from is are was were be been being that this
    these those it its as or not no but than then there their they them which who what when
    where while how why do does did can could may might will would should also more most
    very such into over about after before between during through up out so if each other
    some any all both only own same too just our we you your"""
)
#: A paragraph that opens like this continues the previous one.
_POINTS_BACK = re.compile(
    r"^(?:this|these|those|such|it|they|he|she|its|their|"
    r"the (?:results?|stud(?:y|ies)|researchers|findings|authors|review|trial))\b",
    re.IGNORECASE,
)
LEAD_PENALTY = 0.5
POINTS_BACK_PENALTY = 0.3
MAX_HEADING_WORDS = 14
MAX_TITLE_WORDS = 30


@dataclass(frozen=True, slots=True)
class SeedParagraph:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class SeedReference:
    number: int
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class SeedDocument:
    """The layout's parts, before headings are placed."""

    category: str | None
    title: str
    body: tuple[SeedParagraph, ...]  # paragraphs and bare heading lines, in order
    bare_headings: tuple[int, ...]  # indexes into ``body`` of bare heading lines
    listed_headings: tuple[str, ...]
    references: tuple[SeedReference, ...]
    disclaimer: str | None
    authors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeedSection:
    heading: str  # "" for the lead
    paragraphs: tuple[str, ...]
    origin: str  # "lead" | "listed" | "in-body" | "listed+in-body"


@dataclass(frozen=True, slots=True)
class ConvertedSeed:
    article_id: str
    collection: str
    folder: str
    markdown: str
    sections: tuple[SeedSection, ...]
    references: tuple[SourceReference, ...]
    report: LinkReport

    def report_lines(self) -> tuple[str, ...]:
        return self.report.lines(self.references)


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    converted: ConvertedSeed


# --- layout --------------------------------------------------------------------------------


@dataclass
class _Chunk:
    lines: list[str]
    line: int  # 1-based line of the first line

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


def _chunks(text: str) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    current: _Chunk | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            if current is None:
                current = _Chunk([], number)
                chunks.append(current)
            current.lines.append(raw.strip())
        else:
            current = None
    return chunks


def _title_like(chunk: _Chunk) -> bool:
    words = chunk.text.split()
    return (
        len(chunk.lines) == 1
        and 0 < len(words) <= MAX_TITLE_WORDS
        and not chunk.text.endswith((".", ",", ";", ":"))
        and any(c.isalpha() for c in chunk.text)
        and not _NUMBERED.match(chunk.text)
    )


def _heading_like(chunk: _Chunk) -> bool:
    text = chunk.text
    words = text.split()
    if len(chunk.lines) != 1 or not words or len(words) > MAX_HEADING_WORDS or len(text) > 120:
        return False
    if text.endswith((".", ",", ";", ":", "!", "”", '"')) or _NUMBERED.match(text):
        return False
    if text.endswith("?") and len(words) > 10:
        return False
    return text[0].isupper() or text[0].isdigit()


def parse_seed(text: str, path: Path | None = None) -> SeedDocument:
    """Split seed-layout text into its parts; raise :class:`SourceFileError` when it is not one."""
    chunks = _chunks(text)
    if not chunks:
        raise SourceFileError(path, "the file is empty", 1)

    # The tail: "author avatar" + name, the disclaimer, the "HTML Headings:" list.
    authors: tuple[str, ...] = ()
    disclaimer: str | None = None
    listed: list[str] = []
    tail_start = len(chunks)
    for i, chunk in enumerate(chunks):
        if _AUTHOR.match(chunk.lines[0]) and i >= 1:
            names = chunk.lines[1:] or (chunks[i + 1].lines[:1] if i + 1 < len(chunks) else [])
            authors = tuple(" ".join(n.split()) for n in names if n.strip())
            tail_start = min(tail_start, i)
        elif _NOTE.match(chunk.lines[0]) and i >= 2:
            disclaimer = chunk.text.lstrip("* ").strip()
            tail_start = min(tail_start, i)
        elif _HEADINGS_LIST.match(chunk.lines[0]) and i >= 1:
            tail_start = min(tail_start, i)
            listed.extend(line for line in chunk.lines[1:])
            for nxt in chunks[i + 1 :]:
                if _NOTE.match(nxt.lines[0]) or _AUTHOR.match(nxt.lines[0]):
                    break
                listed.extend(nxt.lines)
    listed = [" ".join(h.split()) for h in listed if h.strip()]
    for h in listed:
        if len(h) > 300:
            raise SourceFileError(path, f"a listed heading is {len(h)} characters long")

    # The head: category line (optional) and title.
    head = chunks[:tail_start]
    if not head or not _title_like(head[0]):
        line = head[0].line if head else 1
        raise SourceFileError(
            path,
            "no title: the file should start with a category line and a title line, "
            "each on its own, then the body paragraphs",
            line,
        )
    if len(head) >= 2 and _title_like(head[1]) and len(head[0].text.split()) <= 6:
        category: str | None = head[0].text
        title_chunk = head[1]
        rest = head[2:]
    else:
        category = None
        title_chunk = head[0]
        rest = head[1:]

    # The references: the last run of numbered blocks before the tail.
    ref_start = len(rest)
    while ref_start > 0 and _NUMBERED.match(rest[ref_start - 1].lines[0]):
        ref_start -= 1
    ref_chunks = rest[ref_start:]
    # Start the list at its last "1." so a numbered list in the body stays body text.
    ones = [i for i, c in enumerate(ref_chunks) if _number(c.lines[0]) == 1]
    if ones:
        ref_start += ones[-1]
        ref_chunks = ref_chunks[ones[-1] :]
    references = _references(ref_chunks)
    body_chunks = rest[:ref_start]
    if not body_chunks:
        raise SourceFileError(
            path, "no body: there are no paragraphs after the title", title_chunk.line
        )
    body = tuple(SeedParagraph(c.text, c.line) for c in body_chunks)
    bare = tuple(
        i
        for i, c in enumerate(body_chunks)
        if i + 1 < len(body_chunks) and _heading_like(c) and not _heading_like(body_chunks[i + 1])
    )
    if len(bare) == len(body):
        raise SourceFileError(path, "no body paragraphs, only heading lines", body[0].line)
    return SeedDocument(
        category=category,
        title=title_chunk.text,
        body=body,
        bare_headings=bare,
        listed_headings=tuple(listed),
        references=references,
        disclaimer=disclaimer,
        authors=authors,
    )


def _number(line: str) -> int | None:
    match = _NUMBERED.match(line)
    return int(match.group(1)) if match else None


def _references(chunks: Sequence[_Chunk]) -> tuple[SeedReference, ...]:
    refs: list[SeedReference] = []
    texts: list[list[str]] = []
    for chunk in chunks:
        for offset, line in enumerate(chunk.lines):
            match = _NUMBERED.match(line)
            if match:
                refs.append(SeedReference(int(match.group(1)), "", chunk.line + offset))
                texts.append([match.group(2)])
            elif texts:
                texts[-1].append(line)
    return tuple(
        SeedReference(r.number, " ".join(" ".join(t).split()), r.line)
        for r, t in zip(refs, texts, strict=True)
    )


# --- heading placement ----------------------------------------------------------------------


def _stem(word: str) -> str:
    w = fold(word).replace("-", "").replace("'", "").replace("’", "")
    return w[:5] if len(w) > 5 else w


def _exact(word: str) -> str:
    w = fold(word).replace("-", "").replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _acronyms(paragraphs: Sequence[str]) -> dict[str, str]:
    """Acronyms the article defines: "autism spectrum disorder (ASD)" -> ASD: those words."""
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


def _terms(text: str, acronyms: dict[str, str]) -> list[str]:
    words = _WORDS.findall(text)
    expanded: list[str] = []
    for w in words:
        expanded.append(w)
        if w in acronyms:
            expanded.extend(_WORDS.findall(acronyms[w]))
    return [w for w in expanded if fold(w) not in _FUNCTION_WORDS]


class _Similarity:
    """Heading-to-paragraph similarity weighted by how rare each word is in the article."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.acronyms = _acronyms(paragraphs)
        self.n = len(paragraphs)
        self.full = [self._bags(p) for p in paragraphs]
        firsts = []
        for p in paragraphs:
            spans = sentence_spans(p)
            firsts.append(p[spans[0][0] : spans[0][1]] if spans else p)
        self.first = [self._bags(f) for f in firsts]
        self.df_exact: dict[str, int] = {}
        self.df_stem: dict[str, int] = {}
        for exact, stems in self.full:
            for e in exact:
                self.df_exact[e] = self.df_exact.get(e, 0) + 1
            for s in stems:
                self.df_stem[s] = self.df_stem.get(s, 0) + 1
        self.back = [bool(_POINTS_BACK.match(p)) for p in paragraphs]
        self._heading_terms: dict[str, list[tuple[str, str]]] = {}

    def _bags(self, text: str) -> tuple[set[str], set[str]]:
        terms = _terms(text, self.acronyms)
        return {_exact(t) for t in terms}, {_stem(t) for t in terms}

    def _idf(self, df: int) -> float:
        return math.log((self.n + 1) / (df + 0.5))

    def cover(self, heading: str, bags: tuple[set[str], set[str]]) -> float:
        """Share of the heading's weight found in ``bags``: exact words fully, stems half."""
        exact_bag, stem_bag = bags
        total = 0.0
        got = 0.0
        if heading not in self._heading_terms:
            terms = dict.fromkeys(_terms(heading, self.acronyms))
            self._heading_terms[heading] = [(_exact(t), _stem(t)) for t in terms]
        for e, s in self._heading_terms[heading]:
            weight = self._idf(self.df_exact.get(e, 0))
            total += weight
            if e in exact_bag:
                got += weight
            elif s in stem_bag:
                got += 0.5 * self._idf(self.df_stem.get(s, 0))
        return got / total if total else 0.0

    def score(self, heading: str, p: int) -> float:
        value = 0.6 * self.cover(heading, self.first[p]) + 0.4 * self.cover(heading, self.full[p])
        if self.back[p]:
            value -= POINTS_BACK_PENALTY
        return value


def same_heading(a: str, b: str) -> bool:
    """Whether two wordings name one heading ("Future Advances" / "... on this Topic")."""
    wa = {_exact(w) for w in _WORDS.findall(a) if fold(w) not in _FUNCTION_WORDS}
    wb = {_exact(w) for w in _WORDS.findall(b) if fold(w) not in _FUNCTION_WORDS}
    if not wa or not wb:
        return fold(a).strip() == fold(b).strip()
    if wa <= wb or wb <= wa:
        return True
    return len(wa & wb) / len(wa | wb) >= 0.6


def place_headings(
    paragraphs: Sequence[str], listed: Sequence[str], fixed: dict[int, int], blocked: set[int]
) -> list[int]:
    """The paragraph index each listed heading goes before.

    ``fixed`` maps a listed heading's index to its known position (a matching bare
    line in the body); ``blocked`` positions already have a heading of their own.
    Positions increase strictly with the heading's index when there are enough
    paragraphs; otherwise headings may share a paragraph (an empty section).
    """
    m, n = len(listed), len(paragraphs)
    if m == 0:
        return []
    sim = _Similarity(paragraphs)
    free = n - len(blocked)
    lead_needed = free > m  # room for a lead paragraph before the first heading

    def score(i: int, p: int) -> float:
        if i in fixed:
            return 0.0 if fixed[i] == p else -math.inf
        if p in blocked:
            return -1e6
        value = sim.score(listed[i], p)
        if p == 0 and lead_needed:
            value -= LEAD_PENALTY
        return value

    for strict in (True, False):
        best = [[-math.inf] * n for _ in range(m)]
        back = [[-1] * n for _ in range(m)]
        for p in range(n):
            best[0][p] = score(0, p)
        for i in range(1, m):
            run_best, run_arg = -math.inf, -1
            for p in range(n):
                limit = p - 1 if strict else p
                if limit >= 0 and best[i - 1][limit] > run_best:
                    run_best, run_arg = best[i - 1][limit], limit
                if run_arg >= 0 and run_best > -math.inf:
                    shared = 0.0 if strict or run_arg < p else -10.0
                    best[i][p] = run_best + score(i, p) + shared
                    back[i][p] = run_arg
        end = max(range(n), key=lambda p: best[m - 1][p])
        if best[m - 1][end] == -math.inf:
            continue
        positions = [end]
        for i in range(m - 1, 0, -1):
            positions.append(back[i][positions[-1]])
        positions.reverse()
        return positions
    # The body puts fixed headings in another order than the list: keep their places and
    # align the others around them, in list order.
    rest = [i for i in range(m) if i not in fixed]
    placed = place_headings(
        paragraphs, [listed[i] for i in rest], {}, blocked | set(fixed.values())
    )
    positions = [0] * m
    for i, pos in fixed.items():
        positions[i] = pos
    for i, pos in zip(rest, placed, strict=True):
        positions[i] = pos
    return positions


def sections_of(document: SeedDocument) -> tuple[SeedSection, ...]:
    """Paragraphs grouped under their headings: the lead, then one section per heading."""
    paragraphs: list[str] = []
    bare_at: dict[int, str] = {}  # paragraph index -> bare heading text before it
    for i, item in enumerate(document.body):
        if i in document.bare_headings:
            bare_at[len(paragraphs)] = item.text
        else:
            paragraphs.append(item.text)

    # Bare headings that are listed ones fix those headings' places (in order).
    listed = list(document.listed_headings)
    fixed: dict[int, int] = {}
    merged_bare: set[int] = set()
    next_listed = 0
    for pos, bare_text in sorted(bare_at.items()):
        # The next listed heading it names, else any not yet used (the body's order wins).
        candidates = [
            k for k in range(len(listed)) if k not in fixed and same_heading(bare_text, listed[k])
        ]
        if candidates:
            k = next((c for c in candidates if c >= next_listed), candidates[0])
            fixed[k] = pos
            merged_bare.add(pos)
            next_listed = max(next_listed, k + 1)
    blocked = {pos for pos in bare_at if pos not in merged_bare}
    positions = place_headings(paragraphs, listed, fixed, blocked)

    starts: list[tuple[int, int, str, str]] = []  # (position, order, heading, origin)
    for k, pos in enumerate(positions):
        origin = "listed+in-body" if k in fixed else "listed"
        starts.append((pos, k, listed[k], origin))
    for pos in blocked:
        starts.append((pos, -1, bare_at[pos], "in-body"))
    starts.sort(key=lambda s: (s[0], s[1]))

    sections: list[SeedSection] = []
    first = starts[0][0] if starts else len(paragraphs)
    if first > 0:
        sections.append(SeedSection("", tuple(paragraphs[:first]), "lead"))
    for j, (pos, _, heading, origin) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(paragraphs)
        sections.append(SeedSection(heading, tuple(paragraphs[pos:end]), origin))
    return tuple(sections)


# --- references, claims and Markdown -------------------------------------------------------


def reference_key(text: str) -> str:
    """A readable key: an organisation's acronym, else the first name word, plus the year.

    ``World Health Organization (WHO). ...`` -> ``who``; ``Cornell University. ... 2021``
    -> ``cornell-2021``; ``Schmidt RJ, ... 2014;180(9)`` -> ``schmidt-2014`` (years in
    square-bracketed publisher notes count only when there is no other).
    """
    head = re.split(r"[“\"(]|\.\s", text, maxsplit=1)[0]
    acronym = re.search(r"\(([A-Z][A-Z0-9&]{1,9})\)", text[: len(head) + 12])
    words = [w for w in _WORDS.findall(head) if fold(w) not in _FUNCTION_WORDS]
    person = any(re.fullmatch(r"[A-Z]{1,3}", w) for w in words) or re.search(r"\b[A-Z]\.", head)
    if acronym and text.find(acronym.group(0)) <= len(head) + 1:
        base = acronym.group(1)
    elif not person and len(words) >= 3 and all(w[:1].isupper() for w in words):
        base = "".join(w[0] for w in words)  # an organisation: its initials
    else:
        base = words[0] if words else "ref"
    plain = re.sub(r"\[[^\]]*\]", " ", text)
    year = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", plain)
    if year is None and not acronym:
        year = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", text)
    key = slugify(base, fallback="ref")[:40]
    return f"{key}-{year.group(1)}" if year else key


def _unique_keys(texts: Sequence[str]) -> list[str]:
    keys: list[str] = []
    for text in texts:
        key = reference_key(text)
        if key in keys:
            n = 2
            while f"{key}-{n}" in keys:
                n += 1
            key = f"{key}-{n}"
        keys.append(key)
    return keys


def _paragraph_markdown(text: str, markers: dict[int, list[str]]) -> str:
    """Escaped paragraph text with ``[^key]`` markers inserted at the given offsets."""
    out: list[str] = []
    prev = 0
    for offset in sorted(markers):
        out.append(escape_markdown(text[prev:offset], at_line_start=prev == 0))
        out.extend(f"[^{key}]" for key in markers[offset])
        prev = offset
    out.append(escape_markdown(text[prev:], at_line_start=prev == 0))
    return "".join(out)


def convert_seed(
    text: str, path: Path | None = None, collection: str | None = None, language: str = "en"
) -> ConvertedSeed:
    """Seed-layout text -> library Markdown (with the claim report). The layout declares
    no language: ``language`` is the article's."""
    document = parse_seed(text, path)
    sections = sections_of(document)
    keys = _unique_keys([r.text for r in document.references])
    references = source_references(
        list(zip(keys, (r.text for r in document.references), strict=True))
    )
    flat = [p for s in sections for p in s.paragraphs]
    where = [(si, pi) for si, s in enumerate(sections) for pi in range(len(s.paragraphs))]
    report = link_claims(flat, references)

    markers: dict[int, dict[int, list[str]]] = {}
    for link in report.links:
        markers.setdefault(link.paragraph, {}).setdefault(link.end, []).append(link.reference_key)

    anchors = _anchors(sections)
    flagged: list[dict[str, Any]] = []
    for flag in report.flags:
        si, _ = where[flag.paragraph]
        flagged.append(
            {
                "section": anchors[si],
                "claim": flag.sentence,
                "names": flag.names,
                "kind": flag.kind,
                "named": flag.source_kind,
                "closest": flag.closest_key,
                "reason": flag.reason,
                **({"candidates": list(flag.candidates)} if flag.candidates else {}),
            }
        )

    name = collection or collection_name(document.category or "")
    fields: dict[str, Any] = {
        "id": article_id(document.title),
        "title": document.title,
        "collection": name,
        "category": document.category,
        "authors": list(document.authors),
        "source": None,
        "licence": "not stated",
        "language": language,
        "disclaimer": document.disclaimer,
    }
    if flagged:
        fields["flagged_claims"] = flagged
    fields = {k: v for k, v in fields.items() if v is not None or k == "source"}

    body: list[str] = []
    flat_index = 0
    for section in sections:
        if section.heading:
            body.append(f"## {escape_markdown(section.heading)}")
        for paragraph in section.paragraphs:
            body.append(_paragraph_markdown(paragraph, markers.get(flat_index, {})))
            flat_index += 1
    notes = [f"[^{r.key}]: {escape_markdown(r.text)}" for r in references]
    markdown = front_matter_text(fields) + "\n" + "\n\n".join(body) + "\n"
    if notes:
        markdown += "\n" + "\n".join(notes) + "\n"
    return ConvertedSeed(
        article_id=str(fields["id"]),
        collection=name,
        folder=collection_folder(name),
        markdown=markdown,
        sections=sections,
        references=references,
        report=report,
    )


def _anchors(sections: Sequence[SeedSection]) -> list[str]:
    """The anchors the article parser gives these sections (``lead`` first, then slugs)."""
    seen = {"lead"}
    out: list[str] = []
    for s in sections:
        if not s.heading:
            out.append("lead")
            continue
        out.append(unique(slugify(s.heading), seen))
    return out


def import_seed(
    path: Path,
    library: Path,
    collection: str | None = None,
    replace: bool = False,
    language: str = "en",
) -> ImportResult:
    """Convert one seed-layout file and write it under ``library/<collection>/<id>.md``."""
    path = Path(path)
    text = read_source_text(path)
    converted = convert_seed(text, path, collection, language)
    target = Path(library) / converted.folder / f"{converted.article_id}.md"
    write_article(target, converted.markdown, replace=replace)
    log.info("imported %s -> %s", path, target)
    return ImportResult(target, converted)


def convert_seed_bytes(data: bytes, path: Path | None = None) -> ConvertedSeed:
    """Like :func:`convert_seed`, from raw bytes (checked as :func:`read_source_text` does)."""
    return convert_seed(decode_source_bytes(data, path), path)
