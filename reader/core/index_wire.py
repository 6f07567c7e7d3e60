"""The indexer's wire format: what ``offline-reader index --progress-json`` writes and the
window reads back, one JSON object per line.

Both ends use this module and nothing else, so the format is written down once:

- progress: ``{"phase": "indexing", "done": 10, "total": 500, "article": "id"}``, with a
  phase of :class:`~reader.core.model.IndexPhase`;
- the outcome, last: ``{"phase": "finished", "added": …, "location": …, "notice": …}`` or
  ``{"phase": "failed", "message": "…"}``.

A line that is not one of these (a warning, a traceback, a truncated object) decodes to
None: the reader of the stream skips it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from reader.core.model import IndexPhase, IndexProgress, IndexReport, Problem
from reader.core.texts import Text, text_from_json

_PROGRESS_PHASES = frozenset(phase.value for phase in IndexPhase)


class Outcome(StrEnum):
    """The phase of the last line: how the indexing process ended."""

    FINISHED = "finished"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class IndexerOutcome:
    """What the indexing process said last: a report, or why it failed."""

    report: IndexReport | None = None
    notice: str | None = None
    failure: str | None = None
    temporary: bool = False  # the index is in a temporary folder the window must delete


def _line(data: dict[str, Any]) -> str:
    # ASCII only: the line survives any locale's encoding of a pipe.
    return json.dumps(data, ensure_ascii=True)


def encode_progress(progress: IndexProgress) -> str:
    return _line(
        {
            "phase": str(progress.phase),
            "done": progress.done,
            "total": progress.total,
            "article": progress.article_id,
        }
    )


def encode_finished(report: IndexReport, notice: str | None, temporary: bool) -> str:
    return _line(
        {
            "phase": str(Outcome.FINISHED),
            "added": report.added,
            "changed": report.changed,
            "removed": report.removed,
            "unchanged": report.unchanged,
            "seconds": report.seconds,
            "location": str(report.location) if report.location is not None else None,
            "problems": [[str(p.path), p.message, p.line] for p in report.problems],
            "cancelled": report.cancelled,
            "notice": notice,
            "notice_text": notice.to_json() if isinstance(notice, Text) else None,
            "temporary": temporary,  # the reader deletes the folder when done with it
        }
    )


def encode_failed(message: str) -> str:
    """``message`` in English, and (a :class:`~reader.core.texts.Text`) how to translate it."""
    text = message.to_json() if isinstance(message, Text) else None
    return _line({"phase": str(Outcome.FAILED), "message": message, "text": text})


def _report(data: dict[str, Any]) -> IndexReport:
    location = data.get("location")
    return IndexReport(
        added=int(data["added"]),
        changed=int(data["changed"]),
        removed=int(data["removed"]),
        unchanged=int(data["unchanged"]),
        seconds=float(data["seconds"]),
        location=Path(location) if isinstance(location, str) else None,
        problems=tuple(
            Problem(Path(str(p[0])), str(p[1]), p[2] if isinstance(p[2], int) else None)
            for p in data.get("problems", ())
        ),
        cancelled=bool(data.get("cancelled", False)),
    )


def decode_line(line: str) -> IndexProgress | IndexerOutcome | None:
    """One line of the stream; None for anything that is not part of the format."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    phase = data.get("phase")
    if not isinstance(phase, str):
        return None
    try:
        if phase in _PROGRESS_PHASES:
            article = data.get("article")
            return IndexProgress(
                int(data.get("done", 0)),
                int(data.get("total", 0)),
                article if isinstance(article, str) else None,
                IndexPhase(phase),
            )
        if phase == Outcome.FAILED:
            text = text_from_json(data.get("text"))
            return IndexerOutcome(failure=text or str(data.get("message", "")))
        if phase == Outcome.FINISHED:
            notice = text_from_json(data.get("notice_text")) or data.get("notice")
            return IndexerOutcome(
                _report(data),
                notice if isinstance(notice, str) else None,
                temporary=data.get("temporary") is True,
            )
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return None
