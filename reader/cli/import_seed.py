"""``offline-reader import seed FILE... [--collection NAME] [--library DIR] [--replace]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.core.article import read_article
from reader.core.check import claim_lines
from reader.core.errors import ReaderError
from reader.core.importers.seed import import_seed
from reader.core.language import is_known_code
from reader.core.paths import bundled_library


def register(formats: Any) -> None:
    parser: argparse.ArgumentParser = formats.add_parser(
        "seed",
        help="import articles in the seed text layout (a scraped web page)",
        description=(
            "Convert seed-layout text files (category, title, body, numbered references, "
            "'HTML Headings:' list, disclaimer, author) into library Markdown: headings are "
            "placed, claims that name a reference are linked, others are flagged."
        ),
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="seed text file(s)")
    parser.add_argument(
        "--collection",
        default=None,
        help="collection name (default: from the file's category line)",
    )
    parser.add_argument(
        "--library", type=Path, default=None, help="library folder (default: the bundled one)"
    )
    parser.add_argument(
        "--replace", action="store_true", help="overwrite an article that already exists"
    )
    parser.add_argument(
        "--language",
        type=_language_tag,
        default="en",
        metavar="CODE",
        help="the articles' language (the seed layout does not say; default: en)",
    )
    parser.set_defaults(func=run)


def _language_tag(text: str) -> str:
    if not is_known_code(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a language code such as en, es or es-MX")
    return text.strip()


def run(args: argparse.Namespace) -> int:
    library: Path = args.library or bundled_library()
    failed = 0
    for source in args.files:
        try:
            result = import_seed(
                source, library, args.collection, replace=args.replace, language=args.language
            )
        except ReaderError as exc:
            failed += 1
            print(f"offline-reader import seed: {exc}", file=sys.stderr)
            continue
        sections = [s for s in result.converted.sections if s.heading]
        print(
            f"{source} -> {result.path}  ({len(sections)} headed section(s), "
            f"{len(result.converted.references)} reference(s))"
        )
        try:
            lines = claim_lines(read_article(result.path))
        except ReaderError as exc:  # pragma: no cover - the importer writes what it reads
            failed += 1
            print(f"offline-reader import seed: written but unreadable: {exc}", file=sys.stderr)
            continue
        for line in lines:
            print(f"  {line}")
    if failed:
        print(f"{failed} of {len(args.files)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0
