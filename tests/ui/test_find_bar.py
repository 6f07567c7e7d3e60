"""Find in the article: Ctrl+F opens the find bar, every match is highlighted and counted,
Enter and Shift+Enter move between matches, the count reaches screen readers as the
focused box's description, Escape closes the bar; Ctrl+K still goes to the library search."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
WORDS = "vitamin b-12"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = build_window(
        GuiOptions(library=LIBRARY, open_target="b12-breast-milk"), start_search=False
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _matches_shown(window: MainWindow) -> int:
    """Highlighted matches: extra selections drawn bold or in the highlight colour."""
    view = window.article_view
    needle = WORDS.lower()
    return sum(1 for s in view.extraSelections() if s.cursor.selectedText().lower() == needle)


def test_ctrl_f_finds_counts_and_steps_through_matches(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article_view
    expected = view.document().toPlainText().lower().count(WORDS)
    assert expected >= 3
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.box
    assert bar.box.accessibleName() == "Find in the article"
    qtbot.keyClicks(bar.box, WORDS)
    assert bar.match_count == expected
    assert _matches_shown(window) == expected
    assert bar.count.text() == f"1 of {expected} matches"
    assert bar.box.accessibleDescription() == bar.count.text()  # what Orca speaks
    first = view.textCursor().selectionStart()
    assert view.textCursor().selectedText().lower() == WORDS

    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.current == 2 and bar.box.accessibleDescription() == f"2 of {expected} matches"
    assert view.textCursor().selectionStart() > first
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 1 and view.textCursor().selectionStart() == first
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == expected  # wraps round to the last
    assert QApplication.focusWidget() is bar.box  # Enter stays in the box

    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not window.find_toolbar.isVisible()
    assert QApplication.focusWidget() is view
    assert _matches_shown(window) == 0

    # F3 opens it again on the same words; Ctrl+K is the library's search box.
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert window.find_toolbar.isVisible() and bar.match_count == expected
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_pane.box


def test_words_that_are_not_there_say_so(qtbot: QtBot, window: MainWindow) -> None:
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.box, "zebra")
    assert window.find_bar.match_count == 0
    assert window.find_bar.box.accessibleDescription() == "No matches"
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Return)  # nothing to go to, no error
    assert window.find_bar.current == 0


def test_a_new_article_is_searched_again(qtbot: QtBot, window: MainWindow) -> None:
    window.find_in_article(0)
    qtbot.keyClicks(window.find_bar.box, "iron")
    before = window.find_bar.match_count
    assert window.open_target("iron-in-pregnancy")
    expected = window.article_view.document().toPlainText().lower().count("iron")
    assert window.find_bar.match_count == expected != before
