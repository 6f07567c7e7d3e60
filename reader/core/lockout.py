"""Wrong staff PINs counted across restarts, with a delay that grows each time.

After ``failures_before_delay`` wrong PINs in a row the PIN pad is locked for
``failure_delay`` seconds; each further lock before the right PIN is entered lasts
twice as long as the one before, up to :data:`MAX_DELAY_SECONDS`. The right PIN
starts the count again. The count lives in a small JSON file the deployment names
(``[admin] lockout_file``), written atomically after every change, so restarting
the kiosk (or the machine) gives no fresh tries.

The file is read bounded and only if it is a regular file; a damaged or unreadable
one counts as a lock that has just started (the pad stays closed for one delay, and
the file is written afresh), never as a fresh start.
"""

from __future__ import annotations

import errno
import json
import logging
import math
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.errors import SettingsError
from reader.core.fsutil import atomic_write_text
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason

log = logging.getLogger(__name__)

#: The longest a lock lasts, however many there were (seconds).
MAX_DELAY_SECONDS = 3600
#: A lockout file is a few dozen bytes; anything larger is not one.
MAX_FILE_BYTES = 4096
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class LockoutState:
    failures: int = 0  # wrong PINs in a row since the last lock or the last right PIN
    locks: int = 0  # locks since the last right PIN
    locked_until: float = 0.0  # wall-clock time (time.time()) the current lock ends


def lock_seconds(failure_delay: int, locks: int) -> int:
    """How long lock number ``locks`` (1, 2, ...) lasts: doubling, at most an hour."""
    if locks <= 0:
        return 0
    exponent = min(locks - 1, 32)
    return int(min(MAX_DELAY_SECONDS, max(failure_delay, failure_delay * 2**exponent)))


def _read_state(path: Path) -> LockoutState | None:
    """The state in ``path``; ``None`` when there is no file yet. Raises ValueError if damaged."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ValueError("it is a symbolic link") from None
        raise ValueError(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("it is not a regular file")
        data = os.read(fd, MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"it is larger than {MAX_FILE_BYTES} bytes")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"it is not JSON ({exc})") from None
    if not isinstance(raw, dict) or raw.get("version") != FORMAT_VERSION:
        raise ValueError("it is not a lockout file of this version")
    failures, locks, until = raw.get("failures"), raw.get("locks"), raw.get("locked_until")
    if not (
        isinstance(failures, int)
        and isinstance(locks, int)
        and isinstance(until, int | float)
        and not isinstance(failures, bool)
        and not isinstance(locks, bool)
        and 0 <= failures <= 1000
        and 0 <= locks <= 1000
        and math.isfinite(until)
    ):
        raise ValueError("its values are out of range")
    return LockoutState(failures, locks, float(until))


class PinLockout:
    """The PIN pad's lock: :meth:`remaining`, :meth:`record_failure`, :meth:`record_success`.

    With ``path=None`` the count is kept in memory only (for tests and for a kiosk
    built without a configuration file).
    """

    def __init__(
        self,
        path: Path | None,
        *,
        failures_before_delay: int,
        failure_delay: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path
        self._threshold = failures_before_delay
        self._delay = failure_delay
        self._clock = clock
        self._state = LockoutState()
        self.notice: str | None = None  # what went wrong reading the file, if anything
        if path is not None:
            self._load(path)

    @property
    def state(self) -> LockoutState:
        return self._state

    def _load(self, path: Path) -> None:
        try:
            state = _read_state(path)
        except ValueError as reason:
            # Fail closed: a damaged count is a lock that has just started.
            self.notice = f"{path}: the PIN lockout file cannot be used ({reason}); locked for now"
            log.warning("%s", self.notice)
            state = LockoutState(0, 1, self._clock() + lock_seconds(self._delay, 1))
        if state is None:
            state = LockoutState()
        now = self._clock()
        longest = now + MAX_DELAY_SECONDS
        if state.locked_until > longest:  # the clock went back: never lock for longer
            state = replace(state, locked_until=longest)
        self._state = state
        self._save()

    def check_writable(self) -> None:
        """Raise :class:`SettingsError` unless the file can be written (done at start)."""
        if self.path is not None:
            try:
                self._write()
            except OSError as exc:
                problem = QT_TRANSLATE_NOOP(
                    "KioskConfig",
                    "{file}: the PIN lockout file cannot be written ({reason}); "
                    "admin.lockout_file must be in a folder the kiosk's account can write, "
                    "such as /var/lib/offline-reader",
                )
                raise SettingsError(problem.format(file=self.path, reason=os_reason(exc))) from None

    def remaining(self) -> float:
        """Seconds the pad stays locked (0 when a PIN may be tried)."""
        return max(0.0, self._state.locked_until - self._clock())

    @property
    def locked(self) -> bool:
        return self.remaining() > 0

    def record_failure(self) -> float:
        """A wrong PIN: returns the seconds of the lock it starts (0 when none)."""
        state = self._state
        failures = state.failures + 1
        if failures < self._threshold:
            self._state = replace(state, failures=failures)
            self._save()
            return 0.0
        locks = state.locks + 1
        seconds = lock_seconds(self._delay, locks)
        self._state = LockoutState(0, locks, self._clock() + seconds)
        self._save()
        return float(seconds)

    def record_success(self) -> None:
        self._state = LockoutState()
        self._save()

    def _write(self) -> None:
        assert self.path is not None
        s = self._state
        text = json.dumps(
            {
                "version": FORMAT_VERSION,
                "failures": s.failures,
                "locks": s.locks,
                "locked_until": s.locked_until,
            }
        )
        atomic_write_text(self.path, text + "\n")

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self._write()
        except OSError as exc:
            # Keep counting in memory; the start-up check makes this rare.
            log.error("the PIN lockout file %s cannot be written: %s", self.path, exc)
