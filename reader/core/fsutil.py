"""Atomic file writes (a reader never sees a half-written file, even after kill -9) and
bounded reads (never more than a limit, only regular files, only inside a folder)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from reader.core.texts import QT_TRANSLATE_NOOP


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` holds either the old or the new bytes.

    The bytes go to a temporary file in the same directory, are flushed and
    fsynced, then renamed over ``path``; the directory is fsynced where the
    platform allows it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain write
        # would have: the old file's, else 0666 less the umask.
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def atomic_write_text(path: Path, text: str) -> None:
    """UTF-8, ``\\n`` line endings, atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"))


# --- bounded reads ------------------------------------------------------------------------


class UnsafeFileError(OSError):
    """A file that is not read: not a regular file, too large, or outside its folder.
    ``str(error)`` (and ``strerror``) say why, in words a person can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.strerror = message

    def __str__(self) -> str:
        return str(self.strerror)


class NotRegularFileError(UnsafeFileError):
    """A named pipe, a device, a folder or a socket where a file was expected."""


class FileTooLargeError(UnsafeFileError):
    def __init__(self, size: int | None, limit: int) -> None:
        self.size = size
        self.limit = limit
        most = f"{limit / (1024 * 1024):g}"
        if size is None:
            message = QT_TRANSLATE_NOOP(
                "FileError", "the file is larger than that; at most {limit} MiB is read"
            ).format(limit=most)
        else:
            message = QT_TRANSLATE_NOOP(
                "FileError", "the file is {size} MB; at most {limit} MiB is read"
            ).format(size=f"{size / 1e6:.1f}", limit=most)
        super().__init__(message)


class OutsideFolderError(UnsafeFileError):
    """The file opened (after following links) is not inside the folder it must be in."""


_KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("FileError", "a folder")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("FileError", "a named pipe")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("FileError", "a device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("FileError", "a device")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("FileError", "a socket")),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words: "a named pipe", "a device" ..."""
    kind = next((name for test, name in _KINDS if test(mode)), None)
    return kind or QT_TRANSLATE_NOOP("FileError", "not a regular file")


def _not_regular(mode: int) -> NotRegularFileError:
    return NotRegularFileError(
        QT_TRANSLATE_NOOP("FileError", "it is {kind}, not a regular file").format(
            kind=file_kind(mode)
        )
    )


def _opened_path(fd: int, path: Path) -> str:
    """The real path of the file open on ``fd`` (Linux says it exactly; elsewhere the path
    resolved now stands in)."""
    try:
        return str(Path(f"/proc/self/fd/{fd}").readlink())
    except OSError:
        return os.path.realpath(path)


def open_regular(path: Path, limit: int | None = None) -> BinaryIO:
    """``path`` opened for reading in binary, only when it is a regular file (opened without
    blocking, so a named pipe cannot hang the caller) of at most ``limit`` bytes. Raises
    :class:`UnsafeFileError` (an ``OSError``) or another ``OSError``."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st.st_mode)
        if limit is not None and st.st_size > limit:
            raise FileTooLargeError(st.st_size, limit)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(
    path: Path, limit: int, *, within: Path | None = None, follow_links: bool = True
) -> bytes:
    """The bytes of the regular file at ``path``, reading at most ``limit`` + 1 of them.

    Whatever is at ``path`` at the moment of the call is what is checked: it is opened
    without blocking (a named pipe cannot hang the caller), then the OPENED file must be a
    regular file, no larger than ``limit`` and, with ``within``, inside that folder once
    every link is followed (so a file swapped for a link to ``/dev/zero`` or
    ``/etc/shadow`` after a listing is refused before a byte of it is read).
    ``follow_links=False`` refuses a link outright. Raises :class:`UnsafeFileError`
    (an ``OSError``) or another ``OSError``.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st.st_mode)
        if within is not None:
            real = _opened_path(fd, Path(path))
            folder = os.path.realpath(within)
            if os.path.commonpath([real, folder]) != folder:
                raise OutsideFolderError(
                    QT_TRANSLATE_NOOP("FileError", "it leads outside the library folder")
                )
        if st.st_size > limit:
            raise FileTooLargeError(st.st_size, limit)
        chunks: list[bytes] = []
        remaining = limit + 1  # one byte more than allowed tells a file that grew
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise FileTooLargeError(None, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
