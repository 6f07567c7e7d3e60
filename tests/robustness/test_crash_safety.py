"""kill -9 in the middle of indexing, importing or saving settings, for real: the next
start finds everything consistent (no half-written article or settings file, and an
index that is either whole or detected as interrupted and rebuilt)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crash_child import article_version, settings_version
from robust_library import make_library

from reader.core.article import read_article
from reader.core.library import Library
from reader.core.search import SearchIndex
from reader.core.settings import SettingsStore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed_000_d25b21b6034f8d55.txt"


def start(args: list[str], home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "OFFLINE_READER_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )


def kill_when(proc: subprocess.Popen[str], wanted: str, extra_delay: float = 0.0) -> list[str]:
    """Read the child's lines until one starts with ``wanted``; then SIGKILL it."""
    assert proc.stdout is not None
    seen: list[str] = []
    for line in proc.stdout:
        seen.append(line.strip())
        if line.startswith(wanted):
            break
    else:
        proc.wait(10)
        assert proc.stderr is not None
        pytest.fail(f"the child ended before {wanted!r}: {seen[-3:]} {proc.stderr.read()[-2000:]}")
    time.sleep(extra_delay)  # a moment inside the next step (the kill lands mid-write)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL
    proc.stdout.close()
    assert proc.stderr is not None
    proc.stderr.close()
    return seen


def child(mode: str, base: Path) -> list[str]:
    return [sys.executable, str(HERE / "crash_child.py"), mode, str(base)]


@pytest.mark.parametrize("moment", ["indexing 40", "committing"])
def test_kill_during_indexing_then_the_next_start_rebuilds(
    tmp_path: Path, private_home: Path, moment: str
) -> None:
    make_library(tmp_path / "library", 120, paragraphs=8)
    kill_when(start(child("index", tmp_path), private_home), moment)
    ix = SearchIndex.open(Library.scan(tmp_path / "library"))
    try:
        assert ix.damage is not None and ix.needs_update()  # detected at start
        assert ix.search("vitamin").rebuilding
        report = ix.update()
        assert report.added == 120
        assert ix.search("vitamin").hits
    finally:
        ix.close()
    again = SearchIndex.open(Library.scan(tmp_path / "library"))
    assert again.damage is None and not again.needs_update()
    assert again.stats()["articles"] == 120
    again.close()


def test_kill_during_an_incremental_update_keeps_a_usable_or_rebuilt_index(
    tmp_path: Path, private_home: Path
) -> None:
    library = make_library(tmp_path / "library", 120, paragraphs=8)
    ix = SearchIndex.open(Library.scan(library))
    ix.update()
    ix.close()
    for path in sorted(library.rglob("*.md"))[:60]:
        path.write_text(path.read_text(encoding="utf-8") + "\nZinkoflux.\n", encoding="utf-8")
    kill_when(start(child("index", tmp_path), private_home), "indexing 30")
    ix = SearchIndex.open(Library.scan(library))
    try:
        assert ix.needs_update()
        ix.update()
        assert len({h.article_id for h in ix.search("zinkoflux", limit=200).hits}) == 60
    finally:
        ix.close()


@pytest.mark.parametrize("cycle", range(6))
def test_kill_while_an_article_is_written_leaves_the_old_or_the_new_one(
    tmp_path: Path, private_home: Path, cycle: int
) -> None:
    versions = {article_version(n) for n in range(2)}
    delay = random.Random(cycle).uniform(0.0, 0.2)
    kill_when(start(child("write", tmp_path), private_home), "wrote 1", delay)
    target = tmp_path / "library" / "crash" / "big.md"
    assert target.read_text(encoding="utf-8") in versions  # never half of one
    library = Library.scan(tmp_path / "library")
    assert [s.path.name for s in library.summaries] == ["big.md"] and not library.problems
    assert read_article(target).sections


def test_kill_during_a_real_seed_import_leaves_only_whole_articles(
    tmp_path: Path, private_home: Path
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    for n in range(80):
        title_at = next(i for i, line in enumerate(lines) if i > 0 and line.strip())
        copy = list(lines)
        copy[title_at] = f"{lines[title_at]} Part {n}"
        (sources / f"seed_{n:03d}.txt").write_text("\n".join(copy), encoding="utf-8")
    library = tmp_path / "library"
    library.mkdir()
    args = [sys.executable, "-m", "reader", "import", "seed", "--library", str(library)]
    proc = start([*args, *map(str, sorted(sources.iterdir()))], private_home)
    seen = kill_when(proc, "", 0.0)  # wait for the first imported article, then kill
    assert seen
    scanned = Library.scan(library)
    assert scanned.summaries, "nothing was imported before the kill"
    assert not scanned.problems, scanned.problems
    for summary in scanned.summaries:
        assert read_article(summary.path).references
    strays = [p for p in library.rglob("*") if p.is_file() and p.suffix != ".md"]
    assert all(p.name.startswith(".") for p in strays)  # a temp file at most, hidden


@pytest.mark.parametrize("cycle", range(6))
def test_kill_while_settings_are_saved_leaves_valid_settings(
    tmp_path: Path, private_home: Path, cycle: int
) -> None:
    delay = random.Random(cycle).uniform(0.0, 0.05)
    kill_when(start(child("settings", tmp_path), private_home), "saved 3", delay)
    settings, warnings = SettingsStore(tmp_path / "settings.json").load()
    assert warnings == ()
    assert settings in {settings_version(n) for n in range(2)}
