"""Back/forward history of reading positions: plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar


@dataclass(frozen=True, slots=True)
class Location:
    """Where the reader was: the article, how far down, and the claim they had selected."""

    article_id: str
    scroll: int = 0  # vertical scroll position in pixels at the time
    section_anchor: str | None = None
    citation: int | None = None  # ordinal of the selected citation, if any


P = TypeVar("P")


class Trail(Generic[P]):
    """A browser-style history of places of any kind: visiting a new place drops everything
    forward of it. The desktop window keeps reading positions (:class:`History`), the
    kiosk the pages a person saw."""

    def __init__(self, limit: int = 200) -> None:
        self._back: list[P] = []
        self._forward: list[P] = []
        self._limit = limit

    def visit(self, current: P | None) -> None:
        """Remember ``current`` (where the reader is leaving from) before moving on."""
        if current is None:
            return
        if self._back and self._back[-1] == current:
            return
        self._back.append(current)
        del self._back[: -self._limit]
        self._forward.clear()

    def back(self, current: P | None) -> P | None:
        if not self._back:
            return None
        target = self._back.pop()
        if current is not None:
            self._forward.append(current)
        return target

    def forward(self, current: P | None) -> P | None:
        if not self._forward:
            return None
        target = self._forward.pop()
        if current is not None:
            self._back.append(current)
        return target

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    @property
    def lengths(self) -> tuple[int, int]:
        """How many places are behind and ahead."""
        return len(self._back), len(self._forward)

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()


class History(Trail[Location]):
    """The desktop window's history of reading positions."""


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """A request to show an article, optionally at a section, with words to mark,
    with a claim selected, or at a scroll position (going back)."""

    article_id: str
    section_anchor: str | None = None
    terms: tuple[str, ...] = ()
    citation: int | None = None
    scroll: int | None = None
    remember: bool = True  # False when going back/forward: history is already handled


@dataclass(frozen=True, slots=True)
class CitationRef:
    """A citation marker that was activated: its ordinal and the reference it cites."""

    ordinal: int
    reference_key: str
