"""Help -> Keyboard shortcuts: a table generated from the key map, so it never drifts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.keymap import KEYMAP, Binding

COLUMNS = ("Keys", "What it does", "Where")


def key_text(keys: Sequence[str]) -> str:
    """Key sequences as the platform writes them, e.g. "Ctrl+F or /"."""
    shown = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) or k for k in keys]
    return " or ".join(shown)


def shortcut_rows(keymap: Sequence[Binding] = KEYMAP) -> list[tuple[str, str, str]]:
    """(keys, description, group) for every binding, in the key map's order."""
    rows = []
    for b in keymap:
        where = b.group + (" (in the article text)" if b.scope == "article" else "")
        rows.append((key_text(b.keys), b.description, where))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, keymap: Sequence[Binding] = KEYMAP) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        intro = QLabel("Every key the reader answers to. Tab leaves the table.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = shortcut_rows(keymap)
        table = QTableWidget(len(rows), len(COLUMNS), self)
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab moves on to the Close button: no trap
        table.setWordWrap(True)
        table.setAccessibleName("Keyboard shortcuts")
        table.setAccessibleDescription(f"{len(rows)} shortcuts: keys, what they do, where.")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        if rows:
            table.setCurrentCell(0, 0)
        intro.setBuddy(table)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
        self.resize(720, 520)
        table.setFocus()
