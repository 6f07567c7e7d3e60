"""The library on disk: ``<root>/<collection folder>/<article>.md``.

Scanning reads only each file's front matter, so the library pane can list
thousands of articles without parsing their bodies. A file that cannot be read is
reported by name (and line) and the rest of the library still loads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.article import (
    MAX_ARTICLE_BYTES,
    content_hash,
    decode_article_bytes,
    load_front_matter,
    meta_from_front_matter,
    read_article,
)
from reader.core.errors import ArticleError, LibraryError
from reader.core.model import Article, ArticleSummary, Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Collection:
    name: str
    articles: tuple[ArticleSummary, ...]


def iter_article_files(root: Path) -> Iterator[Path]:
    """Every ``*.md`` below ``root``, in a stable order, skipping hidden folders and links
    that lead outside the library."""
    root_resolved = root.resolve()
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_symlink():
            try:
                path.resolve().relative_to(root_resolved)
            except ValueError:
                log.warning("skipping %s: a link that leads outside the library", path)
                continue
        if path.is_file():
            yield path


def summarise(path: Path) -> ArticleSummary:
    """Read one file's front matter; raise :class:`ArticleError` when it is unusable."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                path, f"the file is {size / 1e6:.1f} MB; articles that large are refused"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot be read: {exc.strerror or exc}") from None
    text = decode_article_bytes(data, path)
    fields, _ = load_front_matter(text, path)
    meta = meta_from_front_matter(fields, path)
    return ArticleSummary(
        id=meta.id,
        title=meta.title,
        collection=meta.collection,
        path=path,
        authors=meta.authors,
        journal=meta.journal,
        published=meta.published,
        content_hash=content_hash(data),
    )


class Library:
    """The articles under one root folder, listed from their front matter."""

    def __init__(
        self, root: Path, summaries: tuple[ArticleSummary, ...], problems: tuple[Problem, ...]
    ) -> None:
        self.root = root
        self.summaries = summaries
        self.problems = problems
        self._by_id = {s.id: s for s in summaries}

    @classmethod
    def scan(cls, root: Path) -> Library:
        root = Path(root)
        if not root.is_dir():
            raise LibraryError(f"the library folder {root} does not exist or is not a folder")
        summaries: list[ArticleSummary] = []
        problems: list[Problem] = []
        seen: dict[str, Path] = {}
        for path in iter_article_files(root):
            try:
                summary = summarise(path)
            except ArticleError as exc:
                problems.append(Problem(path, exc.detail, exc.line))
                log.warning("%s", exc)
                continue
            if summary.id in seen:
                problems.append(
                    Problem(
                        path, f"duplicate id {summary.id!r}: already used by {seen[summary.id]}"
                    )
                )
                continue
            seen[summary.id] = path
            summaries.append(summary)
        summaries.sort(key=lambda s: (s.collection.casefold(), s.title.casefold()))
        return cls(root, tuple(summaries), tuple(problems))

    def __len__(self) -> int:
        return len(self.summaries)

    def collections(self) -> tuple[Collection, ...]:
        groups: dict[str, list[ArticleSummary]] = {}
        for s in self.summaries:
            groups.setdefault(s.collection, []).append(s)
        return tuple(Collection(name, tuple(items)) for name, items in groups.items())

    def summary(self, article_id: str) -> ArticleSummary | None:
        return self._by_id.get(article_id)

    def find(self, path_or_id: str) -> ArticleSummary | None:
        """An article by id, or by the path of its file (relative or absolute)."""
        if path_or_id in self._by_id:
            return self._by_id[path_or_id]
        try:
            wanted = Path(path_or_id).resolve()
        except (OSError, ValueError):
            return None
        return next((s for s in self.summaries if s.path.resolve() == wanted), None)

    def load(self, article_id: str) -> Article:
        summary = self._by_id.get(article_id)
        if summary is None:
            raise LibraryError(f"there is no article with id {article_id!r} in {self.root}")
        return read_article(summary.path)
