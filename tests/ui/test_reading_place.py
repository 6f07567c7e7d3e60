"""The reader keeps its place: the same text stays at the top through a change of text size,
font, spacing or colours, a restart reopens the last article where it was left, and a
flagged claim stays in view while its explanation opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reader_windows import middle_paragraph, open_reader, scroll_to, text_at_top

from reader.core.navigation import OpenRequest
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[2] / "library"
SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"
CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot: QtBot, target: str | None = SEED_ID) -> MainWindow:
    return open_reader(qtbot, LIBRARY, target, size=(1024, 600), loaded=True)


def scroll_to_a_middle_paragraph(window: MainWindow) -> None:
    scroll_to(window, middle_paragraph(window))


def sentence_at_top_or_none(window: MainWindow) -> str | None:
    if window.article_view.verticalScrollBar().value() <= 0:
        return None
    return text_at_top(window)


@pytest.mark.parametrize(
    "change",
    ["larger text", "smaller text", "font", "spacing", "colours"],
)
def test_a_view_change_keeps_the_same_text_at_the_top(qtbot: QtBot, change: str) -> None:
    window = open_window(qtbot)
    try:
        scroll_to_a_middle_paragraph(window)
        before = text_at_top(window)
        if change == "larger text":
            qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
            qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
        elif change == "smaller text":
            qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
        elif change == "font":
            window.findChild(type(window.actions_by_id["quit"]), "action_font_dyslexic").trigger()
        elif change == "spacing":
            window.update_settings(line_spacing=2.0)
        else:
            qtbot.keyClick(window, Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.wait(150)  # the view's reflow timer (60 ms) has run
        assert text_at_top(window) == before
    finally:
        window.update_settings(text_scale=100, font_family="system", line_spacing=1.5)
        window.close()


def test_a_restart_reopens_the_last_article_where_it_was_left(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    scroll_to_a_middle_paragraph(window)
    before = text_at_top(window)
    window.close()
    again = open_window(qtbot, target=None)
    try:
        assert again.article_view.article is not None
        assert again.article_view.article.id == SEED_ID
        qtbot.waitUntil(lambda: sentence_at_top_or_none(again) == before, timeout=3000)
    finally:
        again.close()


def test_a_flagged_claim_stays_in_view_while_its_explanation_opens(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    try:
        view = window.article_view
        article = view.article
        assert article is not None and article.flagged, "the seed article has a flagged claim"
        window.docks["references"].hide()
        span = view.marker_span("flag:0")
        assert span is not None
        cursor = QTextCursor(view.document())
        cursor.setPosition(span[0])
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        QApplication.processEvents()
        view.setFocus()
        view.focus_marker("flag:0")
        qtbot.keyClick(view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.docks["references"].isVisible())
        qtbot.wait(150)
        rect = view.cursorRect(cursor)
        assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    finally:
        window.close()


def test_the_welcome_page_has_no_empty_references_pane(qtbot: QtBot) -> None:
    window = open_reader(qtbot, LIBRARY, size=(1366, 768))
    try:
        window.show_welcome()
        assert not window.docks["references"].isVisible()
        assert window.open_article(OpenRequest(SEED_ID, remember=False))
        qtbot.waitUntil(lambda: window.article_view.article is not None)
        assert window.docks["references"].isVisible()  # back with an article
    finally:
        window.close()
