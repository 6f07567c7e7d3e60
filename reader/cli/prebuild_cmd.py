"""``offline-reader prebuild``: parse every article once, beside the library, so that each
opens at once (also on read-only media and on a kiosk, which write nothing)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from reader.core import article_cache
from reader.core.article_cache import prebuild, prebuilt_folder
from reader.core.library import Library
from reader.core.paths import bundled_library


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "prebuild",
        help="parse every article once so that each opens at once",
        description=(
            "Parse every article of the library and keep the result beside it "
            "(<library>/.parsed), so that an article opens without being parsed, also where "
            "nothing can be written. Only articles added or changed since the last run are "
            "parsed again; the results of articles no longer in the library are removed."
        ),
    )
    parser.add_argument("--library", type=Path, default=None, help="library folder")
    parser.add_argument(
        "--out", type=Path, default=None, help="folder to write to (default: <library>/.parsed)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not article_cache.COMPLETE:
        print(
            "offline-reader: parsed articles cannot be kept by this version: the format of "
            "reader/core/article_cache.py lacks fields of the model",
            file=sys.stderr,
        )
        return 2
    root: Path = args.library or bundled_library()
    start = time.monotonic()
    library = Library.scan(root)
    for problem in library.problems:
        print(f"  skipped: {problem}", file=sys.stderr)
    folder: Path = args.out or prebuilt_folder(root)
    report = prebuild(library, folder)
    print(
        f"{report.written} parsed, {report.kept} unchanged, {report.removed} removed "
        f"in {time.monotonic() - start:.1f} s: {folder}"
    )
    for problem in report.problems:
        print(f"  not parsed: {problem}", file=sys.stderr)
    return 1 if report.problems else 0
