"""Putting the reader into a desktop's menus: its ``.desktop`` entry, AppStream metainfo
and icons copied into the user's XDG data folder (``$XDG_DATA_HOME``, else
``~/.local/share``), where desktops look for applications a user installed."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.fsutil import atomic_write_bytes, atomic_write_text
from reader.core.paths import resources_dir
from reader.core.texts import QT_TRANSLATE_NOOP, os_reason

APP_ID = "org.offlinereader.OfflineReader"


def xdg_data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    # The spec: a relative path is invalid and is ignored.
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def desktop_entry(command: str) -> str:
    """The bundled ``.desktop`` entry, starting ``command`` (an absolute path: an
    installation in a virtual environment is usually not on the desktop's PATH)."""
    text = (resources_dir() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    quoted = shlex.quote(command)
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={command}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def desktop_files(data_home: Path) -> dict[Path, Path | None]:
    """Where each file goes (key) and the bundled file it is copied from (None: the
    desktop entry, written by :func:`install_desktop` with the command filled in)."""
    res = resources_dir()
    files: dict[Path, Path | None] = {
        data_home / "applications" / f"{APP_ID}.desktop": None,
        data_home / "metainfo" / f"{APP_ID}.metainfo.xml": res
        / "desktop"
        / f"{APP_ID}.metainfo.xml",
        data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": (
            res / "icons" / f"{APP_ID}.svg"
        ),
    }
    for png in sorted((res / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        size = png.parent.parent.name
        files[data_home / "icons" / "hicolor" / size / "apps" / png.name] = png
    return files


def install_desktop(command: str, data_home: Path | None = None) -> list[Path]:
    """Copy the entry, metainfo and icons for this user; returns what was written."""
    home = data_home or xdg_data_home()
    written: list[Path] = []
    try:
        for target, source in desktop_files(home).items():
            if source is None:
                atomic_write_text(target, desktop_entry(command))
            else:
                atomic_write_bytes(target, source.read_bytes())
            written.append(target)
    except OSError as exc:
        problem = QT_TRANSLATE_NOOP(
            "Desktop", "the desktop files could not be written to {folder}: {reason}"
        )
        raise ReaderError(problem.format(folder=home, reason=os_reason(exc))) from None
    return written


def uninstall_desktop(data_home: Path | None = None) -> list[Path]:
    """Remove what :func:`install_desktop` wrote; returns what was removed."""
    removed: list[Path] = []
    for target in desktop_files(data_home or xdg_data_home()):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            problem = QT_TRANSLATE_NOOP("Desktop", "{file} could not be removed: {reason}")
            raise ReaderError(problem.format(file=target, reason=os_reason(exc))) from None
        removed.append(target)
    return removed
