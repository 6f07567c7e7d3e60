"""Lay words find lay articles, and synonym expansion makes no false hits: a real on-disk
index of a small library written for these tests (tests/fixtures/lay_library)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.model import SearchResults
from reader.core.search import SearchIndex
from reader.core.vocabulary import Analysis, Synonyms, defined_abbreviations, is_abbreviation

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lay_library"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    tmp = tmp_path_factory.mktemp("lay")
    root = tmp / "library"
    shutil.copytree(FIXTURE, root)
    ix = SearchIndex.open(Library.scan(root), tmp / "index")
    ix.update()
    yield ix
    ix.close()


def found(results: SearchResults) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for hit in results.hits:
        out.setdefault(hit.article_id, set()).add(hit.section_anchor)
    return out


def test_an_expansion_to_an_abbreviation_matches_only_where_it_is_defined(
    index: SearchIndex,
) -> None:
    hits = found(index.search("heart attack"))
    assert "mequon-cohort" not in hits  # "Mequon, MI" is a place, not a heart attack
    # the section that says only "MI" is found, because the article defines MI
    assert "returning-to-work" in hits.get("after-an-mi", set())
    assert next(iter(hits)) == "heart-attack"


def test_the_abbreviation_typed_by_a_person_still_matches_as_typed(index: SearchIndex) -> None:
    assert "after-an-mi" in found(index.search("mi"))


def test_reference_lists_image_notices_and_agency_names_are_not_searched(
    index: SearchIndex,
) -> None:
    assert not index.search("Zanzibar").hits  # only in the reference list
    notice = index.search('"figure image is not included"')
    assert "mequon-cohort" not in found(notice)
    # the author of the heart attack topic is an institute "of Diabetes": not its text
    assert "heart-attack" not in found(index.search("diabetes"))
    # a journal article's authors are searched
    assert "after-an-mi" in found(index.search("Hopper"))


def test_a_collections_synonyms_lead_one_way(index: SearchIndex) -> None:
    assert "acne" in found(index.search("zits"))
    assert "pimple-slang" not in found(index.search("acne"))


def test_capitals_mark_abbreviations_in_the_synonym_data() -> None:
    assert is_abbreviation("MI") and is_abbreviation("SSRIs") and is_abbreviation("HIV")
    assert not is_abbreviation("mi") and not is_abbreviation("Acne") and not is_abbreviation("B12")
    text = "A myocardial infarction (MI) or a transient ischemic attack (TIAs)."
    assert defined_abbreviations(text) == {"mi", "tia"}
    assert defined_abbreviations("Mequon, MI") == frozenset()


def test_the_bundled_abbreviations_are_written_in_capitals() -> None:
    """Short acronyms in reader/data/synonyms.tsv that are also words or other things
    (hearing aids, Michigan, base pairs) must be capitals, or they make false hits."""
    synonyms = Synonyms.for_library(None, Analysis(None))
    for word in ("mi", "aids", "bp", "tb", "pe", "hiv", "std", "uti", "copd", "ra"):
        assert synonyms.abbreviation((word,)) == word, word
