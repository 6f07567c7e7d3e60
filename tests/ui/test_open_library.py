"""File > Open library… (Ctrl+O) chooses a folder of articles, opens it in place of the
current one and remembers it for the next start; a window started on a missing or empty
library says so and offers to open one. The kiosk has no way to a folder chooser."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions, parse_gui_args
from reader.core.settings import SettingsStore
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _current_window() -> MainWindow:
    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert len(shown) == 1, shown
    return shown[0]


def _choose(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    chooser = window.library_chooser
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(chooser.isVisible)
    chooser.setDirectory(str(folder.parent))
    chooser.selectFile(str(folder))
    chooser.accept()


def test_an_empty_library_is_offered_another_which_is_then_remembered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    window = build_window(GuiOptions(library=empty), start_search=False)
    qtbot.addWidget(window)
    window.show()
    assert "holds no articles" in window.library_problem
    window.offer_library(window.library_problem)
    offer = window.library_offer
    assert offer is not None
    qtbot.waitUntil(offer.isVisible)
    assert "Open library" in window.library_problem
    assert "holds no articles" in window.status_label.text()
    qtbot.mouseClick(offer.open_button, Qt.MouseButton.LeftButton)

    library = tmp_path / "chosen"
    shutil.copytree(FIXTURES / "ui_library", library)
    _choose(qtbot, window, library)
    qtbot.waitUntil(lambda: _current_window() is not window)
    new = _current_window()
    qtbot.addWidget(new)
    assert Path(new.library.root) == library and len(new.library) == 2
    assert "opened: 2 articles" in new.status_label.text()
    assert SettingsStore.for_user().load()[0].library == str(library)
    # the next start opens it without --library; a kiosk never does
    assert parse_gui_args([]).library == library
    assert parse_gui_args(["--kiosk"]).library != library
    new.close()


def test_ctrl_o_refuses_a_folder_without_articles(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_window(GuiOptions(library=FIXTURES / "ui_library"), start_search=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    nothing = tmp_path / "nothing-here"
    nothing.mkdir()
    _choose(qtbot, window, nothing)
    assert _current_window() is window  # still the same library
    assert "holds no articles" in window.status_label.text()
    assert SettingsStore.for_user().load()[0].library == ""
