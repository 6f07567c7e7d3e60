"""What searching in each article's language costs: a mixed library, English and Spanish.

    .venv/bin/python benchmarks/language_bench.py [--copies N] [--rounds N]

The library is the bundled one (``library/``) plus the Spanish test articles, each Spanish
article copied ``--copies`` times under new ids so both languages have some weight. Every
query runs ``--rounds`` times; the figures are the median milliseconds per search.

Baseline, measured in the same run on the same index: the search with the query's
language fixed to English (no guess, no language-first ordering) — what the reader did
before articles had languages. The ratio is language-aware / baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = (
    "vitamin b12 breast milk",
    "heart attack",
    "anaemia pregnancy",
    "vitamina b12 leche materna",
    "enfermedades del corazón",
    "fiebre en niños",
    "diabetes",
    "brest milk",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="language-bench-"))
    os.environ["OFFLINE_READER_HOME"] = str(tmp / "home")
    from reader.core.library import Library
    from reader.core.search import SearchIndex

    root = tmp / "library"
    shutil.copytree(ROOT / "library", root, ignore=shutil.ignore_patterns(".index"))
    spanish = ROOT / "tests" / "fixtures" / "spanish_library" / "salud-familiar"
    target = root / "salud-familiar"
    target.mkdir()
    for n in range(args.copies):
        for path in spanish.glob("*.md"):
            text = path.read_text(encoding="utf-8").replace("\nid: ", f"\nid: c{n}-", 1)
            (target / f"c{n}-{path.name}").write_text(text, encoding="utf-8")
    index = SearchIndex.open(Library.scan(root), tmp / "index")
    started = time.perf_counter()
    index.update()
    print(f"indexed {index.stats()['articles']} articles in {time.perf_counter() - started:.1f} s")
    print(f"languages in the index: {', '.join(index.languages())}")

    def timed(query: str) -> float:
        times = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            index.search(query)
            times.append((time.perf_counter() - t) * 1000)
        return statistics.median(times)

    aware = {q: timed(q) for q in QUERIES}
    first = {
        q: index.search(q).hits[0].article_id if index.search(q).hits else "-" for q in QUERIES
    }
    # the baseline: the same index, the query always analysed as English
    index.languages = lambda: ("en",)  # type: ignore[method-assign]
    baseline = {q: timed(q) for q in QUERIES}
    print(f"{'query':32} {'aware ms':>9} {'English ms':>10} {'ratio':>6}  first hit (aware)")
    for q in QUERIES:
        print(
            f"{q:32} {aware[q]:9.2f} {baseline[q]:10.2f} {aware[q] / baseline[q]:6.2f}  {first[q]}"
        )
    total_aware, total_base = sum(aware.values()), sum(baseline.values())
    print(f"{'all':32} {total_aware:9.2f} {total_base:10.2f} {total_aware / total_base:6.2f}")
    index.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
