"""``offline-reader import jats FILE_OR_DIR... --collection NAME [--library DIR] [--replace]
[--only-redistributable]``: JATS XML articles into the library, with a report per file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.core.importers.jats import ImportReport, import_jats_files
from reader.core.language import is_known_code
from reader.core.paths import bundled_library


def register(formats: Any) -> None:
    parser: argparse.ArgumentParser = formats.add_parser(
        "jats",
        help="import research articles in JATS XML (PLOS, PubMed Central, BMC, eLife)",
        description=(
            "Convert JATS XML articles into library Markdown: sections, tables, figure "
            "captions, and every in-text citation as a footnote to its reference. Folders "
            "are searched for *.xml. Prints a report per file; exit status 1 when any failed."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="FILE_OR_DIR", help="JATS XML file(s) or folder(s)"
    )
    parser.add_argument("--collection", required=True, help="collection name, e.g. 'Research'")
    parser.add_argument(
        "--library", type=Path, default=None, help="library folder (default: the bundled one)"
    )
    parser.add_argument(
        "--replace", action="store_true", help="overwrite an article that already exists"
    )
    parser.add_argument(
        "--only-redistributable",
        action="store_true",
        help="import only CC-BY, CC0 and public-domain articles (refuse the others)",
    )
    parser.add_argument(
        "--language",
        type=_language_tag,
        default="en",
        metavar="CODE",
        help="language of articles whose <article xml:lang> says none (default: en)",
    )
    parser.set_defaults(func=run)


def _language_tag(text: str) -> str:
    if not is_known_code(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a language code such as en, es or es-MX")
    return text.strip()


def summary_line(reports: list[ImportReport]) -> str:
    counts: dict[str, int] = {}
    for report in reports:
        counts[report.status] = counts.get(report.status, 0) + 1
    done = [r for r in reports if r.status in ("imported", "skipped", "converted")]
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    return (
        f"{len(reports)} file(s): {parts or 'nothing to import'}; "
        f"{sum(r.sections for r in done)} section(s), "
        f"{sum(r.references for r in done)} reference(s), "
        f"{sum(r.citations for r in done)} citation(s), "
        f"{sum(len(r.dangling) for r in done)} dangling citation(s)"
    )


def run(args: argparse.Namespace) -> int:
    library: Path = args.library or bundled_library()
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"offline-reader import jats: {path}: no such file or folder", file=sys.stderr)
    reports = import_jats_files(
        [p for p in args.paths if p.exists()],
        library,
        args.collection,
        replace=args.replace,
        only_redistributable=args.only_redistributable,
        language=args.language,
    )
    for report in reports:
        stream = sys.stderr if report.failed else sys.stdout
        print("\n".join(report.lines()), file=stream)
    print(summary_line(reports))
    failed = sum(1 for r in reports if r.failed) + len(missing)
    if failed:
        print(f"{failed} file(s) failed", file=sys.stderr)
    return 1 if failed else 0
