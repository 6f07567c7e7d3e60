#!/usr/bin/env python3
"""How long the kiosk's screen stops answering while it searches; prints figures.

    .venv/bin/python benchmarks/kiosk_search_bench.py [--library DIR] [--runs 3]

The kiosk window on a library with its prebuilt index (default: the bundled library,
``library/.index``), offscreen. For each query, a 10 ms timer runs while the search is
made, and the longest gap between its ticks is how long a touch would have waited:

- baseline: the same search run on the screen's own thread (as the kiosk did before it
  used the search service: the tap returned when the search was done);
- kiosk: a tap on Search in the window (the search runs on the service's worker; the
  tap waits at most ``SEARCH_WAIT_S`` for it).

Also the time from the start of the search to its answer (baseline) and from the tap
to the results on the screen (kiosk). Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from reader.core.kiosk import KioskConfig
from reader.core.library import Library
from reader.core.model import SearchResults
from reader.core.search import SearchIndex
from reader.ui.application import application
from reader.ui.kiosk.window import SEARCH_WAIT_S, KioskWindow

ROOT = Path(__file__).resolve().parents[1]
QUERIES = (
    "iron",
    "heart disease risk",
    "health disease risk people children women blood heart cancer treatment",
)


def longest_gap(start: Callable[[], None], done: Callable[[], bool]) -> tuple[float, float]:
    """Run ``start`` from the event loop with a 10 ms timer ticking; return the longest
    gap between ticks and the time from ``start`` until ``done()``."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    began: list[float] = []

    def go() -> None:
        began.append(time.monotonic())
        start()

    timer.start()
    QTest.qWait(100)  # ticking before the search starts
    QTimer.singleShot(0, go)
    # Waited for in an event loop, as the kiosk's own runs (it lets go of the
    # interpreter while it waits, so the worker can search meanwhile).
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(20)
    check.timeout.connect(lambda: loop.quit() if began and done() else None)
    check.start()
    QTimer.singleShot(300_000, loop.quit)
    loop.exec()
    check.stop()
    if not (began and done()):
        raise SystemExit("the search did not finish in 300 s")
    finished = time.monotonic()
    QTest.qWait(50)
    timer.stop()
    during = [t for t in ticks if t >= began[0] - 0.1]
    gaps = [b - a for a, b in itertools.pairwise(during)]
    return max(gaps), finished - began[0]


def on_the_screens_thread(index: SearchIndex, query: str) -> tuple[float, float]:
    found: list[SearchResults] = []
    return longest_gap(lambda: found.append(index.search(query)), lambda: bool(found))


def tapped_in_the_kiosk(window: KioskWindow, query: str) -> tuple[float, float]:
    shown: list[SearchResults] = []
    window.results_shown.connect(shown.append)
    window.search_box.setText(query)

    def tap() -> None:
        QTest.mouseClick(window.search_button, Qt.MouseButton.LeftButton)

    try:
        return longest_gap(tap, lambda: bool(shown))
    finally:
        window.results_shown.disconnect(shown.append)
        window.reset_session()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=ROOT / "library")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = application()
    library = Library.scan(args.library)
    window = KioskWindow(library, KioskConfig())
    window.start()
    loop = QEventLoop()
    window.search.ready.connect(loop.quit)
    window.search.failed.connect(lambda message: sys.exit(f"no search: {message}"))
    if not window.search.is_ready:
        loop.exec()
    index = window.search.index
    assert index is not None
    where = "prebuilt" if window.search.prebuilt else "temporary"
    print(f"library {args.library} ({where} index), {args.runs} run(s), medians")
    print(f"kiosk waits at most {SEARCH_WAIT_S:.2f} s for a result before showing 'Searching'")
    print(f"{'':<40} {'screen stopped for':^27} {'answer after':^19}")
    print(f"{'query':<40} {'baseline':>9} {'kiosk':>8} {'ratio':>7} {'baseline':>9} {'kiosk':>8}")
    for query in QUERIES:
        base: list[float] = []
        kiosk: list[float] = []
        shown_after: list[float] = []
        answered: list[float] = []
        for _ in range(args.runs):
            gap, took = on_the_screens_thread(index, query)
            base.append(gap)
            answered.append(took)
            gap, took = tapped_in_the_kiosk(window, query)
            kiosk.append(gap)
            shown_after.append(took)
        b, k = statistics.median(base), statistics.median(kiosk)
        label = query if len(query) <= 38 else query[:35] + "..."
        print(
            f"{label:<40} {b:>7.2f} s {k:>6.2f} s {b / k:>6.1f}x "
            f"{statistics.median(answered):>7.2f} s {statistics.median(shown_after):>6.2f} s"
        )
    window.shutdown()
    window.guard.grant_exit()
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
