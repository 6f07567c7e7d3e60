"""Validate a library and report, per article, its problems and its claims.

The claim report says, for each citation, which claim cites which reference; for
each flagged claim, the source it names, the closest reference and why that was
not taken; and which references no claim cites.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import ArticleError
from reader.core.library import list_article_files
from reader.core.model import Article, Problem


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_lines(article: Article) -> tuple[str, ...]:
    """Human-readable claim report lines for one article."""
    lines: list[str] = []
    numbers = {r.key: r.number for r in article.references}
    for c in article.citations:
        heading = article.section(c.section_anchor)
        where = heading.heading if heading and heading.heading else "lead"
        lines.append(
            f"claim -> ref {numbers.get(c.reference_key, '?')} [{c.reference_key}] "
            f"({where}, ¶{c.paragraph}): {_short(c.claim)}"
        )
    lines.extend(problem_lines(article))
    for r in article.uncited_references:
        lines.append(f"ref {r.number} [{r.key}] is cited by no claim: {_short(r.text)}")
    return tuple(lines)


def problem_lines(article: Article) -> tuple[str, ...]:
    """What staff should look at: flagged claims and headings placed on weak evidence."""
    lines: list[str] = []
    numbers = {r.key: r.number for r in article.references}
    for f in article.flagged:
        section = article.section(f.section_anchor)
        where = section.heading if section and section.heading else "lead"
        if f.kind == "ambiguous":
            both = " and ".join(f"ref {numbers.get(k, '?')} [{k}]" for k in f.candidates)
            lines.append(
                f"FLAGGED ambiguous ({where}): claim names {f.named_source!r}, which fits "
                f"{both}; linked to neither — {f.reason}: {_short(f.claim)}"
            )
            continue
        closest = (
            f" closest: ref {numbers[f.closest_key]} [{f.closest_key}]"
            if f.closest_key in numbers
            else ""
        )
        lines.append(
            f"FLAGGED ({where}): claim names {f.named_source!r}, which is not in the "
            f"references;{closest} — {f.reason}: {_short(f.claim)}"
        )
    for u in article.uncertain_headings:
        others = ", ".join(f"“{a}…”" for a in u.alternatives) or "—"
        lines.append(
            f"UNCERTAIN heading {u.heading!r} placed before “{u.placed_before}…”; "
            f"it could also head {others} (confirm or move it in a .headings file)"
        )
    return tuple(lines)


@dataclass(frozen=True, slots=True)
class ArticleCheck:
    path: Path
    article_id: str | None
    problems: tuple[Problem, ...]
    claim_lines: tuple[str, ...]
    article: Article | None

    @property
    def broken(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    @property
    def links(self) -> int:
        return len(self.article.citations) if self.article else 0

    @property
    def flags(self) -> int:
        return len(self.article.flagged) if self.article else 0

    @property
    def uncertain_headings(self) -> int:
        return len(self.article.uncertain_headings) if self.article else 0

    @property
    def review_lines(self) -> tuple[str, ...]:
        """Flags and uncertain headings (what ``--quiet`` prints besides problems)."""
        return problem_lines(self.article) if self.article else ()


@dataclass(frozen=True, slots=True)
class LibraryCheck:
    articles: tuple[ArticleCheck, ...]

    @property
    def broken_count(self) -> int:
        return sum(1 for a in self.articles if a.broken)

    @property
    def warning_count(self) -> int:
        return sum(1 for a in self.articles for p in a.problems if p.severity == "warning")

    @property
    def link_count(self) -> int:
        return sum(a.links for a in self.articles)

    @property
    def flag_count(self) -> int:
        return sum(a.flags for a in self.articles)

    @property
    def uncertain_count(self) -> int:
        return sum(a.uncertain_headings for a in self.articles)

    def summary(self, root: Path) -> str:
        """One line for the library: articles, links, flags, low-confidence headings."""
        return (
            f"{root}: {len(self.articles)} article(s), {self.link_count} link(s), "
            f"{self.flag_count} flag(s), {self.uncertain_count} low-confidence heading(s); "
            f"{self.broken_count} broken, {self.warning_count} warning(s)"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "articles": [
                {
                    "path": str(a.path),
                    "id": a.article_id,
                    "broken": a.broken,
                    "problems": [
                        {"severity": p.severity, "line": p.line, "message": p.message}
                        for p in a.problems
                    ],
                    "claims": list(a.claim_lines),
                    "links": a.links,
                    "flags": a.flags,
                    "uncertain_headings": a.uncertain_headings,
                }
                for a in self.articles
            ],
            "broken": self.broken_count,
            "links": self.link_count,
            "flags": self.flag_count,
            "uncertain_headings": self.uncertain_count,
        }


def check_library(root: Path) -> LibraryCheck:
    from reader.core.article import read_article

    checks: list[ArticleCheck] = []
    ids: dict[str, Path] = {}
    paths, skipped = list_article_files(root)
    for problem in skipped:
        checks.append(ArticleCheck(problem.path, None, (problem,), (), None))
    for path in paths:
        try:
            article = read_article(path, root)
        except ArticleError as exc:
            checks.append(
                ArticleCheck(path, None, (Problem(path, exc.detail, exc.line),), (), None)
            )
            continue
        problems = list(article.warnings)
        if article.id in ids:
            problems.append(
                Problem(path, f"duplicate id {article.id!r}: already used by {ids[article.id]}")
            )
        else:
            ids[article.id] = path
        checks.append(
            ArticleCheck(path, article.id, tuple(problems), claim_lines(article), article)
        )
    return LibraryCheck(tuple(checks))
