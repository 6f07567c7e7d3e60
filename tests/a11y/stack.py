"""A private accessibility stack: D-Bus session, Xvfb, the AT-SPI bus, an app and a client.

Everything runs under a temporary HOME / XDG_RUNTIME_DIR and is torn down by PID.
The AT-SPI client runs on Debian's ``/usr/bin/python3`` (where pyatspi lives) as
a separate process that prints one JSON object.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
CLIENT = HERE / "atspi_client.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")


class StackError(RuntimeError):
    pass


def missing_tools() -> list[str]:
    """What this machine lacks to run the stack (empty when all is there)."""
    missing = [t for t in ("Xvfb", "dbus-run-session", "dbus-daemon") if not shutil.which(t)]
    if not BUS_LAUNCHER.exists():
        missing.append(str(BUS_LAUNCHER) + " (at-spi2-core)")
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return missing


def _wait(predicate: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise StackError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


class A11yStack:
    """Start with :meth:`start`, stop with :meth:`stop` (also on failure)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.logs = root / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.home = root / "home"
        self.runtime = root / "runtime"
        for d in (self.home, self.runtime):
            d.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        self.procs: list[tuple[str, subprocess.Popen[bytes]]] = []
        self.env: dict[str, str] = {}
        self._log_files: list[IO[bytes]] = []

    # -- processes ---------------------------------------------------------------------

    def _spawn(
        self, name: str, argv: Sequence[str], env: Mapping[str, str], **kw: Any
    ) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}.log").open("wb")
        self._log_files.append(log)
        kw.setdefault("stdout", log)
        proc = subprocess.Popen(list(argv), env=dict(env), stderr=log, start_new_session=True, **kw)
        self.procs.append((name, proc))
        return proc

    def start(self) -> None:
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_DATA_HOME": str(self.home / ".local/share"),
            "LANG": "C.UTF-8",
            "NO_AT_BRIDGE": "0",
        }
        # 1. A private session bus; it lives as long as its child reads stdin.
        bus = self._spawn(
            "dbus",
            ["dbus-run-session", "--", "sh", "-c", 'echo "$DBUS_SESSION_BUS_ADDRESS"; exec cat'],
            base,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        bus.stdout.close()
        if not address:
            raise StackError("dbus-run-session printed no bus address; see " + self._log("dbus"))
        # 2. A virtual display on a free number (Xvfb picks it and writes it to the pipe).
        read_fd, write_fd = os.pipe()
        self._spawn(
            "xvfb",
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
                "-noreset",
                # No auto-repeat: on a loaded machine a key's release can come late,
                # and a repeated key would be a second key press.
                "-ardelay",
                "60000",
            ],
            base,
            pass_fds=(write_fd,),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()
        if not display:
            raise StackError("Xvfb did not start; see " + self._log("xvfb"))
        self.env = {**base, "DBUS_SESSION_BUS_ADDRESS": address, "DISPLAY": f":{display}"}
        # 3. The accessibility bus (Qt waits for org.a11y.Bus but never starts it).
        self._spawn("atspi-bus", [str(BUS_LAUNCHER), "--launch-immediately"], self.env)
        _wait(self._a11y_bus_up, 10, "org.a11y.Bus on the session bus")

    def _a11y_bus_up(self) -> bool:
        probe = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
             "org.a11y.Bus.GetAddress"],
            env=self.env, capture_output=True, check=False, timeout=5,
        )  # fmt: skip
        return probe.returncode == 0 and b"unix:" in probe.stdout

    def launch_app(self, argv: Sequence[str], extra_env: Mapping[str, str]) -> None:
        env = {
            **self.env,
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            **extra_env,
        }
        self._spawn("app", argv, env)

    def client(self, command: str, *args: str, timeout: float = 20) -> dict[str, Any]:
        """Run the AT-SPI client; return its JSON answer (raise with logs on failure)."""
        self.check_app_alive()
        try:
            done = subprocess.run(
                [str(SYSTEM_PYTHON), str(CLIENT), command, *args],
                env={**self.env, "PYTHONDONTWRITEBYTECODE": "1"},
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise StackError(
                f"AT-SPI client '{command}' took over {timeout:.0f} s\n{self.report()}"
            ) from exc
        (self.logs / f"client-{command}.log").write_bytes(done.stderr)
        try:
            answer: dict[str, Any] = json.loads(done.stdout)
        except json.JSONDecodeError as exc:
            raise StackError(
                f"AT-SPI client '{command}' failed (exit {done.returncode}):\n"
                f"{done.stdout.decode(errors='replace')}\n{done.stderr.decode(errors='replace')}\n"
                f"{self.report()}"
            ) from exc
        if "error" in answer:
            raise StackError(
                f"AT-SPI client '{command}': {answer['error']}\n"
                f"{answer.get('traceback', '')}\n{self.report()}"
            )
        return answer

    def check_app_alive(self) -> None:
        for name, proc in self.procs:
            if name == "app" and proc.poll() is not None:
                raise StackError(f"the app exited with code {proc.returncode}\n{self.report()}")

    def _log(self, name: str) -> str:
        return str(self.logs / f"{name}.log")

    def report(self) -> str:
        """The tail of every log, for a failure message."""
        parts = []
        for path in sorted(self.logs.glob("*.log")):
            text = path.read_text(errors="replace")
            if text.strip():
                parts.append(f"--- {path.name} ---\n{text[-3000:]}")
        return "\n".join(parts)

    def stop(self) -> None:
        """Stop everything started here, newest first, by PID (and its process group)."""
        registryd_pids = self._registryd_pids()
        for name, proc in reversed(self.procs):
            if proc.poll() is not None:
                continue
            if name == "dbus" and proc.stdin is not None:
                proc.stdin.close()  # ends `cat`, so dbus-run-session stops its bus
                try:
                    proc.wait(timeout=3)
                    continue
                except subprocess.TimeoutExpired:
                    pass
            self._terminate(proc)
        for pid in registryd_pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for log in self._log_files:
            log.close()

    @staticmethod
    def _terminate(proc: subprocess.Popen[bytes]) -> None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    def _registryd_pids(self) -> list[int]:
        """at-spi2-registryd is D-Bus-activated: find ours by its environment's bus address."""
        pids = []
        marker = f"DBUS_SESSION_BUS_ADDRESS={self.env.get('DBUS_SESSION_BUS_ADDRESS', '-')}"
        for proc_dir in Path("/proc").iterdir():
            if not proc_dir.name.isdigit():
                continue
            try:
                if not (proc_dir / "cmdline").read_bytes().startswith(b"/usr/libexec/at-spi2"):
                    continue
                environ = (proc_dir / "environ").read_bytes().split(b"\0")
            except OSError:
                continue
            if marker.encode() in environ:
                pids.append(int(proc_dir.name))
        return pids
