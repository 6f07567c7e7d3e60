"""A marked sentence explains itself in plain words; the technical reason is for staff."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.importers.seed import import_seed
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = (
    ROOT
    / "library"
    / "womens-health"
    / "exploring-the-connection-between-vitamin-b-12-in-breast-milk.md"
)
SEED_ID = SEED_ARTICLE.stem
AUTISM_CLAIM = "A study published in the Journal of Autism and Developmental Disorders found"


def make_window(qtbot: QtBot, library: Path, target: str) -> MainWindow:
    window = build_window(GuiOptions(library=library, open_target=target), start_search=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    view = window.article_view
    qtbot.waitUntil(lambda: view.article is not None and view.article.id == target)
    return window


def click_flag(qtbot: QtBot, window: MainWindow, index: int = 0) -> None:
    view = window.article_view
    span = view.marker_span(f"flag:{index}")
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 6, rect.center().y())
    )


def claim_on_screen(window: MainWindow, text: str) -> bool:
    view = window.article_view
    found = view.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull()
    return view.viewport().rect().intersects(view.cursorRect(found))


def test_a_flag_reads_plainly_and_keeps_the_claim_in_view(qtbot: QtBot, tmp_path: Path) -> None:
    library = tmp_path / "library"
    (library / "womens-health").mkdir(parents=True)
    shutil.copy(SEED_ARTICLE, library / "womens-health" / SEED_ARTICLE.name)
    window = make_window(qtbot, library, SEED_ID)
    pane = window.references_pane
    click_flag(qtbot, window)
    qtbot.waitUntil(pane.notice.isVisible)
    scroll = window.article_view.verticalScrollBar().value()
    assert pane.notice.text() == (
        "This sentence mentions the Journal of Autism and Developmental Disorders, but that "
        "journal is not in this article's list of sources."
    )
    assert "Am J Epidemiol" not in pane.notice.text()
    assert claim_on_screen(window, AUTISM_CLAIM)
    # The technical reason is one step further, behind a button staff can reach by keyboard.
    assert pane.details_button.isVisible() and not pane.details.isVisible()
    assert pane.details_button.accessibleName() == "Details for staff"
    qtbot.mouseClick(pane.details_button, Qt.MouseButton.LeftButton)
    assert pane.details.isVisible()
    assert "Am J Epidemiol" in pane.details.text()
    assert "3 [schmidt-2014]" in pane.details.text()
    pane.details_button.setFocus()
    qtbot.keyClick(pane.details_button, Qt.Key.Key_Space)
    assert not pane.details.isVisible()
    # Reading the explanation moved nothing: the claim is where it was.
    assert window.article_view.verticalScrollBar().value() == scroll
    assert claim_on_screen(window, AUTISM_CLAIM)
    window.close()


def test_an_ambiguous_flag_names_both_sources(qtbot: QtBot, tmp_path: Path) -> None:
    library = tmp_path / "library"
    result = import_seed(ROOT / "tests" / "fixtures" / "seed_layout" / "two_who.txt", library)
    window = make_window(qtbot, library, result.converted.article_id)
    pane = window.references_pane
    click_flag(qtbot, window)
    qtbot.waitUntil(pane.notice.isVisible)
    text = pane.notice.text()
    assert text.startswith("This sentence mentions WHO, and more than one source")
    assert text.endswith("It may be source 1 or source 2.")
    qtbot.mouseClick(pane.details_button, Qt.MouseButton.LeftButton)
    assert "1 [who-2020], 2 [who-2022]" in pane.details.text()
    window.close()
