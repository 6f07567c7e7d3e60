"""The interface language: chosen in the View menu, kept for the next start, Qt's own
buttons translated too, and right-to-left languages mirroring the window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.cli.gui import GuiOptions
from reader.core.settings import SettingsStore
from reader.ui.app import build_window
from reader.ui.i18n import TRANSLATIONS_DIR, translations
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
SEED_ID = "b12-breast-milk"


def make_window(qtbot: QtBot, target: str | None = SEED_ID) -> MainWindow:
    return open_reader(qtbot, LIBRARY, target)


def language_menu(window: MainWindow) -> QMenu:
    for action in window.menus["view"].actions():
        menu = action.menu()
        if (
            isinstance(menu, QMenu)
            and menu.objectName() == ""
            and any(a.objectName().startswith("action_language_") for a in menu.actions())
        ):
            return menu
    raise AssertionError("no language menu in View")


def current_window() -> MainWindow:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    visible = [w for w in shown if w.isVisible()]
    assert len(visible) == 1, visible
    return visible[0]


def test_the_compiled_spanish_translation_is_installed() -> None:
    assert (TRANSLATIONS_DIR / "reader_es.qm").is_file(), "run scripts/bootstrap.sh"


def test_view_menu_switches_to_spanish_keeping_the_article(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    search = window.search
    menu = language_menu(window)
    assert menu.title() == "&Language"
    names = {a.objectName(): a.text() for a in menu.actions()}
    assert names == {"action_language_en": "English", "action_language_es": "Español"}
    assert window.findChild(object, "action_language_en").isChecked()
    window.findChild(object, "action_language_es").trigger()
    qtbot.waitUntil(lambda: current_window() is not window)
    spanish = current_window()
    qtbot.addWidget(spanish)
    assert translations().language == "es"
    assert language_menu(spanish).title() == "I&dioma"
    assert spanish.findChild(object, "action_language_es").isChecked()
    assert spanish.article_view.article is not None
    assert spanish.article_view.article.id == SEED_ID
    assert spanish.search is search  # the same index and indexer, not a second one
    # Qt's own buttons speak Spanish as well (its qtbase_es.qm)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"
    assert QLocale().language() == QLocale.Language.Spanish
    saved = json.loads(SettingsStore.for_user().path.read_text(encoding="utf-8"))
    assert saved["language"] == "es"
    spanish.close()


def test_the_saved_language_is_used_at_the_next_start(qtbot: QtBot) -> None:
    store = SettingsStore.for_user()
    settings, _ = store.load()
    from dataclasses import replace

    store.save(replace(settings, language="es"))
    window = make_window(qtbot)
    assert translations().language == "es"
    assert language_menu(window).title() == "I&dioma"
    window.close()


def test_a_right_to_left_language_mirrors_the_window(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert not window.isRightToLeft()
    translations().set_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    # the English article keeps its own direction inside the mirrored window
    assert window.article_view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    translations().set_language("en")
    assert not window.isRightToLeft()
    window.close()


def test_an_article_speaks_and_runs_in_its_own_language(qtbot: QtBot, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "library"
    shutil.copytree(LIBRARY, root)
    spanish = Path(__file__).parents[1] / "fixtures" / "spanish_library" / "salud-familiar"
    shutil.copytree(spanish, root / "salud-familiar")
    (root / "salud-familiar" / "hierro-ar.md").write_text(
        "---\nid: hierro-ar\ntitle: الحديد في الحمل\ncollection: salud familiar\n"
        "language: ar\n---\n\n## الحديد\n\nالحديد مهم للحوامل.\n",
        encoding="utf-8",
    )
    window = build_window(
        GuiOptions(library=root, open_target="fiebre-en-ninos"), start_search=False
    )
    qtbot.addWidget(window)
    assert window.read_aloud.language == "es"
    assert window.article_view.locale().language() == QLocale.Language.Spanish
    assert window.article_view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.open_target("hierro-ar")
    assert window.read_aloud.language == "ar"
    assert window.article_view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert not window.isRightToLeft()  # the interface stays English, left to right
    window.close()


def test_plurals_in_english_and_spanish(qtbot: QtBot, tmp_path: Path) -> None:
    import shutil

    from reader.ui.library_pane import LibraryPane

    root = tmp_path / "library"
    shutil.copytree(LIBRARY, root)
    spanish = Path(__file__).parents[1] / "fixtures" / "spanish_library" / "salud-familiar"
    shutil.copytree(spanish, root / "salud-familiar")
    from reader.core.library import Library

    library = Library.scan(root)

    def spoken() -> dict[str, str]:
        pane = LibraryPane(library)
        qtbot.addWidget(pane)
        tree = pane.tree
        return {
            str(tree.topLevelItem(i).text(0)).split(" (")[0]: str(
                tree.topLevelItem(i).data(0, Qt.ItemDataRole.AccessibleTextRole)
            )
            for i in range(tree.topLevelItemCount())
        }

    english = spoken()
    assert english["Nutrition"] == "Collection Nutrition, 1 article"
    assert english["salud familiar"] == "Collection salud familiar, 4 articles"
    translations().set_language("es")
    spanish_names = spoken()
    assert spanish_names["Nutrition"] == "Colección Nutrition, 1 artículo"
    assert spanish_names["salud familiar"] == "Colección salud familiar, 4 artículos"


def test_search_messages_from_the_core_reach_the_pane_in_spanish(
    qtbot: QtBot, tmp_path: Path
) -> None:
    import shutil

    from reader.core.library import Library
    from reader.core.search import SearchIndex
    from reader.ui.search_pane import SearchPane

    root = tmp_path / "library"
    spanish = Path(__file__).parents[1] / "fixtures" / "spanish_library" / "salud-familiar"
    shutil.copytree(spanish, root / "salud-familiar")
    index = SearchIndex.open(Library.scan(root), tmp_path / "index")
    index.update()
    translations().set_language("es")
    pane = SearchPane()
    qtbot.addWidget(pane)
    for query, expected in (
        ("zzzqqq", "Ningún artículo coincide. Revise cómo está escrito"),
        ("termómetro", "1 resultado en 1 artículo"),
        ("niños", "resultados en 2 artículos"),
    ):
        pane.set_query(query)
        pane.show_results(index.search(query, language="es"))
        assert expected in pane.status.text(), (query, pane.status.text())
    index.close()
