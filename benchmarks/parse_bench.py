#!/usr/bin/env python3
"""How parsing an article scales with its size; prints figures and doubling ratios.

    .venv/bin/python benchmarks/parse_bench.py [--case NAME ...] [--steps 3] [--budget 120]

Each case is a family of articles that double in size (and in citations, footnotes,
keys ...) from one step to the next. For every size it prints the file's size, what it
holds, the CPU seconds that ``read_article`` (decode + front matter + Markdown + claims)
took, and the ratio to the step before: about 2.0 is linear, 4.0 quadratic. The
baseline each ratio is measured against is the previous size of the same case, in the
same run. A case stops early once one parse exceeds ``--budget`` seconds.

Cases:
  cited-one-paragraph  n cited sentences in ONE paragraph (the worst case seen: 1,000
                       took 5.4 s, 2,000 18 s, 4,000 73 s)
  cited-paragraphs     n cited sentences, one per paragraph
  footnotes            n footnote definitions, each cited once
  abbreviations        one paragraph of n sentences that do not end ("Dr. ", "e.g. ")
  cr-line-ends         n short lines ended by CR only
  yaml-keys            n keys in the front matter
  brackets             n "[" in the body
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.article import read_article  # noqa: E402

FM = "---\nid: bench\ntitle: Parse bench\ncollection: Bench\n---\n\n"
REFS = 40


def _refs() -> str:
    return "\n".join(
        f"[^r{i}]: Author {i}. A study of vitamin D. Journal. 2020." for i in range(REFS)
    )


def cited_one_paragraph(n: int) -> str:
    # one sentence a line, no blank line between: one paragraph (within every line limit)
    sentences = "\n".join(f"Claim {i} is about vitamin levels.[^r{i % REFS}]" for i in range(n))
    return f"{FM}{sentences}\n\n{_refs()}\n"


def cited_paragraphs(n: int) -> str:
    body = "\n\n".join(f"Claim {i} is about vitamin levels.[^r{i % REFS}]" for i in range(n))
    return f"{FM}{body}\n\n{_refs()}\n"


def footnotes(n: int) -> str:
    body = "\n".join(
        f"Claim {i} about iron.[^f{i}]" + ("\n" if i % 20 == 19 else "") for i in range(n)
    )
    defs = "\n".join(f"[^f{i}]: Author {i}. Iron and blood. Journal. 2019." for i in range(n))
    return f"{FM}{body}\n\n{defs}\n"


def abbreviations(n: int) -> str:
    words = " ".join(("Dr. Smith e.g. said vit. approx. ca. no.\n" * (n // 8 + 1)).split(" ")[:n])
    return f"{FM}{words} ends here.[^r0]\n\n{_refs()}\n"


def cr_line_ends(n: int) -> str:
    return (FM + "".join(f"Line {i} of text\r" for i in range(n))).replace("\n", "\r")


def yaml_keys(n: int) -> str:
    keys = "".join(f"key{i}: value {i}\n" for i in range(n))
    return f"---\nid: bench\ntitle: Parse bench\ncollection: Bench\n{keys}---\n\nText.\n"


def brackets(n: int) -> str:
    return FM + "[" * n + "\n"


CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "cited-one-paragraph": (cited_one_paragraph, 1000, "cited sentences"),
    "cited-paragraphs": (cited_paragraphs, 1000, "cited paragraphs"),
    "footnotes": (footnotes, 2500, "footnotes"),
    "abbreviations": (abbreviations, 5000, "words"),
    "cr-line-ends": (cr_line_ends, 5000, "lines"),
    "yaml-keys": (yaml_keys, 7500, "keys"),
    "brackets": (brackets, 25000, "brackets"),
}


def measure(text: str, where: Path) -> tuple[int, float, int]:
    path = where / "bench.md"
    path.write_text(text, encoding="utf-8", newline="")
    start = time.process_time()
    article = read_article(path)
    return path.stat().st_size, time.process_time() - start, len(article.citations)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    parser.add_argument("--steps", type=int, default=3, help="sizes per case (each doubles)")
    parser.add_argument("--budget", type=float, default=120.0, help="stop a case past this")
    args = parser.parse_args()
    print(f"{'case':<20} {'n':>8} {'KiB':>8} {'citations':>9} {'CPU s':>8} {'x prev':>7}")
    with tempfile.TemporaryDirectory(prefix="parse-bench-") as tmp:
        for name in args.case or list(CASES):
            make, first, _what = CASES[name]
            previous: float | None = None
            for step in range(args.steps):
                n = first * 2**step
                size, seconds, cites = measure(make(n), Path(tmp))
                ratio = f"{seconds / previous:7.2f}" if previous else "   base"
                print(
                    f"{name:<20} {n:>8} {size / 1024:>8.0f} {cites:>9} {seconds:>8.2f} {ratio}",
                    flush=True,
                )
                previous = max(seconds, 1e-6)
                if seconds > args.budget:
                    print(f"{name:<20} stopped: over the {args.budget:.0f} s budget")
                    break
    print("x prev: CPU time over the previous size's (doubling): 2.0 linear, 4.0 quadratic")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
