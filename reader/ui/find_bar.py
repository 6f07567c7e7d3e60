"""Find in the article (Ctrl+F, as in browsers and viewers): every match highlighted, the
current one selected, "3 of 12" beside the box; Enter and Shift+Enter (or F3 and
Shift+F3) go to the next and previous match, Escape closes the bar.

The count is given to screen readers as the box's accessible description, which changes
while the box has focus: Orca speaks that change (it ignores announcement events).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.core.formula_words import without_separators
from reader.ui.spoken_only import is_spoken_only

#: Marks the extra selections that show matches (other highlights are left alone).
_MATCH = QTextCharFormat.Property.UserProperty + 23
#: Longest text searched for (a pasted page would make every keystroke slow).
MAX_FIND_CHARS = 200


def _as_shown(needle: str) -> QRegularExpression:
    """``needle`` found as it is seen, in any case: a formula's letters match as typed
    ("νij") though an invisible separator keeps them apart for speech ("ν⁣i⁣j")."""
    unseen = "[\u2061-\u2064]?"
    pattern = unseen.join(QRegularExpression.escape(c) for c in needle)
    return QRegularExpression(pattern, QRegularExpression.PatternOption.CaseInsensitiveOption)


class FindBar(QWidget):
    """The find bar of one article browser."""

    closed = Signal()
    match_changed = Signal(int, int)  # the current match (1-based, 0 when none), the count

    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = browser
        self.setObjectName("find_bar")
        self.setAccessibleName(self.tr("Find in the article"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        label = QLabel(self.tr("F&ind:"), self)
        self.box = QLineEdit(self)
        self.box.setObjectName("find_box")
        self.box.setAccessibleName(self.tr("Find in the article"))
        self.box.setPlaceholderText(self.tr("Words in this article"))
        self.box.setMaxLength(MAX_FIND_CHARS)
        self.box.setClearButtonEnabled(True)
        label.setBuddy(self.box)
        self.count = QLabel("", self)
        self.count.setObjectName("find_count")
        self.previous_button = self._button(self.tr("Previous"), self.tr("Previous match"))
        self.next_button = self._button(self.tr("Next"), self.tr("Next match"))
        self.close_button = self._button(self.tr("Close"), self.tr("Close the find bar"))
        for w in (label, self.box, self.count, self.previous_button, self.next_button):
            layout.addWidget(w)
        layout.addWidget(self.close_button)
        layout.setStretch(1, 1)
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.box.textChanged.connect(self._on_box_text_changed)
        self.box.installEventFilter(self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_bar)
        browser.document().contentsChanged.connect(self._on_document_contents_changed)
        self._show_count()

    def _button(self, text: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        return button

    # --- opening and closing ----------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with the selected words (or the last search) ready to change."""
        selected = self.browser.textCursor().selectedText().strip()
        if selected and "\u2029" not in selected and len(selected) <= MAX_FIND_CHARS:
            self.box.setText(selected)
        self.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        """Hide the bar and its highlights; the article keeps the current match selected."""
        self._set_highlights([], -1)
        self.hide()
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    # --- finding ----------------------------------------------------------------------

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current(self) -> int:
        """The current match, 1-based (0: none)."""
        return self._current + 1 if self._matches else 0

    def refresh(self) -> None:
        """Find the box's text again (the article changed, or the text did)."""
        needle = self.box.text()
        matches: list[tuple[int, int]] = []
        if needle.strip():
            doc = self.browser.document()
            cursor = QTextCursor(doc)
            pattern = _as_shown(without_separators(needle))
            while True:
                cursor = doc.find(pattern, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull() or len(matches) >= 10000:
                    break
                if is_spoken_only(doc.findBlock(cursor.selectionStart())):
                    continue  # a screen reader's own words, never seen
                matches.append((cursor.selectionStart(), cursor.selectionEnd()))
        # Start at the first match after the reading position, as viewers do.
        caret = self.browser.textCursor().selectionStart()
        current = next((i for i, (s, _e) in enumerate(matches) if s >= caret), 0)
        self._matches = matches
        self._go(current if matches else -1)

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) match, wrapping around."""
        if not self.isVisible():
            self.open_bar()
            return
        if not self._matches:
            self.refresh()
            return
        self._go((self._current + direction) % len(self._matches))

    def _go(self, index: int) -> None:
        self._current = index
        self._set_highlights(self._matches, index)
        if 0 <= index < len(self._matches):
            start, end = self._matches[index]
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()
        self._show_count()
        self.match_changed.emit(self.current, self.match_count)

    def _set_highlights(self, matches: list[tuple[int, int]], current: int) -> None:
        others = [s for s in self.browser.extraSelections() if not s.format.property(_MATCH)]
        palette = self.browser.palette()
        mine: list[QTextEdit.ExtraSelection] = []
        for i, (start, end) in enumerate(matches[:2000]):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            if i == current:
                fmt.setBackground(palette.highlight())
                fmt.setForeground(palette.highlightedText())
            else:
                # The theme's text colour as an outline-like underline plus a tint keeps
                # contrast in every theme (the text colour itself is not changed).
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(palette.text().color())
                fmt.setFontWeight(700)
            fmt.setProperty(_MATCH, True)
            selection.format = fmt
            mine.append(selection)
        self.browser.setExtraSelections([*others, *mine])

    def count_text(self) -> str:
        if not self.box.text().strip():
            return ""
        if not self._matches:
            return self.tr("No matches")
        n = len(self._matches)
        if n == 1:  # English has no plural to give "%n" here; translations do (numerus)
            return self.tr("1 of 1 match")
        return self.tr("%1 of %n matches", "", n).replace("%1", str(self._current + 1))

    def _show_count(self) -> None:
        text = self.count_text()
        self.count.setText(text)
        self.count.setAccessibleName(text or self.tr("No search yet"))
        # Spoken by screen readers: the focused box's description changes.
        self.box.setAccessibleDescription(text)

    # --- events -----------------------------------------------------------------------

    def _on_box_text_changed(self, _text: str) -> None:
        self.refresh()

    def _on_document_contents_changed(self) -> None:
        if self.isVisible() and self.box.text():
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.box and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours, not the window's shortcuts (Escape, Return)
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    if key == Qt.Key.Key_Escape:
                        self.close_bar()
                    else:
                        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                        self.step(-1 if shift else 1)
                    return True
        return super().eventFilter(watched, event)


__all__ = ["MAX_FIND_CHARS", "FindBar"]
