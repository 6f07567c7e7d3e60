"""One exception tree for the core: every error carries a message a person can act on."""

from __future__ import annotations

from pathlib import Path


class ReaderError(Exception):
    """Base of every error the core raises on purpose.

    ``str(error)`` is a complete sentence fit for a status bar or a terminal; it
    never contains a traceback.
    """


class ArticleError(ReaderError):
    """An article file cannot be read or parsed.

    Names the file and, where known, the 1-based line where the problem is.
    """

    def __init__(self, path: Path | str | None, message: str, line: int | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.detail = message
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if line is not None:
                where += f":{line}"
            where += ": "
        super().__init__(f"{where}{message}")


class ImporterError(ReaderError):
    """A source file (seed text, JATS XML, ...) cannot be imported."""


class LibraryError(ReaderError):
    """The library folder itself is missing or unusable."""


class SearchError(ReaderError):
    """The search index cannot be opened, built or queried."""


class SettingsError(ReaderError):
    """User settings or a kiosk configuration are invalid."""
