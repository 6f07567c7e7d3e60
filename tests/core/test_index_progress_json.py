"""``offline-reader index --progress-json``: progress and the outcome as JSON lines, for
the window that runs it as a separate process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "search_library"


def lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_progress_and_outcome_are_json_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "library"
    shutil.copytree(FIXTURE, root)
    assert main(["index", "--library", str(root), "--progress-json"]) == 0
    told = lines(capsys.readouterr().out)
    phases = [str(t["phase"]) for t in told]
    assert phases[0] == "checking" and "indexing" in phases and "committing" in phases
    assert phases[-1] == "finished"
    indexing = next(t for t in told if t["phase"] == "indexing")
    assert indexing["total"] == 4 and isinstance(indexing["article"], str)
    outcome = told[-1]
    assert (outcome["added"], outcome["unchanged"], outcome["cancelled"]) == (4, 0, False)
    assert outcome["location"] and Path(str(outcome["location"])).is_dir()

    assert main(["index", "--library", str(root), "--progress-json"]) == 0
    outcome = lines(capsys.readouterr().out)[-1]
    assert (outcome["phase"], outcome["added"], outcome["unchanged"]) == ("finished", 0, 4)


def test_a_failure_is_a_json_line_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    assert main(["index", "--library", str(tmp_path / "missing"), "--progress-json"]) == 2
    told = lines(capsys.readouterr().out)
    assert told[-1]["phase"] == "failed" and "does not exist" in str(told[-1]["message"])
