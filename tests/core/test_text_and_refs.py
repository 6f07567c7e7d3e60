"""Sentence splitting (claims, read-aloud) and reference recognition."""

from __future__ import annotations

from reader.core.refparse import parse_reference
from reader.core.text import sentence_at, sentence_spans, slugify


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = "Smith et al. found it. Dr. J. Doe agreed, e.g. in 2020. Then it ended!"
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences == [
        "Smith et al. found it.",
        "Dr. J. Doe agreed, e.g. in 2020.",
        "Then it ended!",
    ]


def test_marker_after_full_stop_belongs_to_the_sentence_before() -> None:
    text = "First claim. Second claim."
    assert text[slice(*sentence_at(text, len("First claim.")))] == "First claim."


def test_slug_is_ascii_and_stable() -> None:
    assert slugify("Vitamin B-12 Deficiency & Autism") == "vitamin-b-12-deficiency-autism"
    assert slugify("Œdème fœtal") == "oedeme-foetal"
    assert slugify("!!!") == "section"


def test_vancouver_reference() -> None:
    ref = parse_reference(
        "Schmidt RJ, Tancredi DJ, Krakowiak P, et al. Maternal intake of supplemental iron and "
        "risk of autism spectrum disorder [published correction appears in Am J Epidemiol. "
        "2015 Aug 15;182(4):345]. Am J Epidemiol. 2014;180(9):890-900."
    )
    assert ref.authors == ("Schmidt RJ", "Tancredi DJ", "Krakowiak P")
    assert ref.title is not None and ref.title.startswith("Maternal intake of supplemental iron")
    assert ref.container == "Am J Epidemiol"
    assert ref.year == 2014  # not the 2015 of the bracketed correction note


def test_quoted_title_reference_with_doi_and_url() -> None:
    ref = parse_reference(
        "Cornell University. “Higher levels of vitamin B12 in mother’s milk.” ScienceDaily, "
        "17 Feb. 2021. https://example.org/a doi:10.1000/xyz123."
    )
    assert ref.authors == ("Cornell University",)
    assert ref.title == "Higher levels of vitamin B12 in mother’s milk"
    assert ref.container == "ScienceDaily"
    assert ref.year == 2021
    assert ref.doi == "10.1000/xyz123"
    assert ref.url == "https://example.org/a"


def test_unrecognised_reference_keeps_identifiers() -> None:
    ref = parse_reference("Something odd PMID: 12345678")
    assert ref.pmid == "12345678"
