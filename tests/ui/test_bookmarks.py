"""Bookmarks (Ctrl+D) and recently read articles in the Bookmarks menu: named, kept in
the user's data folder, there again after a restart, opening the place they were made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.ui.app import build_window
from reader.ui.bookmarks import BookmarkDialog, EditBookmarksDialog
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"
SECTION = "linking-maternal-nutrition-to-infant-development-outcomes"


def _window(qtbot: QtBot, target: str | None = "b12-breast-milk") -> MainWindow:
    win = build_window(GuiOptions(library=LIBRARY, open_target=target), start_search=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def _dialog(window: MainWindow) -> BookmarkDialog:
    dialog = window.bookmarks.dialog
    assert isinstance(dialog, BookmarkDialog), "Ctrl+D opened no bookmark dialog"
    return dialog


def test_a_named_bookmark_survives_a_restart_and_opens_its_place(
    qtbot: QtBot, private_home: Path
) -> None:
    window = _window(qtbot)
    assert window.article_view.scroll_to_section(SECTION)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(window)
    qtbot.waitUntil(dialog.isVisible)
    assert "Linking Maternal Nutrition" in dialog.name.text()  # the place, named by default
    assert dialog.name.accessibleName() == "Bookmark name"
    qtbot.keyClicks(dialog.name, "WHO review")  # the default name was selected: replaced
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert window.status_label.text() == "Bookmarked: WHO review"
    assert window.bookmarks.menu_entries() == ["WHO review"]
    window.open_target("iron-in-pregnancy")
    window.close()
    assert (private_home / "data" / "reading.json").is_file()

    again = _window(qtbot, target=None)
    assert again.bookmarks.menu_entries() == ["WHO review"]
    recent = [v.title for v in again.bookmarks.reading.history]
    assert recent[0] == "Iron in Pregnancy" and recent[1].startswith("Exploring the Connection")
    menu = again.bookmarks.menu
    entry = next(a for a in menu.actions() if a.text() == "WHO review")
    entry.trigger()
    article = again.article_view.article
    assert article is not None and article.id == "b12-breast-milk"
    view = again.article_view
    start = view.section_position(SECTION)
    assert start is not None and view.textCursor().position() >= start  # at its place
    caret = view.cursorRect()
    assert view.viewport().rect().contains(caret.center())  # and in sight
    again.close()


def test_ctrl_d_again_renames_or_removes_and_edit_bookmarks_deletes(qtbot: QtBot) -> None:
    window = _window(qtbot)
    window.bookmark_here()
    _dialog(window).accept()
    assert len(window.bookmarks.reading.bookmarks) == 1
    window.bookmark_here()  # the same place: edit it
    dialog = _dialog(window)
    assert dialog.remove_button is not None
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert window.bookmarks.reading.bookmarks == ()
    assert window.status_label.text() == "Bookmark removed."

    window.bookmark_here()
    _dialog(window).accept()
    window.bookmarks.edit_bookmarks()
    editor = window.bookmarks.dialog
    assert isinstance(editor, EditBookmarksDialog)
    qtbot.waitUntil(editor.isVisible)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert editor.list.count() == 0
    assert window.bookmarks.store.load().bookmarks == ()  # saved at once
    editor.close()


def test_nothing_to_bookmark_on_the_welcome_page(qtbot: QtBot) -> None:
    window = _window(qtbot, target=None)
    window.show_welcome()
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmarks.dialog is None
    assert "Open an article" in window.status_label.text()
