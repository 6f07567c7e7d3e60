"""MedQuAD topic files (plain-language health topics from NIH and CDC) -> library Markdown.

MedQuAD (Ben Abacha and Demner-Fushman, 2019; CC BY 4.0) holds one XML file per topic:
a ``<Document>`` with the topic (``<Focus>``), its synonyms, the source page's address,
and question–answer pairs whose answers were flattened to one line of text. This importer
turns each topic into one library article:

- a section per kind of question, under a heading a lay reader understands ("Symptoms",
  "Treatment", "How it is diagnosed") rather than "What is (are) X ?"; several answers
  of one kind go under one heading, identical answers once;
- the flattened text restored: paragraphs and ``- `` list items split where runs of spaces
  or line breaks joined them, short label lines ("Key Points") made sub-headings, the
  "Summary :" label and the trailing "NIH: <institute>" credit line taken out of the text
  (the credit goes into the front matter, so it is never searched as article text);
- front matter naming the agency as author, the source address, the licence and the
  MedQuAD citation, and a plain note that the text was collected around 2017–2019;
- "Also called: …" from the topic's synonyms, which also go into the collection folder's
  ``synonyms.tsv`` so a search for any of them finds the topic.

One collection per source (see :data:`SOURCES`): each article keeps one agency, one
address and one licence trail, and the collection name says in lay words what the
agency covers. Topics that several sources cover stay separate articles (each agency's
text), cross-linked by id and told apart by title; files of ONE source about the same
topic are merged into one article. Ids come from the topic name; when two topics would
get the same id, the later one gets the source's short name, then a number.

Input: XML files, folders (searched for ``*.xml``) or the MedQuAD ``.tar.xz`` archive
(read member by member, each member bounded). XML is parsed with ``defusedxml``: a
DOCTYPE or any entity declaration is refused, as are files over
:data:`MAX_TOPIC_BYTES` and elements nested deeper than :data:`MAX_XML_DEPTH`.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _defused_fromstring

from reader.core.article import front_matter_text
from reader.core.fsutil import atomic_write_text
from reader.core.importers import (
    SourceFileError,
    article_id,
    collection_folder,
    escape_markdown,
    xml_syntax_problem,
)
from reader.core.library import Library
from reader.core.text import fold, unique
from reader.core.vocabulary import ONE_WAY, is_abbreviation

log = logging.getLogger(__name__)

#: Bumped whenever the Markdown written for the same XML changes.
IMPORTER_VERSION = "1"
#: Larger topic files are refused (the largest MedQuAD topic is about 60 KB).
MAX_TOPIC_BYTES = 1024 * 1024
#: Larger archives are refused (the MedQuAD archive is 3.3 MB).
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024
#: An archive with more members than this is refused (MedQuAD has 5,500 files).
MAX_ARCHIVE_MEMBERS = 50_000
#: Deeper element nesting is refused (a topic file nests 5 deep).
MAX_XML_DEPTH = 20

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DATE_NOTE = "collected from the agency's website around 2017–2019; may be out of date"
CITATION = (
    "Ben Abacha A, Demner-Fushman D. A question-entailment approach to question "
    "answering. BMC Bioinformatics. 2019;20:511. doi:10.1186/s12859-019-3119-4"
)


class MedquadError(SourceFileError):
    """A MedQuAD file cannot be imported (not XML, unsafe, too large, not a topic)."""


# --- sources -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """One MedQuAD subset: who wrote it and the collection its topics go into."""

    key: str  # the ``source`` attribute of ``<Document>``
    short: str  # for titles and ids that must be told apart
    agency: str  # the author shown with each article
    collection: str
    general: bool  # general health topics (bundled first) or rare/genetic conditions
    folder_hint: str  # the MedQuAD folder name part, for files without a source attribute


#: In the order the bundled library lists them: general health sources first.
SOURCES: tuple[Source, ...] = (
    Source(
        "MPlusHealthTopics", "MedlinePlus",
        "MedlinePlus, U.S. National Library of Medicine",
        "Health topics (MedlinePlus)", True, "MPlus",
    ),
    Source(
        "NIDDK", "NIDDK",
        "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)",
        "Diabetes, digestion and kidneys (NIDDK)", True, "NIDDK",
    ),
    Source(
        "NHLBI", "NHLBI", "National Heart, Lung, and Blood Institute (NHLBI)",
        "Heart, lungs, blood and sleep (NHLBI)", True, "NHLBI",
    ),
    Source(
        "NINDS", "NINDS", "National Institute of Neurological Disorders and Stroke (NINDS)",
        "Brain and nerves (NINDS)", True, "NINDS",
    ),
    Source(
        "CDC", "CDC", "Centers for Disease Control and Prevention (CDC)",
        "Infections and prevention (CDC)", True, "CDC",
    ),
    Source(
        "NIHSeniorHealth", "NIHSeniorHealth", "NIHSeniorHealth, U.S. National Institutes of Health",
        "Older adults (NIHSeniorHealth)", True, "SeniorHealth",
    ),
    Source(
        "CancerGov", "National Cancer Institute", "National Cancer Institute (cancer.gov)",
        "Cancer (National Cancer Institute)", True, "CancerGov",
    ),
    Source(
        "GARD", "GARD", "Genetic and Rare Diseases Information Center (GARD)",
        "Rare diseases (GARD)", False, "GARD",
    ),
    Source(
        "GHR", "Genetics Home Reference",
        "Genetics Home Reference, U.S. National Library of Medicine",
        "Genetic conditions (Genetics Home Reference)", False, "GHR",
    ),
)  # fmt: skip
_BY_KEY = {s.key: s for s in SOURCES}
_RANK = {s.key: n for n, s in enumerate(SOURCES)}
GENERAL_SOURCES = frozenset(s.key for s in SOURCES if s.general)
ALL_SOURCES = frozenset(_BY_KEY)


def source_for(attribute: str | None, origin: str) -> Source | None:
    """The source a file belongs to: its ``source`` attribute, else its folder's name."""
    if attribute and attribute in _BY_KEY:
        return _BY_KEY[attribute]
    for source in SOURCES:
        if f"_{source.folder_hint}" in origin:
            return source
    return None


def parse_sources(text: str) -> frozenset[str]:
    """``general``, ``all`` or a comma-separated list of source keys (any case)."""
    wanted: set[str] = set()
    names = {s.key.casefold(): s.key for s in SOURCES}
    names.update({s.short.casefold(): s.key for s in SOURCES})
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        low = part.casefold()
        if low == "general":
            wanted |= GENERAL_SOURCES
        elif low == "all":
            wanted |= ALL_SOURCES
        elif low in names:
            wanted.add(names[low])
        else:
            choices = ", ".join(["general", "all", *(s.key for s in SOURCES)])
            raise ValueError(f"unknown source {part!r}; choose from {choices}")
    return frozenset(wanted)


# --- lay headings ---------------------------------------------------------------------------

#: Question type -> the section heading a lay reader understands, in reading order.
LAY_HEADINGS: dict[str, str] = {
    "information": "What it is",
    "symptoms": "Symptoms",
    "causes": "Causes",
    "susceptibility": "Who is at risk",
    "frequency": "How common it is",
    "exams and tests": "How it is diagnosed",
    "stages": "Stages",
    "treatment": "Treatment",
    "prevention": "Prevention",
    "complications": "Complications",
    "outlook": "Outlook",
    "considerations": "Living with it",
    "inheritance": "Does it run in families?",
    "genetic changes": "Genetic changes",
    "support groups": "Support",
    "research": "Research and clinical trials",
}
_OTHER_HEADING = "More information"
#: The question wordings MedQuAD generated from a question type and the topic name.
_GENERIC_QUESTION = re.compile(
    r"^\s*(?:what is \(are\)|do you have information about|what are the symptoms of|"
    r"what causes|who is at risk for|how to diagnose|what are the treatments for|"
    r"how to prevent|what is the outlook for|what research|what to do for|is .* inherited|"
    r"how many people are affected by|what are the genetic changes related to|"
    r"what are the complications of|what are the stages of|where to find support)",
    re.IGNORECASE,
)


# --- parsed topics --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    qtype: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class Topic:
    """One parsed topic file."""

    origin: str  # the file (or archive member) it came from
    doc_id: str
    source: Source
    url: str
    focus: str
    synonyms: tuple[str, ...]
    category: str
    pairs: tuple[Pair, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FileReport:
    """What happened to one topic file.

    ``status`` is ``imported`` (an article of its own), ``merged`` (its answers went into
    the article of another file of the same source and topic), ``skipped`` (nothing to
    import, or its source was not asked for; ``reason`` says which) or ``failed``.
    """

    origin: str
    status: str
    article_id: str | None = None
    title: str | None = None
    sections: int = 0
    answers: int = 0
    duplicates: int = 0
    reason: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def line(self) -> str:
        head = f"{self.origin}: {self.status}"
        if self.article_id:
            head += f" -> {self.article_id}"
        details: list[str] = []
        if self.status in ("imported", "merged"):
            details.append(f"{self.answers} answer(s)")
            if self.duplicates:
                details.append(f"{self.duplicates} identical answer(s) left out")
        if self.reason:
            details.append(self.reason)
        return head + (f" ({'; '.join(details)})" if details else "")


@dataclass
class ImportResult:
    """The files' reports and the articles written (or converted, with ``write=False``)."""

    reports: list[FileReport] = field(default_factory=list)
    articles: dict[str, Path] = field(default_factory=dict)  # id -> file
    markdown: dict[str, str] = field(default_factory=dict)  # id -> text (write=False)
    synonym_files: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> list[FileReport]:
        return [r for r in self.reports if r.failed]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for report in self.reports:
            out[report.status] = out.get(report.status, 0) + 1
        return out

    def summary(self) -> str:
        counts = self.counts()
        parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        return (
            f"{len(self.reports)} file(s): {parts or 'nothing to import'}; "
            f"{len(self.articles) or len(self.markdown)} article(s)"
        )


# --- parsing ----------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def _text(elem: ET.Element | None) -> str:
    if elem is None:
        return ""
    return _WS.sub(" ", "".join(elem.itertext())).strip()


def parse_topic(data: bytes, origin: str) -> Topic:
    """Parse one topic file safely; raise :class:`MedquadError` naming the fault."""
    if not data.strip():
        raise MedquadError(origin, "the file is empty")
    if len(data) > MAX_TOPIC_BYTES:
        raise MedquadError(
            origin,
            f"the file is {len(data) / 1e6:.1f} MB; topic files larger than "
            f"{MAX_TOPIC_BYTES // 1024} KiB are refused",
        )
    try:
        root = _defused_fromstring(data, forbid_dtd=True, forbid_entities=True)
    except DefusedXmlException as exc:
        raise MedquadError(
            origin,
            "the XML declares a DOCTYPE or entities "
            f"({type(exc).__name__}); such files are refused because entities can expand "
            "without bound or read local files",
        ) from None
    except ET.ParseError as exc:
        raise MedquadError(origin, *xml_syntax_problem(exc, data)) from None
    stack = [(root, 1)]
    while stack:
        elem, depth = stack.pop()
        if depth > MAX_XML_DEPTH:
            raise MedquadError(
                origin, f"elements are nested more than {MAX_XML_DEPTH} deep; the file is refused"
            )
        stack.extend((child, depth + 1) for child in elem)
    if root.tag not in _ROOTS:
        raise MedquadError(origin, f"not a MedQuAD topic: the root element is <{root.tag}>")
    source = source_for(root.get("source") or root.get("corpus"), origin)
    if source is None:
        raise MedquadError(origin, f"unknown MedQuAD source {root.get('source')!r}")
    pairs: list[Pair] = []
    for pair in (e for e in root.iter() if e.tag in ("QAPair", "pair")):
        question = next((c for c in pair if c.tag in ("Question", "question")), None)
        answer = next((c for c in pair if c.tag in ("Answer", "answer")), None)
        text = "".join(answer.itertext()) if answer is not None else ""
        if not text.strip():
            continue
        qtype = (question.get("qtype") if question is not None else "") or ""
        pairs.append(Pair(qtype.strip().casefold(), _text(question), text))
    url = (root.get("url") or "").strip()
    focus = _text(root.find("Focus")) or _text(root.find("doctitle-focus"))
    warnings: list[str] = []
    if not focus:
        focus = _focus_from(pairs, url)
        if not focus:
            raise MedquadError(origin, "the topic has no <Focus> (no topic name)")
        warnings.append(f"no <Focus>: the topic is named {focus!r} from its questions or address")
    synonyms = tuple(
        dict.fromkeys(s for s in (_text(e) for e in root.iter("Synonym")) if s and s != focus)
    )
    return Topic(
        origin=origin,
        doc_id=root.get("id") or root.get("docid") or root.get("fid") or "",
        source=source,
        url=url,
        focus=_title(focus),
        synonyms=synonyms,
        category=_text(root.find("FocusAnnotations/Category")),
        pairs=tuple(pairs),
        warnings=tuple(warnings),
    )


#: Root elements of the three layouts MedQuAD's files use.
_ROOTS = frozenset({"Document", "doc", "DiseaseFile"})
_WHAT_IS = re.compile(r"^\s*what (?:is|are) (?!\(are\))(.{3,80}?)\s*\?\s*$", re.IGNORECASE)


def _focus_from(pairs: list[Pair], url: str) -> str:
    """A topic name for a file without one: its first "what is X?" question, else the last
    part of its address ("…/vaccines/" -> "Vaccines")."""
    for pair in pairs:
        found = _WHAT_IS.match(pair.question)
        if found:
            return _title(found.group(1))
    parts = [p for p in re.split(r"[/?#]", url.split("://", 1)[-1])[1:] if p]
    if parts:
        name = re.sub(r"\.[a-z]{2,5}$", "", parts[-1])
        name = " ".join(re.sub(r"[_-]+", " ", name).split())
        return _title(name) if name.isascii() and len(name) >= 3 else ""
    return ""


# --- restoring the flattened text --------------------------------------------------------------

#: An answer's "Summary :" label.
_SUMMARY = re.compile(r"^\s*Summary\s*:\s*")
#: A credit line at the end of a MedlinePlus answer: "NIH: National Cancer Institute".
_CREDIT = re.compile(
    r"^(?:NIH: .{4,100}|Centers for Disease Control and Prevention|Food and Drug Administration"
    r"|Dept\. of .{4,100}|[A-Z][\w.,'&() -]{3,80} (?:Institute|Administration|Agency|Office|"
    r"Centers?|Program|Service|Department)(?: [\w,'&() -]{0,60})?)$"
)
#: Where a flattened answer joined paragraphs (a line break, or three spaces or more) ...
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*|\s{3,}")
#: ... and list items ("  - item").
_ITEM_BREAK = re.compile(r"\s{2,}(?=-\s)|(?<=[.:;!?])\s+(?=-\s+[A-Z(])")
_DROPPED_LINES = frozenset({"espaol", "español", "en español", "en espaol"})
_TAIL_TEXT = (
    "a an and are as at be by for from if in include includes including is of on or such "
    "than that the to was were when where which who with"
)
_LABEL_TAIL_WORDS = frozenset(_TAIL_TEXT.split(" "))
_LEAD_QUESTION = re.compile(
    r"^\s*((?:What|How|Is|Are|Can|Do|Does|Who|When|Why|Which|Where)\b[^?]{3,150}\?)\s*"
)


def _is_label(line: str) -> bool:
    """A short line with no closing punctuation that heads what follows ("Key Points")."""
    words = line.split()
    if not 1 <= len(words) <= 9 or len(line) > 70:
        return False
    if line[-1] in ".,;:!?" or not line[0].isupper():
        return False
    return words[-1].casefold() not in _LABEL_TAIL_WORDS


@dataclass(frozen=True, slots=True)
class _Block:
    kind: str  # "p" | "li" | "label"
    text: str


def restore_blocks(answer: str) -> tuple[list[_Block], list[str]]:
    """An answer's paragraphs, list items and label lines; and the credit lines taken out."""
    text = _SUMMARY.sub("", answer)
    blocks: list[_Block] = []
    credits: list[str] = []
    lines = re.split(r"\s*\n\s*", text.strip())
    for n, line in enumerate(lines):
        line = line.strip()
        if not line or line.casefold() in _DROPPED_LINES:
            continue
        is_last_line = n == len(lines) - 1
        chunks = [c.strip() for c in re.split(r"\s{3,}", line) if c.strip()]
        if len(lines) > 1 and len(chunks) == 1 and _is_label(line) and not is_last_line:
            blocks.append(_Block("label", line))
            continue
        for chunk in chunks:
            for piece in _ITEM_BREAK.split(chunk):
                piece = _WS.sub(" ", piece).strip()
                if not piece:
                    continue
                if piece.startswith("- ") or piece == "-":
                    item = piece[1:].strip()
                    if item:
                        blocks.append(_Block("li", item))
                else:
                    blocks.append(_Block("p", piece))
    while blocks and blocks[-1].kind == "p" and _CREDIT.match(blocks[-1].text):
        credits.insert(0, blocks.pop().text)
    return blocks, credits


def _markdown_blocks(blocks: list[_Block]) -> list[str]:
    """Blocks as Markdown; consecutive list items make one list."""
    out: list[str] = []
    items: list[str] = []
    for block in blocks:
        if block.kind == "li":
            items.append("- " + escape_markdown(block.text, at_line_start=False))
            continue
        if items:
            out.append("\n".join(items))
            items = []
        if block.kind == "label":
            out.append("### " + escape_markdown(block.text, at_line_start=False))
        else:
            out.append(escape_markdown(block.text))
    if items:
        out.append("\n".join(items))
    return out


# --- topics -> articles ----------------------------------------------------------------------


def topic_key(focus: str) -> str:
    """Topics with the same key are the same topic: case, punctuation and a bracketed
    aside ("Tuberculosis (TB)") do not count."""
    key = re.sub(r"\([^)]*\)", " ", fold(focus))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", key).split())


@dataclass
class _Article:
    source: Source
    key: str
    topics: list[Topic]
    article_id: str = ""
    title: str = ""
    related: list[str] = field(default_factory=list)
    related_titles: list[str] = field(default_factory=list)


def _synonym_ok(synonym: str, focus: str) -> bool:
    s = synonym.strip()
    return len(s) >= 2 and fold(s) != fold(focus) and len(s) <= 120


def _title(focus: str) -> str:
    """The topic name as a title: MedQuAD writes some topics in lower case."""
    focus = " ".join(focus.split())
    return focus[:1].upper() + focus[1:]


@dataclass(frozen=True, slots=True)
class _Section:
    heading: str
    blocks: list[str]


def _sections(article: _Article) -> tuple[list[_Section], list[str], int, dict[str, int]]:
    """(sections, credit lines, identical answers left out, answers per origin)."""
    order: list[str] = []
    by_heading: dict[str, list[str]] = {}
    seen_answers: set[str] = set()
    credits: list[str] = []
    duplicates = 0
    per_origin: dict[str, int] = {}
    for topic in article.topics:
        for pair in topic.pairs:
            norm = " ".join(pair.answer.split()).casefold()
            if norm in seen_answers:
                duplicates += 1
                continue
            seen_answers.add(norm)
            per_origin[topic.origin] = per_origin.get(topic.origin, 0) + 1
            answer = pair.answer
            heading = LAY_HEADINGS.get(pair.qtype, _OTHER_HEADING)
            if pair.question and not _GENERIC_QUESTION.match(pair.question):
                # a question of its own ("What types of infections does VRE cause?")
                heading = _title(" ".join(pair.question.rstrip(" ?").split()) + "?")
            lead = _LEAD_QUESTION.match(_SUMMARY.sub("", answer))
            rest = _SUMMARY.sub("", answer)[lead.end() :] if lead else ""
            if lead and pair.qtype not in ("information",) and rest.strip():
                # GARD answers start by asking their own, plainer question: that is the heading
                heading = " ".join(lead.group(1).split())
                answer = rest
            blocks, found_credits = restore_blocks(answer)
            for credit in found_credits:
                if credit not in credits:
                    credits.append(credit)
            md = _markdown_blocks(blocks)
            if not md:
                continue
            if heading not in by_heading:
                order.append(heading)
                by_heading[heading] = []
            by_heading[heading].extend(md)
    rank = {h: n for n, h in enumerate(LAY_HEADINGS.values())}
    order.sort(key=lambda h: rank.get(h, len(rank)))  # stable: questions stay in their place
    return [_Section(h, by_heading[h]) for h in order], credits, duplicates, per_origin


def _front_matter(article: _Article, credits: list[str]) -> dict[str, Any]:
    first = article.topics[0]
    source = article.source
    synonyms = [s for t in article.topics for s in t.synonyms if _synonym_ok(s, first.focus)]
    urls = list(dict.fromkeys(t.url for t in article.topics if t.url))
    fields: dict[str, Any] = {
        "id": article.article_id,
        "title": article.title,
        "collection": source.collection,
        "authors": [source.agency],
        "source": urls[0] if urls else None,
        "licence": LICENCE,
        "licence_text": (
            f"{source.agency}, a U.S. government website; compiled in MedQuAD (Ben Abacha A, "
            "Demner-Fushman D. BMC Bioinformatics. 2019;20:511) and shared under "
            f"{LICENCE} ({LICENCE_URL})."
        ),
        "language": "en",
        "disclaimer": (
            "This text may be out of date. Ask a health worker about your own situation."
        ),
        "date_note": DATE_NOTE,
        "category": first.category or None,
        "also_called": "; ".join(dict.fromkeys(synonyms)) or None,
        "other_sources": ", ".join(article.related) or None,
        "other_titles": "; ".join(article.related_titles) or None,
        "other_addresses": ", ".join(urls[1:]) or None,
        "credit": "; ".join(credits) or None,
        "medquad": ", ".join(f"{t.source.key} {t.doc_id}" for t in article.topics),
    }
    return {k: v for k, v in fields.items() if v not in (None, [], "")}


def article_markdown(article: _Article) -> tuple[str, int, int, dict[str, int]]:
    """(Markdown, sections, identical answers left out, answers per origin)."""
    sections, credits, duplicates, per_origin = _sections(article)
    parts = [front_matter_text(_front_matter(article, credits))]
    synonyms = list(
        dict.fromkeys(s for t in article.topics for s in t.synonyms if _synonym_ok(s, t.focus))
    )
    if synonyms:
        parts.append(escape_markdown("Also called: " + ", ".join(synonyms) + "."))
    for section in sections:
        parts.append("## " + escape_markdown(section.heading, at_line_start=False))
        parts.extend(section.blocks)
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n", len(sections), duplicates, per_origin


def plan_articles(topics: Iterable[Topic], taken: dict[str, str] | None = None) -> list[_Article]:
    """Group topics into articles (one source's files on one topic merge), then give each
    a unique id and a title that tells it from the same topic by another source.

    ``taken`` maps the ids of articles already in the library (and not replaced by this
    import) to their titles: those ids are not reused, and a topic one of them covers is
    titled with its source too."""
    groups: dict[tuple[str, str], _Article] = {}
    for topic in topics:
        key = (topic.source.key, topic_key(topic.focus))
        if key not in groups:
            groups[key] = _Article(topic.source, key[1], [])
        groups[key].topics.append(topic)
    articles = sorted(
        groups.values(), key=lambda a: (_RANK[a.source.key], a.key, a.topics[0].origin)
    )
    used: set[str] = set(taken or {})
    existing = {topic_key(title) for title in (taken or {}).values()}
    by_topic: dict[str, list[_Article]] = {}
    for art in articles:
        focus = art.topics[0].focus
        base = article_id(focus)
        if base in used:
            base = article_id(f"{focus} {art.source.short}")
        art.article_id = unique(base, used)
        same = by_topic.setdefault(art.key, [])
        plain = not same and art.key not in existing
        art.title = _title(focus) if plain else f"{_title(focus)} ({art.source.short})"
        same.append(art)
    for same in by_topic.values():
        for art in same:
            art.related = [o.article_id for o in same if o is not art]
            art.related_titles = [o.title for o in same if o is not art]
    return articles


# --- reading sources ---------------------------------------------------------------------------


def _bounded_member(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    handle = archive.extractfile(member)
    if handle is None:
        return b""
    with handle:
        return handle.read(MAX_TOPIC_BYTES + 1)


def _is_archive(path: Path) -> bool:
    name = path.name.casefold()
    return path.is_file() and name.endswith((".tar", ".tar.xz", ".txz", ".tar.gz", ".tgz"))


def iter_sources(paths: Iterable[Path]) -> Iterator[tuple[str, bytes | SourceFileError]]:
    """(origin, bytes or the error) of every topic file in files, folders and archives."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*.xml") if p.is_file()):
                yield str(file), _read_file(file)
        elif _is_archive(path):
            yield from _archive_members(path)
        else:
            yield str(path), _read_file(path)


def _read_file(path: Path) -> bytes | SourceFileError:
    try:
        size = path.stat().st_size
        if size > MAX_TOPIC_BYTES:
            return MedquadError(
                path,
                f"the file is {size / 1e6:.1f} MB; topic files larger than "
                f"{MAX_TOPIC_BYTES // 1024} KiB are refused",
            )
        with path.open("rb") as handle:
            return handle.read(MAX_TOPIC_BYTES + 1)
    except OSError as exc:
        return MedquadError(path, f"cannot be read: {exc.strerror or exc}")


def _archive_members(path: Path) -> Iterator[tuple[str, bytes | SourceFileError]]:
    try:
        size = path.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            yield (
                str(path),
                MedquadError(
                    path, f"the archive is {size / 1e6:.0f} MB; archives over 64 MiB are refused"
                ),
            )
            return
        with tarfile.open(path, "r:*") as archive:
            count = 0
            for member in archive:
                count += 1
                if count > MAX_ARCHIVE_MEMBERS:
                    yield (
                        str(path),
                        MedquadError(
                            path,
                            f"the archive holds more than {MAX_ARCHIVE_MEMBERS} files; refused",
                        ),
                    )
                    return
                if not member.isfile() or not member.name.endswith(".xml"):
                    continue
                origin = f"{path.name}:{member.name}"
                if member.size > MAX_TOPIC_BYTES:
                    yield (
                        origin,
                        MedquadError(
                            origin,
                            f"the file is {member.size / 1e6:.1f} MB; topic files larger than "
                            f"{MAX_TOPIC_BYTES // 1024} KiB are refused",
                        ),
                    )
                    continue
                yield origin, _bounded_member(archive, member)
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        yield str(path), MedquadError(path, f"not a readable archive: {exc}")


# --- the import --------------------------------------------------------------------------------


def synonym_rows(articles: Iterable[_Article]) -> list[list[str]]:
    """Synonym groups for search: each topic with the names it is also called by.

    Abbreviations and names of two words or more form one group with the topic (a search
    for either finds both). A single-word name ("Zits", "Coke") leads to the topic one way
    only: a search for cocaine should not look for snow."""
    rows: list[list[str]] = []
    for art in articles:
        focus = re.sub(r"[\t\n#]", " ", art.topics[0].focus).strip()
        names = [s for t in art.topics for s in t.synonyms if _synonym_ok(s, focus)]
        names = list(dict.fromkeys(re.sub(r"[\t\n#]", " ", n).strip() for n in names))
        both = [n for n in names if is_abbreviation(n) or len(n.split()) > 1]
        one_way = [n for n in names if n and n not in both]
        if both:
            rows.append([focus, *both])
        rows.extend([name, ONE_WAY, focus] for name in one_way)
    return rows


def _taken_ids(library: Path, sources: set[Source]) -> dict[str, str]:
    """Ids and titles of the library's articles outside the folders this import rewrites."""
    if not library.is_dir():
        return {}
    own = {(library / collection_folder(s.collection)).resolve() for s in sources}
    scanned = Library.scan(library)
    return {s.id: s.title for s in scanned.summaries if s.path.parent.resolve() not in own}


def import_medquad(
    paths: Iterable[Path],
    library: Path,
    *,
    sources: frozenset[str] = ALL_SOURCES,
    write: bool = True,
) -> ImportResult:
    """Import every topic file found; one report per file. Written articles replace the
    files of the same name (the collection folders are the importer's own); each
    collection folder gets a ``synonyms.tsv`` of its topics' names."""
    result = ImportResult()
    topics: list[Topic] = []
    for origin, data in iter_sources(paths):
        if isinstance(data, SourceFileError):
            result.reports.append(FileReport(origin, "failed", reason=data.detail))
            continue
        try:
            topic = parse_topic(data, origin)
        except MedquadError as exc:
            result.reports.append(FileReport(origin, "failed", reason=exc.detail))
            continue
        if topic.source.key not in sources:
            result.reports.append(
                FileReport(origin, "skipped", reason=f"source {topic.source.key} not selected")
            )
            continue
        if not topic.pairs:
            result.reports.append(FileReport(origin, "skipped", reason="no answered questions"))
            continue
        topics.append(topic)
    articles = plan_articles(topics, _taken_ids(Path(library), {t.source for t in topics}))
    written_by_folder: dict[Path, list[_Article]] = {}
    for art in articles:
        markdown, sections, _, per_origin = article_markdown(art)
        folder = Path(library) / collection_folder(art.source.collection)
        out = folder / f"{art.article_id}.md"
        status_error: str | None = None
        if write:
            try:
                atomic_write_text(out, markdown)
                result.articles[art.article_id] = out
                written_by_folder.setdefault(folder, []).append(art)
            except OSError as exc:
                status_error = f"{out}: cannot be written: {exc.strerror or exc}"
        else:
            result.markdown[art.article_id] = markdown
        first = art.topics[0].origin
        for n, topic in enumerate(art.topics):
            if status_error is not None:
                result.reports.append(FileReport(topic.origin, "failed", reason=status_error))
                continue
            answers = per_origin.get(topic.origin, 0)
            merged = n > 0
            reason = f"merged into the article of {first}" if merged else None
            if not merged and art.related:
                reason = "same topic from another source: " + ", ".join(art.related)
            if topic.warnings:
                reason = "; ".join([*([reason] if reason else []), *topic.warnings])
            result.reports.append(
                dataclasses.replace(
                    FileReport(topic.origin, "merged" if merged else "imported"),
                    article_id=art.article_id,
                    title=art.title,
                    sections=sections if not merged else 0,
                    answers=answers,
                    duplicates=(len(topic.pairs) - answers),
                    reason=reason,
                )
            )
    for folder, arts in written_by_folder.items():
        rows = synonym_rows(arts)
        target = folder / "synonyms.tsv"
        lines = [
            "# Names each topic is also called by, from MedQuAD (CC BY 4.0); written by",
            "# offline-reader import medquad. One group per line, tab-separated.",
            *("\t".join(row) for row in rows),
        ]
        try:
            atomic_write_text(target, "\n".join(lines) + "\n")
            result.synonym_files.append(target)
        except OSError as exc:
            log.warning("%s: cannot be written: %s", target, exc)
    result.reports.sort(key=lambda r: r.origin)
    return result
