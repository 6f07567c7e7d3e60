"""The article answers at once on the longest article of the library: a text-size step
restyles the text already there (nothing rendered again, the same sentence at the top, the
rest laid out between events), headings grow less than the body; opening shows the first
screen of text, then the rest in pieces between events (keys pressed meanwhile are handled),
until the whole article is there as if rendered at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontInfo, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reader_windows import middle_paragraph, open_reader, scroll_to, text_at_top

from reader.core.navigation import OpenRequest
from reader.core.settings import LINE_SPACING_STEPS
from reader.ui.article_html import render_article
from reader.ui.main_window import MainWindow
from reader.ui.spoken_only import without_spoken_only

LIBRARY = Path(__file__).parents[2] / "library"
CTRL = Qt.KeyboardModifier.ControlModifier


def largest_article_id(window: MainWindow) -> str:
    return max(window.library.summaries, key=lambda s: s.path.stat().st_size).id


def open_largest(qtbot: QtBot) -> MainWindow:
    window = open_reader(qtbot, LIBRARY, active=True)
    article_id = largest_article_id(window)
    assert window.open_article(OpenRequest(article_id, remember=False))
    qtbot.waitUntil(lambda: window.article_view.article is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.article_view.text_complete, timeout=20000)
    return window


def body_block_in_the_middle(window: MainWindow) -> int:
    return middle_paragraph(window, longer_than=300)


def point_size_at(window: MainWindow, position: int) -> float:
    """The size of the text's first character at ``position`` (a block's start)."""
    cursor = QTextCursor(window.article_view.document())
    cursor.setPosition(position + 1)  # a cursor's format is the character before it
    return cursor.charFormat().font().pointSizeF()


def test_a_size_step_restyles_the_text_in_place_and_keeps_the_place(qtbot: QtBot) -> None:
    window = open_largest(qtbot)
    try:
        view = window.article_view
        doc = view.document()
        position = body_block_in_the_middle(window)
        scroll_to(window, position)
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


def block_structure(doc: QTextDocument) -> list[tuple[object, ...]]:
    """Each block's text, heading level, margins, alignment, list and character runs."""
    out: list[tuple[object, ...]] = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        runs = []
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            cf = frag.charFormat()
            runs.append((frag.text(), cf.anchorHref(), cf.fontWeight(), cf.fontItalic()))
            it += 1
        listed = block.textList()
        out.append(
            (
                block.text(),
                fmt.headingLevel(),
                fmt.topMargin(),
                fmt.bottomMargin(),
                fmt.leftMargin(),
                fmt.alignment(),
                listed.format().style() if listed else None,
                tuple(runs),
            )
        )
        block = block.next()
    return out


def test_the_largest_article_shows_its_first_screen_then_all_of_it(qtbot: QtBot) -> None:
    window = open_reader(qtbot, LIBRARY)
    try:
        view = window.article_view
        shown: list[tuple[bool, str]] = []
        window.article_opened.connect(
            lambda _a: shown.append((view.text_complete, view.document().toPlainText()))
        )
        completed: list[bool] = []
        view.text_completed.connect(lambda: completed.append(True))
        assert window.open_article(OpenRequest(largest_article_id(window), remember=False))
        qtbot.waitUntil(lambda: bool(shown), timeout=20000)
        article = view.article
        assert article is not None
        complete_at_once, first_text = shown[0]
        # Shown with its first screen of text, the rest still to come.
        assert not complete_at_once
        assert first_text.startswith(article.title)
        assert len(first_text) > 3000
        qtbot.waitUntil(lambda: bool(completed), timeout=20000)
        assert view.text_complete
        # All of it, exactly as the whole article rendered at once.
        whole = QTextDocument()
        whole.setDefaultStyleSheet(view.document().defaultStyleSheet())
        whole.setHtml(render_article(article).html)
        # (What only a screen reader gets, "heading level 2." before a heading, aside.)
        seen = view.document().clone()
        without_spoken_only(seen)
        assert seen.toPlainText() == whole.toPlainText()
        assert block_structure(seen) == block_structure(whole)
        # Every section and every citation is where a jump would go.
        for section in article.sections:
            if section.level > 0:
                assert view.section_position(section.anchor) is not None
        cited = [view.citation_span(i) for i in range(len(article.citations))]
        assert sum(span is not None for span in cited) >= 0.9 * len(cited) > 0
    finally:
        window.close()


def test_keys_pressed_while_the_article_comes_in_are_not_lost(qtbot: QtBot) -> None:
    window = open_reader(qtbot, LIBRARY)
    try:
        view = window.article_view
        presses = 8
        arrived: list[bool] = []  # whether the text was complete when each key came

        def press_keys(_article: object) -> None:
            # As a person does, typing on: the keys wait in the event queue with the
            # parts of the article still to come.
            view.setFocus()
            for _ in range(presses):
                QApplication.postEvent(
                    view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier(0))
                )

        class Watch(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.KeyPress:
                    arrived.append(view.text_complete)
                return False

        watch = Watch()
        view.installEventFilter(watch)
        window.article_opened.connect(press_keys)
        assert window.open_article(OpenRequest(largest_article_id(window), remember=False))
        qtbot.waitUntil(lambda: len(arrived) == presses and view.text_complete, timeout=20000)
        # Each key was handled, most of them before the rest of the article was in.
        assert arrived.count(False) >= presses // 2
        caret = view.textCursor().position()
        assert caret > 0
        # The caret is where the same keys take it in the whole article.
        cursor = view.textCursor()
        cursor.setPosition(0)
        view.setTextCursor(cursor)
        for _ in range(presses):
            qtbot.keyClick(view, Qt.Key.Key_Down)
        assert view.textCursor().position() == caret
    finally:
        window.close()


def test_large_text_has_lines_close_to_the_fonts_own_yet_wide_spacing_stays_possible(
    qtbot: QtBot,
) -> None:
    window = open_largest(qtbot)
    try:
        view = window.article_view
        doc = view.document()
        position = body_block_in_the_middle(window)

        def line_height() -> float:
            return doc.findBlock(position).blockFormat().lineHeight()

        def pitch_in_sizes() -> float:
            """From one line of the paragraph to the next, in sizes of its text."""
            block = doc.findBlock(position)
            doc.documentLayout().blockBoundingRect(block)  # laid out now
            lines = block.layout()
            assert lines.lineCount() > 2
            size = QFontInfo(doc.defaultFont()).pixelSize()
            return (lines.lineAt(2).y() - lines.lineAt(1).y()) / size

        assert line_height() == 150  # spacing 1.5 at 100 %
        at_100 = pitch_in_sizes()
        renders = view.renders
        window.update_settings(text_scale=400)
        # Close to the font's own line (about 1.16 sizes of its text): nine lines on 600 px.
        assert line_height() == 104
        assert 1.15 < pitch_in_sizes() < 1.25 < at_100
        # A wider spacing adds all it adds beyond 1.5, and the widest still gives more than
        # the 1.5 sizes of text between lines WCAG 1.4.12 asks to be possible.
        heights = []
        for spacing in LINE_SPACING_STEPS:
            window.update_settings(line_spacing=spacing)
            heights.append(line_height())
        assert heights == sorted(set(heights))
        window.update_settings(line_spacing=1.75)
        assert pitch_in_sizes() >= 1.5
        window.update_settings(line_spacing=2.0)
        assert line_height() == 154
        assert pitch_in_sizes() > 1.75
        # In place: the article was restyled, never rendered again.
        assert view.renders == renders
        qtbot.waitUntil(lambda: doc.lastBlock().layout().lineCount() > 0, timeout=10000)
        last_body = doc.lastBlock()
        while last_body.blockFormat().lineHeightType() != 1:
            last_body = last_body.previous()
        assert last_body.blockFormat().lineHeight() == 154
    finally:
        window.update_settings(text_scale=100, line_spacing=1.5)
        window.close()
