#!/usr/bin/env python3
"""Reader window timings on the bundled library; prints figures.

    .venv/bin/python benchmarks/ui_bench.py [--library DIR] [--runs 5]

1. cold start to the first painted window: a fresh process per run (QT_QPA_PLATFORM
   offscreen unless a display is set), measured from before ``python`` starts to the
   first paint event of the window (the search index is left to its background thread);
2. for the largest article of the library and the seed article: reading it
   (``Library.load``: from the parsed articles kept beside the library, as
   ``scripts/bootstrap.sh`` prebuilds them, and parsed anew as before they were kept),
   then from the click (``open_article``) to the first screen of text painted, the parse
   included, against the old path (the same click with nothing kept: parsed anew on the
   worker, and the References pane measuring all its rows at once) and a bare
   QTextBrowser given the article's HTML; rendering the parsed article
   to its first screen, the rest of its layout afterwards and the longest turn of the
   event loop meanwhile (how long a key press could wait), and a text-size change
   (100 % -> 200 %) to its first paint; each against a baseline measured in the same run:
   a bare QTextBrowser given the same HTML, and the same browser given a font twice the
   size.
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"

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


class _Painted:
    """Counts paint events of one widget (the article's viewport) and when each came."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.times: list[float] = []
        painted = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    painted.times.append(time.perf_counter())
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)

    @property
    def count(self) -> int:
        return len(self.times)


def _until_painted(
    app: Any, painted: _Painted, t0: float, ready: Any = None, since: int | None = None
) -> float:
    """Seconds from ``t0`` to the first paint of the watched widget after ``ready()`` (or,
    with ``since``, the first after that many paints: one made during the change counts)."""
    deadline = time.perf_counter() + 10
    while ready is not None and not ready() and time.perf_counter() < deadline:
        app.processEvents()
    seen = painted.count if since is None else since
    while painted.count == seen and time.perf_counter() < deadline:
        app.processEvents()
    return painted.times[seen] - t0 if painted.count > seen else time.perf_counter() - t0


def _rest_of_layout(app: Any, view: Any) -> tuple[float, float]:
    """Turn the event loop until the document is laid out to its end; return the time it
    took and the longest single turn (how long a key press could have waited)."""
    layout = view.document().documentLayout()
    longest = 0.0
    t0 = time.perf_counter()
    last_size = -1.0
    stable = 0
    while stable < 3 and time.perf_counter() - t0 < 10:
        t = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - t)
        height = view.verticalScrollBar().maximum()
        stable = stable + 1 if height == last_size else 0
        last_size = height
        time.sleep(0.012)  # the layout's own timer steps every 10 ms
    _ = layout
    return time.perf_counter() - t0, longest


def in_process(library: Path, runs: int, seed: str) -> list[tuple[str, list[float]]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["OFFLINE_READER_HOME"] = tempfile.mkdtemp(prefix="reader-bench-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from reader.cli.gui import GuiOptions
    from reader.core.navigation import OpenRequest
    from reader.ui.app import application, build_window
    from reader.ui.article_html import render_article

    app = application()
    window = build_window(GuiOptions(library=library), start_search=False)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    view = window.article_view
    painted = _Painted(view.viewport())
    bar_painted = _Painted(window.toolbar)
    largest = max(window.library.summaries, key=lambda s: s.path.stat().st_size)
    figures: list[tuple[str, list[float]]] = []
    for label, article_id in (("largest", largest.id), ("seed", seed)):
        if window.library.summary(article_id) is None:
            continue
        size = window.library.summary(article_id).path.stat().st_size  # type: ignore[union-attr]
        name = f"{label} article {article_id} ({size / 1024:.0f} KiB)"
        parse, opens, renders, rests, stalls, steps, step_rests = [], [], [], [], [], [], []
        parse_anew: list[float] = []
        old_opens: list[float] = []
        kept = window.library.parsed
        step_wholes: list[float] = []
        middle_steps: list[float] = []
        base_opens, base_steps = [], []
        for _ in range(runs):
            window.show_welcome()
            QApplication.processEvents()
            t0 = time.perf_counter()
            article = window.library.load(article_id)
            parse.append(time.perf_counter() - t0)
            window.library.parsed = None  # the old path: every open parses the file
            t0 = time.perf_counter()
            window.library.load(article_id)
            parse_anew.append(time.perf_counter() - t0)

            def shown(wanted: str = article_id) -> bool:
                return view.article is not None and view.article.id == wanted

            refs = window.references_pane.list
            for times, cache in ((old_opens, None), (opens, kept)):
                window.library.parsed = cache
                # the old path measured every row of the References pane before painting
                old = cache is None
                refs.setLayoutMode(refs.LayoutMode.SinglePass if old else refs.LayoutMode.Batched)
                window.show_welcome()
                QApplication.processEvents()
                t0 = time.perf_counter()
                window.open_article(OpenRequest(article_id, remember=False))
                times.append(_until_painted(app, painted, t0, shown))
                _rest_of_layout(app, view)
            window.library.parsed = kept
            view.show_welcome([])
            QApplication.processEvents()
            t0 = time.perf_counter()
            view.show_article(article)
            renders.append(_until_painted(app, painted, t0))
            rest, stall = _rest_of_layout(app, view)
            rests.append(rest)
            stalls.append(stall)
            for scale in (200, 100):
                mark, bar_mark = painted.count, bar_painted.count
                t0 = time.perf_counter()
                window.update_settings(text_scale=scale)
                took = _until_painted(app, painted, t0, since=mark)
                whole = _until_painted(app, bar_painted, t0, since=bar_mark)
                rest, stall = _rest_of_layout(app, view)
                if scale == 200:
                    steps.append(took)
                    step_wholes.append(whole)
                    step_rests.append(stall)
            # The same step read from the middle of the article: the text above the place
            # is laid out too, to know where the place goes.
            bar = view.verticalScrollBar()
            bar.setValue(bar.maximum() // 2)
            app.processEvents()
            for scale in (200, 100):
                mark = painted.count
                t0 = time.perf_counter()
                window.update_settings(text_scale=scale)
                took = _until_painted(app, painted, t0, since=mark)
                _rest_of_layout(app, view)
                if scale == 200:
                    middle_steps.append(took)
            # Baseline, same run: a bare QTextBrowser given the same HTML, then a font
            # twice the size, each to its first paint.
            bare = QTextBrowser()
            bare.resize(view.size())
            bare.show()
            bare_painted = _Painted(bare.viewport())
            QApplication.processEvents()
            html = render_article(article).html
            t0 = time.perf_counter()
            bare.setHtml(html)
            base_opens.append(_until_painted(app, bare_painted, t0))
            _rest_of_layout(app, bare)
            font = QFont(bare.font())
            font.setPointSizeF(font.pointSizeF() * 2)
            mark = bare_painted.count
            t0 = time.perf_counter()
            bare.setFont(font)
            base_steps.append(_until_painted(app, bare_painted, t0, since=mark))
            bare.close()
            bare.deleteLater()
            QApplication.processEvents()
        figures += [
            (f"{name}: Library.load (parsed articles prebuilt)", parse),
            ("  Library.load parsing the file anew (as before they were kept)", parse_anew),
            (f"{name}: click -> first screen of text painted, the parse included", opens),
            (
                "  baseline (old path): the same, parsed anew, every reference row measured",
                old_opens,
            ),
            (
                "  baseline: bare QTextBrowser.setHtml of the article's HTML -> first paint",
                base_opens,
            ),
            (f"{name}: render the parsed article -> first screen of text painted", renders),
            ("  baseline: bare QTextBrowser.setHtml of the same HTML -> first paint", base_opens),
            ("  the rest laid out afterwards (total)", rests),
            ("  the longest event-loop turn meanwhile (a key waits at most this)", stalls),
            (f"{name}: text size 100 % -> 200 % -> first screen painted", steps),
            ("  baseline: bare QTextBrowser.setFont(twice the size) -> first paint", base_steps),
            ("  the window's tool bar repainted at its new size too", step_wholes),
            ("  the same step read from the middle of the article", middle_steps),
            ("  the longest event-loop turn while the rest is laid out", step_rests),
        ]
    window.close()
    app.processEvents()
    return figures


def ms(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:.0f} ms "
        f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"
    )


def main() -> int:
    p = argparse.ArgumentParser(description="reader window timings")
    p.add_argument("--library", type=Path, default=ROOT / "library")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--seed", default=SEED_ID, help="the seed article's id")
    args = p.parse_args()
    n = sum(1 for _ in args.library.rglob("*.md"))
    print(f"library: {args.library} ({n} articles)")
    print(f"cold start to first painted window: {ms(cold_start(args.library, args.runs))}")
    figures = in_process(args.library, args.runs, args.seed)
    measured: list[float] = []
    for label, values in figures:
        print(f"{label}: {ms(values)}")
        if label.lstrip().startswith("baseline") and measured:
            ratio = statistics.median(measured) / statistics.median(values)
            print(f"  ratio to that baseline: {ratio:.2f}x")
        if "first screen" in label:
            measured = values
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # Skip interpreter teardown: the figures are printed, and Qt objects torn down by the
    # garbage collector after QApplication add nothing to measure.
    os._exit(code)
