"""The reader's data: frozen, typed, Qt-free.

An :class:`Article` is what a library Markdown file means once parsed: its metadata,
its sections (each a sequence of blocks of inline runs), its references, the
citations that tie a claim sentence to a reference, and the claims an importer
flagged because they name a source the reference list does not hold.

Offsets: a block's plain text is ``block.text`` (the concatenation of its runs'
text, citation markers excluded). A citation's claim span indexes into that text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum
from pathlib import Path


class RunKind(Enum):
    """What an inline run is."""

    TEXT = "text"
    CODE = "code"
    BREAK = "break"
    CITE = "cite"  # a citation marker; ``target`` is the reference key


@dataclass(frozen=True, slots=True)
class Formula:
    """A formula the text holds in linear form, with the words a screen reader says for it.

    ``display``: a formula set on its own (a numbered equation), not inside a sentence.
    ``spoken`` is in English; ``words`` is what to say in any language (words of
    :mod:`reader.core.formula_words` and the formula's own text, see
    :func:`reader.core.formula_words.say`), empty in a file written without it.
    """

    spoken: str
    display: bool = False
    words: str = ""


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of inline content with uniform style.

    ``link`` is a sanitised link target (``#anchor`` inside the article, or a URL
    shown as text and never opened); ``target`` is the reference key of a CITE run.
    A CITE run has empty ``text``: the UI shows the reference's display number.
    """

    text: str
    kind: RunKind = RunKind.TEXT
    emphasis: bool = False
    strong: bool = False
    link: str | None = None
    target: str | None = None
    #: "sub" or "sup": shown lowered or raised (a subscript, a superscript); "" otherwise.
    script: str = ""
    #: The formula this run is part of (consecutive runs with an equal one are one formula).
    formula: Formula | None = None


class BlockKind(Enum):
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    QUOTE = "quote"
    CODE = "code"
    NOTE = "note"  # e.g. a figure caption standing in for an image that is not shipped
    RULE = "rule"


@dataclass(frozen=True, slots=True)
class TableCell:
    runs: tuple[Run, ...]
    header: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a section.

    LIST_ITEM: ``depth`` (0 = top level), ``ordered`` and ``number`` describe the
    bullet. TABLE: ``rows`` holds the cells, ``runs`` is empty.
    """

    kind: BlockKind
    runs: tuple[Run, ...] = ()
    depth: int = 0
    ordered: bool = False
    number: int | None = None
    rows: tuple[tuple[TableCell, ...], ...] = ()
    line: int | None = None  # 1-based line in the source file, for messages

    @property
    def text(self) -> str:
        """Plain text of the block; citation markers contribute nothing."""
        if self.kind is BlockKind.TABLE:
            return "\n".join("\t".join(c.text for c in row) for row in self.rows)
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks under it, up to the next heading of any level.

    The lead (text before the first heading) is a section with ``level == 0`` and
    an empty heading; ``Article.headed_sections`` leaves it out.
    """

    heading: str
    level: int
    anchor: str
    blocks: tuple[Block, ...]
    line: int | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.text)

    @property
    def paragraph_count(self) -> int:
        return sum(1 for b in self.blocks if b.kind is BlockKind.PARAGRAPH)


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of the reference list (a footnote definition in the file).

    ``number`` is the 1-based display number: the reference's position in the list.
    The structured fields are filled where they can be recognised from ``text``.
    """

    key: str
    number: int
    text: str
    authors: tuple[str, ...] = ()
    title: str | None = None
    container: str | None = None  # journal, website, publisher
    year: int | None = None
    doi: str | None = None
    url: str | None = None
    pmid: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """A claim that cites a reference.

    ``block_index`` is the block within the section; ``paragraph`` its 1-based
    paragraph number (for "cited in: New Research Findings, ¶2"); ``claim_start``
    and ``claim_end`` index ``block.text``; ``ordinal`` is the citation's position
    among all of the article's citations (0-based, in reading order).
    """

    reference_key: str
    section_anchor: str
    block_index: int
    paragraph: int
    claim: str
    claim_start: int
    claim_end: int
    marker_offset: int
    ordinal: int


@dataclass(frozen=True, slots=True)
class FlaggedClaim:
    """A claim naming a source that is not in the reference list (never a silent link).

    Read from the article's front matter (``flagged_claims``), written by an importer.
    ``closest_key`` is the nearest reference, if any; ``reason`` says why it was
    not taken. The span is located in the section when the claim text is found.
    """

    section_anchor: str
    claim: str
    named_source: str
    reason: str
    closest_key: str | None = None
    block_index: int | None = None
    #: "absent": no reference is from the source named; "ambiguous": the name fits the
    #: references in ``candidates`` and the sentence does not say which.
    kind: str = "absent"
    #: What was named: "journal", "organisation", "author" or "source".
    named_kind: str = "source"
    candidates: tuple[str, ...] = ()
    claim_start: int | None = None
    claim_end: int | None = None


@dataclass(frozen=True, slots=True)
class UncertainHeading:
    """A heading an importer placed on weak evidence (front matter ``uncertain_headings``).

    ``placed_before`` and each of ``alternatives`` are the first words of a paragraph:
    where the heading is, and where else it could be.
    """

    heading: str
    placed_before: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    id: str
    title: str
    collection: str
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date or year, as known
    reviewed: str | None = None
    source: str | None = None  # URL or DOI of the original
    licence: str | None = None
    licence_text: str | None = None  # the attribution statement, where the licence needs one
    language: str = "en"
    disclaimer: str | None = None
    journal: str | None = None
    doi: str | None = None
    category: str | None = None
    abstract: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    meta: ArticleMeta
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]
    flagged: tuple[FlaggedClaim, ...] = ()
    path: Path | None = None
    content_hash: str = ""
    warnings: tuple[Problem, ...] = ()
    uncertain_headings: tuple[UncertainHeading, ...] = ()

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def headed_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.level > 0)

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)

    def reference(self, key: str) -> Reference | None:
        return next((r for r in self.references if r.key == key), None)

    def citations_of(self, key: str) -> tuple[Citation, ...]:
        return tuple(c for c in self.citations if c.reference_key == key)

    @property
    def uncited_references(self) -> tuple[Reference, ...]:
        cited = {c.reference_key for c in self.citations}
        return tuple(r for r in self.references if r.key not in cited)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the library pane needs without holding every article's body in memory."""

    id: str
    title: str
    collection: str
    path: Path
    authors: tuple[str, ...] = ()
    journal: str | None = None
    published: str | None = None
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found in a library file: an error stops the article loading, a warning does not."""

    path: Path
    message: str
    line: int | None = None
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.severity}: {self.message}"


# --- search ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching section. ``snippet`` is plain text; ``highlights`` are
    (start, end) spans in it to mark. ``terms`` are the matched words, for
    marking them in the opened article."""

    article_id: str
    article_title: str
    collection: str
    section_anchor: str
    section_heading: str
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...]
    total: int
    did_you_mean: str | None = None
    broader: str | None = None  # a broader query to offer when little was found
    message: str | None = None  # a friendly word when nothing was found or the query was odd
    rebuilding: bool = False


@dataclass(frozen=True, slots=True)
class Suggestion:
    text: str  # a title or heading
    article_id: str
    section_anchor: str | None = None


class IndexPhase(StrEnum):
    """Where an index build or update is (also the ``phase`` of its progress lines)."""

    CHECKING = "checking"  # comparing the library with the index
    INDEXING = "indexing"  # reading and indexing the articles that changed
    COMMITTING = "committing"  # writing the new segment
    DONE = "done"  # up to date
    CANCELLED = "cancelled"  # stopped on request: nothing was committed


@dataclass(frozen=True, slots=True)
class IndexProgress:
    done: int
    total: int
    article_id: str | None = None
    phase: IndexPhase = IndexPhase.INDEXING


@dataclass(frozen=True, slots=True)
class IndexReport:
    added: int
    changed: int
    removed: int
    unchanged: int
    seconds: float
    location: Path | None = None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    cancelled: bool = False  # stopped on request: nothing was committed
