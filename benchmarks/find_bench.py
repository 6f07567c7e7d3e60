#!/usr/bin/env python3
"""Find in the article (Ctrl+F): how long finding every match takes; prints figures.

    .venv/bin/python benchmarks/find_bench.py [--library DIR] [--runs 7]

The reader's find takes a formula's letters as they are seen, though an unseen separator
keeps them apart for speech ("νij" finds "ν⁣i⁣j"): it looks for a regular expression
that lets one stand between any two letters. The baseline, measured in the same run on
the same document, is the plain text search it replaced (``QTextDocument.find`` with the
words as typed). For the largest article of the library and a research article with
formulas, every match of each word is found (up to 10,000, as the find bar does after
each key), and the median of ``--runs`` is printed with its ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FORMULAS = "plos-pcbi.1004089"
WORDS = ("the", "vitamin", "νij", "Cij(t")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, default=ROOT / "library")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtGui import QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication

    from reader.cli.gui import GuiOptions
    from reader.core.library import Library
    from reader.ui.app import build_window
    from reader.ui.find_bar import _as_shown

    app = QApplication.instance() or QApplication(sys.argv)
    library = Library.scan(args.library)
    largest = max(library.summaries, key=lambda s: s.path.stat().st_size)
    window = build_window(GuiOptions(library=args.library, open_target=None), start_search=False)
    window.resize(1280, 800)
    window.show()
    view = window.article_view

    def every_match(needle: object) -> int:
        doc = view.document()
        cursor = QTextCursor(doc)
        found = 0
        while True:
            cursor = doc.find(needle, cursor, QTextDocument.FindFlag(0))
            if cursor.isNull() or found >= 10000:
                return found
            found += 1

    def timed(needle: object) -> tuple[float, int]:
        times, count = [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            count = every_match(needle)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000, count

    for article_id in (largest.id, FORMULAS):
        if library.summary(article_id) is None:
            print(f"{article_id}: not in the library")
            continue
        window.open_target(article_id)
        view.complete_text()
        app.processEvents()
        size = view.document().characterCount()
        print(f"{article_id} ({size:,} characters)")
        for word in WORDS:
            ours, n_ours = timed(_as_shown(word))
            plain, n_plain = timed(word)
            print(
                f"  {word!r:10} as seen {ours:7.1f} ms ({n_ours:4} found)   "
                f"baseline, as typed {plain:7.1f} ms ({n_plain:4} found)   "
                f"ratio {ours / plain:4.2f}"
            )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
