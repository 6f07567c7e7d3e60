"""The platform's colour scheme and text size are read at start and followed when they change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.gui import GuiOptions
from reader.core.theme import DARK, HIGH_CONTRAST, LIGHT, SYSTEM, resolve_theme
from reader.ui import look
from reader.ui.app import build_window
from reader.ui.platform import Platform

#: The window paints the whole application (font, palette, style sheet): undone after each.
pytestmark = pytest.mark.usefixtures("restore_application_look")


@pytest.fixture
def platform(qapp: QApplication) -> Iterator[Platform]:
    font = QApplication.font()
    watcher = Platform(qapp)
    yield watcher
    QApplication.setFont(font)
    shiboken6.delete(watcher)


def test_system_colour_scheme_is_read_and_its_changes_followed(
    platform: Platform, qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    hints = qapp.styleHints()
    scheme = [Qt.ColorScheme.Dark]
    monkeypatch.setattr(type(hints), "colorScheme", lambda self: scheme[0])
    assert platform.system_dark() is True
    assert resolve_theme(SYSTEM, system_dark=platform.system_dark()) is DARK
    scheme[0] = Qt.ColorScheme.Light
    with qtbot.waitSignal(platform.changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)  # what the platform sends
    assert resolve_theme(SYSTEM, system_dark=platform.system_dark()) is LIGHT
    scheme[0] = Qt.ColorScheme.Unknown
    assert platform.system_dark() is None


def test_high_contrast_preference_picks_the_high_contrast_theme(platform: Platform) -> None:
    assert resolve_theme(SYSTEM, system_dark=None, high_contrast=True) is HIGH_CONTRAST
    assert platform.high_contrast() in (True, False)


def test_system_text_size_change_is_followed(platform: Platform, qtbot: QtBot) -> None:
    before = platform.base_point_size()
    bigger = QFont(QApplication.font())
    bigger.setPointSizeF(before * 2)
    with qtbot.waitSignal(platform.changed):
        QApplication.setFont(bigger)
    assert platform.base_point_size() == pytest.approx(before * 2)


def test_window_follows_platform_text_scale_and_contrast_while_running(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Path(__file__).parents[1] / "fixtures" / "ui_library"
    window = build_window(GuiOptions(library=library), start_search=False)
    qtbot.addWidget(window)
    assert window.settings.theme == SYSTEM
    before = QApplication.font().pointSizeF()
    base = window.look.base_point
    monkeypatch.setattr(look, "system_point_size", lambda: base * 1.5)
    monkeypatch.setattr(look, "system_high_contrast", lambda: True)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ThemeChange))  # what the platform sends
    assert window.theme is HIGH_CONTRAST
    assert QApplication.font().pointSizeF() == pytest.approx(before * 1.5, rel=0.05)
    assert window.settings.text_scale == 100  # the user's own setting is unchanged
    window.close()
