"""A first start on a large library shows the window at once and lists the library on a
worker thread, saying how far it got; the next start lists it from the scan cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.ui import app
from reader.ui.app import build_window
from reader.ui.main_window import StatusMessage

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"


def test_a_first_start_shows_the_window_then_the_library_then_the_article(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "BACKGROUND_SCAN_FILES", 1)  # the two articles count as many
    options = GuiOptions(library=LIBRARY, open_target="iron-in-pregnancy")
    window = build_window(options, start_search=False, background_scan=True)
    qtbot.addWidget(window)
    shown: list[StatusMessage] = []
    window.status_shown.connect(shown.append)
    window.show()
    # the window is there before the library is listed
    assert window.library_pane.article_count() == 0
    assert window.status_label.text().startswith("Loading the library")
    qtbot.waitUntil(lambda: window.library_pane.article_count() == 2, timeout=10000)
    texts = [m.text for m in shown]
    assert "Loading the library: 0 of 2 articles" in texts, texts
    assert "Library loaded: 2 articles" in texts, texts
    article = window.article_view.article
    assert article is not None and article.id == "iron-in-pregnancy"
    assert window.library_pane.current_item() is window.library_pane.item_for(article.id)
    window.close()

    # listed once, the library loads with the window
    again = build_window(options, start_search=False, background_scan=True)
    qtbot.addWidget(again)
    assert again.library_pane.article_count() == 2
    again.close()


def test_a_small_library_is_listed_before_the_window_shows(qtbot: QtBot) -> None:
    options = GuiOptions(library=LIBRARY, open_target=None)
    window = build_window(options, start_search=False, background_scan=True)
    qtbot.addWidget(window)
    assert window.library_pane.article_count() == 2
    window.close()
