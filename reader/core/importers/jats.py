"""JATS XML (PLOS, PubMed Central, BMC, eLife) -> library Markdown.

The XML is parsed with ``defusedxml``: a DOCTYPE naming an external DTD is allowed
(every PLOS file has one) but it is never fetched, and a file that declares any
entity (a "billion laughs" bomb, an external entity reading a local file) is refused.

Every in-text citation ``<xref ref-type="bibr" rid="...">`` becomes a footnote
reference ``[^key]`` to the reference it names. A citation naming several
references (``rid="r1 r2"``) becomes several footnote references; a range written
as two citations joined by an en dash or hyphen (``[3]–[5]``) expands to every
reference it covers in reference-list order (3, 4, 5). A citation naming a reference
that is not in the list is kept as plain text and reported.

The reference list becomes footnote definitions, in reference-list order, each
written as a Vancouver-style line (``Smith AB, Jones C. Title. Source.
2010;12(3):45-67. doi:10.x/y. PMID: 123.``) that :func:`reader.core.refparse.
parse_reference` reads back.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _defused_fromstring

from reader.core.article import MAX_ARTICLE_BYTES, front_matter_text
from reader.core.errors import ImporterError
from reader.core.formula_words import SEPARATOR
from reader.core.importers import (
    ArticleExistsError,
    SourceFileError,
    collection_folder,
    escape_markdown,
    write_article,
    xml_syntax_problem,
)
from reader.core.importers.mathml import formula_markdown, linear_formula
from reader.core.language import DEFAULT_LANGUAGE, is_known_code
from reader.core.text import unique

log = logging.getLogger(__name__)

#: Bumped whenever the Markdown written for the same XML changes.
IMPORTER_VERSION = "7"  # 2: linear formulas; 3: no "**" left as text; 4: formula table rows;
# 5: a formula's words for any language; 6: indices kept apart from their letter for speech;
# 7: and italic indices from each other
#: Larger XML files are refused (the largest PLOS article is about 1 MB).
MAX_JATS_BYTES = 32 * 1024 * 1024
#: Deeper element nesting is refused (the converter recurses; real articles nest < 30).
MAX_XML_DEPTH = 100

CC_BY = "CC-BY"
CC0 = "CC0"
PUBLIC_DOMAIN = "public domain"
OTHER = "other"
NO_LICENCE = "none"
#: Licences that allow the article to be shipped with the reader.
REDISTRIBUTABLE = frozenset({CC_BY, CC0, PUBLIC_DOMAIN})

DISCLAIMER = (
    "Research article imported from the publisher's JATS XML for reading offline. "
    "Figures, supplementary files and formula images are not included; "
    "see the original article for them."
)

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_WS = re.compile(r"\s+")
_SEPARATOR = re.compile(r"^\s*[,;–—-]?\s*$")
_RANGE_DASH = re.compile(r"^\s*[–-]\s*$")
_NUMERIC_CITE = re.compile(r"^\s*[\[(]?\s*(?:\d{1,3}[a-z]?(?:\s*,\s*\d{1,3}[a-z]?)*)?\s*[\])]?\s*$")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_BLOCK_START = re.compile(r"^(?:#|[-+=](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


class JatsError(SourceFileError):
    """A JATS file cannot be imported (not XML, truncated, unsafe, not an article)."""


# --- reports -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Licence:
    """What an article's ``<permissions>`` say: its kind, the statement and its address."""

    kind: str  # CC_BY | CC0 | PUBLIC_DOMAIN | OTHER | NO_LICENCE
    statement: str
    url: str | None = None

    @property
    def redistributable(self) -> bool:
        return self.kind in REDISTRIBUTABLE


@dataclass(frozen=True, slots=True)
class LicenceDecision:
    licence: str
    accepted: bool
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What happened to one source file.

    ``status`` is ``imported`` (written), ``converted`` (converted, not written),
    ``refused`` (its licence does not allow it), ``skipped`` (the article exists and
    replacing it was not asked for) or ``failed`` (``error`` says why).
    """

    source: Path
    status: str
    article_id: str | None = None
    title: str | None = None
    sections: int = 0
    references: int = 0
    citations: int = 0
    dangling: tuple[str, ...] = ()
    licence: LicenceDecision | None = None
    warnings: tuple[str, ...] = ()
    output: Path | None = None
    error: str | None = None
    bytes_in: int = 0
    bytes_out: int = 0

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def lines(self) -> list[str]:
        """The report as text lines for a terminal."""
        head = f"{self.source}: {self.status}"
        if self.article_id:
            head += f" -> {self.output or self.article_id}"
        out = [head]
        if self.error:
            out.append(f"  error: {self.error}")
        if self.status != "failed":
            out.append(
                f"  {self.sections} section(s), {self.references} reference(s), "
                f"{self.citations} citation(s), {len(self.dangling)} dangling citation(s)"
            )
        if self.licence is not None:
            verdict = "accepted" if self.licence.accepted else "refused"
            out.append(f"  licence: {self.licence.licence} ({verdict}: {self.licence.reason})")
        out.extend(f"  dangling citation: {d}" for d in self.dangling)
        out.extend(f"  warning: {w}" for w in self.warnings)
        return out


@dataclass(frozen=True, slots=True)
class Conversion:
    """One JATS article converted to library Markdown."""

    article_id: str
    title: str
    markdown: str
    licence: Licence
    sections: int
    references: int
    citations: int
    dangling: tuple[str, ...]
    warnings: tuple[str, ...]


# --- small helpers ---------------------------------------------------------------------------


def _local(tag: Any) -> str:
    """An element's name without namespace; '' for comments and processing instructions."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _plain(elem: ET.Element | None) -> str:
    if elem is None:
        return ""
    return _WS.sub(" ", "".join(elem.itertext())).strip()


def _children(elem: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in elem if _local(c.tag) == name]


def _child(elem: ET.Element | None, name: str) -> ET.Element | None:
    if elem is None:
        return None
    return next((c for c in elem if _local(c.tag) == name), None)


def _descendant(elem: ET.Element | None, name: str) -> ET.Element | None:
    if elem is None:
        return None
    return next((c for c in elem.iter() if _local(c.tag) == name), None)


def _esc(text: str) -> str:
    return escape_markdown(_WS.sub(" ", text), at_line_start=False)


def _norm(markdown: str) -> str:
    return _WS.sub(" ", markdown).strip()


def _block_start(markdown: str) -> str:
    """Keep a rendered line from starting a heading, list or rule by accident."""
    match = _BLOCK_START.match(markdown)
    if not match:
        return markdown
    if match.group(0).isdigit():
        end = match.end()
        return f"{markdown[:end]}\\{markdown[end:]}"
    return f"\\{markdown}"


#: Emphasis is written with placeholders (characters XML cannot hold) and settled once the
#: whole block is known: ``*…*`` / ``**…**`` where Markdown will read them so, else a span.
_EM_OPEN, _EM_CLOSE, _STRONG_OPEN, _STRONG_CLOSE = "\x01", "\x02", "\x03", "\x04"
_EMPHASIS = {_EM_OPEN: ("*", ".em", _EM_CLOSE), _STRONG_OPEN: ("**", ".strong", _STRONG_CLOSE)}
_PLACEHOLDERS = re.compile("[\x01-\x04]")


def _wrap(markdown: str, marker: str) -> str:
    """Wrap in emphasis (``marker`` "*" or "**"), keeping surrounding spaces outside it."""
    core = markdown.strip()
    if not core:
        return markdown
    lead = markdown[: len(markdown) - len(markdown.lstrip())]
    trail = markdown[len(markdown.rstrip()) :]
    opener, closer = (_STRONG_OPEN, _STRONG_CLOSE) if marker == "**" else (_EM_OPEN, _EM_CLOSE)
    return f"{lead}{opener}{core}{closer}{trail}"


def _italic_indices(script: ET.Element) -> str:
    """The letters of a sub- or superscript that is two or three italic letters and
    nothing else (``<sub><italic>ij</italic></sub>``): indices, each a variable of its
    own (a word in a script is set upright: ``V<sub>max</sub>``); "" otherwise."""
    kids = list(script)
    if len(kids) != 1 or _local(kids[0].tag) not in _ITALIC or len(kids[0]):
        return ""
    if (script.text or "").strip() or (kids[0].tail or "").strip():
        return ""
    letters = (kids[0].text or "").strip()
    return letters if 2 <= len(letters) <= 3 and letters.isalpha() else ""


def _index_after_letter(before: str, sub: str) -> bool:
    """A subscript starting with a letter right after a letter (``ν<sub>ij</sub>``,
    ``V<sub>max</sub>``): an index, kept apart from its letter for speech."""
    last = _PLACEHOLDERS.sub("", before).rstrip("*_")[-1:]
    first = re.sub(r"^[\[*_\\]+", "", _PLACEHOLDERS.sub("", sub))[:1]
    return last.isalpha() and first.isalpha()


def _touching_italics(before: str, after: str) -> bool:
    """``before`` ends an italic (bold) span and ``after`` starts another, nothing between."""
    return (before.endswith(_EM_CLOSE) and after.startswith(_EM_OPEN)) or (
        before.endswith(_STRONG_CLOSE) and after.startswith(_STRONG_OPEN)
    )


def _punctuation(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch)[0] in "PS"


def _settle_emphasis(markdown: str) -> str:
    """Placeholders -> ``*x*``/``**x**`` when CommonMark reads them as emphasis there (its
    flanking rules look at the characters around), else ``[x]{.em}``/``[x]{.strong}``:
    never a "**" left showing in the text."""
    if not _PLACEHOLDERS.search(markdown):
        return markdown
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(markdown):
        if ch in _EMPHASIS:
            stack.append((ch, len(out)))
            out.append("")
            continue
        if ch not in (_EM_CLOSE, _STRONG_CLOSE) or not stack:
            if ch not in (_EM_CLOSE, _STRONG_CLOSE):
                out.append(ch)
            continue
        opener, at = stack.pop()
        marker, span, _ = _EMPHASIS[opener]
        inner = "".join(out[at + 1 :])
        before = "".join(out[:at])[-1:]
        after = _PLACEHOLDERS.sub("", markdown[i + 1 : i + 2 + 2])[:1]
        opens = (
            inner[:1]
            and not inner[:1].isspace()
            and (
                not _punctuation(inner[:1])
                or not before
                or before.isspace()
                or _punctuation(before)
            )
        )
        closes = (
            inner[-1:]
            and not inner[-1:].isspace()
            and (
                not _punctuation(inner[-1:]) or not after or after.isspace() or _punctuation(after)
            )
        )
        # Marks that would touch other marks ("*a***b**") run together: a span instead.
        touching = before == "*" or markdown[i + 1 : i + 2] in (_EM_OPEN, _STRONG_OPEN)
        del out[at:]
        plain = opens and closes and not touching
        out.append(f"{marker}{inner}{marker}" if plain else f"[{inner}]{{{span}}}")
    return _PLACEHOLDERS.sub("", "".join(out))


def _sentence(*parts: str) -> str:
    """Join parts as sentences: each ends with '.', '?' or '!'."""
    out: list[str] = []
    for part in parts:
        part = part.strip().rstrip(",;:").strip()
        if not part:
            continue
        out.append(part if part[-1] in ".?!" else part + ".")
    return " ".join(out)


# --- licence ---------------------------------------------------------------------------------


def classify_licence(permissions: ET.Element | None) -> Licence:
    """Read ``<permissions>``: CC-BY, CC0, public domain or other, with the statement."""
    if permissions is None:
        return Licence(NO_LICENCE, "")
    copyright_statement = _plain(_child(permissions, "copyright-statement"))
    if not copyright_statement:
        year = _plain(_child(permissions, "copyright-year"))
        holder = _plain(_child(permissions, "copyright-holder"))
        if year or holder:
            copyright_statement = "© " + " ".join(p for p in (year, holder) if p)
    licences = [c for c in permissions if _local(c.tag) == "license"]
    statement_parts = [_plain(lic) for lic in licences]
    statement = " ".join(p for p in [copyright_statement, *statement_parts] if p)
    url: str | None = None
    for lic in licences:
        url = lic.get(_XLINK_HREF) or url
        for link in lic.iter():
            if url is None and _local(link.tag) == "ext-link" and link.get(_XLINK_HREF):
                url = link.get(_XLINK_HREF)
    href = (url or "").lower()
    text = " ".join(statement_parts).lower()
    restricted = re.search(r"non-?commercial|no-?deriv|sharealike|share-alike", text) or re.search(
        r"licenses/by-", href
    )
    if "publicdomain/zero" in href or re.search(r"\bcc0\b", text):
        kind = CC0
    elif "publicdomain" in href or "public domain" in text or "free of all copyright" in text:
        kind = PUBLIC_DOMAIN
    elif re.search(r"creativecommons\.org/licenses/by/", href) or (
        "creative commons attribution" in text and not restricted
    ):
        kind = CC_BY
    elif not licences and not copyright_statement:
        kind = NO_LICENCE
    else:
        kind = OTHER
    return Licence(kind, statement, url)


def decide_licence(licence: Licence, only_redistributable: bool) -> LicenceDecision:
    """Whether an article with this licence may go into the library."""
    if licence.kind == CC_BY:
        return LicenceDecision(CC_BY, True, "redistribution allowed with attribution")
    if licence.kind == CC0:
        return LicenceDecision(CC0, True, "dedicated to the public domain")
    if licence.kind == PUBLIC_DOMAIN:
        return LicenceDecision(PUBLIC_DOMAIN, True, "free of copyright")
    what = (
        "no licence statement" if licence.kind == NO_LICENCE else "not CC-BY, CC0 or public domain"
    )
    if only_redistributable:
        return LicenceDecision(licence.kind, False, f"{what}: redistribution is not allowed")
    return LicenceDecision(licence.kind, True, f"{what}: for personal reading, do not redistribute")


# --- parsing ---------------------------------------------------------------------------------


def parse_jats(data: bytes, path: Path | None = None) -> ET.Element:
    """Parse JATS bytes safely; raise :class:`JatsError` naming the fault."""
    if not data.strip():
        raise JatsError(path, "the file is empty")
    if len(data) > MAX_JATS_BYTES:
        raise JatsError(path, f"the file is {len(data) / 1e6:.1f} MB; too large to import")
    try:
        root = _defused_fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise JatsError(
            path,
            "the XML declares entities or refers to external files "
            f"({type(exc).__name__}); such files are refused because entities can expand "
            "without bound or read local files",
        ) from None
    except ET.ParseError as exc:
        raise JatsError(path, *xml_syntax_problem(exc, data)) from None
    if _local(root.tag) != "article":
        raise JatsError(path, f"not a JATS article: the root element is <{_local(root.tag)}>")
    stack = [(root, 1)]
    while stack:
        elem, depth = stack.pop()
        if depth > MAX_XML_DEPTH:
            raise JatsError(
                path, f"elements are nested more than {MAX_XML_DEPTH} deep; the file is refused"
            )
        stack.extend((child, depth + 1) for child in elem)
    return root


# --- conversion ------------------------------------------------------------------------------

#: Inline elements shown as their text.
_TRANSPARENT = frozenset(
    {
        "sc", "underline", "overline", "monospace", "named-content",
        "styled-content", "span", "abbrev", "roman", "sans-serif", "strike", "email", "uri",
        "ext-link", "inline-supplementary-material", "related-article", "label", "title",
        "caption", "string-name", "name", "surname", "given-names", "source", "year",
        "article-title", "volume", "fpage", "lpage", "collab", "etal", "comment",
        "target", "glyph-data", "private-char", "x", "chem-struct", "abbrev-journal-title",
        "ruby", "rb", "rt", "version", "num", "unstructured-kwd-group", "kwd", "term", "def",
    }
)  # fmt: skip
_ITALIC = frozenset({"italic", "em"})
_BOLD = frozenset({"bold", "strong"})
_FORMULA = frozenset({"inline-formula", "disp-formula", "math", "tex-math", "alternatives"})
_SKIPPED_INLINE = frozenset({"inline-graphic", "graphic", "object-id", "alt-text", "fn"})
#: Elements that are blocks even when they sit inside a paragraph.
_BLOCKS_IN_P = frozenset(
    {
        "list", "table-wrap", "fig", "fig-group", "disp-formula", "disp-quote", "boxed-text",
        "supplementary-material", "def-list", "preformat", "table", "statement",
        "table-wrap-group", "disp-formula-group", "speech", "verse-group", "array", "code",
    }
)  # fmt: skip
_IGNORED_BLOCKS = frozenset(
    {"title", "label", "object-id", "sec-meta", "alt-title", "ref-list", "graphic", "media",
     "alt-text", "attrib", "permissions", "x", "hr"}
)  # fmt: skip
_ABSTRACT_NAMES = {
    "summary": "Author summary",
    "editors-summary": "Editors' summary",
    "editor": "Editor's summary",
    "patient": "Patient summary",
    "synopsis": "Synopsis",
    "background": "Background",
    "toc": "Abstract",
}
_ORDERED = frozenset(
    {"order", "arabic", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper"}
)


@dataclass
class _Tok:
    kind: str  # "text" (raw, unescaped) | "md" (rendered Markdown) | "xref"
    value: str
    elem: ET.Element | None = None


@dataclass
class _Converter:
    path: Path | None
    ref_ids: list[str]
    ref_keys: dict[str, str]
    blocks: list[str] = field(default_factory=list)
    headings: int = 0
    lead_blocks: bool = False
    citations: int = 0
    dangling: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unknown: set[str] = field(default_factory=set)
    need_body_heading: bool = False

    # --- output ---

    def emit(self, markdown: str) -> None:
        markdown = _settle_emphasis(markdown)
        if not markdown.strip():
            return
        if self.need_body_heading:
            self.need_body_heading = False
            self.heading("Main text", 2)
        if self.headings == 0:
            self.lead_blocks = True
        self.blocks.append(markdown)

    def heading(self, text: str, level: int) -> None:
        text = _norm(_settle_emphasis(text))
        if not text:
            return
        if text.endswith("#"):
            text = text[:-1] + "\\#"
        self.need_body_heading = False
        self.headings += 1
        self.blocks.append(f"{'#' * max(2, min(level, 6))} {text}")

    def note_unknown(self, tag: str) -> None:
        if tag and tag not in self.unknown:
            self.unknown.add(tag)
            self.warnings.append(f"unknown element <{tag}>: its text is kept as plain text")

    # --- inline ---

    def inline(
        self, elem: ET.Element, italic: bool = False, bold: bool = False, cite: bool = True
    ) -> str:
        """The Markdown of an element's mixed content (text, emphasis, citations)."""
        toks: list[_Tok] = []
        if elem.text:
            toks.append(_Tok("text", elem.text))
        for child in elem:
            tag = _local(child.tag)
            if tag == "xref" and child.get("ref-type") == "bibr":
                if cite:
                    toks.append(_Tok("xref", "", child))
                else:
                    self.warnings.append(
                        f"a citation in a heading is kept as text: {_plain(child)!r}"
                    )
                    toks.append(_Tok("text", "".join(child.itertext())))
            elif tag:
                md = self.inline_child(child, tag, italic, bold, cite)
                if tag == "sub" and toks and _index_after_letter(toks[-1].value, md):
                    md = SEPARATOR + md  # "ν⁣ij": heard "nu ij", not "nuidge"
                if toks and toks[-1].kind == "md" and _touching_italics(toks[-1].value, md):
                    # *ν*<sub>*ij*</sub> would read "*ν**ij*", which Markdown shows with
                    # its stars: one emphasis instead.
                    toks[-1] = _Tok("md", toks[-1].value[:-1] + md[1:])
                else:
                    toks.append(_Tok("md", md))
            if child.tail:
                toks.append(_Tok("text", child.tail))
        return "".join(self._render_tokens(toks))

    def inline_child(
        self, child: ET.Element, tag: str, italic: bool, bold: bool, cite: bool
    ) -> str:
        if tag in _ITALIC:
            inner = self.inline(child, True, bold, cite)
            return inner if italic else _wrap(inner, "*")
        if tag in _BOLD:
            inner = self.inline(child, italic, True, cite)
            return inner if bold else _wrap(inner, "**")
        if tag in _FORMULA:
            return self.formula(child)
        if tag in ("sub", "sup"):
            inner = self.inline(child, italic, bold, cite)
            if "[^" in inner or not inner.strip():
                return inner  # a citation set as a superscript: its marker says enough
            indices = _italic_indices(child)
            if indices:  # "νij": the indices i and j, heard apart ("nu i j")
                inner = inner.replace(indices, SEPARATOR.join(indices), 1)
            return f"[{inner.strip()}]{{.{tag}}}"
        if tag == "break":
            return " "
        if tag in _SKIPPED_INLINE:
            return ""
        if tag == "xref" or tag in _TRANSPARENT:
            return self.inline(child, italic, bold, cite)
        if tag in _BLOCKS_IN_P or tag in ("p", "list-item", "sec"):
            # A block where only inline content fits (a list in a table cell): its text.
            return " " + self.inline(child, italic, bold, cite) + " "
        self.note_unknown(tag)
        return self.inline(child, italic, bold, cite)

    def formula(self, elem: ET.Element, display: bool = False) -> str:
        """A formula as Markdown: its MathML in linear form (with the words a screen reader
        says for it), else its TeX as text; '' when it is only an image."""
        math = elem if _local(elem.tag) == "math" else _descendant(elem, "math")
        if math is not None:
            linear = linear_formula(math)
            if linear.problem:
                self.warnings.append(linear.problem)
            return formula_markdown(linear, display=display)
        tex = elem if _local(elem.tag) == "tex-math" else _descendant(elem, "tex-math")
        if tex is not None:
            return _esc(_plain(tex))
        if _local(elem.tag) in _FORMULA:
            return ""
        return _esc(_plain(elem))

    def display_formula(self, elem: ET.Element) -> None:
        """A numbered equation: a paragraph of its own, the formula then its label."""
        label = _plain(_child(elem, "label"))
        markdown = self.formula(elem, display=True)
        if not markdown:
            note = "Formula {} is an image in the original article: not included here."
            self.emit(_wrap(_esc(_sentence(note.format(label).replace("  ", " "))), "*"))
            return
        if label:
            markdown = f"{markdown} {_esc(label)}"
        self.emit(_block_start(_norm(markdown)))

    def _render_tokens(self, toks: list[_Tok]) -> Iterator[str]:
        out: list[_Tok] = []
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            if tok.kind != "xref":
                out.append(tok)
                i += 1
                continue
            # A group of citations: xrefs joined by nothing, commas, semicolons or dashes.
            members = [tok]
            seps: list[str] = []
            j = i + 1
            while j < n:
                if toks[j].kind == "xref":
                    seps.append("")
                    members.append(toks[j])
                    j += 1
                elif (
                    toks[j].kind == "text"
                    and _SEPARATOR.match(toks[j].value)
                    and j + 1 < n
                    and toks[j + 1].kind == "xref"
                ):
                    seps.append(toks[j].value)
                    members.append(toks[j + 1])
                    j += 2
                else:
                    break
            before = out[-1] if out and out[-1].kind == "text" else None
            after = toks[j] if j < n and toks[j].kind == "text" else None
            out.append(_Tok("md", "".join(self._render_group(members, seps, before, after))))
            i = j
        for tok in out:
            yield _esc(tok.value) if tok.kind == "text" else tok.value

    def _resolve(self, xref: ET.Element) -> tuple[list[str], list[str]]:
        """(footnote keys, missing ids) of one citation."""
        keys: list[str] = []
        missing: list[str] = []
        rids = (xref.get("rid") or "").split()
        for rid in rids:
            if rid in self.ref_keys:
                keys.append(self.ref_keys[rid])
            else:
                missing.append(rid)
        if not rids:
            missing.append("")
        return keys, missing

    def _render_group(
        self, xrefs: list[_Tok], seps: list[str], before: _Tok | None, after: _Tok | None
    ) -> Iterator[str]:
        resolved = [self._resolve(t.elem) for t in xrefs if t.elem is not None]
        texts = ["".join(t.elem.itertext()) if t.elem is not None else "" for t in xrefs]
        # Ranges: [3]–[5] covers 3, 4 and 5 in reference-list order.
        extra: list[list[str]] = [[] for _ in xrefs]
        for k, sep in enumerate(seps):
            if not _RANGE_DASH.match(sep):
                continue
            (keys_a, miss_a), (keys_b, miss_b) = resolved[k], resolved[k + 1]
            if len(keys_a) != 1 or len(keys_b) != 1 or miss_a or miss_b:
                continue
            xa = xrefs[k].elem
            xb = xrefs[k + 1].elem
            if xa is None or xb is None:
                continue
            a = self.ref_ids.index(str(xa.get("rid")).split()[0])
            b = self.ref_ids.index(str(xb.get("rid")).split()[0])
            if b > a + 1:
                extra[k] = [self.ref_keys[r] for r in self.ref_ids[a + 1 : b]]
        for (_, missing), text in zip(resolved, texts, strict=True):
            for rid in missing:
                shown = _norm(text) or "(no text)"
                self.dangling.append(
                    f"{shown!r} points at {rid!r}, which is not in the reference list"
                    if rid
                    else f"{shown!r} names no reference"
                )
        numeric = all(
            _NUMERIC_CITE.match(t) and len(re.findall(r"\d+", t)) <= max(1, len(keys) + len(miss))
            for t, (keys, miss) in zip(texts, resolved, strict=True)
        )
        clean = numeric and not any(missing for _, missing in resolved)

        def marks(k: int) -> str:
            keys = resolved[k][0] + extra[k]
            self.citations += len(keys)
            return "".join(f"[^{key}]" for key in keys)

        if clean:
            # "studies [3, 4]." -> "studies[^3][^4].": the markers stand in for the brackets.
            if before is not None and after is not None:
                opened = before.value.rstrip()
                closed = after.value.lstrip()
                pairs = {"[": "]", "(": ")"}
                if opened[-1:] in pairs and closed[:1] == pairs[opened[-1]]:
                    before.value = opened[:-1]
                    after.value = closed[1:]
            if before is not None:
                stripped = before.value.rstrip()
                if stripped[-1:].isalnum() or stripped[-1:] in ".,;:)]'\"’”":
                    before.value = stripped
            yield "".join(marks(k) for k in range(len(xrefs)))
            return
        for k, text in enumerate(texts):
            if resolved[k][1] or not numeric:
                yield _esc(text)
            yield marks(k)
            if k < len(seps):
                yield _esc(seps[k])

    # --- blocks ---

    def paragraph(self, p: ET.Element) -> None:
        """A paragraph; blocks inside it (lists, tables, figures) become blocks of their own."""
        segment = ET.Element("p")
        segment.text = p.text
        for child in p:
            if _local(child.tag) in _BLOCKS_IN_P:
                self.emit_inline(segment)
                self.block(child, 2, headings=False)
                segment = ET.Element("p")
                segment.text = child.tail
            else:
                segment.append(child)
        self.emit_inline(segment)

    def emit_inline(self, elem: ET.Element) -> None:
        markdown = _norm(self.inline(elem))
        if markdown:
            self.emit(_block_start(markdown))

    def blocks_of(self, container: ET.Element, level: int, headings: bool = True) -> None:
        for child in container:
            self.block(child, level, headings)

    def block(self, child: ET.Element, level: int, headings: bool = True) -> None:
        tag = _local(child.tag)
        if not tag or tag in _IGNORED_BLOCKS:
            return
        if tag in ("sec", "app", "notes", "glossary", "ack", "fn-group", "bio"):
            self.section(child, level, headings)
        elif tag == "p":
            self.paragraph(child)
        elif tag in ("list", "def-list"):
            self.emit("\n".join(self.list_lines(child, 0)))
        elif tag in ("table-wrap", "table"):
            self.table_wrap(child)
        elif tag in ("fig", "fig-group", "supplementary-material", "table-wrap-group", "media"):
            self.figure(child, level, headings)
        elif tag == "disp-formula":
            self.display_formula(child)
        elif tag == "disp-formula-group":
            for formula in child:
                if _local(formula.tag) == "disp-formula":
                    self.display_formula(formula)
                else:
                    self.block(formula, level, headings)
        elif tag == "array":
            self.emit(_block_start(_norm(self.inline(child))))
        elif tag == "disp-quote":
            self.quote(child)
        elif tag == "boxed-text":
            self.box(child, level)
        elif tag in ("app-group", "statement", "speech", "verse-group", "body", "fn"):
            self.blocks_of(child, level, headings)
        elif tag in ("preformat", "code", "verse-line", "speaker"):
            self.emit_inline(child)
        elif tag in _TRANSPARENT or tag in _ITALIC or tag in _BOLD or tag == "xref":
            self.emit_inline(_wrapped(child))
        else:
            self.note_unknown(tag)
            if any(_local(c.tag) in ("p", "sec", "list") for c in child):
                self.blocks_of(child, level, headings)
            else:
                self.emit_inline(child)

    def section(self, sec: ET.Element, level: int, headings: bool = True) -> None:
        label = _plain(_child(sec, "label"))
        title_elem = _child(sec, "title")
        title = _norm(self.inline(title_elem, cite=False)) if title_elem is not None else ""
        if not title:
            title = {
                "ack": "Acknowledgments",
                "glossary": "Abbreviations",
                "fn-group": "Notes",
                "notes": "Notes",
                "bio": "About the authors",
            }.get(_local(sec.tag), "")
        text = " ".join(p for p in (_esc(label), title) if p)
        if text and headings:
            self.heading(text, level)
            self.blocks_of(sec, level + 1, headings)
        else:
            if text:
                self.emit(f"**{text}**")
            self.blocks_of(sec, level, headings)

    def list_lines(self, lst: ET.Element, indent: int) -> list[str]:
        lines: list[str] = []
        ordered = lst.get("list-type", "") in _ORDERED
        number = 1
        pad = " " * indent
        for item in lst:
            tag = _local(item.tag)
            if tag == "def-item":
                term = _norm(self.inline(_child(item, "term") or ET.Element("x"), bold=True))
                defs = [_norm(self.inline(d)) for d in _children(item, "def")]
                body = " ".join(d for d in defs if d)
                line = f"{_wrap(term, '**')}: {body}" if term else body
                lines.append(f"{pad}- {_block_start(line)}")
                continue
            if tag == "title":
                lines.append(f"{pad}{_block_start(_norm(self.inline(item)))}")
                lines.append("")
                continue
            if tag != "list-item":
                continue
            marker = f"{number}." if ordered else "-"
            number += 1
            content_pad = " " * (indent + len(marker) + 1)
            label = _plain(_child(item, "label"))
            prefix = "" if ordered or not label else _esc(label) + " "
            first = True
            parts = [c for c in item if _local(c.tag) != "label"]
            if not parts:
                lines.append(f"{pad}{marker} {_block_start(prefix + _norm(self.inline(item)))}")
                continue
            for sub in parts:
                sub_tag = _local(sub.tag)
                if sub_tag == "list":
                    if first:
                        lines.append(f"{pad}{marker} {prefix}".rstrip())
                        first = False
                    lines.extend(self.list_lines(sub, len(content_pad)))
                    continue
                nested = [c for c in sub if _local(c.tag) == "list"] if sub_tag == "p" else []
                if nested:
                    shell = ET.Element("p")
                    shell.text = sub.text
                    for c in sub:
                        if _local(c.tag) != "list":
                            shell.append(c)
                    text = _norm(self.inline(shell))
                else:
                    text = _norm(self.inline(sub))
                if first:
                    lines.append(f"{pad}{marker} {_block_start(prefix + text)}".rstrip())
                    first = False
                elif text:
                    lines.append("")
                    lines.append(f"{content_pad}{_block_start(text)}")
                for inner in nested:
                    lines.extend(self.list_lines(inner, len(content_pad)))
        return lines

    def caption_line(self, elem: ET.Element, note: str) -> str:
        label = _plain(_child(elem, "label"))
        caption = _child(elem, "caption")
        title = ""
        paragraphs: list[str] = []
        if caption is not None:
            title_elem = _child(caption, "title")
            if title_elem is not None:
                title = _norm(self.inline(title_elem, bold=True))
            paragraphs = [_norm(self.inline(p)) for p in _children(caption, "p")]
        head = " ".join(p for p in (_esc(label).rstrip("."), title) if p)
        if head and label and not title:
            head += "."
        elif label and title and not re.search(r"[.?!:]$", _esc(label)):
            head = f"{_esc(label)}. {title}"
        pieces = [_wrap(head, "**")] if head else []
        pieces.extend(p for p in paragraphs if p)
        if note:
            pieces.append(f"*{note}*")
        return _block_start(_norm(" ".join(pieces)))

    def figure(self, elem: ET.Element, level: int, headings: bool) -> None:
        tag = _local(elem.tag)
        if tag == "fig-group" or tag == "table-wrap-group":
            line = self.caption_line(elem, "")
            if line:
                self.emit(line)
            for child in elem:
                if _local(child.tag) in ("fig", "table-wrap"):
                    self.block(child, level, headings)
            return
        note = {
            "fig": "The figure image is not included in this copy.",
            "supplementary-material": "The supplementary file is not included in this copy.",
            "media": "The media file is not included in this copy.",
        }[tag]
        self.emit(self.caption_line(elem, note))

    def quote(self, elem: ET.Element) -> None:
        lines: list[str] = []
        for child in elem:
            tag = _local(child.tag)
            if tag in ("attrib",):
                text = "— " + _norm(self.inline(child))
            elif tag == "list":
                text = _norm(" ".join(self.list_lines(child, 0)))
            else:
                text = _norm(self.inline(child))
            if text:
                if lines:
                    lines.append(">")
                lines.append(f"> {_block_start(text)}")
        if not lines and elem.text and elem.text.strip():
            lines.append(f"> {_block_start(_norm(self.inline(elem)))}")
        self.emit("\n".join(lines))

    def box(self, elem: ET.Element, level: int) -> None:
        head = self.caption_line(elem, "")
        title = _child(elem, "title")
        if title is not None and not head:
            head = _wrap(_norm(self.inline(title, bold=True)), "**")
        if head:
            self.emit(head)
        for child in elem:
            if _local(child.tag) not in ("caption", "title", "label"):
                self.block(child, level, headings=False)

    # --- tables ---

    def table_wrap(self, wrap: ET.Element) -> None:
        if _local(wrap.tag) == "table":
            self.emit_table(wrap)
            return
        tables = [t for t in wrap.iter() if _local(t.tag) == "table"]
        note = "" if tables else "The table is an image in the original and is not included."
        line = self.caption_line(wrap, note)
        if line:
            self.emit(line)
        for table in tables:
            self.emit_table(table)
        for foot in wrap:
            if _local(foot.tag) == "table-wrap-foot":
                self.blocks_of(foot, 2, headings=False)

    def emit_table(self, table: ET.Element) -> None:
        head_rows = {id(tr) for part in table if _local(part.tag) == "thead" for tr in part}
        ordered_rows: list[tuple[bool, list[ET.Element]]] = []
        for part in table.iter():
            if _local(part.tag) == "tr":
                cells = [c for c in part if _local(c.tag) in ("td", "th")]
                ordered_rows.append((id(part) in head_rows, cells))
        if not ordered_rows:
            return
        complex_cells = any(
            sum(1 for c in cell if _local(c.tag) in ("p", "list", "disp-formula", "table")) > 1
            or any(_local(c.tag) in ("list", "table", "table-wrap") for c in cell)
            for _, cells in ordered_rows
            for cell in cells
        )
        grid = self._grid(ordered_rows)
        n_cols = max(len(r[1]) for r in grid)
        if n_cols == 0:
            return
        grid = [(h, r + [""] * (n_cols - len(r))) for h, r in grid]
        n_head = 0
        while n_head < len(grid) and grid[n_head][0]:
            n_head += 1
        if n_head == 0:
            n_head = 1  # a pipe table needs a header: the first row is taken as one
        header = []
        for col in range(n_cols):
            parts: list[str] = []
            for _, row in grid[:n_head]:
                if row[col] and row[col] not in parts:
                    parts.append(row[col])
            header.append(" – ".join(parts))
        body = [row for _, row in grid[n_head:]]
        if complex_cells:
            self._table_fallback(header, body)
            return
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * n_cols]
        lines.extend("| " + " | ".join(row) + " |" for row in body)
        self.emit("\n".join(lines))

    def _grid(self, rows: Sequence[tuple[bool, list[ET.Element]]]) -> list[tuple[bool, list[str]]]:
        """Cells laid out on a grid; a spanning cell's text is in its first position only."""
        grid: list[tuple[bool, list[str]]] = []
        pending: dict[tuple[int, int], str] = {}
        for r, (is_head, cells) in enumerate(rows):
            out: list[str] = []
            col = 0
            for cell in cells:
                while (r, col) in pending:
                    out.append(pending.pop((r, col)))
                    col += 1
                text = self.cell_text(cell)
                colspan = _span(cell.get("colspan"))
                rowspan = _span(cell.get("rowspan"))
                repeat = text if "[^" not in text else ""
                for c in range(colspan):
                    out.append(text if c == 0 else (repeat if is_head else ""))
                    for rr in range(1, rowspan):
                        pending[(r + rr, col + c)] = ""
                col += colspan
            while (r, col) in pending:
                out.append(pending.pop((r, col)))
                col += 1
            all_th = bool(cells) and all(_local(c.tag) == "th" for c in cells)
            grid.append((is_head or (r == 0 and all_th), out))
        return grid

    def cell_text(self, cell: ET.Element) -> str:
        return _norm(self.inline(cell)) or ""

    def _table_fallback(self, header: list[str], body: list[list[str]]) -> None:
        self.emit(_block_start("*Table columns:* " + "; ".join(h or "(untitled)" for h in header)))
        names = [re.sub(r"\[\^[^\]]+\]", "", h).strip() for h in header]
        lines = []
        for row in body:
            fields = [
                f"{_wrap(name + ':', '*')} {value}" if name else value
                for name, value in zip(names, row, strict=True)
                if value
            ]
            if fields:
                lines.append("- " + _block_start("; ".join(fields)))
        self.emit("\n".join(lines))


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 200))
    except ValueError:
        return 1


def _wrapped(elem: ET.Element) -> ET.Element:
    """A paragraph holding a copy of ``elem`` without the text that follows it."""
    shell = ET.Element("p")
    clone = copy.copy(elem)
    clone.tail = None
    shell.append(clone)
    return shell


# --- references ------------------------------------------------------------------------------

_CITATION_TAGS = ("element-citation", "mixed-citation", "nlm-citation", "citation")


def _initials(given: str) -> str:
    given = given.strip()
    if not given:
        return ""
    if re.fullmatch(r"[A-Z.\s-]{1,8}", given):
        return re.sub(r"[.\s-]", "", given)
    return "".join(part[0].upper() for part in re.split(r"[\s.-]+", given) if part)


def _person(elem: ET.Element) -> str:
    tag = _local(elem.tag)
    if tag == "name":
        surname = _plain(_child(elem, "surname"))
        given = _plain(_child(elem, "given-names"))
        suffix = _plain(_child(elem, "suffix"))
        initials = _initials(given)
        return " ".join(p for p in (surname, initials, suffix) if p)
    if tag == "etal":
        return "et al"
    return _plain(elem)


def _names_in(holders: Iterable[ET.Element]) -> list[str]:
    people: list[str] = []
    for holder in holders:
        for child in holder:
            if _local(child.tag) in ("name", "string-name", "collab", "etal"):
                person = _person(child)
                if person:
                    people.append(person)
    return people


def _people(citation: ET.Element) -> list[str]:
    """The authors; when only editors are named, the editors (``..., editors``)."""
    groups: dict[str, list[ET.Element]] = {}
    for g in citation:
        if _local(g.tag) == "person-group":
            groups.setdefault(g.get("person-group-type") or "author", []).append(g)
    authors = _names_in([citation, *groups.get("author", [])])
    if authors and authors != ["et al"]:
        return authors
    editors = _names_in(groups.get("editor", []))
    return [*editors, "editors"] if editors else authors


def _first_text(citation: ET.Element, *names: str) -> str:
    for name in names:
        for elem in citation.iter():
            if _local(elem.tag) == name:
                text = _plain(elem)
                if text:
                    return text
    return ""


def reference_text(ref: ET.Element) -> str:
    """One reference as a Vancouver-style line of plain text."""
    citations = [c for c in ref if _local(c.tag) in _CITATION_TAGS]
    if not citations:
        return (
            _plain(ref)
            if _child(ref, "label") is None
            else _plain(ref).removeprefix(_plain(_child(ref, "label"))).strip()
        )
    return " ".join(_citation_text(c) for c in citations)


def _citation_text(c: ET.Element) -> str:
    people = _people(c)
    title = _first_text(c, "article-title", "chapter-title", "part-title", "data-title")
    source = _first_text(c, "source", "conf-name")
    if not (title or source) and (_local(c.tag) == "mixed-citation" or not people):
        return _plain(c)  # free text with at most a few tagged words: keep it as written
    year = _first_text(c, "year")
    volume = _first_text(c, "volume")
    issue = _first_text(c, "issue")
    fpage = _first_text(c, "fpage")
    lpage = _first_text(c, "lpage")
    pages = f"{fpage}-{lpage}" if fpage and lpage and lpage != fpage else fpage
    pages = pages or _first_text(c, "elocation-id")
    loc = _first_text(c, "publisher-loc")
    publisher = _first_text(c, "publisher-name")
    doi = pmid = url = ""
    comments: list[str] = []
    for elem in c.iter():
        tag = _local(elem.tag)
        if tag == "pub-id":
            kind = elem.get("pub-id-type", "")
            if kind == "doi" and not doi:
                doi = _plain(elem)
            elif kind == "pmid" and not pmid:
                pmid = _plain(elem)
        elif tag in ("ext-link", "uri"):
            href = elem.get(_XLINK_HREF) or _plain(elem)
            if elem.get("ext-link-type") == "doi" or "doi.org/" in href:
                doi = doi or _plain(elem) or href
            elif href.startswith(("http://", "https://")) and not url:
                url = href
        elif tag == "comment" and elem in list(c):
            text = _plain(elem)
            if text and not re.match(r"(?i)^(doi|pmid)\b", text) and text not in comments:
                comments.append(text)
    if not doi:
        found = _DOI.search(_plain(c))
        doi = found.group(1).rstrip(".,;)") if found else ""
    doi = re.sub(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi)
    is_book = (c.get("publication-type") or "").startswith("book") or (publisher and not volume)
    parts: list[str] = []
    if people:
        parts.append(", ".join(people))
    if title:
        parts.append(title)
    if source and is_book and title:
        parts.append(f"In: {source}")
    elif source:
        parts.append(source)
    if is_book and publisher:
        where = f"{loc}: {publisher}" if loc else publisher
        parts.append(f"{where}; {year}" if year else where)
        if pages:
            parts.append(f"p. {pages}")
    else:
        date = year
        if volume:
            date += f";{volume}" + (f"({issue})" if issue else "")
        if pages:
            date += f":{pages}"
        parts.append(date)
    parts.extend(c for c in comments if "accessed" not in c.lower() or len(c) > 10)
    if url:
        parts.append(url)
    if doi:
        parts.append(f"doi:{doi}")
    if pmid:
        parts.append(f"PMID: {pmid}")
    return _sentence(*parts)


def _ref_key(ref_id: str, number: int, used: set[str]) -> str:
    """A footnote label from a reference id: ``pone.0001234.ref1`` -> ``ref1``."""
    tail = re.split(r"[.\-:/]", ref_id.strip())[-1] if ref_id else ""
    key = re.sub(r"[^A-Za-z0-9_]", "", tail)
    if not key:
        key = f"ref{number}"
    return unique(key, used)


# --- front matter ----------------------------------------------------------------------------


def _article_id(doi: str, path: Path | None, title: str) -> str:
    if doi:
        prefix = "plos-" if doi.startswith("10.1371/") else "doi-"
        suffix = doi.split("/", 1)[-1].removeprefix("journal.")
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", suffix).strip("-._")
        if slug:
            return (prefix + slug)[:128]
    stem = path.stem if path is not None else title
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._") or "article"
    return ("jats-" + slug)[:128]


def _pub_date(meta: ET.Element) -> str | None:
    dates = [d for d in meta if _local(d.tag) == "pub-date"]
    rank = {"epub": 0, "pub": 0, "ppub": 1, "collection": 2}

    def key(d: ET.Element) -> int:
        return rank.get(d.get("pub-type") or d.get("date-type") or "", 3)

    for d in sorted(dates, key=key):
        year = _plain(_child(d, "year"))
        if not year.isdigit():
            continue
        month = _plain(_child(d, "month"))
        day = _plain(_child(d, "day"))
        if month.isdigit() and 1 <= int(month) <= 12:
            if day.isdigit() and 1 <= int(day) <= 31:
                return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
            return f"{int(year):04d}-{int(month):02d}"
        return year
    return None


def _authors(meta: ET.Element) -> list[str]:
    out: list[str] = []
    for group in meta:
        if _local(group.tag) != "contrib-group":
            continue
        for contrib in group:
            if _local(contrib.tag) != "contrib" or contrib.get("contrib-type") != "author":
                continue
            name = _child(contrib, "name")
            collab = _child(contrib, "collab")
            if name is not None:
                given = _plain(_child(name, "given-names"))
                surname = _plain(_child(name, "surname"))
                if name.get("name-style") == "eastern":
                    out.append(" ".join(p for p in (surname, given) if p))
                else:
                    out.append(" ".join(p for p in (given, surname) if p))
            elif collab is not None:
                out.append(_WS.sub(" ", (collab.text or "") or _plain(collab)).strip())
            else:
                text = _plain(_child(contrib, "string-name"))
                if text:
                    out.append(text)
    return [a for a in out if a]


# --- the article -----------------------------------------------------------------------------


def _language(declared: str | None, fallback: str, warnings: list[str]) -> str:
    """The article's declared language tag (lower case), else ``fallback``."""
    if declared and declared.strip():
        tag = declared.strip().lower()
        if is_known_code(tag):
            return tag
        warnings.append(f"xml:lang {declared.strip()!r} is not a language code: {fallback!r} used")
    return fallback


def convert_jats(
    data: bytes, collection: str, path: Path | None = None, language: str = DEFAULT_LANGUAGE
) -> Conversion:
    """Convert one JATS article; raise :class:`JatsError` when it cannot be read at all.

    The article's ``language`` is the one its ``<article xml:lang>`` declares, else
    ``language``."""
    root = parse_jats(data, path)
    front = _child(root, "front")
    meta = _child(front, "article-meta")
    warnings: list[str] = []
    if meta is None:
        raise JatsError(path, "not a JATS article: there is no <front>/<article-meta>")
    title = _plain(_descendant(_child(meta, "title-group"), "article-title"))
    if not title:
        title = path.stem if path is not None else "Untitled article"
        warnings.append("no <article-title>: the file name is used as the title")
    doi = next(
        (
            _plain(a)
            for a in meta
            if _local(a.tag) == "article-id" and a.get("pub-id-type") == "doi"
        ),
        "",
    )
    journal_meta = _child(front, "journal-meta")
    journal = _plain(_descendant(journal_meta, "journal-title")) or next(
        (
            _plain(j)
            for j in (journal_meta if journal_meta is not None else [])
            if _local(j.tag) == "journal-id" and j.get("journal-id-type") == "nlm-ta"
        ),
        "",
    )
    licence = classify_licence(_child(meta, "permissions"))

    back = _child(root, "back")
    body = _child(root, "body")
    if back is None:
        warnings.append("no <back>: the article has no reference list")
    if body is None:
        warnings.append("no <body>: only the abstract is imported")
    ref_ids: list[str] = []
    ref_keys: dict[str, str] = {}
    refs: list[tuple[str, ET.Element]] = []
    used: set[str] = set()
    for scope in (body, back):
        if scope is None:
            continue
        for ref in scope.iter():
            if _local(ref.tag) != "ref":
                continue
            ref_id = ref.get("id") or ""
            key = _ref_key(ref_id, len(refs) + 1, used)
            if ref_id and ref_id not in ref_keys:
                ref_ids.append(ref_id)
                ref_keys[ref_id] = key
            refs.append((key, ref))

    conv = _Converter(path=path, ref_ids=ref_ids, ref_keys=ref_keys)
    abstracts = [a for a in meta if _local(a.tag) in ("abstract", "trans-abstract")]
    main = [a for a in abstracts if a.get("abstract-type") != "toc"] or abstracts
    plain_abstract = ""
    for abstract in main:
        kind = abstract.get("abstract-type") or ""
        heading = _norm(conv.inline(_child(abstract, "title") or ET.Element("x"), cite=False))
        if not heading:
            heading = _ABSTRACT_NAMES.get(kind, "Abstract") if kind else "Abstract"
        if not plain_abstract and kind in ("", "toc"):
            plain_abstract = " ".join(
                _plain(c) for c in abstract if _local(c.tag) not in ("title", "label")
            )
        conv.heading(heading, 2)
        conv.blocks_of(abstract, 3)
    if body is not None:
        conv.need_body_heading = conv.headings > 0
        conv.blocks_of(body, 2)
    if back is not None:
        conv.need_body_heading = False
        conv.blocks_of(back, 2)
    for tag in sorted(conv.unknown):
        log.info("%s: unknown element <%s> kept as text", path, tag)

    definitions = []
    for key, ref in refs:
        text = reference_text(ref) or "(empty reference)"
        definitions.append(f"[^{key}]: {_block_start(_esc(text))}")

    article_id = _article_id(doi, path, title)
    fields: dict[str, Any] = {
        "id": article_id,
        "title": title,
        "collection": collection,
        "authors": _authors(meta),
        "published": _pub_date(meta),
        "journal": journal or None,
        "doi": doi or None,
        "source": f"https://doi.org/{doi}" if doi else None,
        "licence": licence.kind,
        "licence_text": licence.statement or None,
        "licence_url": licence.url,
        "language": _language(root.get(_XML_LANG), language, warnings),
        "category": _plain(_subject_heading(meta)) or None,
        "disclaimer": DISCLAIMER,
        "abstract": _WS.sub(" ", plain_abstract).strip() or None,
    }
    fields = {k: v for k, v in fields.items() if v not in (None, [], "")}
    body_md = "\n\n".join(conv.blocks)
    parts = [front_matter_text(fields), body_md]
    if definitions:
        parts.append("\n\n".join(definitions))
    markdown = "\n".join(p.rstrip("\n") + "\n" for p in parts if p.strip())
    sections = conv.headings + (1 if conv.lead_blocks else 0)
    dangling = tuple(conv.dangling)
    warnings.extend(conv.warnings)
    return Conversion(
        article_id=article_id,
        title=title,
        markdown=markdown,
        licence=licence,
        sections=sections,
        references=len(refs),
        citations=conv.citations,
        dangling=dangling,
        warnings=tuple(warnings),
    )


def _subject_heading(meta: ET.Element) -> ET.Element | None:
    for group in meta.iter():
        if _local(group.tag) == "subj-group" and group.get("subj-group-type") == "heading":
            return _child(group, "subject")
    return None


# --- files -----------------------------------------------------------------------------------


def iter_jats_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The given files, and every ``*.xml`` below the given folders, in a stable order."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path


def import_jats_bytes(
    data: bytes,
    source: Path,
    library: Path,
    collection: str,
    *,
    replace: bool = False,
    only_redistributable: bool = False,
    write: bool = True,
    language: str = DEFAULT_LANGUAGE,
) -> ImportReport:
    """Convert one file's bytes and write the article; every failure is in the report."""
    try:
        conv = convert_jats(data, collection, source, language)
    except ImporterError as exc:
        return ImportReport(source, "failed", error=str(exc), bytes_in=len(data))
    decision = decide_licence(conv.licence, only_redistributable)
    report = ImportReport(
        source=source,
        status="converted",
        article_id=conv.article_id,
        title=conv.title,
        sections=conv.sections,
        references=conv.references,
        citations=conv.citations,
        dangling=conv.dangling,
        licence=decision,
        warnings=conv.warnings,
        bytes_in=len(data),
    )
    if not decision.accepted:
        return dataclasses.replace(report, status="refused")
    if not write:
        return dataclasses.replace(report, bytes_out=len(conv.markdown.encode("utf-8")))
    out = Path(library) / collection_folder(collection) / f"{conv.article_id}.md"
    encoded = conv.markdown.encode("utf-8")
    if len(encoded) > MAX_ARTICLE_BYTES:  # the reader would refuse it: do not claim success
        return dataclasses.replace(
            report,
            status="failed",
            bytes_out=len(encoded),
            error=f"the article would be {len(encoded) / 1e6:.1f} MB; the reader refuses "
            f"articles larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MiB: not imported",
        )
    try:
        write_article(out, conv.markdown, replace=replace)
    except ArticleExistsError as exc:
        return dataclasses.replace(report, status="skipped", output=out, error=str(exc))
    except OSError as exc:
        return dataclasses.replace(
            report, status="failed", error=f"{out}: cannot be written: {exc}"
        )
    return dataclasses.replace(report, status="imported", output=out, bytes_out=len(encoded))


def import_jats_files(
    paths: Iterable[Path],
    library: Path,
    collection: str,
    *,
    replace: bool = False,
    only_redistributable: bool = False,
    language: str = DEFAULT_LANGUAGE,
) -> list[ImportReport]:
    """Import every file (folders are searched for ``*.xml``); one report per file.
    ``language``: of articles that do not declare theirs."""
    reports: list[ImportReport] = []
    for path in iter_jats_files(paths):
        try:
            size = path.stat().st_size
            if size > MAX_JATS_BYTES:
                raise JatsError(path, f"the file is {size / 1e6:.1f} MB; too large to import")
            data = path.read_bytes()
        except OSError as exc:
            reports.append(
                ImportReport(path, "failed", error=f"{path}: cannot be read: {exc.strerror or exc}")
            )
            continue
        except ImporterError as exc:
            reports.append(ImportReport(path, "failed", error=str(exc)))
            continue
        reports.append(
            import_jats_bytes(
                data,
                path,
                library,
                collection,
                replace=replace,
                only_redistributable=only_redistributable,
                language=language,
            )
        )
    return reports
