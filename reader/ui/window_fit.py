"""How a main window makes room as it narrows or its text grows.

The panes beside the article fold into one column of tabs, then close, and come back
when the room does; the tool bars go to new rows, or on a short window stay on one row
with Qt's overflow menu (»); the window never grows past its screen. The layout the
person made is kept meanwhile (:attr:`WindowFit.layout`), so that is what is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QComboBox, QDockWidget, QMainWindow, QToolBar, QToolButton, QWidget

#: The most of the window's width each side pane takes when the text grows.
SIDE_PANE_SHARE = 0.24
#: Panes stay beside the article while it keeps this many characters a line; with less
#: room they fold into one column of tabs, then close (their keys and the View menu
#: open them again).
MIN_ARTICLE_CHARS = 34
#: A pane is no narrower than this many characters of its text.
MIN_PANE_CHARS = 16
#: Below this window height the tool bars share one row; what does not fit goes into
#: the row's overflow menu (») instead of a second row.
TOOL_ROWS_MIN_HEIGHT = 720


def mirrored(area: Qt.DockWidgetArea) -> Qt.DockWidgetArea:
    """``area`` as a right-to-left interface mirrors it: the left panes on the right."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return area
    swap = {
        Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
        Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea,
    }
    return swap.get(area, area)


def fit_to_screen(window: QWidget) -> None:
    """Never larger than the screen the window is on (a restored size may be); a
    window shown full screen covers its screen as it is."""
    if window.isFullScreen():
        return
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = min(window.width(), room.width() - extra_w)
    height = min(window.height(), room.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.x()), room.right() - frame.width() + 1)
    y = min(max(frame.y(), room.y()), room.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def unsqueezable(bars: Sequence[QToolBar]) -> None:
    """Tool bar controls never narrower than their text: a short row moves the ones
    that do not fit into its overflow menu (») instead of eliding their labels."""
    for bar in bars:
        for widget in bar.findChildren(QToolButton) + bar.findChildren(QComboBox):
            if widget.objectName() == "qt_toolbar_ext_button":
                continue
            widget.setMinimumWidth(0)
            widget.setMinimumWidth(widget.sizeHint().width())


class WindowFit:
    """Fits ``window``'s side panes (``docks``, first the one that leads when they fold)
    and its tool bars (``first_row``, then ``wrapping`` that go to a new row when one row
    cannot hold them) to its size; ``article_font`` is the font the article shows."""

    def __init__(
        self,
        window: QMainWindow,
        docks: Sequence[QDockWidget],
        *,
        first_row: QToolBar,
        wrapping: Sequence[QToolBar],
        article_font: Callable[[], QFont],
    ) -> None:
        self.window = window
        self.docks = tuple(docks)
        self.first_row = first_row
        self.wrapping = tuple(wrapping)
        self.article_font = article_font
        #: 0: the panes as laid out; 1: one column of tabs; 2: panes closed.
        self.folded = 0
        self._unfolded = QByteArray()
        self._breaks: tuple[bool, ...] = (False,) * len(self.wrapping)

    @property
    def layout(self) -> QByteArray:
        """The window's state as the person laid it out, not as folding changed it."""
        return self._unfolded if self.folded else self.window.saveState()

    def restore(self, state: QByteArray) -> None:
        """Lay the window out as ``state`` says, unfolded (a reset, say)."""
        self.folded = 0
        self.window.restoreState(state)

    def fold_level(self) -> int:
        """How far the panes must fold at the window's width (see :attr:`folded`)."""
        article = QFontMetricsF(self.article_font())
        needed = article.averageCharWidth() * MIN_ARTICLE_CHARS + 2 * 16 + 24
        pane_w = self.pane_width()
        room = self.window.width() - needed
        if room >= 2 * pane_w:
            return 0
        if room >= pane_w:
            return 1
        return 2

    def pane_width(self) -> float:
        """The narrowest a pane may be: :data:`MIN_PANE_CHARS` of its text."""
        return QFontMetricsF(self.window.font()).averageCharWidth() * MIN_PANE_CHARS + 24

    def fit_docks(self) -> None:
        """Fold the panes as the room runs out, and back when it comes back; then keep
        at least half the width for the article: side panes share the rest, each
        :data:`SIDE_PANE_SHARE` of it, or as wide as :meth:`pane_width` when its text is
        so large that less would cut its words (a pane shown while they are folded away,
        as a reference is when a citation is followed)."""
        w = self.window
        level = self.fold_level()
        if level != self.folded:
            if self.folded == 0:
                self._unfolded = w.saveState()
            else:
                w.restoreState(self._unfolded)
            if level > 0:
                self._fold(hide=level == 2)
            self.folded = level
        least = min(int(self.pane_width()), w.width() // 2)
        share = max(int(w.width() * SIDE_PANE_SHARE), least)
        shown = [d for d in self.docks if d.isVisible() and not d.isFloating()]
        wrong = [d for d in shown if d.width() > share or d.width() < least]
        if wrong:
            w.resizeDocks(wrong, [share] * len(wrong), Qt.Orientation.Horizontal)

    def _fold(self, *, hide: bool) -> None:
        """All panes as tabs of one column on the left (closed when ``hide``)."""
        w = self.window
        shown = [d for d in self.docks if d.isVisible()]
        first = self.docks[0]
        start = mirrored(Qt.DockWidgetArea.LeftDockWidgetArea)
        for dock in self.docks:
            if w.dockWidgetArea(dock) != start:
                w.addDockWidget(start, dock)
        for dock in self.docks[1:]:
            w.tabifyDockWidget(first, dock)
        for dock in self.docks:
            dock.setVisible(not hide and dock in shown)
        if shown and not hide:
            shown[0].raise_()

    def fit_toolbars(self) -> None:
        """Tool bars side by side while they fit the window's width, else on new rows;
        on a short window one row, with Qt's overflow menu (») for what does not fit."""
        w = self.window
        breaks: list[bool] = []
        used = self.first_row.sizeHint().width()
        rows_allowed = w.height() >= TOOL_ROWS_MIN_HEIGHT
        for tools in self.wrapping:
            width = tools.sizeHint().width()
            wrap = rows_allowed and used + width > w.width()
            breaks.append(wrap)
            used = width if wrap else used + width
        if tuple(breaks) == self._breaks:
            return
        for tools, wrap in zip(self.wrapping, breaks, strict=True):
            w.removeToolBarBreak(tools)
            if wrap:
                w.insertToolBarBreak(tools)
        self._breaks = tuple(breaks)
