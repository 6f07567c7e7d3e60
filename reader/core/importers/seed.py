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

Heading placement (:mod:`reader.core.importers.headings`): every listed heading is put
before the paragraph it heads, in order, none lost, none duplicated. A bare in-body
heading that matches a listed one is the same heading (the listed wording is used) and
fixes its position; a ``NAME.headings`` file beside the source fixes the headings staff
have confirmed or moved; the others are placed on the evidence of the text, and close
calls are kept (``uncertain_headings`` in the front matter, and the import report).

Claims are linked to references by :mod:`reader.core.claims`; linked sentences get
a footnote marker, flagged ones go into the front matter's ``flagged_claims``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.article import front_matter_text
from reader.core.claims import (
    DROPPABLE_NAME_WORDS,
    GENERIC_NAME_WORDS,
    LinkReport,
    SourceReference,
    link_claims,
    source_references,
)
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
from reader.core.importers.headings import place_headings, same_heading
from reader.core.text import fold, slugify, unique

log = logging.getLogger(__name__)


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
_HEADINGS_LIST = re.compile(r"^\s*HTML\s+Headings\s*:?\s*$", re.IGNORECASE)
_NOTE = re.compile(r"^\s*\*?\s*(?:Note|Disclaimer)\s*:", re.IGNORECASE)
_AUTHOR = re.compile(r"^\s*author\s+avatar\s*$", re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_FUNCTION_WORDS = _wordset(
    """a an and the of for in on at to by with from is are was were be been being that this
    these those it its as or not no but than then there their they them which who what when
    where while how why do does did can could may might will would should also more most
    very such into over about after before between during through up out so if each other
    some any all both only own same too just our we you your"""
)
MAX_HEADING_WORDS = 14
#: A web article is a few dozen paragraphs; far more is not this layout (and placing
#: headings grows with paragraphs times headings).
MAX_PARAGRAPHS = 2000
MAX_LISTED_HEADINGS = 200
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
    uncertain: tuple[UncertainPlacement, ...] = ()

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
    if len(body_chunks) > MAX_PARAGRAPHS:
        raise SourceFileError(
            path,
            f"the body has {len(body_chunks)} paragraphs; more than {MAX_PARAGRAPHS} is not "
            "an article in this layout",
            body_chunks[MAX_PARAGRAPHS].line,
        )
    if len(listed) > MAX_LISTED_HEADINGS:
        raise SourceFileError(
            path, f"{len(listed)} listed headings; more than {MAX_LISTED_HEADINGS} are refused"
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


@dataclass(frozen=True, slots=True)
class UncertainPlacement:
    """A listed heading the evidence does not settle: where it went and where else it could."""

    heading: str
    placed_before: str  # the paragraph it was put before
    alternatives: tuple[str, ...]  # other paragraphs it could head, likeliest first


def read_placement_overrides(path: Path) -> dict[str, str]:
    """The headings file beside a source: ``Heading | first words of its paragraph``.

    ``NAME.headings`` next to ``NAME.txt``; ``#`` starts a comment. Raise
    :class:`SourceFileError` (with the line) on a line that is not ``heading | words``.
    """
    text = read_source_text(path, max_bytes=64 * 1024)
    out: dict[str, str] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        heading, bar, opening = line.partition("|")
        if not bar or not heading.strip() or not opening.strip():
            raise SourceFileError(
                path, "expected 'Heading | first words of the paragraph it heads'", number
            )
        out[" ".join(heading.split())] = " ".join(opening.split())
    return out


def placement_file(source: Path) -> Path:
    """Where staff put placement overrides for ``source``: ``NAME.headings`` beside it."""
    return source.with_suffix(".headings")


def sections_of(
    document: SeedDocument, overrides: dict[str, str] | None = None, path: Path | None = None
) -> tuple[tuple[SeedSection, ...], tuple[UncertainPlacement, ...]]:
    """Paragraphs grouped under their headings, and the placements the evidence leaves open.

    ``overrides`` (heading -> opening words of its paragraph) fix headings where staff
    have put them.
    """
    paragraphs: list[str] = []
    bare_at: dict[int, str] = {}  # paragraph index -> bare heading text before it
    for i, item in enumerate(document.body):
        if i in document.bare_headings:
            bare_at[len(paragraphs)] = item.text
        else:
            paragraphs.append(item.text)

    listed = list(document.listed_headings)
    fixed: dict[int, int] = {}
    for heading, opening in (overrides or {}).items():
        index = next((k for k, h in enumerate(listed) if h == heading), None)
        if index is None:
            raise SourceFileError(path, f"the headings file names {heading!r}, which is not listed")
        pos = next((p for p, text in enumerate(paragraphs) if text.startswith(opening)), None)
        if pos is None:
            raise SourceFileError(path, f"no paragraph starts with {opening!r} (for {heading!r})")
        fixed[index] = pos
    # Bare headings that are listed ones fix those headings' places (in order).
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
    unnamed = {pos for pos in bare_at if pos not in merged_bare}
    placement = place_headings(paragraphs, listed, fixed, unnamed, document.title)
    merged_bare |= placement.merged_bare
    blocked = {pos for pos in bare_at if pos not in merged_bare}

    starts: list[tuple[int, int, str, str]] = []  # (position, order, heading, origin)
    for k, pos in enumerate(placement.positions):
        origin = "listed+in-body" if pos in merged_bare else "listed"
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
    uncertain = tuple(
        UncertainPlacement(
            listed[k],
            _opening(paragraphs[placement.positions[k]]),
            tuple(_opening(paragraphs[p]) for p in alternatives),
        )
        for k, alternatives in sorted(placement.uncertain.items())
        if placement.positions[k] < len(paragraphs)
    )
    return tuple(sections), uncertain


def _opening(paragraph: str, words: int = 8) -> str:
    """The first words of a paragraph, enough to find it (and to write in a headings file)."""
    return " ".join(paragraph.split()[:words])


# --- references, claims and Markdown -------------------------------------------------------


_COUNTRY_CODES = _wordset("US UK EU USA")
_PERSON_START = re.compile(
    r"^[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)* [A-Z]{1,3}(?:,|;|$)"  # Vancouver: Smith JA,
    r"|^[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)*,\s*[A-Z]\."  # APA: Peña, M.
)


def reference_key(text: str) -> str:
    """A readable key from the reference's authors and year.

    A person: the first author's surname, accents folded (``Peña, M. ... (2015)`` ->
    ``pena-2015``). An organisation: its acronyms (``National Institutes of Health (NIH),
    ... (NICHD)`` -> ``nih-nichd``), else the initials of a short name (``American
    College of Obstetricians and Gynecologists`` -> ``acog``), else its first words
    (``Cornell University`` -> ``cornell``; ``Eunice Kennedy Shriver National Institute of
    Child Health ...`` -> ``eunice-kennedy``). The year is added when the text has
    one outside square-bracketed publisher notes (``who`` has none).
    """
    undotted = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group().replace(".", ""), text)
    segment = re.split(r"[“\"]|\.\s|\.$", undotted, maxsplit=1)[0]
    person = bool(_PERSON_START.match(segment.strip()))
    bare = re.sub(r"\([^)]*\)", " ", segment)
    words = [w for w in _WORDS.findall(bare) if fold(w) not in _FUNCTION_WORDS]
    acronyms = list(
        dict.fromkeys(
            [m.group(1) for m in re.finditer(r"\(([A-Z][A-Z0-9&]{1,9})\)", segment)]
            + [w for w in words if re.fullmatch(r"[A-Z]{2,}[A-Z0-9]*", w)]
        )
    )
    acronyms = [a for a in acronyms if a not in _COUNTRY_CODES]
    named = [w for w in words if w not in _COUNTRY_CODES]
    while len(named) > 1 and fold(named[-1]) in DROPPABLE_NAME_WORDS - {"university"}:
        named.pop()  # "Mayo Clinic Staff", "... website"
    if person:
        base = words[0] if words else "ref"
    elif acronyms:
        base = "-".join(acronyms[:3])
    elif 3 <= len(named) <= 5 and all(w[:1].isupper() for w in named):
        base = "".join(w[0] for w in named)  # a short name: its initials
    else:
        # A long name: its first two words; a short one: its first distinctive word.
        distinctive = [w for w in named if fold(w) not in GENERIC_NAME_WORDS] or named
        base = "-".join(named[:2] if len(named) >= 6 else distinctive[:1]) or "ref"
    plain = re.sub(r"\[[^\]]*\]", " ", text)
    year = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", plain)
    if year is None and not acronyms:
        year = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", text)
    key = slugify(base, fallback="ref")[:40].strip("-")
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
    text: str,
    path: Path | None = None,
    collection: str | None = None,
    language: str = "en",
    overrides: dict[str, str] | None = None,
) -> ConvertedSeed:
    """Seed-layout text -> library Markdown (with the claim report).

    The layout declares no language: ``language`` is the article's. ``overrides``
    (heading -> first words of the paragraph it heads) are placements staff have
    confirmed or moved; see :func:`read_placement_overrides`.
    """
    document = parse_seed(text, path)
    sections, uncertain = sections_of(document, overrides, path)
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
    if uncertain:
        fields["uncertain_headings"] = [
            {
                "heading": u.heading,
                "placed_before": u.placed_before,
                "alternatives": list(u.alternatives),
            }
            for u in uncertain
        ]
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
        uncertain=uncertain,
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
    overrides_path = placement_file(path)
    overrides = read_placement_overrides(overrides_path) if overrides_path.is_file() else None
    converted = convert_seed(text, path, collection, language, overrides)
    target = Path(library) / converted.folder / f"{converted.article_id}.md"
    write_article(target, converted.markdown, replace=replace)
    log.info("imported %s -> %s", path, target)
    return ImportResult(target, converted)


def convert_seed_bytes(data: bytes, path: Path | None = None) -> ConvertedSeed:
    """Like :func:`convert_seed`, from raw bytes (checked as :func:`read_source_text` does)."""
    return convert_seed(decode_source_bytes(data, path), path)
