"""One exception tree for the core: every error carries a message a person can act on."""

from __future__ import annotations

from pathlib import Path

from reader.core.texts import QT_TRANSLATE_NOOP


class ReaderError(Exception):
    """Base of every error the core raises on purpose.

    ``str(error)`` is a complete sentence fit for a status bar or a terminal; it
    never contains a traceback. The message is written with ``QT_TRANSLATE_NOOP``
    (:mod:`reader.core.texts`) so that the window can show it in its language:
    :attr:`text` is that translatable sentence.
    """

    @property
    def text(self) -> str:
        """The message as it was raised (a :class:`~reader.core.texts.Text` when it is
        translatable), for the interface to translate; ``str(error)`` is its English."""
        first = self.args[0] if len(self.args) == 1 else None
        return first if isinstance(first, str) else str(self)


class ArticleError(ReaderError):
    """An article file cannot be read or parsed.

    Names the file and, where known, the 1-based line where the problem is.
    """

    def __init__(self, path: Path | str | None, message: str, line: int | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.detail = message
        if self.path is None:
            super().__init__(message)
        elif line is None:
            super().__init__(
                QT_TRANSLATE_NOOP("ArticleError", "{file}: {problem}").format(
                    file=self.path, problem=message
                )
            )
        else:
            super().__init__(
                QT_TRANSLATE_NOOP("ArticleError", "{file}:{line}: {problem}").format(
                    file=self.path, line=line, problem=message
                )
            )


class ImporterError(ReaderError):
    """A source file (seed text, JATS XML, ...) cannot be imported."""


class LibraryError(ReaderError):
    """The library folder itself is missing or unusable."""


class SearchError(ReaderError):
    """The search index cannot be opened, built or queried."""


class SettingsError(ReaderError):
    """User settings or a kiosk configuration are invalid."""
