"""Claim-to-reference linking: what links, what is flagged, and what must never link."""

from __future__ import annotations

import pytest

from reader.core.claims import (
    LinkReport,
    SourceReference,
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


# --- sources the linker must not confuse ------------------------------------------------------


def refs(*texts: str) -> tuple[SourceReference, ...]:
    return source_references([(f"r{n}", t) for n, t in enumerate(texts, start=1)])


CDC = "Centers for Disease Control and Prevention (CDC). Travelers' health. CDC website. 2024."
NICE = (
    "National Institute for Health and Care Excellence (NICE). Hypertension in adults: "
    "diagnosis and management. NICE guideline NG136. London: NICE; 2019."
)
NIDDK = (
    "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK). Preventing "
    "chronic kidney disease. NIDDK website. 2016."
)
PHE = "Public Health England. Models of delivery for stop smoking services. London: PHE; 2017."
LANCET = "Murray CJ, Ikuta KS. Global burden of antimicrobial resistance. Lancet. 2022;399:629-55."
LANCET_ID = "Gastmeier P, Hansen S. Hospital outbreaks. Lancet Infect Dis. 2005;5(8):494-501."


@pytest.mark.parametrize(
    ("sentence", "reference", "named"),
    [
        # Another country's agency with a similar name.
        (
            "The European Centre for Disease Prevention and Control warns that measles "
            "outbreaks continue.",
            CDC,
            "European Centre for Disease Prevention and Control",
        ),
        (
            "Public Health Scotland says that vaping helps adults quit.",
            PHE,
            "Public Health Scotland",
        ),
        # Names that share generic words with the listed one.
        (
            "Research from the National Institutes of Health found that a diet rich in fruit "
            "lowered blood pressure.",
            NICE,
            "National Institutes of Health",
        ),
        (
            "The National Kidney Foundation recommends both tests.",
            NIDDK,
            "National Kidney Foundation",
        ),
        # Organisations put forward as sources without a word like "researchers at".
        (
            "Health Canada recommends that adults do not exceed 100 micrograms.",
            PHE,
            "Health Canada",
        ),
        ("Harvard's researchers have reported similar findings in students.", PHE, "Harvard"),
    ],
)
def test_a_source_like_a_listed_one_is_flagged_never_linked(
    sentence: str, reference: str, named: str
) -> None:
    report = link_claims([sentence], refs(reference))
    assert report.links == ()
    assert [(f.kind, f.names) for f in report.flags] == [("absent", named)]


def test_one_journal_of_a_family_is_not_another() -> None:
    both = refs(LANCET, LANCET_ID)
    report = link_claims(
        [
            "A study published in The Lancet estimated a million deaths from resistance.",
            "An analysis in The Lancet Infectious Diseases found outbreaks in hospitals.",
        ],
        both,
    )
    assert [(link.paragraph, link.reference_key) for link in report.links] == [(0, "r1"), (1, "r2")]
    assert report.flags == ()
    # With only the family member listed, "The Lancet" is another journal: flagged.
    only = link_claims(["A study published in The Lancet found fewer infections."], refs(LANCET_ID))
    assert only.links == ()
    assert [(f.kind, f.names, f.closest_key) for f in only.flags] == [("absent", "Lancet", "r1")]
    jama = refs(
        "Soriano VX, Peters RL. Peanut allergy in Australia. JAMA. 2022;328(1):48-56.",
        "Gupta RS, Bilaver LA. Peanut guidelines awareness. JAMA Pediatr. 2020;174(9):e202224.",
    )
    report = link_claims(["A study published in JAMA found that peanut allergy fell."], jama)
    assert [link.reference_key for link in report.links] == ["r1"] and report.flags == ()


def test_two_references_of_one_source_are_flagged_ambiguous_with_both() -> None:
    who = refs(
        "World Health Organization (WHO). WHO guidelines on physical activity and sedentary "
        "behaviour. Geneva: WHO; 2020.",
        "World Health Organization (WHO). Physical activity: fact sheet. WHO website; 2022.",
    )
    report = link_claims(
        [
            "The WHO says that adults should replace sitting time with activity.",
            "In its 2020 guidelines, the WHO also recommends muscle-strengthening activities.",
            "According to the WHO fact sheet on physical activity, a quarter of adults are "
            "not active enough.",
        ],
        who,
    )
    (flag,) = report.flags
    assert (flag.paragraph, flag.kind, flag.candidates) == (0, "ambiguous", ("r1", "r2"))
    assert [(link.paragraph, link.reference_key) for link in report.links] == [(1, "r1"), (2, "r2")]
    smith = refs(
        "Smith JA, Patel R. Maternal caffeine intake and birth weight. BMJ Open. 2018;8:e1.",
        "Smith JA, Chen L. Caffeine in pregnancy and child height. JAMA Netw Open. 2021;4:e2.",
    )
    report = link_claims(["Smith and colleagues found smaller babies at birth."], smith)
    assert report.links == () and report.flags[0].candidates == ("r1", "r2")


def test_a_cochrane_review_and_an_acronym_defined_in_the_text_link() -> None:
    report = link_claims(
        [
            "A Cochrane review found that people advised to stay active recovered faster than "
            "those told to rest in bed.",
            "The Global Initiative for Asthma (GINA) recommends avoiding smoke.",
            "GINA also advises a reliever with the preventer.",
        ],
        refs(
            "Dahm KT, Hagen KB. Advice to rest in bed versus advice to stay active for acute "
            "low-back pain. Cochrane Database Syst Rev. 2010;(6):CD007612.",
            "Hayden JA, Ellis J. Exercise therapy for chronic low back pain. Cochrane Database "
            "Syst Rev. 2021;9(9):CD009790.",
            "Global Initiative for Asthma. Global strategy for asthma management. 2023.",
        ),
    )
    assert [(link.paragraph, link.reference_key) for link in report.links] == [
        (0, "r1"),
        (1, "r3"),
        (2, "r3"),
    ]
    assert report.flags == ()


def test_a_guideline_named_by_its_title_and_accented_surnames_link() -> None:
    report = link_claims(
        [
            "The Dietary Guidelines for Americans recommend two and a half cups of vegetables.",
            "Peña and colleagues found that music before surgery lowered anxiety.",
            "In a trial by Muller et al., music therapy helped adults with depression.",
            "The NHS advises a vitamin D supplement in winter.",
        ],
        refs(
            "U.S. Department of Agriculture. Dietary Guidelines for Americans, 2020-2025. "
            "9th edition. December 2020.",
            "Peña, M., Ortega, J., & Ruiz, C. (2015). Preoperative music listening and anxiety. "
            "Journal of Perioperative Practice, 25(4), 62–68.",
            "Müller, K., & Jensen, L. (2019). Music therapy for adult depression. Nordic Journal "
            "of Music Therapy, 28(3), 201–219.",
            "NHS. Vitamin D. nhs.uk. Reviewed 2020.",
        ),
    )
    assert [link.reference_key for link in report.links] == ["r1", "r2", "r3", "r4"]
    assert report.flags == ()


def test_sentences_that_name_no_source_are_neither_linked_nor_flagged() -> None:
    report = link_claims(
        [
            "Studies show that screen time before bed harms sleep.",
            "Experts say that vitamin C helps the body absorb iron.",
            "A 2021 report found that many young women eat less iron than they need.",
            "Bedtime media use and sleep outcomes in children have been studied for years.",
        ],
        refs(
            "Carter B, Rees P. Portable screen-based media device use and sleep outcomes in "
            "children. JAMA Pediatr. 2016;170(12):1202-1208.",
            "Pasricha SR. Iron deficiency in young women. Lancet. 2021;397:233-248.",
        ),
    )
    assert report.links == () and report.flags == ()


def test_a_named_review_and_less_common_citing_verbs() -> None:
    report = link_claims(
        [
            "A Cochrane review found no good evidence that blue-light lenses help.",
            "The WHO adds that a lower limit would bring further benefits.",
            "The Lancet Commission on dementia listed hearing loss as a risk factor.",
            "The 2019 Canadian guideline by Mottola et al. gives the same advice.",
        ],
        refs(
            "Singh S, Downie LE. Interventions for computer vision syndrome: a systematic "
            "review. Ophthalmology. 2022;129(10):1192-1215.",
            "World Health Organization (WHO). Guideline: sugars intake. Geneva: WHO; 2015.",
            "Livingston G, Huntley J. Dementia prevention, intervention, and care: 2020 report "
            "of the Lancet Commission. Lancet. 2020;396:413-446.",
            "Mottola MF, Davenport MH. 2019 Canadian guideline for physical activity throughout "
            "pregnancy. Br J Sports Med. 2018;52(21):1339-1346.",
        ),
    )
    assert [(link.paragraph, link.reference_key) for link in report.links] == [
        (1, "r2"),
        (2, "r3"),
        (3, "r4"),
    ]
    assert [(f.paragraph, f.kind, f.names) for f in report.flags] == [(0, "absent", "Cochrane")]
