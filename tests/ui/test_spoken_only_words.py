"""A screen reader's Say All says "heading level 2." before a heading; nobody else gets
those words: they are never drawn, the caret goes past them, and a copy, the find bar
and reading aloud leave them out (Orca's part is tests/a11y/test_reader_speech.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.ui.main_window import MainWindow
from reader.ui.spoken_only import is_spoken_only, visible_text

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
HEADING = "New Research Findings"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = open_reader(qtbot, LIBRARY, "b12-breast-milk", size=(1280, 900))
    win.article_view.complete_text()
    return win


def _heading_start(window: MainWindow) -> int:
    found = window.article_view.document().find(HEADING)
    assert not found.isNull()
    return found.selectionStart()


def test_a_screen_reader_gets_heading_words_before_each_heading(window: MainWindow) -> None:
    view = window.article_view
    article = view.article
    assert article is not None
    text = QAccessible.queryAccessibleInterface(view).textInterface()
    assert text is not None
    spoken = text.text(0, text.characterCount())
    for section in article.headed_sections:
        assert f"heading level {section.level}.\n{section.heading}" in spoken, section.heading
    # Not the title: it is the text object's name, spoken as the article gets the focus.
    assert spoken.startswith(article.title)
    # Never drawn, and taking no room.
    label = view.document().findBlock(_heading_start(window) - 1)
    assert is_spoken_only(label) and not label.isVisible()
    assert view.document().documentLayout().blockBoundingRect(label).height() == 0


def test_copy_find_and_reading_aloud_leave_the_heading_words_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.article_view
    view.setFocus()
    view.selectAll()
    view.copy()
    copied = QGuiApplication.clipboard().mimeData()
    assert HEADING in copied.text()
    assert "heading level" not in copied.text()
    assert "heading level" not in copied.html()
    assert "<h2" in copied.html()  # the headings stay headings
    # The find bar counts only what is seen.
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert QApplication.focusWidget() is bar.box
    qtbot.keyClicks(bar.box, "heading level")
    assert bar.match_count == 0
    # Reading aloud reads what is seen, every position still the document's.
    seen = visible_text(view.document())
    assert "heading level" not in seen
    assert len(seen) == len(view.document().toPlainText())
    assert seen.index(HEADING) == _heading_start(window)


def test_the_caret_goes_past_the_heading_words(qtbot: QtBot, window: MainWindow) -> None:
    """Right and Left step from the text before a heading onto it and back, in one
    press each (Up and Down go past it by themselves: it has no lines)."""
    view = window.article_view
    heading = _heading_start(window)
    label = view.document().findBlock(heading - 1)
    before = label.previous().position() + label.previous().length() - 1  # its end
    cursor = view.textCursor()
    cursor.setPosition(before)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.textCursor().position() == heading
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.textCursor().position() == before
