"""A research article from the bundled library, in the real window, as a person meets it:
formulas read in linear form with real sub/superscripts, and a screen reader is told their
words."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from first_screen_probe import visible_text as probe_visible_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.core.formula_words import SEPARATOR, without_separators
from reader.core.settings import DEFAULTS, default_settings_path, settings_to_json
from reader.ui.i18n import translations
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "library"
PROBE = Path(__file__).resolve().parent / "first_screen_probe.py"
BATS = "plos-pcbi.1004089"  # bat flight: formulas with subscripts, vectors and fractions

pytestmark = pytest.mark.skipif(
    not (LIBRARY / "research-plos" / f"{BATS}.md").is_file(),
    reason="the PLOS articles are imported by scripts/bootstrap.sh",
)


def open_window(qtbot: QtBot, target: str = BATS) -> MainWindow:
    window = open_reader(qtbot, LIBRARY, target, size=(1024, 600))
    qtbot.waitUntil(lambda: window.article_view.article is not None)
    # View > Reading mode, as on a small screen: the article, not the panes beside it,
    # has the width (the test screen is 800 pixels wide).
    window.actions_by_id["reading_mode"].trigger()
    qtbot.waitUntil(lambda: window.article_view.width() > 600)
    # A long article's text arrives in pieces after its first screen: wait for all of it.
    qtbot.waitUntil(lambda: window.article_view.text_complete, timeout=20_000)
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
    # a line of its own, the numbered equation, as it is seen
    assert shown in without_separators(text).split("\n")
    at = _find(text, shown)
    assert text[at : at + 4] == f"ν{SEPARATOR}i{SEPARATOR}"  # its indices apart, unseen
    sub = _format_at(window, at + 2)  # "i" of "ij"
    assert sub.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSubScript
    assert _format_at(window, at).verticalAlignment() == (
        QTextCharFormat.VerticalAlignment.AlignNormal
    )
    # In a sentence too: "Integrating νij(t, τ) over all N values"
    sentence = _find(text, "Integrating νij(t, τ) over all N values")
    # Written as text, not as a link: not underlined, in the colour of the words around it.
    assert not sub.fontUnderline()
    plain = _format_at(window, sentence).foreground().color().name()
    assert sub.foreground().color().name() == plain
    assert _format_at(window, sentence + len("Integrating ν") + 1).verticalAlignment() == (
        QTextCharFormat.VerticalAlignment.AlignSubScript
    )


def _find(text: str, shown: str) -> int:
    """Where ``shown`` (as it is seen) starts in the document's text, which keeps a
    formula's letters apart for speech with unseen separators."""
    found = re.search(f"{SEPARATOR}?".join(re.escape(c) for c in shown), text)
    assert found, f"{shown!r} is not in the article"
    return found.start()


def test_find_and_copy_take_a_formula_as_it_is_seen(qtbot: QtBot) -> None:
    """The unseen separators are the speech's only: "Cij(t" typed in the find bar finds
    the formula "Cij(t, τ)", and a copy of what it found pastes "Cij(t"."""
    window = open_window(qtbot)
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.box, "Cij(t")
    seen = without_separators(view.document().toPlainText())
    assert window.find_bar.match_count == seen.count("Cij(t") >= 1
    found = view.textCursor()
    assert found.hasSelection() and SEPARATOR in found.selectedText()  # in the document
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view
    QApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(QApplication.clipboard().text()))
    assert QApplication.clipboard().text() == "Cij(t"
    assert SEPARATOR not in QApplication.clipboard().mimeData().html()


def _description(widget: object) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Description) or ""


def _read_down_to_the_correlation(qtbot: QtBot, window: MainWindow, said: str) -> str:
    """Down, line by line from the top as a screen reader user reads, onto the bat flight's
    correlation formula; what the reader then tells the screen reader."""
    view = window.article_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    text = view.document().toPlainText()
    target = _find(text, "νij(t, τ) = (v⃗i(t))")
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(2000):
        if view.textCursor().position() >= target:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() >= target
    qtbot.waitUntil(lambda: _description(view).startswith(said))
    return _description(view)


def test_a_screen_reader_is_told_the_formula_in_words_as_the_caret_reaches_it(
    qtbot: QtBot,
) -> None:
    window = open_window(qtbot)
    said = _read_down_to_the_correlation(qtbot, window, "formula: ")
    assert said.startswith(
        "formula: nu sub i j of t, tau, equals the fraction vector v sub i of t, over bar"
    ), said
    assert "ν" not in said and "⃗" not in said


def test_in_the_spanish_interface_a_formula_is_spoken_in_spanish(qtbot: QtBot) -> None:
    settings = default_settings_path()  # the reader was last used in Spanish
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(settings_to_json(replace(DEFAULTS, language="es")), "utf-8")
    window = open_window(qtbot)
    assert translations().language == "es"
    said = _read_down_to_the_correlation(qtbot, window, "fórmula: ")
    assert said.startswith(
        "fórmula: nu subíndice i j de t, tau, igual a la fracción vector v subíndice i de t, "
        "entre barra vertical vector v subíndice i de t, barra vertical, fin de fracción por "
    ), said
    for english in ("sub ", "the fraction", "equals", "over", "end fraction", "times"):
        assert english not in said, english


TABLE_ARTICLE = "plos-pcbi.1004082"  # a table of notation whose cells hold formulas


@pytest.mark.skipif(
    not (LIBRARY / "research-plos" / f"{TABLE_ARTICLE}.md").is_file(),
    reason="the PLOS articles are imported by scripts/bootstrap.sh",
)
def test_a_formula_in_a_table_cell_is_spoken_in_words_when_clicked(qtbot: QtBot) -> None:
    window = open_window(qtbot, TABLE_ARTICLE)
    view = window.article_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    text = view.document().toPlainText()
    at = _find(text, "r̅i, C̅̅ij")  # the "Overline" row of the notation table
    cursor = QTextCursor(view.document())
    cursor.setPosition(at + 1)
    assert cursor.currentTable() is not None  # it is in a table cell
    # Scrolled to, as with the scroll bar, and clicked.
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect(cursor).top() - view.viewport().height() // 2)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center()
    )
    qtbot.waitUntil(lambda: _description(view).startswith("formula: "))
    assert _description(view).startswith("formula: r bar sub i"), _description(view)
    assert _format_at(window, at + 3).verticalAlignment() == (  # the "i" of "r̅⁣i"
        QTextCharFormat.VerticalAlignment.AlignSubScript
    )


# --- the byline and the article's details --------------------------------------------------

BYLINE = "L. Giuggioli, T. J. McKetterick et al. · PLOS Computational Biology · 2015"


def visible_text(window: MainWindow) -> str:
    """The article text on screen now, as a person sees it."""
    return probe_visible_text(window.article_view)


def first_screen(size: str, article: str) -> dict[str, str]:
    """The real window on a screen of ``size`` (a child process: one screen size each)."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run(
        [sys.executable, str(PROBE), size, str(LIBRARY), article],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("PROBE ")), None)
    if line is None:
        pytest.fail(f"the first-screen probe failed:\n{out.stderr[-3000:]}")
    record: dict[str, str] = json.loads(line[len("PROBE ") :])
    return record


def test_the_first_screen_shows_title_byline_and_text_not_the_licence() -> None:
    record = first_screen("1024x600", BATS)
    assert record["screen"] == "1024x600"
    shown = record["visible"]
    assert "Delayed Response and Biosonar Perception" in shown
    assert BYLINE in shown
    assert "Article details" in shown
    assert "Animal coordinated movement interactions" in shown  # the text itself
    for detail in ("10.1371/journal.pcbi.1004089", "Creative Commons", "Licence", "Marc Holderied"):
        assert detail not in shown, detail


def _details_shown(window: MainWindow) -> bool:
    return "10.1371/journal.pcbi.1004089" in window.article_view.document().toPlainText()


def test_the_details_open_and_close_by_key_and_are_spoken(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    view = window.article_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    action = window.actions_by_id["article_details"]
    assert not action.isChecked() and not _details_shown(window)
    qtbot.keyClick(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _details_shown(window))
    assert action.isChecked()
    assert _description(view).startswith("Article details, expanded")
    shown = visible_text(window)
    assert "DOI: 10.1371/journal.pcbi.1004089" in shown
    assert "By: Luca Giuggioli; Thomas J. McKetterick; Marc Holderied" in shown
    # Enter on the link (where the caret now is) closes them again.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not _details_shown(window))
    assert not action.isChecked()
    assert _description(view).startswith("Article details, collapsed")


def test_the_details_link_is_reached_by_tab_and_opens_by_click(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    view = window.article_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _description(view).startswith("Article details, collapsed"))
    text = view.document().toPlainText()
    cursor = QTextCursor(view.document())
    cursor.setPosition(text.index("Article details") + 3)
    where = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: _details_shown(window))
    assert window.actions_by_id["article_details"].isChecked()
