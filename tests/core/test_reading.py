"""Bookmarks and recently read articles on disk: kept across restarts, written atomically
(a kill -9 while writing leaves the previous file whole), bad files set aside."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.core.reading import (
    MAX_HISTORY,
    Bookmark,
    Reading,
    ReadingStore,
    reading_to_json,
)


def test_bookmarks_and_history_survive_a_restart(tmp_path: Path) -> None:
    store = ReadingStore(tmp_path / "reading.json")
    reading = store.load()
    reading = reading.with_bookmark(Bookmark("iron", "Iron  in\tpregnancy", "Iron", "sources", 120))
    reading = reading.with_bookmark(Bookmark("b12", "", "Vitamin B-12"))  # no name: the title
    reading = reading.with_visit("iron", "Iron").with_visit("b12", "Vitamin B-12")
    reading = reading.with_visit("iron", "Iron")  # read again: first, once
    store.save(reading)
    again = ReadingStore(tmp_path / "reading.json").load()
    assert [b.name for b in again.bookmarks] == ["Iron in pregnancy", "Vitamin B-12"]
    assert again.bookmarks[0].section_anchor == "sources" and again.bookmarks[0].position == 120
    assert [v.article_id for v in again.history] == ["iron", "b12"]
    assert again.warnings == ()


def test_one_bookmark_per_place_and_a_bounded_history() -> None:
    reading = Reading()
    reading = reading.with_bookmark(Bookmark("a", "first", "A", "s1"))
    reading = reading.with_bookmark(Bookmark("a", "second", "A", "s1"))
    reading = reading.with_bookmark(Bookmark("a", "other section", "A", "s2"))
    assert [b.name for b in reading.bookmarks] == ["second", "other section"]
    assert reading.renamed(reading.bookmarks[0], "  ").bookmarks == reading.bookmarks
    assert reading.renamed(reading.bookmarks[0], "new").bookmarks[0].name == "new"
    assert reading.without_bookmark(reading.bookmarks[0]).bookmarks[0].name == "other section"
    for n in range(MAX_HISTORY + 10):
        reading = reading.with_visit(f"a{n}", "A")
    assert len(reading.history) == MAX_HISTORY and reading.history[0].article_id == "a59"


def test_a_damaged_file_is_set_aside_and_bad_entries_left_out(tmp_path: Path) -> None:
    path = tmp_path / "reading.json"
    path.write_text('{"bookmarks": [{"article_id": "x", "name"', encoding="utf-8")
    reading = ReadingStore(path).load()
    assert reading.bookmarks == () and "damaged" in reading.warnings[0]
    assert (tmp_path / "reading.json.damaged").is_file() and not path.exists()
    path.write_text(
        json.dumps({"bookmarks": [{"article_id": "ok", "name": "Ok"}, {"name": 3}, "junk"]}),
        encoding="utf-8",
    )
    reading = ReadingStore(path).load()
    assert [b.article_id for b in reading.bookmarks] == ["ok"]
    assert "unusable" in reading.warnings[0] and "(2)" in reading.warnings[0]


WRITER = """
import sys
from reader.core.reading import Bookmark, Reading, ReadingStore
store = ReadingStore(__import__("pathlib").Path(sys.argv[1]))
n = 0
while True:
    tag = "even" if n % 2 == 0 else "odd"
    r = Reading()
    for i in range(400):
        r = r.with_bookmark(Bookmark(f"article-{i}", f"{tag} bookmark {i} " + "x" * 150, "T"))
    store.save(r)
    n += 1
    print(n, flush=True)
"""


def test_kill_9_while_writing_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "reading.json"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for delay in (0.0, 0.013, 0.029, 0.051, 0.077):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        child.stdout.readline()  # one whole write done
        time.sleep(delay)  # then killed somewhere in a later write
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        reading = ReadingStore(path).load()
        assert reading.warnings == (), reading.warnings
        assert len(reading.bookmarks) == 400
        tags = {b.name.split()[0] for b in reading.bookmarks}
        assert len(tags) == 1  # all from one write, never a mix or a cut
    assert reading_to_json(reading).startswith("{")


SLOW_DISK = """
import os, sys, time
from pathlib import Path
from reader.core.reading import Bookmark, Reading, ReadingStore
store = ReadingStore(Path(sys.argv[1]))
store.save(Reading().with_bookmark(Bookmark("old", "old bookmark", "T")))
def slow_fsync(fd):  # a slow disk: the new bytes are written, not yet on disk
    print("writing", flush=True)
    time.sleep(60)
os.fsync = slow_fsync
store.save(Reading().with_bookmark(Bookmark("new", "new bookmark", "T")))
"""


def test_kill_9_during_a_slow_write_keeps_the_previous_bookmarks(tmp_path: Path) -> None:
    path = tmp_path / "reading.json"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_DISK, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    reading = ReadingStore(path).load()
    assert [b.name for b in reading.bookmarks] == ["old bookmark"], reading
