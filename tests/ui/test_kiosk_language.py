"""The kiosk in the person's language: the home screen's "Español / English" button, the
on-screen keyboard of that language, Spanish search, and the next person greeted in the
configured language again."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.kiosk import DisplayDefaults, KioskConfig
from reader.core.library import Library
from reader.ui.i18n import translations
from reader.ui.kiosk.window import KioskWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# PySide6 6.12 drops one reference to None per processEvents()/qWait() (see test_kiosk.py).
_NONE_REFERENCES = [None] * 1_000_000


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFFLINE_READER_HOME", str(tmp_path / "home"))
    root = tmp_path / "library"
    shutil.copytree(FIXTURES / "ui_library", root)
    shutil.copytree(FIXTURES / "spanish_library" / "salud-familiar", root / "salud-familiar")
    return root


def open_kiosk(qtbot: QtBot, library: Path, language: str = "en") -> KioskWindow:
    config = KioskConfig(display=DisplayDefaults(language=language))
    window = KioskWindow(Library.scan(library), config)
    window.start()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=20000)
    return window


@pytest.fixture
def kiosk(qtbot: QtBot, library: Path) -> Iterator[KioskWindow]:
    window = open_kiosk(qtbot, library)
    yield window
    window.shutdown()
    window.guard.grant_exit()
    window.close()
    window.deleteLater()


def tap(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def keys(window: KioskWindow) -> dict[str, object]:
    return {b.accessibleName(): b for b in window.keyboard.buttons()}


def test_language_button_switches_the_screen_and_the_keyboard(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    button = kiosk.language_button
    assert button.isVisibleTo(kiosk) and kiosk.current_page == "home"
    assert button.text() == "Español / English"
    assert "Español" in button.accessibleName()
    assert kiosk.finish_button.text() == "Finish / clear my session"
    english = keys(kiosk)
    assert "ñ" not in {b.text() for b in kiosk.keyboard.buttons()}
    assert {"hyphen", "apostrophe"} <= set(english)
    tap(qtbot, button)
    assert translations().language == "es"
    # the whole screen speaks Spanish now (the home page is built anew in it)
    assert kiosk.language_button.text() == "English / Español"
    assert kiosk.finish_button.text() == "Terminar / borrar mi sesión"
    assert kiosk.search_box.placeholderText() == "Toque aquí y escriba unas palabras para buscar"
    assert "Cómo usar esta pantalla" in kiosk.help_view.toPlainText()
    spanish = keys(kiosk)
    texts = {b.text() for b in kiosk.keyboard.buttons()}
    assert set("ñáéíóúü¿¡-'") <= texts
    assert {"eñe", "a con tilde", "u con diéresis", "abrir signo de interrogación"} <= set(spanish)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in kiosk.keyboard.buttons())
    assert all(b.accessibleName() for b in kiosk.keyboard.buttons())
    # a finger types "niños" with the Spanish keys, and the search finds the Spanish article
    tap(qtbot, kiosk.search_box)
    assert kiosk.keyboard.isVisible()
    for name in ("n", "i", "eñe", "o", "s"):
        tap(qtbot, keys(kiosk)[name])
    assert kiosk.search_box.text() == "niños"
    assert QApplication.focusWidget() is kiosk.search_box
    kiosk.search_box.returnPressed.emit()
    assert kiosk.current_page == "results"
    first = kiosk.results_list.item(0)
    assert first is not None and "fiebre" in first.text().lower()


def test_the_next_person_starts_in_the_configured_language(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    tap(qtbot, kiosk.language_button)
    assert translations().language == "es"
    with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
        tap(qtbot, kiosk.finish_button)
    assert translations().language == "en"
    assert kiosk.language_button.text() == "Español / English"
    assert kiosk.keyboard.layout_.code == "en"
    assert "ñ" not in {b.text() for b in kiosk.keyboard.buttons()}


def test_a_spanish_kiosk_greets_in_spanish_and_returns_to_it(qtbot: QtBot, library: Path) -> None:
    window = open_kiosk(qtbot, library, language="es")
    try:
        assert translations().language == "es"
        assert window.language_button.text() == "English / Español"
        assert window.keyboard.layout_.code == "es"
        tap(qtbot, window.language_button)
        assert translations().language == "en"
        window.reset_session()
        assert translations().language == "es"
        assert window.keyboard.layout_.code == "es"
    finally:
        window.shutdown()
        window.guard.grant_exit()
        window.close()
        window.deleteLater()


def test_the_topic_groups_are_named_in_spanish(qtbot: QtBot, library: Path) -> None:
    window = open_kiosk(qtbot, library, "es")
    try:
        tiles = [t.accessibleName() for t in window.topic_tiles]
        assert any(name.startswith("Embarazo, bebés y niños, ") for name in tiles), tiles
        assert not any("Pregnancy" in name for name in tiles), tiles
        tile = next(t for t in window.topic_tiles if "Embarazo" in t.accessibleName())
        tap(qtbot, tile)
        assert window.collection_heading.text() == "Embarazo, bebés y niños"
    finally:
        window.shutdown()
        window.guard.grant_exit()
        window.close()
        window.deleteLater()
