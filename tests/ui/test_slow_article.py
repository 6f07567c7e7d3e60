"""An article that is slow to parse never freezes the window: it is read on a worker, the
status bar shows it is being opened, and the person can leave it (Escape, Stop, or another
article) — or wait, and it opens."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.model import Article
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
FAST_ID = "iron-in-pregnancy"
SLOW_ID = "slow-to-parse"
# 30,000 "[" on one line: within every limit, and some seconds of markdown-it's link
# parsing (linear, but slow per character) on any machine.
SLOW = f"---\nid: {SLOW_ID}\ntitle: Slow to parse\ncollection: Tests\nlanguage: en\n---\n\n"
SLOW += "## Part\n\n" + "[" * 30_000 + "\n"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    (library / "tests").mkdir()
    (library / "tests" / "slow.md").write_text(SLOW, encoding="utf-8")
    w = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    w.article_loader.wait_s = 0.2  # the slow article takes seconds on any machine
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def activate(qtbot: QtBot, window: MainWindow, article_id: str) -> None:
    """Select the article in the library tree and press Enter, as a person does."""
    tree = window.library_pane.tree
    item = window.library_pane.item_for(article_id)
    assert item is not None
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Return)


class Ticks:
    """Counts turns of the event loop from a 20 ms timer; the longest gap between two
    is how long the window stopped answering."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last = now


def test_a_slow_article_shows_progress_and_can_be_left(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window, FAST_ID)
    assert window.article_view.article is not None
    assert window.article_view.article.id == FAST_ID  # an ordinary article opens at once

    opened: list[Article] = []
    window.article_opened.connect(opened.append)
    ticks = Ticks()
    activate(qtbot, window, SLOW_ID)
    # the window goes on answering while the article is read
    assert window.opening_progress.isVisible() and window.stop_opening_button.isVisible()
    assert "Slow to parse" in window.status_label.text()
    assert window.article_view.article.id == FAST_ID
    qtbot.wait(300)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Escape)  # leave it
    assert not window.opening_progress.isVisible()
    assert "Stopped" in window.status_label.text()

    # another article opens meanwhile; the slow one, when done, is not shown
    activate(qtbot, window, "b12-breast-milk")
    assert window.article_view.article.id == "b12-breast-milk"
    qtbot.wait(500)
    ticks.timer.stop()
    assert ticks.longest < 1.5, ticks.longest  # the window never stopped for the parse
    window.article_loader.shutdown(120_000)  # the left parse finishes on its own thread
    qtbot.wait(50)
    assert [a.id for a in opened] == ["b12-breast-milk"]
    assert window.article_view.article.id == "b12-breast-milk"


def test_a_slow_article_opens_when_the_person_waits(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.article_opened, timeout=180_000) as opened:
        activate(qtbot, window, SLOW_ID)
        assert window.opening_progress.isVisible()
    article = opened.args[0] if opened.args else None
    assert isinstance(article, Article) and article.id == SLOW_ID
    assert window.article_view.article is article
    assert not window.opening_progress.isVisible()
    assert "Opened" in window.status_label.text()


def test_the_stop_button_leaves_the_slow_article(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window, SLOW_ID)
    assert window.stop_opening_button.isVisible()
    qtbot.mouseClick(window.stop_opening_button, Qt.MouseButton.LeftButton)
    assert not window.stop_opening_button.isVisible()
    assert window.article_view.article is None or window.article_view.article.id != SLOW_ID
    window.article_loader.shutdown(120_000)
    qtbot.wait(50)
    assert window.article_view.article is None or window.article_view.article.id != SLOW_ID
