"""The administrator's way out: a gesture on a corner, then the PIN.

A wrong PIN does nothing but say so; after a few wrong PINs in a row the pad is
locked for a while, longer each time, and restarting gives no fresh tries
(:mod:`reader.core.lockout`). The PIN is checked against the salted hash in
constant time (:func:`reader.core.kiosk.verify_pin`).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.kiosk import AdminPolicy, verify_pin
from reader.core.lockout import PinLockout
from reader.ui.accessibility import announce

log = logging.getLogger(__name__)


class AdminGesture(QObject):
    """Watches one widget for the configured gesture: N taps within a window, or a hold."""

    triggered = Signal()

    def __init__(
        self, target: QWidget, policy: AdminPolicy, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(target)
        self._policy = policy
        self._clock = clock
        self._taps: list[float] = []
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(round(policy.hold_seconds * 1000))
        self._hold.timeout.connect(self.triggered.emit)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt\'s name
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                self._pressed()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._hold.stop()
        return False

    def _pressed(self) -> None:
        if self._policy.gesture == "hold":
            self._hold.start()
            return
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= self._policy.tap_window]
        self._taps.append(now)
        if len(self._taps) >= self._policy.taps:
            self._taps.clear()
            self.triggered.emit()


class AdminGate(QObject):
    """Checks PINs; after too many wrong ones in a row the pad is locked, longer each time.

    The count survives restarts in the deployment's lockout file
    (:class:`~reader.core.lockout.PinLockout`); a kiosk that starts while a lock is
    running starts locked.
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        policy: AdminPolicy,
        parent: QObject | None = None,
        *,
        lockout: PinLockout | None = None,
    ) -> None:
        super().__init__(parent)
        self._policy = policy
        self.lockout = lockout or PinLockout(
            policy.lockout_file,
            failures_before_delay=policy.failures_before_delay,
            failure_delay=policy.failure_delay,
        )
        self._unlock = QTimer(self)
        self._unlock.setSingleShot(True)
        self._unlock.timeout.connect(self._on_unlock)
        if self.lockout.locked:
            self._start_unlock_timer()

    @property
    def locked(self) -> bool:
        return self.lockout.locked

    def _start_unlock_timer(self) -> None:
        self._unlock.start(max(1, math.ceil(self.lockout.remaining() * 1000)))

    def check(self, pin: str) -> bool:
        if self.locked or self._policy.pin_hash is None:
            return False
        if verify_pin(pin, self._policy.pin_hash):
            self.lockout.record_success()
            return True
        seconds = self.lockout.record_failure()
        log.warning(
            "a wrong kiosk PIN was entered (%d in a row)",
            self.lockout.state.failures or self._policy.failures_before_delay,
        )
        if seconds:
            log.warning("the kiosk PIN pad is locked for %d s", seconds)
            self._start_unlock_timer()
            self.locked_changed.emit(True)
        return False

    def _on_unlock(self) -> None:
        if self.lockout.locked:  # the wall clock has not got there yet
            self._start_unlock_timer()
            return
        self.locked_changed.emit(False)


class PinDialog(QDialog):
    """A digit pad for the administrator PIN; accepted only when the PIN is right."""

    def __init__(self, gate: AdminGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Staff only"))
        self.setAccessibleName(self.tr("Staff only: enter the PIN to leave kiosk mode"))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setModal(True)
        self.setAcceptDrops(False)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = QLabel(self.tr("Staff only: enter the PIN to leave kiosk mode"), self)
        title.setWordWrap(True)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pinEntry")
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(r"[0-9]{0,12}", self.pin))
        self.pin.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.pin.returnPressed.connect(self._on_ok)
        self.message = QLabel("", self)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.pin)
        layout.addWidget(self.message)
        pad = QGridLayout()
        for n in range(10):
            button = self._button(str(n), str(n))
            button.clicked.connect(lambda _=False, d=str(n): self.pin.insert(d))
            row, col = (3, 1) if n == 0 else ((n - 1) // 3, (n - 1) % 3)
            pad.addWidget(button, row, col)
        delete = self._button("⌫", self.tr("Delete the last digit"))
        delete.clicked.connect(self.pin.backspace)
        pad.addWidget(delete, 3, 2)
        cancel = self._button(self.tr("Cancel"), self.tr("Cancel"))
        cancel.setObjectName("pinCancel")
        cancel.clicked.connect(self.reject)
        pad.addWidget(cancel, 3, 0)
        layout.addLayout(pad)
        self.ok = self._button(self.tr("Leave kiosk mode"), self.tr("Leave kiosk mode"))
        self.ok.setObjectName("pinOk")
        self.ok.clicked.connect(self._on_ok)
        layout.addWidget(self.ok)
        gate.locked_changed.connect(self._on_locked_changed)
        self._on_locked_changed(gate.locked)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _on_locked_changed(self, locked: bool) -> None:
        self.ok.setEnabled(not locked)
        self.pin.setEnabled(not locked)
        if locked:
            ends = QTime.currentTime().addSecs(math.ceil(self._gate.lockout.remaining()))
            until = QLocale().toString(ends, QLocale.FormatType.ShortFormat)
            text = self.tr("Too many wrong PINs. Please wait until %1, then try again.")
            self._say(text.replace("%1", until))
        elif self.isVisible():
            self._say(self.tr("You can try the PIN again."))
            self.pin.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        announce(self.message, text, assertive=True)

    def _on_ok(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        if self._gate.check(pin):
            self.accept()
        elif not self._gate.locked:
            self._say(self.tr("That PIN is not right."))
