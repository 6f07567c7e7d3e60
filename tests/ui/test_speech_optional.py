"""Reading aloud is an optional extra: without Qt's speech module the reader still
starts, and the read-aloud controls say how to install it."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from reader.ui.speech import ReadAloudControls, engine_availability


def test_without_the_speech_module_the_controls_say_how_to_get_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails
    assert engine_availability().engine is None
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    controls = ReadAloudControls(browser)
    qtbot.addWidget(controls)
    assert not controls.play.isEnabled()
    said = controls.play.accessibleDescription()
    assert "offline-reader[speech]" in said and "speech-dispatcher" in said
    assert controls.play.toolTip() == said
