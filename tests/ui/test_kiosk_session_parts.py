"""The kiosk's wipes do what Qt's own clear() does not (see reader/ui/kiosk/session.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLineEdit, QMenu, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.kiosk.session import (
    close_other_windows,
    forget_clipboard,
    forget_line_edit,
    forget_text_fields,
    scroll_to_start,
)

Ctrl = Qt.KeyboardModifier.ControlModifier


def test_clear_keeps_the_undo_history_and_forget_line_edit_drops_it(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "private words")
    edit.clear()  # what the kiosk did before
    qtbot.keyClick(edit, Qt.Key.Key_Z, Ctrl)
    assert edit.text() == "private words"  # Qt's clear() is undoable
    forget_line_edit(edit)
    for key, mods in (
        (Qt.Key.Key_Z, Ctrl),
        (Qt.Key.Key_Z, Ctrl | Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(edit, key, mods)
        assert edit.text() == ""
    assert not edit.isUndoAvailable() and not edit.isRedoAvailable() and not edit.isModified()


def test_text_fields_lose_undo_redo_and_selection_but_keep_their_text(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    edit = QLineEdit(root)
    text = QTextEdit(root)
    qtbot.keyClicks(edit, "typed")
    edit.selectAll()
    text.setPlainText("a note")
    qtbot.keyClicks(text, " more")
    text.selectAll()
    assert text.document().isUndoAvailable()
    forget_text_fields(root)
    assert edit.text() == "typed" and not edit.isUndoAvailable() and not edit.hasSelectedText()
    assert text.toPlainText() == " morea note"  # typed at the caret, at the start
    assert not text.document().isUndoAvailable() and not text.textCursor().hasSelection()


def test_every_scrolled_area_goes_back_to_its_start(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    text = QTextEdit(root)
    text.resize(200, 100)
    text.setPlainText("\n".join(f"line {n}" for n in range(500)))
    root.show()
    text.verticalScrollBar().setValue(text.verticalScrollBar().maximum())
    assert text.verticalScrollBar().value() > 0
    scroll_to_start(root)
    assert text.verticalScrollBar().value() == 0


def test_popups_dialogs_and_stray_windows_are_closed(qtbot: QtBot) -> None:
    keep = QWidget()
    qtbot.addWidget(keep)
    keep.show()
    dialog = QDialog(keep)
    stray = QWidget()
    qtbot.addWidget(stray)
    menu = QMenu(keep)
    menu.addAction("Something")
    dialog.open()
    stray.show()
    menu.popup(keep.mapToGlobal(keep.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    close_other_windows(keep)
    assert not menu.isVisible() and not dialog.isVisible() and not stray.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected.value
    assert keep.isVisible()


def test_the_clipboard_is_emptied(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("copied by the last person")
    forget_clipboard()
    assert clipboard.text() == ""
