"""What the kiosk gives a screen reader, offscreen (tests/a11y/test_kiosk_speech.py hears
the same with the real Orca): the home title is a heading with the focus at start and
after every clearing, no Tab stop is unnamed, and Tab onto a citation says it each time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.kiosk import KioskConfig
from reader.core.library import Library
from reader.ui.accessibility import name_of, unnamed_focusable_widgets
from reader.ui.application import application
from reader.ui.kiosk.window import KioskWindow, Place

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ui_library"

# See tests/ui/test_kiosk.py: PySide6 drops a reference to None at every processEvents.
_NONE_REFERENCES = [None] * 1_000_000


@pytest.fixture
def kiosk(qtbot: QtBot) -> Iterator[KioskWindow]:
    application()  # the accessibility factory, as the kiosk's start installs it
    window = KioskWindow(Library.scan(LIBRARY), KioskConfig())
    window.start()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10000)
    yield window
    window.shutdown()
    window.guard.grant_exit()
    window.close()
    window.deleteLater()


def tab_stops(window: KioskWindow, qtbot: QtBot, most: int = 60) -> list[QWidget]:
    """Every widget Tab stops on, once round from the focus."""
    first = QApplication.focusWidget()
    assert first is not None
    stops: list[QWidget] = []
    for _ in range(most):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        landed = QApplication.focusWidget()
        assert landed is not None
        if stops and landed is stops[0]:
            return stops
        stops.append(landed)
    raise AssertionError(f"Tab did not come round in {most} presses")


def test_the_home_title_is_a_heading_with_the_focus_at_start_and_after_clearing(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    title = kiosk.title
    iface = QAccessible.queryAccessibleInterface(title)
    assert iface is not None and iface.role() == QAccessible.Role.Heading
    assert name_of(title) == "Health library"
    assert QApplication.focusWidget() is title
    qtbot.mouseClick(kiosk.help_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_page == "help"
    kiosk.reset_session()
    assert kiosk.current_page == "home"
    assert QApplication.focusWidget() is title


def test_no_tab_stop_of_the_home_screen_an_article_or_the_help_is_unnamed(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    home = tab_stops(kiosk, qtbot)
    assert all(name_of(w).strip() for w in home), [type(w).__name__ for w in home]
    assert kiosk.tiles[0] in home
    assert unnamed_focusable_widgets(kiosk.pages["home"]) == []
    kiosk._go(Place("article", "iron-in-pregnancy"))
    assert kiosk.current_page == "article"
    article = tab_stops(kiosk, qtbot)
    assert kiosk.article_view in article
    assert all(name_of(w).strip() for w in article)
    kiosk._go(Place("help"))
    assert all(name_of(w).strip() for w in tab_stops(kiosk, qtbot))


def test_tab_onto_each_link_of_an_article_says_it_every_time(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    kiosk._go(Place("article", "iron-in-pregnancy"))
    view = kiosk.article_view
    rounds = []
    for _ in range(2):  # through the article's links and out, then round to them again
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        said = []
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        while view.hasFocus():
            said.append((view.textCursor().selectedText(), view.accessibleDescription()))
            qtbot.keyClick(view, Qt.Key.Key_Tab)
        rounds.append(said)
    assert rounds[0] == rounds[1], rounds
    assert ("[1]", "citation 1, Iron needs in pregnancy, 2020") in [
        (link.strip("\u200a "), words.rstrip("\u00a0")) for link, words in rounds[0]
    ], rounds
    silent = [link for link, words in rounds[1] if not words.strip() or words.startswith("The ")]
    assert silent == [], rounds
