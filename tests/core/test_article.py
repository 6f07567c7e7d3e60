"""The library Markdown format: what a file means once parsed, and what a bad file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import decode_article_bytes, parse_article, read_article, safe_link
from reader.core.errors import ArticleError, ReaderError
from reader.core.model import BlockKind, RunKind

GOOD = """\
---
id: iron-in-pregnancy
title: Iron in pregnancy
collection: Women's health
authors: [Ada Lovelace, "Grace Hopper"]
published: 2021-02-17
licence: CC-BY-4.0
language: en
disclaimer: Not medical advice.
---

Iron matters in pregnancy. Most women need more of it.[^who]

## Why iron matters

A review by the World Health Organization found anaemia common.[^who] Schmidt and
colleagues linked iron intake to autism risk.[^schmidt] *Emphasis* and **strong** stay.

- first point[^who]
- second point

| Food | Iron (mg) |
|------|-----------|
| Lentils | 6.6 |

### Sources of iron

Meat, fish and beans.

[^who]: World Health Organization (WHO). “Micronutrient deficiencies: Iron deficiency anaemia.” WHO website.
[^schmidt]: Schmidt RJ, Tancredi DJ, Krakowiak P, et al. Maternal intake of supplemental iron and risk of autism spectrum disorder. Am J Epidemiol. 2014;180(9):890-900.
[^unused]: Smith A. Never cited. J Nutr. 2010;1:1-2.
"""


def parse(text: str = GOOD) -> object:
    return parse_article(text, Path("iron.md"))


def test_metadata_is_read_from_front_matter() -> None:
    article = parse_article(GOOD, Path("iron.md"))
    assert article.meta.id == "iron-in-pregnancy"
    assert article.meta.title == "Iron in pregnancy"
    assert article.meta.collection == "Women's health"
    assert article.meta.authors == ("Ada Lovelace", "Grace Hopper")
    assert article.meta.published == "2021-02-17"
    assert article.meta.disclaimer == "Not medical advice."


def test_sections_keep_order_levels_and_stable_anchors() -> None:
    article = parse_article(GOOD, Path("iron.md"))
    assert [(s.heading, s.level, s.anchor) for s in article.headed_sections] == [
        ("Why iron matters", 2, "why-iron-matters"),
        ("Sources of iron", 3, "sources-of-iron"),
    ]
    assert article.sections[0].anchor == "lead"
    kinds = [b.kind for b in article.section("why-iron-matters").blocks]  # type: ignore[union-attr]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.TABLE]


def test_inline_emphasis_survives() -> None:
    article = parse_article(GOOD, Path("iron.md"))
    runs = article.section("why-iron-matters").blocks[0].runs  # type: ignore[union-attr]
    assert any(r.emphasis and r.text == "Emphasis" for r in runs)
    assert any(r.strong and r.text == "strong" for r in runs)


def test_references_are_numbered_in_list_order_with_their_parts() -> None:
    article = parse_article(GOOD, Path("iron.md"))
    assert [(r.key, r.number) for r in article.references] == [
        ("who", 1),
        ("schmidt", 2),
        ("unused", 3),
    ]
    schmidt = article.reference("schmidt")
    assert schmidt is not None
    assert schmidt.authors[0] == "Schmidt RJ"
    assert schmidt.container == "Am J Epidemiol"
    assert schmidt.year == 2014
    who = article.reference("who")
    assert who is not None and who.title == "Micronutrient deficiencies: Iron deficiency anaemia"


def test_citation_carries_its_claim_sentence_and_span() -> None:
    article = parse_article(GOOD, Path("iron.md"))
    section = article.section("why-iron-matters")
    assert section is not None
    cites = [c for c in article.citations if c.section_anchor == "why-iron-matters"]
    first = cites[0]
    block_text = section.blocks[first.block_index].text
    assert first.reference_key == "who"
    assert first.claim == "A review by the World Health Organization found anaemia common."
    assert block_text[first.claim_start : first.claim_end] == first.claim
    second = cites[1]
    assert second.reference_key == "schmidt"
    assert second.claim.startswith("Schmidt and colleagues linked")
    assert [c.ordinal for c in article.citations] == list(range(len(article.citations)))


def test_citation_markers_are_runs_not_text() -> None:
    article = parse_article(GOOD, Path("iron.md"))
    lead = article.sections[0].blocks[0]
    assert "[^" not in lead.text
    assert [r.target for r in lead.runs if r.kind is RunKind.CITE] == ["who"]


def test_uncited_reference_is_a_warning_not_an_error() -> None:
    article = parse_article(GOOD, Path("iron.md"))
    assert [r.key for r in article.uncited_references] == ["unused"]
    warnings = [w for w in article.warnings if "never cited" in w.message]
    assert warnings and warnings[0].severity == "warning" and warnings[0].line is not None


def test_citation_without_definition_is_reported_with_line() -> None:
    text = GOOD.replace("Meat, fish and beans.", "Meat, fish and beans.[^ghost]")
    article = parse_article(text, Path("iron.md"))
    errors = [w for w in article.warnings if w.severity == "error"]
    assert len(errors) == 1
    assert "[^ghost]" in errors[0].message
    assert errors[0].line == text.split("\n").index("Meat, fish and beans.[^ghost]") + 1


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
        ("---\nid: x\n---\ncaf\xe9".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_bytes_are_refused_by_name(data: bytes, fragment: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert fragment in str(info.value)
    assert "bad.md" in str(info.value)


def test_non_utf8_error_names_the_line() -> None:
    data = b"---\nid: a\ntitle: t\ncollection: c\n---\n\nline six\ncaf\xe9\n"
    with pytest.raises(ArticleError) as info:
        decode_article_bytes(data, Path("x.md"))
    assert info.value.line == 8


@pytest.mark.parametrize(
    ("front", "fragment", "line"),
    [
        ("id: a\ntitle: [unclosed\ncollection: c\n", "broken front matter", 3),
        ("- just\n- a list\n", "mapping", 2),
        ("id: a\ncollection: c\n", "title", 2),
        ("id: ../../etc\ntitle: t\ncollection: c\n", "id", 2),
    ],
)
def test_bad_front_matter_is_reported_with_line(front: str, fragment: str, line: int) -> None:
    with pytest.raises(ArticleError) as info:
        parse_article(f"---\n{front}---\n\nBody.\n", Path("f.md"))
    assert fragment in str(info.value)
    assert info.value.line == line


def test_missing_front_matter_is_an_error() -> None:
    with pytest.raises(ReaderError, match="front matter"):
        parse_article("# Just a heading\n", Path("plain.md"))


def test_raw_html_stays_text() -> None:
    text = GOOD.replace("Meat, fish and beans.", "<script>alert('x')</script> <b>bold</b>")
    article = parse_article(text, Path("iron.md"))
    block = article.section("sources-of-iron").blocks[0]  # type: ignore[union-attr]
    assert "<script>alert('x')</script>" in block.text  # shown as text, not markup


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("#why-iron-matters", "#why-iron-matters"),
        ("https://doi.org/10.1/x", "https://doi.org/10.1/x"),
        ("images/chart.png", "images/chart.png"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("file:///etc/passwd", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("../../etc/passwd", None),
        ("images/../../secret", None),
        ("/etc/passwd", None),
        ("C:\\Windows\\x", None),
    ],
)
def test_links_only_resolve_inside_the_library(href: str, kept: str | None) -> None:
    assert safe_link(href) == kept


def test_hostile_link_targets_are_dropped_from_runs() -> None:
    text = GOOD.replace(
        "Meat, fish and beans.", "[escape](../../../etc/passwd) and [web](https://example.org)"
    )
    article = parse_article(text, Path("iron.md"))
    runs = article.section("sources-of-iron").blocks[0].runs  # type: ignore[union-attr]
    assert [r.link for r in runs if r.link] == ["https://example.org"]
    assert "escape" in "".join(r.text for r in runs)


def test_duplicate_headings_get_distinct_anchors() -> None:
    text = GOOD.replace("### Sources of iron", "## Why iron matters")
    article = parse_article(text, Path("iron.md"))
    anchors = [s.anchor for s in article.headed_sections]
    assert anchors == ["why-iron-matters", "why-iron-matters-2"]


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ArticleError, match="refused"):
        read_article(path)


def test_flagged_claims_are_located_in_the_text() -> None:
    text = GOOD.replace(
        "language: en\n",
        "language: en\nflagged_claims:\n"
        "  - section: sources-of-iron\n"
        "    claim: Meat, fish and beans.\n"
        "    names: Journal of Food\n"
        "    closest: schmidt\n"
        "    reason: the closest reference is from Am J Epidemiol\n",
    )
    article = parse_article(text, Path("iron.md"))
    (flag,) = article.flagged
    assert flag.named_source == "Journal of Food"
    assert flag.closest_key == "schmidt"
    assert (flag.block_index, flag.claim_start, flag.claim_end) == (0, 0, 21)
