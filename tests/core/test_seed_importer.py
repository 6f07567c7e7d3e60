"""The seed text layout -> library Markdown: the seed itself, other articles, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli.main import main
from reader.core.article import parse_article, read_article
from reader.core.errors import ImporterError, ReaderError
from reader.core.importers import (
    ArticleExistsError,
    SourceFileError,
    collection_folder,
    collection_name,
    escape_markdown,
)
from reader.core.importers.seed import convert_seed, import_seed, parse_seed, reference_key
from reader.core.model import Article, RunKind

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed_000_d25b21b6034f8d55.txt"
LAYOUT = ROOT / "tests" / "fixtures" / "seed_layout"
COMMITTED = (
    ROOT
    / "library"
    / "womens-health"
    / "exploring-the-connection-between-vitamin-b-12-in-breast-milk.md"
)
SEED_HEADINGS = [
    "The Importance of Vitamin B-12 for Infant Development",
    "New Research Findings",
    "Linking Maternal Nutrition to Infant Development Outcomes",
    "Potential Benefits Beyond Cognition",
    "Vitamin B-12 Deficiency and Autism Spectrum Disorder",
    "Future Advances on this Topic",
]


def body_paragraphs(source: Path) -> list[str]:
    """The seed file's body paragraphs (between the title and the references)."""
    document = parse_seed(source.read_text(encoding="utf-8"))
    return [p.text for i, p in enumerate(document.body) if i not in document.bare_headings]


def article_paragraphs(article: Article) -> list[str]:
    return [b.text for s in article.sections for b in s.blocks]


# --- the seed ------------------------------------------------------------------------------


def test_importing_the_seed_reproduces_the_committed_article_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", "seed", str(SEED), "--library", str(tmp_path)])
    assert code == 0
    written = tmp_path / "womens-health" / COMMITTED.name
    assert written.read_bytes() == COMMITTED.read_bytes()
    out = capsys.readouterr().out
    assert "6 headed section(s), 4 reference(s)" in out
    assert "claim -> ref 1 [cornell-2021]" in out
    assert "FLAGGED" in out and "Journal of Autism and Developmental Disorders" in out
    # The one placement the evidence leaves open is in the import report, with its alternative.
    assert (
        "UNCERTAIN heading 'The Importance of Vitamin B-12 for Infant Development' placed "
        "before “Vitamin B-12 is an essential nutrient that plays…”; it could also head "
        "“Breastfeeding has long been touted as the best…”"
    ) in out


def test_the_seed_article_has_its_six_headings_in_order_and_a_lead() -> None:
    article = read_article(COMMITTED)
    assert [s.heading for s in article.headed_sections] == SEED_HEADINGS
    assert all(s.level == 2 for s in article.headed_sections)
    lead = article.sections[0]
    assert lead.level == 0 and lead.text.startswith("Breastfeeding has long been touted")
    # The bare "Future Advances" line and the listed heading are one heading.
    assert not any(s.heading == "Future Advances" for s in article.sections)
    future = article.section("future-advances-on-this-topic")
    assert future is not None
    assert future.blocks[0].text.startswith("As our understanding of the importance")
    assert (
        article.section("new-research-findings")
        .blocks[0]
        .text.startswith(  # type: ignore[union-attr]
            "A study published earlier this year by researchers at Cornell University"
        )
    )


def test_the_seed_loses_and_duplicates_no_paragraph() -> None:
    article = read_article(COMMITTED)
    assert article_paragraphs(article) == body_paragraphs(SEED)


def test_the_seed_metadata() -> None:
    meta = read_article(COMMITTED).meta
    assert meta.title == (
        "Exploring the Connection Between Vitamin B-12 in Breast Milk and Cognitive "
        "Development in Infants"
    )
    assert meta.collection == "Women's health"
    assert meta.category == "womens health"
    assert meta.authors == ("1WH staff",)
    assert meta.language == "en"
    assert meta.disclaimer is not None
    assert meta.disclaimer.startswith("Note: this site does not provide medical opinions")


def test_the_seed_references_links_and_flag() -> None:
    article = read_article(COMMITTED)
    assert [r.key for r in article.references] == [
        "cornell-2021",
        "who",
        "schmidt-2014",
        "chatzi-2021",
    ]
    assert article.references[2].text.startswith("Schmidt RJ, Tancredi DJ")
    assert "[published correction appears in Am J Epidemiol." in article.references[2].text
    cites = {c.reference_key: c for c in article.citations}
    assert sorted(cites) == ["chatzi-2021", "cornell-2021", "who"]
    assert cites["cornell-2021"].section_anchor == "new-research-findings"
    assert cites["cornell-2021"].claim.endswith("better cognitive outcomes for infants.")
    assert "World Health Organization (WHO)" in cites["who"].claim
    assert "JAMA Pediatrics" in cites["chatzi-2021"].claim
    assert cites["chatzi-2021"].section_anchor == "future-advances-on-this-topic"
    assert [r.key for r in article.uncited_references] == ["schmidt-2014"]

    (flag,) = article.flagged
    assert flag.named_source == "Journal of Autism and Developmental Disorders"
    assert flag.closest_key == "schmidt-2014"
    assert "Am J Epidemiol" in flag.reason
    assert flag.block_index is not None and flag.claim_start is not None
    section = article.section(flag.section_anchor)
    assert section is not None
    text = section.blocks[flag.block_index].text
    assert text[flag.claim_start : flag.claim_end] == flag.claim
    assert flag.claim.startswith("A study published in the Journal of Autism")
    assert not any("flagged claim not found" in w.message for w in article.warnings)


def test_the_marker_follows_the_claim_sentence_in_the_file() -> None:
    text = COMMITTED.read_text(encoding="utf-8")
    assert "better cognitive outcomes for infants.[^cornell-2021] The study followed" in text
    assert text.count("[^cornell-2021]") == 2  # the marker and the definition


# --- other articles in the same layout --------------------------------------------------------

# file -> (collection folder, [(heading, first words of its first paragraph)], links, flags)
EXPECTED: dict[str, tuple[str, list[tuple[str, str]], dict[str, str], list[str]]] = {
    "teen_sleep.txt": (
        "teen-health",
        [
            ("The Teenage Body Clock", "Adolescence brings a shift"),
            ("How Much Sleep Do Teenagers Need?", "Sleep specialists agree"),
            ("Risks of Sleep Deprivation", "Sleep deprivation carries real risks"),
            ("Later School Start Times", "School start times are one lever"),
        ],
        {
            "aap-2014": "The American Academy of Pediatrics (AAP) recommends",
            "owens-2016": "A large study by Owens and colleagues",
            "short-2013": "A review published in the Journal of Adolescent Health",
        },
        ["Lancet"],
    ),
    "senior_hydration.txt": (
        "senior-health",
        [],
        {
            "mayo-2022": "According to the Mayo Clinic",
            "nasem-2005": "The National Academies of Sciences",
        },
        ["Age and Ageing"],
    ),
    "pregnancy_exercise.txt": (
        "pregnancy",
        [
            ("How Much Activity Is Recommended?", "Guidelines from the American College"),
            ("Benefits for Mother and Baby", "Exercise brings benefits"),
            ("Safety First: When to Stop Exercising", "Some warning signs"),
            ("Key Points", "Aim for 150 minutes"),
        ],
        {
            "acog-2020": "Guidelines from the American College of Obstetricians",
            "mottola-2018": "The 2019 Canadian guideline by Mottola et al.",
            "davenport-2018": "Davenport and colleagues pooled",
        },
        # Two references are from that journal and nothing tells them apart.
        ["British Journal of Sports Medicine"],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_other_articles_in_the_layout(name: str, tmp_path: Path) -> None:
    folder, headings, links, flags = EXPECTED[name]
    result = import_seed(LAYOUT / name, tmp_path)
    assert result.path.parent == tmp_path / folder
    article = read_article(result.path)
    got = [(s.heading, s.blocks[0].text) for s in article.headed_sections]
    assert [h for h, _ in got] == [h for h, _ in headings]
    for (_, text), (_, first) in zip(got, headings, strict=True):
        assert text.startswith(first), (text, first)
    assert article_paragraphs(article) == body_paragraphs(LAYOUT / name)
    cited: dict[str, list[str]] = {}
    for c in article.citations:
        cited.setdefault(c.reference_key, []).append(c.claim)
    for key, start in links.items():
        assert any(claim.startswith(start) for claim in cited.get(key, [])), (key, cited)
    assert set(cited) == set(links)
    assert [f.named_source for f in article.flagged] == flags
    for f in article.flagged:
        assert f.block_index is not None, f
    assert not [w for w in article.warnings if w.severity == "error"]


def test_zero_listed_headings_keep_every_paragraph_in_the_lead(tmp_path: Path) -> None:
    article = read_article(import_seed(LAYOUT / "senior_hydration.txt", tmp_path).path)
    assert article.headed_sections == ()
    assert len(article.sections) == 1 and article.sections[0].paragraph_count == 7
    assert article.meta.authors == ("Health desk",)


def test_sentences_naming_no_listed_source_stay_unlinked(tmp_path: Path) -> None:
    article = read_article(import_seed(LAYOUT / "teen_sleep.txt", tmp_path).path)
    claims = " ".join(c.claim for c in article.citations)
    assert "the university" not in claims
    assert "In 2016" not in claims  # a year shared with two references is not a link
    assert "Lancet" not in claims
    assert [r.key for r in article.uncited_references] == ["wheaton-2016"]


def test_layout_without_disclaimer_or_author(tmp_path: Path) -> None:
    article = read_article(import_seed(LAYOUT / "pregnancy_exercise.txt", tmp_path).path)
    assert article.meta.disclaimer is None
    assert article.meta.authors == ()
    assert [r.key for r in article.references] == ["davenport-2018", "acog-2020", "mottola-2018"]
    assert article.references[1].text.startswith("American College of Obstetricians")


def test_collection_option_names_the_folder(tmp_path: Path) -> None:
    result = import_seed(SEED, tmp_path, collection="Maternal health")
    assert result.path.parent.name == "maternal-health"
    assert read_article(result.path).meta.collection == "Maternal health"


def test_collection_names_and_folders() -> None:
    assert collection_name("womens health") == "Women's health"
    assert collection_folder("Women's health") == "womens-health"
    assert collection_folder(collection_name("childrens health")) == "childrens-health"


# --- bad input -------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "empty", 1),
        (b"\n\n   \n", "empty", 1),
        (b"category\n\nTitle\n\nBody \x00\x01\x02 text.\n", "binary", 5),
        (b"category\n\nTitle\n\nCaf\xe9 au lait is good.\n", "not UTF-8", 5),
        (
            b"This is a long paragraph with a full stop. It has no title line at all.\n\n"
            b"Another paragraph.\n",
            "no title",
            1,
        ),
        (b"womens health\n\nA title alone\n", "no body", 3),
    ],
)
def test_bad_input_is_refused_with_file_and_line(
    tmp_path: Path, data: bytes, message: str, line: int
) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(SourceFileError) as info:
        import_seed(path, tmp_path / "library")
    assert isinstance(info.value, ImporterError) and isinstance(info.value, ReaderError)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert info.value.line == line
    assert f"{path}:{line}:" in str(info.value)
    assert not (tmp_path / "library").exists()


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(SourceFileError, match=r"52\.4 MB"):
        import_seed(path, tmp_path / "library")


HOSTILE = """\
womens health

<script>alert('title')</script> Iron Facts

<script>alert(1)</script> Iron matters. Click [here](javascript:alert(1)) or [there](../../etc/passwd).

![tracker](../../secret.png) and <img src=x onerror=alert(2)> and <a href="javascript:x">x</a>.

# Not a heading but text

> not a quote, *not emphasis*, `not code`, ~~not struck~~, &amp; not an entity, [^who] not a cite.

1. World Health Organization (WHO). “Iron.” WHO website.

HTML Headings:

Safety <b>bold</b>
"""


def test_hostile_content_ends_up_as_inert_text(tmp_path: Path) -> None:
    path = write(tmp_path, "hostile.txt", HOSTILE.encode("utf-8"))
    result = import_seed(path, tmp_path / "library")
    markdown = result.path.read_text(encoding="utf-8")
    article = read_article(result.path)
    assert article.title == "<script>alert('title')</script> Iron Facts"
    runs = [r for s in article.sections for b in s.blocks for r in b.runs]
    assert all(r.link is None for r in runs)
    assert all(r.kind is RunKind.TEXT for r in runs)
    assert not article.citations  # "[^who]" in the text is text, not a citation
    texts = article_paragraphs(article)
    assert texts == body_paragraphs(path)
    assert "<script>alert(1)</script> Iron matters." in texts[0]
    assert "[there](../../etc/passwd)" in texts[0]
    assert texts[2] == "# Not a heading but text"
    assert "[^who] not a cite." in texts[3]
    assert [s.heading for s in article.headed_sections] == ["Safety <b>bold</b>"]
    # Nothing in the file can become a link or HTML in another Markdown viewer either.
    body = markdown.split("---\n", 2)[2]
    assert "](" not in body.replace("\\](", "")
    assert not re.search(r"(?<!\\)<", body)


def test_an_existing_article_is_not_overwritten_without_replace(tmp_path: Path) -> None:
    first = import_seed(SEED, tmp_path)
    first.path.write_text(first.path.read_text(encoding="utf-8") + "\nlocal edit\n", "utf-8")
    edited = first.path.read_bytes()
    with pytest.raises(ArticleExistsError, match="--replace"):
        import_seed(SEED, tmp_path)
    assert first.path.read_bytes() == edited
    import_seed(SEED, tmp_path, replace=True)
    assert first.path.read_bytes() == COMMITTED.read_bytes()


def test_the_command_reports_each_failure_and_carries_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "empty.txt", b"")
    library = tmp_path / "library"
    code = main(
        ["import", "seed", str(bad), str(SEED), str(LAYOUT / "teen_sleep.txt"),
         "--library", str(library)]
    )  # fmt: skip
    assert code == 1
    captured = capsys.readouterr()
    assert f"{bad}:1: the file is empty" in captured.err
    assert (library / "womens-health" / COMMITTED.name).exists()
    assert (library / "teen-health").is_dir()
    assert "1 of 3 file(s) failed" in captured.err
    # Again: both articles exist now, so without --replace both fail.
    code = main(["import", "seed", str(SEED), "--library", str(library)])
    assert code == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["import", "seed", str(SEED), "--library", str(library), "--replace"]) == 0


def test_a_failed_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = import_seed(SEED, tmp_path)
    before = result.path.read_bytes()

    def broken_replace(self: Path, target: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        import_seed(SEED, tmp_path, collection="Women's health", replace=True)
    monkeypatch.undo()
    assert result.path.read_bytes() == before
    assert sorted(p.name for p in result.path.parent.iterdir()) == [result.path.name]


# --- pieces --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[link](javascript:alert(1))",
        "<script>x</script>",
        "# heading",
        "1. item",
        "- bullet",
        "> quote",
        "*em* _em_ **strong** `code` ~~s~~",
        "&amp; &lt;",
        "back\\slash \\[",
        "[^note] and ![img](x.png)",
        "a | b | c",
    ],
)
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    md = f"---\nid: x\ntitle: x\ncollection: x\n---\n\n{escape_markdown(text)}\n"
    article = parse_article(md)
    (block,) = article.sections[0].blocks
    assert block.text == text
    assert all(r.link is None and r.kind is RunKind.TEXT for r in block.runs)
    assert not (block.runs[0].emphasis or block.runs[0].strong)


def test_convert_is_deterministic() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert convert_seed(text).markdown == convert_seed(text).markdown


# --- properties ------------------------------------------------------------------------------

_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzé*_[]<>&`#~|\\!()-"), min_size=1, max_size=9
)
_SENTENCE = st.lists(_WORD, min_size=3, max_size=12).map(
    lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + "."
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join)
_HEADING = st.lists(
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=2, max_size=8),
    min_size=1,
    max_size=5,
).map(lambda ws: "Heading " + " ".join(ws))


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=8),
    headings=st.lists(_HEADING, max_size=6, unique=True),
    refs=st.lists(_SENTENCE, max_size=4),
)
def test_every_listed_heading_is_placed_once_in_order_and_no_text_is_lost(
    paragraphs: list[str], headings: list[str], refs: list[str]
) -> None:
    parts = ["general health", "A Title For The Test", *paragraphs]
    parts += [f"{n}. {r}" for n, r in enumerate(refs, start=1)]
    parts += ["HTML Headings:", *headings]
    converted = convert_seed("\n\n".join(parts) + "\n")
    article = parse_article(converted.markdown)
    assert [s.heading for s in article.headed_sections] == headings
    assert article_paragraphs(article) == paragraphs
    assert [r.text for r in article.references] == refs
    assert not [w for w in article.warnings if w.severity == "error"]
    if len(paragraphs) >= len(headings):
        assert all(s.blocks for s in article.headed_sections)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # More listed headings than paragraphs: none is dropped (some sections stay empty).
        (
            ["Para one here.", "Para two here.", "HTML Headings:", "H one", "H two", "H three"],
            ["H one", "H two", "H three"],
        ),
        # The body's bare lines name listed headings in another order: the body wins,
        # and no heading appears twice.
        (
            ["Intro.", "Beta Part", "Para one.", "Alpha Part", "Para two.", "Para three.",
             "HTML Headings:", "Alpha Part", "Beta Part", "Gamma"],
            ["Beta Part", "Alpha Part", "Gamma"],
        ),
        # A bare line that no listed heading matches stays a heading of its own.
        (
            ["Intro.", "Unlisted Bit", "Para one.", "Para two.", "HTML Headings:", "Para Two"],
            ["Unlisted Bit", "Para Two"],
        ),
    ],
)  # fmt: skip
def test_awkward_layouts_lose_and_duplicate_no_heading(
    parts: list[str], expected: list[str]
) -> None:
    text = "\n\n".join(["general health", "A Title", *parts]) + "\n"
    article = parse_article(convert_seed(text).markdown)
    assert sorted(s.heading for s in article.headed_sections) == sorted(expected)
    assert [s.heading for s in article.headed_sections] == expected
    assert article_paragraphs(article) == [p for p in parts if p.endswith(".")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Peña, M., Ortega, J., & Ruiz, C. (2015). Preoperative music listening.", "pena-2015"),
        ("Müller K, Schäfer T. Music therapy for depression. Nord J Music Ther. 2019;28:201.", "muller-2019"),
        ("García-López, A., & Soto, E. (2021). Self-selected music.", "garcia-lopez-2021"),
        (
            "National Institutes of Health (NIH), Eunice Kennedy Shriver National Institute of "
            "Child Health and Human Development (NICHD). Safe to Sleep. NICHD website; 2022.",
            "nih-nichd-2022",
        ),
        (
            "NIH Eunice Kennedy Shriver National Institute of Child Health and Human "
            "Development. “Safe to Sleep.” 2022.",
            "nih-2022",
        ),
        (
            "Eunice Kennedy Shriver National Institute of Child Health and Human Development. "
            "Safe infant sleep. 2020.",
            "eunice-kennedy-2020",
        ),
        ("Mayo Clinic Staff. Heartburn. Mayo Clinic website. 2023.", "mayo-2023"),
        ("University of Oxford. New hobbies and ageing. Oxford University News; 2021.", "oxford-2021"),
        ("World Health Organization (WHO). “Micronutrient deficiencies.” WHO website.", "who"),
    ],
)  # fmt: skip
def test_reference_keys_are_readable(text: str, key: str) -> None:
    assert reference_key(text) == key


def test_reference_keys_are_unique_in_an_article() -> None:
    text = (LAYOUT / "two_who.txt").read_text("utf-8")
    assert [r.key for r in convert_seed(text).references] == ["who-2020", "who-2022"]
    twice = "general health\n\nA Title\n\nBody text here.\n\n1. Smith J. One. 2020.\n\n2. Smith J. Two. 2020.\n"
    assert [r.key for r in convert_seed(twice).references] == ["smith-2020", "smith-2020-2"]


def test_a_body_far_longer_than_an_article_is_refused(tmp_path: Path) -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} says something." for n in range(2001))
    path = write(tmp_path, "long.txt", f"general health\n\nA Title\n\n{paragraphs}\n".encode())
    with pytest.raises(SourceFileError, match="2001 paragraphs") as info:
        import_seed(path, tmp_path / "library")
    assert info.value.line == 5 + 2 * 2000
