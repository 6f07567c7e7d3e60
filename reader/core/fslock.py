"""A lock shared between processes: two readers started on one library take turns to
write its search index. ``flock`` on a file beside what it guards; where the file cannot
be created (read-only media) nobody can write either, and the lock guards nothing."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock between processes
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)


class FileLock:
    """An exclusive lock on ``path`` (created if missing), held by one process at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self.waited = False  # True when another process held the lock when we asked

    def _open(self) -> int | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return None

    def held_elsewhere(self) -> bool:
        """True when another process holds the lock now."""
        if fcntl is None or self._fd is not None or not self.path.exists():
            return False
        fd = self._open()
        if fd is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing releases a lock taken here
        return False

    def acquire(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds (None: as long as it takes); False on time-out."""
        if fcntl is None or self._fd is not None:
            return True
        fd = self._open()
        if fd is None:
            return True  # nothing here can be written, by us or anyone
        deadline = None if timeout is None else time.monotonic() + timeout
        self.waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._fd = fd
                return True
            except BlockingIOError:
                if not self.waited:
                    log.info("waiting for another process to finish with %s", self.path)
                self.waited = True
                if deadline is not None and time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(0.05)

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
