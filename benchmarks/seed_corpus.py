"""Import every seed-layout article that has written expectations and print how many hold.

    .venv/bin/python benchmarks/seed_corpus.py [FILE_OR_DIR...] [--details]

By default: ``tests/fixtures/seed_layout/`` and the seed article. Prints link precision
and recall, flag accuracy (with precision and recall) and heading accuracy over the
corpus; ``--details`` lists every disagreement by article. The expectations format is in
``tests/fixtures/seed_layout/README.md``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.core.importers.seed_expect import expectation_files, score_corpus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "tests" / "fixtures" / "seed_layout", ROOT / "tests" / "fixtures"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    files = expectation_files(args.paths or DEFAULT)
    score = score_corpus(files)
    if args.details:
        for article in score.articles:
            for problem in article.problems:
                print(f"{article.name}: {problem}")
    for line in score.summary_lines():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
