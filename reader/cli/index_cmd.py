"""``offline-reader index``: build or update the search index, or prebuild one for a kiosk."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core import index_wire
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.model import IndexPhase, IndexProgress, IndexReport
from reader.core.paths import bundled_library, user_cache_dir
from reader.core.search import SearchIndex, location


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "index",
        help="build or update the search index",
        description=(
            "Build the search index of the library, or bring it up to date: only articles "
            "added, changed or removed since the last run are indexed again. With --out, "
            "prebuild an index in a folder of your choice (put it in <library>/.index to "
            "ship it with the library on read-only media)."
        ),
    )
    parser.add_argument("--library", type=Path, default=None, help="library folder to index")
    parser.add_argument("--out", type=Path, default=None, help="folder to write the index to")
    parser.add_argument("--rebuild", action="store_true", help="index every article again")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    parser.add_argument(
        "--progress-json",
        action="store_true",
        help="print progress and the outcome as JSON lines on standard output, for a program "
        "to read (the reader window builds its index this way); SIGTERM cancels cleanly",
    )
    parser.set_defaults(func=run)


class _Progress:
    """One line per tenth of the work (or a line updated in place on a terminal)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, p: IndexProgress) -> None:
        if self.quiet:
            return
        if p.phase is IndexPhase.INDEXING and p.total:
            tenth = p.done * 10 // p.total
            if self.tty:
                print(f"\rindexing {p.done + 1}/{p.total}", end="", file=sys.stderr, flush=True)
            elif tenth != self.last_tenth:
                self.last_tenth = tenth
                print(f"indexing {p.done + 1}/{p.total}", file=sys.stderr, flush=True)
        elif p.phase in (IndexPhase.CHECKING, IndexPhase.COMMITTING):
            end = "\n" if self.tty and p.phase is IndexPhase.COMMITTING else ""
            print(f"{end}{p.phase}…", file=sys.stderr, flush=True)


class JsonProgress:
    """Progress as lines of :mod:`reader.core.index_wire`: every change of phase and,
    while indexing, at most ten lines a second. The outcome follows as one last line."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.last_phase: IndexPhase | None = None
        self.last_time = 0.0

    def __call__(self, p: IndexProgress) -> None:
        now = time.monotonic()
        if p.phase == self.last_phase and now - self.last_time < self.interval:
            return
        self.last_phase, self.last_time = p.phase, now
        _OUTPUT.write_line(index_wire.encode_progress(p))


class _Output:
    """Standard output for ``--progress-json``: once the reading end is gone (the window
    that started this process quit or was killed), nothing more is written and the work
    is cancelled, with no traceback."""

    def __init__(self) -> None:
        self.gone = threading.Event()
        self.on_gone: list[Callable[[], object]] = []

    def write_line(self, text: str) -> None:
        if self.gone.is_set():
            return
        try:
            print(text, flush=True)
        except (BrokenPipeError, ValueError):
            self.close()

    def close(self) -> None:
        if self.gone.is_set():
            return
        self.gone.set()
        # Whatever is still buffered would fail again at exit: send it nowhere.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        for callback in self.on_gone:
            callback()


_OUTPUT = _Output()


def watch_parent(cancelled: threading.Event, interval: float = 0.5) -> threading.Thread:
    """Cancel the work when the process that started this one goes (a window killed
    with SIGKILL cannot stop its indexer): this process is then adopted by another."""
    parent = os.getppid()

    def watch() -> None:
        while not cancelled.wait(interval):
            if os.getppid() != parent:
                cancelled.set()
                _OUTPUT.close()

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread


def print_report(report: IndexReport) -> None:
    print(
        f"{report.added} added, {report.changed} changed, {report.removed} removed, "
        f"{report.unchanged} unchanged in {report.seconds:.1f} s"
    )
    if report.location is not None:
        print(f"index: {report.location}")
    for problem in report.problems:
        print(f"  not indexed: {problem}")
    if report.cancelled:
        print("cancelled: nothing was written")


def run(args: argparse.Namespace) -> int:
    if args.progress_json:
        return run_json(args)
    root: Path = args.library or bundled_library()
    library = Library.scan(root)
    for problem in library.problems:
        print(f"  skipped: {problem}", file=sys.stderr)
    index = SearchIndex.open(library, location.for_writing(library, args.out), verify=True)
    try:
        if index.damage and not args.quiet and "no index yet" not in index.damage:
            print(f"rebuilding the index: {index.damage}", file=sys.stderr)
        progress = _Progress(args.quiet)
        report = index.rebuild(progress) if args.rebuild else index.update(progress)
        print_report(report)
        stats = index.stats()
        print(f"{stats['articles']} articles, {stats['sections']} searchable sections")
    finally:
        index.close()
    return 1 if report.problems else 0


def run_json(args: argparse.Namespace) -> int:
    """``--progress-json``: the same work, told as JSON lines; SIGTERM stops it at the next
    article, leaving the last committed index as it was."""
    cancelled = threading.Event()
    previous: Any = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, lambda *_: cancelled.set())
    global _OUTPUT
    _OUTPUT = _Output()  # a fresh one each run (tests run several in one process)
    _OUTPUT.on_gone.append(cancelled.set)
    watch_parent(cancelled)
    root: Path = args.library or bundled_library()
    try:
        library = Library.scan(root, cache_dir=user_cache_dir())
        index = SearchIndex.open(library, location.for_writing(library, args.out), verify=True)
        try:
            progress = JsonProgress()
            if args.rebuild:
                report = index.rebuild(progress, cancelled.is_set)
            else:
                report = index.update(progress, cancelled.is_set)
            _OUTPUT.write_line(index_wire.encode_finished(report, index.notice, index.temporary))
            index.keep_temporary_folder()  # the window opens it, and deletes it at the end
        finally:
            index.close()
    except ReaderError as exc:
        _OUTPUT.write_line(index_wire.encode_failed(exc.text))
        return 2
    finally:
        cancelled.set()  # stops the parent watch
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0
