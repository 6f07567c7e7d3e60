"""JATS XML import: what a reader gets from a research article, and what a bad file says."""

from __future__ import annotations

import socket
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.article import parse_article, read_article
from reader.core.errors import ImporterError, ReaderError
from reader.core.formula_words import SEPARATOR
from reader.core.importers.jats import (
    CC0,
    CC_BY,
    OTHER,
    PUBLIC_DOMAIN,
    classify_licence,
    convert_jats,
    decide_licence,
    import_jats_files,
)
from reader.core.model import Article, BlockKind, RunKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "jats"
ARTICLE = FIXTURES / "article.xml"


def _convert(name: str, collection: str = "Research") -> tuple[str, Article]:
    path = FIXTURES / name
    conv = convert_jats(path.read_bytes(), collection, path)
    return conv.markdown, parse_article(conv.markdown)


@pytest.fixture(scope="module")
def article() -> Article:
    return _convert("article.xml")[1]


@pytest.fixture(scope="module")
def markdown() -> str:
    return _convert("article.xml")[0]


def _section(article: Article, heading: str) -> str:
    section = next(s for s in article.sections if s.heading == heading)
    return section.text


def _cited_keys(article: Article, heading: str) -> list[str]:
    anchor = next(s.anchor for s in article.sections if s.heading == heading)
    return [c.reference_key for c in article.citations if c.section_anchor == anchor]


# --- metadata and attribution ------------------------------------------------------------


def test_front_matter_carries_the_attribution(article: Article) -> None:
    meta = article.meta
    assert meta.id == "plos-pone.0000001"
    assert meta.title == "Walking and sleep in older adults"
    assert meta.collection == "Research"
    assert meta.authors == ("Ada N. Okafor", "Per Lindqvist", "The Sleep Study Group")
    assert meta.journal == "PLOS ONE"
    assert meta.published == "2014-03-07"  # the electronic publication date, in full
    assert meta.doi == "10.1371/journal.pone.0000001"
    assert meta.source == "https://doi.org/10.1371/journal.pone.0000001"
    assert meta.licence == CC_BY
    assert meta.licence_text is not None
    assert meta.licence_text.startswith("© 2014 Okafor et al")
    assert "Creative Commons Attribution License" in meta.licence_text
    assert meta.language == "en"
    assert meta.disclaimer
    assert meta.abstract is not None and meta.abstract.startswith("Older adults who walk")


# --- structure ---------------------------------------------------------------------------


def test_sections_keep_their_nesting_levels(article: Article) -> None:
    assert [(s.heading, s.level) for s in article.sections] == [
        ("Abstract", 2),
        ("Author summary", 2),
        ("Introduction", 2),
        ("Measuring sleep", 3),
        ("Devices", 4),
        ("Results", 2),
        ("Acknowledgments", 2),
    ]


def test_the_abstract_leads_and_the_toc_blurb_is_left_out(article: Article) -> None:
    assert article.sections[0].heading == "Abstract"
    assert "Older adults who walk daily sleep longer" in article.sections[0].text
    assert "table-of-contents blurb" not in "\n".join(s.text for s in article.sections)


def test_lists_keep_order_and_nesting(article: Article) -> None:
    devices = next(s for s in article.sections if s.heading == "Devices")
    items = [b for b in devices.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.text, b.depth, b.ordered, b.number) for b in items] == [
        ("First, the device was fitted.", 0, True, 1),
        ("Second, it was calibrated:", 0, True, 2),
        ("indoors;", 1, False, None),
        ("outdoors.", 1, False, None),
    ]


def test_a_simple_table_becomes_a_table_with_its_header(article: Article) -> None:
    results = next(s for s in article.sections if s.heading == "Results")
    tables = [b for b in results.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [c.text for c in rows[0]] == ["Group", "Sleep (min)", "Source"]
    assert all(c.header for c in rows[0])
    assert [c.text for c in rows[2]] == ["Non-walkers | controls", "388", "this study"]
    # The citation in a cell is a citation to reference 4 that claims the cell's row.
    assert [r.target for r in rows[1][2].runs if r.kind is RunKind.CITE] == ["ref4"]
    cited = [c for c in article.citations if c.reference_key == "ref4" and c.block_index]
    in_table = [c for c in cited if results.blocks[c.block_index].kind is BlockKind.TABLE]
    assert [c.claim for c in in_table] == ["Walkers\t412"]


def test_a_table_with_lists_in_cells_gets_a_readable_fallback(article: Article) -> None:
    text = _section(article, "Results")
    assert "Table columns: Advice; Details" in text
    assert "Advice: Walk; Details: 30 minutes daily" in text


def test_captions_stand_in_for_images_that_are_not_shipped(article: Article) -> None:
    text = _section(article, "Results")
    assert "Table 1. Sleep by group. Minutes per night." in text
    assert "Fig 1. Sleep over time. Data from. The figure image is not included" in text
    assert "S1 Data. Raw data. The supplementary file is not included" in text
    assert "Means over seven nights." in text  # the table's footnote


def test_emphasis_is_kept_and_markup_like_text_stays_text(article: Article) -> None:
    intro = next(s for s in article.sections if s.heading == "Introduction")
    block = next(b for b in intro.blocks if "This paragraph starts" in b.text)
    assert block.kind is BlockKind.PARAGRAPH  # not a list item
    assert block.text.startswith("1. This paragraph")
    styled = {(r.text, r.emphasis, r.strong) for r in block.runs}
    assert {("bold", False, True), ("italic", True, False), ("both", True, True)} <= styled
    literal = next(b for b in intro.blocks if "looks like markup" in b.text)
    assert literal.text == (
        "Text that looks like markup stays text: *not emphasis*, _nor this_, "
        "[a link](http://example.org), <script>alert(1)</script> & `code` and a tilde ~x~ "
        "| pipe."
    )
    assert all(r.link is None and not r.emphasis for r in literal.runs)


# --- citations ---------------------------------------------------------------------------


def test_every_citation_links_to_the_right_reference(article: Article) -> None:
    assert _cited_keys(article, "Abstract") == ["ref1"]
    assert _cited_keys(article, "Introduction") == [
        "ref1", "ref3",  # [1], [3]
        "ref2", "ref3", "ref4", "ref5",  # [2]–[5] expands with an en dash
        "ref4", "ref5", "ref6",  # [4-6] expands with a hyphen, inside brackets
        "ref1", "ref6",  # one xref naming two references
        "ref5", "ref2",  # a backwards "range" is two citations, not a range
        "ref6",  # an author-year citation
    ]  # fmt: skip


def test_citation_markers_replace_bracketed_numbers_but_keep_author_names(
    article: Article,
) -> None:
    text = _section(article, "Introduction")
    assert "Walking improves sleep. Several trials agree. One review pooled them." in text
    assert "As Lindqvist et al. (2011) showed" in text
    claim = next(c for c in article.citations if c.reference_key == "ref6")
    assert claim.claim == "One review pooled them."


def test_references_keep_their_fields_and_order(article: Article) -> None:
    assert [r.key for r in article.references] == [f"ref{n}" for n in range(1, 7)]
    first = article.references[0]
    assert first.authors == ("Smith AB", "Jones C")
    assert first.title == "Daily walking and sleep duration"
    assert first.container == "Sleep Med"
    assert first.year == 2010
    assert first.doi == "10.1016/j.sleep.2010.01.001"
    assert first.pmid == "20123456"
    assert "2010;12(3):45-67" in first.text
    book = article.references[2]
    assert (book.authors, book.title, book.year) == (("Green E",), "Sleep and Movement", 2008)
    # Markup-like text in a reference stays text.
    assert article.references[4].text.startswith("White F. Light, dusk and the *body* clock")


def test_round_trip_counts_match_the_report() -> None:
    conv = convert_jats(ARTICLE.read_bytes(), "Research", ARTICLE)
    parsed = parse_article(conv.markdown)
    assert (conv.sections, conv.references, conv.citations) == (7, 6, 19)
    assert (len(parsed.sections), len(parsed.references), len(parsed.citations)) == (7, 6, 19)
    assert not [w for w in parsed.warnings if w.severity == "error"]
    assert conv.dangling == ()


def test_independent_count_of_citations_in_the_fixture(markdown: str) -> None:
    root = ET.parse(ARTICLE).getroot()  # noqa: S314 - a fixture written for this test
    xrefs = [x for x in root.iter("xref") if x.get("ref-type") == "bibr"]
    rids = sum(len((x.get("rid") or "").split()) for x in xrefs)
    body = markdown.split("\n[^ref1]:", 1)[0]
    # 16 ids named + 2 references inside [2]–[5] + 1 inside [4-6].
    assert rids + 3 == body.count("[^") == 19


# --- bad input ---------------------------------------------------------------------------


def test_a_missing_reference_is_reported_and_left_as_text() -> None:
    conv = convert_jats((FIXTURES / "dangling.xml").read_bytes(), "Research", None)
    assert conv.dangling == (
        "'[9]' points at 'b9', which is not in the reference list",
        "'[1, 8]' points at 'b8', which is not in the reference list",
    )
    parsed = parse_article(conv.markdown)
    text = parsed.sections[0].text
    assert "Known and missing [9] sources." in text
    assert "Mixed group [1, 8] here." in text
    assert [c.reference_key for c in parsed.citations] == ["b1", "b1"]


def test_unknown_elements_keep_their_text_with_a_warning() -> None:
    conv = convert_jats((FIXTURES / "dangling.xml").read_bytes(), "Research", None)
    assert "unknown element <frobnicate>: its text is kept as plain text" in conv.warnings
    assert "kept words" in conv.markdown and "block words" in conv.markdown


def test_an_article_without_back_matter_imports_with_a_warning() -> None:
    _, parsed = _convert("no_back.xml")
    conv = convert_jats((FIXTURES / "no_back.xml").read_bytes(), "Research", None)
    assert "no <back>: the article has no reference list" in conv.warnings
    assert conv.dangling == ("'[1]' points at 'r1', which is not in the reference list",)
    assert parsed.sections[0].level == 0  # the opening paragraph is the lead
    assert len(parsed.sections) == conv.sections == 2
    assert "As shown before [1], walking helps." in parsed.sections[1].text
    assert parsed.meta.id == "doi-example.0002"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("truncated.xml", "looks truncated"),
        ("not_xml.xml", "this is not an XML file"),
        ("billion_laughs.xml", "declares entities"),
        ("external_entity.xml", "declares entities"),
        ("external_dtd.xml", "undefined entity"),
    ],
)
def test_malformed_and_unsafe_files_fail_with_a_clear_message(name: str, expected: str) -> None:
    path = FIXTURES / name
    with pytest.raises(ImporterError) as info:
        convert_jats(path.read_bytes(), "Research", path)
    assert isinstance(info.value, ReaderError)
    message = str(info.value)
    assert name in message and expected in message
    assert "TOP-SECRET" not in message


def test_a_billion_laughs_file_is_refused_before_it_expands() -> None:
    start = time.perf_counter()
    with pytest.raises(ImporterError):
        convert_jats((FIXTURES / "billion_laughs.xml").read_bytes(), "Research", None)
    assert time.perf_counter() - start < 5  # a fault, not a 3 GB expansion


def test_the_doctype_dtd_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the importer opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    conv = convert_jats(ARTICLE.read_bytes(), "Research", ARTICLE)  # DOCTYPE names http://...
    assert conv.citations == 19


def test_a_folder_imports_the_good_files_and_reports_the_bad(tmp_path: Path) -> None:
    reports = import_jats_files([FIXTURES], tmp_path, "Research (PLOS)")
    by_name = {r.source.name: r for r in reports}
    assert {n for n, r in by_name.items() if r.failed} == {
        "truncated.xml",
        "not_xml.xml",
        "billion_laughs.xml",
        "external_entity.xml",
        "external_dtd.xml",
    }
    assert {n for n, r in by_name.items() if r.status == "imported"} == {
        "article.xml",
        "no_back.xml",
        "dangling.xml",
    }
    written = by_name["article.xml"].output
    assert written == tmp_path / "research-plos" / "plos-pone.0000001.md"
    loaded = read_article(written)
    assert len(loaded.citations) == by_name["article.xml"].citations == 19
    # Again without --replace: nothing is overwritten.
    again = import_jats_files([ARTICLE], tmp_path, "Research (PLOS)")
    assert again[0].status == "skipped"
    assert import_jats_files([ARTICLE], tmp_path, "Research (PLOS)", replace=True)[0].status == (
        "imported"
    )


# --- licences ----------------------------------------------------------------------------


def _permissions(xml: str) -> ET.Element:
    return ET.fromstring(  # noqa: S314 - literal test input
        '<permissions xmlns:xlink="http://www.w3.org/1999/xlink">' + xml + "</permissions>"
    )


@pytest.mark.parametrize(
    ("xml", "kind"),
    [
        (
            '<license xlink:href="http://creativecommons.org/licenses/by/4.0/">'
            "<license-p>Open access.</license-p></license>",
            CC_BY,
        ),
        (
            "<license><license-p>distributed under the terms of the Creative Commons "
            "Attribution License, which permits unrestricted use</license-p></license>",
            CC_BY,
        ),
        (
            '<license xlink:href="http://creativecommons.org/publicdomain/zero/1.0/">'
            "<license-p>free of all copyright</license-p></license>",
            CC0,
        ),
        (
            "<license><license-p>This is an open-access article distributed under the terms "
            "of the Creative Commons Public Domain Declaration</license-p></license>",
            PUBLIC_DOMAIN,
        ),
        (
            "<copyright-holder>World Health Organization</copyright-holder><license><license-p>"
            "Open Access in the spirit of the PLoS principles, without any waiver of WHO's "
            "privileges and immunities</license-p></license>",
            OTHER,
        ),
        (
            '<license xlink:href="http://creativecommons.org/licenses/by-nc/4.0/">'
            "<license-p>Creative Commons Attribution-NonCommercial License</license-p></license>",
            OTHER,
        ),
    ],
)
def test_licences_are_classified(xml: str, kind: str) -> None:
    assert classify_licence(_permissions(xml)).kind == kind


def test_only_redistributable_refuses_other_licences(tmp_path: Path) -> None:
    who = classify_licence(
        _permissions("<license><license-p>WHO copyright, all rights reserved</license-p></license>")
    )
    assert decide_licence(who, only_redistributable=True).accepted is False
    assert decide_licence(who, only_redistributable=False).accepted is True
    reports = import_jats_files(
        [FIXTURES / "no_back.xml"], tmp_path, "Research", only_redistributable=True
    )
    assert reports[0].status == "refused"
    assert reports[0].licence is not None and not reports[0].licence.accepted
    assert not (tmp_path / "research").exists()


# --- the command -------------------------------------------------------------------------


def test_the_import_command_reports_per_file_and_fails_when_a_file_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "import", "jats", str(ARTICLE), str(FIXTURES / "truncated.xml"),
            "--collection", "Research (PLOS)", "--library", str(tmp_path),
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 1
    assert "article.xml: imported" in out
    assert "7 section(s), 6 reference(s), 19 citation(s), 0 dangling citation(s)" in out
    assert "licence: CC-BY (accepted" in out
    assert "truncated.xml: failed" in err and "looks truncated" in err
    assert "2 file(s): 1 failed, 1 imported" in out
    assert (tmp_path / "research-plos" / "plos-pone.0000001.md").is_file()


def test_the_import_command_succeeds_when_every_file_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", "jats", str(ARTICLE), "--collection", "R", "--library", str(tmp_path)]
    assert main(args) == 0
    assert main(args) == 0  # already there: skipped, not failed
    assert "skipped" in capsys.readouterr().out


def test_italic_spans_that_touch_read_as_one_without_stars() -> None:
    """*ν*<sub>*ij*</sub> (a symbol and its italic subscript) would be "*ν**ij*" in
    Markdown, which shows its stars: the reader sees "νij", in italics, and no "*"."""
    xml = ARTICLE.read_text(encoding="utf-8").replace(
        "<p>Walking improves sleep ",
        "<p>Integrating <italic>ν</italic><sub><italic>ij</italic></sub>(<italic>t</italic>)"
        " over time. Walking improves sleep ",
        1,
    )
    conv = convert_jats(xml.encode("utf-8"), "Research", ARTICLE)
    paragraph = _section(parse_article(conv.markdown), "Introduction")
    sentence = paragraph[paragraph.index("Integrating") :].split(".")[0]
    assert sentence.replace(SEPARATOR, "") == "Integrating νij(t) over time"
    # The indices are kept apart from their letter and each other, unseen: speech says
    # "nu i j", not "nuidge".
    assert sentence == f"Integrating ν{SEPARATOR}i{SEPARATOR}j(t) over time"


@pytest.mark.parametrize(
    ("xml", "shown"),
    [
        ("<italic>C</italic><sub><italic>ij</italic></sub>", "C|i|j"),  # indices: apart
        ("V<sub>max</sub>", "V|max"),  # a word as a subscript: one word, after its letter
        ("CO<sub>2</sub>", "CO2"),  # a chemical's number stays with it
        ("x<sup>2</sup>", "x2"),
        ("the <sub><italic>ij</italic></sub>", "the i|j"),
    ],
)
def test_a_subscript_is_kept_apart_for_speech_only_where_it_is_an_index(
    xml: str, shown: str
) -> None:
    """Unseen separators (U+2063, written | here) where a synthesiser would run letters
    together, and nowhere else."""
    body = ARTICLE.read_text(encoding="utf-8").replace(
        "<p>Walking improves sleep ", f"<p>See {xml} here. Walking improves sleep ", 1
    )
    conv = convert_jats(body.encode("utf-8"), "Research", ARTICLE)
    paragraph = _section(parse_article(conv.markdown), "Introduction")
    assert f"See {shown.replace('|', SEPARATOR)} here." in paragraph  # | marks where


@pytest.mark.parametrize(
    ("xml", "shown", "strong"),
    [
        ("<bold>(1.1–1.6)</bold>d", "(1.1–1.6)d", "(1.1–1.6)"),  # "**(1.1–1.6)**d" shows stars
        ("(<bold>Fig. 7</bold><bold>, left</bold>)", "(Fig. 7, left)", "Fig. 7, left"),
        ("<italic>V179I</italic><bold>, M184V</bold>", "V179I, M184V", ", M184V"),
    ],
)
def test_bold_and_italics_never_leave_their_stars_in_the_text(
    xml: str, shown: str, strong: str
) -> None:
    source = ARTICLE.read_text(encoding="utf-8").replace(
        "<p>Walking improves sleep ", f"<p>Odds {xml} here. Walking improves sleep ", 1
    )
    conv = convert_jats(source.encode("utf-8"), "Research", ARTICLE)
    article = parse_article(conv.markdown)
    block = next(b for s in article.sections for b in s.blocks if b.text.startswith("Odds"))
    assert block.text.startswith(f"Odds {shown} here.")
    assert "".join(r.text for r in block.runs if r.strong) == strong
