"""Read aloud: disabled with a reason when there is no engine; sentence by sentence with one."""

from __future__ import annotations

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from reader.ui.speech import ENGINE_ENV, ReadAloudControls, engine_availability

TEXT = "<h1>Iron</h1><p>Iron needs rise in pregnancy. Lentils contain iron. So does spinach.</p>"


@pytest.fixture
def browser(qtbot: QtBot) -> QTextBrowser:
    view = QTextBrowser()
    view.setHtml(TEXT)
    qtbot.addWidget(view)
    return view


def test_no_engine_leaves_the_controls_disabled_saying_why(
    browser: QTextBrowser, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    monkeypatch.delenv(ENGINE_ENV, raising=False)
    controls = ReadAloudControls(browser)
    qtbot.addWidget(controls)
    assert not controls.play.isEnabled()
    assert "No speech engine" in controls.play.toolTip()
    assert "No speech engine" in controls.play.accessibleDescription()
    assert not controls.read_from_caret()


def test_unknown_engine_is_reported() -> None:
    availability = engine_availability("no-such-engine")
    assert availability.engine is None
    assert "no-such-engine" in availability.reason


@pytest.mark.skipif("mock" not in QTextToSpeech.availableEngines(), reason="no mock engine")
def test_reads_sentence_by_sentence_highlighting_each(browser: QTextBrowser, qtbot: QtBot) -> None:
    controls = ReadAloudControls(browser, engine="mock")
    qtbot.addWidget(controls)
    assert controls.play.isEnabled()
    cursor = browser.textCursor()
    cursor.setPosition(5)  # the start of the paragraph
    browser.setTextCursor(cursor)
    spoken: list[str] = []
    text = browser.toPlainText()
    controls.reader.sentence_started.connect(lambda s, e: spoken.append(text[s:e]))
    with qtbot.waitSignal(controls.reader.sentence_started):
        controls.play.click()
    assert controls.spoken_range() == (5, 5 + len("Iron needs rise in pregnancy."))
    assert controls.pause.isEnabled() and controls.stop.isEnabled()
    with qtbot.waitSignal(controls.reader.finished, timeout=20000):
        pass
    assert spoken == ["Iron needs rise in pregnancy.", "Lentils contain iron.", "So does spinach."]
    assert controls.spoken_range() is None
    assert not controls.stop.isEnabled()


@pytest.mark.skipif("mock" not in QTextToSpeech.availableEngines(), reason="no mock engine")
def test_pause_resume_and_stop(browser: QTextBrowser, qtbot: QtBot) -> None:
    controls = ReadAloudControls(browser, engine="mock")
    qtbot.addWidget(controls)
    with qtbot.waitSignal(controls.reader.sentence_started):
        assert controls.read_from(5)
    controls.pause.click()
    assert controls.reader.state == "paused"
    assert controls.pause.text() == "Resume"
    controls.pause.click()
    assert controls.reader.state == "speaking"
    controls.stop.click()
    assert controls.reader.state == "idle"
    assert controls.spoken_range() is None
