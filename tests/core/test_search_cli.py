"""``offline-reader index`` and ``offline-reader search`` run in-process on the fixture library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "search_library"


@pytest.fixture
def library_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "library"
    shutil.copytree(FIXTURE, root)
    return root


def test_index_then_search_prints_sections_with_marked_words(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", "--library", str(library_dir)]) == 0
    out = capsys.readouterr().out
    assert "4 added, 0 changed, 0 removed" in out
    assert main(["index", "--library", str(library_dir)]) == 0
    assert "0 added, 0 changed, 0 removed, 4 unchanged" in capsys.readouterr().out
    assert main(["search", "--library", str(library_dir), "B", "12", "breastfeeding"]) == 0
    out = capsys.readouterr().out
    assert "Exploring the Connection Between Vitamin B-12" in out
    assert "New Research Findings" in out
    assert "[B-12]" in out and "score" in out


def test_search_json_and_did_you_mean(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["search", "--library", str(library_dir), "--json", "--limit", "2", "vitamn"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["did_you_mean"] == "vitamin"
    assert len(data["hits"]) == 2
    assert data["hits"][0]["article_id"] == "seed-b12-breast-milk"


def test_search_with_nothing_found_says_what_to_do(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--library", str(library_dir), "qqzzxv"]) == 1
    assert "No articles match" in capsys.readouterr().out
    assert main(["search", "--library", str(library_dir), "--collection", "heart health",
                 "breast"]) == 1  # fmt: skip
    assert "other collections" in capsys.readouterr().out


def test_prebuilt_index_with_out(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = library_dir / ".index"
    assert main(["index", "--library", str(library_dir), "--out", str(out_dir)]) == 0
    assert (out_dir / "reader-index.json").is_file()
    assert str(out_dir) in capsys.readouterr().out
