"""``offline-reader check``: a broken article is named with its line; the rest still load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = (
    ROOT
    / "library"
    / "womens-health"
    / "exploring-the-connection-between-vitamin-b-12-in-breast-milk.md"
)

MISSING_FOOTNOTE = b"""\
---
id: broken-cite
title: Broken citation
collection: Tests
---

Iron matters.

## Why

Iron deficiency is common.[^nowhere]
"""

BROKEN_YAML = b"""\
---
id: broken-yaml
title: [unclosed
collection: Tests
---

Text.
"""

NOT_UTF8 = b"---\nid: latin\ntitle: Latin\ncollection: Tests\n---\n\nCaf\xe9.\n"


def good_library(root: Path) -> Path:
    folder = root / "womens-health"
    folder.mkdir(parents=True)
    shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    return root


def test_a_good_library_passes_and_prints_the_claim_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = good_library(tmp_path / "library")
    assert main(["check", "--library", str(library)]) == 0
    out = capsys.readouterr().out
    assert "exploring-the-connection-between-vitamin-b-12-in-breast-milk: ok" in out
    assert "claim -> ref 1 [cornell-2021] (New Research Findings, ¶1)" in out
    assert "claim -> ref 2 [who]" in out
    assert "claim -> ref 4 [chatzi-2021] (Future Advances on this Topic, ¶2)" in out
    assert "FLAGGED (Vitamin B-12 Deficiency and Autism Spectrum Disorder)" in out
    assert "'Journal of Autism and Developmental Disorders'" in out
    assert "closest: ref 3 [schmidt-2014]" in out
    assert "ref 3 [schmidt-2014] is cited by no claim" in out
    assert (
        f"{library}: 1 article(s), 3 link(s), 1 flag(s), 1 low-confidence heading(s); "
        "0 broken, 1 warning(s)"
    ) in out


@pytest.mark.parametrize(
    ("name", "data", "line", "message"),
    [
        ("broken-cite.md", MISSING_FOOTNOTE, 11, "citation [^nowhere] has no footnote definition"),
        ("broken-yaml.md", BROKEN_YAML, 3, "broken front matter"),
        ("latin.md", NOT_UTF8, 7, "not UTF-8"),
    ],
)
def test_a_broken_article_is_reported_by_name_and_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    line: int,
    message: str,
) -> None:
    library = good_library(tmp_path / "library")
    broken = library / "tests" / name
    broken.parent.mkdir()
    broken.write_bytes(data)
    assert main(["check", "--library", str(library)]) == 1
    out = capsys.readouterr().out
    assert f"BROKEN  ({broken})" in out
    assert f"error:{line}: " in out
    assert message in out
    # The good article still loads and still reports its claims.
    assert "exploring-the-connection-between-vitamin-b-12-in-breast-milk: ok" in out
    assert "claim -> ref 1 [cornell-2021]" in out
    assert f"{library}: 2 article(s), 3 link(s), 1 flag(s)" in out
    assert "; 1 broken" in out


def test_quiet_prints_only_what_needs_looking_at_and_strict_fails_on_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = good_library(tmp_path / "library")
    clean = library / "tests" / "clean.md"
    clean.parent.mkdir()
    clean.write_text(
        "---\nid: clean\ntitle: Clean\ncollection: Tests\nlanguage: en\n---\n\n"
        "Iron matters.[^a]\n\n[^a]: Smith J. Iron. 2020.\n",
        "utf-8",
    )
    assert main(["check", "--library", str(library), "--quiet"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert not any("clean" in line for line in lines[:-1])  # nothing to say about it
    assert "claim -> ref" not in out  # links are not problems
    assert "exploring-the-connection-between-vitamin-b-12-in-breast-milk: ok" in out
    assert "  warning:" in out
    assert any(line.startswith("  FLAGGED (") for line in lines)
    assert any(
        line.startswith("  UNCERTAIN heading 'The Importance of Vitamin B-12") for line in lines
    )
    assert lines[-1].startswith(f"{library}: 2 article(s), 4 link(s), 1 flag(s)")
    # --strict: a flagged claim fails the check; without flags it passes.
    assert main(["check", "--library", str(library), "--strict", "--quiet"]) == 1
    (library / "womens-health" / SEED_ARTICLE.name).unlink()
    capsys.readouterr()
    assert main(["check", "--library", str(library), "--strict"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"{library}: 1 article(s), 1 link(s), 0 flag(s), 0 low-confidence heading(s); "
        "0 broken, 0 warning(s)"
    )


def test_json_carries_the_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    library = good_library(tmp_path / "library")
    assert main(["check", "--library", str(library), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["links"], report["flags"], report["uncertain_headings"]) == (3, 1, 1)
    (article,) = report["articles"]
    assert (article["links"], article["flags"], article["uncertain_headings"]) == (3, 1, 1)
