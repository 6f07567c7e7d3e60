"""MedQuAD topics -> library articles, on small fixture files written for these tests."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.article import read_article
from reader.core.importers.medquad import MAX_TOPIC_BYTES, import_medquad, parse_sources
from reader.core.library import Library
from reader.core.model import Article, BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "medquad"
GOOD = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and p.name != "bad")


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, dict[str, Article]]:
    result = import_medquad(GOOD, tmp_path)
    assert not result.failed
    library = Library.scan(tmp_path)
    assert not library.problems
    return tmp_path, {s.id: library.load(s.id) for s in library.summaries}


def section(article: Article, heading: str) -> str:
    found = next(s for s in article.sections if s.heading == heading)
    return found.text


def test_flattened_lists_and_paragraphs_come_back_and_credit_lines_leave_the_text(
    imported: tuple[Path, dict[str, Article]],
) -> None:
    _, articles = imported
    diabetes = articles["diabetes"]
    what = next(s for s in diabetes.sections if s.heading == "What it is")
    items = [b.text for b in what.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        "Type 1 diabetes: your body does not make insulin",
        "Type 2 diabetes: your body does not make or use insulin well",
        "Gestational diabetes happens during pregnancy",
    ]
    paragraphs = [b.text for b in what.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[0].startswith("Diabetes is a disease")  # no "Summary :" label
    assert "Over time, high blood sugar can cause serious problems." in paragraphs
    text = "\n".join(s.text for s in diabetes.sections)
    assert "NIH:" not in text and "Summary :" not in text
    assert dict(diabetes.meta.extra)["credit"].startswith("NIH: National Institute of Diabetes")

    niddk = articles["diabetes-niddk"]
    symptoms = next(s for s in niddk.sections if s.heading == "Symptoms")
    assert [b.text for b in symptoms.blocks if b.kind is BlockKind.LIST_ITEM] == [
        "increased thirst and urination",
        "increased hunger",
        "fatigue",
        "blurred vision",
    ]
    # a short label line heading what follows becomes a sub-heading
    medicines = next(s for s in niddk.sections if s.heading == "Medicines")
    assert medicines.level == 3 and "insulin" in medicines.text


def test_headings_are_lay_words_not_generated_questions(
    imported: tuple[Path, dict[str, Article]],
) -> None:
    _, articles = imported
    headings = [s.heading for a in articles.values() for s in a.headed_sections]
    assert headings and not [h for h in headings if "(are)" in h or h.endswith(" ?")]
    assert [s.heading for s in articles["diabetes-niddk"].sections if s.level == 2] == [
        "What it is",
        "Symptoms",
        "Treatment",
    ]
    assert "Research and clinical trials" in headings and "How it is diagnosed" in headings


def test_front_matter_names_agency_source_licence_citation_and_date_note(
    imported: tuple[Path, dict[str, Article]],
) -> None:
    _, articles = imported
    meta = articles["diabetes-niddk"].meta
    assert meta.authors == (
        "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)",
    )
    assert meta.source == "http://www.niddk.nih.gov/health-information/diabetes"
    assert meta.licence == "CC BY 4.0"
    assert meta.licence_text is not None and "Ben Abacha A, Demner-Fushman D" in meta.licence_text
    assert meta.disclaimer is not None and "out of date" in meta.disclaimer
    assert "around 2017–2019" in dict(meta.extra)["date_note"]
    assert meta.collection == "Diabetes, digestion and kidneys (NIDDK)"


def test_one_sources_files_on_one_topic_merge_and_identical_answers_appear_once(
    tmp_path: Path,
) -> None:
    result = import_medquad(GOOD, tmp_path)
    by_origin = {Path(r.origin).name: r for r in result.reports}
    first, second = by_origin["0000027_1.xml"], by_origin["0000027_4.xml"]
    assert {first.status, second.status} == {"imported", "merged"}
    assert first.article_id == second.article_id
    merged = next(r for r in (first, second) if r.status == "merged")
    assert "merged into" in (merged.reason or "")
    article = read_article(result.articles[first.article_id or ""])
    text = "\n".join(s.text for s in article.sections)
    assert text.count("New types of treatment are being tested") == 1
    assert "mammogram" in text and "family history" in text
    assert sum(r.duplicates for r in (first, second)) == 1


def test_the_same_topic_from_other_sources_is_told_apart_and_cross_linked(
    imported: tuple[Path, dict[str, Article]],
) -> None:
    _, articles = imported
    titles = {i: articles[i].meta.title for i in ("diabetes", "diabetes-niddk")}
    titles["diabetes-nihseniorhealth"] = articles["diabetes-nihseniorhealth"].meta.title
    assert titles == {
        "diabetes": "Diabetes",
        "diabetes-niddk": "Diabetes (NIDDK)",
        "diabetes-nihseniorhealth": "Diabetes (NIHSeniorHealth)",
    }
    others = dict(articles["diabetes"].meta.extra)["other_sources"]
    assert others == "diabetes-niddk, diabetes-nihseniorhealth"


def test_colliding_ids_are_resolved_and_nothing_is_overwritten(tmp_path: Path) -> None:
    result = import_medquad(GOOD, tmp_path)
    # "Hepatitis (A)" and "Hepatitis A" are different topics that would get the same id
    hep = sorted(i for i in result.articles if i.startswith("hepatitis-a"))
    assert hep == ["hepatitis-a", "hepatitis-a-cdc"]
    # MedQuAD's own document id 0000001 is used by three folders: three articles
    ones = [r for r in result.reports if Path(r.origin).name == "0000001.xml"]
    assert len({r.article_id for r in ones}) == 3
    assert len(set(result.articles.values())) == len(result.articles)


def test_the_report_says_what_was_skipped_and_why(tmp_path: Path) -> None:
    result = import_medquad(GOOD, tmp_path)
    skipped = [r for r in result.reports if r.status == "skipped"]
    assert [(Path(r.origin).name, r.reason) for r in skipped] == [
        ("0000003.xml", "no answered questions")
    ]
    only = import_medquad(GOOD, tmp_path / "general", sources=parse_sources("CDC"))
    reasons = {r.reason for r in only.reports if r.status == "skipped"}
    assert "source MPlusHealthTopics not selected" in reasons
    with pytest.raises(ValueError, match="unknown source"):
        parse_sources("wikipedia")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not-xml.xml", "not an XML file"),
        ("entities.xml", "refused because entities"),
        ("external.xml", "refused because entities"),
        ("truncated.xml", "looks truncated"),
        ("wrong-root.xml", "not a MedQuAD topic"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_loses_nothing_else(
    tmp_path: Path, name: str, reason: str
) -> None:
    result = import_medquad([FIXTURES / "bad" / name, *GOOD], tmp_path)
    failed = result.failed
    assert [Path(r.origin).name for r in failed] == [name]
    assert reason in (failed[0].reason or "")
    assert len(result.articles) == len(import_medquad(GOOD, tmp_path / "clean").articles)
    assert not any("passwd" in p.read_text() for p in result.articles.values())


def test_huge_files_are_refused_before_they_are_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    huge.write_bytes(b"<Document>" + b" " * (MAX_TOPIC_BYTES + 10) + b"</Document>")
    result = import_medquad([huge], tmp_path / "lib")
    assert result.failed and "are refused" in (result.failed[0].reason or "")
    assert not result.articles


def _archive(path: Path, extra: dict[str, bytes] | None = None) -> Path:
    with tarfile.open(path, "w:xz") as tar:
        for folder in GOOD:
            for file in sorted(folder.glob("*.xml")):
                tar.add(file, arcname=f"MedQuAD/{folder.name}/{file.name}")
        for name, data in (extra or {}).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_the_archive_imports_as_the_folders_do_and_a_huge_member_is_refused(
    tmp_path: Path,
) -> None:
    from_dirs = import_medquad(GOOD, tmp_path / "a", write=False)
    archive = _archive(tmp_path / "m.tar.xz", {"MedQuAD/x/huge.xml": b" " * (MAX_TOPIC_BYTES + 1)})
    from_tar = import_medquad([archive], tmp_path / "b", write=False)
    assert from_tar.markdown == from_dirs.markdown
    assert [Path(r.origin).name for r in from_tar.failed] == ["huge.xml"]


def test_command_line_import_then_check_reports_nothing_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "medquad", *map(str, GOOD), "--library", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "0000027_4.xml: merged -> breast-cancer" in out
    assert "imported" in out.splitlines()[-1] and "skipped" in out.splitlines()[-1]
    assert main(["check", "--library", str(tmp_path), "--quiet"]) == 0
    assert " 0 broken" in capsys.readouterr().out
    assert main(["import", "medquad", str(FIXTURES / "bad"), "--library", str(tmp_path)]) == 1
    assert "5 file(s) failed" in capsys.readouterr().err


def test_ids_and_titles_already_in_the_library_are_not_reused(tmp_path: Path) -> None:
    other = tmp_path / "womens-health"
    other.mkdir()
    (other / "diabetes.md").write_text(
        "---\nid: diabetes\ntitle: Diabetes\ncollection: Women's health\n---\n\nText.\n"
    )
    result = import_medquad([FIXTURES / "4_MPlus_Health_Topics_QA"], tmp_path)
    assert list(result.articles) == ["diabetes-medlineplus"]
    library = Library.scan(tmp_path)
    assert not library.problems
    summary = library.summary("diabetes-medlineplus")
    assert summary is not None and summary.title == "Diabetes (MedlinePlus)"
    # importing again rewrites its own folder and keeps the same ids
    again = import_medquad([FIXTURES / "4_MPlus_Health_Topics_QA"], tmp_path)
    assert list(again.articles) == ["diabetes-medlineplus"]
