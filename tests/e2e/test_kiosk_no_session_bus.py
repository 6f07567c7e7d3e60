"""Without a session bus the kiosk starts none on the side and writes nothing for one.

libdbus, asked for a session bus that is not there, "autolaunches" one: it runs
``dbus-launch --autolaunch``, which leaves a ``dbus-daemon`` behind, writes
``~/.dbus/session-bus/…`` and may put ``dbus-*`` sockets in the temporary folder.
The installed kiosk runs its whole self-driven session on a virtual display with no
``DBUS_SESSION_BUS_ADDRESS`` and no bus socket in ``XDG_RUNTIME_DIR``; ``strace``
records every program it starts.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"
COMMAND = Path(sys.executable).with_name("offline-reader")
EXECVE = re.compile(r'execve\("([^"]+)"')


def processes_with(marker: str) -> list[int]:
    """Processes whose environment holds ``marker`` (what this test started)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if marker.encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
    return found


def read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_no_session_bus_is_started_and_nothing_is_written_for_one(tmp_path: Path) -> None:
    for tool in ("xvfb-run", "Xvfb", "strace"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing (scripts/bootstrap.sh installs it)", pytrace=False)
    home, runtime, temp, reader_home = (tmp_path / n for n in ("home", "run", "tmp", "rh"))
    for folder in (home, runtime, temp, reader_home):
        folder.mkdir(mode=0o700)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QT_", "DISPLAY", "WAYLAND", "DBUS", "XDG_", "TMP"))
    }
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        OFFLINE_READER_HOME=str(reader_home),
        OFFLINE_READER_KIOSK_SELFTEST="iron",
        QT_QPA_PLATFORM="xcb",
    )
    trace = tmp_path / "exec.trace"
    kiosk = [str(COMMAND), "--kiosk", "--library", str(LIBRARY)]
    argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp"]
    argv += ["env", f"TMPDIR={temp}", "strace", "-f", "-qq", "-e", "trace=execve"]
    argv += ["-o", str(trace), *kiosk]
    # Output to files, not pipes: a bus started on the side would hold a pipe open, and
    # strace follows it, so the test waits for the kiosk's own last line, then for its exit.
    with (tmp_path / "stderr").open("w") as err:
        process = subprocess.Popen(argv, env=env, stdout=err, stderr=err, start_new_session=True)
        try:
            finished = wait_for(lambda: "kiosk self-test:" in read(tmp_path / "stderr"), 150)
            exited = finished and wait_for(lambda: process.poll() is not None, 20)
        finally:
            left = [pid for pid in processes_with(f"HOME={home}") if pid != os.getpid()]
            for sig in (signal.SIGTERM, signal.SIGKILL):  # a bus started on the side
                for pid in processes_with(f"HOME={home}"):  # outlives the kiosk: stop it
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, sig)
                time.sleep(0.5)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=20)
    stderr = (tmp_path / "stderr").read_text(errors="replace")
    assert finished, stderr[-2000:]
    assert "session cleared: True" in stderr
    started = sorted({Path(m.group(1)).name for m in EXECVE.finditer(trace.read_text())})
    assert not [p for p in started if p.startswith("dbus")], f"the kiosk started {started}"
    assert not (home / ".dbus").exists(), sorted(map(str, (home / ".dbus").rglob("*")))
    assert sorted(p.name for p in temp.iterdir()) == []
    assert sorted(p.name for p in home.iterdir()) == []
    assert left == [], "processes of the kiosk outlived it"
    assert exited and process.returncode == 0, stderr[-2000:]
