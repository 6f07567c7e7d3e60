"""The seed importer held to articles whose right answers were written before importing them.

``tests/fixtures/seed_layout/*.expected.json`` (format in the folder's README) say where
each heading goes and which sentence cites which reference; these tests import every
article and compare. ``benchmarks/seed_corpus.py`` prints the same figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importers import SourceFileError
from reader.core.importers.seed import convert_seed, import_seed, read_placement_overrides
from reader.core.importers.seed_expect import (
    CorpusScore,
    expectation_files,
    read_expectations,
    score_article,
    score_corpus,
)

ROOT = Path(__file__).resolve().parents[2]
LAYOUT = ROOT / "tests" / "fixtures" / "seed_layout"


@pytest.fixture(scope="module")
def corpus() -> CorpusScore:
    files = expectation_files([LAYOUT])
    assert len(files) >= 30
    return score_corpus(files)


def test_no_false_link_anywhere_in_the_corpus(corpus: CorpusScore) -> None:
    false = [p for a in corpus.articles for p in a.problems if p.startswith("FALSE LINK")]
    assert false == [], corpus.summary_lines()
    assert corpus.link_precision == 1.0
    assert corpus.link_recall >= 0.95, corpus.summary_lines()


def test_every_named_but_absent_or_ambiguous_source_is_flagged(corpus: CorpusScore) -> None:
    missed = [p for a in corpus.articles for p in a.problems if p.startswith("missed ")]
    assert [p for p in missed if "flag" in p] == [], corpus.summary_lines()
    assert corpus.flag_recall == 1.0
    assert corpus.flag_accuracy >= 0.9, corpus.summary_lines()


def test_headings_go_before_the_paragraphs_they_head(corpus: CorpusScore) -> None:
    # A floor, not a target: the figure is printed by benchmarks/seed_corpus.py.
    assert corpus.heading_accuracy >= 0.84, corpus.summary_lines()


def article(name: str, overrides: dict[str, str] | None = None) -> list[tuple[str, str]]:
    converted = convert_seed((LAYOUT / f"{name}.txt").read_text("utf-8"), overrides=overrides)
    return [(s.heading, s.paragraphs[0][:40] if s.paragraphs else "") for s in converted.sections]


def test_a_first_heading_on_the_very_first_paragraph() -> None:
    sections = article("flu_vaccine")
    assert sections[0] == ("What the Flu Vaccine Does", "The flu vaccine teaches the immune syste")


def test_neighbours_on_one_subject_keep_the_heading_on_the_first() -> None:
    # "The CDC also advises ..." continues the paragraph before it.
    assert ("Who Should Get Vaccinated", "The Centers for Disease Control and Prev") in article(
        "flu_vaccine"
    )
    sections = article("similar_symptoms")
    assert sections[0] == ("Symptoms in Children", "In children, asthma often shows up as a ")
    assert sections[1] == ("Symptoms in Adults", "In adults, asthma symptoms are often tri")


def test_one_paragraph_sections() -> None:
    assert [h for h, _ in article("one_para_sections")] == [
        "What Head Lice Are",
        "How They Spread",
        "Checking for Lice",
        "Treatment",
        "Preventing Reinfection",
    ]
    score = score_article(
        "one_para_sections",
        convert_seed((LAYOUT / "one_para_sections.txt").read_text("utf-8")),
        read_expectations(LAYOUT / "one_para_sections.expected.json"),
    )
    assert score.problems == []


def test_a_bare_short_heading_line_anchors_the_listed_one() -> None:
    sections = article("bare_headings")
    # "Staying Well" in the body is where "Preventing a Relapse" starts: one heading.
    assert ("Preventing a Relapse", "Depression can come back. Keeping up tre") in sections
    assert not any(h == "Staying Well" for h, _ in sections)
    assert ("Treatment Options for Adults", "Talking therapies and antidepressant med") in sections


def test_weak_evidence_is_reported_with_alternatives_and_an_override_is_respected(
    tmp_path: Path,
) -> None:
    text = (LAYOUT / "never_names.txt").read_text("utf-8")
    converted = convert_seed(text)
    doubt = {u.heading: u for u in converted.uncertain}
    assert doubt, "some placement in this article is a close call"
    heading, u = next(iter(doubt.items()))
    assert u.alternatives and u.placed_before not in u.alternatives
    assert "uncertain_headings:" in converted.markdown
    # Staff confirm the alternative in a headings file beside the source.
    source = tmp_path / "never_names.txt"
    source.write_text(text, "utf-8")
    (tmp_path / "never_names.headings").write_text(
        f"# confirmed by staff\n{heading} | {u.alternatives[0]}\n", "utf-8"
    )
    result = import_seed(source, tmp_path / "library")
    moved = {s.heading: s for s in result.converted.sections}[heading]
    assert moved.paragraphs[0].startswith(u.alternatives[0])
    assert heading not in {x.heading for x in result.converted.uncertain}


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("Why Fibre Matters\n", "expected 'Heading | first words", 1),
        ("# note\nNo Such Heading | Fibre is the part\n", "not listed", None),
        ("Why Fibre Matters | Nothing starts like this\n", "no paragraph starts with", None),
    ],
)
def test_a_bad_headings_file_is_refused_with_its_line(
    tmp_path: Path, content: str, message: str, line: int | None
) -> None:
    source = tmp_path / "never_names.txt"
    source.write_text((LAYOUT / "never_names.txt").read_text("utf-8"), "utf-8")
    (tmp_path / "never_names.headings").write_text(content, "utf-8")
    with pytest.raises(SourceFileError, match=message) as info:
        import_seed(source, tmp_path / "library")
    assert info.value.line == line
    assert not (tmp_path / "library").exists()
    assert read_placement_overrides is not None


@pytest.mark.parametrize(
    "content",
    ['{"links": []}', '{"links": [], "flags": [{"sentence": "x", "kind": "maybe"}]}', "not json"],
)
def test_a_malformed_expectations_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.expected.json"
    path.write_text(content, "utf-8")
    with pytest.raises(SourceFileError, match=r"x\.expected\.json"):
        read_expectations(path)
