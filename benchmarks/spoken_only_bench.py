#!/usr/bin/env python3
"""What Say All's heading words cost: putting "heading level N." before every heading of
an article's document (``reader.ui.spoken_only.label_headings``), and taking them out of
a copy of the whole of it (``without_spoken_only``), against the baseline measured in the
same run: giving a QTextDocument the article's HTML (``setHtml``), which every opening
does anyway. Prints figures.

    .venv/bin/python benchmarks/spoken_only_bench.py [--library DIR] [--runs 5]

The article is the library's largest file, and the seed article.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"


def best_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and best of ``runs`` timings, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--library", type=Path, default=ROOT / "library")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtGui import QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication

    from reader.core.library import Library
    from reader.ui.article_html import render_article
    from reader.ui.spoken_only import label_headings, without_spoken_only

    app = QApplication(sys.argv[:1])
    library = Library.scan(args.library)
    largest = max(library.summaries, key=lambda s: s.path.stat().st_size)
    for name, article_id in (("largest", largest.id), ("seed", SEED_ID)):
        article = library.load(article_id)
        html = render_article(article).html
        headings = sum(1 for s in article.headed_sections if s.level >= 2)

        def set_html(html: str = html) -> QTextDocument:
            doc = QTextDocument()
            doc.setHtml(html)
            return doc

        def labelled() -> QTextDocument:
            doc = set_html()
            label_headings(doc, doc.begin(), lambda level: f"heading level {level}")
            return doc

        def copied() -> None:
            doc = labelled()
            cursor = QTextCursor(doc)
            cursor.select(QTextCursor.SelectionType.Document)
            copy = QTextDocument()
            QTextCursor(copy).insertFragment(cursor.selection())
            without_spoken_only(copy)

        base, base_best = best_ms(set_html, args.runs)
        with_labels, labels_best = best_ms(labelled, args.runs)
        with_copy, copy_best = best_ms(copied, args.runs)
        print(f"{name} ({article_id}, {len(html):,} characters of HTML, {headings} headings):")
        print(f"  setHtml (baseline)            {base:8.1f} ms median, {base_best:8.1f} best")
        print(
            f"  setHtml + heading words       {with_labels:8.1f} ms median, "
            f"{labels_best:8.1f} best   x{with_labels / base:.2f} the baseline"
        )
        print(
            f"  + a copy of all, words out    {with_copy:8.1f} ms median, "
            f"{copy_best:8.1f} best   x{with_copy / base:.2f} the baseline"
        )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
