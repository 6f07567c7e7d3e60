"""Plain-text helpers shared by the parser, the importers, the linker and read-aloud."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

from reader.core.texts import QT_TRANSLATE_NOOP

# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    {
        "al", "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "figs",
        "no", "vol", "pp", "p", "approx", "ca", "cf", "jr", "sr", "st", "inc", "ltd",
        "co", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "eq", "ref", "refs", "suppl", "ed", "eds",
    }
)  # fmt: skip

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_LAST_WORD = re.compile(r"([\w.]+)$")
_WORD_WINDOW = 32


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return (start, end) spans without surrounding space.

    A boundary is sentence-final punctuation followed by white space, unless the
    word before it is a known abbreviation or a single initial ("J. Smith"), or
    the next word starts in lower case.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        punct_at = match.start()
        # Only the last few characters can hold the word: an abbreviation or an initial
        # is short, and a window that is one word throughout is no abbreviation. (Slicing
        # from the sentence's start made a paragraph of many "Dr." quadratic.)
        window = text[max(start, punct_at - _WORD_WINDOW) : punct_at]
        word_match = _LAST_WORD.search(window)
        word = word_match.group(1).lower() if word_match else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        following = text[end : end + 1]
        if following and following.islower():
            continue
        spans.append((start, match.start() + len(match.group(0).rstrip())))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    trimmed: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the sentence that a marker at ``offset`` belongs to.

    A marker right after a sentence's final punctuation (``claim.[^1]``) belongs
    to that sentence, not to the next one.
    """
    return sentences_at(text, [offset])[0]


def sentences_at(text: str, offsets: Sequence[int]) -> list[tuple[int, int]]:
    """:func:`sentence_at` for many markers of one text, splitting it once: a paragraph
    of thousands of cited sentences takes time in proportion to its length."""
    spans = sentence_spans(text)
    if not spans:
        return [(0, len(text))] * len(offsets)
    starts = [s for s, _ in spans]
    out: list[tuple[int, int]] = []
    for offset in offsets:
        # the last sentence starting at or before the marker: it holds the marker, or the
        # marker sits in the space after it; a marker before every sentence takes the first
        i = bisect_right(starts, offset) - 1
        out.append(spans[max(i, 0)])
    return out


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "ø": "o"})


def slugify(text: str, fallback: str = "section") -> str:
    """A stable, readable anchor: ASCII letters, digits and hyphens."""
    folded = (
        unicodedata.normalize("NFKD", text.translate(_LIGATURES))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:80].rstrip("-") or fallback


def unique(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever ``used`` lacks; it is added to ``used``.

    Section anchors and reference keys are made unique this way, by the parser and
    the importers alike, so an importer knows the anchors the parser will give.
    """
    name, n = base, 2
    while name in used:
        name = f"{base}-{n}"
        n += 1
    used.add(name)
    return name


class UndecodableTextError(ValueError):
    """Bytes that are not a UTF-8 text file; ``line`` is where the fault is (1-based)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def decode_text_file(data: bytes, kind: str | None = None) -> str:
    """UTF-8 bytes -> text with ``\n`` line endings and no byte-order mark.

    Raises :class:`UndecodableTextError` for an empty file, a binary one (NUL bytes) or one
    that is not UTF-8, naming the line of the fault; ``kind`` names what was expected.
    """
    if not data.strip():
        raise UndecodableTextError(QT_TRANSLATE_NOOP("TextFile", "the file is empty"), 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        binary = QT_TRANSLATE_NOOP(
            "TextFile", "the file is binary (it contains NUL bytes), not {kind}"
        )
        kind = kind or QT_TRANSLATE_NOOP("TextFile", "text")
        raise UndecodableTextError(binary.format(kind=kind), line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        not_utf8 = QT_TRANSLATE_NOOP("TextFile", "the file is not UTF-8 text (byte {byte})")
        raise UndecodableTextError(not_utf8.format(byte=f"0x{data[exc.start]:02x}"), line) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def fold(text: str) -> str:
    """Lower case without accents, for matching names across spellings."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
