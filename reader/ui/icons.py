"""Line-drawn icons for the few buttons that show no words (reading mode's bar).

Each icon is drawn when it is painted, in the colours of the button's text in the theme
shown then (disabled ones as disabled text), so it has the contrast the theme's text has
and follows a change of theme without being made again. A right-to-left interface gets
the arrow mirrored. The button keeps its words as its accessible name and tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)

#: The strokes of one icon, in a box from (0, 0) to (1, 1).
Strokes = tuple[tuple[tuple[float, float], ...], ...]


def _corners() -> Strokes:
    """Four corners pointing in: leave the whole-screen view."""
    a, b = 0.12, 0.38
    return (
        ((a, b), (b, b), (b, a)),
        ((1 - b, a), (1 - b, b), (1 - a, b)),
        ((a, 1 - b), (b, 1 - b), (b, 1 - a)),
        ((1 - b, 1 - a), (1 - b, 1 - b), (1 - a, 1 - b)),
    )


def _letter_a(sign: str) -> Strokes:
    """A capital A beside a minus or a plus: smaller or larger text."""
    a = ((0.08, 0.88), (0.33, 0.14), (0.58, 0.88))
    bar = ((0.17, 0.62), (0.49, 0.62))
    minus = ((0.66, 0.3), (0.96, 0.3))
    plus = ((0.81, 0.15), (0.81, 0.45))
    return (a, bar, minus, plus) if sign == "+" else (a, bar, minus)


SHAPES: dict[str, Strokes] = {
    "back": (((0.85, 0.5), (0.15, 0.5)), ((0.42, 0.22), (0.15, 0.5), (0.42, 0.78))),
    "leave_reading_mode": _corners(),
    "smaller_text": _letter_a("-"),
    "larger_text": _letter_a("+"),
    "menu": (
        ((0.15, 0.25), (0.85, 0.25)),
        ((0.15, 0.5), (0.85, 0.5)),
        ((0.15, 0.75), (0.85, 0.75)),
    ),
}
#: Shapes that point a way along the line of text: mirrored right to left.
MIRRORED = frozenset({"back"})


class StrokeIconEngine(QIconEngine):
    """Paints one of :data:`SHAPES` in the application's button-text colour."""

    def __init__(self, name: str, colour: Callable[[QIcon.Mode], QColor] | None = None) -> None:
        super().__init__()
        self.name = name
        self._colour = colour or _button_text

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        if side <= 0:
            return
        box = QRectF(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side
        )
        mirror = (
            self.name in MIRRORED
            and QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._colour(mode), max(1.5, side * 0.1))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)

        def at(x: float, y: float) -> QPointF:
            return QPointF(box.x() + (1 - x if mirror else x) * side, box.y() + y * side)

        for stroke in SHAPES[self.name]:
            points = [at(x, y) for x, y in stroke]
            painter.drawLines([QLineF(p, q) for p, q in pairwise(points)])
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        picture = QPixmap(size)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        try:
            self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        finally:
            painter.end()
        return picture

    def clone(self) -> QIconEngine:
        return StrokeIconEngine(self.name, self._colour)


def _button_text(mode: QIcon.Mode) -> QColor:
    group = (
        QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
    )
    return QGuiApplication.palette().color(group, QPalette.ColorRole.ButtonText)


def stroke_icon(name: str) -> QIcon:
    """The icon ``name`` of :data:`SHAPES`, drawn in the theme's button-text colour."""
    if name not in SHAPES:
        raise KeyError(name)
    return QIcon(StrokeIconEngine(name))
