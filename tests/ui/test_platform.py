"""The platform's colour scheme and text size are read at start and followed when they change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.theme import DARK, HIGH_CONTRAST, LIGHT, SYSTEM, resolve_theme
from reader.ui.platform import Platform


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
