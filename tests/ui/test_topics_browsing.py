"""Browsing without knowing what to type: the library pane lists the topics A to Z or by
group, all by keyboard, and opens a topic with Enter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot
from reader_windows import open_reader

from reader.core.importers.medquad import import_medquad
from reader.ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "medquad"


def start(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    library = tmp_path / "library"
    import_medquad(sorted(p for p in FIXTURES.iterdir() if p.name != "bad"), library)
    return open_reader(qtbot, library, active=True)


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
        # who wrote it, its source and its date note come briefly before the text
        text = view.toPlainText()
        head = text[: text.index("What it is")]
        assert "By: MedlinePlus, U.S. National Library of Medicine" in head
        assert "Source: https://www.nlm.nih.gov/medlineplus/diabetes.html" in head
        assert "Dates: collected from the agency's website around 2017–2019" in head
        assert "Also in this library: Diabetes (NIDDK); Diabetes (NIHSeniorHealth)" in head
        assert len(head.splitlines()) < 15
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


def scroll_to(widget: QWidget) -> None:
    """Scroll the page that holds ``widget`` until it is in view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)
        QApplication.processEvents()


def test_the_kiosk_home_offers_topic_tiles_a_to_z_and_by_group(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from reader.core.kiosk import (
        AdminPolicy,
        DisplayDefaults,
        Features,
        KioskConfig,
        SessionPolicy,
    )
    from reader.core.library import Library
    from reader.ui.kiosk.window import KioskWindow

    library = tmp_path / "library"
    import_medquad(sorted(p for p in FIXTURES.iterdir() if p.name != "bad"), library)
    research = library / "research"
    research.mkdir()
    (research / "paper.md").write_text(
        "---\nid: paper\ntitle: Diabetes in mice\ncollection: Research\n---\n\nText.\n"
    )
    (library / "collections.txt").write_text("[secondary]\nResearch\n")
    config = KioskConfig(
        session=SessionPolicy(idle_timeout=180, warning_countdown=30),
        display=DisplayDefaults(text_size=100, theme="light", font="atkinson"),
        features=Features(),
        admin=AdminPolicy(pin_hash=None, failure_delay=60),
    )
    window = KioskWindow(Library.scan(library), config)
    try:
        window.start()
        qtbot.waitUntil(lambda: window.isVisible())
        names = [t.accessibleName() for t in window.topic_tiles]
        assert names[0].startswith("All topics, A to Z, 6 topic")  # "topics" once translated
        assert any(n.startswith("Diabetes and blood sugar, 3 topic") for n in names)
        assert not [t for t in window.tiles if t.accessibleName().startswith("Research")]
        diabetes = next(t for t in window.topic_tiles if t.text().startswith("Diabetes"))
        scroll_to(diabetes)  # as a finger would, before touching it
        qtbot.mouseClick(diabetes, Qt.MouseButton.LeftButton)
        assert window.current_page == "topics"
        items = window.collection_list
        titles = [items.item(i).text() for i in range(items.count())]
        assert titles == ["Diabetes", "Diabetes (NIDDK)", "Diabetes (NIHSeniorHealth)"]
        rect = items.visualItemRect(items.item(1))
        qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: window.current_page == "article")
        assert "Diabetes (NIDDK)" in window.article_view.toPlainText()
        qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
        scroll_to(window.topic_tiles[0])
        qtbot.mouseClick(window.topic_tiles[0], Qt.MouseButton.LeftButton)
        rows = [items.item(i) for i in range(items.count())]
        headings = [r.text() for r in rows if not r.flags() & Qt.ItemFlag.ItemIsEnabled]
        assert headings == ["B", "D", "H"]  # letters head the list and cannot be opened
        assert "Diabetes in mice" not in [r.text() for r in rows]  # a secondary collection
    finally:
        window.shutdown()
        window.guard.grant_exit()
        window.close()
        window.deleteLater()
