"""A research article from the bundled library, in the real window, as a person meets it:
formulas read in linear form with real sub/superscripts, and a screen reader is told their
words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[2] / "library"
BATS = "plos-pcbi.1004089"  # bat flight: formulas with subscripts, vectors and fractions

pytestmark = pytest.mark.skipif(
    not (LIBRARY / "research-plos" / f"{BATS}.md").is_file(),
    reason="the PLOS articles are imported by scripts/bootstrap.sh",
)


def open_window(qtbot: QtBot, target: str = BATS) -> MainWindow:
    window = build_window(GuiOptions(library=LIBRARY, open_target=target), start_search=False)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.article_view.article is not None)
    return window


def _format_at(window: MainWindow, position: int) -> QTextCharFormat:
    cursor = QTextCursor(window.article_view.document())
    cursor.setPosition(position + 1)  # the format of the character after ``position``
    return cursor.charFormat()


def test_a_formula_shows_in_linear_form_with_real_subscripts(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    view = window.article_view
    text = view.document().toPlainText()
    shown = "νij(t, τ) = (v⃗i(t))/(∣v⃗i(t)∣) · (v⃗j(t + τ))/(∣v⃗j(t + τ)∣), (1)"
    assert shown in text.split("\n")  # a line of its own: the numbered equation
    at = text.index(shown)
    sub = _format_at(window, at + 1)  # "i" of "ij"
    assert sub.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSubScript
    assert _format_at(window, at).verticalAlignment() == (
        QTextCharFormat.VerticalAlignment.AlignNormal
    )
    # In a sentence too: "Integrating νij(t, τ) over all N values"
    sentence = text.index("Integrating νij(t, τ) over all N values")
    # Written as text, not as a link: not underlined, in the colour of the words around it.
    assert not sub.fontUnderline()
    plain = _format_at(window, sentence).foreground().color().name()
    assert sub.foreground().color().name() == plain
    assert _format_at(window, sentence + len("Integrating ν")).verticalAlignment() == (
        QTextCharFormat.VerticalAlignment.AlignSubScript
    )


def _description(widget: object) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Description) or ""


def test_a_screen_reader_is_told_the_formula_in_words_as_the_caret_reaches_it(
    qtbot: QtBot,
) -> None:
    window = open_window(qtbot)
    view = window.article_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    text = view.document().toPlainText()
    target = text.index("νij(t, τ) = (v⃗i(t))")
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(2000):  # line by line, as a screen reader user reads
        if view.textCursor().position() >= target:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() >= target
    qtbot.waitUntil(lambda: _description(view).startswith("formula: "))
    said = _description(view)
    assert said.startswith(
        "formula: nu sub i j of t, tau, equals the fraction vector v sub i of t, over bar"
    ), said
    assert "ν" not in said and "⃗" not in said
