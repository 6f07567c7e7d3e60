"""``offline-reader [PATH_OR_ID] [--library DIR] [--kiosk [--kiosk-config FILE]]``: the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.core.paths import bundled_library
from reader.ui.options import GuiOptions

NO_DISPLAY_MESSAGE = """\
offline-reader: there is no display to open the reader window on.
  DISPLAY and WAYLAND_DISPLAY are both unset (a terminal without a desktop, or SSH).
  Start it on a virtual display instead:
      xvfb-run -a offline-reader        (from a clone: xvfb-run -a make run)
  (Debian: apt-get install xvfb), or run it from a desktop session.
  The command-line tools work without a display: offline-reader --help"""


#: The window's options that take a value (the command line looks past their values).
VALUE_OPTIONS: tuple[str, ...] = ("--library", "--kiosk-config")
TARGET_HELP = "an article id, or an article's Markdown file, to open at start"


def add_window_options(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup, dest_prefix: str = ""
) -> None:
    """The options of the window (``offline-reader [ARTICLE] ...``), shared with --help
    (where ``dest_prefix`` keeps them apart from the commands' own ``--library``)."""
    parser.add_argument(
        "--library",
        dest=f"{dest_prefix}library",
        type=Path,
        default=None,
        metavar="DIR",
        help="the library folder to read (default: the bundled library, or the one chosen "
        "last with File > Open library)",
    )
    parser.add_argument(
        "--kiosk",
        dest=f"{dest_prefix}kiosk",
        action="store_true",
        help="shared-screen kiosk mode (see docs/kiosk.md)",
    )
    parser.add_argument(
        "--kiosk-config",
        dest=f"{dest_prefix}kiosk_config",
        type=Path,
        default=None,
        metavar="FILE",
        help="the kiosk configuration file (TOML); implies --kiosk",
    )


def parse_gui_args(argv: Sequence[str]) -> GuiOptions:
    parser = argparse.ArgumentParser(
        prog="offline-reader",
        description=(
            "Start the reader window on the library (building its search index on first run). "
            "Commands: see 'offline-reader --help'."
        ),
    )
    parser.add_argument("target", nargs="?", metavar="ARTICLE", help=TARGET_HELP)
    add_window_options(parser)
    args = parser.parse_args(list(argv))
    kiosk = bool(args.kiosk or args.kiosk_config)
    return GuiOptions(
        # A kiosk reads only what its command line (or the bundled library) gives it.
        library=args.library or (None if kiosk else remembered_library()) or bundled_library(),
        open_target=args.target,
        kiosk=kiosk,
        kiosk_config=args.kiosk_config,
    )


def remembered_library() -> Path | None:
    """The library last opened with File > Open library, if it is still there."""
    from reader.core.settings import SettingsStore

    chosen = SettingsStore.for_user().load()[0].library
    if chosen and Path(chosen).is_dir():
        return Path(chosen)
    return None


def has_display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(argv: Sequence[str]) -> int:
    options = parse_gui_args(argv)
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 3
    if options.kiosk:
        from reader.ui.kiosk.app import run_kiosk

        return run_kiosk(options)
    from reader.ui.app import run_app

    return run_app(options)
