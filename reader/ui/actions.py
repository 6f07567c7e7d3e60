"""The window's actions, menus and tool bars, declared as data, and what builds them.

Every action is a binding of the key map (:data:`reader.core.keymap.KEYMAP`): its keys,
what it does (its tool tip and accessible description) and its line in the F1 list come
from there, so the menus and the keyboard-shortcuts help cannot disagree. This module
adds the words a menu shows (:data:`LABELS`), which actions are switches
(:data:`CHECKABLE`), and where each action stands (:data:`MENUS`, :data:`TOOL_BARS`).

The window hands the builders its handlers, by action id, and the parts only it can make
(a menu of choices, a widget of a tool bar) by name: nothing here imports the window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

from reader.core.keymap import KEYMAP, Binding
from reader.core.texts import QT_TRANSLATE_NOOP
from reader.ui.i18n import fill, translated

#: The words the menus and tool bars show, where they differ from what the key does (the
#: key map's description, which the F1 list and the tool tip say). ``&`` marks the
#: letter that chooses the item in an open menu.
LABELS: Mapping[str, str] = {
    "back": QT_TRANSLATE_NOOP("MainWindow", "Back"),
    "forward": QT_TRANSLATE_NOOP("MainWindow", "Forward"),
    "zoom_in": QT_TRANSLATE_NOOP("MainWindow", "Larger text"),
    "zoom_out": QT_TRANSLATE_NOOP("MainWindow", "Smaller text"),
    "zoom_reset": QT_TRANSLATE_NOOP("MainWindow", "Normal text size"),
    "reset_view": QT_TRANSLATE_NOOP("MainWindow", "Reset view"),
    "quit": QT_TRANSLATE_NOOP("MainWindow", "Quit"),
    "reading_mode": QT_TRANSLATE_NOOP("MainWindow", "&Reading mode"),
    "print": QT_TRANSLATE_NOOP("MainWindow", "&Print or save as PDF…"),
    "open_library": QT_TRANSLATE_NOOP("MainWindow", "&Open library…"),
    "bookmark": QT_TRANSLATE_NOOP("MainWindow", "Bookmark this &place…"),
    "show_shortcuts": QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
    "article_details": QT_TRANSLATE_NOOP("MainWindow", "Article &details"),
}
#: Actions that are switched on and off (their menu item and button show a check).
CHECKABLE: frozenset[str] = frozenset({"reading_mode", "article_details"})

#: A line between groups of a menu or tool bar.
SEPARATOR = "-"


@dataclass(frozen=True, slots=True)
class Part:
    """A place the window fills: a menu's choices, a tool bar's widget, or a menu of its own.

    ``focus``: the widget is one control, reached by Tab on its bar (False for a group
    whose parts are the controls)."""

    name: str
    focus: bool = True


@dataclass(frozen=True, slots=True)
class MenuSpec:
    id: str
    title: str  # translatable, with its & letter
    items: tuple[str | Part | MenuSpec, ...]  # action ids, SEPARATOR, parts, sub-menus
    name: str = ""  # the menu's object name, where something looks it up


@dataclass(frozen=True, slots=True)
class BarSpec:
    id: str  # the tool bar's object name (its place is saved under it)
    title: str  # its window title (translatable)
    accessible_name: str  # translatable
    items: tuple[str | Part, ...]  # action ids, SEPARATOR, widgets the window gives
    #: Its switch in View > Tool bars ("": not listed there).
    toggle: str = ""
    #: False: no switch anywhere (not even the tool bars' context menu).
    switchable: bool = True
    area: Qt.ToolBarArea = Qt.ToolBarArea.TopToolBarArea
    text_only: bool = True  # buttons show their text (no icons)
    movable: bool = True


#: The menu bar, in order. The bookmarks menu is the Bookmarks part's own.
MENUS: tuple[MenuSpec | Part, ...] = (
    MenuSpec(
        "file",
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        ("open_library", "print", SEPARATOR, "quit"),
    ),
    MenuSpec(
        "view",
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        (
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            SEPARATOR,
            MenuSpec("font", QT_TRANSLATE_NOOP("MainWindow", "&Font"), (Part("font_choices"),)),
            MenuSpec(
                "spacing",
                QT_TRANSLATE_NOOP("MainWindow", "Line &spacing"),
                (Part("spacing_choices"),),
            ),
            MenuSpec(
                "colours",
                QT_TRANSLATE_NOOP("MainWindow", "&Colours"),
                (Part("theme_choices"), SEPARATOR, "cycle_theme"),
            ),
            SEPARATOR,
            "reading_mode",
            "article_details",
            MenuSpec("panes", QT_TRANSLATE_NOOP("MainWindow", "&Panes"), (Part("panes"),)),
            MenuSpec(
                "toolbars",
                QT_TRANSLATE_NOOP("MainWindow", "&Tool bars"),
                (Part("toolbars"),),
                name="toolbars_menu",
            ),
            SEPARATOR,
            MenuSpec(
                "language", QT_TRANSLATE_NOOP("MainWindow", "&Language"), (Part("languages"),)
            ),
            SEPARATOR,
            "reset_view",
        ),
    ),
    MenuSpec(
        "go",
        QT_TRANSLATE_NOOP("MainWindow", "&Go"),
        (
            "back",
            "forward",
            "focus_search",
            "focus_library",
            "focus_article",
            "next_pane",
            "previous_pane",
            "next_section",
            "previous_section",
            "next_citation",
            "previous_citation",
            "activate_citation",
            "return_to_claim",
            "find_in_article",
            "find_next",
            "find_previous",
        ),
    ),
    Part("bookmarks"),
    MenuSpec("help", QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("show_shortcuts",)),
)

#: The tool bars of the window, in the order they stand. Colours, font, spacing and
#: reading aloud are on bars of their own: each goes to its own row when one row cannot
#: hold them all (large text), instead of eliding the labels.
TOOL_BARS: tuple[BarSpec, ...] = (
    BarSpec(
        "reading_toolbar",
        QT_TRANSLATE_NOOP("MainWindow", "Reading tools"),
        QT_TRANSLATE_NOOP("MainWindow", "Reading tools"),
        (
            "back",
            "forward",
            SEPARATOR,
            "zoom_out",
            Part("text_size"),
            "zoom_in",
            SEPARATOR,
            "reading_mode",
        ),
        toggle=QT_TRANSLATE_NOOP("MainWindow", "Show reading tools"),
    ),
    BarSpec(
        "look_toolbar",
        QT_TRANSLATE_NOOP("MainWindow", "Look and read aloud"),
        QT_TRANSLATE_NOOP("MainWindow", "Look and read aloud"),
        (Part("theme"), Part("font"), Part("spacing"), SEPARATOR, "reset_view"),
        toggle=QT_TRANSLATE_NOOP("MainWindow", "Show look tools"),
    ),
    BarSpec(
        "speech_toolbar",
        QT_TRANSLATE_NOOP("MainWindow", "Read aloud"),
        QT_TRANSLATE_NOOP("MainWindow", "Read aloud"),
        (Part("read_aloud", focus=False),),
        toggle=QT_TRANSLATE_NOOP("MainWindow", "Show read-aloud tools"),
        text_only=False,
    ),
)
#: Reading mode's only bar: leave it, the text size, back, and every menu.
READING_BAR = BarSpec(
    "reading_mode_bar",
    QT_TRANSLATE_NOOP("MainWindow", "Reading mode"),
    QT_TRANSLATE_NOOP("MainWindow", "Reading mode tools"),
    ("reading_mode", "back", "zoom_out", Part("text_size"), "zoom_in", Part("menus")),
    movable=False,
    switchable=False,
)
#: The find bar (Ctrl+F), under the article.
FIND_BAR = BarSpec(
    "find_toolbar",
    QT_TRANSLATE_NOOP("MainWindow", "Find in the article"),
    QT_TRANSLATE_NOOP("MainWindow", "Find in the article"),
    (Part("find", focus=False),),
    area=Qt.ToolBarArea.BottomToolBarArea,
    text_only=False,
    movable=False,
)


def plain(label: str) -> str:
    """A menu label as it is spoken: without the & that marks its letter."""
    return label.replace("&", "")


def label_of(b: Binding) -> str:
    """What the action of ``b`` is called in menus and on buttons, in the interface language."""
    return translated(LABELS.get(b.action, b.description))


def build_actions(
    owner: QWidget, handlers: Mapping[str, Callable[[], object]]
) -> dict[str, QAction]:
    """One action per binding of the key map, each calling its handler; their keys work
    anywhere in ``owner``'s window (keys of the article text are the article's own)."""
    wanted = {b.action for b in KEYMAP}
    if set(handlers) != wanted:
        raise KeyError(
            f"handlers missing for {sorted(wanted - set(handlers))}, "
            f"unknown {sorted(set(handlers) - wanted)}"
        )
    actions: dict[str, QAction] = {}
    for b in KEYMAP:
        action = QAction(label_of(b), owner)
        action.setObjectName(f"action_{b.action}")
        if b.scope == "window":
            action.setShortcuts([QKeySequence(k) for k in b.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = QCoreApplication.translate("MainWindow", "%1 (%2)")
        action.setToolTip(fill(tip, translated(b.description), b.keys[0]))
        action.setCheckable(b.action in CHECKABLE)
        handler = handlers[b.action]
        action.triggered.connect(lambda _checked=False, h=handler: h())
        owner.addAction(action)
        actions[b.action] = action
    return actions


#: What the window gives a menu part: a menu of its own, or something that fills one.
MenuPart: TypeAlias = "QMenu | Callable[[QMenu], object]"


def build_menus(
    bar: QMenuBar,
    actions: Mapping[str, QAction],
    parts: Mapping[str, MenuPart],
    menus: Sequence[MenuSpec | Part] = MENUS,
) -> dict[str, QMenu]:
    """The menu bar from ``menus``; the top-level menus by id (a part's by its name)."""
    top: dict[str, QMenu] = {}
    for item in menus:
        if isinstance(item, Part):
            given = parts[item.name]
            assert isinstance(given, QMenu), f"the menu bar's part {item.name!r} is a menu"
            bar.addMenu(given)
            top[item.name] = given
        else:
            menu = bar.addMenu(translated(item.title))
            _fill_menu(menu, item, actions, parts)
            top[item.id] = menu
    return top


def _fill_menu(
    menu: QMenu, spec: MenuSpec, actions: Mapping[str, QAction], parts: Mapping[str, MenuPart]
) -> None:
    if spec.name:
        menu.setObjectName(spec.name)
    for item in spec.items:
        if isinstance(item, MenuSpec):
            _fill_menu(menu.addMenu(translated(item.title)), item, actions, parts)
        elif isinstance(item, Part):
            given = parts[item.name]
            if isinstance(given, QMenu):
                menu.addMenu(given)
            else:
                given(menu)
        elif item == SEPARATOR:
            menu.addSeparator()
        else:
            menu.addAction(actions[item])


def build_tool_bar(
    window: QMainWindow,
    spec: BarSpec,
    actions: Mapping[str, QAction],
    widgets: Mapping[str, QWidget],
) -> QToolBar:
    """A tool bar of ``window`` from ``spec``: each button and widget reached by Tab and
    named for a screen reader (a button by its action's words)."""
    bar = QToolBar(translated(spec.title), window)
    bar.setObjectName(spec.id)
    bar.setAccessibleName(translated(spec.accessible_name))
    if spec.text_only:
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setMovable(spec.movable)
    # Qt's overflow button (») holds what a short row cannot show.
    bar.setFloatable(False)
    if spec.toggle:
        bar.toggleViewAction().setText(translated(spec.toggle))
    bar.toggleViewAction().setVisible(spec.switchable)
    for item in spec.items:
        if item == SEPARATOR:
            bar.addSeparator()
            continue
        if isinstance(item, Part):
            widget = widgets[item.name]
            bar.addWidget(widget)
            if item.focus:
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            continue
        action = actions[item]
        bar.addAction(action)
        button = bar.widgetForAction(action)
        if button is not None:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if not button.accessibleName():
                button.setAccessibleName(plain(action.text()))
    window.addToolBar(spec.area, bar)
    return bar
