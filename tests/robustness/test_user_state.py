"""Per-user state that must never stop the reader from starting: the library scan cache and
settings.json replaced by something deeply nested, a named pipe or a link to a device.
Each is read bounded, only as a regular file; any failure is a fresh default plus a notice.

The pipe and device cases run in a child process with a time and memory limit, so the
hang or the runaway read they used to cause fails the test rather than the test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from robust_library import make_library

from reader.core.library import Library, ScanCache
from reader.core.settings import DEFAULTS, SettingsStore, default_settings_path

ROOT = Path(__file__).resolve().parents[2]


def replace_with(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    if kind == "nested":
        path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    elif kind == "nested-object":
        path.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        with path.open("wb") as f:
            f.truncate(512 * 1024 * 1024)  # sparse


def in_child(code: str, home: Path) -> str:
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    done = subprocess.run(
        [sys.executable, "-c", limit + code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), "OFFLINE_READER_HOME": str(home)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


KINDS = ["nested", "nested-object", "fifo", "dev-zero", "folder", "huge"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_scan_cache_of_any_kind_lists_the_library_afresh_with_a_notice(
    tmp_path: Path, private_home: Path, kind: str
) -> None:
    root = make_library(tmp_path / "lib", 5)
    cache_dir = private_home / "cache"
    replace_with(ScanCache.path_for(cache_dir, root), kind)
    out = in_child(
        f"""
from pathlib import Path
from reader.core.library import Library
library = Library.scan(Path({str(root)!r}), cache_dir=Path({str(cache_dir)!r}))
print(len(library), len(library.notices))
""",
        private_home,
    )
    assert out.split() == ["5", "1"]


def test_a_good_scan_cache_gives_no_notice(tmp_path: Path, private_home: Path) -> None:
    root = make_library(tmp_path / "lib", 5)
    Library.scan(root, private_home / "cache")
    again = Library.scan(root, private_home / "cache")
    assert len(again) == 5 and again.notices == ()


@pytest.mark.parametrize("kind", KINDS)
def test_settings_of_any_kind_give_the_defaults_and_a_warning(
    private_home: Path, kind: str
) -> None:
    path = default_settings_path()
    assert path.is_relative_to(private_home)
    replace_with(path, kind)
    out = in_child(
        """
from reader.core.settings import DEFAULTS, SettingsStore
settings, warnings = SettingsStore.for_user().load()
print(settings == DEFAULTS, len(warnings))
""",
        private_home,
    )
    assert out.split() == ["True", "1"]


def test_settings_that_are_fine_load_without_a_warning(private_home: Path) -> None:
    store = SettingsStore.for_user()
    store.save(DEFAULTS)
    assert store.load() == (DEFAULTS, ())


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_bookmarks_and_the_collection_order_that_are_not_files_never_hang_the_start(
    tmp_path: Path, private_home: Path, kind: str
) -> None:
    from reader.core.library import COLLECTION_ORDER_NAME
    from reader.core.reading import ReadingStore

    root = make_library(tmp_path / "lib", 3)
    replace_with(root / COLLECTION_ORDER_NAME, kind)
    store = ReadingStore.for_user()
    assert store.path is not None and store.path.is_relative_to(private_home)
    replace_with(store.path, kind)
    out = in_child(
        f"""
from pathlib import Path
from reader.core.library import collection_order, secondary_collections
from reader.core.reading import ReadingStore
reading = ReadingStore.for_user().load()
root = Path({str(root)!r})
print(collection_order(root) == {{}}, secondary_collections(root) == frozenset(), len(reading.warnings))
""",
        private_home,
    )
    assert out.split() == ["True", "True", "1"]
