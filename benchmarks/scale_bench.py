#!/usr/bin/env python3
"""A 50,000-article library in the real window (offscreen): is the UI thread ever blocked?

    .venv/bin/python benchmarks/scale_bench.py [--articles 50000] [--index-seconds 60]

Generates a synthetic library in a temporary folder (or ``--dir``), times the library
scan (first and cached), builds the window, then drives it from its own event loop
while a 10 ms QTimer records how late each tick fires (an event-loop stall): opening
articles, walking the library tree by keyboard, typing searches while the index is
built in the background, and (``--prebuild``, or once the index is ready) timing
searches. Prints the longest stall, the 99th percentile and what caused each of the
longest ones. The bar: no stall over 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "robustness")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from robust_library import make_library  # noqa: E402


class StallMonitor:
    """A 10 ms timer; each tick's lateness is a stall of the event loop, tagged with the
    step of the script that was running."""

    def __init__(self, period_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.period = period_ms / 1000
        self.stalls: list[tuple[float, str]] = []
        self.step = "start"
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append((max(0.0, now - self._last - self.period) * 1000, self.step))
        self._last = now

    def report(self, label: str, steps: set[str] | None = None) -> None:
        values = sorted(v for v, s in self.stalls if steps is None or s in steps)
        if not values:
            return
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        over = sum(1 for v in values if v > 100)
        print(
            f"  {label:<34} ticks {len(values):6d}  longest {values[-1]:7.1f} ms  "
            f"p99 {p99:6.1f} ms  median {statistics.median(values):5.1f} ms  >100 ms: {over}"
        )


def generate(root: Path, count: int) -> None:
    have = sum(1 for _ in root.rglob("*.md")) if root.exists() else 0
    if have == count:
        print(f"library: {count} articles already in {root}")
        return
    started = time.perf_counter()
    make_library(root, count, paragraphs=4)
    print(f"library: generated {count} articles in {root} ({time.perf_counter() - started:.1f} s)")


def first_start(root: Path) -> int:
    """A first start (no scan cache): how soon the window shows, how long until the library
    is listed, and the event-loop stalls meanwhile."""
    from PySide6.QtCore import QTimer

    from reader.cli.gui import GuiOptions
    from reader.core.settings import SettingsStore
    from reader.ui.app import application, build_window

    app = application()
    monitor = StallMonitor()
    monitor.step = "first start: listing"
    started = time.perf_counter()
    window = build_window(
        GuiOptions(library=root), SettingsStore(None), start_search=False, background_scan=True
    )
    window.resize(1280, 800)
    window.show()
    shown = time.perf_counter() - started
    print(f"first start: window shown after {shown:.2f} s ({window.status_label.text()})")
    loaded: dict[str, float] = {}

    def poll() -> None:
        if window.library_pane.article_count() and "t" not in loaded:
            loaded["t"] = time.perf_counter() - started
            monitor.step = "first start: listed"
            QTimer.singleShot(1000, app.quit)
        elif "t" not in loaded:
            QTimer.singleShot(20, poll)

    monitor.start()
    QTimer.singleShot(0, poll)
    app.exec()
    monitor.stop()
    print(f"first start: library listed after {loaded.get('t', float('nan')):.2f} s")
    print("event-loop stalls (lateness of a 10 ms timer):")
    monitor.report("all")
    for step in dict.fromkeys(s for _, s in monitor.stalls):
        monitor.report(step, {step})
    worst = sorted(monitor.stalls, reverse=True)[:5]
    print("longest: " + ", ".join(f"{v:.0f} ms ({s})" for v, s in worst))
    window.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--dir", type=Path, default=None, help="library folder to (re)use")
    parser.add_argument("--index-seconds", type=float, default=60.0, help="watch indexing")
    parser.add_argument(
        "--prebuild", action="store_true", help="build the whole index first, then time searches"
    )
    parser.add_argument(
        "--first-start",
        action="store_true",
        help="only time a first start (no scan cache): the window shows, then lists the library",
    )
    parser.add_argument(
        "--home", type=Path, default=None, help="user folders to (re)use: keeps a built index"
    )
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="scale-home-"))
    os.environ["OFFLINE_READER_HOME"] = str(home)
    root = args.dir or Path(tempfile.mkdtemp(prefix="scale-lib-")) / "library"
    generate(root, args.articles)
    if args.first_start:
        return first_start(root)

    from reader.core.library import Library
    from reader.core.paths import user_cache_dir

    for label in ("first (no cache)", "again (cached)"):
        started = time.perf_counter()
        library = Library.scan(root, cache_dir=user_cache_dir())
        print(f"scan {label}: {time.perf_counter() - started:.2f} s, {len(library)} articles")

    if args.prebuild:  # by another process, as a prebuilt index is
        started = time.perf_counter()
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        }
        command = [sys.executable, "-m", "reader", "index", "--library", str(root), "--quiet"]
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        print(f"index built beforehand: {time.perf_counter() - started:.0f} s")

    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from reader.cli.gui import GuiOptions
    from reader.core.navigation import OpenRequest
    from reader.core.settings import SettingsStore
    from reader.ui.app import application, build_window

    app = application()
    started = time.perf_counter()
    window = build_window(GuiOptions(library=root), SettingsStore(None), start_search=False)
    window.resize(1280, 800)
    window.show()
    print(f"window built and shown (scan included): {time.perf_counter() - started:.2f} s")

    monitor = StallMonitor()
    ids = [s.id for s in window.library.summaries]
    search_times: list[float] = []
    pending: dict[str, float] = {}

    def on_results(results: object) -> None:
        query = getattr(results, "query", "")
        if query in pending:
            search_times.append(time.perf_counter() - pending.pop(query))

    window.search.search_finished.connect(on_results)
    index_state = {"ready": False}
    window.search.index_finished.connect(lambda *_: index_state.update(ready=True))

    script: list[tuple[str, float, Callable[[], None]]] = []

    def at(step: str, delay: float, action: Callable[[], None]) -> None:
        script.append((step, delay, action))

    for n in range(20):
        article_id = ids[(n * 2503) % len(ids)]
        at("open article", 0.1, lambda a=article_id: window.open_article(OpenRequest(a)))
    tree = window.library_pane.tree
    at("library: focus", 0.1, tree.setFocus)
    for _ in range(60):
        at(
            "library: arrow keys",
            0.03,
            lambda: QApplication.sendEvent(
                tree,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
            ),
        )
    at("library: expand all", 0.2, tree.expandAll)
    at("library: to the end", 0.2, lambda: tree.verticalScrollBar().setValue(10**9))
    at("library: collapse all", 0.2, tree.collapseAll)
    at("index: start", 0.1, window.search.start)
    queries = ["vitamin", "iron pregnancy", "blood pressure", "folate", "sleep exercise", "zinc"]

    def ask(query: str) -> None:
        pending[query] = time.perf_counter()
        window.search_pane.set_query(query)
        window.search.search(query)

    ticks = int(args.index_seconds / 2)
    for n in range(ticks):
        q = f"{queries[n % len(queries)]}"
        at("search while indexing", 2.0, lambda q=q: ask(q))
    at("search after", 0.5, lambda: None)

    def run_script(i: int = 0) -> None:
        if i >= len(script):
            finish()
            return
        step, delay, action = script[i]
        monitor.step = step
        action()
        QTimer.singleShot(int(delay * 1000), lambda: run_script(i + 1))

    def finish() -> None:
        monitor.step = "idle"
        if index_state["ready"]:
            for q in queries:
                QTimer.singleShot(0, lambda q=q: ask(q))
        QTimer.singleShot(3000, app.quit)

    monitor.start()
    QTimer.singleShot(500, run_script)
    app.exec()
    monitor.stop()
    window.search.shutdown(2000)

    print("event-loop stalls (lateness of a 10 ms timer):")
    monitor.report("all")
    for step in dict.fromkeys(s for _, s in monitor.stalls):
        monitor.report(step, {step})
    worst = sorted(monitor.stalls, reverse=True)[:5]
    print("longest: " + ", ".join(f"{v:.0f} ms ({s})" for v, s in worst))
    if search_times:
        ms = sorted(t * 1000 for t in search_times)
        print(
            f"search round trip: {len(ms)} queries, median {statistics.median(ms):.0f} ms, "
            f"longest {ms[-1]:.0f} ms (index ready: {index_state['ready']})"
        )
    longest = max((v for v, _ in monitor.stalls), default=0.0)
    print(f"RESULT longest stall {longest:.0f} ms: {'OK' if longest <= 100 else 'OVER 100 ms'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
