"""The library scan cache: the same listing as a full scan, and never stale or fatal."""

from __future__ import annotations

import json
import os
from pathlib import Path

from robust_library import make_library

from reader.core.library import Library, ScanCache


def listing(library: Library) -> tuple[object, ...]:
    return (library.summaries, tuple((p.path, p.message, p.line) for p in library.problems))


def test_a_cached_scan_lists_exactly_what_a_full_scan_lists(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", 30)
    (root / "c0" / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    (root / "c1" / "dupe.md").write_text(
        (root / "c1" / "art-00001.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    full = Library.scan(root)
    first = Library.scan(root, tmp_path / "cache")
    second = Library.scan(root, tmp_path / "cache")
    assert listing(first) == listing(full) == listing(second)
    assert ScanCache(tmp_path / "cache", root).path.is_file()


def test_changed_added_and_removed_files_are_seen(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", 10)
    Library.scan(root, tmp_path / "cache")
    changed = root / "c2" / "art-00002.md"
    text = changed.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1)
    changed.write_text(text, encoding="utf-8")
    os.utime(changed, ns=(1, 1))  # even an older modification time counts as a change
    (root / "c3" / "art-00003.md").unlink()
    (root / "c3" / "new.md").write_text(
        "---\nid: new\ntitle: New\ncollection: X\n---\n\nNew.\n", encoding="utf-8"
    )
    again = Library.scan(root, tmp_path / "cache")
    assert listing(again) == listing(Library.scan(root))
    assert again.summary("art-00002") is not None
    assert again.summary("art-00002").title.startswith("Changed")  # type: ignore[union-attr]
    assert again.summary("art-00003") is None and again.summary("new") is not None


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", 5)
    Library.scan(root, tmp_path / "cache")
    cache_file = ScanCache(tmp_path / "cache", root).path
    for garbage in (b"\x00\xff", b'{"version": 1, "root": 3}', b"[]", b'{"files": {"a": 1}}'):
        cache_file.write_bytes(garbage)
        assert listing(Library.scan(root, tmp_path / "cache")) == listing(Library.scan(root))
    # entries of the right size and time but the wrong shape are read again, not trusted
    path = root / "c0" / "art-00000.md"
    st = path.stat()
    for entry in (
        [st.st_size, st.st_mtime_ns],
        [st.st_size, st.st_mtime_ns, 5, [], {}, 1, 2, 3, 4],
    ):
        files = {"c0/art-00000.md": entry}
        data = {"version": 1, "root": str(root.resolve()), "files": files}
        cache_file.write_text(json.dumps(data), encoding="utf-8")
        assert listing(Library.scan(root, tmp_path / "cache")) == listing(Library.scan(root))


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", 5)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would be")
    assert len(Library.scan(root, blocker)) == 5
