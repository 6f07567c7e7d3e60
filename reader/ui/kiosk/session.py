"""What a kiosk session leaves in memory, named part by part, and how each part is wiped.

:data:`SESSION_PARTS` lists every part of the window a person's session can leave
something in, in the order a reset wipes them. :class:`~reader.ui.kiosk.window.KioskWindow`
gives one wipe per name (and refuses to start if a name has none), and the privacy
tests have one probe per name that tries to reach the part by a person's inputs.
A new control that holds anything session-scoped gets a name here, a wipe, and a probe;
work that may finish after a reset (on a worker thread) checks ``KioskWindow.session``
before it shows anything.

The helpers below do the parts Qt makes easy to get wrong: ``QLineEdit.clear()``
keeps the undo history (Ctrl+Z brings the text back) where ``setText("")`` drops it;
a ``QTextDocument`` keeps its undo and redo stacks and the cursor its selection; and
on X11 the PRIMARY selection (pasted by a middle click) is separate from the clipboard.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QClipboard, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLineEdit,
    QScroller,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

#: Every part of a session, in the order :meth:`KioskWindow.reset_session` wipes them.
SESSION_PARTS: tuple[str, ...] = (
    "dialogs",  # the staff PIN pad and any other window, popup or tooltip
    "reading aloud",
    "search box",  # its text, selection, undo and redo
    "on-screen keyboard",
    "search results",
    "collection list",
    "view",  # text size, colours, font, speech rate
    "language",  # the interface language (and the keyboard's layout with it)
    "article",  # the text, the highlighted claim, the caret and selection
    "sources",  # the source panel and its QR code
    "history",  # Back and Forward
    "status line",
    "text fields",  # the undo and redo history and selection of every text field
    "scrolling",  # every scrolled list, page and text back at its start
    "clipboard and selection",  # the clipboard, the X11 PRIMARY selection, the find buffer
    "page",  # the start screen, focus on its first control
)


def forget_line_edit(edit: QLineEdit, text: str = "") -> None:
    """Set the text with no undo or redo history and nothing selected."""
    edit.setText(text)  # unlike clear(), setText() drops the undo and redo history
    edit.setModified(False)
    edit.deselect()


def forget_text_view(view: QTextEdit) -> None:
    """No undo or redo in its document, no selection, the caret at the start."""
    view.document().clearUndoRedoStacks()
    cursor = QTextCursor(view.document())
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    view.setTextCursor(cursor)


def forget_text_fields(root: QWidget) -> None:
    """Every text field under ``root`` keeps its text but loses its history and selection."""
    for edit in root.findChildren(QLineEdit):
        if edit.isUndoAvailable() or edit.isRedoAvailable() or edit.hasSelectedText():
            forget_line_edit(edit, edit.text())
    for view in root.findChildren(QTextEdit):
        forget_text_view(view)


def scroll_to_start(root: QWidget) -> None:
    """Every scrolled area under ``root`` back at its top and its start."""
    for area in root.findChildren(QAbstractScrollArea):
        if QScroller.hasScroller(area.viewport()):  # a finger's fling still running
            QScroller.scroller(area.viewport()).stop()
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
            bar.setValue(bar.minimum())


def forget_clipboard() -> None:
    """Empty the clipboard, the PRIMARY selection (X11) and the find buffer (macOS)."""
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        modes.append(QClipboard.Mode.FindBuffer)
    for mode in modes:
        clipboard.clear(mode)


def close_other_windows(keep: QWidget) -> None:
    """Close every popup, dialog, tooltip or window of the application but ``keep``."""
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
        if QApplication.activePopupWidget() is popup:  # it refused: hide it at least
            popup.hide()
            break
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        log.info("closing %s left open by the last session", type(widget).__name__)
        if isinstance(widget, QDialog):
            widget.reject()
        if widget.isVisible():
            widget.close()
        if widget.isVisible():
            widget.hide()
