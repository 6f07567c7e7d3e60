"""Entry point: ``offline-reader [PATH_OR_ID]`` starts the window; sub-commands work headless.

Each sub-command lives in its own module under ``reader.cli`` and exposes
``register(subparsers)``; the module list below is the whole wiring.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from reader import __version__
from reader.core.errors import ReaderError

#: Modules under reader.cli that each add one or more sub-commands.
COMMAND_MODULES: tuple[str, ...] = (
    "reader.cli.check",
    "reader.cli.importing",
    "reader.cli.kiosk_cmd",
    "reader.cli.index_cmd",
    "reader.cli.search_cmd",
)

COMMANDS: frozenset[str] = frozenset({"import", "check", "index", "search", "kiosk"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offline-reader",
        description="An accessible, offline reader for a library of health articles.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is going on")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # No sub-command: start the window (optionally on PATH_OR_ID), as desktop readers do.
    first = next((a for a in args_list if not a.startswith("-")), None)
    wants_help = any(a in ("-h", "--help", "--version") for a in args_list)
    if (first is None or first not in COMMANDS) and not wants_help:
        from reader.cli.gui import run_gui

        return run_gui(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        code: int = args.func(args)
    except ReaderError as exc:
        print(f"offline-reader: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code
