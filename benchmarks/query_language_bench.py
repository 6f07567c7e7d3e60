"""What telling a query's language costs, on the bundled (English-only) library's index.

    .venv/bin/python benchmarks/query_language_bench.py [--rounds N]

For each query, with the Spanish and with the English interface: the median milliseconds
of a whole search, and of the step that decides the query's language and whether the
library has articles in it (``_query_language`` + ``_absent_language``: guessing among the
index's and the interface languages, term look-ups of the query's words). Baseline, in the
same run: the whole search; the ratio is the language step's share of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = (
    "vitamina b12 leche materna",
    "dolor de cabeza",
    "presión arterial alta",
    "vitamin b12 breast milk",
    "heart attack",
    "diabetes",
    "vitamn b12",
)


def main(argv: list[str]) -> int:
    from reader.core.library import Library
    from reader.core.search import SearchIndex, location
    from reader.core.search.query import make_plan, parse_query

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    library = Library.scan(ROOT / "library")
    index = SearchIndex.open(library, location.for_reading(library))
    try:
        print(f"{len(library)} articles; index languages {index.languages()}")
        print("| query | interface | search ms | language step ms | share |")
        print("|---|---|---|---|---|")
        shares = []
        for query in QUERIES:
            for prefer in ("es", "en"):
                whole, step = [], []
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    index.search(query, language=prefer)
                    whole.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    parsed = parse_query(query)
                    code = index._query_language(parsed, prefer)
                    index._absent_language(make_plan(parsed, index.synonyms, code), prefer)
                    step.append(time.perf_counter() - started)
                w, s = statistics.median(whole) * 1000, statistics.median(step) * 1000
                shares.append(s / w)
                print(f"| {query} | {prefer} | {w:.1f} | {s:.2f} | {s / w:.1%} |")
        print(f"median share of the language step: {statistics.median(shares):.1%}")
    finally:
        index.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
