"""What an operator installs to keep the kiosk on the screen: checked as systemd and
the desktop read it, and the session's restart loop run with a reader that crashes."""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.ui.kiosk.app import ADMIN_EXIT_STATUS, RESET_FAILED_STATUS

pytestmark = pytest.mark.e2e

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "kiosk"
UNIT = DEPLOY / "offline-reader-kiosk.service"
SESSION = DEPLOY / "offline-reader-kiosk-session"
XSESSION = DEPLOY / "offline-reader-kiosk.desktop"
COMMAND = Path(sys.executable).with_name("offline-reader")
FIXTURE_LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing (scripts/bootstrap.sh installs it)", pytrace=False)
    return path


def unit() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(UNIT, encoding="utf-8")
    return parser


def test_the_unit_restarts_the_kiosk_always_but_not_after_the_staff_exit() -> None:
    service = unit()["Service"]
    assert service["Restart"] == "always"
    assert 0 < float(service["RestartSec"]) <= 5
    assert unit()["Unit"]["StartLimitIntervalSec"] == "0"  # never gives up
    assert service["RestartPreventExitStatus"].split() == [str(ADMIN_EXIT_STATUS)]
    assert service["LimitCORE"] == "0"  # no core dump holds what was read
    assert RESET_FAILED_STATUS != ADMIN_EXIT_STATUS  # a reset that failed: a fresh kiosk
    # The temporary index (no prebuilt one) goes where each restart finds it emptied.
    assert service["RuntimeDirectory"] == "offline-reader-kiosk"
    assert "TMPDIR=%t/offline-reader-kiosk" in service["Environment"].split()
    argv = service["ExecStart"].split()
    assert Path(argv[0]).is_absolute() and Path(argv[0]).name == "offline-reader"
    assert argv[1:] == ["--kiosk", "--kiosk-config", "/etc/offline-reader/kiosk.toml"]


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = need("systemd-analyze")
    # The unit as installed, except that ExecStart names the reader installed here
    # (systemd-analyze checks that the program exists).
    text = UNIT.read_text(encoding="utf-8")
    installed = unit()["Service"]["ExecStart"].split()[0]
    assert text.count(installed) == 1
    checked = tmp_path / UNIT.name
    checked.write_text(text.replace(installed, str(COMMAND)), encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    for scope in ("--user", "--system"):
        result = subprocess.run(
            [analyze, scope, "verify", str(checked)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        problems = [line for line in result.stderr.splitlines() if UNIT.name in line]
        assert result.returncode == 0 and problems == [], f"{scope}: {result.stderr}"
    # The check can fail: a misspelt key is reported.
    checked.write_text(text.replace("RestartSec=", "RestartSecs="), encoding="utf-8")
    result = subprocess.run(
        [analyze, "--user", "verify", str(checked)], capture_output=True, text=True, env=env
    )
    assert "RestartSecs" in result.stderr


def test_the_x_session_entry_is_valid_and_starts_the_session_script() -> None:
    result = subprocess.run(
        [need("desktop-file-validate"), str(XSESSION)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout
    entry = configparser.RawConfigParser()
    entry.read(XSESSION, encoding="utf-8")
    assert Path(entry["Desktop Entry"]["Exec"]).name == SESSION.name
    assert os.access(SESSION, os.X_OK)
    syntax = subprocess.run(["sh", "-n", str(SESSION)], capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr


def stub(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return path


def session_env(tmp_path: Path, bin_dir: Path) -> dict[str, str]:
    return {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DISPLAY": ":99",
        "OFFLINE_READER": str(bin_dir / "offline-reader"),
        "KIOSK_CONFIG": str(tmp_path / "kiosk.toml"),
        "RESTART_SECONDS": "0",
    }


def test_the_session_hands_the_kiosk_to_systemd(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    stub(bin_dir, "systemctl", f'echo "$*" >> {calls}\n')
    stub(bin_dir, "xset", "exit 0\n")
    result = subprocess.run(
        ["sh", str(SESSION)], env=session_env(tmp_path, bin_dir), capture_output=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert calls.read_text().splitlines() == [
        "--user import-environment DISPLAY XAUTHORITY",
        "--user start --wait offline-reader-kiosk.service",
        "--user stop offline-reader-kiosk.service",  # the session ended: so does the unit
    ]


def test_without_systemd_the_session_starts_a_crashed_kiosk_again(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    runs = tmp_path / "runs"
    # A reader that is killed (status 137), then fails (status 1), then the staff leave (0).
    stub(
        bin_dir,
        "offline-reader",
        f'echo "$*" >> {runs}\n'
        f"n=$(wc -l < {runs})\n"
        'if [ "$n" -eq 1 ]; then kill -9 $$; fi\n'
        'if [ "$n" -eq 2 ]; then exit 1; fi\n'
        "exit 0\n",
    )
    stub(bin_dir, "systemctl", "exit 1\n")  # no user manager
    result = subprocess.run(
        ["sh", str(SESSION)],
        env=session_env(tmp_path, bin_dir),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert runs.read_text().splitlines() == [f"--kiosk --kiosk-config {tmp_path}/kiosk.toml"] * 3
    assert result.stderr.count("starting it again") == 2


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)
    return value


def test_a_killed_kiosk_is_started_again_by_its_session(tmp_path: Path) -> None:
    """The real kiosk under the session script (no systemd here): kill -9 brings it
    back; SIGTERM from the system stops it for good."""
    for tool in ("xvfb-run", "Xvfb"):
        need(tool)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub(bin_dir, "systemctl", "exit 1\n")  # no user manager: the script's own loop
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = session_env(tmp_path, bin_dir)
    env.update(
        OFFLINE_READER=str(COMMAND),
        KIOSK_CONFIG=str(tmp_path / "kiosk.toml"),
        TMPDIR=str(temp),
        OFFLINE_READER_HOME=str(tmp_path / "reader-home"),
        DBUS_SESSION_BUS_ADDRESS="disabled:",
        QT_QPA_PLATFORM="xcb",
    )
    del env["DISPLAY"]
    (tmp_path / "kiosk.toml").write_text('[home]\ntitle = "Kiosk"\n', encoding="utf-8")
    # The bundled library is large; the fixture library keeps each start short.
    script = tmp_path / "session"
    script.write_text(
        SESSION.read_text(encoding="utf-8").replace(
            '--kiosk --kiosk-config "$KIOSK_CONFIG"',
            f'--kiosk --kiosk-config "$KIOSK_CONFIG" --library {FIXTURE_LIBRARY}',
        ),
        encoding="utf-8",
    )
    with (tmp_path / "stderr").open("w") as err:
        session = subprocess.Popen(
            ["xvfb-run", "-a", "-s", "-screen 0 1024x768x24 -nolisten tcp", "sh", str(script)],
            env=env,
            stdout=err,
            stderr=err,
            start_new_session=True,
        )
        try:

            def kiosk() -> int | None:
                # xvfb-run -> sh (the session) -> offline-reader, once its window is up
                # (its temporary index folder is made after the signal handlers are set).
                shells = [c for x in children(session.pid) for c in [x, *children(x)]]
                kiosks = [k for s in shells for k in children(s) if "offline-reader" in
                          Path(f"/proc/{k}/cmdline").read_bytes().decode(errors="replace")]  # fmt: skip
                return kiosks[0] if kiosks else None

            first = wait_for(kiosk, 60, "the kiosk")
            wait_for(lambda: list(temp.glob("offline-reader-kiosk-*")), 60, "the kiosk's index")
            os.kill(int(str(first)), signal.SIGKILL)
            second = wait_for(lambda: (k := kiosk()) != first and k, 60, "a new kiosk")
            wait_for(lambda: len(list(temp.glob("offline-reader-kiosk-*"))) == 2, 60, "its index")
            os.kill(int(str(second)), signal.SIGTERM)
            status = session.wait(timeout=60)
        finally:
            if session.poll() is None:
                os.killpg(session.pid, signal.SIGKILL)
                session.wait()
    stderr = (tmp_path / "stderr").read_text(errors="replace")
    assert status == 0, stderr[-2000:]
    assert "the kiosk stopped (status 137); starting it again" in stderr, stderr[-2000:]
    assert stderr.count("starting it again") == 1, stderr[-2000:]  # not after SIGTERM
