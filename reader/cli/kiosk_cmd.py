"""``offline-reader kiosk hash-pin`` and ``offline-reader kiosk check FILE``.

``hash-pin`` reads the administrator PIN (twice, hidden, on a terminal; one line
from a pipe) and prints the salted hash to paste as ``admin.pin_hash``.
``check`` validates a kiosk configuration file without starting the window.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from reader.core.errors import SettingsError
from reader.core.kiosk import hash_pin, load_kiosk_config


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "kiosk",
        help="tools for a shared-screen (kiosk) deployment",
        description="Tools for a kiosk deployment (see docs/kiosk.md).",
    )
    kiosk_sub = parser.add_subparsers(dest="kiosk_command", metavar="KIOSK_COMMAND")
    kiosk_sub.required = True
    pin = kiosk_sub.add_parser(
        "hash-pin",
        help="read an administrator PIN and print its salted hash",
        description=(
            "Read the administrator PIN (4 to 12 digits) and print the line to put in the "
            "kiosk configuration's [admin] table. On a terminal the PIN is asked twice and "
            "not echoed; otherwise one line is read from standard input."
        ),
    )
    pin.set_defaults(func=run_hash_pin)
    check = kiosk_sub.add_parser(
        "check",
        help="validate a kiosk configuration file",
        description="Read a kiosk configuration file and report the first problem, if any.",
    )
    check.add_argument("config", type=Path, help="the kiosk configuration file (TOML)")
    check.set_defaults(func=run_check)


def _read_pin() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Administrator PIN: ")
        second = getpass.getpass("Same PIN again: ")
        if first != second:
            raise SettingsError("the two PINs differ; nothing was written")
        return first
    return sys.stdin.readline().strip()


def run_hash_pin(args: argparse.Namespace) -> int:
    pin = _read_pin()
    print(f'pin_hash = "{hash_pin(pin)}"')
    return 0


def run_check(args: argparse.Namespace) -> int:
    config = load_kiosk_config(args.config)
    exit_how = (
        f"{config.admin.gesture} on the {config.admin.corner} corner, then the PIN "
        f"(wrong PINs counted in {config.admin.lockout_file})"
        if config.admin.exit_possible
        else "none (no admin.pin_hash: stop the kiosk from the system)"
    )
    print(f"{args.config}: ok")
    print(
        f"  idle {config.session.idle_timeout} s, warning {config.session.warning_countdown} s; "
        f"admin exit: {exit_how}"
    )
    return 0
