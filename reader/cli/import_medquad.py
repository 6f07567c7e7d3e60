"""``offline-reader import medquad DIR_OR_ARCHIVE... [--sources S] [--library DIR] [--quiet]``:
MedQuAD topic files into the library, one article per topic, with a report per file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.core.importers.medquad import SOURCES, import_medquad, parse_sources
from reader.core.paths import bundled_library


def register(formats: Any) -> None:
    parser: argparse.ArgumentParser = formats.add_parser(
        "medquad",
        help="import plain-language health topics from MedQuAD (NIH and CDC, CC BY 4.0)",
        description=(
            "Convert MedQuAD topic files (XML, a folder of them, or the MedQuAD .tar.xz "
            "archive) into library articles: one per topic, a section per kind of question, "
            "one collection per source. Prints what happened to each file (imported, merged, "
            "skipped, failed, and why); exit status 1 when any failed."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="DIR_OR_ARCHIVE",
        help="topic XML file(s), folder(s) or the MedQuAD .tar.xz archive",
    )
    parser.add_argument(
        "--sources",
        default="all",
        help=(
            "'general' (general health sources), 'all', or a comma-separated list of: "
            + ", ".join(s.key for s in SOURCES)
            + " (default: all)"
        ),
    )
    parser.add_argument(
        "--library", type=Path, default=None, help="library folder (default: the bundled one)"
    )
    parser.add_argument("--quiet", action="store_true", help="print only failures and the summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    library: Path = args.library or bundled_library()
    try:
        sources = parse_sources(args.sources)
    except ValueError as exc:
        print(f"offline-reader import medquad: {exc}", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"offline-reader import medquad: {path}: no such file or folder", file=sys.stderr)
    result = import_medquad([p for p in args.paths if p.exists()], library, sources=sources)
    for report in result.reports:
        if report.failed:
            print(report.line(), file=sys.stderr)
        elif not args.quiet:
            print(report.line())
    print(result.summary())
    failed = len(result.failed) + len(missing)
    if failed:
        print(f"{failed} file(s) failed", file=sys.stderr)
    return 1 if failed else 0
