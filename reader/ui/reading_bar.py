"""Reading mode's one small bar: icons with their words as names and tooltips, on the
side of a wide screen (where there is width to spare and height is short), at the top of
a tall one.

A 1024 x 600 screen at 400 % has room for few lines of text: each row of controls above
the article costs one of them. So the bar is a column of icons along the text's leading
edge when the window is landscape, and a thin row of icons when it is portrait. Every
button keeps its action's words as its accessible name and its tooltip, and its place in
the Tab order; the text size between the smaller and larger buttons stays words.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QToolButton

from reader.ui.icons import stroke_icon

#: The icon of each of the bar's actions (see :data:`reader.ui.icons.SHAPES`).
ACTION_ICONS = {
    "reading_mode": "leave_reading_mode",
    "back": "back",
    "zoom_out": "smaller_text",
    "zoom_in": "larger_text",
}
#: Landscape: the window at least this much wider than tall has the bar at its side.
SIDE_BAR_ASPECT = 4 / 3
#: An icon is this many times the height of a line of the bar's text.
ICON_LINES = 1.5


def dress(bar: QToolBar, actions: Mapping[str, QAction], menu_button: QToolButton) -> None:
    """Icons on ``bar``'s buttons (the actions keep showing words in menus and other bars)."""
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for action_id, icon in ACTION_ICONS.items():
        action = actions[action_id]
        action.setIcon(stroke_icon(icon))
        action.setIconVisibleInMenu(False)
    menu_button.setIcon(stroke_icon("menu"))
    menu_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for label in bar.findChildren(QLabel):
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)


def size_icons(bar: QToolBar, font: QFont) -> None:
    """Icons that grow with the bar's text (which stops growing where the tools' does)."""
    side = round(QFontMetrics(font).height() * ICON_LINES)
    bar.setIconSize(QSize(side, side))
    for button in bar.findChildren(QToolButton):
        button.setIconSize(QSize(side, side))


def place(window: QMainWindow, bar: QToolBar) -> None:
    """The bar at the leading side of a landscape window, at the top of a portrait one."""
    area = Qt.ToolBarArea.TopToolBarArea
    if window.width() >= window.height() * SIDE_BAR_ASPECT:
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        area = Qt.ToolBarArea.RightToolBarArea if rtl else Qt.ToolBarArea.LeftToolBarArea
    if window.toolBarArea(bar) != area:
        shown = bar.isVisible()
        window.addToolBar(area, bar)
        bar.setVisible(shown)


def open_menu(bar: QToolBar, button: QToolButton) -> None:
    """The Menu button's menu, opened beside the button with its first item active (what
    F10 does to a menu bar), without waiting for it to close."""
    menu = button.menu()
    if bar.orientation() == Qt.Orientation.Vertical:
        rtl = button.isRightToLeft()
        place = button.mapToGlobal(QPoint(0 if rtl else button.width(), 0))
    else:
        place = button.mapToGlobal(
            QPoint(button.width() if button.isRightToLeft() else 0, button.height())
        )
    first = next((a for a in menu.actions() if a.isVisible() and a.isEnabled()), None)
    menu.popup(place)
    if first is not None:
        menu.setActiveAction(first)
