"""The whole PLOS starter corpus imports, and every citation and reference survives.

The corpus is fetched at set-up (``scripts/fetch_plos.py``, run by the bootstrap) into
``.cache/allofplos/starter_corpus``. The expected numbers are computed here from the
XML with the standard library, independently of the importer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.core.article import parse_article
from reader.core.importers.jats import Conversion, convert_jats, decide_licence
from reader.core.model import Article

CORPUS = Path(__file__).resolve().parents[2] / ".cache" / "allofplos" / "starter_corpus"
FILES = sorted(CORPUS.glob("journal.*.xml")) if CORPUS.is_dir() else []

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not FILES,
        reason=f"the PLOS starter corpus is not in {CORPUS}: run scripts/bootstrap.sh "
        "(it fetches the pinned allofplos wheel)",
    ),
]

_DASHES = ("–", "-")
_FOOTNOTE_REF = re.compile(r"(?<!\\)\[\^[^\]\s]+\]")
_DEFINITION = re.compile(r"^\[\^[^\]\s]+\]: ", re.MULTILINE)


def expected_citations(root: ET.Element) -> int:
    """In-text citations, counting each id a citation names and each reference inside a
    range written as two citations joined by an en dash or hyphen."""
    order = {ref.get("id"): i for i, ref in enumerate(root.iter("ref"))}
    total = 0
    for parent in root.iter():
        children = list(parent)
        for i, xref in enumerate(children):
            if xref.tag != "xref" or xref.get("ref-type") != "bibr":
                continue
            ids = (xref.get("rid") or "").split()
            total += sum(1 for rid in ids if rid in order)
            following = children[i + 1] if i + 1 < len(children) else None
            if (
                following is None
                or following.tag != "xref"
                or following.get("ref-type") != "bibr"
                or (xref.tail or "").strip() not in _DASHES
            ):
                continue
            after = (following.get("rid") or "").split()
            if len(ids) == 1 and len(after) == 1 and ids[0] in order and after[0] in order:
                total += max(0, order[after[0]] - order[ids[0]] - 1)
    return total


def reference_marks(root: ET.Element) -> list[str]:
    """A word each reference's text must contain: its first author's surname, else the
    first word of its title or of its text."""
    marks: list[str] = []
    for ref in root.iter("ref"):
        surname = next((s for s in ref.iter("surname") if (s.text or "").strip()), None)
        if surname is not None:
            marks.append(" ".join((surname.text or "").split()))
            continue
        title = next((t for t in ref.iter("article-title")), None) or ref.find(".//source")
        holder = title if title is not None else ref
        words = "".join(holder.itertext()).split()
        if holder is ref and words and ref.find("label") is not None:
            words = words[1:]  # the label
        marks.append(words[0] if words else "")
    return marks


@dataclass(frozen=True)
class Imported:
    path: Path
    root: ET.Element
    conversion: Conversion
    article: Article


@pytest.fixture(scope="module")
def corpus() -> list[Imported]:
    out: list[Imported] = []
    for path in FILES:
        data = path.read_bytes()
        root = ET.fromstring(data)  # noqa: S314 - the pinned corpus; the importer is hardened
        conversion = convert_jats(data, "Research (PLOS)", path)
        out.append(Imported(path, root, conversion, parse_article(conversion.markdown, path)))
    return out


def test_the_redistributable_articles_are_exactly_those_with_open_licences(
    corpus: list[Imported],
) -> None:
    assert len(corpus) == 122
    accepted = [i for i in corpus if decide_licence(i.conversion.licence, True).accepted]
    refused = [i.path.name for i in corpus if i not in accepted]
    assert len(accepted) == 121
    assert refused == ["journal.pmed.1001080.xml"]  # WHO copyright: refused by its licence


def test_every_citation_becomes_a_footnote_reference(corpus: list[Imported]) -> None:
    wrong = []
    total = 0
    for item in corpus:
        body = _DEFINITION.split(item.conversion.markdown.split("\n---\n", 1)[1], maxsplit=1)[0]
        found = len(_FOOTNOTE_REF.findall(body))
        expected = expected_citations(item.root)
        total += expected
        if found != expected or item.conversion.dangling:
            wrong.append((item.path.name, expected, found, item.conversion.dangling[:2]))
    assert wrong == []
    assert total > 13_000


def test_every_reference_is_in_the_markdown_in_order(corpus: list[Imported]) -> None:
    wrong = []
    for item in corpus:
        marks = reference_marks(item.root)
        texts = [" ".join(r.text.split()) for r in item.article.references]
        if len(texts) != len(marks):
            wrong.append((item.path.name, "count", len(marks), len(texts)))
            continue
        missing = [
            (n + 1, m) for n, (m, t) in enumerate(zip(marks, texts, strict=True)) if m not in t
        ]
        if missing:
            wrong.append((item.path.name, "missing", missing[:3]))
    assert wrong == []
    assert sum(len(i.article.references) for i in corpus) == 7277


def test_the_markdown_parses_back_to_what_the_importer_reported(corpus: list[Imported]) -> None:
    wrong = []
    for item in corpus:
        conv, parsed = item.conversion, item.article
        reported = (conv.sections, conv.references, conv.citations)
        found = (len(parsed.sections), len(parsed.references), len(parsed.citations))
        errors = [str(w) for w in parsed.warnings if w.severity == "error"]
        if reported != found or errors:
            wrong.append((item.path.name, reported, found, errors[:2]))
    assert wrong == []


def test_attribution_is_in_every_article(corpus: list[Imported]) -> None:
    for item in corpus:
        meta = item.article.meta
        assert meta.title and meta.journal and meta.doi and meta.licence_text, item.path.name
        assert meta.published and meta.published[:4].isdigit(), item.path.name
        assert meta.source == f"https://doi.org/{meta.doi}"
        contribs = [
            c
            for c in item.root.findall("front/article-meta/contrib-group/contrib")
            if c.get("contrib-type") == "author"
        ]
        assert len(meta.authors) == len(contribs), item.path.name
