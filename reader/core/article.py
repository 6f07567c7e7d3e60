"""Library Markdown -> :class:`~reader.core.model.Article`.

A library file is UTF-8 Markdown with YAML front matter. Sections are headed with
ATX headings; in-text citations are footnote references (``claim.[^key]``) and the
footnote definitions are the reference list, in display order. Raw HTML is off:
``<script>`` is shown as text, never run. Parsing uses markdown-it-py with the
front-matter and footnote plugins; the footnote "tail" rule is disabled so that
definitions stay in the token stream (and uncited ones are still references).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.errors import ArticleError
from reader.core.fsutil import FileTooLargeError, UnsafeFileError, read_bounded
from reader.core.language import is_known_code
from reader.core.model import (
    Article,
    ArticleMeta,
    Block,
    BlockKind,
    Citation,
    FlaggedClaim,
    Formula,
    Problem,
    Reference,
    Run,
    RunKind,
    Section,
    TableCell,
    UncertainHeading,
)
from reader.core.refparse import parse_reference
from reader.core.text import UndecodableTextError, decode_text_file, sentences_at, slugify, unique
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason

log = logging.getLogger(__name__)

#: Larger files are refused: a health article is a few hundred kilobytes at most.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
#: Deeper nesting (lists in quotes in lists ...) is flattened at this depth.
MAX_DEPTH = 12
#: Bounds that keep a hostile or broken file from freezing the reader (markdown-it is
#: quadratic in list nesting and slow on huge tables): past them the article is cut or
#: flattened, with a warning, instead of being parsed for minutes.
MAX_BODY_CHARS = 600_000
MAX_BODY_LINES = 20_000
MAX_LINE_CHARS = 100_000
MAX_TABLE_ROWS = 2_000
#: Columns of indentation, quote and list markers kept at the start of a line (about 20
#: levels); markdown-it's own nesting limit is raised above what they can open, because
#: past its limit it silently drops the rest of the document.
MAX_PREFIX_CHARS = 40
_MAX_NESTING = 3 * MAX_PREFIX_CHARS
_CONTAINER_PREFIX = re.compile(r"(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))+")
REQUIRED_FIELDS = ("id", "title", "collection")
RECOMMENDED_FIELDS = ("authors", "published", "source", "licence", "language")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_UNDEFINED_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _markdown() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark",
        {"html": False, "linkify": False, "typographer": False, "maxNesting": _MAX_NESTING},
    )
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin)
    # Bracketed spans only (``[ij]{.sub}``, ``[…]{.math aria-label="…"}``), written by the
    # importers for sub/superscripts and formulas; no attributes on links, code or images.
    md.use(attrs_plugin, spans=True, after=("span_close",))
    md.disable("footnote_tail")
    return md


_MD = _markdown()


def safe_link(href: str) -> str | None:
    """The link target the reader may show, or None when it must be dropped.

    In-article anchors and web addresses are kept (addresses are shown as text to
    copy, never opened); ``javascript:``, ``data:``, ``file:``, absolute paths and
    paths that climb out of the library (``../``) are refused.
    """
    href = href.strip()
    if not href:
        return None
    if href.startswith("#"):
        return href
    lowered = href.lower()
    if lowered.startswith(_SAFE_SCHEMES):
        return href
    plain = unquote(href)  # %2e%2e/ climbs as well as ../ does
    if ":" in plain.split("/", 1)[0] or plain.startswith(("/", "\\")) or "\\" in plain:
        return None
    parts = [p for p in plain.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    return href


# --- front matter -----------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return (front matter YAML or None, number of lines it takes including fences)."""
    if not text.startswith("---"):
        return None, 0
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 1
    return None, 0


#: Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make text show
#: in another order than it is written (a title, a name or a reference can be spoofed
#: that way), and Unicode's ordering needs none of them for Arabic or Hebrew. Removed.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def neutralise_bidi(text: str) -> str:
    """``text`` without the bidi embedding, override and isolate controls."""
    return text.translate(_BIDI_CONTROLS)


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date | _dt.datetime):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return neutralise_bidi(str(value)).strip() or None
    return None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split(";") if a.strip())
    if isinstance(value, list):
        return tuple(s for s in (_as_str(v) for v in value) if s)
    return ()


# libyaml's parser where it is installed (PyYAML's own is some ten times slower on a long
# front matter); both stop at a fixed nesting depth, and construction is the same.
class _DuplicateKeys:
    """A safe YAML loader's mixin that notes keys given twice in one mapping (YAML forbids
    it; PyYAML would silently keep the last), with the line of the repeat."""

    duplicates: list[tuple[str, int]]

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE_TAG:
                    if key_node.value in seen:
                        self.duplicates.append((key_node.value, key_node.start_mark.line))
                    seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]  # the loader's


_MERGE_TAG = "tag:yaml.org,2002:merge"


class _PyLoader(_DuplicateKeys, yaml.SafeLoader):
    """PyYAML's own parser: its messages name where a broken construct starts."""


# libyaml's parser where it is installed: PyYAML's own is several times slower on a long
# front matter. Both stop at a fixed nesting depth; construction is the same.
_CLoader: Any = getattr(yaml, "CSafeLoader", None)
_FastLoader: Any = type("_FastLoader", (_DuplicateKeys, _CLoader), {}) if _CLoader else _PyLoader


def _load_yaml(raw: str, loader_class: Any) -> tuple[Any, list[tuple[str, int]]]:
    loader = loader_class(raw)
    loader.duplicates = []
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


def load_front_matter(
    text: str, path: Path | None, problems: list[Problem] | None = None
) -> tuple[dict[str, Any], int]:
    """Parse the front matter; raise :class:`ArticleError` naming the line when it is broken.
    A key given twice is added to ``problems`` (when given) as an error; the last wins."""
    raw, n_lines = split_front_matter(text)
    if raw is None:
        raise ArticleError(
            path,
            QT_TRANSLATE_NOOP(
                "ArticleError", "no front matter: a library article starts with '---', YAML, '---'"
            ),
            line=1,
        )
    try:
        try:
            data, duplicates = _load_yaml(raw, _FastLoader)
        except yaml.YAMLError:
            if _FastLoader is _PyLoader:
                raise
            data, duplicates = _load_yaml(raw, _PyLoader)  # for its message and line
    except yaml.YAMLError as exc:
        # The context mark is where the broken construct starts (an unclosed '['),
        # which is the line a person needs to fix; the problem mark is where YAML gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or QT_TRANSLATE_NOOP("ArticleError", "invalid YAML")
        raise ArticleError(path, _broken_front_matter(problem), line=line) from None
    except RecursionError:
        nested = QT_TRANSLATE_NOOP("ArticleError", "nested too deeply")
        raise ArticleError(path, _broken_front_matter(nested), line=1) from None
    except (ValueError, OverflowError) as exc:  # e.g. a date such as 2020-13-45
        raise ArticleError(path, _broken_front_matter(str(exc)), line=1) from None
    if not isinstance(data, dict):
        raise ArticleError(
            path,
            QT_TRANSLATE_NOOP("ArticleError", "front matter must be a mapping of field: value"),
            line=2,
        )
    if problems is not None:
        for key, line in duplicates[:20]:
            problems.append(
                Problem(
                    path or Path("<text>"),
                    f"the front matter gives {key[:60]!r} more than once; the last one is used",
                    line + 2,
                    "error",
                )
            )
    return data, n_lines


def _broken_front_matter(problem: str) -> str:
    return QT_TRANSLATE_NOOP("ArticleError", "broken front matter: {problem}").format(
        problem=problem
    )


def meta_from_front_matter(data: Mapping[str, Any], path: Path | None) -> ArticleMeta:
    missing = [f for f in REQUIRED_FIELDS if not _as_str(data.get(f))]
    if missing:
        lacks = QT_TRANSLATE_NOOP("ArticleError", "front matter lacks required field(s): {fields}")
        raise ArticleError(path, lacks.format(fields=", ".join(missing)), 2)
    article_id = _as_str(data["id"]) or ""
    if not _ID_RE.match(article_id):
        bad_id = QT_TRANSLATE_NOOP(
            "ArticleError", "id {id} must be letters, digits, '.', '_' or '-' (128 at most)"
        )
        raise ArticleError(path, bad_id.format(id=repr(article_id)), 2)
    known = set(ArticleMeta.__dataclass_fields__) | {
        "flagged_claims",
        "licence_text",
        "uncertain_headings",
    }
    extra = tuple((str(k), s) for k, v in data.items() if str(k) not in known and (s := _as_str(v)))
    return ArticleMeta(
        id=article_id,
        title=_as_str(data["title"]) or "",
        collection=_as_str(data["collection"]) or "",
        authors=_as_tuple(data.get("authors")),
        published=_as_str(data.get("published")),
        reviewed=_as_str(data.get("reviewed")),
        source=_as_str(data.get("source")),
        licence=_as_str(data.get("licence")),
        licence_text=_as_str(data.get("licence_text")),
        language=_as_str(data.get("language")) or "en",
        disclaimer=_as_str(data.get("disclaimer")),
        journal=_as_str(data.get("journal")),
        doi=_as_str(data.get("doi")),
        category=_as_str(data.get("category")),
        abstract=_as_str(data.get("abstract")),
        extra=extra,
    )


def front_matter_text(fields: Mapping[str, Any]) -> str:
    """The ``---`` fenced YAML block an importer writes at the top of an article."""
    body = yaml.safe_dump(dict(fields), sort_keys=False, allow_unicode=True, width=88)
    return f"---\n{body}---\n"


# --- inline and block conversion ----------------------------------------------------------


@dataclass
class _InlineState:
    emphasis: int = 0
    strong: int = 0
    link: list[str | None] = field(default_factory=list)
    #: Open bracketed spans: (script, formula, emphasis, strong) each opened.
    spans: list[tuple[str, Formula | None, bool, bool]] = field(default_factory=list)

    @property
    def emphasised(self) -> bool:
        return self.emphasis > 0 or any(s[2] for s in self.spans)

    @property
    def strengthened(self) -> bool:
        return self.strong > 0 or any(s[3] for s in self.spans)

    @property
    def script(self) -> str:
        return next((s[0] for s in reversed(self.spans) if s[0]), "")

    @property
    def formula(self) -> Formula | None:
        return next((s[1] for s in reversed(self.spans) if s[1] is not None), None)


_SCRIPT_CLASSES = {"sub": "sub", "sup": "sup"}


def _span_meaning(tok: Token) -> tuple[str, Formula | None, bool, bool]:
    """What a bracketed span says: a script ("sub"/"sup"), a formula, emphasis (``.em``,
    ``.strong``: where ``*`` cannot be read as emphasis, e.g. ``**(1.2)**d``), or nothing."""
    classes = str(tok.attrGet("class") or "").split()
    script = next((_SCRIPT_CLASSES[c] for c in classes if c in _SCRIPT_CLASSES), "")
    formula = None
    if "math" in classes:
        spoken = " ".join(str(tok.attrGet("aria-label") or "").split())
        words = " ".join(str(tok.attrGet("data-words") or "").split())
        formula = Formula(spoken=spoken, display="display" in classes, words=words)
    return script, formula, "em" in classes, "strong" in classes


def _inline_runs(children: Sequence[Token], labels: set[str]) -> list[Run]:
    runs: list[Run] = []
    st = _InlineState()

    def add(text: str, kind: RunKind = RunKind.TEXT) -> None:
        if not text and kind is RunKind.TEXT:
            return
        link = st.link[-1] if st.link else None
        runs.append(
            Run(
                text,
                kind,
                emphasis=st.emphasised,
                strong=st.strengthened,
                link=link,
                script=st.script,
                formula=st.formula,
            )
        )

    for tok in children:
        t = tok.type
        if t == "text":
            add(tok.content)
        elif t == "softbreak":
            add(" ")
        elif t == "hardbreak":
            add("\n", RunKind.BREAK)
        elif t == "code_inline":
            add(tok.content, RunKind.CODE)
        elif t == "em_open":
            st.emphasis += 1
        elif t == "em_close":
            st.emphasis = max(0, st.emphasis - 1)
        elif t == "strong_open":
            st.strong += 1
        elif t == "strong_close":
            st.strong = max(0, st.strong - 1)
        elif t in ("s_open", "s_close"):
            continue
        elif t == "span_open":
            st.spans.append(_span_meaning(tok))
        elif t == "span_close":
            if st.spans:
                st.spans.pop()
        elif t == "link_open":
            st.link.append(safe_link(str(tok.attrGet("href") or "")))
        elif t == "link_close":
            if st.link:
                st.link.pop()
        elif t == "image":
            alt = tok.content or "image"
            add(f"[image: {alt}]")
        elif t == "footnote_ref":
            label = str(tok.meta.get("label", ""))
            if label in labels:
                runs.append(Run("", RunKind.CITE, target=label))
            else:  # pragma: no cover - markdown-it only makes refs for defined labels
                add(f"[^{label}]")
        elif t == "html_inline":  # html is off; kept as text should a plugin emit it
            add(tok.content)
        else:
            add(tok.content)
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if (
            merged
            and run.kind is RunKind.TEXT
            and merged[-1].kind is RunKind.TEXT
            and (merged[-1].emphasis, merged[-1].strong, merged[-1].link)
            == (run.emphasis, run.strong, run.link)
            and (merged[-1].script, merged[-1].formula) == (run.script, run.formula)
        ):
            prev = merged[-1]
            merged[-1] = dataclasses.replace(prev, text=prev.text + run.text)
        else:
            merged.append(run)
    return merged


@dataclass
class _SectionBuilder:
    heading: str
    level: int
    anchor: str
    line: int | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _ParseState:
    path: Path | None
    line_offset: int
    labels: set[str]
    problems: list[Problem] = field(default_factory=list)


def _line(tok: Token, state: _ParseState) -> int | None:
    return tok.map[0] + 1 + state.line_offset if tok.map else None


def _walk_blocks(
    tokens: Sequence[Token], state: _ParseState
) -> Iterator[tuple[str, Any, int | None]]:
    """Yield ("heading", (level, inline token), line) and ("block", Block, line) in order,
    plus ("footnote", (label, [Block]), line). Never recurses: nesting is tracked."""
    list_stack: list[tuple[bool, int]] = []  # (ordered, next number)
    quote_depth = 0
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            inline = tokens[i + 1]
            yield "heading", (int(tok.tag[1]), inline), _line(tok, state)
            i += 3
            continue
        if t == "footnote_reference_open":
            label = str(tok.meta.get("label", ""))
            j = i + 1
            inner: list[Block] = []
            while j < n and tokens[j].type != "footnote_reference_close":
                if tokens[j].type == "inline":
                    inner.append(
                        Block(
                            BlockKind.PARAGRAPH,
                            tuple(_inline_runs(tokens[j].children or [], state.labels)),
                        )
                    )
                j += 1
            yield "footnote", (label, inner), _line(tok, state)
            i = j + 1
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1)
            list_stack.append((t == "ordered_list_open", start))
        elif t in ("bullet_list_close", "ordered_list_close"):
            if list_stack:
                list_stack.pop()
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth = max(0, quote_depth - 1)
        elif t == "list_item_open":
            pass
        elif t == "inline":
            runs = tuple(_inline_runs(tok.children or [], state.labels))
            line = _line(tok, state)
            if list_stack:
                ordered, number = list_stack[-1]
                # Only the first paragraph of an item carries the bullet.
                first = i >= 2 and tokens[i - 2].type == "list_item_open"
                if first:
                    list_stack[-1] = (ordered, number + 1)
                block = Block(
                    BlockKind.LIST_ITEM if first else BlockKind.PARAGRAPH,
                    runs,
                    depth=min(len(list_stack) - 1, MAX_DEPTH),
                    ordered=ordered,
                    number=number if ordered and first else None,
                    line=line,
                )
                yield "block", block, line
            elif quote_depth:
                yield (
                    "block",
                    Block(BlockKind.QUOTE, runs, depth=min(quote_depth, MAX_DEPTH), line=line),
                    line,
                )
            else:
                yield "block", Block(BlockKind.PARAGRAPH, runs, line=line), line
        elif t in ("fence", "code_block"):
            line = _line(tok, state)
            yield (
                "block",
                Block(BlockKind.CODE, (Run(tok.content.rstrip("\n"), RunKind.CODE),), line=line),
                line,
            )
        elif t == "hr":
            yield "block", Block(BlockKind.RULE, line=_line(tok, state)), _line(tok, state)
        elif t == "table_open":
            rows: list[tuple[TableCell, ...]] = []
            row: list[TableCell] = []
            line = _line(tok, state)
            j = i + 1
            while j < n and tokens[j].type != "table_close":
                tj = tokens[j]
                if tj.type == "tr_open":
                    row = []
                elif tj.type == "tr_close":
                    rows.append(tuple(row))
                elif tj.type == "inline":
                    header = tokens[j - 1].type == "th_open"
                    row.append(
                        TableCell(tuple(_inline_runs(tj.children or [], state.labels)), header)
                    )
                j += 1
            yield "block", Block(BlockKind.TABLE, rows=tuple(rows), line=line), line
            i = j + 1
            continue
        i += 1


def _text_problems(blocks: Sequence[Block], state: _ParseState) -> None:
    for block in blocks:
        texts = [block.text]
        for m in _UNDEFINED_FOOTNOTE.finditer("\n".join(texts)):
            state.problems.append(
                Problem(
                    state.path or Path("<text>"),
                    f"citation [^{m.group(1)}] has no footnote definition: no reference to link to",
                    block.line,
                    "error",
                )
            )


def _cite_marks(block: Block) -> list[tuple[str, int, int, int]]:
    """(reference key, claim start, claim end, marker offset) of each citation in a block.

    In a table, a citation claims its row (cells are joined by one tab, rows by one
    newline in ``block.text``); elsewhere it claims its sentence.
    """
    marks: list[tuple[str, int, int, int]] = []
    if block.kind is BlockKind.TABLE:
        row_start = 0
        for row in block.rows:
            row_text = "\t".join(c.text for c in row)
            row_end = row_start + len(row_text)
            claim_start = row_start + len(row_text) - len(row_text.lstrip())
            claim_end = row_start + len(row_text.rstrip())
            offset = row_start
            for cell in row:
                for run in cell.runs:
                    if run.kind is RunKind.CITE and run.target:
                        marks.append((run.target, claim_start, claim_end, offset))
                    offset += len(run.text)
                offset += 1
            row_start = row_end + 1
        return marks
    text = block.text
    offset = 0
    cites: list[tuple[str, int]] = []
    for run in block.runs:
        if run.kind is RunKind.CITE and run.target:
            cites.append((run.target, offset))
        offset += len(run.text)
    if not cites:
        return marks
    spans = sentences_at(text, [at for _, at in cites])  # the text is split once
    return [(key, start, end, at) for (key, at), (start, end) in zip(cites, spans, strict=True)]


def _citations(sections: Sequence[Section]) -> list[Citation]:
    out: list[Citation] = []
    for section in sections:
        paragraph = 0
        for b_index, block in enumerate(section.blocks):
            if block.kind is BlockKind.PARAGRAPH:
                paragraph += 1
            text = block.text
            for key, start, end, offset in _cite_marks(block):
                out.append(
                    Citation(
                        reference_key=key,
                        section_anchor=section.anchor,
                        block_index=b_index,
                        paragraph=max(paragraph, 1),
                        claim=text[start:end],
                        claim_start=start,
                        claim_end=end,
                        marker_offset=offset,
                        ordinal=len(out),
                    )
                )
    return out


def _flagged(
    data: Mapping[str, Any], sections: Sequence[Section], state: _ParseState
) -> list[FlaggedClaim]:
    raw = data.get("flagged_claims")
    if raw is None:
        return []
    if not isinstance(raw, list):
        state.problems.append(
            Problem(state.path or Path("<text>"), "flagged_claims must be a list", 2, "warning")
        )
        return []
    out: list[FlaggedClaim] = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        claim = _as_str(item.get("claim")) or ""
        anchor = _as_str(item.get("section")) or ""
        found: tuple[int, int, int] | None = None
        for section in sections:
            if anchor and section.anchor != anchor:
                continue
            for b_index, block in enumerate(section.blocks):
                pos = block.text.find(claim) if claim else -1
                if pos >= 0:
                    found = (b_index, pos, pos + len(claim))
                    anchor = section.anchor
                    break
            if found:
                break
        if claim and found is None:
            state.problems.append(
                Problem(
                    state.path or Path("<text>"),
                    f"flagged claim not found in the text: {claim[:60]!r}",
                    2,
                    "warning",
                )
            )
        out.append(
            FlaggedClaim(
                section_anchor=anchor,
                claim=claim,
                named_source=_as_str(item.get("names")) or "",
                reason=_as_str(item.get("reason")) or "",
                closest_key=_as_str(item.get("closest")),
                block_index=found[0] if found else None,
                claim_start=found[1] if found else None,
                claim_end=found[2] if found else None,
                kind="ambiguous" if item.get("kind") == "ambiguous" else "absent",
                named_kind=_as_str(item.get("named")) or "source",
                candidates=tuple(c for c in item.get("candidates") or () if isinstance(c, str))
                if isinstance(item.get("candidates"), list)
                else (),
            )
        )
    return out


def decode_article_bytes(data: bytes, path: Path | None) -> str:
    """Bytes -> text, refusing what is not a UTF-8 text file (with the line of the fault)."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(path, _too_large(f"{len(data) / 1e6:.1f}"))
    try:
        return decode_text_file(data, "Markdown")
    except UndecodableTextError as exc:
        raise ArticleError(path, exc.message, exc.line) from None


def _bounded_body(body: str, path: Path | None, first_line: int) -> tuple[str, list[Problem]]:
    """``body`` cut to the parser's bounds, with one warning for each kind of cut made."""
    where = path or Path("<text>")
    problems: list[Problem] = []
    lines: list[str] = []
    long_line = deep_line = long_table = None
    table_rows = 0
    for n, line in enumerate(body.split("\n")):
        table_rows = table_rows + 1 if "|" in line else 0  # rows of the table this line is in
        if table_rows > MAX_TABLE_ROWS + 2:  # header and delimiter rows, then the cells
            if table_rows == MAX_TABLE_ROWS + 3:
                lines.append("")  # the table ends here: markdown-it is slow on huge ones
            long_table = first_line + n if long_table is None else long_table
            continue
        if len(line) > MAX_PREFIX_CHARS:
            if len(line) > MAX_LINE_CHARS:
                line = line[:MAX_LINE_CHARS]
                long_line = first_line + n if long_line is None else long_line
            prefix = _CONTAINER_PREFIX.match(line, 0, MAX_PREFIX_CHARS + 12)
            if prefix is not None and prefix.end() > MAX_PREFIX_CHARS:
                rest = _CONTAINER_PREFIX.match(line)
                line = line[:MAX_PREFIX_CHARS] + " " + line[rest.end() if rest else 0 :].lstrip()
                deep_line = first_line + n if deep_line is None else deep_line
        lines.append(line)
    if len(lines) > MAX_BODY_LINES:
        del lines[MAX_BODY_LINES:]
        problems.append(
            Problem(
                where,
                f"the article is longer than {MAX_BODY_LINES:,} lines; the rest is not shown",
                None,
                "warning",
            )
        )
    if long_line is not None:
        problems.append(
            Problem(
                where,
                f"lines longer than {MAX_LINE_CHARS:,} characters were cut short",
                long_line,
                "warning",
            )
        )
    if long_table is not None:
        problems.append(
            Problem(
                where,
                f"tables longer than {MAX_TABLE_ROWS:,} rows were cut short",
                long_table,
                "warning",
            )
        )
    if deep_line is not None:
        problems.append(
            Problem(
                where,
                "lists, quotes or indentation nested too deeply to show were flattened",
                deep_line,
                "warning",
            )
        )
    body = "\n".join(lines)
    if len(body) > MAX_BODY_CHARS:
        cut = body.rfind("\n", 0, MAX_BODY_CHARS)
        body = body[: cut if cut > 0 else MAX_BODY_CHARS]
        problems.append(
            Problem(
                where,
                f"the article is longer than {MAX_BODY_CHARS:,} characters; the rest is not shown",
                first_line + body.count("\n") + 1,
                "warning",
            )
        )
    return body, problems


def _language_problems(
    data: Mapping[str, Any], path: Path | None, head: list[str]
) -> list[Problem]:
    """A warning when the front matter names no language, or one that is no language code
    (search, the speech voice and screen readers go by it)."""
    where = path or Path("<text>")
    tag = _as_str(data.get("language"))
    if not tag:
        message = "the front matter has no language (such as 'language: en'); English is assumed"
        return [Problem(where, message, 2, "warning")]
    if is_known_code(tag):
        return []
    line = next((i + 1 for i, t in enumerate(head) if t.startswith("language:")), 2)
    message = (
        f"language {tag!r} is not a language code (such as en, es or es-MX); "
        "it is searched as English"
    )
    return [Problem(where, message, line, "warning")]


def parse_article(text: str, path: Path | None = None, content_hash: str = "") -> Article:
    """Parse one article; raise :class:`ArticleError` if it cannot be read at all.

    Problems that leave the article readable (a citation with no reference, a
    reference never cited, a flagged claim not found) are in ``article.warnings``.
    """
    duplicates: list[Problem] = []
    bidi = _BIDI_RE.search(text)
    if bidi is not None:
        duplicates.append(
            Problem(
                path or Path("<text>"),
                "characters that reverse or reorder the direction of text were removed "
                "(they can make a title, a name or a reference read as something else)",
                text.count("\n", 0, bidi.start()) + 1,
                "warning",
            )
        )
        text = neutralise_bidi(text)
    data, fm_lines = load_front_matter(text, path, duplicates)
    meta = meta_from_front_matter(data, path)
    body = "\n".join(text.split("\n")[fm_lines:])
    body, cuts = _bounded_body(body, path, fm_lines + 1)
    cuts[:0] = duplicates
    labels = set(re.findall(r"^\[\^([^\]\s]+)\]:", body, flags=re.MULTILINE))
    state = _ParseState(path=path, line_offset=fm_lines, labels=labels, problems=cuts)
    try:
        tokens = _MD.parse(body, {})
    except RecursionError:
        raise ArticleError(
            path, QT_TRANSLATE_NOOP("ArticleError", "the Markdown is nested too deeply to read")
        ) from None

    builders: list[_SectionBuilder] = [_SectionBuilder("", 0, "lead", 1)]
    anchors: set[str] = {"lead"}
    references: list[Reference] = []
    seen_labels: dict[str, int | None] = {}
    for kind, payload, line in _walk_blocks(tokens, state):
        if kind == "heading":
            level, inline = payload
            heading = "".join(r.text for r in _inline_runs(inline.children or [], labels)).strip()
            anchor = unique(slugify(heading), anchors)
            builders.append(_SectionBuilder(heading, level, anchor, line))
        elif kind == "footnote":
            label, inner = payload
            if label in seen_labels:
                state.problems.append(
                    Problem(
                        path or Path("<text>"),
                        f"reference [^{label}] is defined twice",
                        line,
                        "error",
                    )
                )
                continue
            seen_labels[label] = line
            ref_text = " ".join(b.text for b in inner).strip()
            parsed = parse_reference(ref_text)
            references.append(
                Reference(
                    key=label,
                    number=len(references) + 1,
                    text=ref_text,
                    authors=parsed.authors,
                    title=parsed.title,
                    container=parsed.container,
                    year=parsed.year,
                    doi=parsed.doi,
                    url=parsed.url,
                    pmid=parsed.pmid,
                )
            )
        else:
            builders[-1].blocks.append(payload)

    sections = tuple(
        Section(b.heading, b.level, b.anchor, tuple(b.blocks), b.line)
        for b in builders
        if b.level > 0 or b.blocks
    )
    for s in sections:
        _text_problems(s.blocks, state)
    citations = _citations(sections)
    cited = {c.reference_key for c in citations}
    for ref in references:
        if ref.key not in cited:
            state.problems.append(
                Problem(
                    path or Path("<text>"),
                    f"reference {ref.number} [^{ref.key}] is never cited in the text",
                    seen_labels.get(ref.key),
                    "warning",
                )
            )
    state.problems.extend(_language_problems(data, path, text.split("\n")[:fm_lines]))
    flagged = _flagged(data, sections, state)
    return Article(
        meta=meta,
        sections=sections,
        references=tuple(references),
        citations=tuple(citations),
        flagged=tuple(flagged),
        path=path,
        content_hash=content_hash,
        warnings=tuple(state.problems),
        uncertain_headings=_uncertain_headings(data),
    )


def _uncertain_headings(data: Mapping[str, Any]) -> tuple[UncertainHeading, ...]:
    raw = data.get("uncertain_headings")
    if not isinstance(raw, list):
        return ()
    out: list[UncertainHeading] = []
    for item in raw:
        if not isinstance(item, dict) or not _as_str(item.get("heading")):
            continue
        alternatives = item.get("alternatives")
        out.append(
            UncertainHeading(
                heading=_as_str(item.get("heading")) or "",
                placed_before=_as_str(item.get("placed_before")) or "",
                alternatives=tuple(a for a in alternatives if isinstance(a, str))
                if isinstance(alternatives, list)
                else (),
            )
        )
    return tuple(out)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _too_large(megabytes: str | None) -> str:
    limit = MAX_ARTICLE_BYTES // (1024 * 1024)
    if megabytes is None:
        return QT_TRANSLATE_NOOP(
            "ArticleError",
            "the file is larger than that; articles larger than {limit} MiB are refused",
        ).format(limit=limit)
    return QT_TRANSLATE_NOOP(
        "ArticleError", "the file is {size} MB; articles larger than {limit} MiB are refused"
    ).format(size=megabytes, limit=limit)


def read_article_bytes(path: Path, within: Path | None = None) -> bytes:
    """The bytes of one library file, read as it is NOW: at most the size limit (+ 1 byte),
    only a regular file and, with ``within`` (the library folder), only one inside it once
    links are followed. A named pipe, a device or a link swapped in since the library was
    listed is refused before anything is read from it."""
    try:
        return read_bounded(path, MAX_ARTICLE_BYTES, within=within)
    except FileTooLargeError as exc:
        shown = f"{exc.size / 1e6:.1f}" if exc.size is not None else None
        raise ArticleError(path, _too_large(shown)) from None
    except UnsafeFileError as exc:
        not_read = QT_TRANSLATE_NOOP("ArticleError", "not read: {reason}")
        raise ArticleError(path, not_read.format(reason=exc.strerror)) from None
    except OSError as exc:
        raise ArticleError(path, cannot_be_read(exc)) from None


def cannot_be_read(exc: OSError) -> str:
    """ "cannot be read: REASON" (the operating system's reason), translatable."""
    return QT_TRANSLATE_NOOP("ArticleError", "cannot be read: {reason}").format(
        reason=os_reason(exc)
    )


def read_article(path: Path, within: Path | None = None) -> Article:
    """Read and parse one library file (confined to the folder ``within`` when given, see
    :func:`read_article_bytes`); every failure is an :class:`ArticleError`."""
    path = Path(path)
    data = read_article_bytes(path, within)
    text = decode_article_bytes(data, path)
    return parse_article(text, path, content_hash(data))
