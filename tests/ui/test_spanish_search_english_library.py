"""A Spanish reader searches an English-only library in the Spanish window: the English
articles that match are shown with a plain Spanish note, and no "Did you mean" turns their
Spanish words into English ones."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.settings import DEFAULTS, default_settings_path, settings_to_json
from reader.ui.app import build_window

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
SEED_ID = "b12-breast-milk"


def test_spanish_words_on_an_english_library_get_a_spanish_note_not_a_correction(
    qtbot: QtBot,
) -> None:
    path = default_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(settings_to_json(replace(DEFAULTS, language="es")), "utf-8")
    window = build_window(GuiOptions(library=LIBRARY, open_target=None), start_search=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    try:
        qtbot.waitUntil(
            lambda: window.search.index is not None and not window.search.indexing, timeout=60000
        )
        pane = window.search_pane
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        query = "vitamina b12 leche materna"
        qtbot.keyClicks(pane.box, query)
        qtbot.waitUntil(lambda: pane.shown_query == query, timeout=10000)
        assert pane.status.text().startswith(
            "No hay artículos en español sobre «vitamina b12 leche materna». Estos artículos "
            "en inglés tienen algunas de esas palabras."
        ), pane.status.text()
        assert not pane.did_you_mean.isVisible()
        assert pane.article_count() >= 1
        assert pane.sections_of(SEED_ID)  # the English article about it is offered
    finally:
        window.close()


def test_the_spanish_kiosk_says_the_results_are_english_articles(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.kiosk import DisplayDefaults, KioskConfig
    from reader.core.library import Library
    from reader.ui.kiosk.window import KioskWindow

    window = KioskWindow(Library.scan(LIBRARY), KioskConfig(display=DisplayDefaults(language="es")))
    window.start()
    try:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.waitUntil(lambda: window.search.is_ready, timeout=20000)
        qtbot.mouseClick(window.search_box, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.search_box, "leche materna")
        with qtbot.waitSignal(window.results_shown, timeout=20000):
            qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
        heading = window.results_heading.text()
        assert "Toque uno para leerlo. No hay artículos en español sobre «leche materna»." in (
            heading
        ), heading
        assert "en inglés" in heading and "Quiso decir" not in heading
        first = window.results_list.item(0)
        assert first is not None and "Breast Milk" in first.text()
    finally:
        window.shutdown()
        window.guard.grant_exit()
        window.close()
        window.deleteLater()
