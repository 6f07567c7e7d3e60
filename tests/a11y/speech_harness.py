"""A real screen reader for the tests: Orca, speaking through speech-dispatcher.

On top of an :class:`~tests.a11y.stack.A11yStack` (private D-Bus, Xvfb, AT-SPI bus)
this starts speech-dispatcher with espeak-ng and a null libao sink (no sound card),
then Orca with a debug log, and types keys for it to hear. What Orca says is read
from that log: ``SPEECH OUTPUT: '...'`` lines (most utterances) and
``SPEECH DISPATCHER: Speaking '...'`` lines (what Say All sends). Every wait is on a
log line or a process, never a fixed sleep; a wait that times out says what it heard.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from .conftest import _STACKS, start_stack
from .stack import HERE, SYSTEM_PYTHON, A11yStack, StackError

ORCA = Path("/usr/bin/orca")
SPEECHD_CONF = Path("/etc/speech-dispatcher/speechd.conf")
KEYS = HERE / "keys.py"
LAUNCHER = HERE / "orca_launcher.py"

_SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*)$")
_SENT = re.compile(r"SPEECH DISPATCHER: Speaking '(.*)$")
#: How an utterance's quoted text ends: the quote, then the voice or its settings.
_END = re.compile(r"'\s*(?:\{.*\}|voice=\w+)?\s*$")
_MARKUP = re.compile(r"<[^>]*>")
#: What Orca logs as it enters its event loop, its start-up speech (window, focus) done.
ORCA_STARTED = r"ORCA: Starting registry$"


def missing_speech_tools() -> str:
    """Why Orca cannot run here ("" when it can)."""
    missing = [t for t in ("orca", "speech-dispatcher", "espeak-ng") if not shutil.which(t)]
    if not Path("/usr/lib/python3/dist-packages/speechd").exists():
        missing.append("python3-speechd")
    return ", ".join(missing)


#: The marks of every test that runs Orca: skipped, saying what is missing, where it cannot.
SPEECH_TESTS = [
    pytest.mark.a11y,
    pytest.mark.skipif(
        bool(missing_speech_tools()),
        reason=f"Orca cannot run here (missing: {missing_speech_tools()}); "
        "scripts/bootstrap.sh installs it",
    ),
]


@dataclass(frozen=True, slots=True)
class Utterance:
    line: int  # in the log: order, and where a scenario starts
    text: str
    said_all: bool  # sent to speech-dispatcher (what Say All shows as)
    echo: bool = False  # what was sent for an utterance already logged as spoken


def _unescape_ssml(text: str) -> str:
    return _MARKUP.sub("", text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class SpeechLog:
    """Orca's debug log, read as it grows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = 0
        self._partial = ""
        self.lines: list[str] = []
        self.utterances: list[Utterance] = []
        self._open: tuple[str, list[str]] | None = None

    def refresh(self) -> None:
        if not self.path.exists():
            return
        with self.path.open("rb") as handle:
            handle.seek(self._offset)
            chunk = handle.read()
        self._offset += len(chunk)
        text = self._partial + chunk.decode("utf-8", errors="replace")
        *complete, self._partial = text.split("\n")
        for raw in complete:
            self.lines.append(raw)
            if self._open is not None:
                kind, parts = self._open
                parts.append(raw.strip())
                if _END.search(raw):
                    self._close()
                continue
            for kind, regex in (("spoken", _SPOKEN), ("sent", _SENT)):
                if match := regex.search(raw):
                    self._open = (kind, [match.group(1)])
                    if _END.search(match.group(1)):
                        self._close()
                    break

    def _close(self) -> None:
        assert self._open is not None
        kind, parts = self._open
        self._open = None
        text = _END.sub("", " ".join(parts))
        if kind == "sent":
            text = _unescape_ssml(text)
        text = text.strip()
        if not text:
            return
        sent = kind == "sent"
        recent = [u.text for u in self.utterances[-4:] if not u.said_all]
        flat = " ".join(text.split())
        echo = sent and any(" ".join(r.split()) == flat for r in recent)
        self.utterances.append(Utterance(len(self.lines), text, sent, echo))

    def mark(self) -> int:
        """A point in the log: what is heard after it belongs to the next scenario."""
        self.refresh()
        return len(self.lines)

    def heard(self, since: int = 0, *, said_all: bool | None = None) -> list[str]:
        self.refresh()
        return [
            u.text
            for u in self.utterances
            if u.line > since and (u.said_all == said_all if said_all is not None else not u.echo)
        ]

    def find(self, pattern: str, since: int = 0) -> int | None:
        """The mark just after the first debug-log line after ``since`` matching
        ``pattern`` (None: no such line yet)."""
        self.refresh()
        regex = re.compile(pattern)
        for index in range(since, len(self.lines)):
            if regex.search(self.lines[index]):
                return index + 1
        return None

    def count(self, pattern: str, since: int = 0) -> int:
        self.refresh()
        regex = re.compile(pattern)
        return sum(1 for line in self.lines[since:] if regex.search(line))


class OrcaSession:
    """speech-dispatcher + Orca + a keyboard, on a running :class:`A11yStack`."""

    def __init__(self, stack: A11yStack) -> None:
        self.stack = stack
        self.root = stack.root / "orca"
        self.prefs = self.root / "prefs"
        self.log = SpeechLog(stack.logs / "orca-debug.log")
        self._keys: subprocess.Popen[str] | None = None
        self._orca: subprocess.Popen[bytes] | None = None
        self._speechd: subprocess.Popen[bytes] | None = None
        self._files: list[IO[bytes]] = []

    # -- start and stop ------------------------------------------------------------------

    def start_speech(self) -> None:
        """speech-dispatcher with espeak-ng and no sound card, private to this run."""
        home = Path(self.stack.env["HOME"])
        conf_dir = home / ".config" / "speech-dispatcher"
        conf_dir.mkdir(parents=True, exist_ok=True)
        conf = SPEECHD_CONF.read_text() if SPEECHD_CONF.exists() else ""
        conf += '\nAudioOutputMethod "libao"\nDefaultModule espeak-ng\n'
        (conf_dir / "speechd.conf").write_text(conf)
        # Without an audio output that works, speech-dispatcher's clients hang.
        (home / ".libao").write_text("default_driver=null\n")
        self._speechd = self._spawn("speechd", ["speech-dispatcher", "-s", "-t", "0"])
        socket = Path(self.stack.env["XDG_RUNTIME_DIR"]) / "speech-dispatcher" / "speechd.sock"
        self._wait(socket.exists, 20, f"speech-dispatcher's socket {socket}", self._speechd)

    def start_orca(self, *, settle: float = 60) -> None:
        """Orca, once the app is on the bus; returns when Orca has spoken and finished
        starting.

        Started while a program is open, Orca says its window, then walks the window's
        accessible tree for the focused object and says that. A key pressed during that
        walk is taken in the middle of it (Orca's calls over the bus answer other
        messages while they wait): echoing it, Orca moves to the focused object
        silently, and the walk's own move then says nothing, so the focus is never
        spoken. On a loaded machine the walk takes long enough for that to happen most
        of the time. So no key may be pressed before Orca logs ``ORCA: Starting
        registry``, the last thing it does before it runs its event loop.
        """
        self.prefs.mkdir(parents=True, exist_ok=True)
        self._orca = self._spawn(
            "orca",
            [
                str(SYSTEM_PYTHON),
                str(LAUNCHER),
                "-u",
                str(self.prefs),
                "--debug-file",
                str(self.log.path),
            ],
        )
        self._wait(lambda: bool(self.log.heard()), settle, "Orca's first utterance", self._orca)
        self._wait(
            lambda: self.log.find(ORCA_STARTED) is not None,
            settle,
            f"Orca to finish starting (a log line /{ORCA_STARTED}/)",
            self._orca,
        )

    def wait_until_keys_reach_orca(self, attempts: int = 20) -> None:
        """Press Shift until Orca logs it. Keys reach Orca through the focused program's
        accessibility bridge, so this is the moment a program is ready to be typed to."""
        for attempt in range(attempts):
            if attempt % 2:
                self._send("nudge")
            mark = self.log.mark()
            self.press("Shift_L")
            try:
                self.wait_for_log(r"PROCESS ATSPI_KEY_RELEASED_EVENT", since=mark, timeout=2)
                return
            except AssertionError:
                continue
        raise StackError(f"Orca never received a key in {attempts} tries\n{self.stack.report()}")

    def start_keys(self) -> None:
        env = {**self.stack.env, "PYTHONDONTWRITEBYTECODE": "1"}
        log = (self.stack.logs / "keys.log").open("wb")
        self._files.append(log)
        self._keys = subprocess.Popen(
            [str(SYSTEM_PYTHON), str(KEYS)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            start_new_session=True,
        )

    def stop(self) -> None:
        """Orca first (SIGTERM, then SIGKILL), then the keyboard and speech-dispatcher."""
        if self._keys is not None and self._keys.poll() is None:
            assert self._keys.stdin is not None
            with contextlib.suppress(OSError):
                self._keys.stdin.close()
            _end(self._keys, 3)
        if self._keys is not None and self._keys.stdout is not None:
            self._keys.stdout.close()
        for proc in (self._orca, self._speechd):
            if proc is not None:
                _end(proc, 5)
        for handle in self._files:
            handle.close()

    @property
    def orca_pid(self) -> int:
        assert self._orca is not None
        return self._orca.pid

    # -- keys and speech -----------------------------------------------------------------

    def press(self, *combos: str) -> None:
        """Press keys (``Down``, ``Control_L+Home``), one after another."""
        self._send("press " + " ".join(combos))

    def type(self, text: str) -> None:
        self._send("type " + text)

    def _send(self, command: str) -> None:
        if self._keys is None:
            self.start_keys()
        assert self._keys is not None and self._keys.stdin and self._keys.stdout
        self.check_alive()
        self._keys.stdin.write(command + "\n")
        self._keys.stdin.flush()
        answer = self._keys.stdout.readline().strip()
        if answer != "ok":
            raise StackError(f"typing {command!r} failed: {answer or 'the keyboard exited'}")

    def wait_for(
        self,
        pattern: str,
        *,
        since: int,
        timeout: float = 20,
        said_all: bool | None = None,
        count: int = 1,
    ) -> list[str]:
        """Wait until ``count`` utterances after ``since`` match ``pattern`` (a regex,
        case-insensitive); return everything heard since then."""
        regex = re.compile(pattern, re.IGNORECASE)

        def found() -> bool:
            matching = [u for u in self.log.heard(since, said_all=said_all) if regex.search(u)]
            return len(matching) >= count

        deadline = time.monotonic() + timeout
        while not found():
            self.check_alive()
            if time.monotonic() > deadline:
                heard = self.log.heard(since)
                raise AssertionError(
                    f"Orca did not say /{pattern}/ within {timeout:.0f} s; it said: "
                    + (" | ".join(heard) if heard else "nothing")
                )
            time.sleep(0.05)
        return self.log.heard(since)

    def wait_for_log(self, pattern: str, *, since: int, timeout: float = 20) -> None:
        """Wait for a debug-log line (not speech) matching ``pattern``."""
        deadline = time.monotonic() + timeout
        while not self.log.count(pattern, since):
            self.check_alive()
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"Orca's log has no line /{pattern}/ after {timeout:.0f} s; it said: "
                    + " | ".join(self.log.heard(since))
                )
            time.sleep(0.05)

    def check_alive(self) -> None:
        self.stack.check_app_alive()
        for name, proc in (("Orca", self._orca), ("speech-dispatcher", self._speechd)):
            if proc is not None and proc.poll() is not None:
                raise StackError(
                    f"{name} exited with code {proc.returncode}\n{self.stack.report()}"
                )

    # -- helpers -------------------------------------------------------------------------

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen[bytes]:
        log = (self.stack.logs / f"{name}.log").open("wb")
        self._files.append(log)
        return subprocess.Popen(
            argv,
            env={**self.stack.env, "PYTHONDONTWRITEBYTECODE": "1"},
            stdout=log,
            stderr=log,
            start_new_session=True,
        )

    def _wait(
        self,
        done: Callable[[], bool],
        timeout: float,
        what: str,
        proc: subprocess.Popen[bytes],
    ) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if proc.poll() is not None:
                raise StackError(f"{what}: the process exited\n{self.stack.report()}")
            if time.monotonic() > deadline:
                raise StackError(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(0.05)


def _end(proc: subprocess.Popen[bytes] | subprocess.Popen[str], grace: float) -> None:
    """SIGTERM to the process group, SIGKILL after ``grace`` seconds."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


#: The keys whose names Orca echoes as it receives them ("left control", "tab",
#: "space"): never an answer of the program.
ECHOED_KEYS = ("control", "shift", "alt", "insert", "tab", "return", "escape", "space")
#: What Orca logs for every key it receives, spoken or not.
KEY_RELEASED = r"PROCESS ATSPI_KEY_RELEASED_EVENT"


class SpeechSession:
    """A program read by Orca: keys pressed, and what Orca said back, its echo of the
    keys aside. ``echoed`` names the keys whose echo is left out."""

    def __init__(
        self, orca: OrcaSession, started: int, *, echoed: Iterable[str] = ECHOED_KEYS
    ) -> None:
        self.orca = orca
        self.started = started  # the log mark just before the program started
        names = "|".join(echoed)
        #: An utterance that is only a key's echo.
        self.key_echo = re.compile(rf"^(left |right )?({names})$", re.IGNORECASE)
        #: A pattern for :meth:`OrcaSession.wait_for`: any utterance that is not an echo.
        self.answer = rf"^(?!(left |right )?({names})$).*\w"

    def keys(self, *combos: str) -> int:
        """Press keys; return the log mark before them."""
        mark = self.orca.log.mark()
        self.orca.press(*combos)
        return mark

    def said(self, since: int) -> list[str]:
        return [u for u in self.orca.log.heard(since) if not self.key_echo.match(u)]

    def press_and_hear(self, key: str, *, timeout: float = 8) -> list[str]:
        """Press ``key``, wait until Orca has it (it logs every key, a silent one too)
        and then for its answer; what it said (empty for a silent key, after
        ``timeout``)."""
        mark = self.keys(key)
        self.orca.wait_for_log(KEY_RELEASED, since=mark)
        with contextlib.suppress(AssertionError):  # a silent key: said nothing
            self.orca.wait_for(self.answer, since=mark, timeout=timeout)
        return self.said(mark)

    def each_key(self, key: str, times: int, *, timeout: float = 8) -> list[list[str]]:
        """Press ``key`` ``times`` times; what each press made Orca say."""
        return [self.press_and_hear(key, timeout=timeout) for _ in range(times)]


@dataclass(frozen=True, slots=True)
class Started:
    """A program and Orca on their own stack, keys reaching Orca."""

    stack: A11yStack
    orca: OrcaSession
    pid: int  # the program's
    mark: int  # the log mark just before the program started


def start_with_orca(
    tmp_path_factory: pytest.TempPathFactory,
    argv: list[str],
    env: Mapping[str, str],
    *,
    ready: str = r"frame",
    orca_first: bool = True,
    attempts: int = 3,
) -> Iterator[Started]:
    """Start Orca, then the program (as a blind person works: the screen reader runs
    first), or the other way round (``orca_first=False``: Orca then finds the program
    already running); yield once Orca has said ``ready`` and keys reach it; stop them
    all when resumed.

    Now and then the keyboard of a freshly started stack never reaches Orca (the
    registry loses it; nothing the program does). That is checked before any scenario
    runs, and such a stack is replaced by a new one, up to ``attempts`` times.
    """
    failures: list[str] = []
    for _ in range(attempts):
        stack = start_stack(tmp_path_factory)
        orca = OrcaSession(stack)
        try:
            orca.start_speech()
            if orca_first:
                orca.start_orca()
            mark = orca.log.mark()
            stack.launch_app(argv, env)
            pid = next(p for name, p in reversed(stack.procs) if name == "app").pid
            if not orca_first:
                stack.client("tree", "--pid", str(pid), "--find-timeout", "60", timeout=90)
                orca.start_orca()
            orca.wait_for(ready, since=mark, timeout=60)
            try:
                orca.wait_until_keys_reach_orca(attempts=8)
            except StackError as exc:
                failures.append(str(exc).splitlines()[0])
                continue
            yield Started(stack, orca, pid, mark)
            return
        finally:
            orca.stop()
            stack.stop()
            _STACKS.remove(stack)
    raise StackError(f"no stack in {attempts} tries let keys reach Orca: {failures}")


def vm_rss_kib(pid: int) -> int:
    """Resident memory of a process, from /proc/PID/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise StackError(f"no VmRSS for process {pid}")


def joined(heard: Iterable[str]) -> str:
    return " | ".join(heard)
