"""Idle reset with a warning (WCAG 2.2.1): after the idle time a countdown offers
"Keep reading"; any touch, key or click keeps the session; at zero it expires."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.ui.accessibility import announce

log = logging.getLogger(__name__)


class IdleWarning(QFrame):
    """The warning shown over the whole window: what will happen, when, and how to stay."""

    keep_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleWarning")
        self.setFrameShape(QFrame.Shape.Box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(20)
        self.heading = QLabel(self)
        self.heading.setObjectName("idleHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("idleCountdown")
        self.countdown.setWordWrap(True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keep_button = QPushButton(self)
        self.keep_button.setObjectName("keepReading")
        self.keep_button.clicked.connect(self.keep_requested.emit)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.countdown)
        layout.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self._seconds = 0
        self._retranslate()
        self.hide()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Are you still reading?"))
        self.heading.setText(self.tr("Are you still reading?"))
        self.keep_button.setText(self.tr("Keep reading"))
        self.keep_button.setAccessibleName(self.tr("Keep reading"))
        if self._seconds:
            self.show_remaining(self._seconds)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_remaining(self, seconds: int) -> None:
        self._seconds = seconds
        text = self.tr(
            "This screen will clear in %n second(s), so the next person does not see "
            "what you read. Touch the screen or press any key to keep reading.",
            "",
            seconds,
        )
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)


class IdleController(QObject):
    """Counts idle time; shows the warning; says when the session has expired.

    ``idle_ms`` and ``countdown_s`` come from the deployment's configuration (which
    enforces a countdown of at least 20 s); tests pass shorter ones here.
    """

    warning_shown = Signal(int)  # seconds left
    session_kept = Signal()
    session_expired = Signal()

    def __init__(
        self, warning: IdleWarning, *, idle_ms: int, countdown_s: int, tick_ms: int = 1000
    ) -> None:
        super().__init__(warning)
        self._warning = warning
        self._countdown_s = countdown_s
        self._remaining = countdown_s
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick)
        warning.keep_requested.connect(self.activity)

    @property
    def warning_visible(self) -> bool:
        return self._tick.isActive()

    @property
    def remaining(self) -> int:
        return self._remaining

    def start(self) -> None:
        self._idle.start()

    def set_timing(self, *, idle_ms: int, countdown_s: int) -> None:
        """Change the idle time and the countdown (from the next idle period on)."""
        self._idle.setInterval(idle_ms)
        self._countdown_s = countdown_s
        if self._idle.isActive():
            self._idle.start()

    def stop(self) -> None:
        self._idle.stop()
        self._tick.stop()
        self._warning.hide()

    def activity(self) -> None:
        """A person did something: restart the idle time, and keep the session if warned."""
        if self._tick.isActive():
            self._tick.stop()
            self._warning.hide()
            announce(self._warning, self.tr("Welcome back. Your session continues."))
            self.session_kept.emit()
        self._idle.start()

    def _on_idle_timeout(self) -> None:
        self._remaining = self._countdown_s
        self._warning.show_remaining(self._remaining)
        self._warning.cover()
        self._tick.start()
        announce(
            self._warning,
            self.tr(
                "Are you still reading? This screen will clear in %n second(s). "
                "Touch the screen or press any key to keep reading.",
                "",
                self._remaining,
            ),
            assertive=True,
        )
        self.warning_shown.emit(self._remaining)

    def _on_tick(self) -> None:
        self._remaining -= 1
        if self._remaining > 0:
            self._warning.show_remaining(self._remaining)
            if self._remaining in (10, 5):
                left = self.tr("%n second(s) left.", "", self._remaining)
                announce(self._warning, left, assertive=True)
            return
        self._tick.stop()
        self._warning.hide()
        log.info("idle session expired")
        self.session_expired.emit()
        self._idle.start()
