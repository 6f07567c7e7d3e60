"""Help -> Keyboard shortcuts: a table generated from the key map, so it never drifts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
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
from reader.ui.i18n import fill, translated


def columns() -> list[str]:
    return [
        QCoreApplication.translate("ShortcutsDialog", "Keys"),
        QCoreApplication.translate("ShortcutsDialog", "What it does"),
        QCoreApplication.translate("ShortcutsDialog", "Where"),
    ]


def key_text(keys: Sequence[str]) -> str:
    """Key sequences as the platform writes them (Qt names the keys in the interface
    language: "Mayús" for Shift in Spanish), e.g. "Ctrl+F or /"."""
    shown = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) or k for k in keys]
    return QCoreApplication.translate("ShortcutsDialog", " or ", "between two keys").join(shown)


def shortcut_rows(keymap: Sequence[Binding] = KEYMAP) -> list[tuple[str, str, str]]:
    """(keys, description, group) for every binding, in the key map's order, in the
    interface language."""
    rows = []
    for b in keymap:
        where = translated(b.group)
        if b.scope == "article":
            where = fill(
                QCoreApplication.translate("ShortcutsDialog", "%1 (in the article text)"), where
            )
        rows.append((key_text(b.keys), translated(b.description), where))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, keymap: Sequence[Binding] = KEYMAP) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every key the reader answers to. Tab leaves the table."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = shortcut_rows(keymap)
        headers = columns()
        table = QTableWidget(len(rows), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab moves on to the Close button: no trap
        table.setWordWrap(True)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setAccessibleDescription(
            self.tr("%n shortcut(s): keys, what they do, where.", "", len(rows))
        )
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
