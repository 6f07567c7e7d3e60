"""Hint and disabled text as Qt paints it, in every theme: 7:1 against the field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.theme import THEMES, Theme, contrast_ratio
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow

LIBRARY = Path(__file__).parents[1] / "fixtures" / "ui_library"


def painted(colour: QColor, under: QColor) -> str:
    """The colour a translucent ``colour`` becomes over ``under`` (what the eye sees)."""
    a = colour.alphaF()
    mix = [
        round(a * c + (1 - a) * u)
        for c, u in zip(
            (colour.red(), colour.green(), colour.blue()),
            (under.red(), under.green(), under.blue()),
            strict=True,
        )
    ]
    return QColor(*mix).name()


def ratio(widget: QWidget, group: QPalette.ColorGroup, role: QPalette.ColorRole) -> float:
    pal = widget.palette()
    base = pal.color(group, QPalette.ColorRole.Base)
    return contrast_ratio(painted(pal.color(group, role), base), base.name())


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = build_window(GuiOptions(library=LIBRARY, open_target="b12-breast-milk"), start_search=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.update_settings(theme="light")
    w.close()


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_placeholder_text_is_readable_in_every_theme(window: MainWindow, theme: Theme) -> None:
    window.update_settings(theme=theme.id)
    fields: list[QLineEdit] = [window.search_pane.box, window.references_pane.address]
    assert window.search_pane.box.placeholderText() == "Search the library"
    assert window.references_pane.address.placeholderText().startswith("No DOI")
    for field in fields:
        field.ensurePolished()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            got = ratio(field, group, QPalette.ColorRole.PlaceholderText)
            assert got >= 7.0, (field.objectName(), group.name, f"{got:.2f}:1")


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_disabled_text_is_readable_in_every_theme(window: MainWindow, theme: Theme) -> None:
    window.update_settings(theme=theme.id)
    field = window.search_pane.box
    field.setEnabled(False)
    try:
        field.ensurePolished()
        disabled = QPalette.ColorGroup.Disabled
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.PlaceholderText):
            got = ratio(field, disabled, role)
            assert got >= 7.0, (role.name, f"{got:.2f}:1")
        assert window._app.palette().color(disabled, QPalette.ColorRole.ButtonText) == QColor(
            theme.disabled
        )
    finally:
        field.setEnabled(True)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_reading_mode_icons_are_drawn_with_the_contrast_of_text(
    window: MainWindow, qtbot: QtBot, theme: Theme
) -> None:
    """Reading mode's icon buttons as they are painted: the strokes in the theme's button
    text (disabled: its disabled text), at least 7:1 against the button."""
    window.update_settings(theme=theme.id)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F9)
    try:
        buttons = [
            b
            for b in window.reading_bar.findChildren(QToolButton)
            if b.isVisible() and not b.icon().isNull()
        ]
        assert len(buttons) == 5
        assert any(not b.isEnabled() for b in buttons)  # Back: nowhere to go back to yet
        for button in buttons:
            picture = button.grab().toImage()
            ink = QColor(theme.control_fg if button.isEnabled() else theme.disabled)
            side = button.iconSize().width()
            centre = button.rect().center()
            strokes = sum(
                picture.pixelColor(x, y) == ink
                for x in range(centre.x() - side // 2, centre.x() + side // 2)
                for y in range(centre.y() - side // 2, centre.y() + side // 2)
            )
            assert strokes >= side, (button.accessibleName(), strokes)  # more than a dot
            assert contrast_ratio(ink.name(), theme.control_bg) >= 7.0
    finally:
        qtbot.keyClick(window.article_view, Qt.Key.Key_F9)
