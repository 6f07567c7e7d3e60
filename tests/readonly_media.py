"""Read-only media for tests. As root (where chmod does not stop writes) a folder is made
read-only as a real read-only tmpfs mount; as another user, ``chmod -R a-w`` stands in."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT_USER = os.geteuid() == 0


def mount(kind: str, where: Path, options: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", kind, "-o", options, kind, str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@contextlib.contextmanager
def read_only_copy(source: Path, where: Path) -> Iterator[Path]:
    """``source`` copied to ``where``, then made read-only for this process."""
    if ROOT_USER:
        if not mount("tmpfs", where, "size=64m"):
            pytest.skip("read-only media need a tmpfs mount (root without mount rights)")
        try:
            shutil.copytree(source, where, dirs_exist_ok=True)
            remount = ["mount", "-o", "remount,ro", str(where)]
            assert subprocess.run(remount, capture_output=True, check=False).returncode == 0
            yield where
        finally:
            umount(where)
    else:
        shutil.copytree(source, where)
        subprocess.run(["chmod", "-R", "a-w", str(where)], check=True)
        try:
            yield where
        finally:
            subprocess.run(["chmod", "-R", "u+w", str(where)], check=True)
