"""The library pane shows which article is open: selected and kept in view."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.core.navigation import OpenRequest
from reader.core.settings import SettingsStore
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[2] / "library"  # the bundled library: a tree that scrolls
SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"


def in_view(tree: QTreeWidget, item: QTreeWidgetItem | None) -> bool:
    assert item is not None
    rect = tree.visualItemRect(item)
    return tree.viewport().rect().contains(rect.center())


def start(qtbot: QtBot, target: str | None = None) -> MainWindow:
    return open_reader(qtbot, LIBRARY, target)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = start(qtbot, SEED_ID)
    yield w
    w.update_settings(theme="light", text_scale=100)
    w.close()


def test_the_open_article_is_selected_and_stays_in_view_when_the_look_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.library_pane
    tree = pane.tree
    item = pane.item_for(SEED_ID)
    assert pane.current_item() is item and item is not None and item.isSelected()
    qtbot.waitUntil(lambda: in_view(tree, item))
    for changes in ({"theme": "dark"}, {"text_scale": 200}, {"text_scale": 300}):
        window.update_settings(**changes)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: in_view(tree, item), timeout=2000)
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: in_view(tree, item), timeout=2000)


def test_opening_by_id_or_from_search_selects_and_scrolls_to_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.library_pane
    tree = pane.tree
    summaries = window.library.summaries
    for request, via in (
        (OpenRequest(summaries[3].id), window.open_article),
        (OpenRequest(summaries[-4].id), window.search_pane.open_requested.emit),
    ):
        tree.scrollToBottom() if request.article_id == summaries[3].id else tree.scrollToTop()
        via(request)
        item = pane.item_for(request.article_id)
        assert pane.current_item() is item
        qtbot.waitUntil(lambda item=item: in_view(tree, item), timeout=2000)


def test_the_last_article_is_selected_at_start(qtbot: QtBot) -> None:
    store = SettingsStore.for_user()
    settings, _ = store.load()
    store.save(replace(settings, last_article=SEED_ID))
    w = start(qtbot)
    try:
        assert w.article_view.article is not None and w.article_view.article.id == SEED_ID
        item = w.library_pane.item_for(SEED_ID)
        assert w.library_pane.current_item() is item
        qtbot.waitUntil(lambda: in_view(w.library_pane.tree, item), timeout=2000)
        w.update_settings(text_scale=250)
        qtbot.waitUntil(lambda: in_view(w.library_pane.tree, item), timeout=2000)
    finally:
        w.update_settings(text_scale=100)
        w.close()
