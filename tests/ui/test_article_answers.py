"""The article answers at once on the longest article of the library: a text-size step
restyles the text already there (nothing rendered again, the same sentence at the top, the
rest laid out between events), headings grow less than the body."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.navigation import OpenRequest
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[2] / "library"
CTRL = Qt.KeyboardModifier.ControlModifier


def largest_article_id(window: MainWindow) -> str:
    return max(window.library.summaries, key=lambda s: s.path.stat().st_size).id


def open_largest(qtbot: QtBot) -> MainWindow:
    window = build_window(GuiOptions(library=LIBRARY), start_search=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    article_id = largest_article_id(window)
    assert window.open_article(OpenRequest(article_id, remember=False))
    qtbot.waitUntil(lambda: window.article_view.article is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.article_view.text_complete, timeout=20000)
    return window


def body_block_in_the_middle(window: MainWindow) -> int:
    doc = window.article_view.document()
    blocks = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 0 and len(block.text()) > 300:
            blocks.append(block.position())
        block = block.next()
    return blocks[len(blocks) // 2]


def point_size_at(window: MainWindow, position: int) -> float:
    """The size of the text's first character at ``position`` (a block's start)."""
    cursor = QTextCursor(window.article_view.document())
    cursor.setPosition(position + 1)  # a cursor's format is the character before it
    return cursor.charFormat().font().pointSizeF()


def text_at_top(window: MainWindow) -> str:
    cursor = window.article_view.cursorForPosition(QPoint(1, 1))
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    return cursor.selectedText().strip()[:60]


def test_a_size_step_restyles_the_text_in_place_and_keeps_the_place(qtbot: QtBot) -> None:
    window = open_largest(qtbot)
    try:
        view = window.article_view
        doc = view.document()
        position = body_block_in_the_middle(window)
        top = doc.documentLayout().blockBoundingRect(doc.findBlock(position)).top()
        view.verticalScrollBar().setValue(int(top))  # as a person scrolls there
        QApplication.processEvents()
        before = text_at_top(window)
        blocks, renders = doc.blockCount(), view.renders
        body_before = point_size_at(window, position)
        view.setFocus()

        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)

        # The same document, restyled: not rendered again, not one block more or less.
        assert view.document() is doc
        assert view.renders == renders
        assert doc.blockCount() == blocks
        body_after = point_size_at(window, position)
        assert body_after > body_before
        # Only what is on screen (and what leads to it) was laid out before the key was
        # handled: the end of the article is laid out between events, after.
        assert doc.lastBlock().layout().lineCount() == 0
        qtbot.waitUntil(lambda: doc.lastBlock().layout().lineCount() > 0, timeout=10000)
        qtbot.wait(150)  # the view's reflow timer (60 ms) has run
        assert text_at_top(window) == before
        assert view.renders == renders
    finally:
        window.update_settings(text_scale=100)
        window.close()


def test_headings_grow_less_than_the_body_after_steps_in_place(qtbot: QtBot) -> None:
    window = open_largest(qtbot)
    try:
        view = window.article_view
        doc = view.document()

        def ratio() -> float:
            title = view.section_position("top") or 0
            assert doc.findBlock(title).blockFormat().headingLevel() == 1
            body = body_block_in_the_middle(window)
            return point_size_at(window, title) / point_size_at(window, body)

        at_100 = ratio()
        renders = view.renders
        view.setFocus()
        for _ in range(9):
            qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
        assert window.settings.text_scale == 400
        assert view.renders == renders
        assert 1.0 < ratio() < at_100 - 0.2
    finally:
        window.update_settings(text_scale=100)
        window.close()
