"""Browsing without knowing what to type: the library pane lists the topics A to Z or by
group, all by keyboard, and opens a topic with Enter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.importers.medquad import import_medquad
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "medquad"


def start(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    library = tmp_path / "library"
    import_medquad(sorted(p for p in FIXTURES.iterdir() if p.name != "bad"), library)
    window = build_window(GuiOptions(library=library, open_target=None), start_search=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_topics_a_to_z_by_keyboard_open_the_topic(qtbot: QtBot, tmp_path: Path) -> None:
    window = start(qtbot, tmp_path)
    try:
        pane = window.library_pane
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.tree)
        qtbot.keyClick(pane.tree, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is pane.view_choice
        assert pane.view_choice.accessibleName() == "Show the library as"
        qtbot.keyClick(pane.view_choice, Qt.Key.Key_Down)
        assert pane.view == "a-z"
        tree = pane.tree
        letters = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert letters == ["B (1)", "D (3)", "H (2)"]
        qtbot.keyClick(pane.view_choice, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is tree
        qtbot.keyClick(tree, Qt.Key.Key_Down)  # B -> D
        d = tree.currentItem()
        assert d is not None and d.text(0) == "D (3)"
        assert d.data(0, Qt.ItemDataRole.AccessibleTextRole).startswith("Letter D, 3 topic")
        qtbot.keyClick(tree, Qt.Key.Key_Right)
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        view = window.article_view
        qtbot.waitUntil(lambda: view.article is not None and view.article.id == "diabetes")
    finally:
        window.close()


def test_topics_by_group_list_each_topic_under_its_groups(qtbot: QtBot, tmp_path: Path) -> None:
    window = start(qtbot, tmp_path)
    try:
        pane = window.library_pane
        pane.set_view("groups")
        tree = pane.tree
        groups = {}
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            groups[top.text(0).rsplit(" (", 1)[0]] = [
                top.child(j).data(0, Qt.ItemDataRole.UserRole) for j in range(top.childCount())
            ]
        assert groups["Diabetes and blood sugar"] == [
            "diabetes", "diabetes-niddk", "diabetes-nihseniorhealth"
        ]  # fmt: skip
        assert (
            "breast-cancer" in groups["Cancer"]
            and "breast-cancer" in groups["Women's and men's health"]
        )
        assert "diabetes-nihseniorhealth" in groups["Older adults"]  # its whole collection
        pane.set_view("collections")
        assert tree.topLevelItem(0).text(0) == "Cancer (National Cancer Institute) (1)"
    finally:
        window.close()
