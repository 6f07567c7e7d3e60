"""Atomic writes leave the old or the new file, readable like any other file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.core import fsutil
from reader.core.fsutil import atomic_write_text


def test_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "a.md", "hello")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "hello"


def test_replacing_keeps_the_old_mode(tmp_path: Path) -> None:
    target = tmp_path / "b.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new"


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.md"
    target.write_text("old", encoding="utf-8")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.md"]
