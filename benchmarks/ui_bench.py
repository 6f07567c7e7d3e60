#!/usr/bin/env python3
"""Reader window timings on the bundled library; prints figures.

    .venv/bin/python benchmarks/ui_bench.py [--library DIR] [--runs 5]

1. cold start to the first painted window: a fresh process per run (QT_QPA_PLATFORM
   offscreen unless a display is set), measured from before ``python`` starts to the
   first paint event of the window (the search index is left to its background thread);
2. opening the largest article of the library (parse + render + layout);
3. applying a text-size change (100 % -> 200 %) with that article open.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from reader.cli.gui import GuiOptions
from reader.ui.app import application, build_window

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.window() is window:
            print(f"painted {time.time():.6f}", flush=True)
            app.exit(0)
        return False

app = application()
window = build_window(GuiOptions(library=Path(sys.argv[1])), start_search=True)
watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
QTimer.singleShot(20000, lambda: app.exit(1))
app.exec()
window.search.shutdown(0)
"""


def cold_start(library: Path, runs: int) -> list[float]:
    times = []
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    for _ in range(runs):
        env["OFFLINE_READER_HOME"] = tempfile.mkdtemp(prefix="reader-bench-")
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(library)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        line = next((x for x in out.stdout.splitlines() if x.startswith("painted ")), None)
        if line is None:
            print(out.stderr[-2000:], file=sys.stderr)
            raise SystemExit("the window never painted")
        times.append(float(line.split()[1]) - start)
    return times


def in_process(library: Path, runs: int) -> tuple[str, int, list[float], list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["OFFLINE_READER_HOME"] = tempfile.mkdtemp(prefix="reader-bench-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from reader.cli.gui import GuiOptions
    from reader.core.navigation import OpenRequest
    from reader.ui.app import application, build_window

    app = application()
    window = build_window(GuiOptions(library=library), start_search=False)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    largest = max(window.library.summaries, key=lambda s: s.path.stat().st_size)
    size = largest.path.stat().st_size
    open_times, size_times = [], []
    for _ in range(runs):
        window.show_welcome()
        window.article_view._article = None
        QApplication.processEvents()
        t0 = time.perf_counter()
        window.open_article(OpenRequest(largest.id, remember=False))
        window.article_view.document().documentLayout().documentSize()  # full layout
        QApplication.processEvents()
        open_times.append(time.perf_counter() - t0)
        for scale in (200, 100):
            t0 = time.perf_counter()
            window.update_settings(text_scale=scale)
            window.article_view.document().documentLayout().documentSize()
            QApplication.processEvents()
            if scale == 200:
                size_times.append(time.perf_counter() - t0)
    window.close()
    app.processEvents()
    return largest.id, size, open_times, size_times


def ms(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:.0f} ms "
        f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"
    )


def main() -> int:
    p = argparse.ArgumentParser(description="reader window timings")
    p.add_argument("--library", type=Path, default=ROOT / "library")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    n = sum(1 for _ in args.library.rglob("*.md"))
    print(f"library: {args.library} ({n} articles)")
    print(f"cold start to first painted window: {ms(cold_start(args.library, args.runs))}")
    article_id, size, opens, sizes = in_process(args.library, args.runs)
    print(f"largest article: {article_id} ({size / 1024:.0f} KiB)")
    print(f"open the largest article (parse, render, layout): {ms(opens)}")
    print(f"text size 100 % -> 200 % on it: {ms(sizes)}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # Skip interpreter teardown: the figures are printed, and Qt objects torn down by the
    # garbage collector after QApplication add nothing to measure.
    os._exit(code)
