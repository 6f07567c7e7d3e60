"""A whole kiosk session, watched from outside the process, opens no network connection.

The installed ``offline-reader --kiosk`` runs on a virtual display and drives itself
(``OFFLINE_READER_KIOSK_SELFTEST``: search on the on-screen keyboard, open the first
result and its source, clear the session, quit). ``strace`` records every connect()
of the process and its threads and children; only local (AF_UNIX) sockets may appear.
A second run inside a network namespace with no interfaces must work just the same.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"
COMMAND = Path(sys.executable).with_name("offline-reader")
CONNECT = re.compile(r"\bconnect\((\d+), \{sa_family=(AF_\w+)")


def needs(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (scripts/bootstrap.sh installs it)")
    if not COMMAND.exists():
        pytest.skip(f"{COMMAND} is not installed")


def kiosk_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QT_", "DISPLAY", "WAYLAND", "DBUS", "XDG_"))
    }
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        OFFLINE_READER_HOME=str(tmp_path / "reader-home"),
        OFFLINE_READER_KIOSK_SELFTEST="iron pregnancy",
        # No session bus: nothing to start one on the side (it would outlive the kiosk).
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}",
        QT_QPA_PLATFORM="xcb",
    )
    return env


def kiosk_command() -> list[str]:
    return [str(COMMAND), "--kiosk", "--library", str(LIBRARY)]


def check_session(result: subprocess.CompletedProcess[str], tmp_path: Path) -> None:
    assert result.returncode == 0, result.stderr[-2000:]
    assert "kiosk self-test: searched 'iron pregnancy'" in result.stderr
    assert "opened iron-in-pregnancy" in result.stderr
    assert "source shown: True, session cleared: True" in result.stderr
    written = sorted(str(p) for p in (tmp_path / "reader-home").rglob("*"))
    assert written == [], f"the kiosk wrote under OFFLINE_READER_HOME: {written}"


def test_a_kiosk_session_connects_only_to_local_sockets(tmp_path: Path) -> None:
    needs("strace", "xvfb-run", "Xvfb")
    trace = tmp_path / "connect.trace"
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24 -nolisten tcp",
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=connect",
            "-o",
            str(trace),
            *kiosk_command(),
        ],
        env=kiosk_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
    )
    check_session(result, tmp_path)
    calls = [line for line in trace.read_text().splitlines() if "connect(" in line]
    families = [m.group(2) for line in calls if (m := CONNECT.search(line))]
    assert len(families) == len(calls), f"unparsed connect() lines: {calls}"
    assert "AF_UNIX" in families, "strace saw no connection at all (not even the display)"
    assert set(families) == {"AF_UNIX"}, "\n".join(c for c in calls if "AF_UNIX" not in c)


def test_a_kiosk_session_works_without_any_network(tmp_path: Path) -> None:
    needs("unshare", "xvfb-run", "Xvfb")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip("cannot create a network namespace here (needs root or user namespaces)")
    result = subprocess.run(
        [
            "unshare",
            "-n",
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24 -nolisten tcp",
            *kiosk_command(),
        ],
        env=kiosk_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
    )
    check_session(result, tmp_path)
