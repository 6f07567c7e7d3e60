"""``offline-reader check``: validate the whole library and print the claim report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from reader.core.check import ArticleCheck, check_library
from reader.core.library import require_library
from reader.core.paths import bundled_library


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "check",
        help="validate every article and report claims and references",
        description=(
            "Validate every article of the library: front matter, footnotes, ids, encoding; "
            "print each article's claim report and a summary line for the library. Exit "
            "status 1 when any article is broken (with --strict: or has a flagged claim)."
        ),
    )
    parser.add_argument("--library", type=Path, default=None, help="library folder to check")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="print only problems: errors, warnings, flagged claims, uncertain headings",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit status 1 also when any claim is flagged"
    )
    parser.set_defaults(func=run)


def _print_text(check: ArticleCheck, quiet: bool) -> None:
    label = check.article_id or str(check.path)
    status = "BROKEN" if check.broken else "ok"
    review = check.review_lines
    if quiet and not check.problems and not review:
        return
    print(f"{label}: {status}  ({check.path})")
    for problem in check.problems:
        line = f":{problem.line}" if problem.line is not None else ""
        print(f"  {problem.severity}{line}: {problem.message}")
    for row in review if quiet else check.claim_lines:
        print(f"  {row}")


def run(args: argparse.Namespace) -> int:
    root: Path = args.library or bundled_library()
    require_library(root)
    report = check_library(root)
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        for check in report.articles:
            _print_text(check, args.quiet)
        print(report.summary(root))
    if report.broken_count:
        return 1
    return 1 if args.strict and report.flag_count else 0
