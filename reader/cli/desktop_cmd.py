"""``offline-reader install-desktop [--uninstall]``: the reader in the desktop's menus."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from reader.core.desktop import install_desktop, uninstall_desktop, xdg_data_home


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "install-desktop",
        help="add the reader to this user's desktop menus (or --uninstall)",
        description=(
            "Copy the reader's desktop entry, AppStream metainfo and icons into your XDG "
            "data folder ($XDG_DATA_HOME, else ~/.local/share), so 'Health library' appears "
            "in the desktop's application menu and starts this installation. Nothing "
            "outside your home folder is touched."
        ),
    )
    parser.add_argument(
        "--uninstall", action="store_true", help="remove what install-desktop put there"
    )
    parser.add_argument(
        "--data-home", type=Path, default=None, metavar="DIR", help="another data folder"
    )
    parser.set_defaults(func=run)


def this_command() -> str:
    """The absolute path of the ``offline-reader`` command of this installation."""
    beside = Path(sys.executable).with_name("offline-reader")
    if beside.is_file():
        return str(beside)
    found = shutil.which("offline-reader")
    return str(Path(found).resolve()) if found else "offline-reader"


def run(args: argparse.Namespace) -> int:
    home: Path = args.data_home or xdg_data_home()
    if args.uninstall:
        removed = uninstall_desktop(home)
        print(f"removed {len(removed)} file(s) from {home}")
        return 0
    written = install_desktop(this_command(), home)
    for path in written:
        print(path)
    print(f"installed: 'Health library' starts {this_command()}")
    return 0
