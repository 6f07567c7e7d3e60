"""Parsed articles kept on disk, so that an article opens without being parsed again.

Parsing the largest research article (a third of a megabyte of Markdown with some eight
hundred references) takes a few hundred milliseconds on an old laptop; reading it back
from here takes a tenth of that. An entry is one file per article content, named by the
SHA-256 of the article file's bytes, holding the :class:`~reader.core.model.Article`
as zlib-compressed JSON with a header that says which parser made it
(:data:`PARSER_KEY`: this format's version, the versions of the Markdown and YAML
libraries and a digest of the source of the modules that parse). An entry of another
parser, of other bytes, or one that is damaged in any way is not used: the article is
parsed afresh (and, where the cache may be written, the entry is written again).

Two places are read, in order: entries prebuilt beside the library
(``<library>/.parsed``, made by ``offline-reader prebuild``; read-only media and kiosks
use them as they are), then the user's cache (one folder per library), which is the only
place the window writes. Writes are atomic; every read is bounded.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import json
import logging
import os
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.article import (
    content_hash,
    decode_article_bytes,
    parse_article,
    read_article_bytes,
)
from reader.core.errors import ArticleError, LibraryError
from reader.core.fsutil import atomic_write_bytes, read_bounded
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
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason

if TYPE_CHECKING:
    from reader.core.library import Library

log = logging.getLogger(__name__)

#: The version of the entry format below; raise it when the format changes.
FORMAT_VERSION = 2
#: The folder of prebuilt entries inside a library.
PREBUILT_DIR_NAME = ".parsed"
#: An entry file is read up to this size, and decompressed up to the second.
MAX_ENTRY_BYTES = 16 * 1024 * 1024
MAX_ENTRY_JSON_BYTES = 64 * 1024 * 1024
_SUFFIX = ".json.z"


def _parser_key() -> str:
    """This format's version, the Markdown and YAML libraries' versions and the source of
    every module of ``reader/core`` itself (the parser and all it imports are among them:
    a change to any of them makes every entry stale, never wrong)."""
    digest = hashlib.sha256(f"format {FORMAT_VERSION}\n".encode())
    for dist in ("markdown-it-py", "mdit-py-plugins", "PyYAML"):
        try:
            digest.update(f"{dist} {metadata.version(dist)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist} ?\n".encode())
    try:
        sources = sorted(Path(__file__).resolve().parent.glob("*.py"))
        for source in sources:
            digest.update(f"{source.name}\n".encode())
            digest.update(read_bounded(source, 4 * 1024 * 1024))
    except OSError:
        # Without its source the parser cannot be told apart: nothing is shared.
        digest.update(os.urandom(16))
    return digest.hexdigest()[:32]


#: What an entry must have been made by to be used (see the module's docstring).
PARSER_KEY = _parser_key()

#: The fields of each kept class, in the order the format below writes them. Should the
#: model gain or lose a field, the format no longer holds all of an article: entries are
#: then neither read nor written (see :data:`COMPLETE`) until it is brought up to date.
KNOWN_FIELDS: dict[type, tuple[str, ...]] = {
    Formula: ("spoken", "display", "words"),
    Run: ("text", "kind", "emphasis", "strong", "link", "target", "script", "formula"),
    TableCell: ("runs", "header"),
    Block: ("kind", "runs", "depth", "ordered", "number", "rows", "line"),
    Section: ("heading", "level", "anchor", "blocks", "line"),
    Reference: (
        "key", "number", "text", "authors", "title", "container", "year", "doi", "url", "pmid"
    ),
    Citation: (
        "reference_key", "section_anchor", "block_index", "paragraph", "claim",
        "claim_start", "claim_end", "marker_offset", "ordinal",
    ),
    FlaggedClaim: (
        "section_anchor", "claim", "named_source", "reason", "closest_key", "block_index",
        "kind", "named_kind", "candidates", "claim_start", "claim_end",
    ),
    UncertainHeading: ("heading", "placed_before", "alternatives"),
    ArticleMeta: (
        "id", "title", "collection", "authors", "published", "reviewed", "source", "licence",
        "licence_text", "language", "disclaimer", "journal", "doi", "category", "abstract",
        "extra",
    ),
    Problem: ("path", "message", "line", "severity"),
    Article: (
        "meta", "sections", "references", "citations", "flagged", "path", "content_hash",
        "warnings", "uncertain_headings",
    ),
}  # fmt: skip


def _changed_classes() -> list[str]:
    return [
        cls.__name__
        for cls, names in KNOWN_FIELDS.items()
        if tuple(f.name for f in dataclasses.fields(cls)) != names
    ]


#: Whether the format holds every field of the model (a test keeps it so).
COMPLETE = not _changed_classes()
if not COMPLETE:
    log.warning(
        "parsed articles are not kept: the format lacks fields of %s", ", ".join(_changed_classes())
    )


def prebuilt_folder(root: Path) -> Path:
    """Where entries prebuilt for the library at ``root`` are looked for."""
    return Path(root) / PREBUILT_DIR_NAME


def cache_folder(cache_dir: Path, root: Path) -> Path:
    """The library's folder of entries under the user cache folder ``cache_dir``."""
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / "parsed" / key


def entry_name(content_hash: str) -> str:
    return content_hash + _SUFFIX


class DamagedEntryError(ValueError):
    """An entry that cannot be used: not made by this parser, for other bytes, or damaged."""


class StaleEntryError(DamagedEntryError):
    """An entry that is whole but was made by another version of the parser or from other
    bytes (an upgrade, a file put back as it was): expected, so not worth a warning."""


class ArticleCache:
    """Parsed articles by the SHA-256 of their file's bytes: read from ``folders`` in
    order, written (when ``write_to`` is given) to that folder only."""

    def __init__(self, folders: Sequence[Path], write_to: Path | None = None) -> None:
        self.folders = tuple(Path(f) for f in folders)
        self.write_to = Path(write_to) if write_to is not None else None

    def get(self, content_hash: str, path: Path | None) -> Article | None:
        """The article whose file's bytes have ``content_hash``, read from ``path``; None
        when no folder holds a usable entry."""
        if not COMPLETE:
            return None
        name = entry_name(content_hash)
        for folder in self.folders:
            try:
                raw = read_bounded(folder / name, MAX_ENTRY_BYTES, follow_links=False)
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.info("parsed article %s not read: %s", folder / name, exc)
                continue
            try:
                return decode_entry(raw, content_hash, path)
            except StaleEntryError as exc:
                log.info("parsed article %s not used: %s", folder / name, exc)
            except DamagedEntryError as exc:
                log.warning("parsed article %s not used: %s", folder / name, exc)
        return None

    def keep_only(self, content_hashes: Iterable[str]) -> int:
        """Remove the writable folder's entries for bytes no article has now (an article
        changed or removed); return how many went. Nothing else in the folder is touched."""
        if self.write_to is None:
            return 0
        wanted = {entry_name(h) for h in content_hashes}
        removed = 0
        try:
            with os.scandir(self.write_to) as entries:
                names = [e.name for e in entries]
        except OSError:
            return 0
        for name in names:
            if _ENTRY_RE.fullmatch(name) and name not in wanted:
                with contextlib.suppress(OSError):
                    (self.write_to / name).unlink()
                    removed += 1
        return removed

    def put(self, article: Article) -> None:
        """Keep ``article`` (parsed from bytes with ``article.content_hash``) in the writable
        folder; a failure to write is logged and otherwise ignored."""
        if self.write_to is None or not article.content_hash or not COMPLETE:
            return
        try:
            atomic_write_bytes(self.write_to / entry_name(article.content_hash), encode(article))
        except OSError as exc:
            log.info("parsed article %s not kept: %s", article.id, exc)


# --- the entry format --------------------------------------------------------------------
#
# A JSON object {"format", "parser", "hash", "article"}; the article is nested lists in
# the order of each dataclass's fields, with a run of plain text written as its string
# and the path of the article's own file (in its problems) written as null.


def _run(r: Run) -> Any:
    if r == Run(r.text):
        return r.text
    f = r.formula
    formula = [f.spoken, f.display, f.words] if f is not None else None
    return [r.text, r.kind.value, r.emphasis, r.strong, r.link, r.target, r.script, formula]


def _runs(runs: Iterable[Run]) -> list[Any]:
    return [_run(r) for r in runs]


def _block(b: Block) -> list[Any]:
    rows = [[[_runs(c.runs), c.header] for c in row] for row in b.rows]
    return [b.kind.value, _runs(b.runs), b.depth, b.ordered, b.number, rows, b.line]


def _reference(r: Reference) -> list[Any]:
    authors = list(r.authors)
    return [r.key, r.number, r.text, authors, r.title, r.container, r.year, r.doi, r.url, r.pmid]


def _citation(c: Citation) -> list[Any]:
    return [
        c.reference_key,
        c.section_anchor,
        c.block_index,
        c.paragraph,
        c.claim,
        c.claim_start,
        c.claim_end,
        c.marker_offset,
        c.ordinal,
    ]


def _flag(f: FlaggedClaim) -> list[Any]:
    return [
        f.section_anchor,
        f.claim,
        f.named_source,
        f.reason,
        f.closest_key,
        f.block_index,
        f.kind,
        f.named_kind,
        list(f.candidates),
        f.claim_start,
        f.claim_end,
    ]


def encode(article: Article) -> bytes:
    """``article`` as an entry (see the module's docstring)."""
    m = article.meta
    own = article.path
    data = {
        "format": FORMAT_VERSION,
        "parser": PARSER_KEY,
        "hash": article.content_hash,
        "article": [
            [
                m.id,
                m.title,
                m.collection,
                list(m.authors),
                m.published,
                m.reviewed,
                m.source,
                m.licence,
                m.licence_text,
                m.language,
                m.disclaimer,
                m.journal,
                m.doi,
                m.category,
                m.abstract,
                [list(pair) for pair in m.extra],
            ],
            [
                [s.heading, s.level, s.anchor, [_block(b) for b in s.blocks], s.line]
                for s in article.sections
            ],
            [_reference(r) for r in article.references],
            [_citation(c) for c in article.citations],
            [_flag(f) for f in article.flagged],
            [
                [None if p.path == own else str(p.path), p.message, p.line, p.severity]
                for p in article.warnings
            ],
            [
                [u.heading, u.placed_before, list(u.alternatives)]
                for u in article.uncertain_headings
            ],
        ],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


_RUN_KINDS = {k.value: k for k in RunKind}
_BLOCK_KINDS = {k.value: k for k in BlockKind}


def _s(value: Any) -> str:
    if type(value) is not str:
        raise DamagedEntryError("a text is not a string")
    return value


def _os(value: Any) -> str | None:
    return None if value is None else _s(value)


def _i(value: Any) -> int:
    if type(value) is not int:
        raise DamagedEntryError("a number is not a whole number")
    return value


def _oi(value: Any) -> int | None:
    return None if value is None else _i(value)


def _b(value: Any) -> bool:
    if type(value) is not bool:
        raise DamagedEntryError("a flag is not true or false")
    return value


def _strs(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise DamagedEntryError("a list is not a list")
    return tuple(_s(v) for v in value)


def _l(value: Any) -> list[Any]:
    if type(value) is not list:
        raise DamagedEntryError("a list is not a list")
    return value


def _n(value: Any, n: int) -> list[Any]:
    """``value``, a list of ``n`` items."""
    if type(value) is not list or len(value) != n:
        raise DamagedEntryError("a part of the article is incomplete")
    return value


def _shapes(*fields: tuple[type, ...]) -> frozenset[tuple[type, ...]]:
    """Every tuple of types a list with these fields may have (each field one of its types)."""
    return frozenset(itertools.product(*fields))


_OPT_STR = (str, type(None))
_OPT_INT = (int, type(None))
_RUN_SHAPES = _shapes(
    (str,), (str,), (bool,), (bool,), _OPT_STR, _OPT_STR, (str,), (list, type(None))
)
_REFERENCE_SHAPES = _shapes(
    (str,), (int,), (str,), (list,), _OPT_STR, _OPT_STR, _OPT_INT, _OPT_STR, _OPT_STR, _OPT_STR
)
_CITATION_SHAPES = frozenset([(str, str, int, int, str, int, int, int, int)])


def _shaped(x: Any, shapes: frozenset[tuple[type, ...]]) -> list[Any]:
    """``x``, a list whose items have one of ``shapes`` for types (one check, for speed)."""
    if type(x) is not list or tuple(map(type, x)) not in shapes:
        raise DamagedEntryError("a part of the article is not what it should be")
    return x


def _decode_run(x: Any) -> Run:
    if type(x) is str:
        return Run(x)
    text, kind, emphasis, strong, link, target, script, formula = _shaped(x, _RUN_SHAPES)
    if formula is not None:
        spoken, display, words = _l(formula)
        formula = Formula(_s(spoken), _b(display), _s(words))
    return Run(text, _RUN_KINDS[kind], emphasis, strong, link, target, script, formula)


def _decode_runs(x: Any) -> tuple[Run, ...]:
    return tuple(_decode_run(r) for r in _l(x))


def _decode_block(x: Any) -> Block:
    kind, runs, depth, ordered, number, rows, line = _l(x)
    return Block(
        _BLOCK_KINDS[kind],
        _decode_runs(runs),
        _i(depth),
        _b(ordered),
        _oi(number),
        tuple(
            tuple(TableCell(_decode_runs(c[0]), _b(c[1])) for c in (_n(c, 2) for c in _l(row)))
            for row in _l(rows)
        ),
        _oi(line),
    )


def _decode_article(x: Any, path: Path | None, content_hash: str) -> Article:
    meta, sections, references, citations, flagged, warnings, uncertain = _l(x)
    m = _n(meta, 16)
    extra = tuple((_s(k), _s(v)) for k, v in (_l(pair) for pair in _l(m[15])))
    article_meta = ArticleMeta(
        _s(m[0]),
        _s(m[1]),
        _s(m[2]),
        _strs(m[3]),
        published=_os(m[4]),
        reviewed=_os(m[5]),
        source=_os(m[6]),
        licence=_os(m[7]),
        licence_text=_os(m[8]),
        language=_s(m[9]),
        disclaimer=_os(m[10]),
        journal=_os(m[11]),
        doi=_os(m[12]),
        category=_os(m[13]),
        abstract=_os(m[14]),
        extra=extra,
    )
    own = path or Path("<text>")
    return Article(
        meta=article_meta,
        sections=tuple(
            Section(_s(h), _i(level), _s(anchor), tuple(_decode_block(b) for b in _l(bl)), _oi(ln))
            for h, level, anchor, bl, ln in (_l(s) for s in _l(sections))
        ),
        references=tuple(
            Reference(r[0], r[1], r[2], _strs(r[3]), r[4], r[5], r[6], r[7], r[8], r[9])
            for r in (_shaped(r, _REFERENCE_SHAPES) for r in _l(references))
        ),
        citations=tuple(
            Citation(*c) for c in (_shaped(c, _CITATION_SHAPES) for c in _l(citations))
        ),
        flagged=tuple(
            FlaggedClaim(
                _s(f[0]),
                _s(f[1]),
                _s(f[2]),
                _s(f[3]),
                _os(f[4]),
                _oi(f[5]),
                _s(f[6]),
                _s(f[7]),
                _strs(f[8]),
                _oi(f[9]),
                _oi(f[10]),
            )
            for f in (_n(f, 11) for f in _l(flagged))
        ),
        path=path,
        content_hash=content_hash,
        warnings=tuple(
            Problem(own if p is None else Path(_s(p)), _s(msg), _oi(line), _s(severity))
            for p, msg, line, severity in (_l(w) for w in _l(warnings))
        ),
        uncertain_headings=tuple(
            UncertainHeading(_s(h), _s(before), _strs(alts))
            for h, before, alts in (_l(u) for u in _l(uncertain))
        ),
    )


def decode_entry(raw: bytes, content_hash: str, path: Path | None) -> Article:
    """The article an entry holds, read from ``path`` whose bytes have ``content_hash``;
    raises :class:`DamagedEntryError` when the entry cannot be used."""
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(raw, MAX_ENTRY_JSON_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise DamagedEntryError("it is cut short or too large")
        data = json.loads(text.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError) as exc:
        if isinstance(exc, DamagedEntryError):
            raise
        raise DamagedEntryError(f"it is damaged ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise DamagedEntryError("it is not an entry")
    if data.get("format") != FORMAT_VERSION or data.get("parser") != PARSER_KEY:
        raise StaleEntryError("it was made by another version of the reader")
    if data.get("hash") != content_hash:
        raise StaleEntryError("it was made from other bytes")
    try:
        return _decode_article(data.get("article"), path, content_hash)
    except DamagedEntryError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        raise DamagedEntryError("it is damaged (its article is incomplete)") from None


# --- prebuilding -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrebuildReport:
    written: int  # entries parsed and written afresh (new, changed, or damaged before)
    kept: int  # entries that were already there and usable
    removed: int  # entries of no article of the library any more
    problems: tuple[Problem, ...] = ()  # articles that cannot be read (none is written)


def prebuild(
    library: Library, folder: Path | None = None, progress: Callable[[int, int], None] | None = None
) -> PrebuildReport:
    """Parse every article of ``library`` that ``folder`` (by default the library's
    prebuilt folder) holds no usable entry for, and write its entry there; remove the
    entries of articles the library no longer has. ``progress(done, total)``."""
    folder = Path(folder) if folder is not None else prebuilt_folder(library.root)
    if not COMPLETE:
        return PrebuildReport(0, 0, 0)  # see COMPLETE: the command says so
    cache = ArticleCache([folder], write_to=folder)
    written = kept = 0
    problems: list[Problem] = []
    wanted: set[str] = set()
    total = len(library.summaries)
    for n, summary in enumerate(library.summaries):
        if progress is not None and n % 100 == 0:
            progress(n, total)
        path = Path(summary.path)
        try:
            data = read_article_bytes(path, library.root)
            digest = content_hash(data)
            wanted.add(digest)
            if cache.get(digest, path) is not None:
                kept += 1
                continue
            article = parse_article(decode_article_bytes(data, path), path, digest)
        except ArticleError as exc:
            problems.append(Problem(path, exc.detail, exc.line))
            continue
        try:
            atomic_write_bytes(folder / entry_name(digest), encode(article))
        except OSError as exc:
            raise LibraryError(
                QT_TRANSLATE_NOOP(
                    "LibraryError", "the parsed articles cannot be written to {folder}: {reason}"
                ).format(folder=folder, reason=os_reason(exc))
            ) from None
        written += 1
    removed = cache.keep_only(wanted)
    if progress is not None:
        progress(total, total)
    return PrebuildReport(written, kept, removed, tuple(problems))


_ENTRY_RE = re.compile("[0-9a-f]{64}" + re.escape(_SUFFIX))
