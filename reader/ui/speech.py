"""Read aloud: the article from the caret (or a chosen position), one sentence at a time.

The speech engine is created only when reading is first asked for, never at start-up,
and only when one is usable: with no engine (or only Qt's ``mock`` test engine) the
controls stay disabled and say why. Each spoken sentence is highlighted in the view.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.core.text import sentence_spans
from reader.ui.accessibility import announce
from reader.ui.i18n import fill
from reader.ui.spoken_only import visible_text

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

#: Set to an engine name ("speechd", or "mock" in tests) to choose the engine.
ENGINE_ENV = "OFFLINE_READER_SPEECH_ENGINE"


def speech_missing() -> str:
    """Why reading aloud is off when Qt's speech module is not installed, and how to get it."""
    return QCoreApplication.translate(
        "ReadAloud",
        "Reading aloud is not installed. To add it: pip install 'offline-reader[speech]' "
        "(Qt's speech module), and on Debian or Ubuntu apt install speech-dispatcher espeak-ng.",
    )


#: Marks the extra selection that shows the spoken sentence.
_SPOKEN = QTextCharFormat.Property.UserProperty + 17


@dataclass(frozen=True, slots=True)
class Availability:
    engine: str | None
    reason: str  # why reading aloud is not possible ("" when it is)


def engine_availability(preferred: str | None = None) -> Availability:
    """Which speech engine to use, found without starting one (which may block)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:  # the "speech" extra (PySide6-Addons) or its libraries
        log.info("QtTextToSpeech cannot be imported: %s", exc)
        return Availability(None, speech_missing())
    engines = list(QTextToSpeech.availableEngines())
    wanted = preferred or os.environ.get(ENGINE_ENV) or None
    if wanted:
        if wanted in engines:
            return Availability(wanted, "")
        missing = QCoreApplication.translate(
            "ReadAloud", "The speech engine “%1” is not installed."
        )
        return Availability(None, fill(missing, wanted))
    if "speechd" in engines and shutil.which("speech-dispatcher"):
        return Availability("speechd", "")
    real = [e for e in engines if e not in ("mock", "speechd")]
    if real:
        return Availability(real[0], "")
    return Availability(
        None,
        QCoreApplication.translate(
            "ReadAloud",
            "No speech engine is installed, so reading aloud is off. "
            "On Debian or Ubuntu: apt install speech-dispatcher espeak-ng.",
        ),
    )


class ReadAloud(QObject):
    """Speaks a text sentence by sentence; reports each sentence as it starts."""

    state_changed = Signal(str)  # "idle" | "speaking" | "paused"
    sentence_started = Signal(int, int)  # start, end (offsets in the caller's text + base)
    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, engine: str | None = None) -> None:
        super().__init__(parent)
        self.availability = engine_availability(engine)
        self._engine: QTextToSpeech | None = None
        self._queue: list[tuple[int, int, str]] = []
        self._current: tuple[int, int, str] | None = None
        self._state = "idle"
        self._rate = 0.0
        self._language = "en"

    @property
    def available(self) -> bool:
        return self.availability.engine is not None

    @property
    def state(self) -> str:
        return self._state

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _tts(self) -> QTextToSpeech:
        # Imported here: the module needs system libraries a reader without speech may lack.
        if self._engine is None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            engine = QTextToSpeech(self.availability.engine or "", self)
            engine.stateChanged.connect(self._on_engine_state)
            engine.errorOccurred.connect(self._on_engine_error)
            self._engine = engine
        return self._engine

    def set_rate(self, rate: float) -> None:
        """-1.0 (slowest) .. 0.0 (normal) .. 1.0 (fastest)."""
        self._rate = max(-1.0, min(1.0, rate))
        if self._engine is not None:
            self._tts().setRate(self._rate)

    def speak(self, text: str, *, base: int = 0, language: str = "en") -> bool:
        """Read ``text`` aloud; sentence offsets are reported shifted by ``base``."""
        if not self.available:
            self.failed.emit(self.availability.reason)
            return False
        self.stop()
        self._queue = [(base + s, base + e, text[s:e]) for s, e in sentence_spans(text)]
        if not self._queue:
            return False
        tts = self._tts()
        self._language = language
        self._choose_voice(tts, language)
        tts.setRate(self._rate)
        self._next()
        return True

    @staticmethod
    def _choose_voice(tts: QTextToSpeech, language: str) -> None:
        code = language.split("-")[0].split("_")[0].lower()
        for locale in tts.availableLocales():
            if locale.name().split("_")[0].lower() == code:
                tts.setLocale(locale)
                return

    def _next(self) -> None:
        if not self._queue:
            self._current = None
            self._set_state("idle")
            self.finished.emit()
            return
        self._current = self._queue.pop(0)
        start, end, sentence = self._current
        self._set_state("speaking")
        self.sentence_started.emit(start, end)
        self._tts().say(sentence)

    def pause(self) -> None:
        if self._state == "speaking" and self._engine is not None:
            self._tts().pause()
            self._set_state("paused")

    def resume(self) -> None:
        if self._state == "paused" and self._engine is not None:
            self._set_state("speaking")
            self._tts().resume()

    def stop(self) -> None:
        self._queue = []
        self._current = None
        if self._engine is not None:
            with QSignalBlocker(self._engine):
                self._tts().stop()
        self._set_state("idle")

    def _on_engine_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Ready and self._state == "speaking":
            self._next()
        elif state == QTextToSpeech.State.Error:
            self._on_engine_error()

    def _on_engine_error(self, *args: object) -> None:
        message = self.tr("Reading aloud stopped: the speech engine reported an error.")
        if self._engine is not None and self._tts().errorString():
            message = fill(self.tr("Reading aloud stopped: %1."), self._tts().errorString())
        self.stop()
        self.failed.emit(message)


class ReadAloudControls(QWidget):
    """Read aloud / pause / stop and a rate slider for one article browser."""

    def __init__(
        self, browser: QTextBrowser, parent: QWidget | None = None, *, engine: str | None = None
    ) -> None:
        super().__init__(parent)
        self.browser = browser
        #: Called before the text is read (the article view puts all of its text in).
        self.before_reading: Callable[[], None] = lambda: None
        self.reader = ReadAloud(self, engine=engine)
        self.language = "en"
        self.setAccessibleName(self.tr("Read aloud"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.play = QToolButton(self)
        self.play.setText(self.tr("Read aloud"))
        self.play.setAccessibleName(self.tr("Read aloud from the cursor"))
        self.pause = QToolButton(self)
        self.pause.setText(self.tr("Pause"))
        self.pause.setAccessibleName(self.tr("Pause reading"))
        self.stop = QToolButton(self)
        self.stop.setText(self.tr("Stop"))
        self.stop.setAccessibleName(self.tr("Stop reading"))
        rate_label = QLabel(self.tr("Rate"), self)
        self.rate = QSlider(Qt.Orientation.Horizontal, self)
        self.rate.setRange(-10, 10)
        self.rate.setValue(0)
        self.rate.setAccessibleName(self.tr("Reading rate"))
        rate_label.setBuddy(self.rate)
        for w in (self.play, self.pause, self.stop, rate_label, self.rate):
            layout.addWidget(w)
        self.play.clicked.connect(self.read_from_caret)
        self.pause.clicked.connect(self._on_pause_clicked)
        self.stop.clicked.connect(self.reader.stop)
        self.rate.valueChanged.connect(lambda v: self.reader.set_rate(v / 10))
        self.reader.state_changed.connect(self._on_reader_state_changed)
        self.reader.sentence_started.connect(self._highlight)
        self.reader.finished.connect(self._clear_highlight)
        self.reader.failed.connect(self._on_reader_failed)
        self._update()

    def _update(self) -> None:
        ok = self.reader.available
        state = self.reader.state
        self.play.setEnabled(ok)
        self.pause.setEnabled(ok and state != "idle")
        paused = state == "paused"
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause.setAccessibleName(
            self.tr("Resume reading") if paused else self.tr("Pause reading")
        )
        self.stop.setEnabled(ok and state != "idle")
        self.rate.setEnabled(ok)
        reason = self.reader.availability.reason
        for w in (self.play, self.pause, self.stop, self.rate):
            w.setToolTip(reason if not ok else w.accessibleName())
            w.setAccessibleDescription(reason)

    def read_from_caret(self) -> bool:
        return self.read_from(self.browser.textCursor().position())

    def read_from(self, position: int) -> bool:
        """Read from document position ``position`` (a section's start, the caret) to the end."""
        self.before_reading()
        text = visible_text(self.browser.document())  # never a screen reader's own words
        position = max(0, min(position, len(text)))
        return self.reader.speak(text[position:], base=position, language=self.language)

    def toggle_pause(self) -> None:
        self._on_pause_clicked()

    def _on_pause_clicked(self) -> None:
        if self.reader.state == "paused":
            self.reader.resume()
        else:
            self.reader.pause()

    def _on_reader_state_changed(self, state: str) -> None:
        if state == "idle":
            self._clear_highlight()
        self._update()

    def _on_reader_failed(self, message: str) -> None:
        self._update()
        announce(self, message, assertive=True)

    def _highlight(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        palette = self.browser.palette()
        fmt.setBackground(palette.highlight())
        fmt.setForeground(palette.highlightedText())
        fmt.setProperty(_SPOKEN, True)
        selection.format = fmt
        others = [s for s in self.browser.extraSelections() if not s.format.property(_SPOKEN)]
        self.browser.setExtraSelections([*others, selection])
        visible = QTextCursor(cursor)
        visible.setPosition(start)
        self.browser.setTextCursor(visible)
        self.browser.ensureCursorVisible()

    def spoken_range(self) -> tuple[int, int] | None:
        """The highlighted sentence (document positions), if any."""
        for s in self.browser.extraSelections():
            if s.format.property(_SPOKEN):
                return s.cursor.selectionStart(), s.cursor.selectionEnd()
        return None

    def _clear_highlight(self) -> None:
        others = [s for s in self.browser.extraSelections() if not s.format.property(_SPOKEN)]
        self.browser.setExtraSelections(others)


__all__ = ["Availability", "ReadAloud", "ReadAloudControls", "engine_availability"]
