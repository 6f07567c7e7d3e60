"""The wheel carries a copy of the library: ``library/`` (or the folder named by
``OFFLINE_READER_BUILD_LIBRARY``) becomes ``reader/library`` inside the package, so an
installed reader finds it through importlib.resources. Everything else is declared in
pyproject.toml. Build with ``scripts/build_wheel.sh`` (no network needed)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _ignored(folder: str, names: list[str]) -> list[str]:
    # Hidden files and folders (editor files, caches) stay out of the wheel, except the
    # library's prebuilt search index (.index) and parsed articles (.parsed), which the
    # reader uses read-only where they are.
    top = Path(folder) == Path(_source())
    return [
        n
        for n in names
        if (n.startswith(".") and not (top and n in (".index", ".parsed"))) or n == "__pycache__"
    ]


def _source() -> Path:
    return Path(os.environ.get("OFFLINE_READER_BUILD_LIBRARY") or HERE / "library")


class BuildPyWithLibrary(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads library/ in the checkout itself
        source = _source()
        target = Path(self.build_lib) / "reader" / "library"
        if target.exists():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target, ignore=_ignored)
        else:
            print(f"setup.py: no library at {source}; the wheel carries none")


setup(cmdclass={"build_py": BuildPyWithLibrary})
