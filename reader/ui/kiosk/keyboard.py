"""A built-in on-screen keyboard for the kiosk's search box.

Qt's own virtual keyboard is a QML module; this one is plain widgets. Its keys
never take focus, so the search box keeps the caret (and a screen reader stays on
it) while a person types with a finger. The keys are those of the interface language's
layout (``reader/data/keyboards.toml``: Spanish has ñ, accented vowels, ¿ and ¡), and
change with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from reader.core.keyboards import KeyboardLayout, layout_for
from reader.ui.i18n import translations


class OnScreenKeyboard(QWidget):
    """Letters, digits, space, backspace, clear and search, typing into ``target``."""

    search_requested = Signal()

    def __init__(
        self, target: QLineEdit, parent: QWidget | None = None, *, language: str | None = None
    ) -> None:
        super().__init__(parent)
        self._target = target
        self.setObjectName("onScreenKeyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._grid = QGridLayout(self)
        self._grid.setSpacing(6)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.layout_ = layout_for(language or translations().language)
        self._build()

    def set_language(self, language: str) -> None:
        """Show the keys of ``language``'s layout (and the other keys' words in it)."""
        self.layout_ = layout_for(language)
        self._build()

    def _build(self) -> None:
        self._built_for = translations().language
        for button in self.buttons():
            self._grid.removeWidget(button)
            button.hide()
            button.setParent(None)  # out of the keyboard now, deleted on the next turn
            button.deleteLater()
        self.setAccessibleName(self.tr("On-screen keyboard"))
        layout: KeyboardLayout = self.layout_
        width = max(len(row) for row in layout.rows)
        for row, keys in enumerate(layout.rows):
            offset = width - len(keys)  # shorter rows sit in the middle, half a key in
            for col, key in enumerate(keys):
                button = self._key(key, layout.spoken(key))
                button.setObjectName("keyboardKey")
                button.setProperty("key", key)
                button.clicked.connect(lambda _=False, ch=key: self._type(ch))
                self._grid.addWidget(button, row, col * 2 + offset, 1, 2)
        bottom = len(layout.rows)
        total = 2 * width
        short, long_ = total // 5, 2 * total // 5
        space = self._key(self.tr("Space"), self.tr("Space"))
        space.clicked.connect(lambda: self._type(" "))
        space.setProperty("key", " ")
        backspace = self._key(self.tr("⌫ Delete"), self.tr("Delete the last letter"))
        backspace.clicked.connect(self._target.backspace)
        clear = self._key(self.tr("Clear"), self.tr("Clear the search box"))
        clear.clicked.connect(self._target.clear)
        search = self._key(self.tr("Search"), self.tr("Search"))
        search.setObjectName("keyboardSearch")
        search.clicked.connect(self.search_requested.emit)
        self.search_key = search
        self._grid.addWidget(clear, bottom, 0, 1, short)
        self._grid.addWidget(space, bottom, short, 1, long_)
        self._grid.addWidget(backspace, bottom, short + long_, 1, short)
        self._grid.addWidget(search, bottom, 2 * short + long_, 1, total - 2 * short - long_)

    def _key(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.setAccessibleName(name)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def key_for(self, character: str) -> QPushButton | None:
        """The key that types ``character`` (" " for space), in whatever language."""
        return next((b for b in self.buttons() if b.property("key") == character), None)

    def buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            language = translations().language
            if language != self._built_for:  # Qt may send it more than once
                self.set_language(language)
        super().changeEvent(event)

    def _type(self, text: str) -> None:
        self._target.insert(text)
