"""A built-in on-screen keyboard for the kiosk's search box.

Qt's own virtual keyboard is a QML module; this one is plain widgets. Its keys
never take focus, so the search box keeps the caret (and a screen reader stays on
it) while a person types with a finger.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

ROWS: tuple[str, ...] = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


class OnScreenKeyboard(QWidget):
    """Letters, digits, space, backspace, clear and search, typing into ``target``."""

    search_requested = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self.setObjectName("onScreenKeyboard")
        self.setAccessibleName("On-screen keyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, letters in enumerate(ROWS):
            for col, letter in enumerate(letters):
                button = self._key(letter, f"{letter}")
                button.clicked.connect(lambda _=False, ch=letter: self._type(ch))
                grid.addWidget(button, row, col * 2 + (row - 1 if row > 1 else 0), 1, 2)
        bottom = len(ROWS)
        space = self._key("Space", "Space")
        space.clicked.connect(lambda: self._type(" "))
        backspace = self._key("⌫ Delete", "Delete the last letter")
        backspace.clicked.connect(self._target.backspace)
        clear = self._key("Clear", "Clear the search box")
        clear.clicked.connect(self._target.clear)
        search = self._key("Search", "Search")
        search.setObjectName("keyboardSearch")
        search.clicked.connect(self.search_requested.emit)
        grid.addWidget(clear, bottom, 0, 1, 4)
        grid.addWidget(space, bottom, 4, 1, 8)
        grid.addWidget(backspace, bottom, 12, 1, 4)
        grid.addWidget(search, bottom, 16, 1, 4)

    def _key(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.setAccessibleName(name)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton)

    def _type(self, text: str) -> None:
        self._target.insert(text)
