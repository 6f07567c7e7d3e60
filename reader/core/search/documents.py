"""The documents an article contributes to the index: one per section."""

from __future__ import annotations

import re
from typing import Any

from reader.core.model import (
    Article,
)
from reader.core.search.analysis import LANGUAGES, PART_BREAK, tagged
from reader.core.text import fold
from reader.core.vocabulary import (
    abbreviations_in,
    defined_abbreviations,
)

#: Notices an importer puts where a figure, file or table image is left out: not text to
#: search for.
_OMITTED_NOTICE = re.compile(
    r"\s*(?:The (?:figure image|supplementary file|media file) is not included in this copy\."
    r"|The table is an image in the original and is not included\.)"
)


def section_documents(article: Article) -> list[dict[str, Any]]:
    """The documents one article contributes: one per section.

    What is not the article's text is not searched: the reference list, the notices that
    stand in for images left out, and an agency's name as author (it would match every
    topic the agency wrote; the names of a journal article's authors are searched)."""
    meta = article.meta
    code = LANGUAGES.key(meta.language)
    byline = meta.journal is not None or meta.doi is not None
    extra = " ".join((*meta.authors, meta.journal or "")) if byline else ""
    also_called = dict(meta.extra).get("also_called", "")
    defined = defined_abbreviations(
        "\n".join(s.text for s in article.sections), also_called.split(";")
    )
    base = {
        "article": meta.id,
        "language": code,
        "collection": fold(meta.collection),
        "collection_name": meta.collection,
        "title": tagged(code, meta.title),
    }

    def content(heading: str, text: str) -> str:
        parts = (meta.title, heading, text.replace(PART_BREAK, " "), extra)
        return tagged(code, PART_BREAK.join(parts))

    docs: list[dict[str, Any]] = []
    for section in article.sections:
        text = _OMITTED_NOTICE.sub("", section.text)
        if not text.strip() and not section.heading:
            continue
        abbrevs = abbreviations_in(f"{meta.title}\n{section.heading}\n{text}", defined)
        docs.append(
            {
                **base,
                "key": f"{meta.id}#{section.anchor}",
                "anchor": section.anchor,
                "heading": tagged(code, section.heading),
                "body": text,
                "content": content(section.heading, text),
                "abbrev": " ".join(abbrevs),
            }
        )
    if not docs:
        docs.append(
            {
                **base,
                "key": f"{meta.id}#lead",
                "anchor": "lead",
                "heading": "",
                "body": "",
                "content": content("", ""),
                "abbrev": "",
            }
        )
    return docs
