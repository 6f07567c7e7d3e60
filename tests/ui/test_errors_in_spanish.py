"""What goes wrong is said in the interface's language.

Real failures, each met as a person meets it with the Spanish interface: a library folder
that is not there, an article damaged after the library was listed (broken front matter,
a named pipe in its place), a settings file and a bookmarks file that are damaged, a
damaged search index, and a kiosk configuration the kiosk refuses at start. Every message
must be Spanish — no English sentence inside a Spanish frame.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.library import Library
from reader.core.reading import READING_FILE
from reader.core.search import SearchIndex
from reader.core.settings import DEFAULTS, default_settings_path, settings_to_json
from reader.ui.app import build_window
from reader.ui.i18n import translations
from reader.ui.library_chooser import LibraryOffer
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
#: English words that would give away an untranslated sentence in these messages.
ENGLISH = ("the ", "cannot", "could not", "damaged", "using", "folder", "file is", "not a ")


def spanish_settings(**changes: object) -> None:
    path = default_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(settings_to_json(replace(DEFAULTS, language="es", **changes)), "utf-8")


def open_window(qtbot: QtBot, library: Path) -> MainWindow:
    window = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_spanish(text: str) -> None:
    english = [w for w in ENGLISH if w in text.lower()]
    assert not english, f"English {english} in {text!r}"


def test_a_missing_library_is_explained_in_spanish_with_qts_own_buttons(
    qtbot: QtBot, tmp_path: Path
) -> None:
    spanish_settings()
    window = open_window(qtbot, tmp_path / "nowhere")
    try:
        assert translations().language == "es"
        status = window.status_label.text()
        assert status.startswith(f"No hay ninguna carpeta de biblioteca en {tmp_path}")
        assert "Indique una carpeta de artículos" in status
        assert_spanish(status.replace(str(tmp_path), ""))
        window.offer_library(window.library_problem)
        offer = window.findChild(LibraryOffer, "library_offer")
        assert offer is not None
        assert offer.informativeText() == status
        assert offer.open_button.text() == "Abrir biblioteca…"
        # a standard button of Qt's own comes from Qt's shipped Spanish (qtbase_es.qm)
        offer.addButton(QMessageBox.StandardButton.Help)
        assert offer.button(QMessageBox.StandardButton.Help).text() == "Ayuda"
        offer.reject()
    finally:
        window.close()


def _open_from_library(qtbot: QtBot, window: MainWindow, article_id: str) -> None:
    item = window.library_pane.item_for(article_id)
    assert item is not None
    window.library_pane.tree.setCurrentItem(item)
    window.library_pane.tree.setFocus()
    with qtbot.waitSignal(window.status_shown, timeout=10_000, check_params_cb=lambda m: m.error):
        qtbot.keyClick(window.library_pane.tree, Qt.Key.Key_Return)


def test_an_article_damaged_after_listing_is_refused_in_spanish(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    spanish_settings()
    window = open_window(qtbot, library)
    try:
        iron = window.library.summary("iron-in-pregnancy")
        b12 = window.library.summary("b12-breast-milk")
        assert iron is not None and b12 is not None
        # someone edits the file and breaks its front matter (an unclosed list)
        iron.path.write_text("---\nid: iron-in-pregnancy\ntitle: [Iron\n---\nText.\n", "utf-8")
        _open_from_library(qtbot, window, "iron-in-pregnancy")
        status = window.status_label.text()
        assert status.startswith(f"{iron.path}, línea 3: el encabezado está dañado: "), status
        # another is swapped for a named pipe: refused before a byte is read
        b12.path.unlink()
        os.mkfifo(b12.path)
        _open_from_library(qtbot, window, "b12-breast-milk")
        status = window.status_label.text()
        assert status == f"{b12.path}: no se leyó: es una tubería con nombre, no un archivo normal"
    finally:
        window.close()


#: Builds the window as ``offline-reader`` does, in a process of its own (the system's
#: language is read from its environment), and prints the status line it shows.
_STATUS_AT_START = """
import sys
from pathlib import Path
from reader.cli.gui import GuiOptions
from reader.ui.app import build_window
window = build_window(GuiOptions(library=Path(sys.argv[1]), open_target=None), start_search=False)
print(window.status_label.text())
window.close()
"""


def test_damaged_settings_and_bookmarks_are_reported_in_the_systems_spanish(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    settings = home / "config" / "settings.json"  # where OFFLINE_READER_HOME puts them
    settings.parent.mkdir(parents=True)
    settings.write_text('{"text_scale": 150, "language": "es"', encoding="utf-8")  # cut short
    bookmarks = home / "data" / READING_FILE
    bookmarks.parent.mkdir(parents=True)
    bookmarks.write_bytes(b"\x00\xff not JSON")
    # the settings cannot say the language: the system's (Spanish here) is used
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OFFLINE_READER_HOME": str(home),
        "LANGUAGE": "es",
        "LC_ALL": "es_MX.UTF-8",
        "LANG": "es_MX.UTF-8",
    }
    result = subprocess.run(
        [sys.executable, "-c", _STATUS_AT_START, str(LIBRARY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    status = result.stdout.strip()
    assert f"El archivo de configuración {settings} está dañado; " in status
    assert "se usa la configuración de fábrica." in status
    assert f"El archivo de marcadores está dañado; se guardó aparte como {bookmarks}" in status
    assert_spanish(status.replace(f"{bookmarks}.damaged", "").replace(str(settings), ""))


def test_one_unusable_setting_is_named_in_spanish(qtbot: QtBot) -> None:
    path = default_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"language": "es", "text_scale": "enorme"}', encoding="utf-8")
    window = open_window(qtbot, LIBRARY)
    try:
        status = window.status_label.text()
        assert status == (
            "La opción 'text_scale' tiene un valor que no se puede usar ('enorme'); "
            "se usa el valor de fábrica 100."
        )
    finally:
        window.close()


def test_a_damaged_search_index_is_reported_in_spanish(qtbot: QtBot, tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(LIBRARY, library)
    index = SearchIndex.open(Library.scan(library))
    index.update()
    index.close()
    segment = max(index.index_dir.glob("*.seg"), key=lambda p: p.stat().st_size)
    data = bytearray(segment.read_bytes())
    data[len(data) // 10 : len(data) // 10 + 16384] = bytes(16384)
    segment.write_bytes(bytes(data))
    spanish_settings()
    window = open_window(qtbot, library)
    try:
        with qtbot.waitSignal(window.search.index_damaged, timeout=60_000):
            window.search.start()
        status = window.status_label.text()
        assert status.startswith("El índice de búsqueda está dañado"), status
        with qtbot.waitSignal(window.search.index_finished, timeout=120_000):
            pass
    finally:
        window.close()


def test_the_kiosk_refuses_a_bad_configuration_in_the_systems_spanish(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[display]\ntheme = "purple"\n', encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OFFLINE_READER_HOME": str(tmp_path / "home"),
        "LANGUAGE": "es",
        "LC_ALL": "es_ES.UTF-8",
        "LANG": "es_ES.UTF-8",
    }
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--kiosk-config", str(config), "--library", str(LIBRARY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert f"{config}: display.theme: 'purple' no está permitido; elija uno de estos: " in (
        result.stderr
    ), result.stderr
    missing = tmp_path / "missing.toml"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--kiosk-config", str(missing), "--library", str(LIBRARY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert (
        f"{missing}: no se puede leer la configuración del quiosco: el archivo o la carpeta no existe"
        in result.stderr
    ), result.stderr
