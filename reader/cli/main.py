"""Entry point: ``offline-reader [PATH_OR_ID]`` starts the window; sub-commands work headless.

Each sub-command lives in its own module under ``reader.cli`` and exposes
``register(subparsers)``; the module list below is the whole wiring.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.gui import TARGET_HELP, VALUE_OPTIONS, add_window_options
from reader.core.errors import ReaderError

#: Modules under reader.cli that each add one or more sub-commands.
COMMAND_MODULES: tuple[str, ...] = (
    "reader.cli.check",
    "reader.cli.importing",
    "reader.cli.kiosk_cmd",
    "reader.cli.index_cmd",
    "reader.cli.prebuild_cmd",
    "reader.cli.search_cmd",
    "reader.cli.desktop_cmd",
)

COMMANDS: frozenset[str] = frozenset(
    {"import", "check", "index", "prebuild", "search", "kiosk", "install-desktop"}
)


USAGE = """\
offline-reader [ARTICLE] [--library DIR] [--kiosk] [--kiosk-config FILE]
       offline-reader [-v] COMMAND ...   ('offline-reader COMMAND --help' for its options)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offline-reader",
        usage=USAGE,
        description=(
            "An accessible, offline reader for a library of health articles. Without a "
            "COMMAND it opens the reader window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is going on")
    window = parser.add_argument_group(
        "the window (offline-reader [ARTICLE] [options])", f"ARTICLE: {TARGET_HELP}."
    )
    add_window_options(window, dest_prefix="window_")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", prog="offline-reader"
    )
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def first_positional(args: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor the value of a window option."""
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "--":
            continue
        if arg in VALUE_OPTIONS:
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(args_list)
    except KeyboardInterrupt:  # Ctrl+C before the window or a command got going
        return 130
    except BrokenPipeError:  # e.g. 'offline-reader search ... | head'
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main(args_list: list[str]) -> int:
    first = first_positional(args_list)
    wants_help = any(a in ("-h", "--help") for a in args_list)
    command = first if first in COMMANDS else None
    if command is None and wants_help:
        # 'offline-reader --help', 'offline-reader ARTICLE --help', '--library DIR --help'
        build_parser().print_help()
        return 0
    if command is None and "--version" not in args_list:
        # No command: start the window (optionally on ARTICLE), as desktop readers do.
        from reader.cli.gui import run_gui

        return run_gui(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    # 'offline-reader --library DIR COMMAND': the library given before the command counts.
    if getattr(args, "library", None) is None and args.window_library is not None:
        args.library = args.window_library
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        code: int = args.func(args)
    except ReaderError as exc:
        print(f"offline-reader: {exc}", file=sys.stderr)
        return 2
    return code
