"""Words in the article that only a screen reader gets: "heading level 2" before a heading.

Orca 43 reads a Qt text object by its text alone: Say All takes the text a sentence at a
time (``getTextAtOffset``), adds "link" after a hyperlink and nothing else, so a heading
is read as one more sentence. To have it say "heading level 2" before a heading, the
words are in the document, in a block of their own that is never laid out
(``QTextBlock.setVisible(False)``): it takes no room and is never drawn, Up and Down go
past it, and a screen reader reads it with the text. Everything else that takes the
text leaves it out: a copy, the find bar, reading aloud (:func:`visible_text`); printing
renders the article from its model and never sees it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

#: The block format property that marks a block as a screen reader's only.
SPOKEN_ONLY = int(QTextFormat.Property.UserProperty) + 0x51


def is_spoken_only(block: QTextBlock) -> bool:
    return block.isValid() and bool(block.blockFormat().property(SPOKEN_ONLY))


def label_headings(doc: QTextDocument, block: QTextBlock, label: Callable[[int], str]) -> None:
    """Before each heading from ``block`` to the end whose level is 2 or more (the
    title is the text object's name, spoken already), a block of ``label(level)`` that
    only a screen reader reads."""
    headings: list[QTextBlock] = []
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level >= 2 and not is_spoken_only(block.previous()):
            headings.append(block)
        block = block.next()
    if not headings:
        return
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for heading in reversed(headings):  # from the end: positions before stay as they are
        level = heading.blockFormat().headingLevel()
        cursor.setPosition(heading.position())
        # The heading moves on into a new block of its own format; the block left
        # behind, empty, becomes the label.
        cursor.insertBlock(heading.blockFormat(), heading.charFormat())
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        plain = QTextBlockFormat()
        plain.setProperty(SPOKEN_ONLY, True)
        cursor.setBlockFormat(plain)
        cursor.insertText(label(level) + ".", heading.charFormat())
        hidden = cursor.block()
        hidden.setVisible(False)
        doc.markContentsDirty(hidden.position(), hidden.length())
    cursor.endEditBlock()


def visible_text(doc: QTextDocument) -> str:
    """The document's plain text as it is seen: a screen reader's own words are spaces
    (so every position in it is still the document's)."""
    text = list(doc.toPlainText())
    block = doc.begin()
    while block.isValid():
        if is_spoken_only(block):
            start = block.position()
            for i in range(start, min(start + block.length() - 1, len(text))):
                text[i] = " "
        block = block.next()
    return "".join(text)


def without_spoken_only(doc: QTextDocument) -> None:
    """Remove a screen reader's own words from ``doc`` (a copy's document): each block
    of them takes the format of the heading after it (in the same frame: it was split
    from it), then the heading's text."""
    cursor = QTextCursor(doc)
    block = doc.lastBlock()
    while block.isValid():
        previous = block.previous()
        if is_spoken_only(block):
            cursor.setPosition(block.position())
            following = block.next()
            end = block.position() + block.length() - 1
            if following.isValid():
                cursor.setBlockFormat(following.blockFormat())
                end = following.position()
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        block = previous
