"""Importers: outside article formats -> library Markdown.

Helpers shared by every importer live here: reading a source file safely, escaping
imported plain text so that it stays text in Markdown, naming collections and their
folders, and writing an article without clobbering one that exists.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import ParseError

from reader.core.errors import ImporterError
from reader.core.fsutil import atomic_write_text
from reader.core.text import UndecodableTextError, decode_text_file, slugify

#: Larger source files are refused: an article's text is a few hundred kilobytes at most.
MAX_SOURCE_BYTES = 4 * 1024 * 1024


class SourceFileError(ImporterError):
    """A source file cannot be imported; names the file and, where known, the line."""

    def __init__(self, path: Path | str | None, message: str, line: int | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.detail = message
        where = ""
        if self.path is not None:
            where = f"{self.path}" + (f":{line}" if line is not None else "") + ": "
        super().__init__(f"{where}{message}")


class ArticleExistsError(ImporterError):
    """The article file is already in the library and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} already exists: not overwritten (use --replace to replace it)")


def read_source_text(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> str:
    """The text of a source file, refusing what is huge, empty, binary or not UTF-8.

    Line endings become ``\\n`` and a byte-order mark is dropped.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceFileError(
                path,
                f"the file is {size / 1e6:.1f} MB; source files larger than "
                f"{max_bytes / (1024 * 1024):.0f} MiB are refused",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceFileError(path, f"cannot be read: {exc.strerror or exc}") from None
    return decode_source_bytes(data, path, max_bytes)


def decode_source_bytes(data: bytes, path: Path | None, max_bytes: int = MAX_SOURCE_BYTES) -> str:
    if len(data) > max_bytes:
        raise SourceFileError(path, f"the file is {len(data) / 1e6:.1f} MB; too large to import")
    try:
        text = decode_text_file(data)
    except UndecodableTextError as exc:
        raise SourceFileError(path, exc.message, exc.line) from None
    controls = re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if controls:
        line = text[: controls.start()].count("\n") + 1
        raise SourceFileError(
            path, f"the file holds a control character (0x{ord(controls.group()):02x})", line
        )
    return text


# --- Markdown escaping ---------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|])")
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+*=](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


def escape_markdown(text: str, at_line_start: bool = True) -> str:
    """Escape plain text so Markdown shows it as the same text, never as markup.

    Brackets, emphasis marks, backticks, angle brackets, entities and tildes are
    backslash-escaped everywhere; a leading ``#``, ``>``, bullet or ``1.`` is
    escaped when ``text`` starts a line. Links, images, HTML and footnote markers
    therefore cannot appear from imported text.
    """
    out = _INLINE_SPECIAL.sub(r"\\\1", text)
    if at_line_start:
        match = _BLOCK_START.match(out)
        if match:
            lead, mark = match.group(1), match.group(2)
            if mark.isdigit():
                rest = out[match.end() :]
                out = f"{lead}{mark}\\{rest}"
            else:
                out = f"{lead}\\{mark}{out[match.end() :]}"
    return out


# --- collections -------------------------------------------------------------------------

#: Category words that lost their apostrophe in a web page's URL-ish category line.
_POSSESSIVES = {
    "womens": "women's",
    "mens": "men's",
    "childrens": "children's",
    "peoples": "people's",
    "parents": "parents'",
}


def collection_name(category: str) -> str:
    """A collection name from a category line: ``womens health`` -> ``Women's health``."""
    words = [_POSSESSIVES.get(w.casefold(), w) for w in category.split()]
    name = " ".join(words).strip()
    return name[:1].upper() + name[1:] if name else "General"


def collection_folder(collection: str) -> str:
    """The folder of a collection: ``Women's health`` -> ``womens-health``."""
    return slugify(re.sub(r"['’]", "", collection), fallback="general")


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_TRAILING_WORDS = _wordset("a an and the of for in on at to by with from or")


def article_id(title: str, limit: int = 64) -> str:
    """A readable id from a title, cut at a word boundary."""
    slug = slugify(title, fallback="article")
    if len(slug) <= limit:
        return slug
    words = slug[: limit + 1].split("-")[:-1] or [slug[:limit]]
    while len(words) > 1 and words[-1] in _TRAILING_WORDS:
        words.pop()
    return "-".join(words)


def write_article(path: Path, text: str, replace: bool = False) -> None:
    """Write an article atomically; refuse to overwrite unless ``replace``."""
    if path.exists() and not replace:
        raise ArticleExistsError(path)
    atomic_write_text(path, text)


def xml_syntax_problem(exc: ParseError, data: bytes) -> tuple[str, int | None]:
    """What a person is told of XML that does not parse, and its line: the parser's
    reason and column, with a hint for a truncated file or one that is no XML at all."""
    line, column = getattr(exc, "position", (None, None))
    reason = str(exc).split(":")[0]
    hint = ""
    if "no element found" in reason or "unclosed token" in reason:
        hint = " (the file looks truncated)"
    elif line == 1 and not data.lstrip().startswith(b"<"):
        hint = " (this is not an XML file)"
    return f"not well-formed XML: {reason} at column {column}{hint}", line
