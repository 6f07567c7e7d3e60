"""How well the seed importer does on articles whose right answers are written down.

Beside an article ``NAME.txt`` in the seed layout, ``NAME.expected.json`` says where each
listed heading goes (the opening words of the paragraph it heads), which sentence cites
which reference (by number), and which sentences are flagged: a source named but absent
from the references, or one name two references share (``ambiguous``, with both numbers).
The format is described in ``tests/fixtures/seed_layout/README.md``.

:func:`score_corpus` imports each article (in memory) and counts what agrees: link
precision and recall, flag precision, recall and accuracy, heading accuracy, and how many
articles are entirely right. Staff can hold their own articles to the same account.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.importers import SourceFileError, read_source_text
from reader.core.importers.seed import (
    ConvertedSeed,
    convert_seed,
    placement_file,
    read_placement_overrides,
)
from reader.core.text import fold

MAX_EXPECTATIONS_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class ExpectedFlag:
    sentence: str
    kind: str  # "absent" | "ambiguous"
    names: str = ""
    candidates: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Expectations:
    headings: tuple[tuple[str, str], ...]  # (heading, opening words of its first paragraph)
    links: frozenset[tuple[str, int]]  # (sentence, reference number)
    flags: tuple[ExpectedFlag, ...]


def read_expectations(path: Path) -> Expectations:
    """Read a ``NAME.expected.json``; raise :class:`SourceFileError` when it is malformed."""
    try:
        if path.stat().st_size > MAX_EXPECTATIONS_BYTES:
            raise SourceFileError(path, "the expectations file is too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        headings = tuple((str(h["heading"]), str(h["before"])) for h in data.get("headings", []))
        links = frozenset((str(k["sentence"]), int(k["reference"])) for k in data["links"])
        flags = tuple(
            ExpectedFlag(
                str(f["sentence"]),
                str(f["kind"]),
                str(f.get("names", "")),
                tuple(sorted(int(n) for n in f.get("candidates", []))),
            )
            for f in data["flags"]
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SourceFileError(path, f"not a valid expectations file: {exc}") from None
    for f in flags:
        if f.kind not in ("absent", "ambiguous"):
            raise SourceFileError(path, f"unknown flag kind {f.kind!r}")
    return Expectations(headings, links, flags)


@dataclass(frozen=True, slots=True)
class ProducedFlag:
    sentence: str
    kind: str
    names: str
    candidates: tuple[int, ...]


def produced_flags(converted: ConvertedSeed) -> tuple[ProducedFlag, ...]:
    number = {r.key: r.number for r in converted.references}
    out = []
    for f in converted.report.flags:
        candidates = tuple(sorted(number[k] for k in f.candidates if k in number))
        out.append(ProducedFlag(f.sentence, f.kind, f.names, candidates))
    return tuple(out)


def _flag_agrees(expected: ExpectedFlag, got: ProducedFlag) -> bool:
    if expected.sentence != got.sentence or expected.kind != got.kind:
        return False
    if expected.kind == "ambiguous":
        return expected.candidates == got.candidates
    a, b = fold(expected.names), fold(got.names)
    return bool(a) and bool(b) and (a in b or b in a)


@dataclass(slots=True)
class ArticleScore:
    name: str
    headings_right: int = 0
    headings_total: int = 0
    links_right: int = 0
    links_made: int = 0
    links_expected: int = 0
    flags_right: int = 0
    flags_made: int = 0
    flags_expected: int = 0
    uncertain: int = 0  # placements reported as uncertain
    wrong_caught: int = 0  # wrong placements reported, with the right paragraph among the others
    problems: list[str] = field(default_factory=list)

    @property
    def entirely_right(self) -> bool:
        return not self.problems


def score_article(name: str, converted: ConvertedSeed, expected: Expectations) -> ArticleScore:
    score = ArticleScore(name)
    # Headings: each listed heading before the paragraph it heads.
    sections = {s.heading: s for s in converted.sections if s.heading}
    uncertain = {u.heading: u for u in converted.uncertain}
    score.uncertain = len(uncertain)
    for heading, before in expected.headings:
        score.headings_total += 1
        section = sections.get(heading)
        first = section.paragraphs[0] if section and section.paragraphs else ""
        if first.startswith(before):
            score.headings_right += 1
            continue
        doubt = uncertain.get(heading)
        caught = doubt is not None and any(
            before.startswith(a) or a.startswith(before) for a in doubt.alternatives
        )
        score.wrong_caught += caught
        note = " (reported uncertain, the right paragraph among the alternatives)" if caught else ""
        score.problems.append(
            f"heading {heading!r} is before {first[:50]!r}, expected before {before!r}{note}"
        )
    # Links: (sentence, reference number) pairs.
    number = {r.key: r.number for r in converted.references}
    made = {(link.sentence, number.get(link.reference_key, 0)) for link in converted.report.links}
    score.links_made = len(made)
    score.links_expected = len(expected.links)
    score.links_right = len(made & expected.links)
    for sentence, ref in sorted(made - expected.links):
        score.problems.append(f"FALSE LINK to ref {ref}: {sentence[:70]!r}")
    for sentence, ref in sorted(expected.links - made):
        score.problems.append(f"missed link to ref {ref}: {sentence[:70]!r}")
    # Flags.
    got = list(produced_flags(converted))
    score.flags_made = len(got)
    score.flags_expected = len(expected.flags)
    unmatched = list(got)
    for want in expected.flags:
        hit = next((g for g in unmatched if _flag_agrees(want, g)), None)
        if hit is None:
            what = want.names or f"refs {list(want.candidates)}"
            score.problems.append(f"missed {want.kind} flag ({what}): {want.sentence[:60]!r}")
        else:
            unmatched.remove(hit)
            score.flags_right += 1
    for g in unmatched:
        score.problems.append(f"wrong {g.kind} flag ({g.names}): {g.sentence[:60]!r}")
    return score


@dataclass(frozen=True, slots=True)
class CorpusScore:
    articles: tuple[ArticleScore, ...]

    def _sum(self, name: str) -> int:
        return sum(int(getattr(a, name)) for a in self.articles)

    @property
    def link_precision(self) -> float:
        made = self._sum("links_made")
        return self._sum("links_right") / made if made else 1.0

    @property
    def link_recall(self) -> float:
        want = self._sum("links_expected")
        return self._sum("links_right") / want if want else 1.0

    @property
    def flag_precision(self) -> float:
        made = self._sum("flags_made")
        return self._sum("flags_right") / made if made else 1.0

    @property
    def flag_recall(self) -> float:
        want = self._sum("flags_expected")
        return self._sum("flags_right") / want if want else 1.0

    @property
    def flag_accuracy(self) -> float:
        """Flags right over flags expected or made (a wrong flag and a missed one both count)."""
        right = self._sum("flags_right")
        union = self._sum("flags_expected") + self._sum("flags_made") - right
        return right / union if union else 1.0

    @property
    def heading_accuracy(self) -> float:
        total = self._sum("headings_total")
        return self._sum("headings_right") / total if total else 1.0

    @property
    def entirely_right(self) -> int:
        return sum(1 for a in self.articles if a.entirely_right)

    def summary_lines(self) -> list[str]:
        n = len(self.articles)
        return [
            f"articles: {n}, entirely right: {self.entirely_right} of {n}",
            f"links: precision {self.link_precision:.1%} "
            f"({self._sum('links_right')} of {self._sum('links_made')} made), "
            f"recall {self.link_recall:.1%} "
            f"({self._sum('links_right')} of {self._sum('links_expected')} expected)",
            f"flags: accuracy {self.flag_accuracy:.1%}, precision {self.flag_precision:.1%} "
            f"({self._sum('flags_right')} of {self._sum('flags_made')} made), "
            f"recall {self.flag_recall:.1%} "
            f"({self._sum('flags_right')} of {self._sum('flags_expected')} expected)",
            f"headings: accuracy {self.heading_accuracy:.1%} "
            f"({self._sum('headings_right')} of {self._sum('headings_total')}); "
            f"reported uncertain: {self._sum('uncertain')}, among them "
            f"{self._sum('wrong_caught')} of the "
            f"{self._sum('headings_total') - self._sum('headings_right')} wrong ones "
            "with the right paragraph as an alternative",
        ]


def expectation_files(folders: Iterable[Path]) -> list[Path]:
    """Every ``NAME.txt`` with a ``NAME.expected.json`` beside it, in name order."""
    out: list[Path] = []
    for folder in folders:
        path = Path(folder)
        candidates: Sequence[Path] = [path] if path.is_file() else sorted(path.glob("*.txt"))
        out.extend(p for p in candidates if p.with_suffix(".expected.json").is_file())
    return out


def overrides(path: Path) -> dict[str, str] | None:
    extra = placement_file(path)
    return read_placement_overrides(extra) if extra.is_file() else None


def score_corpus(files: Iterable[Path]) -> CorpusScore:
    scores = []
    for path in files:
        converted = convert_seed(read_source_text(path), path, overrides=overrides(path))
        expected = read_expectations(path.with_suffix(".expected.json"))
        scores.append(score_article(path.stem, converted, expected))
    return CorpusScore(tuple(scores))
