"""Headings sized in points, a modest step above the text that shrinks as the text grows,
in any QTextDocument made from the reader's HTML: the article on the screen and the
handout on paper (see :func:`reader.ui.article_html.heading_point_size`).

Qt's HTML gives each heading a size relative to the text (a first-level heading twice the
text, whatever its size), which a style sheet's size in points cannot override: that
relative size is taken away here and each heading's characters get their size in points.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

from reader.ui.article_html import heading_point_size


def heading_blocks(doc: QTextDocument) -> Iterator[QTextBlock]:
    """Every heading block of ``doc``, in order."""
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            yield block
        block = block.next()


def fit_heading_sizes(
    doc: QTextDocument, blocks: Iterable[QTextBlock], body_pt: float, text_scale: int
) -> None:
    """Give the heading ``blocks`` of ``doc`` their size in points for body text of
    ``body_pt`` at ``text_scale`` per cent."""
    if body_pt <= 0:
        return
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    adjustment = QTextFormat.Property.FontSizeAdjustment
    for block in blocks:
        point = heading_point_size(block.blockFormat().headingLevel(), body_pt, text_scale)
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.hasProperty(adjustment) or fmt.fontPointSize() != point:
                fmt.clearProperty(adjustment)  # else it wins over the size in points
                fmt.setFontPointSize(point)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(fmt)
            it += 1
    cursor.endEditBlock()
