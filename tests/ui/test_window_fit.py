"""The tools and panes fit a 1280 x 800 screen: whole labels, and a window no taller."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.ui.app import build_window

LIBRARY = Path(__file__).parents[2] / "library"
SEED_ID = "exploring-the-connection-between-vitamin-b-12-in-breast-milk"


@pytest.mark.parametrize("scale", [100, 200, 400])
def test_tool_labels_are_whole_and_the_window_fits_the_screen(qtbot: QtBot, scale: int) -> None:
    window = build_window(GuiOptions(library=LIBRARY, open_target=SEED_ID), start_search=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.update_settings(text_scale=scale)

        def squeezed() -> list[tuple[str, int, int]]:
            return [
                (b.text(), b.width(), b.sizeHint().width())
                for tools in (window.toolbar, window.look_toolbar, window.speech_toolbar)
                for b in tools.findChildren(QToolButton)
                if b.isVisible() and b.text() and b.width() < b.sizeHint().width()
            ]

        try:  # a narrower button elides its label ("F…d")
            qtbot.waitUntil(lambda: not squeezed(), timeout=2000)
        except AssertionError:
            pytest.fail(f"labels cut: {squeezed()}")
        assert window.minimumSizeHint().width() <= 1280
        if scale <= 200:
            assert window.minimumSizeHint().height() <= 800
    finally:
        window.update_settings(text_scale=100)
        window.close()
