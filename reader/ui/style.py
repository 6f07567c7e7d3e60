"""Theme -> QPalette and the application stylesheet (a template filled from the Theme)."""

from __future__ import annotations

from string import Template

from PySide6.QtGui import QColor, QPalette

from reader.core.theme import Theme

#: Sizes are in pixels. They do not follow the text size: the text itself makes the
#: controls grow, and a sheet that stays the same across sizes is set once per theme
#: (setting the application's stylesheet re-polishes every widget, a few hundred
#: milliseconds).
STYLESHEET_TEMPLATE = Template(
    """
QMainWindow, QDockWidget, QToolBar, QStatusBar, QMenuBar, QMenu, QDialog {
    background-color: $pane_bg; color: $text;
}
QWidget#library_pane, QWidget#sections_pane, QWidget#references_pane, QWidget#search_pane {
    background-color: $pane_bg; color: $text;
}
QLabel { color: $text; background: transparent; }
QLabel[muted="true"] { color: $muted; }
QLabel#status_message[error="true"] { color: $error; font-weight: bold; }
QDockWidget { font-weight: bold; }
QDockWidget::title { background-color: $pane_bg; color: $text; padding: ${pad}px; }
QMenuBar::item:selected, QMenu::item:selected {
    background-color: $selection_bg; color: $selection_fg;
}
QLineEdit, QTreeView, QListView, QTextBrowser, QComboBox, QSpinBox {
    background-color: $background; color: $text;
    border: 1px solid $border; padding: ${pad_focus}px;
    selection-background-color: $selection_bg; selection-color: $selection_fg;
}
QPushButton, QToolButton {
    background-color: $control_bg; color: $control_fg;
    border: 1px solid $border; padding: ${pad_focus}px ${pad}px;
    min-height: ${control_min}px; min-width: ${control_min}px;
}
QToolBar QToolButton { min-height: ${tools_min}px; min-width: ${tools_min}px; }
QPushButton[link_button="true"] {
    background-color: $pane_bg; color: $link; text-decoration: underline; text-align: left;
}
QLineEdit, QTextEdit, QPlainTextEdit, QComboBox { placeholder-text-color: $placeholder; }
QPushButton:disabled, QToolButton:disabled, QLabel:disabled, QLineEdit:disabled,
QComboBox:disabled, QMenu::item:disabled, QMenuBar::item:disabled { color: $disabled; }
QLineEdit:focus, QTreeView:focus, QListView:focus, QTextBrowser:focus, QComboBox:focus,
QSpinBox:focus, QPushButton:focus, QToolButton:focus {
    border: ${focus_w}px solid $focus; padding: ${pad_inner}px;
}
QPushButton:focus, QToolButton:focus { padding: ${pad_inner}px ${pad_focus_x}px; }
QTreeView::item, QListView::item { color: $text; padding: ${item_pad}px; }
QTreeView::item:selected, QListView::item:selected {
    background-color: $selection_bg; color: $selection_fg;
}
QHeaderView::section {
    background-color: $pane_bg; color: $text; border: 1px solid $border; padding: ${pad}px;
}
QProgressBar {
    background-color: $background; color: $text; border: 1px solid $border; text-align: center;
}
QProgressBar::chunk { background-color: $link; }
QToolTip { background-color: $background; color: $text; border: 1px solid $border; }
"""
)


def stylesheet(theme: Theme) -> str:
    """The application stylesheet for ``theme`` (the same at every text size)."""
    focus_w = 3
    pad_focus = 3  # padding when not focused: border 1 + this
    values = {
        **{k: getattr(theme, k) for k in theme.__dataclass_fields__},
        "pad": 4,
        "focus_w": focus_w,
        "pad_focus": pad_focus,
        # focused: a thicker border, less padding, so nothing moves
        "pad_inner": max(0, pad_focus + 1 - focus_w),
        "pad_focus_x": max(0, 4 + 1 - focus_w),
        "item_pad": 3,
        "control_min": 28,
        "tools_min": 28,
    }
    return STYLESHEET_TEMPLATE.substitute(values)


def palette(theme: Theme) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: theme.pane_bg,
        role.WindowText: theme.text,
        role.Base: theme.background,
        role.AlternateBase: theme.pane_bg,
        role.Text: theme.text,
        role.Button: theme.control_bg,
        role.ButtonText: theme.control_fg,
        role.Highlight: theme.selection_bg,
        role.HighlightedText: theme.selection_fg,
        role.Link: theme.link,
        role.LinkVisited: theme.link,
        role.ToolTipBase: theme.background,
        role.ToolTipText: theme.text,
        role.PlaceholderText: theme.placeholder,
        role.BrightText: theme.text,
    }
    for r, colour in pairs.items():
        p.setColor(r, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.ButtonText, role.WindowText, role.PlaceholderText):
        p.setColor(disabled, r, QColor(theme.disabled))
    return p
