"""A damaged, stale or foreign index: detected, the reader keeps serving, a fresh index
is built and swapped in. Complements tests/core/search/test_search.py (which damages the TOC,
segments and manifest one way each) with garbage files, damage while the index is open,
and serving during a rebuild."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from robust_library import make_library

from reader.core.library import Library
from reader.core.model import IndexProgress
from reader.core.search import MANIFEST_NAME, SearchIndex

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def built(root: Path) -> SearchIndex:
    ix = SearchIndex.open(Library.scan(root))
    ix.update()
    return ix


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library", 30, paragraphs=6)


def _largest(d: Path, pattern: str) -> Path:
    return max(d.glob(pattern), key=lambda p: p.stat().st_size)


GARBAGE: dict[str, Callable[[Path], None]] = {
    "stray files": lambda d: (
        (d / "notes.txt").write_text("left here by someone"),
        (d / "MAIN_zzzz.seg").write_bytes(os.urandom(4096)),
        (d / "subfolder").mkdir(),
    ),
    "newer garbage toc": lambda d: (d / "MAIN_999.toc").write_bytes(os.urandom(2000)),
    "zero-byte toc": lambda d: _largest(d, "*.toc").write_bytes(b""),
    "segment half gone": lambda d: (p := _largest(d, "*.seg")).write_bytes(
        p.read_bytes()[: p.stat().st_size // 2]
    ),
    "segment minus 16 bytes": lambda d: (p := _largest(d, "*.seg")).write_bytes(
        p.read_bytes()[:-16]
    ),
    "lock left behind": lambda d: (d / "MAIN_WRITELOCK").write_bytes(b""),
    "manifest deleted": lambda d: (d / MANIFEST_NAME).unlink(),
    "manifest of an older schema": lambda d: (d / MANIFEST_NAME).write_text(
        (d / MANIFEST_NAME).read_text().replace('"schema":"', '"schema":"0.'), encoding="utf-8"
    ),
    "manifest of another library": lambda d: (d / MANIFEST_NAME).write_text(
        (d / MANIFEST_NAME).read_text().replace('"library":"', '"library":"/elsewhere'),
        encoding="utf-8",
    ),
    "interrupted update": lambda d: (d / MANIFEST_NAME).write_text(
        (d / MANIFEST_NAME).read_text().replace('"state":"clean"', '"state":"dirty"'),
        encoding="utf-8",
    ),
    "everything deleted": lambda d: [p.unlink() for p in d.iterdir() if p.is_file()],
}


@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_any_damage_is_detected_or_harmless_and_search_comes_back(library: Path, kind: str) -> None:
    first = built(library)
    index_dir = first.index_dir
    first.close()
    GARBAGE[kind](index_dir)
    ix = SearchIndex.open(Library.scan(library))
    try:
        results = ix.search("vitamin")
        if ix.needs_update():  # detected: the reader says so and rebuilds
            assert results.rebuilding and results.message
            ix.update()
        assert ix.search("vitamin").hits, kind
    finally:
        ix.close()
    again = SearchIndex.open(Library.scan(library))
    assert again.damage is None and not again.needs_update(), kind
    again.close()


def test_a_segment_truncated_while_the_index_is_open_gives_a_friendly_rebuild(
    tmp_path: Path,
) -> None:
    """Whoosh memory-maps segments by default: truncating one under an open searcher then
    kills the process with SIGBUS. Run it in a child process to see it survive."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(HERE)!r})
        from robust_library import make_library
        from reader.core.library import Library
        from reader.core.search import SearchIndex
        root = make_library(Path({str(tmp_path / "lib")!r}), 60, paragraphs=8)
        ix = SearchIndex.open(Library.scan(root))
        ix.update()
        assert ix.search("vitamin").hits
        for seg in ix.index_dir.glob("*.seg"):
            with open(seg, "r+b") as handle:
                handle.truncate(seg.stat().st_size // 4)
        results = [ix.search(q) for q in ("vitamin iron folate", "zinc", "sleep heart")]
        assert any(r.rebuilding for r in results), results
        ix.update()
        assert ix.search("zinc").hits
        print("survived")
        """
    )
    env = {**os.environ, "OFFLINE_READER_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    assert "survived" in done.stdout


def _blocking_update(ix: SearchIndex) -> tuple[threading.Thread, threading.Event, threading.Event]:
    started, go = threading.Event(), threading.Event()

    def progress(p: IndexProgress) -> None:
        if p.phase == "indexing" and not started.is_set():
            started.set()
            assert go.wait(60)

    worker = threading.Thread(target=ix.update, kwargs={"progress": progress})
    worker.start()
    assert started.wait(60)
    return worker, started, go


def test_reading_and_browsing_go_on_while_a_damaged_index_is_rebuilt(library: Path) -> None:
    first = built(library)
    (first.index_dir / MANIFEST_NAME).write_bytes(b"\x00garbage")
    first.close()
    lib = Library.scan(library)
    ix = SearchIndex.open(lib)
    assert ix.damage is not None
    worker, _, go = _blocking_update(ix)
    try:
        waiting = ix.search("vitamin")
        assert waiting.rebuilding and "built" in (waiting.message or "")
        assert len(lib.collections()) == 4
        assert lib.load(lib.summaries[0].id).sections  # reading works meanwhile
    finally:
        go.set()
        worker.join(120)
    assert ix.search("vitamin").hits and not ix.rebuilding
    ix.close()


def test_the_old_index_serves_until_the_update_is_swapped_in(library: Path) -> None:
    ix = built(library)
    assert not ix.search("zinkoflux").hits
    path = next(library.rglob("art-00003.md"))
    path.write_text(
        path.read_text(encoding="utf-8") + "\nZinkoflux is a new word.\n", encoding="utf-8"
    )
    ix.library = Library.scan(library)
    before = ix.search("vitamin").total
    worker, _, go = _blocking_update(ix)
    try:
        serving = ix.search("vitamin")
        assert not serving.rebuilding and serving.total == before
        assert not ix.search("zinkoflux").hits  # not half-updated
    finally:
        go.set()
        worker.join(120)
    assert [h.article_id for h in ix.search("zinkoflux").hits] == ["art-00003"]
    ix.close()
