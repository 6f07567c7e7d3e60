"""``offline-reader import FORMAT ...``: convert outside articles into library Markdown.

Each format lives in its own module exposing ``register(formats)``.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

#: One module per source format.
FORMAT_MODULES: tuple[str, ...] = (
    "reader.cli.import_seed",
    "reader.cli.import_jats",
    "reader.cli.import_medquad",
)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="convert articles (seed text, JATS XML, MedQuAD) into library Markdown",
        description="Convert articles from another format into the library's Markdown.",
    )
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for name in FORMAT_MODULES:
        importlib.import_module(name).register(formats)
