"""Importers keep an article's language, and ``check`` warns when it is missing or no code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.article import parse_article, read_article
from reader.core.check import check_library
from reader.core.importers.jats import convert_jats
from reader.core.importers.seed import import_seed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JATS = (FIXTURES / "jats" / "article.xml").read_bytes()
SEED = FIXTURES / "seed_000_d25b21b6034f8d55.txt"


def jats_with(lang: str | None) -> bytes:
    text = JATS.decode("utf-8").replace(' xml:lang="EN"', f' xml:lang="{lang}"' if lang else "")
    return text.encode("utf-8")


@pytest.mark.parametrize(
    ("declared", "fallback", "expected"),
    [("EN", "es", "en"), ("es-MX", "en", "es-mx"), (None, "es", "es"), (None, "en", "en")],
)
def test_jats_keeps_the_declared_language_else_the_given_one(
    declared: str | None, fallback: str, expected: str
) -> None:
    conv = convert_jats(jats_with(declared), "Research", language=fallback)
    assert parse_article(conv.markdown).meta.language == expected


def test_jats_with_a_bad_declaration_uses_the_given_language_and_says_so() -> None:
    conv = convert_jats(jats_with("klingon"), "Research", language="es")
    assert parse_article(conv.markdown).meta.language == "es"
    assert any("klingon" in w for w in conv.warnings)


def test_seed_import_writes_the_given_language(tmp_path: Path) -> None:
    result = import_seed(SEED, tmp_path, language="es")
    assert read_article(result.path).meta.language == "es"
    assert read_article(import_seed(SEED, tmp_path / "en").path).meta.language == "en"


def test_the_import_commands_take_a_language(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "reader", "import", "seed", str(SEED), "--library", str(tmp_path)]
    done = subprocess.run([*cmd, "--language", "es"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    (written,) = tmp_path.rglob("*.md")
    assert read_article(written).meta.language == "es"
    bad = subprocess.run([*cmd, "--language", "spanish"], capture_output=True, text=True)
    assert bad.returncode == 2 and "not a language code" in bad.stderr


def article(front: str) -> str:
    return f"---\nid: a\ntitle: A\ncollection: c\n{front}---\n\n## One\n\nText.\n"


def test_check_warns_on_a_missing_or_unknown_language(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "none.md").write_text(article(""), encoding="utf-8")
    (tmp_path / "c" / "bad.md").write_text(
        article("language: spanish\n").replace("id: a", "id: b"), encoding="utf-8"
    )
    (tmp_path / "c" / "good.md").write_text(
        article("language: es-MX\n").replace("id: a", "id: g"), encoding="utf-8"
    )
    report = check_library(tmp_path)
    by_id = {a.article_id: [p.message for p in a.problems] for a in report.articles}
    assert any("no language" in m for m in by_id["a"])
    assert any("'spanish' is not a language code" in m for m in by_id["b"])
    assert by_id["g"] == []
    bad = next(a for a in report.articles if a.article_id == "b")
    assert bad.problems[0].line == 5 and bad.problems[0].severity == "warning"
    assert report.broken_count == 0
    out = subprocess.run(
        [sys.executable, "-m", "reader", "check", "--library", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0
    assert "is not a language code" in json.dumps(json.loads(out.stdout))
