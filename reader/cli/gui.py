"""``offline-reader [PATH_OR_ID] [--library DIR] [--kiosk [--kiosk-config FILE]]``: the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.paths import bundled_library

NO_DISPLAY_MESSAGE = """\
offline-reader: there is no display to open the reader window on.
  DISPLAY and WAYLAND_DISPLAY are both unset (a terminal without a desktop, or SSH).
  Start it on a virtual display instead:
      xvfb-run -a offline-reader        (from a clone: xvfb-run -a make run)
  (Debian: apt-get install xvfb), or run it from a desktop session.
  The command-line tools work without a display: offline-reader --help"""


@dataclass(frozen=True, slots=True)
class GuiOptions:
    library: Path
    open_target: str | None = None
    kiosk: bool = False
    kiosk_config: Path | None = None


def parse_gui_args(argv: Sequence[str]) -> GuiOptions:
    parser = argparse.ArgumentParser(
        prog="offline-reader",
        description=(
            "Start the reader window on the library (building its search index on first run). "
            "Sub-commands: import, check, index, search (see 'offline-reader COMMAND --help')."
        ),
    )
    parser.add_argument("target", nargs="?", help="an article id or library Markdown file to open")
    parser.add_argument("--library", type=Path, default=None, help="library folder")
    parser.add_argument("--kiosk", action="store_true", help="shared-screen kiosk mode")
    parser.add_argument("--kiosk-config", type=Path, default=None, help="kiosk configuration file")
    args = parser.parse_args(list(argv))
    return GuiOptions(
        library=args.library or bundled_library(),
        open_target=args.target,
        kiosk=bool(args.kiosk or args.kiosk_config),
        kiosk_config=args.kiosk_config,
    )


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
    from reader.ui.app import run_app

    return run_app(options)
