"""``offline-reader search QUERY``: search the library from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from reader.core.errors import SearchError
from reader.core.library import Library, require_library
from reader.core.model import SearchHit, SearchResults
from reader.core.paths import bundled_library
from reader.core.search import SearchIndex, location


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "search",
        help="search the library",
        description=(
            "Search the library: plain words (sections with all of them first), "
            '"quoted phrases", -excluded words. A query that starts with "-" goes after '
            "'--'. The index is built or updated first when needed."
        ),
    )
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.add_argument("--collection", default=None, help="only this collection")
    parser.add_argument("--limit", type=int, default=10, help="how many sections to show")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--library", type=Path, default=None, help="library folder to search")
    parser.add_argument("--index", type=Path, default=None, help="index folder to use")
    parser.add_argument(
        "--language",
        default=None,
        metavar="CODE",
        help="the reader's language (en, es): how a query that could be either is read, "
        "as the window does with its interface language",
    )
    parser.set_defaults(func=run)


def marked(hit: SearchHit, tty: bool) -> str:
    """The snippet with its matched words marked: reverse video on a terminal, [brackets]
    otherwise."""
    start, end = ("\x1b[7m", "\x1b[0m") if tty else ("[", "]")
    out: list[str] = []
    last = 0
    for s, e in hit.highlights:
        out.append(hit.snippet[last:s])
        out.append(f"{start}{hit.snippet[s:e]}{end}")
        last = e
    out.append(hit.snippet[last:])
    return "".join(out)


def as_json(results: SearchResults) -> dict[str, Any]:
    data = dataclasses.asdict(results)
    data["hits"] = [dataclasses.asdict(h) for h in results.hits]
    return data


def print_text(results: SearchResults, tty: bool) -> None:
    if results.did_you_mean:
        print(f"Did you mean: {results.did_you_mean}")
    if results.message:
        print(results.message)
    if results.broader and results.broader != results.query:
        print(f"Broader search: {results.broader}")
    current = None
    for hit in results.hits:
        if hit.article_id != current:
            current = hit.article_id
            print(f"\n{hit.article_title}  [{hit.article_id}, {hit.collection}]")
        heading = hit.section_heading or "(introduction)"
        print(f"  § {heading}  #{hit.section_anchor}  score {hit.score:.2f}")
        if hit.snippet:
            print(f"    {marked(hit, tty)}")
    if results.hits:
        print(f"\n{len(results.hits)} shown of {results.total} matching sections")


def as_text(arg: str) -> str:
    """A command-line argument as text: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) become U+FFFD, so whatever is printed is valid UTF-8."""
    return arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def write_utf8(text: str) -> None:
    """``text`` on standard output as UTF-8, whatever the locale says."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "replace"))
    sys.stdout.buffer.flush()


def run(args: argparse.Namespace) -> int:
    root: Path = args.library or bundled_library()
    require_library(root)
    query = as_text(" ".join(args.query))
    collection = as_text(args.collection) if args.collection is not None else None
    library = Library.scan(root)
    index = SearchIndex.open(library, location.for_writing(library, args.index), verify=True)
    try:
        results = None
        for _ in range(2):  # damage found while searching: rebuilt, then asked again once
            if index.needs_update():
                print("updating the search index…", file=sys.stderr, flush=True)
                try:
                    index.update()
                except SearchError as exc:  # a full disk, say: the last index still answers
                    print(f"offline-reader: {exc}", file=sys.stderr, flush=True)
                    results = index.search(
                        query,
                        collection=collection,
                        limit=max(1, args.limit),
                        language=args.language,
                    )
                    break
            results = index.search(
                query, collection=collection, limit=max(1, args.limit), language=args.language
            )
            if not results.rebuilding:
                break
    finally:
        index.close()
    assert results is not None
    if args.json:
        write_utf8(json.dumps(as_json(results), indent=2, ensure_ascii=False, default=str) + "\n")
    else:
        print_text(results, sys.stdout.isatty())
    return 0 if results.hits else 1
