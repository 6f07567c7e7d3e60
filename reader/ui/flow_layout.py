"""A layout that places its widgets in rows, starting a new row when one is full.

For bars of buttons whose labels must stay whole at any text size: where a box layout
would squeeze (and cut) them, this one wraps them onto another row and asks for the
height that takes (``heightForWidth``). Items marked ``push_right`` start after a
stretch on the last row, the way a box layout's ``addStretch`` would place them.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: set[int] = set()
        self.setSpacing(spacing)

    def add_widget(self, widget: QWidget, *, push_right: bool = False) -> None:
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.append(item)
        if push_right:
            self._right.add(id(item))
        self.invalidate()

    # --- QLayout ---------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._right.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        m = self.contentsMargins()
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self.spacing() * max(
            0, len(visible) - 1
        )
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        m: QMargins = self.contentsMargins()
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # --- placing ---------------------------------------------------------------------

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self.spacing()
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            w = min(item.sizeHint().width(), area.width())
            if rows[-1] and used + gap + w > area.width():
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + w
            rows[-1].append(item)
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(i.sizeHint().height() for i in row)
            if move:
                left = [i for i in row if id(i) not in self._right]
                right = [i for i in row if id(i) in self._right]
                x = area.x()
                for item in left:
                    w = min(item.sizeHint().width(), area.width())
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, height)))
                    x += w + gap
                x = area.right() + 1
                for item in reversed(right):
                    w = min(item.sizeHint().width(), area.width())
                    x -= w
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, height)))
                    x -= gap
            y += height + gap
        return y - gap - area.y() + m.top() + m.bottom() if y > area.y() else 0
