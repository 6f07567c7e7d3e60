"""Import the whole PLOS starter corpus into a temporary library and print the timings.

    .venv/bin/python benchmarks/import_jats.py [CORPUS_DIR] [--repeat N]

Prints total and per-article wall time (mean, median, p95, max), bytes of XML read
and Markdown written, and the import report totals. The corpus is fetched at set-up
into ``.cache/allofplos/starter_corpus`` (``scripts/fetch_plos.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reader.core.importers.jats import ImportReport, import_jats_bytes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".cache" / "allofplos" / "starter_corpus"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def run_once(files: list[Path], library: Path) -> tuple[float, list[float], list[ImportReport]]:
    per_article: list[float] = []
    reports: list[ImportReport] = []
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        t0 = time.perf_counter()
        reports.append(
            import_jats_bytes(
                data, path, library, "Research (PLOS)", replace=True, only_redistributable=True
            )
        )
        per_article.append(time.perf_counter() - t0)
    return time.perf_counter() - start, per_article, reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.xml"))
    if not files:
        print(f"no *.xml in {args.corpus}: run scripts/bootstrap.sh first", file=sys.stderr)
        return 2
    best: tuple[float, list[float], list[ImportReport]] | None = None
    for _ in range(max(1, args.repeat)):
        with tempfile.TemporaryDirectory(prefix="jats-bench-") as tmp:
            result = run_once(files, Path(tmp))
        if best is None or result[0] < best[0]:
            best = result
    assert best is not None
    total, per_article, reports = best
    ms = [t * 1000 for t in per_article]
    done = [r for r in reports if r.status == "imported"]
    bytes_in = sum(r.bytes_in for r in reports)
    bytes_out = sum(r.bytes_out for r in done)
    statuses: dict[str, int] = {}
    for r in reports:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    print(f"corpus: {args.corpus} ({len(files)} files, best of {args.repeat} runs)")
    print(f"outcome: {', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}")
    print(f"total: {total:.2f} s ({len(files) / total:.1f} articles/s)")
    print(
        f"per article: mean {statistics.mean(ms):.1f} ms, median {statistics.median(ms):.1f} ms, "
        f"p95 {percentile(ms, 0.95):.1f} ms, max {max(ms):.1f} ms"
    )
    print(
        f"bytes: {bytes_in / 1e6:.1f} MB XML in, {bytes_out / 1e6:.1f} MB Markdown out "
        f"({bytes_in / total / 1e6:.1f} MB/s of XML)"
    )
    print(
        f"imported: {sum(r.sections for r in done)} sections, "
        f"{sum(r.references for r in done)} references, "
        f"{sum(r.citations for r in done)} citations, "
        f"{sum(len(r.dangling) for r in done)} dangling"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
