"""The keyboard-shortcuts help lists exactly the key map, as a table a screen reader can read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reader.core.keymap import KEYMAP
from reader.ui.shortcuts_dialog import ShortcutsDialog, key_text


def test_every_binding_is_listed_with_its_keys(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == len(KEYMAP)
    listed = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    for b in KEYMAP:
        assert listed[b.description] == key_text(b.keys)
    search = next(b for b in KEYMAP if b.action == "focus_search")
    assert " or " in listed[search.description]


def test_table_is_a_named_table_with_column_headers(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    iface = QAccessible.queryAccessibleInterface(dialog.table)
    assert iface.role() == QAccessible.Role.Table
    assert iface.text(QAccessible.Text.Name) == "Keyboard shortcuts"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Keys", "What it does", "Where"]


def test_keyboard_only_reading_and_closing(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)  # no trap: Tab leaves the table
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.hasFocus()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
