"""The window carries the reader's icon, in every size a desktop asks for."""

from __future__ import annotations

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from reader.core.desktop import APP_ID
from reader.ui.app import application


def test_the_application_has_the_readers_icon(qtbot: QtBot) -> None:
    app = application()
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {QSize(16, 16), QSize(48, 48), QSize(256, 256)} <= set(icon.availableSizes())
    image = icon.pixmap(QSize(64, 64)).toImage()
    assert image.pixelColor(32, 6).alpha() == 255  # drawn, not an empty square
    assert app.desktopFileName() == APP_ID
