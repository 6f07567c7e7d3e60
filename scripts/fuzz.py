#!/usr/bin/env python3
"""Fuzz every parser that reads outside data for a while: ``scripts/fuzz.py --seconds 300``.

Runs the properties of ``tests/robustness/robust_props.py`` (the same ones the test
suite runs briefly) in rounds until the time is up, spreading the time over the
parsers. Exits 1 with the smallest failing input hypothesis found, 0 otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "robustness")]

import robust_props as props  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from robust_library import make_library  # noqa: E402


def _targets(tmp: Path) -> dict[str, tuple[Any, Callable[..., None]]]:
    from reader.core.library import Library
    from reader.core.search import SearchIndex

    counter = iter(range(10**9))

    def scan(files: list[bytes]) -> None:
        root = tmp / f"scan{next(counter)}"
        props.check_scan(root, files)

    def kiosk(text: str) -> None:
        props.check_kiosk(text, tmp)

    index = SearchIndex.open(Library.scan(make_library(tmp / "lib", 12)), tmp / "ix")
    index.update()

    def query(text: str) -> None:
        props.check_query(index, text)

    small = make_library(tmp / "small", 4)
    small_library = Library.scan(small)

    def settings_file(data: bytes) -> None:
        where = tmp / f"settings{next(counter)}"
        where.mkdir()
        props.check_settings(data, where)

    def scan_cache(data: bytes) -> None:
        props.check_scan_cache(data, small, tmp / f"cache{next(counter)}")

    def manifest(data: bytes) -> None:
        where = tmp / f"manifest{next(counter)}"
        where.mkdir()
        props.check_manifest(data, where, small_library)

    return {
        "decode": (st.binary(max_size=5000), props.check_decode),
        "parse": (props.any_text, props.check_parse),
        "body": (props.markdownish, props.check_parse_body),
        "front-matter": (props.yamlish, props.check_front_matter),
        "scan": (st.lists(st.binary(max_size=400), min_size=1, max_size=5), scan),
        "kiosk": (st.text(max_size=400), kiosk),
        "jats": (props.xmlish, props.check_jats),
        "seed": (props.seedish, props.check_seed),
        "query": (props.queryish, query),
        "settings": (st.binary(max_size=2000), settings_file),
        "scan-cache": (st.binary(max_size=2000), scan_cache),
        "manifest": (st.binary(max_size=2000), manifest),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="total time (default 60)")
    parser.add_argument("--only", action="append", help="fuzz only this parser (repeatable)")
    parser.add_argument("--batch", type=int, default=100, help="examples per round")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # the parsers log every refused file; keep the output short
    os.environ.setdefault("OFFLINE_READER_HOME", tempfile.mkdtemp(prefix="fuzz-home-"))
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp_name:
        targets = _targets(Path(tmp_name))
        names = [n for n in targets if not args.only or n in args.only]
        if not names:
            parser.error(f"--only must be one of: {', '.join(targets)}")
        deadline = time.monotonic() + args.seconds
        counts = dict.fromkeys(names, 0)
        while time.monotonic() < deadline:
            for name in names:
                if time.monotonic() >= deadline:
                    break
                strategy, check = targets[name]
                run = settings(
                    max_examples=args.batch,
                    deadline=None,
                    database=None,
                    suppress_health_check=list(HealthCheck),
                )(given(strategy)(check))
                try:
                    run()
                except Exception as exc:  # the property failed: report and stop
                    print(f"fuzz: {name}: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
                    return 1
                counts[name] += args.batch
        summary = ", ".join(f"{n} {c}" for n, c in counts.items())
        print(f"fuzz: no failure in {args.seconds:.0f} s ({summary} examples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
