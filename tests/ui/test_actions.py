"""The window's actions, menus and tool bars come from one table: every key a menu or a
button answers to is in the F1 list, and every line of the F1 list is a key of the window,
in English and in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from reader.core.keymap import KEYMAP
from reader.core.library import Library
from reader.core.settings import SettingsStore
from reader.ui.actions import MENUS, SEPARATOR, TOOL_BARS, MenuSpec, Part, build_actions
from reader.ui.i18n import fill, translations
from reader.ui.main_window import MainWindow
from reader.ui.shortcuts_dialog import ShortcutsDialog, key_text

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(Library.scan(LIBRARY), SettingsStore(None))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def f1_rows(qtbot: QtBot, window: MainWindow) -> list[tuple[str, str, str]]:
    """The F1 list as a person opens it: (keys, what it does, where) of each row."""
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)
    dialog = window.findChild(ShortcutsDialog)
    table = dialog.table
    rows = [
        (table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    ]
    dialog.reject()
    return rows


def menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        found.extend(menu_actions(sub) if isinstance(sub, QMenu) else [action])
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_key_of_the_window_is_in_f1_and_every_f1_line_is_a_key(
    qtbot: QtBot, language: str
) -> None:
    translations().set_language(language)
    window = make_window(qtbot)
    rows = f1_rows(qtbot, window)
    listed = {keys: what for keys, what, _where in rows}
    assert len(listed) == len(rows) == len(KEYMAP)  # no two lines name the same keys
    keyed = [a for a in window.findChildren(QAction) if a.shortcuts()]
    seen: set[str] = set()
    for action in keyed:
        portable = [k.toString() for k in action.shortcuts()]
        keys = key_text(portable)
        assert keys in listed, f"{action.text()!r} answers to {keys!r}, which F1 does not list"
        assert action.toolTip().startswith(listed[keys])  # F1 and the tip say the same
        seen.add(keys)
    # A line of F1 that no window action answers to is a key of the article text itself.
    in_article = fill(
        QCoreApplication.translate("ShortcutsDialog", "%1 (in the article text)"), ""
    ).strip(" ()")
    unkeyed = [(keys, where) for keys, _what, where in rows if keys not in seen]
    assert [keys for keys, where in unkeyed if in_article not in where] == []
    assert len(unkeyed) == sum(b.scope == "article" for b in KEYMAP) == 1
    # Each action the table places is in the window's menus or on its bars.
    placed = {a.objectName() for m in window.menus.values() for a in menu_actions(m)}
    for bar in (window.toolbar, window.look_toolbar, window.speech_toolbar):
        placed |= {a.objectName() for a in bar.actions()}
    assert {f"action_{i}" for i in table_placed()} <= placed
    if language == "es":  # the list and the menus both speak Spanish
        assert "Texto más grande" in listed.values()
        assert window.actions_by_id["zoom_in"].text() == "Texto más grande"
    window.close()


def table_placed() -> list[str]:
    """The action ids the menus and tool bars of the table hold, each time they stand."""

    def items(spec: MenuSpec) -> list[str]:
        out: list[str] = []
        for item in spec.items:
            if isinstance(item, MenuSpec):
                out += items(item)
            elif isinstance(item, str) and item != SEPARATOR:
                out.append(item)
        return out

    in_menus = [i for m in MENUS if isinstance(m, MenuSpec) for i in items(m)]
    on_bars = [i for bar in TOOL_BARS for i in bar.items if isinstance(i, str) and i != SEPARATOR]
    return in_menus + on_bars


def test_the_table_places_only_actions_of_the_key_map() -> None:
    placed = table_placed()
    assert len(placed) > 20 and set(placed) <= {b.action for b in KEYMAP}
    assert any(isinstance(m, Part) for m in MENUS)  # the bookmarks menu is its own


def test_a_handler_table_that_misses_an_action_is_refused_by_name(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    handlers = {b.action: (lambda: None) for b in KEYMAP if b.action != "print"}
    with pytest.raises(KeyError, match="print"):
        build_actions(window, handlers)
    window.close()


def test_reading_mode_is_a_switch_on_its_button_and_in_the_view_menu(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    action = window.actions_by_id["reading_mode"]
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    assert button.accessibleName() == "Reading mode"  # spoken without the menu's & letter
    assert action in menu_actions(window.menus["view"])
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F9)
    assert action.isChecked() and window.reading_mode
    assert not window.menuBar().isVisible() and window.reading_bar.isVisible()
    # F10 opens the menus there too: the Menu button's, on its first menu.
    qtbot.keyClick(window.article_view, Qt.Key.Key_F10)
    menus = window.findChild(QToolButton, "reading_menu_button").menu()
    qtbot.waitUntil(menus.isVisible)
    first = menus.activeAction()
    assert first is not None and first.menu() is window.menus["file"]
    qtbot.keyClick(menus, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menus.isVisible())
    qtbot.keyClick(window.article_view, Qt.Key.Key_F9)
    assert not action.isChecked() and window.menuBar().isVisible()
    assert QApplication.focusWidget() is window.article_view
    window.close()


def test_f10_opens_the_menu_bar_and_the_view_menu_hides_and_shows_each_tool_bar(
    qtbot: QtBot,
) -> None:
    window = make_window(qtbot)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F10)
    bar = window.menuBar()
    assert bar.activeAction() is not None
    assert bar.activeAction().menu() is window.menus["file"]
    qtbot.keyClick(bar, Qt.Key.Key_Escape)
    switches = window.findChild(QMenu, "toolbars_menu")
    assert switches in [a.menu() for a in window.menus["view"].actions()]
    by_text = {a.text(): a for a in switches.actions()}
    assert list(by_text) == ["Show reading tools", "Show look tools", "Show read-aloud tools"]
    for text, tools in zip(
        by_text, (window.toolbar, window.look_toolbar, window.speech_toolbar), strict=True
    ):
        assert tools.isVisible() and by_text[text].isChecked()
        by_text[text].trigger()
        assert not tools.isVisible() and not by_text[text].isChecked()
        by_text[text].trigger()
        assert tools.isVisible()
    window.close()


def test_every_button_of_the_bars_is_named_and_described_for_a_screen_reader(
    qtbot: QtBot,
) -> None:
    window = make_window(qtbot)
    what = {f"action_{b.action}": b for b in KEYMAP}
    bars = (window.toolbar, window.look_toolbar, window.speech_toolbar, window.reading_bar)
    buttons = 0
    for bar in bars:
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if action.objectName() not in what or button is None:
                continue
            buttons += 1
            spoken = QAccessible.queryAccessibleInterface(button)
            assert spoken.text(QAccessible.Text.Name) == action.text().replace("&", "")
            description = spoken.text(QAccessible.Text.Description)
            assert description.startswith(what[action.objectName()].description), description
            assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert buttons >= 10
    window.close()
