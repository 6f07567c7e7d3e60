"""Claim-to-reference linking: what links, what is flagged, and what must never link."""

from __future__ import annotations

import pytest

from reader.core.claims import (
    LinkReport,
    abbreviation_matches,
    extract_mentions,
    link_claims,
    source_references,
)

CORNELL = (
    "cornell-2021",
    "Cornell University. “Higher levels of vitamin B12 in mother’s milk associated with "
    "better cognitive development in baby.” ScienceDaily, 17 Feb. 2021.",
)
WHO = (
    "who",
    "World Health Organization (WHO). “Micronutrient deficiencies: Iron deficiency anaemia.” "
    "WHO website.",
)
SCHMIDT = (
    "schmidt-2014",
    "Schmidt RJ, Tancredi DJ, Krakowiak P, et al. Maternal intake of supplemental iron and "
    "risk of autism spectrum disorder [published correction appears in Am J Epidemiol. 2015 "
    "Aug 15;182(4):345]. Am J Epidemiol. 2014;180(9):890-900.",
)
CHATZI = (
    "chatzi-2021",
    "Chatzi L, Mendez M, Garcia Rios A, et al. Mediterranean diet adherence during pregnancy "
    "and fetal growth: INMA (Spain) and RHEA (Greece) mother-child cohort studies [published "
    "online ahead of print February 22, 2021]. JAMA Pediatr.",
)
REFS = source_references([CORNELL, WHO, SCHMIDT, CHATZI])


def linked(report: LinkReport) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for link in report.links:
        out.setdefault(link.reference_key, []).append(link.sentence)
    return out


# --- abbreviations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("JAMA Pediatr.", "JAMA Pediatrics"),
        ("Am J Epidemiol", "American Journal of Epidemiology"),
        ("Am. J. Epidemiol.", "The American Journal of Epidemiology"),
        ("N Engl J Med", "New England Journal of Medicine"),
        ("Proc Natl Acad Sci", "Proceedings of the National Academy of Sciences"),
        ("J Adolesc Health", "Journal of Adolescent Health"),
        ("Br J Sports Med", "British Journal of Sports Medicine"),
        ("Pediatrics", "Pediatrics"),
    ],
)
def test_journal_abbreviations_match_their_full_titles(short: str, full: str) -> None:
    assert abbreviation_matches(short, full)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Am J Epidemiol", "Journal of Autism and Developmental Disorders"),
        ("J Adolesc Health", "Journal of Autism and Developmental Disorders"),
        ("JAMA Pediatr", "JAMA Psychiatry"),
        ("J A", "Journal of Autism"),
        ("Am J Epidemiol", "American Journal of Public Health"),
        ("Pediatr", "Pediatrics and Child Health"),
    ],
)
def test_different_journals_do_not_match(short: str, full: str) -> None:
    assert not abbreviation_matches(short, full)


def test_mentions_are_classified_by_words_and_context() -> None:
    kinds = {
        m.text: m.kind
        for m in extract_mentions(
            "A review by the World Health Organization (WHO) and a study published in "
            "JAMA Pediatrics by Smith and colleagues at Cornell University agreed."
        )
    }
    assert kinds == {
        "World Health Organization": "organisation",
        "JAMA Pediatrics": "journal",
        "Smith": "person",
        "Cornell University": "organisation",
    }


# --- the seed's four claims -----------------------------------------------------------------


def test_the_seed_claims_link_to_the_sources_they_name() -> None:
    paragraphs = [
        "A study published earlier this year by researchers at Cornell University found a "
        "strong correlation between higher levels of vitamin B-12 in breast milk and better "
        "cognitive outcomes for infants. The study followed 68 mother-infant pairs.",
        "A review published last year by the World Health Organization (WHO) highlighted the "
        "importance of adequate micronutrient intake during pregnancy.",
        "A study published in the Journal of Autism and Developmental Disorders found that "
        "children with autism spectrum disorder (ASD) had significantly lower levels of "
        "vitamin B-12 compared to typically developing children.",
        "For example, a recent study published in JAMA Pediatrics found that infants born to "
        "mothers who followed a Mediterranean-style diet had better cognitive scores.",
    ]
    report = link_claims(paragraphs, REFS)
    assert sorted(linked(report)) == ["chatzi-2021", "cornell-2021", "who"]
    assert "Cornell University" in linked(report)["cornell-2021"][0]
    assert "(WHO)" in linked(report)["who"][0]
    assert "JAMA Pediatrics" in linked(report)["chatzi-2021"][0]
    # The autism claim names a journal no reference is from: flagged, never linked.
    assert len(report.flags) == 1
    flag = report.flags[0]
    assert flag.names == "Journal of Autism and Developmental Disorders"
    assert flag.closest_key == "schmidt-2014"
    assert "Am J Epidemiol" in flag.reason
    assert "autism" in flag.reason
    assert paragraphs[flag.paragraph][flag.start : flag.end] == flag.sentence
    assert report.unused == ("schmidt-2014",)
    # Spans index the paragraph and cover exactly the claim sentence.
    for link in report.links:
        assert paragraphs[link.paragraph][link.start : link.end] == link.sentence
    assert not any("68 mother-infant" in link.sentence for link in report.links)


# --- precision: never invent a link -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # Sources that are not in the reference list.
        "A study published in The Lancet found that iron supplements reduce anaemia.",
        "Researchers at Harvard University found that vitamin B-12 levels matter.",
        "According to the Mayo Clinic, infants need vitamin B-12.",
        # Generic words that name no particular source.
        "Researchers at the university found higher vitamin B-12 levels in breast milk.",
        "A study by researchers at the University found higher levels of vitamin B-12.",
        "A journal review found that iron matters in pregnancy.",
        # A year alone (2021 is the year of two references).
        "In 2021, a study found that vitamin B-12 in breast milk helps cognitive development.",
        "A 2014 study found that iron intake and autism risk are related.",
        # Title words are topics, not names.
        "A study found that a Mediterranean diet during pregnancy helps fetal growth.",
        # A name without any citing word.
        "Cornell University is in Ithaca, New York.",
    ],
)
def test_sentences_that_do_not_name_a_listed_source_are_never_linked(sentence: str) -> None:
    report = link_claims([sentence], REFS)
    assert report.links == ()
    assert set(report.unused) == {"cornell-2021", "who", "schmidt-2014", "chatzi-2021"}


def test_a_named_source_missing_from_the_references_is_flagged() -> None:
    report = link_claims(
        ["A study published in The Lancet found that iron supplements reduce anaemia."], REFS
    )
    assert [f.names for f in report.flags] == ["Lancet"]
    assert report.flags[0].closest_key is not None
    assert report.flags[0].reason


def test_generic_words_and_years_are_not_flagged_either() -> None:
    report = link_claims(
        ["Researchers at the University found that in 2021 vitamin B-12 mattered."], REFS
    )
    assert report.links == () and report.flags == ()


def test_acronym_alone_and_institution_short_name_link() -> None:
    report = link_claims(
        [
            "The WHO recommends iron supplements in pregnancy.",
            "Researchers at Cornell reported that milk levels of B12 vary.",
        ],
        REFS,
    )
    assert sorted(linked(report)) == ["cornell-2021", "who"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Schmidt and colleagues found that supplemental iron lowered autism risk.",
        "A cohort study by Schmidt et al. found that iron intake was related to autism.",
        "Krakowiak and colleagues found an association with autism.",
    ],
)
def test_author_surnames_link(sentence: str) -> None:
    assert list(linked(link_claims([sentence], REFS))) == ["schmidt-2014"]


def test_an_author_not_in_the_references_is_flagged() -> None:
    report = link_claims(["Smith et al. found that iron lowered autism risk."], REFS)
    assert report.links == ()
    assert [f.names for f in report.flags] == ["Smith"]
    assert report.flags[0].closest_key == "schmidt-2014"


def test_a_full_journal_title_links_to_its_abbreviation() -> None:
    refs = source_references(
        [
            (
                "schmidt-2014",
                "Schmidt RJ, Tancredi DJ. Maternal intake of iron and autism. "
                "Am J Epidemiol. 2014;180(9):890-900.",
            )
        ]
    )
    report = link_claims(
        ["A paper in the American Journal of Epidemiology found a link with iron."], refs
    )
    assert list(linked(report)) == ["schmidt-2014"]


def test_two_references_from_one_journal_are_told_apart_by_topic_or_not_at_all() -> None:
    refs = source_references(
        [
            ("a", "Alpha A, Beta B. Sleep and screens in teenagers. Pediatrics. 2016;1(2):3-4."),
            ("b", "Gamma G, Delta D. Iron and anaemia in toddlers. Pediatrics. 2018;5(6):7-8."),
        ]
    )
    report = link_claims(
        ["A study published in Pediatrics found that screens at night harm teenagers' sleep."],
        refs,
    )
    assert list(linked(report)) == ["a"]
    tie = link_claims(["A study published in Pediatrics found that exercise helps."], refs)
    assert tie.links == ()
    assert len(tie.flags) == 1 and "equally" in tie.flags[0].reason


def test_unused_references_are_reported_in_order() -> None:
    report = link_claims(["Nothing here cites anything."], REFS)
    assert report.unused == ("cornell-2021", "who", "schmidt-2014", "chatzi-2021")
    lines = report.lines(REFS)
    assert lines[0] == "ref 1 [cornell-2021] is cited by no claim"
