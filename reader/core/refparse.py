"""Recognise the parts of a free-text reference: authors, title, container, year, DOI, URL.

Two common shapes are understood: quoted titles (``Org. “Title.” Website, 2021.``)
and Vancouver/NLM (``Smith AB, Jones C, et al. Title. J Abbrev. 2014;1(2):3-4.``).
Anything else keeps its full text and whatever identifiers can be found in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_PMID = re.compile(r"\bPMID:?\s*(\d{4,9})\b", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://[^\s<>\"]+", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_QUOTED = re.compile(r"[“\"](.+?)[”\"]")
_VANCOUVER_AUTHOR = re.compile(r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)* [A-Z]{1,3}$")


@dataclass(frozen=True, slots=True)
class ParsedReference:
    authors: tuple[str, ...] = ()
    title: str | None = None
    container: str | None = None
    year: int | None = None
    doi: str | None = None
    url: str | None = None
    pmid: str | None = None


def _strip(text: str) -> str:
    return text.strip().strip(".,;: ").strip()


#: What the sentence split looks at: brackets, and a full stop that ends the text or is
#: followed by a space.
_SENTENCE_MARKS = re.compile(r"[\[\]]|\.(?= |\Z)")


def _split_sentences(text: str) -> list[str]:
    # Split on ". " but not inside square brackets (publisher notes hold full stops).
    parts: list[str] = []
    depth = 0
    start = 0
    for mark in _SENTENCE_MARKS.finditer(text):
        if mark.group() == "[":
            depth += 1
        elif mark.group() == "]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : mark.start()])
            start = mark.end() + 1  # the space after the full stop goes too
    if text[start:].strip():
        parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def parse_reference(text: str) -> ParsedReference:
    """Best-effort structure of one reference's text; never raises."""
    text = " ".join(text.split())
    doi_m = _DOI.search(text)
    doi = doi_m.group(1).rstrip(".,;)") if doi_m else None
    pmid_m = _PMID.search(text)
    url_m = _URL.search(text)
    url = url_m.group(0).rstrip(".,;)") if url_m else None
    # A year inside a bracketed publisher's note ("[published correction appears in
    # ... 2015 ...]") is not the reference's own year.
    year_m = _YEAR.search(re.sub(r"\[[^\]]*\]", " ", text)) or _YEAR.search(text)
    year = int(year_m.group(1)) if year_m else None

    quoted = _QUOTED.search(text)
    if quoted:
        before = _strip(text[: quoted.start()])
        after = text[quoted.end() :].strip()
        container_m = re.match(r"([^,.;]+)", after)
        return ParsedReference(
            authors=(before,) if before else (),
            title=_strip(quoted.group(1)) or None,
            container=_strip(container_m.group(1)) if container_m else None,
            year=year,
            doi=doi,
            url=url,
            pmid=pmid_m.group(1) if pmid_m else None,
        )

    parts = _split_sentences(text)
    authors: tuple[str, ...] = ()
    title: str | None = None
    container: str | None = None
    if parts:
        names = [n.strip() for n in parts[0].split(",")]
        names = [n for n in names if n and n.lower() not in {"et al", "et al."}]
        if names and all(_VANCOUVER_AUTHOR.match(n) for n in names):
            authors = tuple(names)
            rest = parts[1:]
        else:
            rest = parts
        if rest:
            title = _strip(rest[0]) or None
        if len(rest) > 1:
            container = _strip(re.split(r"[;(]|\b(?:19|20)\d\d\b", rest[1])[0]) or None
    return ParsedReference(
        authors=authors,
        title=title,
        container=container,
        year=year,
        doi=doi,
        url=url,
        pmid=pmid_m.group(1) if pmid_m else None,
    )
