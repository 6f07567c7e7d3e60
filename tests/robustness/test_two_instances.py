"""Two readers at once on one library, as two real processes: one writes the index at a
time (a lock shared between processes), the other waits for it instead of taking a
half-written index for a damaged one, and searches meanwhile get answers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from robust_library import make_library
from test_crash_safety import HERE, kill_when, start

from reader.core.library import Library
from reader.core.search import SearchIndex

ARTICLES = 150


def instance(base: Path, home: Path) -> subprocess.Popen[str]:
    return start([sys.executable, str(HERE / "crash_child.py"), "instance", str(base)], home)


def finish(proc: subprocess.Popen[str]) -> list[str]:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]
    return out.split("\n")


@pytest.mark.parametrize("second_starts_at", ["opened", "indexing 40", "committing"])
def test_two_readers_starting_together_build_one_index_and_both_search(
    tmp_path: Path, private_home: Path, second_starts_at: str
) -> None:
    make_library(tmp_path / "library", ARTICLES, paragraphs=8)
    first = instance(tmp_path, private_home)
    assert first.stdout is not None
    early: list[str] = []
    for line in first.stdout:
        early.append(line.strip())
        if line.startswith(second_starts_at):
            break
    second = instance(tmp_path, private_home)
    out_first = early + finish(first)
    out_second = finish(second)
    assert f"updated {ARTICLES}" in out_first
    # the second waited for the first and used its index (nothing or little left to do)
    assert not any(f"updated {ARTICLES}" == line for line in out_second), out_second
    for out in (out_first, out_second):
        hits = next(line for line in out if line.startswith("hits "))
        assert hits.split()[2] == "False" and int(hits.split()[1]) > 0, out
    ix = SearchIndex.open(Library.scan(tmp_path / "library"))
    assert ix.damage is None and not ix.needs_update()
    assert ix.stats()["articles"] == ARTICLES
    ix.close()


def test_a_reader_keeps_searching_while_another_rebuilds(
    tmp_path: Path, private_home: Path
) -> None:
    library = make_library(tmp_path / "library", ARTICLES, paragraphs=8)
    ix = SearchIndex.open(Library.scan(library))
    ix.update()
    ix.close()
    searcher = start(
        [sys.executable, str(HERE / "crash_child.py"), "searcher", str(tmp_path)], private_home
    )
    kill_when(searcher, "searched 3")  # it works before ...
    searcher = start(
        [sys.executable, str(HERE / "crash_child.py"), "searcher", str(tmp_path)], private_home
    )
    for path in sorted(library.rglob("*.md"))[:50]:
        path.write_text(path.read_text(encoding="utf-8") + "\nZinkoflux.\n", encoding="utf-8")
    writer = instance(tmp_path, private_home)
    assert any(line.startswith("indexing ") for line in finish(writer))
    seen = kill_when(searcher, "searched 40")  # ... during and after the other's update
    assert all(line.startswith("searched ") for line in seen)
    again = SearchIndex.open(Library.scan(library))
    assert len({h.article_id for h in again.search("zinkoflux", limit=200).hits}) == 50
    again.close()
