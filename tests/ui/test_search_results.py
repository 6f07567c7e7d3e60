"""Search results in the window: grouped by article, "Did you mean", and a next step
when nothing is found — all by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.core.model import SearchHit
from reader.ui.main_window import MainWindow
from reader.ui.search_pane import group_by_article

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
SEED_ID = "b12-breast-milk"


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = open_reader(qtbot, LIBRARY, search=True)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.search.index is not None and not w.search.indexing, timeout=30000)
    yield w
    w.close()


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_pane.box, text)
    qtbot.waitUntil(lambda: window.search_pane.shown_query == text, timeout=10000)


def hit(article: str, anchor: str, score: float) -> SearchHit:
    return SearchHit(article, article.title(), "c", anchor, anchor.title(), score, "text")


def test_hits_are_grouped_by_article_in_the_order_of_their_best_section() -> None:
    hits = (hit("a", "one", 3), hit("b", "two", 2), hit("a", "three", 1))
    groups = group_by_article(hits)
    assert [g.article_id for g in groups] == ["a", "b"]
    assert [h.section_anchor for h in groups[0].hits] == ["one", "three"]
    assert groups[0].best.section_anchor == "one"


def test_each_article_is_one_entry_with_its_matching_sections_under_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.search_pane
    type_query(qtbot, window, "vitamin")
    tree = pane.results
    assert pane.article_count() == 1  # several sections of the seed, one article entry
    top = tree.topLevelItem(0)
    assert top is not None and top.childCount() >= 2
    sections = pane.sections_of(SEED_ID)
    assert len(sections) == top.childCount()
    assert len({s.section_anchor for s in sections}) == len(sections)
    assert f"{len(sections)} matching sections" in top.text(0)
    assert "in 1 article" in pane.status.text()
    # Down from the article entry reaches its second section; Enter opens that section.
    qtbot.keyClick(pane.box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is tree and tree.currentItem() is top
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is top.child(1)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    view = window.article_view
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == SEED_ID)
    assert view.current_section == sections[1].section_anchor


def test_a_typo_offers_did_you_mean_and_the_keyboard_runs_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.search_pane
    type_query(qtbot, window, "vitamn")
    button = pane.did_you_mean
    qtbot.waitUntil(button.isVisible)
    assert button.text() == "Did you mean: vitamin"
    assert button.accessibleName() == "Did you mean: vitamin"
    # Tab from the search box reaches the offer; Space presses it.
    qtbot.keyClick(pane.box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: pane.shown_query == "vitamin", timeout=10000)
    assert pane.box.text() == "vitamin"
    assert not button.isVisible()
    first = pane.hit(0)
    assert first is not None and first.article_id == SEED_ID
    assert pane.sections_of(SEED_ID)


def test_nothing_found_offers_a_next_step(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.search_pane
    type_query(qtbot, window, "xqzzyplo")
    assert pane.hit_count() == 0
    assert pane.status.text().startswith("No articles match")
    assert pane.browse.isVisible()
    qtbot.keyClick(pane.box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pane.browse
    qtbot.keyClick(pane.browse, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is window.library_pane.tree


def test_an_exact_phrase_that_finds_nothing_offers_the_broader_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.search_pane
    type_query(qtbot, window, '"milk vitamin"')
    assert pane.broader.isVisible()
    assert pane.broader.text() == "Try the broader search: milk vitamin"
    pane.broader.setFocus()
    qtbot.keyClick(pane.broader, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: pane.shown_query == "milk vitamin", timeout=10000)
    assert pane.article_count() >= 1
    assert not pane.browse.isVisible()
