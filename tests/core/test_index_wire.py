"""The indexer's wire format, written by ``index --progress-json`` and read by the window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core import index_wire
from reader.core.index_wire import IndexerOutcome, decode_line
from reader.core.model import IndexPhase, IndexProgress, IndexReport, Problem

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "search_library"


@pytest.mark.parametrize("phase", list(IndexPhase))
def test_every_progress_phase_survives_the_round_trip(phase: IndexPhase) -> None:
    progress = IndexProgress(3, 10, "article-ñ", phase)
    line = index_wire.encode_progress(progress)
    assert line.isascii()  # whatever the pipe's encoding
    decoded = decode_line(line)
    assert decoded == progress
    assert isinstance(decoded, IndexProgress) and decoded.phase is phase


def test_a_finished_report_survives_the_round_trip() -> None:
    report = IndexReport(
        added=2,
        changed=1,
        removed=0,
        unchanged=7,
        seconds=1.5,
        location=Path("/var/lib/reader/index"),
        problems=(Problem(Path("library/a.md"), "not UTF-8", 3), Problem(Path("b.md"), "x", None)),
        cancelled=False,
    )
    line = index_wire.encode_finished(report, "kept in a temporary folder", temporary=True)
    assert decode_line(line) == IndexerOutcome(report, "kept in a temporary folder", None, True)


def test_a_failure_survives_the_round_trip() -> None:
    line = index_wire.encode_failed("the disk is full")
    assert decode_line(line) == IndexerOutcome(failure="the disk is full")


@pytest.mark.parametrize(
    "line",
    [
        "Traceback (most recent call last):",
        '{"phase": "finished"}',  # incomplete: not a report
        '{"phase": "sleeping", "done": 1}',  # no such phase
        '{"phase": 3}',
        "[1, 2]",
        '{"phase": "indexing", "done": "many"}',
        "",
    ],
)
def test_anything_else_on_the_stream_is_skipped(line: str) -> None:
    assert decode_line(line) is None


def test_what_the_indexer_prints_is_read_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "library"
    shutil.copytree(FIXTURE, root)
    assert main(["index", "--library", str(root), "--progress-json"]) == 0
    decoded = [decode_line(line) for line in capsys.readouterr().out.splitlines()]
    assert None not in decoded
    *progress, outcome = decoded
    assert next(p.phase for p in progress if isinstance(p, IndexProgress)) is IndexPhase.CHECKING
    assert isinstance(outcome, IndexerOutcome) and outcome.report is not None
    assert outcome.report.added == 4 and outcome.failure is None
