"""Back/forward history of reading positions: plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where the reader was: the article, how far down, and the claim they had selected."""

    article_id: str
    scroll: int = 0  # vertical scroll position in pixels at the time
    section_anchor: str | None = None
    citation: int | None = None  # ordinal of the selected citation, if any


class History:
    """A browser-style history: visiting a new place drops everything forward of it."""

    def __init__(self, limit: int = 200) -> None:
        self._back: list[Location] = []
        self._forward: list[Location] = []
        self._limit = limit

    def visit(self, current: Location | None) -> None:
        """Remember ``current`` (where the reader is leaving from) before moving on."""
        if current is None:
            return
        if self._back and self._back[-1] == current:
            return
        self._back.append(current)
        del self._back[: -self._limit]
        self._forward.clear()

    def back(self, current: Location | None) -> Location | None:
        if not self._back:
            return None
        target = self._back.pop()
        if current is not None:
            self._forward.append(current)
        return target

    def forward(self, current: Location | None) -> Location | None:
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

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()


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
