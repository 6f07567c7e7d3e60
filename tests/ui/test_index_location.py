"""The window keeps its search index where reader.core.search.location says, through the
real indexing process: on read-only media with an older prebuilt index, a current one is
built in the user cache; with nothing writable at all, in a temporary folder the status
bar tells of and that is gone when the window closes. The media are never written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from readonly_media import read_only_copy

from reader.core.library import Library
from reader.core.search import PREBUILT_DIR_NAME, SearchIndex
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow
from reader.ui.options import GuiOptions


def write_library(root: Path, n: int = 6) -> Path:
    folder = root / "topics"
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"t{i}.md").write_text(
            f"---\nid: t{i}\ntitle: Topic {i}\ncollection: Topics\n---\n\n"
            f"## What to do\n\nA child with a fever should drink water. Note {i}.\n",
            encoding="utf-8",
        )
    return root


def add_article(root: Path) -> None:
    (root / "topics" / "zinkoflux.md").write_text(
        "---\nid: zinkoflux\ntitle: Zinkoflux\ncollection: Topics\n---\n\nZinkoflux.\n",
        encoding="utf-8",
    )


def files(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


def open_window(qtbot: QtBot, library: Path) -> MainWindow:
    window = build_window(GuiOptions(library=library, open_target=None), start_search=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.search.index is not None and not window.search.indexing, timeout=120000
    )
    return window


def search_for(qtbot: QtBot, window: MainWindow, query: str) -> list[str]:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_pane.box, query)
    qtbot.waitUntil(lambda: window.search_pane.shown_query == query, timeout=20000)
    index = window.search.index
    assert index is not None
    return [h.article_id for h in index.search(query).hits]


def test_an_older_prebuilt_index_on_read_only_media_is_brought_up_to_date_in_the_cache(
    qtbot: QtBot, tmp_path: Path, private_home: Path
) -> None:
    source = write_library(tmp_path / "source")
    built = SearchIndex.open(Library.scan(source), source / PREBUILT_DIR_NAME)
    built.update()
    built.close()
    add_article(source)  # the medium was copied after this article was added
    with read_only_copy(source, tmp_path / "media") as media:
        before = files(media)
        window = open_window(qtbot, media)
        try:
            index = window.search.index
            assert index is not None and index.index_dir.is_relative_to(private_home)
            assert search_for(qtbot, window, "zinkoflux") == ["zinkoflux"]
        finally:
            window.close()
        assert files(media) == before


def test_with_nothing_writable_the_window_says_where_its_index_is_and_leaves_nothing(
    qtbot: QtBot, tmp_path: Path, read_only_home: Path
) -> None:
    with read_only_copy(write_library(tmp_path / "source"), tmp_path / "media") as media:
        before = files(media)
        window = open_window(qtbot, media)
        try:
            index = window.search.index
            assert index is not None and index.temporary
            folder = index.index_dir
            assert folder.is_dir() and not folder.is_relative_to(media)
            status = window.status_label.text()
            assert "temporary folder" in status and str(folder) in status, status
            assert len(search_for(qtbot, window, "fever")) == 6
        finally:
            window.close()
        assert files(media) == before
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10000)
