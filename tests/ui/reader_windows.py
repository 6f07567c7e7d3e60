"""The reader window as the widget tests open it, and what a person sees at the top of its
article: one place for what many test modules did each in their own words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow


def open_reader(
    qtbot: QtBot,
    library: Path,
    target: str | None = None,
    *,
    size: tuple[int, int] = (1280, 800),
    search: bool = False,
    active: bool = False,
    loaded: bool = False,
) -> MainWindow:
    """The window on ``library`` (with ``target`` open), shown at ``size`` and closed by
    pytest-qt after the test. ``search``: the search index is opened too; ``active``: the
    window is the active one (keys go to it); ``loaded``: an article is in the view."""
    window = build_window(GuiOptions(library=library, open_target=target), start_search=search)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    if active:
        window.activateWindow()
    qtbot.waitExposed(window)
    if active:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if loaded:
        qtbot.waitUntil(lambda: window.article_view.article is not None, timeout=20_000)
    return window


def middle_paragraph(window: MainWindow, longer_than: int = 200) -> int:
    """Where a paragraph of more than ``longer_than`` characters halfway down the article
    starts (its document position)."""
    doc = window.article_view.document()
    starts = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 0 and len(block.text()) > longer_than:
            starts.append(block.position())
        block = block.next()
    assert starts, f"no paragraph longer than {longer_than} characters"
    return starts[len(starts) // 2]


def scroll_to(window: MainWindow, position: int) -> None:
    """The block holding ``position`` at the top of the view, as a person scrolls there."""
    view = window.article_view
    doc = view.document()
    top = doc.documentLayout().blockBoundingRect(doc.findBlock(position)).top()
    view.verticalScrollBar().setValue(int(top))
    QApplication.processEvents()


def text_at_top(window: MainWindow) -> str:
    """The start of the paragraph at the top of the article's view."""
    view = window.article_view
    assert view.verticalScrollBar().value() > 0, "the article is at its very top"
    cursor = view.cursorForPosition(QPoint(1, 1))
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    return cursor.selectedText().strip()[:60]
